"""The trial screen: live force curve, large peak figure, keyboard-driven accept/reject/redo.

Keys (all usable without a mouse):
  Space      start / stop a trial by hand (trials also start and stop by themselves)
  Enter      accept the trial just recorded
  R          reject it (or the trial selected in the list) with a reason
  D          redo: reject the last trial as "redo" and record the step again
  T          tare the gauge
  M          type in a peak read off a peak-only device
  S          skip the rest countdown
  Ctrl+Enter finish the visit

Each trial is saved (trace included) the moment it is captured, and each decision the moment it is
made, so a crash loses at most the trial in progress.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from enum import Enum
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceState, DeviceStatus
from hiptrack.acquisition.segmenter import SegmenterSettings, TrialCapture
from hiptrack.acquisition.session import DeviceSession
from hiptrack.domain.battery_run import BatteryRun, CvPrompt
from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import POSITIONS, Muscle, PlannedTrial
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.domain.units import from_newtons
from hiptrack.gui.device_bar import STATE_LOOK, status_text
from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitSetup
from hiptrack.gui.patient_banner import add_banner
from hiptrack.gui.results_panel import ResultsPanel, muscle_name
from hiptrack.operations.recording import RecordingSettings, TrialRecorder, awaiting_decision
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.visits import DeviceProvenance

log = logging.getLogger(__name__)

# The usual reasons, stored in English whatever the language shown (reason_text translates them back);
# the clinician may also type a reason of their own, which is stored as typed.
# The last is REDO_REASON, marked here under its stored text (a test keeps the two equal).
REJECT_REASONS = (
    QT_TRANSLATE_NOOP("TrialScreen", "patient moved or compensated"),
    QT_TRANSLATE_NOOP("TrialScreen", "pain"),
    QT_TRANSLATE_NOOP("TrialScreen", "sub-maximal effort"),
    QT_TRANSLATE_NOOP("TrialScreen", "gauge slipped"),
    QT_TRANSLATE_NOOP("TrialScreen", "tester gave way"),
    QT_TRANSLATE_NOOP("TrialScreen", "redo requested by clinician"),
)
UNITS = ("N", "kgf", "lbf")  # i18n: unit symbols
PLOT_WINDOW_S = 8.0
PAINT_INTERVAL_MS = 33  # ~30 frames a second, whatever the device's sample rate


class Phase(Enum):
    READY = "ready"  # armed: the next contraction becomes a trial
    RECORDING = "recording"
    REVIEW = "review"  # a trial is saved, waiting for accept or reject
    REST = "rest"
    DONE = "done"


class ManualEntryDialog(QDialog):
    """A peak typed in from a device that only shows one (microFET, Lafayette, JTECH...)."""

    def __init__(self, default_unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Type in a peak"))
        self.value = QDoubleSpinBox()
        self.value.setRange(0.0, 5000.0)
        self.value.setDecimals(1)
        self.unit = QComboBox()
        self.unit.addItems(list(UNITS))
        self.unit.setCurrentText(default_unit)
        row = QHBoxLayout()
        row.addWidget(self.value, 1)
        row.addWidget(self.unit)
        form = QFormLayout(self)
        form.addRow(self.tr("Peak shown on the device"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.value.selectAll()

    def entered(self) -> tuple[float, str] | None:
        value = self.value.value()
        return (value, self.unit.currentText()) if value > 0 else None


def reason_text(reason: str) -> str:
    """A stored reject reason as shown: one of the usual ones in the reader's language, else as typed."""
    return translate("TrialScreen", reason) if reason in REJECT_REASONS else label(reason)


def stored_reason(shown: str) -> str:
    """The reason to store for what the clinician chose or typed: a usual one in English."""
    by_translation = {translate("TrialScreen", r): r for r in REJECT_REASONS}
    return by_translation.get(shown, shown)


def step_title(step: PlannedTrial, planned: int) -> str:
    """'Gluteus medius · LEFT · trial 2 of 3'."""
    side = translate("TrialScreen", "LEFT") if step.side.value == "left" else translate("TrialScreen", "RIGHT")
    return translate("TrialScreen", "{muscle} · {side} · trial {number} of {planned}").format(
        muscle=muscle_name(step.muscle.value), side=side, number=step.trial_number,
        planned=max(planned, step.trial_number))


