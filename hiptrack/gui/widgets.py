"""Small widget helpers the pages and dialogs share: dates, optional spin boxes, combo boxes and
read-only tables keyed by row id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import translate

# What an optional field left empty shows; marked here, translated where shown (not_recorded()).
NOT_RECORDED = QT_TRANSLATE_NOOP("Widgets", "not recorded")


def not_recorded() -> str:
    """NOT_RECORDED in the reader's language."""
    return translate("Widgets", NOT_RECORDED)


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns sized to their contents, one of them taking the remaining width."""
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(col, mode)


def refill(table: QTableWidget, rows: int) -> None:
    """Empty the table, then give it `rows` empty rows to fill.

    With columns fitted to their contents, replacing the items of rows already shown makes the
    header measure its columns again for each cell: refilling a 100-row table took 0.2-0.4 s
    (a patient switch), filling the same rows inserted empty about 10 ms."""
    table.setRowCount(0)
    table.setRowCount(rows)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(day: dt.date, maximum: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(F.date_pattern())  # the locale's order, as dates are written elsewhere
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    return edit


def week_dates(monday: dt.date) -> str:
    """"23–29 Nov", or "26 Oct–1 Nov" across a month end (month names in the locale's language)."""
    sunday = monday + dt.timedelta(days=6)
    month = QLocale().monthName(sunday.month, QLocale.FormatType.ShortFormat)
    if monday.month == sunday.month:
        return f"{monday.day}–{sunday.day} {month}"
    first = QLocale().monthName(monday.month, QLocale.FormatType.ShortFormat)
    return f"{monday.day} {first}–{sunday.day} {month}"


def optional_spin(maximum: int) -> QSpinBox:
    """A 0..maximum spin box whose lowest position means "not recorded" (None)."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(not_recorded())
    spin.setValue(-1)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def combo_with(choices: Sequence[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for code, label in choices:
        combo.addItem(label, code)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def style_read_only_table(view: QTableView) -> None:
    """The look and keys every read-only table shares: whole rows selected, one at a time."""
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    style_read_only_table(table)
    return table


def put(table: QTableWidget, row: int, values: Sequence[str], key: int | None = None) -> None:
    for col, text in enumerate(values):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if key is not None:
            item.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, col, item)


def selected_key(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    value = item.data(Qt.ItemDataRole.UserRole) if item else None
    return int(value) if value is not None else None
