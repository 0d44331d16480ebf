"""The home exercise program page: prescriptions, fast logging, adherence, progression, outcome scores.

Everything can be done from the keyboard: Ctrl+D logs "done as prescribed" for the chosen day,
Ctrl+L opens the detailed log for the selected exercise, and every button has a mnemonic.
Minimal clinically important changes are marked with words and a symbol, not colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.outcomes import SPECS, Instrument
from hiptrack.gui.dialogs.problems import ProblemsMixin, problems_label, save_or_show
from hiptrack.gui.patient_banner import add_banner
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.storage import exercises as ex
from hiptrack.storage import outcomes as oc
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.patients import patient_details

DialogT = TypeVar("DialogT", bound=QDialog)
NOT_ENTERED = "not entered"

SIDE_CHOICES = (("both", "Each side"), ("left", "Left"), ("right", "Right"), ("bilateral", "Both legs together"))
RESISTANCE_CHOICES = (("none", "None"), ("band", "Resistance band"), ("ankle_weight", "Ankle weight"))
BAND_LEVELS = ("yellow", "red", "green", "blue", "black")
NOT_RECORDED = "not recorded"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(day: dt.date, maximum: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    return edit


def week_dates(monday: dt.date) -> str:
    """"23–29 Nov", or "26 Oct–1 Nov" across a month end."""
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.day}–{sunday.day} {sunday:%b}"
    return f"{monday.day} {monday:%b}–{sunday.day} {sunday:%b}"


def optional_spin(maximum: int) -> QSpinBox:
    """A 0..maximum spin box whose lowest position means "not recorded" (None)."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(NOT_RECORDED)
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


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
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



def dosage_spins() -> tuple[QSpinBox, QSpinBox, QDoubleSpinBox]:
    """Sets, repetitions and hold editors with the same limits wherever a dosage is entered."""
    sets = QSpinBox()
    sets.setRange(1, 20)
    reps = QSpinBox()
    reps.setRange(1, 200)
    hold = QDoubleSpinBox()
    hold.setRange(0, 600)
    hold.setDecimals(0)
    hold.setSuffix(" s")
    return sets, reps, hold


