"""The exercise page's dialogs: prescribing, logging, the clinic's own exercises, the catalog and
outcome scores. Problems are listed in words inside each dialog, which stays open."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.outcomes import SPECS, Instrument
from hiptrack.gui.dialogs.problems import ProblemsMixin, form_with_save, problems_label, save_or_show
from hiptrack.gui.picture_widget import PictureWidget
from hiptrack.gui.widgets import (
    NOT_RECORDED,
    combo_with,
    date_edit,
    fit_columns,
    from_qdate,
    make_table,
    optional_spin,
    put,
    select_data,
    selected_key,
    spin_value,
    to_qdate,
)
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.exercise_pictures import (
    Picture,
    clear_exercise_picture,
    exercise_picture,
    picture_problems,
    set_exercise_picture,
    sniff_format,
)

NOT_ENTERED = "not entered"

SIDE_CHOICES = (("both", "Each side"), ("left", "Left"), ("right", "Right"), ("bilateral", "Both legs together"))
RESISTANCE_CHOICES = (("none", "None"), ("band", "Resistance band"), ("ankle_weight", "Ankle weight"))
BAND_LEVELS = ("yellow", "red", "green", "blue", "black")


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
        form_with_save(self, form, self.problems, self._on_save_requested)
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
        form_with_save(self, form, self.problems, self._on_save_requested)
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
        # The exercise's picture: the clinic's own, else the drawing shipped for a built-in exercise.
        self.picture_button = QPushButton("Pic&ture…")
        self.picture_button.setToolTip("Give this exercise the clinic's own picture (PNG, JPEG or SVG, up to 2 MB)")
        self.picture_button.clicked.connect(self._on_picture)
        self.clear_picture_button = QPushButton("Remove picture")
        self.clear_picture_button.clicked.connect(self._on_clear_picture)
        self.picture: PictureWidget | None = None
        self.picture_box = QVBoxLayout()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.archive_button, self.picture_button,
                  self.clear_picture_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        details = QHBoxLayout()
        details.addWidget(self.detail, 1)
        details.addLayout(self.picture_box)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(details)
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
        fit_columns(self.table, stretch=2)
        if self.exercises:
            self.table.selectRow(0)

    def _show_detail(self) -> None:
        info = self._selected()
        self._show_picture(info)
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

    def _show_picture(self, info: ex.ExerciseInfo | None) -> None:
        if self.picture is not None:
            self.picture_box.removeWidget(self.picture)
            self.picture.deleteLater()
            self.picture = None
        picture = None
        if info is not None:
            with self.db.session() as s:
                picture = exercise_picture(s, info.id)
        self.clear_picture_button.setEnabled(picture is not None and not picture.shipped)
        self.picture_button.setEnabled(info is not None)
        if picture is not None:
            self.picture = PictureWidget(picture, max_width=360)
            self.picture_box.addWidget(self.picture)

    def _on_picture(self) -> None:
        info = self._selected()
        if info is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, f"Picture for {info.label}", "",
                                              "Pictures (*.png *.jpg *.jpeg *.svg)")
        if not name:
            return
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, "Picture", f"Could not read {Path(name).name}: {exc.strerror or exc}")
            return
        problems = picture_problems(data)
        fmt = sniff_format(data)
        if not problems and fmt is not None and not PictureWidget(Picture(fmt, data, shipped=False)).readable:
            problems = [f"{Path(name).name} is damaged: it cannot be shown as a picture"]
        if problems:
            QMessageBox.warning(self, "Picture", "\n".join(problems))
            return
        try:
            with self.db.session() as s:
                set_exercise_picture(s, info.id, data)
        except StorageError as exc:
            QMessageBox.warning(self, "Picture", str(exc))
            return
        self.reload()
        self.catalog_changed.emit()

    def _on_clear_picture(self) -> None:
        info = self._selected()
        if info is None:
            return
        with self.db.session() as s:
            clear_exercise_picture(s, info.id)
        self.reload()
        self.catalog_changed.emit()

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
        form_with_save(self, form, self.problems, self._on_save_requested)

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
