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
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label, translate
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

# Band levels are stored as typed (a clinic may use its own names) and progression rules compare
# them with their "levels" parameter, so the stored value stays the English name; the combo box
# shows the translated colour, the same words the documents print.
BAND_LEVELS = ep.BAND_COLOURS


PARAMS_EXAMPLE = '{"reps": 15, "add_kg": 0.5}'  # JSON, the same in every language


def side_choices() -> tuple[tuple[str, str], ...]:
    """(stored code, words) for the sides an exercise is done on, translated when called."""
    return (("both", translate("ExerciseDialogs", "Each side")), ("left", translate("ExerciseDialogs", "Left")),
            ("right", translate("ExerciseDialogs", "Right")),
            ("bilateral", translate("ExerciseDialogs", "Both legs together")))


def resistance_choices() -> tuple[tuple[str, str], ...]:
    return (("none", translate("ExerciseDialogs", "None")),
            ("band", translate("ExerciseDialogs", "Resistance band")),
            ("ankle_weight", translate("ExerciseDialogs", "Ankle weight")))


def band_combo(with_empty: bool = False) -> QComboBox:
    """An editable band level: the usual colours in words, or a clinic's own name typed in."""
    combo = QComboBox()
    combo.setEditable(True)
    if with_empty:
        combo.addItem("", None)
    for level in BAND_LEVELS:
        combo.addItem(label(level), level)
    return combo


