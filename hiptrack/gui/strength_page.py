"""Strength testing for the selected patient: connect the gauge, start or resume a visit, test."""

from __future__ import annotations

import logging
import random
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hiptrack import settings as S
from hiptrack.acquisition.session import DeviceSession
from hiptrack.domain.batteries import all_batteries
from hiptrack.domain.positions import BATTERIES, POSITIONS
from hiptrack.domain.provenance import Provenance, Source, lever_provenance
from hiptrack.gui.device_bar import DeviceBar
from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitDialog, VisitSetup
from hiptrack.gui.patient_banner import add_banner
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.gui.results_panel import ResultsPanel
from hiptrack.gui.trial_screen import TrialScreen
from hiptrack.operations.recording import awaiting_decision
from hiptrack.reports import formatting as F
from hiptrack.reports.build import PatientDataCache
from hiptrack.reports.translation import error_text
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.overlays import strength_view
from hiptrack.storage.patients import latest_body_mass
from hiptrack.storage.visits import (
    VisitState,
    in_progress_visit,
    last_measured_levers,
    start_visit,
    visit_state,
)

log = logging.getLogger(__name__)


class StrengthPage(QWidget):
    visit_changed = Signal(int)  # patient id

    def __init__(self, db: Database, session: DeviceSession, workstation: S.WorkstationSettings,
                 clinic: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_when_shown = RefreshWhenShown(self, self.refresh)
        self.db = db
        self.session = session
        self.clinic = clinic
        self.patient_id: int | None = None
        # Going back to a patient reuses the summary and the re-analysed traces while the database
        # shows no change (issue 13); a change from any workstation is read on the next switch.
        self.data_cache = PatientDataCache(strength_view)
        self.screen_widget: TrialScreen | None = None
        self.device_bar = DeviceBar(session, workstation)
        self.stack = QStackedWidget()

        self.idle = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("patientTitle")
        self.resume_label = QLabel()
        self.resume_label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Resume unfinished visit"))
        self.resume_button.clicked.connect(self.resume_visit)
        self.start_button = QPushButton(self.tr("Start a &visit  [Ctrl+T]"))
        self.start_button.setStyleSheet("font-size: 13pt; padding: 8px 18px;")
        self.start_button.clicked.connect(self.start_new_visit)
        self.push_button = QPushButton(self.tr("Simulated patient pushes  [P]"))
        self.push_button.clicked.connect(self.simulated_push)
        self.push_button.setVisible(False)
        self.last_results = ResultsPanel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.resume_button)
        # Beside the buttons, not on a line of its own: one muscle's results fit a 1280×800 screen.
        buttons.addSpacing(12)
        buttons.addWidget(QLabel(self.tr("Latest results (finished visits only):")), 1,
                          Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        idle_layout = QVBoxLayout(self.idle)
        idle_layout.addWidget(self.heading)
        idle_layout.addWidget(self.resume_label)
        idle_layout.addLayout(buttons)
        idle_layout.addWidget(self.last_results, 1)
        self.stack.addWidget(self.idle)

        top = QHBoxLayout()
        top.addWidget(self.device_bar, 1)
        top.addWidget(self.push_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        # The main window owns Ctrl+T for the whole window and disables this one (two active
        # shortcuts on one key are ambiguous and neither fires); it serves the page on its own.
        self.shortcuts: dict[str, QShortcut] = {}
        for key, slot in (("Ctrl+T", self.start_new_visit), ("P", self.simulated_push)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut
        self.set_patient(None)

    # ------------------------------------------------------------------ patient
    def set_patient(self, patient_id: int | None) -> None:
        if self.screen_widget is not None and patient_id != self.patient_id:
            self._close_screen()
        self.patient_id = patient_id
        self.push_button.setVisible(self.session.simulator is not None)
        self.refresh_when_shown.request()

    def refresh(self) -> None:
        enabled = self.patient_id is not None
        self.start_button.setEnabled(enabled)
        if self.patient_id is None:
            self.heading.setText(self.tr("Select a patient to test"))
            self.heading.show()
            self.resume_label.hide()
            self.resume_button.hide()
            self.last_results.clear()
            return
        # The tab names the page and the banner the patient: the results get the height instead.
        self.heading.hide()
        with self.db.session() as s:
            view = self.data_cache.load(s, self.patient_id)
        state, latest = view.unfinished, view.latest
        if state is not None:
            count = sum(len(t.trials) for t in state.tests)
            waiting = sum(1 for t in state.tests for tr in t.trials if awaiting_decision(tr))
            day = F.date(state.visit_date)
            text = (self.tr("An unfinished visit from {date} has 1 trial saved. Resume it to carry on where testing "
                            "stopped.") if count == 1 else
                    self.tr("An unfinished visit from {date} has {count} trials saved. Resume it to carry on where "
                            "testing stopped.")).format(date=day, count=count)
            if waiting:
                # Recorded, then the app stopped before Enter or R: not counted until someone decides.
                text += " " + (self.tr("1 trial is awaiting the clinician's decision (not counted).") if waiting == 1
                               else self.tr("{n} trials are awaiting the clinician's decision (not counted).").format(
                                   n=waiting))
            self.resume_label.setText(text)
        self.resume_label.setVisible(state is not None)
        self.resume_button.setVisible(state is not None)
        # An unfinished battery is offered for resuming above, never shown as the latest result.
        self.last_results.show_visit(latest, str(self.clinic.get(S.DISPLAY_UNIT.key, "N")), view.overlays)

    def battery_in_progress(self) -> tuple[int, int] | None:
        """(trials accepted, trials planned) while a visit is open on the trial screen, else None."""
        if self.screen_widget is None:
            return None
        return self.screen_widget.run.progress

    # ------------------------------------------------------------------ visits
    def start_new_visit(self) -> None:
        if self.patient_id is None or self.screen_widget is not None:
            return
        with self.db.session() as s:
            unfinished = in_progress_visit(s, self.patient_id)
            mass = latest_body_mass(s, self.patient_id)
            levers = last_measured_levers(s, self.patient_id)
        if unfinished is not None:
            answer = QMessageBox.question(self, self.tr("Unfinished visit"), self.tr(
                "This patient has an unfinished visit. Resume it instead of starting a new one?"))
            if answer == QMessageBox.StandardButton.Yes:
                self.resume_visit()
                return
        batteries = all_batteries(self.clinic.get(S.CUSTOM_BATTERIES.key, []), include_archived=False)
        dialog = VisitDialog(self.db, str(self.clinic.get(S.DEFAULT_BATTERY.key, "standard_hip")),
                             mass.mass_kg if mass else None, levers, batteries=batteries, parent=self,
                             latest_mass_on=mass.measured_on if mass else None,
                             mass_max_age_days=int(self.clinic.get(S.MASS_MAX_AGE_DAYS.key,
                                                                   S.MASS_MAX_AGE_DAYS.default)))
        add_banner(dialog, self.db, self.patient_id)
        if not dialog.exec() or dialog.result_setup is None:
            return
        setup = dialog.result_setup
        try:
            with self.db.session() as s:
                visit_id = start_visit(s, self.patient_id, setup.visit_date, setup.clinician_id, setup.battery.code,
                                       setup.body_mass_kg, setup.pain_nprs)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Start a visit"), error_text(exc))
            return
        log.info("visit id=%s started", visit_id)
        self._open_screen(visit_id, setup)

    def resume_visit(self) -> None:
        if self.patient_id is None:
            return
        with self.db.session() as s:
            visit_id = in_progress_visit(s, self.patient_id)
            if visit_id is None:
                return
            setup = self._setup_from_visit(visit_state(s, visit_id))
        log.info("visit id=%s resumed", visit_id)
        self._open_screen(visit_id, setup)

    def _setup_from_visit(self, visit: VisitState) -> VisitSetup:
        # Archived batteries included: a visit started with one must still resume.
        known = all_batteries(self.clinic.get(S.CUSTOM_BATTERIES.key, []), include_archived=True)
        battery = known.get(visit.battery_code or "", BATTERIES["standard_hip"])
        muscles = []
        for muscle in battery.muscles:
            test = next((t for t in visit.tests if t.muscle == muscle.value), None)
            position = test.position if test else battery.position_of(muscle)
            if test is not None and test.lever_arm_m:
                lever = test.lever_arm_m
                source = lever_provenance(test.lever_source, test.lever_measured_on, visit.visit_date)
            else:
                lever, source = POSITIONS[position].typical_lever_m, Provenance(Source.TYPICAL)
            muscles.append(MuscleSetup(muscle, position, test.method if test else battery.method.value, lever,
                                       test.fixation if test else "hand", source))
        return VisitSetup(visit.visit_date, visit.clinician_id, None, None, battery, tuple(muscles))

    def _open_screen(self, visit_id: int, setup: VisitSetup) -> None:
        assert self.patient_id is not None
        screen = TrialScreen(db=self.db, session=self.session, patient_id=self.patient_id, visit_id=visit_id,
                             setup=setup, clinic=self.clinic)
        screen.visit_finished.connect(self._on_visit_finished)
        self.screen_widget = screen
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.setFocus()
        self.visit_changed.emit(self.patient_id)

    def _close_screen(self) -> None:
        screen, self.screen_widget = self.screen_widget, None
        if screen is not None:
            screen.detach()
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.stack.setCurrentWidget(self.idle)

    def _on_visit_finished(self, _visit_id: int) -> None:
        self._close_screen()
        self.refresh()
        if self.patient_id is not None:
            self.visit_changed.emit(self.patient_id)

    def simulated_push(self) -> None:
        """Demo only: the simulated patient produces a contraction."""
        sim = self.session.simulator
        start_trial = getattr(sim, "start_trial", None)
        if callable(start_trial):
            start_trial(peak_n=random.uniform(150.0, 260.0), kind="make", duration_s=random.uniform(2.5, 3.5))
