"""The home exercise program page: prescriptions, fast logging, adherence, progression, outcome scores.

Everything can be done from the keyboard: Ctrl+D logs "done as prescribed" for the chosen day,
Ctrl+L opens the detailed log for the selected exercise, and every button has a mnemonic.
Minimal clinically important changes are marked with words and a symbol, not colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain import exercise_program as ep
from hiptrack.gui.dialogs.exercise_dialogs import (
    CatalogDialog,
    LogDialog,
    OutcomeDialog,
    PrescriptionDialog,
)
from hiptrack.gui.exercise_log_model import ExerciseLogModel, log_view
from hiptrack.gui.patient_banner import add_banner
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.gui.widgets import (
    date_edit,
    fit_columns,
    from_qdate,
    make_table,
    put,
    refill,
    selected_key,
    to_qdate,
    week_dates,
)
from hiptrack.reports import formatting as F
from hiptrack.reports.build import PatientDataCache
from hiptrack.reports.translation import error_text, label
from hiptrack.storage import exercises as ex
from hiptrack.storage import outcomes as oc
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.patients import PatientDetails, patient_details

DialogT = TypeVar("DialogT", bound=QDialog)


def _plain(value: float) -> str:
    """A score as the instrument writes it: "4" for a whole number, "4.5" (or "4,5") otherwise."""
    return F.number(value, 0 if float(value).is_integer() else 1)


@dataclass(frozen=True)
class ExerciseData:
    """What the Program tab shows of one patient, as of one day: plain data, kept per patient."""

    details: PatientDetails
    prescriptions: list[ex.PrescriptionRow]
    weeks: list[ep.WeekAdherence]  # the last 12 weeks, this one first
    suggestions: list[ex.PendingSuggestion]


@dataclass(frozen=True)
class ScoreData:
    """What the Outcome scores tab shows of one patient."""

    scores: list[oc.ScoreRow]
    # The score table's cells, newest first: worded once per patient, day and language (formatting
    # five years of scores took a third of a switch back to a patient).
    cells: list[list[str]]


def exercise_data(session: Any, patient_id: int, today: dt.date, catalog_locale: str) -> ExerciseData:
    return ExerciseData(
        details=patient_details(session, patient_id),
        prescriptions=ex.list_prescriptions(session, patient_id, locale=catalog_locale),
        weeks=ex.patient_adherence(session, patient_id, today, weeks=12),
        suggestions=ex.progression_suggestions(session, patient_id, today, catalog_locale),
    )


def score_data(session: Any, patient_id: int) -> ScoreData:
    scores = oc.score_history(session, patient_id)
    return ScoreData(scores, [score_cells(sc) for sc in reversed(scores)])


def score_cells(sc: oc.ScoreRow) -> list[str]:
    """A score's row: date, instrument, score, change vs baseline, change vs the previous score."""
    if sc.instrument == "psfs":
        acts = ", ".join(f"{a['activity']} {_plain(a['score'])}" for a in sc.details.get("activities", []))
        score = f"{F.number(sc.total, 1)}  ({acts})"
    elif sc.instrument == "odi":
        score = f"{F.percent(sc.total)}  ({label(str(sc.details.get('band', '')))})"
    else:
        score = f"{_plain(sc.total)} / 10"
    return [F.date(sc.recorded_on), sc.instrument.upper(), score, label(oc.describe_change(sc.vs_baseline)),
            label(oc.describe_change(sc.vs_previous)) if sc.vs_previous is not None else "—"]


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
        # Going back to a patient reuses what was read while the database shows no change (issue 13);
        # a change from this page or any workstation is read on the next refresh.
        self.data_cache = PatientDataCache(
            lambda session, pid, today: exercise_data(session, pid, today, self.catalog_locale),
            today=lambda: self.today())
        # The Log and Outcome scores tabs are read and filled when shown (issue 13): five years of
        # log entries and scores were two thirds of a first view, with the Program tab in front.
        self.log_cache = PatientDataCache(
            lambda session, pid, _today: ex.list_log_entries(session, pid, locale=self.catalog_locale),
            today=lambda: self.today())
        self.score_cache = PatientDataCache(lambda session, pid, _today: score_data(session, pid),
                                            today=lambda: self.today())
        self.patient_id: int | None = None
        self.prescriptions: list[ex.PrescriptionRow] = []
        self.entries: list[ex.LogRow] = []
        self.suggestions: list[ex.PendingSuggestion] = []
        self.scores: list[oc.ScoreRow] = []

        self.title = QLabel()
        self.title.setObjectName("patientTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_program_tab(), self.tr("Progra&m"))
        log_tab, outcomes_tab = self._build_log_tab(), self._build_outcomes_tab()
        self.tabs.addTab(log_tab, self.tr("&Log"))
        self.tabs.addTab(outcomes_tab, self.tr("O&utcome scores"))
        self.log_when_shown = RefreshWhenShown(log_tab, self.refresh_log)
        self.scores_when_shown = RefreshWhenShown(outcomes_tab, self.refresh_scores)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.set_patient(None)

    # -- building --

    def _build_program_tab(self) -> QWidget:
        self.program_table = make_table([self.tr("Exercise"), self.tr("Dosage"), self.tr("Start"), self.tr("End"),
                                         self.tr("Status"), self.tr("This week")])
        self.program_table.doubleClicked.connect(lambda _i: self._on_edit_prescription())
        self.program_table.itemSelectionChanged.connect(self._update_buttons)
        self.prescribe_button = QPushButton(self.tr("Prescri&be…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.end_button = QPushButton(self.tr("End"))
        self.void_button = QPushButton(self.tr("Void"))
        self.catalog_button = QPushButton(self.tr("Exercise &catalog…"))
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
        day_label = QLabel(self.tr("Log fo&r"))
        day_label.setBuddy(self.log_day)
        self.quick_button = QPushButton(self.tr("Done as prescribed  (Ctrl+D)"))
        self.quick_button.setShortcut(QKeySequence("Ctrl+D"))
        self.quick_button.setToolTip(self.tr("One entry for every exercise prescribed on that day (Ctrl+D)"))
        self.quick_button.clicked.connect(self._on_quick_log)
        self.detail_button = QPushButton(self.tr("Log details…  (Ctrl+L)"))
        self.detail_button.setShortcut(QKeySequence("Ctrl+L"))
        self.detail_button.setToolTip(self.tr("Sets, repetitions, resistance, pain and difficulty for the selected exercise"))
        self.detail_button.clicked.connect(self._on_detailed_log)
        self.log_status = QLabel()
        self.log_status.setObjectName("hint")
        logging_row = QHBoxLayout()
        logging_row.addWidget(day_label)
        logging_row.addWidget(self.log_day)
        logging_row.addWidget(self.quick_button)
        logging_row.addWidget(self.detail_button)
        logging_row.addWidget(self.log_status, 1)

        program_box = QGroupBox(self.tr("Prescribed exercises"))
        program_layout = QVBoxLayout(program_box)
        program_layout.addLayout(top)
        program_layout.addWidget(self.program_table, 1)
        program_layout.addLayout(logging_row)

        self.adherence_summary = QLabel()
        self.adherence_summary.setWordWrap(True)
        self.adherence_table = make_table([self.tr("Week"), self.tr("Dates"), self.tr("Sessions done"),
                                           self.tr("Prescribed"), self.tr("Adherence")])
        self.adherence_table.setToolTip(self.tr(
            "Prescribed sessions are prorated for part weeks. A day counts once per exercise, and extra "
            "sessions of one exercise do not make up for another, so adherence never exceeds 100 %."))
        adherence_box = QGroupBox(self.tr("Weekly adherence (% of prescribed sessions done)"))
        adherence_layout = QVBoxLayout(adherence_box)
        adherence_layout.addWidget(self.adherence_summary)
        adherence_layout.addWidget(self.adherence_table, 1)

        self.suggestion_table = make_table([self.tr("Exercise"), self.tr("Suggestion")])
        self.suggestion_table.setWordWrap(True)
        self.suggestion_table.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = QPushButton(self.tr("Appl&y"))
        self.dismiss_button = QPushButton(self.tr("D&ismiss"))
        self.accept_button.clicked.connect(lambda: self._on_decide(True))
        self.dismiss_button.clicked.connect(lambda: self._on_decide(False))
        self.no_suggestions = QLabel(self.tr("No progression due: rules are checked against the latest logged sessions."))
        self.no_suggestions.setObjectName("hint")
        self.no_suggestions.setWordWrap(True)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.dismiss_button)
        decide.addStretch(1)
        suggestion_box = QGroupBox(self.tr("Progression suggestions"))
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
        # A virtual view: five years of daily logs are about 2,000 rows (gui/exercise_log_model.py).
        self.log_model = ExerciseLogModel(self)
        self.log_table = log_view(self.log_model, stretch=7)
        self.log_table.doubleClicked.connect(lambda _i: self._on_edit_entry())
        self.log_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.edit_entry_button = QPushButton(self.tr("Edit entry…"))
        self.void_entry_button = QPushButton(self.tr("Void entry"))
        self.history_button = QPushButton(self.tr("History…"))
        self.edit_entry_button.clicked.connect(self._on_edit_entry)
        self.void_entry_button.clicked.connect(self._on_void_entry)
        self.history_button.clicked.connect(self._on_entry_history)
        buttons = QHBoxLayout()
        for b in (self.edit_entry_button, self.void_entry_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Edits and voids are kept in the audit trail (History)."))
        hint.setObjectName("hint")
        buttons.addWidget(hint)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.log_table, 1)
        return page

    def _build_outcomes_tab(self) -> QWidget:
        self.score_table = make_table([self.tr("Date"), self.tr("Measure"), self.tr("Score"),
                                       self.tr("Change from baseline"), self.tr("Change from previous")])
        self.score_table.itemSelectionChanged.connect(self._update_buttons)
        self.nprs_button = QPushButton(self.tr("Record &NPRS…"))
        self.odi_button = QPushButton(self.tr("Record ODI total…"))
        self.psfs_button = QPushButton(self.tr("Record PSFS…"))
        self.void_score_button = QPushButton(self.tr("Void score"))
        self.nprs_button.clicked.connect(lambda: self._on_record_score("nprs"))
        self.odi_button.clicked.connect(lambda: self._on_record_score("odi"))
        self.psfs_button.clicked.connect(lambda: self._on_record_score("psfs"))
        self.void_score_button.clicked.connect(self._on_void_score)
        buttons = QHBoxLayout()
        for b in (self.nprs_button, self.odi_button, self.psfs_button, self.void_score_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        legend = QLabel(self.tr(
            "✔ MCIC reached = improvement at least the minimal clinically important change "
            "(NPRS 2 points or 30 % and ODI 10 points or 30 %, Ostelo 2008; PSFS 2 points). ▼ = worse."
        ))
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
            self.title.setText(self.tr("No patient selected"))
            self.prescriptions, self.entries, self.suggestions, self.scores = [], [], [], []
            for table in (self.program_table, self.adherence_table, self.suggestion_table, self.score_table):
                table.setRowCount(0)
            self.log_model.set_entries([])
            self.log_when_shown.pending = self.scores_when_shown.pending = False
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
                data = self.data_cache.load(s, pid)
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Exercise program"), error_text(exc))
            return
        self.prescriptions, self.suggestions = data.prescriptions, data.suggestions
        details, weeks = data.details, data.weeks
        f = details.fields
        self.title.setText(self.tr("Home exercise program — {last}, {first}").format(last=f.last_name, first=f.first_name))
        self._fill_program(weeks, today)
        self._fill_adherence(weeks)
        self._fill_suggestions()
        # The inner tabs: the one in front now, the others when shown. A hidden one is emptied
        # meanwhile, so that it never holds the previous patient's entries.
        self.log_when_shown.request()
        if self.log_when_shown.pending:
            self.entries = []
            self.log_model.set_entries([])
        self.scores_when_shown.request()
        if self.scores_when_shown.pending:
            self.scores = []
            self.score_table.setRowCount(0)
        self._update_buttons()

    def refresh_log(self) -> None:
        if self.patient_id is None:
            return
        try:
            with self.db.session() as s:
                self.entries = self.log_cache.load(s, self.patient_id)
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Exercise program"), error_text(exc))
            return
        self._fill_log()
        self._update_buttons()

    def refresh_scores(self) -> None:
        if self.patient_id is None:
            return
        try:
            with self.db.session() as s:
                data = self.score_cache.load(s, self.patient_id)
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Exercise program"), error_text(exc))
            return
        self.scores = data.scores
        self._fill_scores(data.cells)
        self._update_buttons()

    def _fill_program(self, weeks: Sequence[ep.WeekAdherence], today: dt.date) -> None:
        selected = selected_key(self.program_table)
        this_week = weeks[0] if weeks and weeks[0].in_progress else None
        refill(self.program_table, len(self.prescriptions))
        for row, p in enumerate(self.prescriptions):
            week = ""
            if this_week is not None and p.id in this_week.per_prescription and p.status != "voided":
                prescribed, done = this_week.per_prescription[p.id]
                week = self._sessions(done, prescribed)
            put(self.program_table, row, [
                p.exercise_name, label(p.dosage_text), F.date(p.start_date),
                F.date(p.end_date) if p.end_date else self.tr("open"), self._status(p, today), week or "—",
            ], p.id)
        fit_columns(self.program_table, stretch=1)
        self._reselect(self.program_table, selected)

    def _sessions(self, done: int, prescribed: int) -> str:
        """"2 of 5 sessions": the noun agrees with the number prescribed."""
        if prescribed == 1:
            return self.tr("{done} of 1 session").format(done=done)
        return self.tr("{done} of {prescribed} sessions").format(done=done, prescribed=prescribed)

    def _status(self, p: ex.PrescriptionRow, today: dt.date) -> str:
        """A prescription's state in words (the stored status is a code)."""
        if p.status == "active" and not p.active_on(today):
            if p.start_date > today:
                return self.tr("starts {date}").format(date=F.date(p.start_date))
            return self.tr("ended")
        words = {"active": self.tr("active"), "ended": self.tr("ended"), "voided": self.tr("voided")}
        return words.get(p.status, p.status)

    def _fill_adherence(self, weeks: Sequence[ep.WeekAdherence]) -> None:
        refill(self.adherence_table, len(weeks))
        for row, w in enumerate(weeks):
            percent = F.percent(w.percent)
            put(self.adherence_table, row, [
                w.label, week_dates(w.week_start), str(w.done), str(w.expected),
                self.tr("{percent} so far").format(percent=percent) if w.in_progress else percent,
            ])
            for col in (2, 3, 4):
                item = self.adherence_table.item(row, col)
                if item is not None:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fit_columns(self.adherence_table, stretch=4)
        if not weeks:
            self.adherence_summary.setText(self.tr("Nothing prescribed yet."))
            return
        sentences = []
        if weeks[0].in_progress:
            sentences.append(self.tr("This week so far: {sessions}.").format(
                sessions=self._sessions(weeks[0].credited, weeks[0].expected)))
        recent = ep.recent_adherence(weeks)  # the same figure as the patient view and the PDFs
        if recent is not None:
            sessions = self._sessions(recent.credited, recent.prescribed)
            percent = F.percent(recent.percent)
            if recent.weeks == 1:
                text = self.tr("Last complete week: {sessions}, <b>{percent}</b>.")
            else:
                text = self.tr("Last {n} complete weeks: {sessions}, <b>{percent}</b>.")
            sentences.append(text.format(n=recent.weeks, sessions=sessions, percent=percent))
        self.adherence_summary.setText(" ".join(sentences))

    def _fill_suggestions(self) -> None:
        refill(self.suggestion_table, len(self.suggestions))
        for row, sug in enumerate(self.suggestions):
            put(self.suggestion_table, row, [sug.exercise_name, label(sug.suggestion.text)], sug.prescription_id)
        self.suggestion_table.setVisible(bool(self.suggestions))
        self.no_suggestions.setVisible(not self.suggestions)
        fit_columns(self.suggestion_table, stretch=1)
        self.suggestion_table.resizeRowsToContents()
        if self.suggestions:
            self.suggestion_table.selectRow(0)

    def _fill_log(self) -> None:
        self.log_model.set_entries(self.entries)

    def _fill_scores(self, cells: Sequence[list[str]]) -> None:
        rows = list(reversed(self.scores))  # newest first, as `cells`
        refill(self.score_table, len(rows))
        for row, (sc, texts) in enumerate(zip(rows, cells, strict=True)):
            put(self.score_table, row, texts, sc.id)
            for col, change in ((3, sc.vs_baseline), (4, sc.vs_previous)):
                if change is not None and change.mcic_reached:
                    item = self.score_table.item(row, col)
                    if item is not None:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
        fit_columns(self.score_table, stretch=2)

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
        has_entry = self._selected_entry() is not None
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
            QMessageBox.warning(self, title, "\n".join(label(p) for p in exc.problems))
            return False
        except StorageError as exc:
            QMessageBox.warning(self, title, error_text(exc))
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
        title = self.tr("End prescription")
        if self.confirm(title, self.tr("Stop {exercise} after today ({date})? Its log stays.").format(
                exercise=p.exercise_name, date=F.date(today))):
            self._run(title, lambda: self._in_session(lambda s: ex.end_prescription(s, p.id, today)))

    def _on_void_prescription(self) -> None:
        p = self._selected_prescription()
        if p is None:
            return
        title = self.tr("Void prescription")
        if self.confirm(title, self.tr("Void {exercise}? Use this only for a prescription entered in error: it no "
                                       "longer counts for adherence.").format(exercise=p.exercise_name)):
            self._run(title, lambda: self._in_session(lambda s: ex.void_prescription(s, p.id)))

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

        if self._run(self.tr("Done as prescribed"), action):
            self.log_status.setText(self._quick_log_text(len(created), day, today))

    def _quick_log_text(self, created: int, day: dt.date, today: dt.date) -> str:
        if day == today:
            if not created:
                return self.tr("Nothing to add: every exercise prescribed today is already logged.")
            if created == 1:
                return self.tr("Logged 1 exercise as done today.")
            return self.tr("Logged {n} exercises as done today.").format(n=created)
        date = F.date(day)
        if not created:
            return self.tr("Nothing to add: every exercise prescribed {date} is already logged.").format(date=date)
        if created == 1:
            return self.tr("Logged 1 exercise as done {date}.").format(date=date)
        return self.tr("Logged {n} exercises as done {date}.").format(n=created, date=date)

    def _on_detailed_log(self) -> None:
        p = self._selected_prescription()
        if p is None or p.status == "voided":
            return
        today = self.today()

        def save(fields: ex.LogFields) -> None:
            day = F.date(fields.performed_on)
            if self._logged_on(p.id, fields.performed_on) and not self.confirm(
                    self.tr("Log again"), self.tr("{exercise} is already logged for {date}. Log it a second time? "
                                                  "(A day counts once for adherence.)").format(
                        exercise=p.exercise_name, date=day)):
                raise ValidationError([self.tr("Not logged: {exercise} is already logged for {date}; change the date "
                                               "or cancel").format(exercise=p.exercise_name, date=day)])
            with self.db.session() as s:
                ex.log_entry(s, p.id, fields, today)

        dialog = self._with_banner(LogDialog(p, save, today, parent=self))
        dialog.day.setDate(self.log_day.date())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.log_status.setText(self.tr("Logged {exercise} for {date}.").format(
                exercise=p.exercise_name, date=F.date(from_qdate(dialog.day.date()))))
            self._changed()

    def _logged_on(self, prescription_id: int, day: dt.date) -> bool:
        """Whether this prescription already has a (not voided) log entry on this day."""
        with self.db.session() as s:
            return bool(ex.already_logged(s, [prescription_id], day))

    def _selected_entry(self) -> ex.LogRow | None:
        rows = self.log_table.selectionModel().selectedRows()
        return self.log_model.entry_at(rows[0].row()) if rows else None

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
        title = self.tr("Void log entry")
        if self.confirm(title, self.tr("Void the {exercise} entry of {date}? It stays in the audit trail.").format(
                exercise=entry.exercise_name, date=F.date(entry.fields.performed_on))):
            self._run(title, lambda: self._in_session(lambda s: ex.void_log_entry(s, entry.id)))

    def _on_entry_history(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        with self.db.session() as s:
            events = ex.record_history(s, "exercise_log_entries", entry.id)
        lines = [self._history_line(e) for e in events]
        QMessageBox.information(self, self.tr("Log entry history"), "\n".join(lines) or self.tr("No history recorded."))

    def _history_line(self, e: Any) -> str:
        """One audit event of a log entry, in the workstation's local time."""
        when = F.date_time(e.occurred_at.astimezone().replace(tzinfo=None))
        if e.action == "create":
            return self.tr("{when}  created by {actor}").format(when=when, actor=e.actor)
        if e.action == "import":
            return self.tr("{when}  imported").format(when=when)
        if e.action == "void":
            return self.tr("{when}  voided by {actor}").format(when=when, actor=e.actor)
        changed = ", ".join(f"{k}: {v.get('old')!s} → {v.get('new')!s}" for k, v in e.changes.items()
                            if isinstance(v, dict))
        if e.action == "update":
            return self.tr("{when}  changed by {actor}: {changes}").format(when=when, actor=e.actor, changes=changed)
        return f"{when}  {e.action}, {e.actor}: {changed}"

    # -- progression --

    def _on_decide(self, accept: bool) -> None:
        key = selected_key(self.suggestion_table)
        if key is None:
            return
        today = self.today()
        self._run(self.tr("Progression"), lambda: self._in_session(lambda s: ex.decide_progression(s, key, accept, today)))

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
        title = self.tr("Void score")
        if self.confirm(title, self.tr("Void this score? Use this only for a score entered in error.")):
            self._run(title, lambda: self._in_session(lambda s: oc.void_score(s, key)))
