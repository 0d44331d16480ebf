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
from hiptrack.gui.dialogs.problems import parse_number
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.patients import body_mass_history, patient_details, record_body_mass
from hiptrack.storage.visits import list_visits

# An unfinished battery says so in words, with where to carry on.
VISIT_STATUS = {"in_progress": "unfinished (resume on Strength testing)", "completed": "completed",
                "voided": "voided"}


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
        for key in ("Chart number", "Date of birth", "Sex", "Height", "Dominant leg", "Involved side", "Body mass", "Notes"):
            label = QLabel()
            label.setWordWrap(True)
            self._fact_labels[key] = label
            self.facts.addRow(key, label)
        facts_box = QGroupBox("Patient")
        facts_box.setLayout(self.facts)

        self.mass_table = QTableWidget(0, 2)
        self.mass_table.setHorizontalHeaderLabels(["Date", "Body mass (kg)"])
        self.mass_table.verticalHeader().hide()
        self.mass_table.horizontalHeader().setStretchLastSection(True)
        self.record_mass = QPushButton("Record &body mass…")
        self.record_mass.clicked.connect(self._on_record_mass)
        mass_box = QGroupBox("Body mass")
        mass_layout = QVBoxLayout(mass_box)
        mass_layout.addWidget(self.mass_table)
        mass_layout.addWidget(self.record_mass)

        self.visit_table = QTableWidget(0, 3)
        self.visit_table.setHorizontalHeaderLabels(["Visit date", "Status", "Clinician"])
        self.visit_table.verticalHeader().hide()
        self.visit_table.horizontalHeader().setStretchLastSection(True)
        visit_box = QGroupBox("Visits")
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
            self.title.setText("No patient selected")
            for label in self._fact_labels.values():
                label.clear()
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
        archived = "  (archived)" if details.archived else ""
        self.title.setText(f"{f.last_name}, {f.first_name}{archived}")
        dob = f.date_of_birth
        values = {
            "Chart number": f.chart_number,
            "Date of birth": f"{dob.isoformat()} (age {age_on(dob, dt.date.today())})" if dob else "",
            "Sex": f.sex or "not recorded (norms do not apply)",
            "Height": f"{f.height_m:.2f} m" if f.height_m else "not recorded",
            "Dominant leg": f.dominant_leg or "not recorded",
            "Involved side": f.involved_side or "not set (LSI not computed)",
            "Body mass": f"{details.latest_mass_kg:.1f} kg on {details.latest_mass_on}" if details.latest_mass_kg
            else "not recorded (N/kg and Nm/kg cannot be computed)",
            "Notes": f.notes or "—",
        }
        for key, value in values.items():
            self._fact_labels[key].setText(value)
        self.mass_table.setRowCount(len(masses))
        for row, (day, kg) in enumerate(reversed(masses)):
            self.mass_table.setItem(row, 0, QTableWidgetItem(day.isoformat()))
            self.mass_table.setItem(row, 1, QTableWidgetItem(f"{kg:.1f}"))
        self.visit_table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            status = VISIT_STATUS.get(visit.status, visit.status)
            for col, text in enumerate((visit.visit_date.isoformat(), status, visit.clinician or "")):
                self.visit_table.setItem(row, col, QTableWidgetItem(text))

    def _on_record_mass(self) -> None:
        if self.patient_id is None:
            return
        # The prompt names the patient: this records data, and the dialog hides the page behind it.
        text, ok = QInputDialog.getText(self, "Record body mass", f"{self.title.text()}\n\nBody mass today (kg):")
        if not ok or not text.strip():
            return
        problems: list[str] = []
        mass = parse_number(text, "Body mass", problems)
        if mass is None:
            QMessageBox.warning(self, "Record body mass", "\n".join(problems))
            return
        try:
            with self.db.session() as s:
                record_body_mass(s, self.patient_id, mass, dt.date.today())
        except ValidationError as exc:
            QMessageBox.warning(self, "Record body mass", "\n".join(exc.problems))
            return
        except StorageError as exc:
            QMessageBox.critical(self, "Record body mass", str(exc))
            return
        self.refresh()
        self.patient_changed.emit(self.patient_id)
