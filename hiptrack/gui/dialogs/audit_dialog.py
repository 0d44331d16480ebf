"""File › Audit trail (admins): who created, changed, viewed, printed or exported what, and when.

Filtered by patient (chart number), user and date; the rows shown can be saved as CSV. Reads go
through hiptrack.storage.audit_query, the same code as `hiptrack audit`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptrack.storage.audit import record_access
from hiptrack.storage.audit_query import AuditFilter, AuditRow, actors, query_events, write_csv_file
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.patients import require_by_chart

COLUMNS = ("When (UTC)", "Who", "Workstation", "Action", "What", "Chart", "Details")
ANY_USER = "Any user"


def _day(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[AuditRow] = []
        self.setWindowTitle("Audit trail")
        self.resize(1100, 600)
        self.chart = QLineEdit()
        self.chart.setPlaceholderText("Chart number (all patients when empty)")
        self.user = QComboBox()
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        show = QPushButton("&Show")
        show.clicked.connect(self.refresh)
        self.chart.returnPressed.connect(self.refresh)
        export = QPushButton("&Export CSV…")
        export.clicked.connect(self._export_dialog)
        filters = QHBoxLayout()
        for label, widget in (("Patient", self.chart), ("User", self.user), ("From", self.since),
                              ("to", self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(show)
        filters.addStretch(1)
        filters.addWidget(export)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._load_users()
        self.refresh()

    def _load_users(self) -> None:
        self.user.addItem(ANY_USER)
        try:
            with self.db.session() as s:
                self.user.addItems(actors(s))
        except StorageError as exc:
            self.status.setText(str(exc))

    def current_filter(self) -> AuditFilter | None:
        """The filter the widgets describe; None (with a message) for an unknown chart number."""
        patient_id = None
        chart = self.chart.text().strip()
        if chart:
            try:
                with self.db.session() as s:
                    patient_id = require_by_chart(s, chart).id
            except StorageError as exc:
                self.status.setText(str(exc))
                return None
        user = self.user.currentText()
        return AuditFilter(patient_id, None if user == ANY_USER else user, _day(self.since), _day(self.until))

    def refresh(self) -> None:
        where = self.current_filter()
        if where is None:
            return
        try:
            with self.db.session() as s:
                self.rows = query_events(s, where)
                if where.patient_id is not None:
                    record_access(s, "view", where.patient_id, "audit_trail", events=len(self.rows))
        except StorageError as exc:
            self.status.setText(str(exc))
            return
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (r.occurred_at.strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.workstation, r.action,
                     f"{r.entity} {r.entity_id}" if r.entity_id is not None else r.entity, r.chart_number,
                     json.dumps(r.changes, ensure_ascii=False, sort_keys=True))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        more = " (the first 10 000; narrow the filter)" if len(self.rows) >= where.limit else ""
        self.status.setText(f"{len(self.rows)} event{'s' if len(self.rows) != 1 else ''}{more}")

    def export_csv(self, path: Path) -> None:
        write_csv_file(self.rows, path)
        patients = {r.chart_number for r in self.rows if r.chart_number}
        where = self.current_filter()
        if where is not None and where.patient_id is not None:
            with self.db.session() as s:
                record_access(s, "export", where.patient_id, "audit_trail", events=len(self.rows))
        self.status.setText(f"Saved {len(self.rows)} events ({len(patients)} patients) to {path.name}")

    def _export_dialog(self) -> None:
        stamp = dt.date.today().isoformat()
        name, _ = QFileDialog.getSaveFileName(self, "Export audit trail", f"audit-{stamp}.csv", "CSV (*.csv)")
        if not name:
            return
        path = Path(name) if name.lower().endswith(".csv") else Path(f"{name}.csv")
        try:
            self.export_csv(path)
        except (OSError, StorageError) as exc:
            QMessageBox.critical(self, "Export audit trail", f"Could not write {path.name}: {exc}")


def open_audit_viewer(db: Database, parent: QWidget | None = None) -> None:
    AuditDialog(db, parent).exec()
