"""The patient list model: all rows held in memory, filtered in Python.

10,000 patients take about a megabyte; filtering a precomputed lower-case key per row on each
keystroke is far quicker than a round trip to a shared PostgreSQL server, so search stays instant.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiptrack.storage.patients import PatientRow

COLUMNS = ("Chart", "Name", "Date of birth")
Index = QModelIndex | QPersistentModelIndex


def _fold(text: str) -> str:
    """Lower-case and strip accents, so 'moreau' finds 'Moreau' and 'jose' finds 'José'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class PatientListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PatientRow] = []
        self._keys: list[str] = []
        self._visible: list[int] = []
        self._query: list[str] = []

    # --- data ---
    def set_rows(self, rows: list[PatientRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._keys = [_fold(f"{r.chart_number} {r.last_name} {r.first_name} {r.first_name} {r.last_name}") for r in rows]
        self._visible = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        query = _fold(text).split()
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._visible = self._matching()
        self.endResetModel()

    def _matching(self) -> list[int]:
        if not self._query:
            return list(range(len(self._rows)))
        terms = self._query
        return [i for i, key in enumerate(self._keys) if all(term in key for term in terms)]

    def row_at(self, row: int) -> PatientRow | None:
        if 0 <= row < len(self._visible):
            return self._rows[self._visible[row]]
        return None

    def row_of(self, patient_id: int) -> int | None:
        for row, index in enumerate(self._visible):
            if self._rows[index].id == patient_id:
                return row
        return None

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
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.display_name + ("  (archived)" if row.archived else "")
            return (row.chart_number, name, row.date_of_birth.isoformat())[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            from PySide6.QtGui import QColor

            return QColor("#777777")
        return None
