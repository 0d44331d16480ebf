"""The patient list model: all rows held in memory, filtered in Python, never one item per row.

10,000 patients take about a megabyte; filtering in memory is far quicker than a round trip to a
shared PostgreSQL server, so search stays instant. The model is virtual (Qt asks only for the rows
on screen), and the search index is built once: each patient's folded key is kept across reloads
and recomputed only for a changed row. A keystroke scans one joined string of all keys with
`str.find` (C speed) instead of testing every row in Python, and a query that only adds letters
filters the rows already shown.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiptrack.domain.patient_rules import PatientRow
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import translate

# Marked for the catalogue, translated when Qt asks for a header (not at import).
COLUMNS = (QT_TRANSLATE_NOOP("PatientListModel", "Chart"), QT_TRANSLATE_NOOP("PatientListModel", "Name"),
           QT_TRANSLATE_NOOP("PatientListModel", "Date of birth"))
Index = QModelIndex | QPersistentModelIndex
# Separates the keys in the joined index; folded keys never contain it.
_SEP = "\n"


def _fold(text: str) -> str:
    """Lower-case and strip accents, so 'moreau' finds 'Moreau' and 'jose' finds 'José'."""
    if text.isascii():
        return text.casefold()  # most names: nothing to decompose (and ten times quicker)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key(chart_number: str, last_name: str, first_name: str) -> str:
    return _fold(f"{chart_number} {last_name} {first_name} {first_name} {last_name}").replace(_SEP, " ")


def _refines(new: list[str], old: list[str]) -> bool:
    """True when every row matching `new` also matches `old` (the user only typed more)."""
    return bool(old) and len(new) >= len(old) and all(o in n for o, n in zip(old, new, strict=False))


class PatientIndex:
    """The rows and their search index, built in one go from plain rows.

    Pure Python and no Qt: the main window builds it on a worker thread at start-up and on its
    periodic refresh (100,000 patients take most of a second), then hands the finished index to
    the model on the GUI thread. Never changed once built, so it may cross threads."""

    def __init__(self, rows: list[PatientRow], known_keys: dict[tuple[str, str, str], str] | None = None) -> None:
        known = known_keys or {}
        self.key_of: dict[tuple[str, str, str], str] = {}  # (chart, last, first) -> folded key
        self.keys: list[str] = []
        for row in rows:
            names = (row.chart_number, row.last_name, row.first_name)
            key = known.get(names) or _key(*names)
            self.key_of[names] = key
            self.keys.append(key)
        self.rows = rows
        self.joined = _SEP.join(self.keys)
        self.starts: list[int] = []
        offset = 0
        for key in self.keys:
            self.starts.append(offset)
            offset += len(key) + 1
        self.index_of_id = {row.id: i for i, row in enumerate(rows)}


class PatientListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._index = PatientIndex([])
        self._rows: list[PatientRow] = []
        self._keys: list[str] = []
        self._joined = ""
        self._starts: list[int] = []
        self._index_of_id: dict[int, int] = {}
        self._visible: list[int] = []
        self._query: list[str] = []
        # Looked up once, not per cell; tests subclass the model, hence a literal context, not self.tr.
        self._archived = translate("PatientListModel", "{name}  (archived)")

    # --- data ---
    def set_rows(self, rows: list[PatientRow]) -> None:
        self.set_index(self.build_index(rows))

    def build_index(self, rows: list[PatientRow]) -> PatientIndex:
        """An index of `rows` reusing the current one's folded keys (safe on a worker thread)."""
        return PatientIndex(rows, self._index.key_of)

    def set_index(self, index: PatientIndex) -> None:
        self.beginResetModel()
        self._index = index
        self._rows, self._keys, self._joined = index.rows, index.keys, index.joined
        self._starts, self._index_of_id = index.starts, index.index_of_id
        self._visible = self._matching(self._query, None)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        query = _fold(text).split()
        if query == self._query:
            return
        within = self._visible if _refines(query, self._query) else None
        self.beginResetModel()
        self._query = query
        self._visible = self._matching(query, within)
        self.endResetModel()

    def _matching(self, terms: list[str], within: list[int] | None) -> list[int]:
        """Indexes of the rows whose key holds every term, in list order."""
        if not terms:
            return list(range(len(self._rows)))
        keys = self._keys
        if within is None:
            first, rest = max(terms, key=len), list(terms)
            rest.remove(first)
            within = self._scan(first)
            terms = rest
        if not terms:
            return within
        return [i for i in within if all(term in keys[i] for term in terms)]

    def _scan(self, term: str) -> list[int]:
        """Rows whose key contains `term`, found by scanning the joined keys once."""
        joined, starts, find = self._joined, self._starts, self._joined.find
        if joined.count(term) * 8 > len(starts):
            # A common term (one letter): a hit per row costs more than testing each row.
            return [i for i, key in enumerate(self._keys) if term in key]
        found: list[int] = []
        position = find(term)
        while position >= 0:
            row = bisect.bisect_right(starts, position) - 1
            found.append(row)
            # Continue after this row's key: one hit per row is enough.
            next_start = starts[row + 1] if row + 1 < len(starts) else len(joined)
            position = find(term, next_start)
        return found

    def row_at(self, row: int) -> PatientRow | None:
        if 0 <= row < len(self._visible):
            return self._rows[self._visible[row]]
        return None

    def row_of(self, patient_id: int) -> int | None:
        index = self._index_of_id.get(patient_id)
        if index is None:
            return None
        row = bisect.bisect_left(self._visible, index)
        return row if row < len(self._visible) and self._visible[row] == index else None

    @property
    def total(self) -> int:
        return len(self._rows)

    # --- Qt model interface ---
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("PatientListModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.chart_number
            if column == 1:
                return self._archived.format(name=row.display_name) if row.archived else row.display_name
            return F.date(row.date_of_birth)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            from PySide6.QtGui import QColor

            return QColor("#777777")
        return None
