"""Recording a visit's strength battery, trial by trial: analysis, auto-reject rules, saving,
decisions and resuming. Qt-free, so the trial screen only shows what happens here.

Each trial is committed the moment it is captured and each decision the moment it is made, in its
own small transaction, so a crash loses at most the trial in progress; `TrialRecorder` rebuilds
its place in the battery from what is stored (`BatteryRun.resume`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from hiptrack import settings as S
from hiptrack.domain.asymmetry import Side
from hiptrack.domain.battery_run import PENDING_REASON, BatteryRun, CvPrompt, awaiting_decision
from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import POSITIONS, Battery, Muscle, PlannedTrial, trial_plan
from hiptrack.domain.provenance import Provenance, lever_source_for
from hiptrack.domain.summary import VisitSummary
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import to_newtons
from hiptrack.operations.analysis import StoredAnalysis, analyse_recorded
from hiptrack.storage.database import Database
from hiptrack.storage.results import patient_summary
from hiptrack.storage.visits import (
    DeviceProvenance,
    VisitState,
    complete_visit,
    ensure_test,
    save_trial,
    set_trial_decision,
    visit_state,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

__all__ = ["PENDING_REASON", "REDO_REASON", "RecordedTrial", "RecordingSettings", "TrialRecorder", "auto_reject",
           "awaiting_decision"]

REDO_REASON = "redo requested by clinician"


class MusclePlan(Protocol):
    """How one muscle is tested at this visit (the visit dialog's MuscleSetup fits)."""

    @property
    def position(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def lever_arm_m(self) -> float | None: ...
    @property
    def lever(self) -> Provenance | None: ...
    @property
    def fixation(self) -> str: ...


class VisitPlan(Protocol):
    """What was set up for the visit (the visit dialog's VisitSetup fits)."""

    @property
    def battery(self) -> Battery: ...
    @property
    def clinician_id(self) -> int | None: ...
    def setup_for(self, muscle: Muscle) -> MusclePlan: ...


class Capture(Protocol):
    """A captured trace in plain data (the acquisition layer's TrialCapture fits)."""

    @property
    def times_s(self) -> np.ndarray: ...
    @property
    def forces_n(self) -> np.ndarray: ...
    @property
    def overload(self) -> np.ndarray: ...
    @property
    def complete(self) -> bool: ...
    @property
    def reason(self) -> str: ...
    @property
    def declared_rate_hz(self) -> float | None: ...


@dataclass(frozen=True)
class RecordingSettings:
    # The clinic settings' own defaults (settings are declared once, in hiptrack/settings.py).
    unit: str = str(S.DISPLAY_UNIT.default)
    onset_threshold_n: float = float(S.ONSET_THRESHOLD_N.default)
    cv_limit_pct: float = float(S.CV_LIMIT_PCT.default)

    @classmethod
    def from_clinic(cls, clinic: Mapping[str, Any]) -> RecordingSettings:
        return cls(
            unit=str(clinic.get(S.DISPLAY_UNIT.key, S.DISPLAY_UNIT.default)),
            onset_threshold_n=float(clinic.get(S.ONSET_THRESHOLD_N.key, S.ONSET_THRESHOLD_N.default)),
            cv_limit_pct=float(clinic.get(S.CV_LIMIT_PCT.key, S.CV_LIMIT_PCT.default)),
        )


@dataclass(frozen=True)
class RecordedTrial:
    """What became of one captured or typed-in trial."""

    trial_id: int
    step: PlannedTrial
    peak_n: float | None
    accepted: bool  # False when an auto-reject rule applied (the trial is kept, not counted)
    reason: str | None  # why it was not counted
    note: str = ""  # what the analysis wants the clinician to know ("started under 150 N load")
    # Found awaiting a decision when the battery was resumed (the app stopped before Enter or R).
    resumed: bool = False


class TrialRecorder:
    """One visit's battery in progress. Raises StorageError (with a message to show) when a trial
    or a decision cannot be saved; the battery position is then unchanged."""

    def __init__(self, db: Database, patient_id: int, visit_id: int, plan: VisitPlan,
                 settings: RecordingSettings) -> None:
        self.db = db
        self.patient_id = patient_id
        self.visit_id = visit_id
        self.plan = plan
        self.settings = settings
        stored = self.state()  # read once: the accepted trials and those left pending come from one snapshot
        self.run = BatteryRun.resume(trial_plan(plan.battery), _accepted_in(stored), settings.cv_limit_pct)
        # Saved, awaiting the clinician's decision. After a crash, the trials left pending come
        # first, one at a time: a clinician decides each, none is counted or dropped unseen.
        self._left_pending = self._stored_pending(stored)
        self.pending: RecordedTrial | None = self._next_left_pending()
        # Told when a save meets a busy database and is retried (the screen shows the message).
        self.on_wait: Callable[[str], None] | None = None

    # ------------------------------------------------------------------ where we are
    @property
    def current(self) -> PlannedTrial | None:
        return self.run.current

    @property
    def finished(self) -> bool:
        return self.run.finished

    def lever_arm_for(self, step: PlannedTrial) -> float:
        """The lever arm set up for this muscle, else the position's typical one (to be confirmed)."""
        setup = self.plan.setup_for(step.muscle)
        return setup.lever_arm_m or POSITIONS[setup.position].typical_lever_m

    # ------------------------------------------------------------------ recording
    def record_capture(self, capture: Capture, *, lever_arm_m: float,
                       device: DeviceProvenance | None) -> RecordedTrial | None:
        """Analyse and save a captured trace. None when no step is open (the capture is ignored)."""
        step = self.run.current
        if step is None or self.pending is not None:
            return None
        analysis = analyse_recorded(capture.times_s, capture.forces_n, capture.overload,
                                    declared_rate_hz=capture.declared_rate_hz,
                                    onset_threshold_n=self.settings.onset_threshold_n)
        accepted, reason = auto_reject(capture, analysis)
        trial_id = self._save(step, analysis.peak_force_n, "stream", lever_arm_m=lever_arm_m, device=device,
                              capture=capture, accepted=False, reason=reason if not accepted else PENDING_REASON,
                              analysis=analysis)
        recorded = RecordedTrial(trial_id, step, analysis.peak_force_n, accepted, reason, analysis.notes)
        if accepted:
            self.pending = recorded
        return recorded

    def record_manual(self, value: float, unit: str, *, lever_arm_m: float) -> tuple[RecordedTrial, CvPrompt | None]:
        """A peak typed in from a peak-only device: saved and accepted at once."""
        step = self.run.current
        if step is None:
            raise DomainError(QT_TRANSLATE_NOOP("Labels", "The battery is complete: there is no trial to "
                                                          "type a peak in for"))
        if self.pending is not None:
            raise DomainError(QT_TRANSLATE_NOOP("Labels", "Trial awaiting a decision: accept or reject it "
                                                          "before typing in a peak"))
        if not (math.isfinite(value) and value > 0):
            raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "A typed-in peak must be above 0 (got "
                                                                 "{value:g} {unit})"),
                                     value=value, unit=unit))
        peak_n = to_newtons(value, unit)
        trial_id = self._save(step, peak_n, "manual", lever_arm_m=lever_arm_m,
                              device=DeviceProvenance(protocol="manual"), reported=(value, unit))
        recorded = RecordedTrial(trial_id, step, peak_n, True, None)
        self.pending = recorded
        return recorded, self.accept_pending()

    # ------------------------------------------------------------------ decisions
    def accept_pending(self) -> CvPrompt | None:
        """Count the pending trial; a CV prompt when this side's trials vary beyond the limit."""
        pending = self.pending
        if pending is None or pending.peak_n is None:
            return None
        self._decide(pending.trial_id, True, None)  # counted from now on, and not before
        self.pending = self._next_left_pending()
        current = self.run.current
        if current is not None and (current.muscle, current.side) == (pending.step.muscle, pending.step.side):
            return self.run.record_accepted(pending.peak_n)
        # A trial left pending for a step recorded again since: it becomes one more trial of its side.
        self._rebuild_run()
        return None

    def reject_pending(self, reason: str) -> None:
        """Reject the pending trial (kept, with the reason); the same step is recorded again."""
        pending = self.pending
        if pending is None:
            return
        self._decide(pending.trial_id, False, reason)
        self.pending = self._next_left_pending()
        self.run.record_rejected()

    def redo_pending(self) -> None:
        self.reject_pending(REDO_REASON)

    def reject_recorded(self, trial_id: int, reason: str) -> None:
        """Reject an already accepted trial (an outlier seen afterwards); its step is done again."""
        self._decide(trial_id, False, reason)
        self._rebuild_run()

    def add_extra_trial(self, prompt: CvPrompt) -> bool:
        return self.run.add_extra_trial(prompt.muscle, prompt.side)

    def finish(self) -> None:
        """Mark the visit completed; refused while a trial awaits a decision (it would stay undecided)."""
        if self.pending is not None:
            raise DomainError(QT_TRANSLATE_NOOP("Labels", "A trial is awaiting the clinician's decision: "
                                                          "accept or reject it before finishing"))
        with self.db.session() as s:
            complete_visit(s, self.visit_id)
        log.info("visit id=%s completed", self.visit_id)

    # ------------------------------------------------------------------ what is stored
    def state(self) -> VisitState:
        with self.db.session() as s:
            return visit_state(s, self.visit_id)

    def visit_summary(self) -> VisitSummary | None:
        """This visit's results as every screen shows them (raises StorageError or DomainError)."""
        with self.db.session() as s:
            summary = patient_summary(s, self.patient_id)
        return next((v for v in summary.visits if v.visit_id == self.visit_id), None)

    # ------------------------------------------------------------------ internals
    def _rebuild_run(self) -> None:
        self.run = BatteryRun.resume(trial_plan(self.plan.battery), _accepted_in(self.state()), self.run.cv_limit_pct)

    def _stored_pending(self, stored: VisitState) -> list[RecordedTrial]:
        """Trials saved but never decided (the app stopped before Enter or R), oldest first."""
        found = []
        for test in stored.tests:
            for trial in test.trials:
                if awaiting_decision(trial) and trial.peak_force_n is not None:
                    step = self._step_for(Muscle(test.muscle), Side(test.side), trial.number)
                    found.append(RecordedTrial(trial.id, step, trial.peak_force_n, True, None,
                                               trial.analysis_notes or "", resumed=True))
        return sorted(found, key=lambda r: r.trial_id)

    def _step_for(self, muscle: Muscle, side: Side, number: int) -> PlannedTrial:
        """The open step of that side when there is one, else a step numbered after the trial."""
        for step in self.run.plan[self.run.index:]:
            if (step.muscle, step.side) == (muscle, side):
                return step
        setup = self.plan.setup_for(muscle)
        return PlannedTrial(muscle, setup.position, side, number, self.plan.battery.method)

    def _next_left_pending(self) -> RecordedTrial | None:
        return self._left_pending.pop(0) if self._left_pending else None

    def _save(self, step: PlannedTrial, peak_n: float | None, entry: str, *, lever_arm_m: float,
              device: DeviceProvenance | None, analysis: StoredAnalysis | None = None,
              capture: Capture | None = None, accepted: bool = True, reason: str | None = None,
              reported: tuple[float, str] | None = None) -> int:
        setup = self.plan.setup_for(step.muscle)
        lever = lever_source_for(lever_arm_m, setup.lever_arm_m, setup.lever, POSITIONS[setup.position].typical_lever_m)

        def work(s: Session) -> int:
            test_id = ensure_test(
                s, self.visit_id, muscle=step.muscle.value, side=step.side.value, position=setup.position,
                method=setup.method, lever_arm_m=round(lever_arm_m, 3), fixation=setup.fixation, device=device,
                lever_source=lever.source.value, lever_measured_on=lever.measured_on,
                context={"display_unit": self.settings.unit, "onset_threshold_n": self.settings.onset_threshold_n},
            )
            return save_trial(
                s, test_id, peak_force_n=peak_n, entry=entry, metrics=analysis.metrics if analysis else None,
                analysis_version=analysis.version if analysis else None,
                analysis_notes=analysis.notes if analysis else None,
                times_s=capture.times_s - capture.times_s[0] if capture is not None else None,
                forces_n=capture.forces_n if capture is not None else None,
                sample_rate_hz=capture.declared_rate_hz if capture is not None else None,
                overload=bool(np.any(capture.overload)) if capture is not None else False,
                reported_value=reported[0] if reported else None, reported_unit=reported[1] if reported else None,
                accepted=accepted, reject_reason=reason, recorded_by=self.plan.clinician_id,
            )

        trial_id = self.db.write(work, on_wait=self.on_wait)
        log.info("trial id=%s saved (visit id=%s, accepted=%s)", trial_id, self.visit_id, accepted)
        return trial_id

    def _decide(self, trial_id: int, accepted: bool, reason: str | None) -> None:
        with self.db.session() as s:
            set_trial_decision(s, trial_id, accepted, reason)
        log.info("trial id=%s %s", trial_id, "accepted" if accepted else "rejected")


def _accepted_in(stored: VisitState) -> list[tuple[Muscle, Side, float]]:
    """The counted trials of a visit, in the order of their numbers (what BatteryRun.resume replays)."""
    accepted = []
    for test in stored.tests:
        for trial in sorted(test.trials, key=lambda tr: tr.number):
            if trial.accepted and trial.peak_force_n is not None:
                accepted.append((Muscle(test.muscle), Side(test.side), trial.peak_force_n))
    return accepted


def auto_reject(capture: Capture, analysis: StoredAnalysis) -> tuple[bool, str | None]:
    """Trials that cannot count whatever the clinician thinks: cut short, the gauge overloaded (the
    true peak is somewhere above the device's capacity), or no peak (a pull, no contraction)."""
    if not capture.complete:
        return False, capture.reason or "cut short"
    if np.any(capture.overload):
        return False, "gauge overloaded: force above its capacity"
    if analysis.peak_force_n is None:
        return False, analysis.peak_reason or "no peak"
    return True, None
