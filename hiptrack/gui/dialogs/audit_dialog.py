"""File › Audit trail (admins): who created, changed, viewed, printed or exported what, and when.

Filtered by patient (chart number), user and date; the rows shown can be saved as CSV. Reads go
through hiptrack.storage.audit_query, the same code as `hiptrack audit`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from hiptrack.gui.widgets import date_edit, from_qdate
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text
from hiptrack.storage.audit import record_access
from hiptrack.storage.audit_query import AuditFilter, AuditRow, actors, query_events, write_csv_file
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.patients import require_by_chart


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # The rows on screen and the filter that produced them, replaced together: the export writes
        # and is recorded against these, never against what was typed since the last Show.
        self.rows: list[AuditRow] = []
        self.shown_filter: AuditFilter | None = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 600)
        self.chart = QLineEdit()
        self.chart.setPlaceholderText(self.tr("Chart number (all patients when empty)"))
        self.user = QComboBox()
        today = dt.date.today()
        self.since = date_edit(today - dt.timedelta(days=30))
        self.until = date_edit(today)
        show = QPushButton(self.tr("&Show"))
        show.clicked.connect(self.refresh)
        self.chart.returnPressed.connect(self.refresh)
        export = QPushButton(self.tr("&Export CSV…"))
        export.clicked.connect(self._export_dialog)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Patient"), self.chart), (self.tr("User"), self.user),
                              (self.tr("From"), self.since), (self.tr("to"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(show)
        filters.addStretch(1)
        filters.addWidget(export)
        columns = (self.tr("When (UTC)"), self.tr("Who"), self.tr("Workstation"), self.tr("Action"),
                   self.tr("What"), self.tr("Chart"), self.tr("Details"))
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._load_users()
        self.refresh()

    def _load_users(self) -> None:
        self.user.addItem(self.tr("Any user"), None)  # the data, not the shown words, says "any"
        try:
            with self.db.session() as s:
                for actor in actors(s):
                    self.user.addItem(actor, actor)
        except StorageError as exc:
            self.status.setText(error_text(exc))

    def current_filter(self) -> AuditFilter | None:
        """The filter the widgets describe; None (with a message) for an unknown chart number."""
        patient_id = None
        chart = self.chart.text().strip()
        if chart:
            try:
                with self.db.session() as s:
                    patient_id = require_by_chart(s, chart).id
            except StorageError as exc:
                self.status.setText(error_text(exc))
                return None
        return AuditFilter(patient_id, self.user.currentData(), from_qdate(self.since.date()), from_qdate(self.until.date()))

    def refresh(self) -> None:
        where = self.current_filter()
        if where is None:
            return
        try:
            with self.db.session() as s:
                rows = query_events(s, where)
                if where.patient_id is not None:
                    record_access(s, "view", where.patient_id, "audit_trail", events=len(rows))
        except StorageError as exc:
            self.status.setText(error_text(exc))
            return
        self.rows, self.shown_filter = rows, where
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (F.date_time(r.occurred_at, seconds=True), r.actor, r.workstation, r.action,
                     f"{r.entity} {r.entity_id}" if r.entity_id is not None else r.entity, r.chart_number,
                     json.dumps(r.changes, ensure_ascii=False, sort_keys=True))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.status.setText(self._count_text(len(self.rows), len(self.rows) >= where.limit))

    def _count_text(self, events: int, capped: bool) -> str:
        if capped:
            return self.tr("The first {n} events (narrow the filter to see the rest)").format(n=events)
        return self.tr("1 event") if events == 1 else self.tr("{n} events").format(n=events)

    def export_csv(self, path: Path) -> None:
        write_csv_file(self.rows, path)
        patients = {r.chart_number for r in self.rows if r.chart_number}
        where = self.shown_filter
        if where is not None and where.patient_id is not None:
            with self.db.session() as s:
                record_access(s, "export", where.patient_id, "audit_trail", events=len(self.rows))
        self.status.setText(self.tr("Saved {events} to {file} ({patients})").format(
            events=self.tr("1 event") if len(self.rows) == 1 else self.tr("{n} events").format(n=len(self.rows)),
            patients=self.tr("1 patient") if len(patients) == 1 else self.tr("{n} patients").format(n=len(patients)),
            file=path.name))

    def _export_dialog(self) -> None:
        stamp = dt.date.today().isoformat()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), f"audit-{stamp}.csv",
                                              self.tr("CSV files (*.csv)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".csv") else Path(f"{name}.csv")
        try:
            self.export_csv(path)
        except (OSError, StorageError) as exc:
            QMessageBox.critical(self, self.tr("Export audit trail"),
                                 self.tr("Could not write {file}: {error}").format(file=path.name, error=error_text(exc)))


def open_audit_viewer(db: Database, parent: QWidget | None = None) -> None:
    AuditDialog(db, parent).exec()
