"""Assessment and plan for one visit, and signing them (issue 14).

The dialog shows whose visit it is, the newest version and its state. A draft is saved and may be
signed by the signed-in user; a signed version is read-only until "Change…", which asks for the
reason and saves the next version. All rules live in storage.visit_reports; this only shows them.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptrack.gui.dialogs.problems import ProblemsMixin, problems_label, save_or_show
from hiptrack.reports import formatting as F
from hiptrack.storage.database import Database
from hiptrack.storage.visit_reports import VisitReportRow, current_report, save_report, sign_report


class VisitReportDialog(ProblemsMixin, QDialog):
    def __init__(self, db: Database, visit_id: int, whose: str, visit_date: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.visit_id = db, visit_id
        self.setWindowTitle(self.tr("Assessment and plan — {patient}").format(patient=whose))
        self.resize(640, 560)
        self.patient_line = QLabel(self.tr("<b>{patient}</b> · visit {date}").format(
            patient=html.escape(whose, quote=False), date=F.date(visit_date)))
        self.patient_line.setObjectName("patientLine")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.assessment = QPlainTextEdit()
        self.plan = QPlainTextEdit()
        self.referrer = QPlainTextEdit()
        self.referrer.setPlaceholderText(self.tr("Name and address, for the referral letter (optional)"))
        self.referrer.setMaximumHeight(80)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the signed version is being changed"))
        self.reason_label = QLabel(self.tr("Reason for the change"))
        self.problems = problems_label()

        form = QFormLayout()
        form.addRow(self.tr("&Assessment"), self.assessment)
        form.addRow(self.tr("&Plan"), self.plan)
        form.addRow(self.tr("Re&ferrer"), self.referrer)
        form.addRow(self.reason_label, self.reason)

        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.clicked.connect(self.save_draft)
        self.sign_button = QPushButton(self.tr("Si&gn…"))
        self.sign_button.clicked.connect(self.sign)
        self.change_button = QPushButton(self.tr("&Change…"))
        self.change_button.clicked.connect(self.start_change)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.save_button, self.sign_button, self.change_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.patient_line)
        layout.addWidget(self.state)
        layout.addLayout(form, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        with self.db.session() as s:
            self.report = current_report(s, self.visit_id)
        report = self.report
        if report is not None:
            self.assessment.setPlainText(report.assessment)
            self.plan.setPlainText(report.plan)
            self.referrer.setPlainText(report.referrer)
        self.reason.clear()
        self._show_state(report, changing=False)

    def _show_state(self, report: VisitReportRow | None, changing: bool) -> None:
        locked = report is not None and report.signed and not changing
        for edit in (self.assessment, self.plan, self.referrer):
            edit.setReadOnly(locked)
        self.reason_label.setVisible(changing)
        self.reason.setVisible(changing)
        self.save_button.setEnabled(not locked)
        self.sign_button.setEnabled(report is not None and not report.signed)
        self.change_button.setVisible(locked)
        if report is None:
            self.state.setText(self.tr("Not written yet."))
        elif report.signed:
            # Shown in the workstation's local time, as the clinician signed it.
            when = F.date_time(report.signed_at.astimezone().replace(tzinfo=None)) if report.signed_at else ""
            self.state.setText(self.tr("Version {revision}, signed by {name} on {when}. It is locked; a change "
                                       "makes a new version with its reason.").format(
                revision=report.revision, name=report.signed_by, when=when))
        else:
            self.state.setText(self.tr("Version {revision}: draft, not signed.").format(revision=report.revision))

    def _texts(self) -> tuple[str, str, str]:
        return self.assessment.toPlainText(), self.plan.toPlainText(), self.referrer.toPlainText()

    def start_change(self) -> None:
        self._show_state(self.report, changing=True)
        self.reason.setFocus()

    def save_draft(self) -> bool:
        def action() -> None:
            with self.db.session() as s:
                save_report(s, self.visit_id, *self._texts(), reason=self.reason.text())

        if not save_or_show(self, action):
            return False
        self.show_problems([])
        self._load()
        return True

    def sign(self) -> None:
        if not self.save_draft():
            return
        answer = QMessageBox.question(
            self, self.tr("Sign the report"), self.tr("Sign this assessment and plan as yourself? A signed report is "
                                                      "locked; a later change makes a new version with its reason."))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def action() -> None:
            with self.db.session() as s:
                sign_report(s, self.visit_id)

        if save_or_show(self, action):
            self._load()