class PrescriptionDialog(QDialog, ProblemsMixin):
    """Prescribe an exercise, or edit a prescription. Stays open while there are problems."""

    def __init__(
        self, exercises: Sequence[ex.ExerciseInfo], save: Callable[[ex.PrescriptionFields], None],
        today: dt.date, initial: ex.PrescriptionFields | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._exercises = {e.id: e for e in exercises}
        self._editing = initial is not None
        self.setWindowTitle("Edit prescription" if initial else "Prescribe an exercise")
        self.setMinimumWidth(520)
        self.exercise = QComboBox()
        for e in exercises:
            self.exercise.addItem(e.label, e.id)
        self.about = QLabel()
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        self.sides = combo_with(SIDE_CHOICES)
        self.sets, self.reps, self.hold = dosage_spins()
        self.resistance = combo_with(RESISTANCE_CHOICES)
        self.band = QComboBox()
        self.band.setEditable(True)
        self.band.addItems(BAND_LEVELS)
        self.kg = QDoubleSpinBox()
        self.kg.setRange(0.0, 25.0)
        self.kg.setSingleStep(0.5)
        self.kg.setDecimals(1)
        self.kg.setSuffix(" kg")
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 14)
        self.sessions.setSuffix(" per week")
        self.start = date_edit(today)
        self.has_end = QCheckBox("&Ends on")
        self.end = date_edit(today + dt.timedelta(weeks=6))
        self.end.setEnabled(False)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problems = problems_label()

        form = QFormLayout()
        form.addRow("E&xercise", self.exercise)
        form.addRow("", self.about)
        form.addRow("S&ides", self.sides)
        form.addRow("&Sets", self.sets)
        form.addRow("&Repetitions", self.reps)
        form.addRow("&Hold", self.hold)
        form.addRow("Resis&tance", self.resistance)
        form.addRow("&Band level", self.band)
        form.addRow("Ankle &weight", self.kg)
        form.addRow("Sessi&ons", self.sessions)
        form.addRow("St&art", self.start)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        form.addRow("End", end_row)
        form.addRow("&Notes", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.exercise.currentIndexChanged.connect(self._on_exercise_changed)
        self.resistance.currentIndexChanged.connect(self._on_resistance_changed)
        if initial is not None:
            self._fill(initial)
        else:
            self._on_exercise_changed()
        self._on_resistance_changed()

    def _fill(self, f: ex.PrescriptionFields) -> None:
        select_data(self.exercise, f.exercise_id)
        self._show_about()
        select_data(self.sides, f.sides)
        self.sets.setValue(f.sets)
        self.reps.setValue(f.reps)
        self.hold.setValue(f.hold_s)
        select_data(self.resistance, f.resistance_kind)
        self.band.setCurrentText(f.resistance_level or "")
        self.kg.setValue(f.resistance_kg or 0.0)
        self.sessions.setValue(f.sessions_per_week)
        self.start.setDate(to_qdate(f.start_date))
        self.has_end.setChecked(f.end_date is not None)
        if f.end_date is not None:
            self.end.setDate(to_qdate(f.end_date))
        self.notes.setPlainText(f.notes)

    def _show_about(self) -> None:
        info = self._exercises.get(self.exercise.currentData())
        if info is None:
            self.about.clear()
            return
        f = info.fields
        parts = [f"Targets: {f.target_muscles}" if f.target_muscles else "", f"Progression: {f.progression_text}"
                 if f.progression_text else ""]
        self.about.setText("\n".join(p for p in parts if p))

    def _on_exercise_changed(self) -> None:
        self._show_about()
        info = self._exercises.get(self.exercise.currentData())
        if info is None or self._editing:
            return  # editing keeps the prescribed dosage; a new prescription starts from the defaults
        self.sets.setValue(info.fields.default_sets)
        self.reps.setValue(info.fields.default_reps)
        self.hold.setValue(info.fields.default_hold_s)
        self.sessions.setValue(info.fields.default_sessions_per_week)

    def _on_resistance_changed(self) -> None:
        kind = self.resistance.currentData()
        self.band.setEnabled(kind == "band")
        self.kg.setEnabled(kind == "ankle_weight")

    def fields(self) -> ex.PrescriptionFields:
        kind = str(self.resistance.currentData())
        return ex.PrescriptionFields(
            exercise_id=int(self.exercise.currentData()), sets=self.sets.value(), reps=self.reps.value(),
            start_date=from_qdate(self.start.date()), hold_s=self.hold.value(), sides=str(self.sides.currentData()),
            sessions_per_week=self.sessions.value(), resistance_kind=kind,
            resistance_level=self.band.currentText().strip() or None if kind == "band" else None,
            resistance_kg=self.kg.value() if kind == "ankle_weight" else None,
            end_date=from_qdate(self.end.date()) if self.has_end.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def _on_save_requested(self) -> None:
        if self.exercise.currentData() is None:
            self.show_problems(["Choose an exercise"])
            return
        fields = self.fields()
        if save_or_show(self, lambda: self._save(fields)):
            self.accept()


class LogDialog(QDialog, ProblemsMixin):
    """What was done for one exercise on one day."""

    def __init__(
        self, prescription: ex.PrescriptionRow, save: Callable[[ex.LogFields], None], today: dt.date,
        initial: ex.LogFields | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(f"{'Edit log entry' if initial else 'Log exercise'}: {prescription.exercise_name}")
        self.setMinimumWidth(440)
        d = prescription.dosage
        prescribed = QLabel(f"Prescribed: {prescription.dosage_text}")
        prescribed.setObjectName("hint")
        prescribed.setWordWrap(True)
        self.day = date_edit(today, maximum=today)
        self.side = QComboBox()
        self.side.addItem(NOT_RECORDED, None)
        for code, label in SIDE_CHOICES:
            self.side.addItem(label, code)
        self.sets = optional_spin(20)
        self.reps = optional_spin(200)
        self.hold = QDoubleSpinBox()
        self.hold.setRange(0, 600)
        self.hold.setDecimals(0)
        self.hold.setSuffix(" s")
        self.band = QComboBox()
        self.band.setEditable(True)
        self.band.addItems(["", *BAND_LEVELS])
        self.kg = QDoubleSpinBox()
        self.kg.setRange(0.0, 25.0)
        self.kg.setSingleStep(0.5)
        self.kg.setDecimals(1)
        self.kg.setSuffix(" kg")
        self.pain = optional_spin(10)
        self.difficulty = optional_spin(10)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(prescribed)
        form.addRow("&Date", self.day)
        form.addRow("S&ide", self.side)
        form.addRow("&Sets done", self.sets)
        form.addRow("&Repetitions per set", self.reps)
        form.addRow("&Hold", self.hold)
        form.addRow("&Band level", self.band)
        form.addRow("Ankle &weight", self.kg)
        form.addRow("&Pain during (0–10)", self.pain)
        form.addRow("Di&fficulty (0–10)", self.difficulty)
        form.addRow("&Notes", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        if initial is None:
            # Start from the prescription: the usual entry changes one or two numbers.
            select_data(self.side, d.sides)
            self.sets.setValue(d.sets)
            self.reps.setValue(d.reps)
            self.hold.setValue(d.hold_s)
            self.band.setCurrentText(d.resistance_level or "")
            self.kg.setValue(d.resistance_kg or 0.0)
        else:
            self.day.setDate(to_qdate(initial.performed_on))
            select_data(self.side, initial.side)
            self.sets.setValue(-1 if initial.sets_done is None else initial.sets_done)
            self.reps.setValue(-1 if initial.reps_done is None else initial.reps_done)
            self.hold.setValue(initial.hold_s or 0.0)
            self.band.setCurrentText(initial.resistance_level or "")
            self.kg.setValue(initial.resistance_kg or 0.0)
            self.pain.setValue(-1 if initial.pain_during is None else initial.pain_during)
            self.difficulty.setValue(-1 if initial.difficulty is None else initial.difficulty)
            self.notes.setPlainText(initial.notes)
        self._initial = initial

    def fields(self) -> ex.LogFields:
        side = self.side.currentData()
        return ex.LogFields(
            performed_on=from_qdate(self.day.date()), side=str(side) if side else None,
            sets_done=spin_value(self.sets), reps_done=spin_value(self.reps), hold_s=self.hold.value() or None,
            resistance_level=self.band.currentText().strip() or None, resistance_kg=self.kg.value() or None,
            pain_during=spin_value(self.pain), difficulty=spin_value(self.difficulty), notes=self.notes.toPlainText(),
            # A detailed entry records what was done, even when it matches the prescription.
            done_as_prescribed=False,
        )

    def _on_save_requested(self) -> None:
        fields = self.fields()
        if save_or_show(self, lambda: self._save(fields)):
            self.accept()


class ExerciseEditDialog(QDialog, ProblemsMixin):
    """Add one of the clinic's own exercises, or edit any exercise."""

    def __init__(
        self, save: Callable[[ex.ExerciseFields], None], initial: ex.ExerciseInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        if initial is None:
            self.setWindowTitle("New clinic exercise")
        else:
            self.setWindowTitle(f"Edit exercise: {initial.label}")
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.target = QLineEdit()
        self.texts: dict[str, QPlainTextEdit] = {}
        for key in ("setup", "movement", "hold", "common_mistakes"):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54)
            self.texts[key] = edit
        self.sets, self.reps, self.hold_s = dosage_spins()
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 14)
        self.rule = QComboBox()
        self.rule.addItem("No automatic suggestion", None)
        for code, text in ep.RULES.items():
            self.rule.addItem(f"{code}: {text}", code)
        self.params = QLineEdit()
        self.params.setPlaceholderText('e.g. {"reps": 15, "add_kg": 0.5}')
        self.progression_text = QLineEdit()
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Target muscles", self.target)
        form.addRow("&Set-up", self.texts["setup"])
        form.addRow("&Movement", self.texts["movement"])
        form.addRow("&Hold", self.texts["hold"])
        form.addRow("Common m&istakes", self.texts["common_mistakes"])
        dosage = QHBoxLayout()
        for label, widget in (("Sets", self.sets), ("Reps", self.reps), ("Hold", self.hold_s),
                              ("Sessions/week", self.sessions)):
            dosage.addWidget(QLabel(label))
            dosage.addWidget(widget)
        form.addRow("Default dosage", dosage)
        form.addRow("&Progression rule", self.rule)
        form.addRow("Rule &parameters", self.params)
        form.addRow("Progression &text", self.progression_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if initial is not None and not initial.is_custom:
            note = QLabel("Built-in exercise: your edits are kept when hiptrack is updated.")
            note.setObjectName("hint")
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        f = initial.fields if initial is not None else ex.ExerciseFields(name="")
        self.name.setText(f.name)
        self.target.setText(f.target_muscles)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(f, key))
        self.sets.setValue(f.default_sets)
        self.reps.setValue(f.default_reps)
        self.hold_s.setValue(f.default_hold_s)
        self.sessions.setValue(f.default_sessions_per_week)
        select_data(self.rule, f.progression_rule)
        self.params.setText(json.dumps(dict(f.progression_params)) if f.progression_params else "")
        self.progression_text.setText(f.progression_text)

    def collect(self) -> tuple[ex.ExerciseFields, list[str]]:
        problems: list[str] = []
        params: dict[str, Any] = {}
        raw = self.params.text().strip()
        if raw:
            try:
                loaded = json.loads(raw)
                if not isinstance(loaded, dict):
                    raise ValueError
                params = loaded
            except ValueError:
                problems.append('Rule parameters must be written like {"reps": 15, "add_kg": 0.5}')
        fields = ex.ExerciseFields(
            name=self.name.text(), target_muscles=self.target.text(),
            **{key: edit.toPlainText() for key, edit in self.texts.items()},
            default_sets=self.sets.value(), default_reps=self.reps.value(), default_hold_s=self.hold_s.value(),
            default_sessions_per_week=self.sessions.value(), progression_rule=self.rule.currentData(),
            progression_params=params, progression_text=self.progression_text.text(),
        )
        return fields, problems

    def _on_save_requested(self) -> None:
        fields, problems = self.collect()
        if problems:
            self.show_problems(problems)
            return
        if save_or_show(self, lambda: self._save(fields)):
            self.accept()


class CatalogDialog(QDialog):
    """The exercise catalog: built-in exercises and the clinic's own."""

    catalog_changed = Signal()

    def __init__(self, db: Database, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.catalog_locale = locale
        self.setWindowTitle("Exercise catalog")
        self.resize(1040, 440)
        self.table = make_table(["Exercise", "Origin", "Target muscles", "Default dosage"])
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.show_archived = QCheckBox("Show &archived")
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.add_button = QPushButton("&Add clinic exercise…")
        self.edit_button = QPushButton("&Edit…")
        self.archive_button = QPushButton("Archi&ve / restore")
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.archive_button.clicked.connect(self._on_archive)
        self.table.doubleClicked.connect(lambda _i: self._on_edit())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(close)
        self.exercises: list[ex.ExerciseInfo] = []
        self.reload()

    def reload(self) -> None:
        with self.db.session() as s:
            self.exercises = ex.list_exercises(s, self.catalog_locale, include_archived=self.show_archived.isChecked())
        self.table.setRowCount(len(self.exercises))
        for row, e in enumerate(self.exercises):
            f = e.fields
            origin = "clinic's own" if e.is_custom else "built-in, edited by the clinic" if e.edited else "built-in"
            if e.archived:
                origin += " (archived)"
            dosage = ep.format_dosage(ep.Dosage(f.default_sets, f.default_reps, f.default_hold_s,
                                                sessions_per_week=f.default_sessions_per_week))
            put(self.table, row, [e.label, origin, f.target_muscles, dosage], e.id)
        ExercisePage._fit(self.table, stretch=2)
        if self.exercises:
            self.table.selectRow(0)

    def _show_detail(self) -> None:
        info = self._selected()
        if info is None:
            self.detail.clear()
            return
        f = info.fields
        rows = [("Set-up", f.setup), ("Movement", f.movement), ("Hold", f.hold),
                ("Common mistakes", f.common_mistakes), ("Progression", f.progression_text)]
        self.detail.setText("<br>".join(f"<b>{label}:</b> {html.escape(text)}" for label, text in rows if text))

    def _selected(self) -> ex.ExerciseInfo | None:
        key = selected_key(self.table)
        return next((e for e in self.exercises if e.id == key), None)

    def _on_add(self) -> None:
        def save(fields: ex.ExerciseFields) -> None:
            with self.db.session() as s:
                ex.create_custom_exercise(s, fields)

        if ExerciseEditDialog(save, None, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.catalog_changed.emit()

    def _on_edit(self) -> None:
        info = self._selected()
        if info is None:
            return

        def save(fields: ex.ExerciseFields) -> None:
            with self.db.session() as s:
                ex.update_exercise(s, info.id, fields, expected_version=info.version)

        if ExerciseEditDialog(save, info, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.catalog_changed.emit()

    def _on_archive(self) -> None:
        info = self._selected()
        if info is None:
            return
        with self.db.session() as s:
            ex.set_exercise_archived(s, info.id, not info.archived)
        self.reload()
        self.catalog_changed.emit()


class OutcomeDialog(QDialog, ProblemsMixin):
    """Record one outcome score: NPRS rating, ODI total, or PSFS activities."""

    def __init__(self, instrument: str, save: Callable[[dt.date, Any], None], today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self._save = save
        spec = SPECS[Instrument(instrument)]
        self.setWindowTitle(f"Record {spec.title}")
        self.setMinimumWidth(420)
        self.day = date_edit(today, maximum=today)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow("&Date", self.day)
        self.rating = QSpinBox()
        self.odi = QDoubleSpinBox()
        self.activities: list[tuple[QLineEdit, QSpinBox]] = []
        self.mean = QLabel()
        # No pre-filled score: a value nobody typed would be saved as a measurement.
        self.rating.setRange(-1, 10)
        self.rating.setSpecialValueText(NOT_ENTERED)
        self.rating.setValue(-1)
        if instrument == "nprs":
            form.addRow("&Pain now (0 = none, 10 = worst imaginable)", self.rating)
        elif instrument == "odi":
            self.odi.setRange(-1, 100)
            self.odi.setDecimals(0)
            self.odi.setSuffix(" %")
            self.odi.setSpecialValueText(NOT_ENTERED)
            self.odi.setValue(-1)
            form.addRow("ODI &total (0–100)", self.odi)
            hint = QLabel("Enter the total from the licensed paper form; hiptrack stores totals only.")
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            form.addRow(hint)
        else:
            hint = QLabel("3 to 5 activities the patient finds hard; 0 = unable, 10 = as before the problem.")
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            form.addRow(hint)
            grid = QGridLayout()
            for i in range(5):
                name, score = QLineEdit(), QSpinBox()
                name.setPlaceholderText(f"Activity {i + 1}" + (" (optional)" if i >= 3 else ""))
                score.setRange(0, 10)
                name.textChanged.connect(self._update_mean)
                score.valueChanged.connect(self._update_mean)
                grid.addWidget(name, i, 0)
                grid.addWidget(score, i, 1)
                self.activities.append((name, score))
            form.addRow("&Activities", grid)
            form.addRow("Mean", self.mean)
            self._update_mean()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def psfs_items(self) -> list[tuple[str, float]]:
        return [(n.text().strip(), float(s.value())) for n, s in self.activities if n.text().strip()]

    def _update_mean(self) -> None:
        items = self.psfs_items()
        if 3 <= len(items) <= 5:
            self.mean.setText(f"{sum(v for _, v in items) / len(items):.1f} of 10 ({len(items)} activities)")
        else:
            self.mean.setText(f"needs 3–5 named activities ({len(items)} so far)")

    def value(self) -> Any:
        """The score entered, or None when the clinician has not entered one."""
        if self.instrument == "nprs":
            return None if self.rating.value() < 0 else self.rating.value()
        if self.instrument == "odi":
            return None if self.odi.value() < 0 else self.odi.value()
        return self.psfs_items()

    def _on_save_requested(self) -> None:
        day, value = from_qdate(self.day.date()), self.value()
        if value is None:
            self.show_problems([f"Enter the {SPECS[Instrument(self.instrument)].title} score first"])
            return
        if save_or_show(self, lambda: self._save(day, value)):
            self.accept()


# --- the page --------------------------------------------------------------------------------


class ExercisePage(QWidget):
    """The selected patient's home exercise program and outcome scores."""

    # Emitted with the patient id after anything on this page changed the patient's record.
    program_changed = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, locale: str | None = None) -> None:
        super().__init__(parent)
        self.refresh_when_shown = RefreshWhenShown(self, self.refresh)
        self.db = db
        self.catalog_locale = locale or QLocale().name()
        self.today: Callable[[], dt.date] = dt.date.today  # tests pin the date
        self.patient_id: int | None = None
        self.prescriptions: list[ex.PrescriptionRow] = []
        self.entries: list[ex.LogRow] = []
        self.suggestions: list[ex.PendingSuggestion] = []
        self.scores: list[oc.ScoreRow] = []

        self.title = QLabel()
        self.title.setObjectName("patientTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_program_tab(), "Progra&m")
        self.tabs.addTab(self._build_log_tab(), "&Log")
        self.tabs.addTab(self._build_outcomes_tab(), "O&utcome scores")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.set_patient(None)

    # -- building --

    def _build_program_tab(self) -> QWidget:
        self.program_table = make_table(["Exercise", "Dosage", "Start", "End", "Status", "This week"])
        self.program_table.doubleClicked.connect(lambda _i: self._on_edit_prescription())
        self.program_table.itemSelectionChanged.connect(self._update_buttons)
        self.prescribe_button = QPushButton("Prescri&be…")
        self.edit_button = QPushButton("&Edit…")
        self.end_button = QPushButton("End")
        self.void_button = QPushButton("Void")
        self.catalog_button = QPushButton("Exercise &catalog…")
        self.prescribe_button.clicked.connect(self._on_prescribe)
        self.edit_button.clicked.connect(self._on_edit_prescription)
        self.end_button.clicked.connect(self._on_end_prescription)
        self.void_button.clicked.connect(self._on_void_prescription)
        self.catalog_button.clicked.connect(self._on_catalog)
        top = QHBoxLayout()
        for b in (self.prescribe_button, self.edit_button, self.end_button, self.void_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.catalog_button)

        self.log_day = date_edit(dt.date.today(), maximum=dt.date.today())
        day_label = QLabel("Log fo&r")
        day_label.setBuddy(self.log_day)
        self.quick_button = QPushButton("Done as prescribed  (Ctrl+D)")
        self.quick_button.setShortcut(QKeySequence("Ctrl+D"))
        self.quick_button.setToolTip("One entry for every exercise prescribed on that day (Ctrl+D)")
        self.quick_button.clicked.connect(self._on_quick_log)
        self.detail_button = QPushButton("Log details…  (Ctrl+L)")
        self.detail_button.setShortcut(QKeySequence("Ctrl+L"))
        self.detail_button.setToolTip("Sets, repetitions, resistance, pain and difficulty for the selected exercise")
        self.detail_button.clicked.connect(self._on_detailed_log)
        self.log_status = QLabel()
        self.log_status.setObjectName("hint")
        logging_row = QHBoxLayout()
        logging_row.addWidget(day_label)
        logging_row.addWidget(self.log_day)
        logging_row.addWidget(self.quick_button)
        logging_row.addWidget(self.detail_button)
        logging_row.addWidget(self.log_status, 1)

        program_box = QGroupBox("Prescribed exercises")
        program_layout = QVBoxLayout(program_box)
        program_layout.addLayout(top)
        program_layout.addWidget(self.program_table, 1)
        program_layout.addLayout(logging_row)

        self.adherence_summary = QLabel()
        self.adherence_summary.setWordWrap(True)
        self.adherence_table = make_table(["Week", "Dates", "Sessions done", "Prescribed", "Adherence"])
        self.adherence_table.setToolTip(
            "Prescribed sessions are prorated for part weeks. A day counts once per exercise, and extra "
            "sessions of one exercise do not make up for another, so adherence never exceeds 100 %.")
        adherence_box = QGroupBox("Weekly adherence (% of prescribed sessions done)")
        adherence_layout = QVBoxLayout(adherence_box)
        adherence_layout.addWidget(self.adherence_summary)
        adherence_layout.addWidget(self.adherence_table, 1)

        self.suggestion_table = make_table(["Exercise", "Suggestion"])
        self.suggestion_table.setWordWrap(True)
        self.suggestion_table.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = QPushButton("Appl&y")
        self.dismiss_button = QPushButton("D&ismiss")
        self.accept_button.clicked.connect(lambda: self._on_decide(True))
        self.dismiss_button.clicked.connect(lambda: self._on_decide(False))
        self.no_suggestions = QLabel("No progression due: rules are checked against the latest logged sessions.")
        self.no_suggestions.setObjectName("hint")
        self.no_suggestions.setWordWrap(True)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.dismiss_button)
        decide.addStretch(1)
        suggestion_box = QGroupBox("Progression suggestions")
        suggestion_layout = QVBoxLayout(suggestion_box)
        suggestion_layout.addWidget(self.no_suggestions)
        suggestion_layout.addWidget(self.suggestion_table, 1)
        suggestion_layout.addLayout(decide)

        lower = QHBoxLayout()
        lower.addWidget(adherence_box, 1)
        lower.addWidget(suggestion_box, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(program_box, 1)
        layout.addLayout(lower, 1)
        return page

    def _build_log_tab(self) -> QWidget:
        self.log_table = make_table(["Date", "Exercise", "Side", "Done", "Pain", "Difficulty", "Entry", "Notes"])
        self.log_table.doubleClicked.connect(lambda _i: self._on_edit_entry())
        self.log_table.itemSelectionChanged.connect(self._update_buttons)
        self.edit_entry_button = QPushButton("Edit entry…")
        self.void_entry_button = QPushButton("Void entry")
        self.history_button = QPushButton("History…")
        self.edit_entry_button.clicked.connect(self._on_edit_entry)
        self.void_entry_button.clicked.connect(self._on_void_entry)
        self.history_button.clicked.connect(self._on_entry_history)
        buttons = QHBoxLayout()
        for b in (self.edit_entry_button, self.void_entry_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel("Edits and voids are kept in the audit trail (History).")
        hint.setObjectName("hint")
        buttons.addWidget(hint)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.log_table, 1)
        return page

    def _build_outcomes_tab(self) -> QWidget:
        self.score_table = make_table(["Date", "Measure", "Score", "Change from baseline", "Change from previous"])
        self.score_table.itemSelectionChanged.connect(self._update_buttons)
        self.nprs_button = QPushButton("Record &NPRS…")
        self.odi_button = QPushButton("Record ODI total…")
        self.psfs_button = QPushButton("Record PSFS…")
        self.void_score_button = QPushButton("Void score")
        self.nprs_button.clicked.connect(lambda: self._on_record_score("nprs"))
        self.odi_button.clicked.connect(lambda: self._on_record_score("odi"))
        self.psfs_button.clicked.connect(lambda: self._on_record_score("psfs"))
        self.void_score_button.clicked.connect(self._on_void_score)
        buttons = QHBoxLayout()
        for b in (self.nprs_button, self.odi_button, self.psfs_button, self.void_score_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        legend = QLabel(
            "✔ MCIC reached = improvement at least the minimal clinically important change "
            "(NPRS 2 points or 30 % and ODI 10 points or 30 %, Ostelo 2008; PSFS 2 points). ▼ = worse."
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.score_table, 1)
        layout.addWidget(legend)
        return page

    # -- state --

    def set_patient(self, patient_id: int | None) -> None:
        self.patient_id = patient_id
        self.setEnabled(patient_id is not None)
        today = self.today()
        self.log_day.setMaximumDate(to_qdate(today))
        self.log_day.setDate(to_qdate(today))
        self.log_status.clear()
        if patient_id is None:
            self.title.setText("No patient selected")
            self.prescriptions, self.entries, self.suggestions, self.scores = [], [], [], []
            for table in (self.program_table, self.adherence_table, self.suggestion_table, self.log_table,
                          self.score_table):
                table.setRowCount(0)
            self.adherence_summary.clear()
            self._update_buttons()
            return
        self.refresh_when_shown.request()

    def refresh(self) -> None:
        if self.patient_id is None:
            return
        pid, today = self.patient_id, self.today()
        try:
            with self.db.session() as s:
                details = patient_details(s, pid)
                self.prescriptions = ex.list_prescriptions(s, pid, locale=self.catalog_locale)
                weeks = ex.patient_adherence(s, pid, today, weeks=12)
                self.suggestions = ex.progression_suggestions(s, pid, today, self.catalog_locale)
                self.entries = ex.list_log_entries(s, pid, locale=self.catalog_locale)
                self.scores = oc.score_history(s, pid)
        except StorageError as exc:
            QMessageBox.critical(self, "Exercise program", str(exc))
            return
        f = details.fields
        self.title.setText(f"Home exercise program — {f.last_name}, {f.first_name}")
        self._fill_program(weeks, today)
        self._fill_adherence(weeks)
        self._fill_suggestions()
        self._fill_log()
        self._fill_scores()
        self._update_buttons()

    def _fill_program(self, weeks: Sequence[ep.WeekAdherence], today: dt.date) -> None:
        selected = selected_key(self.program_table)
        this_week = weeks[0] if weeks and weeks[0].in_progress else None
        self.program_table.setRowCount(len(self.prescriptions))
        for row, p in enumerate(self.prescriptions):
            week = ""
            if this_week is not None and p.id in this_week.per_prescription and p.status != "voided":
                prescribed, done = this_week.per_prescription[p.id]
                week = f"{done} of {prescribed} sessions"
            status = p.status if p.active_on(today) or p.status != "active" else (
                "starts " + p.start_date.isoformat() if p.start_date > today else "ended")
            put(self.program_table, row, [
                p.exercise_name, p.dosage_text, p.start_date.isoformat(),
                p.end_date.isoformat() if p.end_date else "open", status, week or "—",
            ], p.id)
        self._fit(self.program_table, stretch=1)
        self._reselect(self.program_table, selected)

    def _fill_adherence(self, weeks: Sequence[ep.WeekAdherence]) -> None:
        self.adherence_table.setRowCount(len(weeks))
        for row, w in enumerate(weeks):
            put(self.adherence_table, row, [
                w.label, week_dates(w.week_start), str(w.done), str(w.expected),
                ep.format_percent(w.percent) + (" so far" if w.in_progress else ""),
            ])
            for col in (2, 3, 4):
                item = self.adherence_table.item(row, col)
                if item is not None:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit(self.adherence_table, stretch=4)
        if not weeks:
            self.adherence_summary.setText("Nothing prescribed yet.")
            return
        parts = []
        if weeks[0].in_progress:
            parts.append(f"This week so far: {weeks[0].credited} of {weeks[0].expected} sessions")
        recent = ep.recent_adherence(weeks)  # the same figure as the patient view and the PDFs
        if recent is not None:
            parts.append(f"last {recent.weeks} complete week{'s' if recent.weeks > 1 else ''}: {recent.credited} of "
                         f"{recent.prescribed} sessions, <b>{ep.format_percent(recent.percent)}</b>")
        self.adherence_summary.setText("; ".join(parts) + ".")

    def _fill_suggestions(self) -> None:
        self.suggestion_table.setRowCount(len(self.suggestions))
        for row, sug in enumerate(self.suggestions):
            put(self.suggestion_table, row, [sug.exercise_name, sug.suggestion.text], sug.prescription_id)
        self.suggestion_table.setVisible(bool(self.suggestions))
        self.no_suggestions.setVisible(not self.suggestions)
        self._fit(self.suggestion_table, stretch=1)
        self.suggestion_table.resizeRowsToContents()
        if self.suggestions:
            self.suggestion_table.selectRow(0)

    def _fill_log(self) -> None:
        self.log_table.setRowCount(len(self.entries))
        sides = dict(SIDE_CHOICES)
        for row, e in enumerate(self.entries):
            f = e.fields
            put(self.log_table, row, [
                f.performed_on.isoformat(), e.exercise_name, sides.get(f.side or "", "—"), e.summary,
                "—" if f.pain_during is None else f"{f.pain_during}/10",
                "—" if f.difficulty is None else f"{f.difficulty}/10",
                {"quick": "quick", "manual": "detailed", "import": "imported"}.get(e.source, e.source), f.notes,
            ], e.id)
        self._fit(self.log_table, stretch=7)

    def _fill_scores(self) -> None:
        rows = list(reversed(self.scores))  # newest first
        self.score_table.setRowCount(len(rows))
        for row, sc in enumerate(rows):
            if sc.instrument == "psfs":
                acts = ", ".join(f"{a['activity']} {a['score']:g}" for a in sc.details.get("activities", []))
                score = f"{sc.total:.1f}  ({acts})"
            elif sc.instrument == "odi":
                score = f"{sc.total:g} %  ({sc.details.get('band', '')})"
            else:
                score = f"{sc.total:g} / 10"
            put(self.score_table, row, [
                sc.recorded_on.isoformat(), sc.instrument.upper(), score, oc.describe_change(sc.vs_baseline),
                oc.describe_change(sc.vs_previous) if sc.vs_previous is not None else "—",
            ], sc.id)
            for col, change in ((3, sc.vs_baseline), (4, sc.vs_previous)):
                if change is not None and change.mcic_reached:
                    item = self.score_table.item(row, col)
                    if item is not None:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
        self._fit(self.score_table, stretch=2)

    @staticmethod
    def _reselect(table: QTableWidget, key: int | None) -> None:
        """Keep the selection across a refresh, else select the first row (so Ctrl+L works at once)."""
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and (key is None or item.data(Qt.ItemDataRole.UserRole) == key):
                table.selectRow(row)
                return
        if table.rowCount():
            table.selectRow(0)

    @staticmethod
    def _fit(table: QTableWidget, stretch: int) -> None:
        header = table.horizontalHeader()
        for col in range(table.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(col, mode)

    def _selected_prescription(self) -> ex.PrescriptionRow | None:
        key = selected_key(self.program_table)
        return next((p for p in self.prescriptions if p.id == key), None)

    def _update_buttons(self) -> None:
        p = self._selected_prescription()
        editable = p is not None and p.status != "voided"
        self.edit_button.setEnabled(editable)
        self.end_button.setEnabled(p is not None and p.status == "active")
        self.void_button.setEnabled(editable)
        self.detail_button.setEnabled(editable)
        self.quick_button.setEnabled(any(p.status != "voided" for p in self.prescriptions))
        has_entry = selected_key(self.log_table) is not None
        for b in (self.edit_entry_button, self.void_entry_button, self.history_button):
            b.setEnabled(has_entry)
        has_suggestion = selected_key(self.suggestion_table) is not None
        self.accept_button.setEnabled(has_suggestion)
        self.dismiss_button.setEnabled(has_suggestion)
        self.void_score_button.setEnabled(selected_key(self.score_table) is not None)

    def _changed(self) -> None:
        self.refresh()
        if self.patient_id is not None:
            self.program_changed.emit(self.patient_id)

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _run(self, title: str, action: Callable[[], None]) -> bool:
        try:
            action()
        except ValidationError as exc:
            QMessageBox.warning(self, title, "\n".join(exc.problems))
            return False
        except StorageError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self._changed()
        return True

    def _exercises(self, include: int | None = None) -> list[ex.ExerciseInfo]:
        with self.db.session() as s:
            ex.sync_catalog(s)  # a fresh database may not have been synced yet
            items = ex.list_exercises(s, self.catalog_locale, include_archived=True)
        return [e for e in items if not e.archived or e.id == include]

    # -- prescriptions --

    def _on_prescribe(self) -> None:
        if self.patient_id is None:
            return
        pid = self.patient_id

        def save(fields: ex.PrescriptionFields) -> None:
            with self.db.session() as s:
                ex.prescribe(s, pid, fields)

        if self._with_banner(PrescriptionDialog(self._exercises(), save, self.today(), parent=self)).exec() \
                == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_edit_prescription(self) -> None:
        p = self._selected_prescription()
        if p is None or p.status == "voided":
            return

        def save(fields: ex.PrescriptionFields) -> None:
            with self.db.session() as s:
                ex.update_prescription(s, p.id, fields, expected_version=p.version)

        dialog = self._with_banner(PrescriptionDialog(self._exercises(p.exercise_id), save, self.today(), p.fields(), self))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_end_prescription(self) -> None:
        p = self._selected_prescription()
        if p is None:
            return
        today = self.today()
        if self.confirm("End prescription", f"Stop {p.exercise_name} after today ({today.isoformat()})? "
                                            "Its log stays."):
            self._run("End prescription", lambda: self._in_session(lambda s: ex.end_prescription(s, p.id, today)))

    def _on_void_prescription(self) -> None:
        p = self._selected_prescription()
        if p is None:
            return
        if self.confirm("Void prescription", f"Void {p.exercise_name}? Use this only for a prescription entered "
                                             "in error: it no longer counts for adherence."):
            self._run("Void prescription", lambda: self._in_session(lambda s: ex.void_prescription(s, p.id)))

    def _with_banner(self, dialog: DialogT) -> DialogT:
        """A dialog that records data for the current patient names that patient at its top."""
        add_banner(dialog, self.db, self.patient_id)
        return dialog

    def _in_session(self, action: Callable[[Any], object]) -> None:
        with self.db.session() as s:
            action(s)

    def _on_catalog(self) -> None:
        dialog = CatalogDialog(self.db, self.catalog_locale, self)
        dialog.catalog_changed.connect(self.refresh)
        dialog.exec()

    # -- logging --

    def _on_quick_log(self) -> None:
        if self.patient_id is None:
            return
        pid, day, today = self.patient_id, from_qdate(self.log_day.date()), self.today()
        created: list[int] = []

        def action() -> None:
            with self.db.session() as s:
                created.extend(ex.log_done_as_prescribed(s, pid, day, today))

        if self._run("Done as prescribed", action):
            when = "today" if day == today else day.isoformat()
            if created:
                self.log_status.setText(f"Logged {len(created)} exercise{'s' if len(created) > 1 else ''} "
                                        f"as done {when}.")
            else:
                self.log_status.setText(f"Nothing to add: every exercise prescribed {when} is already logged.")

    def _on_detailed_log(self) -> None:
        p = self._selected_prescription()
        if p is None or p.status == "voided":
            return
        today = self.today()

        def save(fields: ex.LogFields) -> None:
            if self._logged_on(p.id, fields.performed_on) and not self.confirm(
                    "Log again", f"{p.exercise_name} is already logged for {fields.performed_on.isoformat()}. "
                    "Log it a second time? (A day counts once for adherence.)"):
                raise ValidationError([f"Not logged: {p.exercise_name} is already logged for "
                                       f"{fields.performed_on.isoformat()}; change the date or cancel"])
            with self.db.session() as s:
                ex.log_entry(s, p.id, fields, today)

        dialog = self._with_banner(LogDialog(p, save, today, parent=self))
        dialog.day.setDate(self.log_day.date())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.log_status.setText(f"Logged {p.exercise_name} for {from_qdate(dialog.day.date()).isoformat()}.")
            self._changed()

    def _logged_on(self, prescription_id: int, day: dt.date) -> bool:
        """Whether this prescription already has a (not voided) log entry on this day."""
        with self.db.session() as s:
            entries = ex.list_log_entries(s, self.patient_id or 0, since=day, locale=self.catalog_locale)
        return any(e.prescription_id == prescription_id and not e.voided and e.fields.performed_on == day
                   for e in entries)

    def _selected_entry(self) -> ex.LogRow | None:
        key = selected_key(self.log_table)
        return next((e for e in self.entries if e.id == key), None)

    def _on_edit_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        today = self.today()
        with self.db.session() as s:
            prescription = ex.get_prescription(s, entry.prescription_id, self.catalog_locale)

        def save(fields: ex.LogFields) -> None:
            with self.db.session() as s:
                ex.update_log_entry(s, entry.id, fields, expected_version=entry.version, today=today)

        if self._with_banner(LogDialog(prescription, save, today, entry.fields, self)).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_void_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        if self.confirm("Void log entry", f"Void the {entry.exercise_name} entry of "
                                          f"{entry.fields.performed_on.isoformat()}? It stays in the audit trail."):
            self._run("Void log entry", lambda: self._in_session(lambda s: ex.void_log_entry(s, entry.id)))

    def _on_entry_history(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        with self.db.session() as s:
            events = ex.record_history(s, "exercise_log_entries", entry.id)
        lines = []
        for e in events:
            when = e.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if e.action in ("create", "import"):
                lines.append(f"{when}  {e.action}d by {e.actor}" if e.action == "create" else f"{when}  imported")
                continue
            changed = ", ".join(f"{k}: {v.get('old')!s} → {v.get('new')!s}" for k, v in e.changes.items()
                                if isinstance(v, dict))
            lines.append(f"{when}  {e.action} by {e.actor}: {changed}")
        QMessageBox.information(self, "Log entry history", "\n".join(lines) or "No history recorded.")

    # -- progression --

    def _on_decide(self, accept: bool) -> None:
        key = selected_key(self.suggestion_table)
        if key is None:
            return
        today = self.today()
        self._run("Progression", lambda: self._in_session(lambda s: ex.decide_progression(s, key, accept, today)))

    # -- outcome scores --

    def _on_record_score(self, instrument: str) -> None:
        if self.patient_id is None:
            return
        pid, today = self.patient_id, self.today()
        recorders: dict[str, Callable[..., int]] = {
            "nprs": oc.record_nprs, "odi": oc.record_odi, "psfs": oc.record_psfs,
        }

        def save(day: dt.date, value: Any) -> None:
            with self.db.session() as s:
                recorders[instrument](s, pid, value, day, today=today)

        if self._with_banner(OutcomeDialog(instrument, save, today, self)).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_void_score(self) -> None:
        key = selected_key(self.score_table)
        if key is None:
            return
        if self.confirm("Void score", "Void this score? Use this only for a score entered in error."):
            self._run("Void score", lambda: self._in_session(lambda s: oc.void_score(s, key)))
