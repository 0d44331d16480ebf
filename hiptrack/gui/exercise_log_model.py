"""The exercise log as a virtual table: Qt asks only for the rows on screen.

Five years of home exercise make about 2,000 log entries. Filling a QTableWidget with an item (and
a tooltip) per cell took about 300 ms on every patient switch; this model keeps the entries and
formats a row only when the view paints it, so a switch costs the same for 20 entries or 2,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from hiptrack.gui.dialogs.exercise_dialogs import side_choices
from hiptrack.gui.widgets import style_read_only_table
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import label
from hiptrack.storage.exercises import LogRow

Index = QModelIndex | QPersistentModelIndex


class ExerciseLogModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LogRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row -> its cells, formatted when first shown
        self._headers = (self.tr("Date"), self.tr("Exercise"), self.tr("Side"), self.tr("Done"), self.tr("Pain"),
                         self.tr("Difficulty"), self.tr("Entry"), self.tr("Notes"))
        self._sides = dict(side_choices())
        self._sources = {"quick": self.tr("quick"), "manual": self.tr("detailed"), "import": self.tr("imported")}

    def set_entries(self, entries: Sequence[LogRow]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = {}
        self.endResetModel()

    def entry_at(self, row: int) -> LogRow | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _cells(self, row: int) -> tuple[str, ...]:
        cells = self._texts.get(row)
        if cells is None:
            e = self._entries[row]
            f = e.fields
            cells = (
                F.date(f.performed_on), e.exercise_name, self._sides.get(f.side or "", "—"), label(e.summary),
                "—" if f.pain_during is None else f"{f.pain_during}/10",
                "—" if f.difficulty is None else f"{f.difficulty}/10",
                self._sources.get(e.source, e.source), f.notes,
            )
            self._texts[row] = cells
        return cells

    # --- Qt model interface ---
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self._entries[index.row()].id
        return None


def log_view(model: ExerciseLogModel, stretch: int) -> QTableView:
    """A read-only, row-selecting view like the page's other tables (gui/widgets.py make_table)."""
    view = QTableView()
    view.setModel(model)
    style_read_only_table(view)
    header = view.horizontalHeader()
    # Fitting a column to its contents would otherwise measure up to 1,000 rows on each refresh.
    header.setResizeContentsPrecision(0)  # the rows on screen
    for col in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(col, mode)
    return view