def method_test(method: str) -> str:
    """'Make test' or 'Break test' (clinical.md §4)."""
    if method == "make":
        return translate("TrialScreen", "Make test.")
    if method == "break":
        return translate("TrialScreen", "Break test.")
    return translate("TrialScreen", "{method} test.").format(method=method.capitalize())


class TrialScreen(QWidget):
    visit_finished = Signal(int)  # visit id
    results_changed = Signal(int)  # visit id

    def __init__(self, *, db: Database, session: DeviceSession, patient_id: int, visit_id: int, setup: VisitSetup,
                 clinic: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.session = session
        self.patient_id = patient_id
        self.visit_id = visit_id
        self.setup = setup
        settings = RecordingSettings.from_clinic(clinic)
        self.unit = settings.unit
        self.onset_n = settings.onset_threshold_n
        self.rest_seconds = int(clinic.get(S.REST_SECONDS.key, 30))
        # Everything that records or decides lives in the recorder; this widget only shows it.
        self.recorder = TrialRecorder(db, patient_id, visit_id, setup, settings)
        self.recorder.on_wait = self._show_database_wait
        self.phase = Phase.READY
        self.running_peak_n = 0.0
        self._trial_start_t: float | None = None
        self._rest_left = 0
        self._detached = False
        self._build()
        self._connect_session()
        self._install_shortcuts()
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_INTERVAL_MS)
        self._paint_timer.timeout.connect(self._repaint_curve)
        self._paint_timer.start()
        self._rest_timer = QTimer(self)
        self._rest_timer.setInterval(1000)
        self._rest_timer.timeout.connect(self._tick_rest)
        self.session.set_segmenter_settings(SegmenterSettings(onset_n=self.onset_n, offset_n=self.onset_n / 2))
        self.refresh_trials()
        if not self._offer_left_pending():
            self._enter(Phase.DONE if self.recorder.finished else Phase.READY)
        self.refresh_results()

    @property
    def run(self) -> BatteryRun:
        """Where the battery stands (the recorder owns it; this screen only shows it)."""
        return self.recorder.run

    @property
    def pending_peak_n(self) -> float | None:
        pending = self.recorder.pending
        return pending.peak_n if pending is not None else None

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.step_label = QLabel()
        self.step_label.setObjectName("stepTitle")
        self.step_label.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        # What the clinician must read about the last trial (why it did not count, a note of the
        # analysis, a trial left pending): the full width, and kept until the next trial starts,
        # whatever the rest countdown or the next step writes in the narrow column beside the curve.
        self.notice = QLabel()
        self.notice.setObjectName("trialNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.lever = QDoubleSpinBox()
        self.lever.setRange(0.05, 1.2)
        self.lever.setDecimals(2)
        self.lever.setSuffix(self.tr(" m lever arm"))
        self.lever.setToolTip(self.tr("Joint axis to pad centre; saved with the next trial"))
        import pyqtgraph as pg  # here, not at start-up: it takes about a second to import

        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("left", self.tr("Force ({unit})").format(unit=self.unit), **{"font-size": "11pt"})
        self.plot.setLabel("bottom", self.tr("Seconds"), **{"font-size": "11pt"})
        # Forces are shown in the clinic's unit as they are: no "(x0.001)" rescaling of a quiet trace.
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setXRange(-PLOT_WINDOW_S, 0, padding=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        self.curve = self.plot.plot(pen=pg.mkPen("#1f4e79", width=2))
        self.onset_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#9a6700", style=Qt.PenStyle.DashLine),
                                          label=self.tr("onset"), labelOpts={"position": 0.05, "color": "#9a6700"})
        self.peak_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#b42318", width=1),
                                         label=self.tr("peak"), labelOpts={"position": 0.95, "color": "#b42318"})
        self.plot.addItem(self.onset_line)
        self.plot.addItem(self.peak_line)
        self.peak_figure = QLabel("—")
        self.peak_figure.setObjectName("peakFigure")
        self.peak_figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.peak_caption = QLabel(self.tr("peak"))
        self.peak_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setWordWrap(True)
        self.phase_label.setStyleSheet("font-size: 14pt;")
        # The device bar above shows the device; this label speaks only when testing cannot go on.
        self.device_label = QLabel()
        self.device_label.setWordWrap(True)
        self.progress_label = QLabel()
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        right = QVBoxLayout()
        right.addWidget(self.peak_figure)
        right.addWidget(self.peak_caption)
        right.addWidget(self.phase_label)
        right.addWidget(self.progress_label)
        right.addStretch(1)
        right.addWidget(self.device_label)
        live = QWidget()
        live_layout = QHBoxLayout(live)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.plot, 3)
        live_layout.addLayout(right, 2)

        self.trials = QTableWidget(0, 4)
        self.trials.setHorizontalHeaderLabels([self.tr("Test"), "#", self.tr("Peak ({unit})").format(unit=self.unit),
                                               self.tr("Status")])
        self.trials.verticalHeader().hide()
        self.trials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.trials.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.results = ResultsPanel()
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.trials)
        lower.addWidget(self.results)
        lower.setSizes([380, 600])
        # Live view above, the record below; the clinician can move the divider.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(live)
        self.body.addWidget(lower)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 1)
        self.body.setSizes([300, 300])
        self.plot.setMinimumHeight(180)

        self.buttons: dict[str, QPushButton] = {}
        button_row = QGridLayout()
        for col, (key, text, slot) in enumerate((
            ("start", self.tr("Start / stop  [Space]"), self.toggle_recording),
            ("accept", self.tr("Accept  [Enter]"), self.accept_trial),
            ("reject", self.tr("Reject…  [R]"), self.reject_trial),
            ("redo", self.tr("Redo  [D]"), self.redo_trial),
            ("tare", self.tr("Tare  [T]"), self.session.tare),
            ("manual", self.tr("Type in peak…  [M]"), self.manual_entry),
            ("skip", self.tr("Skip rest  [S]"), self.skip_rest),
            ("finish", self.tr("Finish visit  [Ctrl+Enter]"), self.finish_visit),
        )):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and Enter belong to the shortcuts
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button
            button_row.addWidget(button, col // 4, col % 4)

        top = QHBoxLayout()
        top.addWidget(self.step_label, 1)
        top.addWidget(self.lever)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.instructions)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)
        layout.addLayout(button_row)

    def _show_database_wait(self, message: str) -> None:
        """A save is waiting for a busy database: say so now. repaint() draws at once without
        processing input, so no key press can start a second save meanwhile."""
        self.phase_label.setText(label(message))
        self.phase_label.repaint()

    def _install_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (("Space",), self.toggle_recording), (("Return", "Enter"), self.accept_trial), (("R",), self.reject_trial),
            (("D",), self.redo_trial), (("T",), self.session.tare), (("M",), self.manual_entry),
            (("S",), self.skip_rest), (("Ctrl+Return", "Ctrl+Enter"), self.finish_visit),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)

    def _connect_session(self) -> None:
        self.session.status_changed.connect(self._on_status)
        self.session.trial_started.connect(self._on_trial_started)
        self.session.trial_captured.connect(self._on_trial_captured)
        self._on_status(self.session.status)

    def detach(self) -> None:
        """Stop listening to the device (the screen is being closed). Safe to call twice."""
        if self._detached:
            return
        self._detached = True
        for signal, slot in ((self.session.status_changed, self._on_status),
                             (self.session.trial_started, self._on_trial_started),
                             (self.session.trial_captured, self._on_trial_captured)):
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                signal.disconnect(slot)
        self._paint_timer.stop()
        self._rest_timer.stop()
        self.session.set_armed(True)

    # ------------------------------------------------------------------ state
    def _muscle_setup(self, muscle: Muscle) -> MuscleSetup:
        return self.setup.setup_for(muscle)

    def _enter(self, phase: Phase) -> None:
        self.phase = phase
        step = self.run.current
        armed = phase is Phase.READY
        self.session.set_armed(armed)
        if step is not None:
            planned = sum(1 for p in self.run.plan if (p.muscle, p.side) == (step.muscle, step.side))
            self.step_label.setText(step_title(step, planned))
            position = POSITIONS[self._muscle_setup(step.muscle).position]
            self.instructions.setText(self.tr("{position}. {set_up}. Pad: {pad}. {method}").format(
                position=label(position.title), set_up=label(position.set_up), pad=label(position.pad),
                method=method_test(self._muscle_setup(step.muscle).method)))
            self.lever.setValue(self.recorder.lever_arm_for(step))
        else:
            self.step_label.setText(self.tr("Battery complete"))
            self.instructions.setText(self.tr("All planned trials are recorded. Review the results, then finish "
                                              "the visit."))
        done, total = self.run.progress
        self.progress_label.setText(self.tr("{done} of 1 trial accepted").format(done=done) if total == 1 else
                                    self.tr("{done} of {total} trials accepted").format(done=done, total=total))
        texts = {
            Phase.READY: self.tr("Ready: ask for a maximal contraction.\nThe trial starts and stops by itself."),
            Phase.RECORDING: self.tr("Recording…"),
            Phase.REVIEW: self.tr("Accept [Enter] or reject [R]?"),
            Phase.REST: "",
            Phase.DONE: self.tr("Finish the visit [Ctrl+Enter] when ready."),
        }
        if phase is not Phase.REST:
            self.phase_label.setText(texts[phase])
        if phase is Phase.READY:
            # A new trial is awaited: the last figure belonged to another trial (perhaps another side).
            self.running_peak_n = 0.0
            self._show_peak(None)
        self.buttons["accept"].setEnabled(phase is Phase.REVIEW)
        self.buttons["redo"].setEnabled(phase is Phase.REVIEW)
        self.buttons["skip"].setEnabled(phase is Phase.REST)
        self.buttons["start"].setEnabled(phase in (Phase.READY, Phase.RECORDING) and self.session.connected)
        self.buttons["manual"].setEnabled(phase in (Phase.READY, Phase.REST) and step is not None)

    def _offer_left_pending(self) -> bool:
        """A trial found awaiting a decision when the battery resumed (the app stopped before Enter
        or R): it is shown for a decision, never counted unseen nor replaced by a new recording."""
        pending = self.recorder.pending
        if pending is None or not pending.resumed:
            return False
        self._enter(Phase.REVIEW)
        self._show_peak(pending.peak_n, self.tr("peak, {unit}: awaiting your decision"))
        notice = self.tr("Trial {number} was recorded before testing stopped and is awaiting the clinician's "
                         "decision (not counted): accept it [Enter] or reject it [R].").format(
            number=pending.step.trial_number)
        self.set_notice(notice + (f" ({label(pending.note)})" if pending.note else ""))
        self.refresh_trials()
        return True

    def set_notice(self, text: str | None) -> None:
        """Show (or, with None, clear) the full-width line about the last trial."""
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def _on_status(self, status: DeviceStatus) -> None:
        _symbol, colour = STATE_LOOK[status.state]
        problem = status.state in (DeviceState.SILENT, DeviceState.DISCONNECTED)
        self.device_label.setText(status_text(status) if problem else "")
        self.device_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        if status.state is DeviceState.DISCONNECTED and self.phase is Phase.RECORDING:
            self._enter(Phase.READY)
        self.buttons["start"].setEnabled(self.phase in (Phase.READY, Phase.RECORDING) and self.session.connected)

    def _on_trial_started(self, t: float) -> None:
        if self.phase is not Phase.READY:
            return
        self._trial_start_t = t
        self.running_peak_n = 0.0
        self.set_notice(None)  # a new trial: what was said about the last one has been read
        self._enter(Phase.RECORDING)

    def toggle_recording(self) -> None:
        if self.phase is Phase.READY:
            self.session.start_trial()
        elif self.phase is Phase.RECORDING:
            self.session.stop_trial()

    # ------------------------------------------------------------------ captured trials
    def _on_trial_captured(self, capture: TrialCapture) -> None:
        if self.recorder.current is None or self.phase not in (Phase.READY, Phase.RECORDING):
            log.info("capture ignored in phase %s", self.phase.value)
            return
        try:
            recorded = self.recorder.record_capture(capture, lever_arm_m=self.lever.value(), device=self._device())
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Trial not saved"),
                                 self.tr("{problem}\n\nThe trial was not saved; please repeat it.").format(problem=error_text(exc)))
            self._enter(Phase.READY)
            return
        if recorded is None:
            return
        if recorded.accepted:
            self._show_peak(recorded.peak_n, self.tr("peak, {unit}: awaiting your decision"))
        else:
            self._show_peak(None, self.tr("trial not counted"))  # a rejected trial is never shown as the peak
        self.refresh_trials()
        if not recorded.accepted:
            self.set_notice(self.tr("Trial kept but not counted: {reason}. Repeat the trial.").format(
                reason=label(recorded.reason or "")))
            self._enter_rest_or_ready()
            return
        self.set_notice(self.tr("Note on this trial: {note}.").format(note=label(recorded.note)) if recorded.note
                        else None)
        self._enter(Phase.REVIEW)

    def _device(self) -> DeviceProvenance | None:
        info = self.session.status.info
        return DeviceProvenance(info.protocol, info.model, info.serial, info.firmware) if info else None

    # ------------------------------------------------------------------ decisions
    def accept_trial(self) -> None:
        pending = self.recorder.pending
        if self.phase is not Phase.REVIEW or pending is None:
            return
        self._after_accept(self.recorder.accept_pending(), pending.step)

    def _after_accept(self, prompt: CvPrompt | None, step: PlannedTrial) -> None:
        self.set_notice(None)  # decided: a note asking for the decision no longer applies
        # The heading moves on to the next step at once; the figure stays through the rest, so it
        # names its own trial ("left trial 2"), never read as the next side's.
        side = self.tr("left") if step.side.value == "left" else self.tr("right")
        self.peak_caption.setText(self.tr("peak, {unit}: {side} trial {number} accepted").format(
            unit=self.unit, side=side, number=step.trial_number))
        self.refresh_trials()
        self.refresh_results()
        if prompt is not None:
            answer = QMessageBox.question(self, self.tr("Trials vary"), label(prompt.message),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                self.recorder.add_extra_trial(prompt)
        self._enter_rest_or_ready()

    def reject_trial(self) -> None:
        selected = self._selected_trial()
        pending = self.recorder.pending
        if self.phase is Phase.REVIEW and pending is not None and selected in (None, pending.trial_id):
            reason = self._ask_reason()
            if reason is None or not self._decided(lambda: self.recorder.reject_pending(reason)):
                return
            self._show_peak(None, self.tr("trial rejected"))
            self.set_notice(None)
            self._enter_rest_or_ready()
        elif selected is not None:
            self._reject_recorded(selected)

    def redo_trial(self) -> None:
        if (self.phase is Phase.REVIEW and self.recorder.pending is not None
                and self._decided(self.recorder.redo_pending) and not self._offer_left_pending()):
            self.set_notice(None)
            self._enter(Phase.READY)

    def _reject_recorded(self, trial_id: int) -> None:
        """Reject an already accepted trial (an outlier seen afterwards); its step is done again."""
        row = self._trial_rows.get(trial_id)
        if row is None or not row["accepted"]:
            return
        reason = self._ask_reason()
        if reason is None or not self._decided(lambda: self.recorder.reject_recorded(trial_id, reason)):
            return
        self._enter(Phase.DONE if self.recorder.finished else Phase.READY)

    def _decided(self, decide: Callable[[], None]) -> bool:
        try:
            decide()
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Decision not saved"), error_text(exc))
            return False
        self.refresh_trials()
        self.refresh_results()
        return True

    def _ask_reason(self) -> str | None:
        reason, ok = QInputDialog.getItem(self, self.tr("Reject trial"), self.tr("Reason (kept with the trial):"),
                                          [reason_text(r) for r in REJECT_REASONS], 0, True)
        reason = reason.strip()
        return stored_reason(reason) if ok and reason else None

    def manual_entry(self) -> None:
        if self.recorder.current is None or self.phase not in (Phase.READY, Phase.REST):
            return
        dialog = ManualEntryDialog(self.unit if self.unit in UNITS else "N", self)
        add_banner(dialog, self.db, self.patient_id)
        if not dialog.exec() or dialog.entered() is None:
            return
        value, unit = dialog.entered()  # type: ignore[misc]
        try:
            recorded, prompt = self.recorder.record_manual(value, unit, lever_arm_m=self.lever.value())
        except (StorageError, DomainError) as exc:
            QMessageBox.critical(self, self.tr("Trial not saved"), error_text(exc))
            return
        self._show_peak(recorded.peak_n)
        self._after_accept(prompt, recorded.step)

    # ------------------------------------------------------------------ rest
    def _enter_rest_or_ready(self) -> None:
        if self._offer_left_pending():
            return
        if self.recorder.finished:
            self._enter(Phase.DONE)
            return
        if self.rest_seconds <= 0:
            self._enter(Phase.READY)
            return
        self._enter(Phase.REST)
        self._rest_left = self.rest_seconds
        self._show_rest()
        self._rest_timer.start()

    def _tick_rest(self) -> None:
        self._rest_left -= 1
        if self._rest_left <= 0:
            self._rest_timer.stop()
            self._enter(Phase.READY)
            return
        self._show_rest()

    def _show_rest(self) -> None:
        clock = f"{self._rest_left // 60}:{self._rest_left % 60:02d}"
        self.phase_label.setText(self.tr("Rest {time}  (S to skip)").format(time=clock))

    def skip_rest(self) -> None:
        if self.phase is Phase.REST:
            self._rest_timer.stop()
            self._enter(Phase.READY)

    # ------------------------------------------------------------------ finishing
    def finish_visit(self) -> None:
        if self.recorder.pending is not None:
            # Finished now, the trial would stay undecided in a completed visit: the decision comes first.
            self.set_notice(self.tr("A trial is awaiting the clinician's decision: accept it [Enter] or reject it [R] "
                                    "before finishing the visit."))
            return
        if not self.recorder.finished:
            done, total = self.recorder.run.progress
            missing = total - done
            question = (self.tr("1 planned trial is not done. Finish the visit anyway? Everything recorded so far "
                                "is kept.") if missing == 1 else
                        self.tr("{count} planned trials are not done. Finish the visit anyway? Everything recorded "
                                "so far is kept.").format(count=missing))
            answer = QMessageBox.question(self, self.tr("Finish visit"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.recorder.finish()
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Finish visit"), error_text(exc))
            return
        self.detach()
        self.visit_finished.emit(self.visit_id)

    # ------------------------------------------------------------------ display
    def _show_peak(self, peak_n: float | None, caption: str | None = None) -> None:
        """The big figure and its caption; `caption` is translated already, with {unit} still to fill."""
        self.peak_figure.setText("—" if peak_n is None else F.number(from_newtons(peak_n, self.unit), 1))
        self.peak_caption.setText((caption or self.tr("peak, {unit}")).format(unit=self.unit))

    def _repaint_curve(self) -> None:
        t, f, _o = self.session.buffer.latest(PLOT_WINDOW_S)
        if len(t) == 0:
            return
        self.curve.setData(t - t[-1], f * from_newtons(1.0, self.unit))  # units are linear in N
        self.onset_line.setValue(from_newtons(self.onset_n, self.unit))
        if self.phase is Phase.RECORDING and self._trial_start_t is not None:
            recent = f[t >= self._trial_start_t - 0.05]
            recent = recent[np.isfinite(recent)]
            if len(recent):
                self.running_peak_n = max(self.running_peak_n, float(recent.max()))
                self._show_peak(self.running_peak_n)
        self.peak_line.setValue(from_newtons(self.running_peak_n, self.unit))

    def refresh_trials(self) -> None:
        state = self.recorder.state()
        # In the order recorded (trial ids grow), so the newest trial is the bottom row scrolled to.
        rows = sorted(((test, trial) for test in state.tests for trial in test.trials), key=lambda row: row[1].id)
        self._trial_rows: dict[int, dict[str, Any]] = {}
        self.trials.setRowCount(len(rows))
        pending = self.recorder.pending
        for r, (test, trial) in enumerate(rows):
            if pending is not None and trial.id == pending.trial_id:
                # Saved the moment it was captured, but not yet decided: never "accepted" before Enter.
                status = self.tr("… pending: awaiting the clinician's decision (not counted) · Enter / R")
            elif awaiting_decision(trial):
                status = self.tr("… awaiting the clinician's decision (not counted)")  # offered after this one
            else:
                status = self.tr("✓ accepted") if trial.accepted else f"✗ {reason_text(trial.reject_reason or '')}"
            if trial.entry == "manual":
                status = self.tr("{status} (typed in)").format(status=status)
            if trial.analysis_notes:
                status += f" · {label(trial.analysis_notes)}"  # e.g. "started under 150 N load"
            peak = "—" if trial.peak_force_n is None else F.number(from_newtons(trial.peak_force_n, self.unit), 1)
            muscle = self.tr("Glut. med.") if test.muscle == "gluteus_medius" else self.tr("Glut. max.")
            side = self.tr("L") if test.side == "left" else self.tr("R")
            values = (f"{muscle} {side}", str(trial.number), peak, status)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long reason is cut off in the column; the whole of it on hover
                item.setData(Qt.ItemDataRole.UserRole, trial.id)
                self.trials.setItem(r, c, item)
            self._trial_rows[trial.id] = {"accepted": trial.accepted}
        self.trials.scrollToBottom()

    def _selected_trial(self) -> int | None:
        rows = self.trials.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.trials.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def refresh_results(self) -> None:
        try:
            visit = self.recorder.visit_summary()
        except (StorageError, DomainError) as exc:
            self.results.setPlainText(self.tr("Results cannot be computed: {problem}").format(problem=error_text(exc)))
            return
        self.results.show_visit(visit, self.unit)
        self.results_changed.emit(self.visit_id)
