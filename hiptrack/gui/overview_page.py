"""The patient overview: demographics, body-mass history and visits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain.patient_rules import age_on
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.gui.dialogs.problems import parse_number
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.gui.widgets import fit_columns, refill
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.patients import body_mass_history, patient_details, record_body_mass
from hiptrack.storage.visits import list_visits

# An unfinished battery says so in words, with where to carry on.
VISIT_STATUS = {"in_progress": QT_TRANSLATE_NOOP("OverviewPage", "unfinished (resume on Strength testing)"),
                "completed": QT_TRANSLATE_NOOP("OverviewPage", "completed"),
                "voided": QT_TRANSLATE_NOOP("OverviewPage", "voided")}
# The facts shown, by key; their titles are translated where the form is built.
FACTS = ("chart_number", "date_of_birth", "sex", "height", "dominant_leg", "involved_side", "body_mass", "notes")


class OverviewPage(QWidget):
    patient_changed = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_when_shown = RefreshWhenShown(self, self.refresh)
        self.db = db
        self.patient_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("patientTitle")
        self.facts = QFormLayout()
        self._fact_labels: dict[str, QLabel] = {}
        titles = {"chart_number": self.tr("Chart number"), "date_of_birth": self.tr("Date of birth"),
                  "sex": self.tr("Sex"), "height": self.tr("Height"), "dominant_leg": self.tr("Dominant leg"),
                  "involved_side": self.tr("Involved side"), "body_mass": self.tr("Body mass"),
                  "notes": self.tr("Notes")}
        for key in FACTS:
            fact = QLabel()
            fact.setWordWrap(True)
            self._fact_labels[key] = fact
            self.facts.addRow(titles[key], fact)
        facts_box = QGroupBox(self.tr("Patient"))
        facts_box.setLayout(self.facts)

        self.mass_table = QTableWidget(0, 2)
        self.mass_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Body mass (kg)")])
        self.mass_table.verticalHeader().hide()
        self.mass_table.horizontalHeader().setStretchLastSection(True)
        self.record_mass = QPushButton(self.tr("Record &body mass…"))
        self.record_mass.clicked.connect(self._on_record_mass)
        mass_box = QGroupBox(self.tr("Body mass"))
        mass_layout = QVBoxLayout(mass_box)
        mass_layout.addWidget(self.mass_table)
        mass_layout.addWidget(self.record_mass)

        self.visit_table = QTableWidget(0, 3)
        self.visit_table.setHorizontalHeaderLabels([self.tr("Visit date"), self.tr("Status"), self.tr("Clinician")])
        self.visit_table.verticalHeader().hide()
        # Date and status as wide as their words (German "abgeschlossen" overflowed a fixed column).
        fit_columns(self.visit_table, stretch=2)
        visit_box = QGroupBox(self.tr("Visits"))
        QVBoxLayout(visit_box).addWidget(self.visit_table)

        lower = QHBoxLayout()
        lower.addWidget(mass_box, 1)
        lower.addWidget(visit_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(facts_box)
        layout.addLayout(lower, 1)
        self.set_patient(None)

    def set_patient(self, patient_id: int | None) -> None:
        self.patient_id = patient_id
        self.setEnabled(patient_id is not None)
        if patient_id is None:
            self.title.setText(self.tr("No patient selected"))
            for fact in self._fact_labels.values():
                fact.clear()
            self.mass_table.setRowCount(0)
            self.visit_table.setRowCount(0)
            return
        self.refresh_when_shown.request()

    def refresh(self) -> None:
        if self.patient_id is None:
            return
        with self.db.session() as s:
            details = patient_details(s, self.patient_id)
            masses = body_mass_history(s, self.patient_id)
            visits = list_visits(s, self.patient_id)
        f = details.fields
        name = f"{f.last_name}, {f.first_name}"
        self.title.setText(self.tr("{name}  (archived)").format(name=name) if details.archived else name)
        dob = f.date_of_birth
        mass, mass_on = details.latest_mass_kg, details.latest_mass_on
        values = {
            "chart_number": f.chart_number,
            "date_of_birth": self.tr("{date} (age {age})").format(date=F.date(dob), age=age_on(dob, dt.date.today()))
            if dob else "",
            "sex": self._sex_name(f.sex) if f.sex else self.tr("not recorded (norms do not apply)"),
            "height": f"{F.number(f.height_m, 2)} m" if f.height_m else self.tr("not recorded"),
            "dominant_leg": label(f.dominant_leg) if f.dominant_leg else self.tr("not recorded"),
            "involved_side": label(f.involved_side) if f.involved_side else self.tr("not set (LSI not computed)"),
            "body_mass": self.tr("{mass} kg on {date}").format(mass=F.number(mass, 1), date=F.date(mass_on))
            if mass else self.tr("not recorded (N/kg and Nm/kg cannot be computed)"),
            "notes": f.notes or "—",
        }
        for key, value in values.items():
            self._fact_labels[key].setText(value)
        refill(self.mass_table, len(masses))
        for row, (day, kg) in enumerate(reversed(masses)):
            self.mass_table.setItem(row, 0, QTableWidgetItem(F.date(day)))
            self.mass_table.setItem(row, 1, QTableWidgetItem(F.number(kg, 1)))
        refill(self.visit_table, len(visits))
        for row, visit in enumerate(visits):
            status = translate("OverviewPage", VISIT_STATUS.get(visit.status, visit.status))
            for col, text in enumerate((F.date(visit.visit_date), status, visit.clinician or "")):
                self.visit_table.setItem(row, col, QTableWidgetItem(text))

    def _sex_name(self, sex: str) -> str:
        names = {"female": self.tr("female"), "male": self.tr("male"), "other": self.tr("other")}
        return names.get(sex, sex)

    def _on_record_mass(self) -> None:
        if self.patient_id is None:
            return
        # The prompt names the patient: this records data, and the dialog hides the page behind it.
        title = self.tr("Record body mass")
        prompt = self.tr("{patient}\n\nBody mass today (kg):").format(patient=self.title.text())
        text, ok = QInputDialog.getText(self, title, prompt)
        if not ok or not text.strip():
            return
        problems: list[str] = []
        mass = parse_number(text, self.tr("Body mass"), problems)
        if mass is None:
            QMessageBox.warning(self, title, "\n".join(problems))
            return
        try:
            with self.db.session() as s:
                record_body_mass(s, self.patient_id, mass, dt.date.today())
        except ValidationError as exc:
            QMessageBox.warning(self, title, "\n".join(label(p) for p in exc.problems))
            return
        except StorageError as exc:
            QMessageBox.critical(self, title, error_text(exc))
            return
        self.refresh()
        self.patient_changed.emit(self.patient_id)
