"""Starting a visit: date, clinician, today's body mass and pain, and the test set-up per muscle.

Pre-filled values are never taken for measurements (issue 11). Beside the body mass and each lever
arm the form says where the value came from (carried forward from a date, or a typical figure) and
offers "measured today", which editing the value ticks by itself. A typical lever arm left as it is
must be confirmed; a carried-forward mass older than the clinic's limit is flagged. Only a mass
weighed today is saved as a measurement; otherwise the visit uses the earlier one, marked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
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
from hiptrack.domain.positions import BATTERIES, MUSCLE_TITLES, POSITIONS, Battery, Muscle
from hiptrack.domain.provenance import DEFAULT_MASS_MAX_AGE_DAYS, Provenance, Source
from hiptrack.gui.dialogs.problems import ProblemsMixin, parse_number, problems_label
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label
from hiptrack.storage.clinicians import add_clinician, list_clinicians
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError

FIXATIONS = ("hand", "belt", "wall", "frame")  # stored codes; the form shows them in words


@dataclass(frozen=True)
class MuscleSetup:
    muscle: Muscle
    position: str
    method: str
    lever_arm_m: float | None
    fixation: str
    lever: Provenance | None = None  # where lever_arm_m came from (None: not recorded)


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
    def __init__(self, muscle: Muscle, battery: Battery, last_levers: dict[str, tuple[float, dt.date]]) -> None:
        super().__init__(label(MUSCLE_TITLES[muscle]))
        self.muscle = muscle
        self.last_levers = last_levers
        self.position = QComboBox()
        for code, position in POSITIONS.items():
            if position.muscle is muscle:
                self.position.addItem(label(position.title), code)
        self.position.setCurrentIndex(max(0, self.position.findData(battery.position_of(muscle))))
        self.method = QComboBox()
        self.method.addItem(self.tr("make (patient pushes against a held gauge)"), "make")
        self.method.addItem(self.tr("break (tester overcomes the patient)"), "break")
        self.method.setCurrentIndex(max(0, self.method.findData(battery.method.value)))
        self.lever = QDoubleSpinBox()
        self.lever.setRange(0.05, 1.2)
        self.lever.setDecimals(2)
        self.lever.setSingleStep(0.01)
        self.lever.setSuffix(" m")
        self.lever_measured = QCheckBox(self.tr("measured today"))
        self.lever_source = QLabel()
        self.lever_source.setObjectName("hint")
        lever_row = QHBoxLayout()
        lever_row.addWidget(self.lever)
        lever_row.addWidget(self.lever_measured)
        lever_row.addWidget(self.lever_source, 1)
        self.fixation = QComboBox()
        words = {"hand": self.tr("hand"), "belt": self.tr("belt"), "wall": self.tr("wall"), "frame": self.tr("frame")}
        for code in FIXATIONS:
            self.fixation.addItem(words[code], code)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setObjectName("hint")
        form = QFormLayout()
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Lever arm (joint axis to pad centre)"), lever_row)
        form.addRow(self.tr("Fixation"), self.fixation)
        # Outside the form: a word-wrapped label in a form row is given too little height.
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.instructions)
        self.position.currentIndexChanged.connect(self._on_position_changed)
        # Typing a lever arm is measuring it; the check box also says so for an unchanged value.
        self.lever.valueChanged.connect(lambda _v: self.lever_measured.setChecked(True))
        self.lever_measured.toggled.connect(lambda _on: self._show_source())
        self._on_position_changed()

    def _prefilled(self) -> Provenance:
        code = str(self.position.currentData())
        if code in self.last_levers:
            return Provenance(Source.CARRIED_FORWARD, self.last_levers[code][1])
        return Provenance(Source.TYPICAL)

    def _on_position_changed(self) -> None:
        position = POSITIONS[str(self.position.currentData())]
        # The lever measured on this patient last time in this position, else the typical value to measure.
        last = self.last_levers.get(position.code)
        self.lever.blockSignals(True)
        self.lever.setValue(last[0] if last else position.typical_lever_m)
        self.lever.blockSignals(False)
        self.lever_measured.setChecked(False)
        self._show_source()
        self.instructions.setText(self.tr("Set-up: {setup}.\nPad: {pad}.").format(
            setup=label(position.set_up), pad=label(position.pad)))

    def _show_source(self) -> None:
        if self.lever_measured.isChecked():
            self.lever_source.setText(self.tr("measured at this visit"))
            return
        prefilled = self._prefilled()
        text = (self.tr("carried forward from {date}").format(date=F.date(prefilled.measured_on))
                if prefilled.source is Source.CARRIED_FORWARD else self.tr("typical value, not measured: measure it"))
        self.lever_source.setText(text)

    @property
    def lever_is_typical(self) -> bool:
        return not self.lever_measured.isChecked() and self._prefilled().is_default

    def setup(self) -> MuscleSetup:
        lever = Provenance(Source.MEASURED) if self.lever_measured.isChecked() else self._prefilled()
        return MuscleSetup(self.muscle, str(self.position.currentData()), str(self.method.currentData()),
                           round(self.lever.value(), 3), str(self.fixation.currentData()), lever)


class VisitDialog(QDialog, ProblemsMixin):
    def __init__(self, db: Database, default_battery: str, latest_mass_kg: float | None,
                 last_levers: dict[str, tuple[float, dt.date]], batteries: dict[str, Battery] | None = None,
                 parent: QWidget | None = None, latest_mass_on: dt.date | None = None,
                 mass_max_age_days: int = DEFAULT_MASS_MAX_AGE_DAYS) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Start a visit"))
        self.batteries = batteries or BATTERIES
        self.last_levers = last_levers
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(F.date_pattern())
        self.date.setMaximumDate(QDate.currentDate())
        self.date.dateChanged.connect(lambda _d: self._show_mass_source())
        self.clinician = QComboBox()
        add = self.add_clinician_button = QPushButton(self.tr("Add clinician…"))
        add.clicked.connect(self._add_clinician)
        clinician_row = QHBoxLayout()
        clinician_row.addWidget(self.clinician, 1)
        clinician_row.addWidget(add)
        self.prefilled_mass = F.number(latest_mass_kg, 1) if latest_mass_kg else ""
        self.latest_mass_on = latest_mass_on if latest_mass_kg else None
        self.mass_max_age_days = mass_max_age_days
        self.mass = QLineEdit(self.prefilled_mass)
        self.mass.setPlaceholderText(self.tr("kg (leave empty if not measured today)"))
        self.mass_measured = QCheckBox(self.tr("weighed today"))
        self.mass_source = QLabel()
        self.mass_source.setObjectName("hint")
        self.mass_source.setWordWrap(True)
        mass_row = QHBoxLayout()
        mass_row.addWidget(self.mass)
        mass_row.addWidget(self.mass_measured)
        mass_row.addWidget(self.mass_source, 1)
        # Typing a mass is weighing the patient; an untouched pre-filled mass stays carried forward.
        self.mass.textEdited.connect(lambda _t: self.mass_measured.setChecked(True))
        self.mass_measured.toggled.connect(lambda _on: self._show_mass_source())
        self.pain = QSpinBox()
        self.pain.setRange(-1, 10)
        self.pain.setSpecialValueText(self.tr("not asked"))
        self.pain.setValue(-1)
        self.battery = QComboBox()
        for code, battery in self.batteries.items():
            self.battery.addItem(label(battery.title), code)
        self.battery.setCurrentIndex(max(0, self.battery.findData(default_battery)))
        self.battery.currentIndexChanged.connect(self._rebuild_muscles)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(self.tr("Visit &date"), self.date)
        form.addRow(self.tr("Clinician"), clinician_row)
        mass_label = QLabel(self.tr("Body &mass today (kg)"))
        mass_label.setBuddy(self.mass)  # a row holding a layout gets no buddy by itself: keep Alt+M
        form.addRow(mass_label, mass_row)
        form.addRow(self.tr("&Pain now (NPRS 0–10)"), self.pain)
        form.addRow(self.tr("Test &battery"), self.battery)
        self.muscle_box = QVBoxLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start testing"))
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
        self._show_mass_source()
        self.result_setup: VisitSetup | None = None

    def _visit_date(self) -> dt.date:
        qdate = self.date.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    @property
    def mass_is_stale(self) -> bool:
        """A carried-forward mass older than the clinic's limit (default 30 days)."""
        if self.mass_measured.isChecked() or self.latest_mass_on is None:
            return False
        return (self._visit_date() - self.latest_mass_on).days > self.mass_max_age_days

    def _show_mass_source(self) -> None:
        self.mass_source.setObjectName("hint")
        if self.mass_measured.isChecked() or not self.prefilled_mass:
            self.mass_source.setText(self.tr("weighed at this visit") if self.mass.text().strip() else "")
            return
        if self.latest_mass_on is None:
            self.mass_source.setText(self.tr("carried forward from an earlier visit"))
            return
        self.mass_source.setText(self._carried_mass_text((self._visit_date() - self.latest_mass_on).days))
        # A stale mass is a warning, in the problems label's colours (never colour alone: the words say it).
        self.mass_source.setObjectName("problems" if self.mass_is_stale else "hint")
        self.mass_source.style().unpolish(self.mass_source)
        self.mass_source.style().polish(self.mass_source)

    def _carried_mass_text(self, days: int) -> str:
        """Where a carried-forward mass came from, how long ago, and whether it is too old to use."""
        date = F.date(self.latest_mass_on)
        if not self.mass_is_stale:
            if days == 1:
                return self.tr("carried forward from {date} (1 day ago)").format(date=date)
            return self.tr("carried forward from {date} ({n} days ago)").format(date=date, n=days)
        if self.mass_max_age_days == 1:
            return self.tr("carried forward from {date} ({n} days ago): older than 1 day, weigh the patient").format(
                date=date, n=days)
        return self.tr("carried forward from {date} ({n} days ago): older than {limit} days, weigh the patient").format(
            date=date, n=days, limit=self.mass_max_age_days)

    def confirm_typical_levers(self, muscles: list[str]) -> bool:
        """Ask before a typical lever arm is used: torque and Nm/kg will then rest on it."""
        answer = QMessageBox.question(
            self, self.tr("Typical lever arm"),
            self.tr("The lever arm for {muscles} is a typical value, not measured on this patient. Torque, "
                    "Nm/kg and changes in torque will be marked as resting on it.\n\nUse the typical value?").format(
                muscles=", ".join(muscles)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _load_clinicians(self, select_id: int | None = None) -> None:
        signed_in = self.db.actor.clinician_id
        if signed_in is not None:  # the signed-in user records the visit: never chosen, never typed
            self.clinician.clear()
            self.clinician.addItem(self.db.actor.name, signed_in)
            self.clinician.setEnabled(False)
            self.add_clinician_button.hide()
            return
        with self.db.session() as s:
            rows = list_clinicians(s)
        self.clinician.clear()
        self.clinician.addItem(self.tr("not recorded"), None)
        for row in rows:
            self.clinician.addItem(row.display_name, row.id)
        if select_id is not None:
            self.clinician.setCurrentIndex(self.clinician.findData(select_id))
        elif rows:
            self.clinician.setCurrentIndex(1)

    def _add_clinician(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add clinician"), self.tr("Name as it should appear on reports:"))
        if not ok or not name.strip():
            return
        username = "".join(ch for ch in name.lower() if ch.isalnum())[:30] or "clinician"
        try:
            with self.db.session() as s:
                new_id = add_clinician(s, username, name)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Add clinician"), error_text(exc))
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
        mass = parse_number(self.mass.text(), self.tr("Body mass"), problems)
        problems += body_mass_problems(mass)
        if problems:
            self.show_problems(problems)
            return
        typical = [e.title() for e in self.editors if e.lever_is_typical]
        if typical and not self.confirm_typical_levers(typical):
            return
        # A pre-filled mass nobody weighed today is not saved: the visit uses the earlier one, marked.
        weighed = self.mass_measured.isChecked() or not self.prefilled_mass
        self.result_setup = VisitSetup(
            visit_date=self._visit_date(),
            clinician_id=self.clinician.currentData(),
            body_mass_kg=mass if weighed else None,
            pain_nprs=None if self.pain.value() < 0 else self.pain.value(),
            battery=self.batteries[str(self.battery.currentData())],
            muscles=tuple(editor.setup() for editor in self.editors),
        )
        self.accept()
