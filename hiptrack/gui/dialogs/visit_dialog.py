"""Starting a visit: date, clinician, today's body mass and pain, and the test set-up per muscle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain.patient_rules import body_mass_problems
from hiptrack.domain.positions import BATTERIES, POSITIONS, Battery, Muscle
from hiptrack.gui.dialogs.problems import ProblemsMixin, parse_number, problems_label
from hiptrack.storage.clinicians import add_clinician, list_clinicians
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError

FIXATIONS = ("hand", "belt", "wall", "frame")


@dataclass(frozen=True)
class MuscleSetup:
    muscle: Muscle
    position: str
    method: str
    lever_arm_m: float | None
    fixation: str


@dataclass(frozen=True)
class VisitSetup:
    visit_date: dt.date
    clinician_id: int | None
    body_mass_kg: float | None
    pain_nprs: int | None
    battery: Battery
    muscles: tuple[MuscleSetup, ...]

    def setup_for(self, muscle: Muscle) -> MuscleSetup:
        return next(m for m in self.muscles if m.muscle is muscle)


class _MuscleEditor(QGroupBox):
    def __init__(self, muscle: Muscle, battery: Battery, last_levers: dict[str, float]) -> None:
        super().__init__(muscle.value.replace("_", " ").capitalize())
        self.muscle = muscle
        self.last_levers = last_levers
        self.position = QComboBox()
        for code, position in POSITIONS.items():
            if position.muscle is muscle:
                self.position.addItem(position.title, code)
        self.position.setCurrentIndex(max(0, self.position.findData(battery.position_of(muscle))))
        self.method = QComboBox()
        self.method.addItem("make (patient pushes against a held gauge)", "make")
        self.method.addItem("break (tester overcomes the patient)", "break")
        self.method.setCurrentIndex(max(0, self.method.findData(battery.method.value)))
        self.lever = QDoubleSpinBox()
        self.lever.setRange(0.05, 1.2)
        self.lever.setDecimals(2)
        self.lever.setSingleStep(0.01)
        self.lever.setSuffix(" m")
        self.fixation = QComboBox()
        self.fixation.addItems(FIXATIONS)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setObjectName("hint")
        form = QFormLayout()
        form.addRow("Position", self.position)
        form.addRow("Method", self.method)
        form.addRow("Lever arm (joint axis to pad centre)", self.lever)
        form.addRow("Fixation", self.fixation)
        # Outside the form: a word-wrapped label in a form row is given too little height.
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.instructions)
        self.position.currentIndexChanged.connect(self._on_position_changed)
        self._on_position_changed()

    def _on_position_changed(self) -> None:
        position = POSITIONS[str(self.position.currentData())]
        # The lever measured on this patient last time in this position, else the typical value to edit.
        self.lever.setValue(self.last_levers.get(position.code, position.typical_lever_m))
        source = "this patient's last test" if position.code in self.last_levers else "a typical value: measure it"
        self.instructions.setText(f"Set-up: {position.set_up}.\nPad: {position.pad}.\nLever arm from {source}.")

    def setup(self) -> MuscleSetup:
        return MuscleSetup(self.muscle, str(self.position.currentData()), str(self.method.currentData()),
                           round(self.lever.value(), 3), self.fixation.currentText())


class VisitDialog(QDialog, ProblemsMixin):
    def __init__(self, db: Database, default_battery: str, latest_mass_kg: float | None,
                 last_levers: dict[str, float], batteries: dict[str, Battery] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Start a visit")
        self.batteries = batteries or BATTERIES
        self.last_levers = last_levers
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.clinician = QComboBox()
        add = QPushButton("Add clinician…")
        add.clicked.connect(self._add_clinician)
        clinician_row = QHBoxLayout()
        clinician_row.addWidget(self.clinician, 1)
        clinician_row.addWidget(add)
        self.mass = QLineEdit(f"{latest_mass_kg:.1f}" if latest_mass_kg else "")
        self.mass.setPlaceholderText("kg (leave empty if not measured today)")
        self.pain = QSpinBox()
        self.pain.setRange(-1, 10)
        self.pain.setSpecialValueText("not asked")
        self.pain.setValue(-1)
        self.battery = QComboBox()
        for code, battery in self.batteries.items():
            self.battery.addItem(battery.title, code)
        self.battery.setCurrentIndex(max(0, self.battery.findData(default_battery)))
        self.battery.currentIndexChanged.connect(self._rebuild_muscles)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow("Visit &date", self.date)
        form.addRow("Clinician", clinician_row)
        form.addRow("Body &mass today (kg)", self.mass)
        form.addRow("&Pain now (NPRS 0–10)", self.pain)
        form.addRow("Test &battery", self.battery)
        self.muscle_box = QVBoxLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start testing")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never squeeze the instructions
        layout.addLayout(form)
        layout.addLayout(self.muscle_box)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.editors: list[_MuscleEditor] = []
        self._load_clinicians()
        self._rebuild_muscles()
        self.result_setup: VisitSetup | None = None

    def _load_clinicians(self, select_id: int | None = None) -> None:
        with self.db.session() as s:
            rows = list_clinicians(s)
        self.clinician.clear()
        self.clinician.addItem("not recorded", None)
        for row in rows:
            self.clinician.addItem(row.display_name, row.id)
        if select_id is not None:
            self.clinician.setCurrentIndex(self.clinician.findData(select_id))
        elif rows:
            self.clinician.setCurrentIndex(1)

    def _add_clinician(self) -> None:
        name, ok = QInputDialog.getText(self, "Add clinician", "Name as it should appear on reports:")
        if not ok or not name.strip():
            return
        username = "".join(ch for ch in name.lower() if ch.isalnum())[:30] or "clinician"
        try:
            with self.db.session() as s:
                new_id = add_clinician(s, username, name)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, "Add clinician", str(exc))
            return
        self._load_clinicians(new_id)

    def _rebuild_muscles(self) -> None:
        for editor in self.editors:
            editor.setParent(None)
        battery = self.batteries[str(self.battery.currentData())]
        self.editors = [_MuscleEditor(m, battery, self.last_levers) for m in battery.muscles]
        for editor in self.editors:
            self.muscle_box.addWidget(editor)

    def _on_accept(self) -> None:
        problems: list[str] = []
        mass = parse_number(self.mass.text(), "Body mass", problems)
        problems += body_mass_problems(mass)
        if problems:
            self.show_problems(problems)
            return
        qdate = self.date.date()
        self.result_setup = VisitSetup(
            visit_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            clinician_id=self.clinician.currentData(),
            body_mass_kg=mass,
            pain_nprs=None if self.pain.value() < 0 else self.pain.value(),
            battery=self.batteries[str(self.battery.currentData())],
            muscles=tuple(editor.setup() for editor in self.editors),
        )
        self.accept()