def band_value(combo: QComboBox) -> str | None:
    """The level to store: a listed colour's English name, else the text as typed; None when empty."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    data = combo.itemData(index) if index >= 0 else None
    return str(data) if data else text or None


def show_band(combo: QComboBox, level: str | None) -> None:
    index = combo.findData(level) if level else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentText(level or "")


def dosage_spins() -> tuple[QSpinBox, QSpinBox, QDoubleSpinBox]:
    """Sets, repetitions and hold editors with the same limits wherever a dosage is entered."""
    sets = QSpinBox()
    sets.setRange(1, 20)
    reps = QSpinBox()
    reps.setRange(1, 200)
    hold = QDoubleSpinBox()
    hold.setRange(0, 600)
    hold.setDecimals(0)
    hold.setSuffix(" s")  # i18n: unit symbol
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
        self.setWindowTitle(self.tr("Edit prescription") if initial else self.tr("Prescribe an exercise"))
        self.setMinimumWidth(520)
        self.exercise = QComboBox()
        for e in exercises:
            self.exercise.addItem(e.label, e.id)
        self.about = QLabel()
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        self.sides = combo_with(side_choices())
        self.sets, self.reps, self.hold = dosage_spins()
        self.resistance = combo_with(resistance_choices())
        self.band = band_combo()
        self.kg = QDoubleSpinBox()
        self.kg.setRange(0.0, 25.0)
        self.kg.setSingleStep(0.5)
        self.kg.setDecimals(1)
        self.kg.setSuffix(" kg")  # i18n: unit symbol
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 14)
        self.sessions.setSuffix(self.tr(" per week"))
        self.start = date_edit(today)
        self.has_end = QCheckBox(self.tr("&Ends on"))
        self.end = date_edit(today + dt.timedelta(weeks=6))
        self.end.setEnabled(False)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problems = problems_label()

        form = QFormLayout()
        form.addRow(self.tr("E&xercise"), self.exercise)
        form.addRow("", self.about)
        form.addRow(self.tr("S&ides"), self.sides)
        form.addRow(self.tr("&Sets"), self.sets)
        form.addRow(self.tr("&Repetitions"), self.reps)
        form.addRow(self.tr("&Hold"), self.hold)
        form.addRow(self.tr("Resis&tance"), self.resistance)
        form.addRow(self.tr("&Band level"), self.band)
        form.addRow(self.tr("Ankle &weight"), self.kg)
        form.addRow(self.tr("Sessi&ons"), self.sessions)
        form.addRow(self.tr("St&art"), self.start)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        form.addRow(self.tr("End"), end_row)
        form.addRow(self.tr("&Notes"), self.notes)
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
        show_band(self.band, f.resistance_level)
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
        parts = [self.tr("Targets: {muscles}").format(muscles=f.target_muscles) if f.target_muscles else "",
                 self.tr("Progression: {text}").format(text=f.progression_text) if f.progression_text else ""]
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
            resistance_level=band_value(self.band) if kind == "band" else None,
            resistance_kg=self.kg.value() if kind == "ankle_weight" else None,
            end_date=from_qdate(self.end.date()) if self.has_end.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def _on_save_requested(self) -> None:
        if self.exercise.currentData() is None:
            self.show_problems([self.tr("Choose an exercise")])
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
        title = self.tr("Edit log entry: {exercise}") if initial else self.tr("Log exercise: {exercise}")
        self.setWindowTitle(title.format(exercise=prescription.exercise_name))
        self.setMinimumWidth(440)
        d = prescription.dosage
        prescribed = QLabel(self.tr("Prescribed: {dosage}").format(dosage=label(prescription.dosage_text)))
        prescribed.setObjectName("hint")
        prescribed.setWordWrap(True)
        self.day = date_edit(today, maximum=today)
        self.side = QComboBox()
        self.side.addItem(self.tr("not recorded"), None)
        for code, words in side_choices():
            self.side.addItem(words, code)
        self.sets = optional_spin(20)
        self.reps = optional_spin(200)
        self.hold = QDoubleSpinBox()
        self.hold.setRange(0, 600)
        self.hold.setDecimals(0)
        self.hold.setSuffix(" s")  # i18n: unit symbol
        self.band = band_combo(with_empty=True)
        self.kg = QDoubleSpinBox()
        self.kg.setRange(0.0, 25.0)
        self.kg.setSingleStep(0.5)
        self.kg.setDecimals(1)
        self.kg.setSuffix(" kg")  # i18n: unit symbol
        self.pain = optional_spin(10)
        self.difficulty = optional_spin(10)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(prescribed)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("S&ide"), self.side)
        form.addRow(self.tr("&Sets done"), self.sets)
        form.addRow(self.tr("&Repetitions per set"), self.reps)
        form.addRow(self.tr("&Hold"), self.hold)
        form.addRow(self.tr("&Band level"), self.band)
        form.addRow(self.tr("Ankle &weight"), self.kg)
        form.addRow(self.tr("&Pain during (0–10)"), self.pain)
        form.addRow(self.tr("Di&fficulty (0–10)"), self.difficulty)
        form.addRow(self.tr("&Notes"), self.notes)
        form_with_save(self, form, self.problems, self._on_save_requested)
        if initial is None:
            # Start from the prescription: the usual entry changes one or two numbers.
            select_data(self.side, d.sides)
            self.sets.setValue(d.sets)
            self.reps.setValue(d.reps)
            self.hold.setValue(d.hold_s)
            show_band(self.band, d.resistance_level)
            self.kg.setValue(d.resistance_kg or 0.0)
        else:
            self.day.setDate(to_qdate(initial.performed_on))
            select_data(self.side, initial.side)
            self.sets.setValue(-1 if initial.sets_done is None else initial.sets_done)
            self.reps.setValue(-1 if initial.reps_done is None else initial.reps_done)
            self.hold.setValue(initial.hold_s or 0.0)
            show_band(self.band, initial.resistance_level)
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
            resistance_level=band_value(self.band), resistance_kg=self.kg.value() or None,
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
            self.setWindowTitle(self.tr("New clinic exercise"))
        else:
            self.setWindowTitle(self.tr("Edit exercise: {exercise}").format(exercise=initial.label))
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
        self.rule.addItem(self.tr("No automatic suggestion"), None)
        for code, text in ep.RULES.items():
            self.rule.addItem(f"{code}: {label(text)}", code)
        self.params = QLineEdit()
        self.params.setPlaceholderText(self.tr("e.g. {example}").format(example=PARAMS_EXAMPLE))
        self.progression_text = QLineEdit()
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Target muscles"), self.target)
        form.addRow(self.tr("&Set-up"), self.texts["setup"])
        form.addRow(self.tr("&Movement"), self.texts["movement"])
        form.addRow(self.tr("&Hold"), self.texts["hold"])
        form.addRow(self.tr("Common m&istakes"), self.texts["common_mistakes"])
        dosage = QHBoxLayout()
        for words, widget in ((self.tr("Sets"), self.sets), (self.tr("Reps"), self.reps),
                              (self.tr("Hold"), self.hold_s), (self.tr("Sessions/week"), self.sessions)):
            dosage.addWidget(QLabel(words))
            dosage.addWidget(widget)
        form.addRow(self.tr("Default dosage"), dosage)
        form.addRow(self.tr("&Progression rule"), self.rule)
        form.addRow(self.tr("Rule &parameters"), self.params)
        form.addRow(self.tr("Progression &text"), self.progression_text)
        layout = form_with_save(self, form, self.problems, self._on_save_requested)
        if initial is not None and not initial.is_custom:
            note = QLabel(self.tr("Built-in exercise: your edits are kept when hiptrack is updated."))
            note.setObjectName("hint")
            layout.insertWidget(0, note)  # above the form
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
                problems.append(self.tr("Rule parameters must be written like {example}").format(example=PARAMS_EXAMPLE))
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
        self.setWindowTitle(self.tr("Exercise catalog"))
        self.resize(1040, 440)
        self.table = make_table([self.tr("Exercise"), self.tr("Origin"), self.tr("Target muscles"),
                                 self.tr("Default dosage")])
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.show_archived = QCheckBox(self.tr("Show &archived"))
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.add_button = QPushButton(self.tr("&Add clinic exercise…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("Archi&ve / restore"))
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.archive_button.clicked.connect(self._on_archive)
        self.table.doubleClicked.connect(lambda _i: self._on_edit())
        # The exercise's picture: the clinic's own, else the drawing shipped for a built-in exercise.
        self.picture_button = QPushButton(self.tr("Pic&ture…"))
        self.picture_button.setToolTip(self.tr("Give this exercise the clinic's own picture (PNG, JPEG or SVG, up to 2 MB)"))
        self.picture_button.clicked.connect(self._on_picture)
        self.clear_picture_button = QPushButton(self.tr("Remove picture"))
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
            origin = self._origin(e)
            dosage = ep.format_dosage(ep.Dosage(f.default_sets, f.default_reps, f.default_hold_s,
                                                sessions_per_week=f.default_sessions_per_week))
            put(self.table, row, [e.label, origin, f.target_muscles, label(dosage)], e.id)
        fit_columns(self.table, stretch=2)
        if self.exercises:
            self.table.selectRow(0)

    def _origin(self, e: ex.ExerciseInfo) -> str:
        if e.is_custom:
            origin = self.tr("clinic's own")
        else:
            origin = self.tr("built-in, edited by the clinic") if e.edited else self.tr("built-in")
        return self.tr("{origin} (archived)").format(origin=origin) if e.archived else origin

    def _show_detail(self) -> None:
        info = self._selected()
        self._show_picture(info)
        if info is None:
            self.detail.clear()
            return
        f = info.fields
        rows = [(self.tr("Set-up"), f.setup), (self.tr("Movement"), f.movement), (self.tr("Hold"), f.hold),
                (self.tr("Common mistakes"), f.common_mistakes), (self.tr("Progression"), f.progression_text)]
        self.detail.setText("<br>".join(f"<b>{html.escape(words)}:</b> {html.escape(text)}"
                                        for words, text in rows if text))

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
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Picture for {exercise}").format(exercise=info.label), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.svg)"))
        if not name:
            return
        title = self.tr("Picture")
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, title, self.tr("Could not read {file}: {error}").format(
                file=Path(name).name, error=exc.strerror or error_text(exc)))
            return
        problems = picture_problems(data)
        fmt = sniff_format(data)
        if not problems and fmt is not None and not PictureWidget(Picture(fmt, data, shipped=False)).readable:
            problems = [self.tr("{file} is damaged: it cannot be shown as a picture").format(file=Path(name).name)]
        if problems:
            QMessageBox.warning(self, title, "\n".join(label(p) for p in problems))
            return
        try:
            with self.db.session() as s:
                set_exercise_picture(s, info.id, data)
        except StorageError as exc:
            QMessageBox.warning(self, title, error_text(exc))
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
        self.setWindowTitle(self.tr("Record {instrument}").format(instrument=label(spec.title)))
        self.setMinimumWidth(420)
        self.day = date_edit(today, maximum=today)
        self.problems = problems_label()
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day)
        self.rating = QSpinBox()
        self.odi = QDoubleSpinBox()
        self.activities: list[tuple[QLineEdit, QSpinBox]] = []
        self.mean = QLabel()
        # No pre-filled score: a value nobody typed would be saved as a measurement.
        self.rating.setRange(-1, 10)
        self.rating.setSpecialValueText(self.tr("not entered"))
        self.rating.setValue(-1)
        if instrument == "nprs":
            form.addRow(self.tr("&Pain now (0 = none, 10 = worst imaginable)"), self.rating)
        elif instrument == "odi":
            self.odi.setRange(-1, 100)
            self.odi.setDecimals(0)
            self.odi.setSuffix(" %")
            self.odi.setSpecialValueText(self.tr("not entered"))
            self.odi.setValue(-1)
            form.addRow(self.tr("ODI &total (0–100)"), self.odi)
            hint = QLabel(self.tr("Enter the total from the licensed paper form; hiptrack stores totals only."))
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            form.addRow(hint)
        else:
            hint = QLabel(self.tr("3 to 5 activities the patient finds hard; 0 = unable, 10 = as before the problem."))
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            form.addRow(hint)
            grid = QGridLayout()
            for i in range(5):
                name, score = QLineEdit(), QSpinBox()
                name.setPlaceholderText((self.tr("Activity {n} (optional)") if i >= 3 else self.tr("Activity {n}"))
                                        .format(n=i + 1))
                score.setRange(0, 10)
                name.textChanged.connect(self._update_mean)
                score.valueChanged.connect(self._update_mean)
                grid.addWidget(name, i, 0)
                grid.addWidget(score, i, 1)
                self.activities.append((name, score))
            form.addRow(self.tr("&Activities"), grid)
            form.addRow(self.tr("Mean"), self.mean)
            self._update_mean()
        form_with_save(self, form, self.problems, self._on_save_requested)

    def psfs_items(self) -> list[tuple[str, float]]:
        return [(n.text().strip(), float(s.value())) for n, s in self.activities if n.text().strip()]

    def _update_mean(self) -> None:
        items = self.psfs_items()
        if 3 <= len(items) <= 5:
            mean = F.number(sum(v for _, v in items) / len(items), 1)
            self.mean.setText(self.tr("{mean} of 10 ({n} activities)").format(mean=mean, n=len(items)))
        else:
            self.mean.setText(self.tr("needs 3–5 named activities ({n} so far)").format(n=len(items)))

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
            instrument = label(SPECS[Instrument(self.instrument)].title)
            self.show_problems([self.tr("Enter the {instrument} score first").format(instrument=instrument)])
            return
        if save_or_show(self, lambda: self._save(day, value)):
            self.accept()
