"""Recording a battery without a GUI, on both engines (issue 17, "Design": the trial screen keeps
widgets only). The recorder is driven the way the trial screen drives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pytest
from sqlalchemy import select

from hiptrack.acquisition.segmenter import TrialCapture
from hiptrack.domain.errors import DomainError
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.domain.positions import BATTERIES, Battery, Muscle
from hiptrack.domain.provenance import Provenance, Source
from hiptrack.operations.recording import PENDING_REASON, REDO_REASON, RecordingSettings, TrialRecorder
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.models import StrengthTest, Trial, Visit
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import DeviceProvenance, start_visit

RATE = 200.0
MARK10 = DeviceProvenance("mark10", "M5-100", "SN1", "1.0")


@dataclass(frozen=True)
class Muscles:
    muscle: Muscle
    position: str
    method: str
    lever_arm_m: float | None
    fixation: str = "hand"
    lever: Provenance | None = None


@dataclass(frozen=True)
class Plan:
    battery: Battery
    clinician_id: int | None = None

    def setup_for(self, muscle: Muscle) -> Muscles:
        return Muscles(muscle, self.battery.position_of(muscle), "make", 0.40 if muscle is Muscle.GLUTEUS_MEDIUS else None)


def capture(peak_n: float, *, complete: bool = True, reason: str = "", clip: bool = False) -> TrialCapture:
    """A make test: 0.5 s rest, a 0.3 s rise to a 2 s plateau, release."""
    t = np.arange(0.0, 3.5, 1.0 / RATE)
    f = np.interp(t, [0, 0.5, 0.8, 2.8, 3.0], [0, 0, peak_n, peak_n, 0])
    overload = f >= 0.99 * peak_n if clip else np.zeros(t.size, dtype=bool)
    f = np.where(overload, np.nan, f)
    return TrialCapture(t + 1000.0, f, overload, onset_index=100, complete=complete, reason=reason)


def new_visit(db: Database) -> tuple[int, int]:
    with db.session() as s:
        pid = create_patient(s, PatientFields("R-1", "Rec", "Order", dt.date(1980, 1, 1), "female"))
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip", body_mass_kg=70.0)
    return pid, vid


def recorder(db: Database, pid: int, vid: int) -> TrialRecorder:
    return TrialRecorder(db, pid, vid, Plan(BATTERIES["standard_hip"]), RecordingSettings(cv_limit_pct=15.0))


def test_a_whole_battery_recorded_and_finished_without_a_gui(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    _done, total = rec.run.progress
    for n in range(total):
        recorded = rec.record_capture(capture(200.0 + (n % 3)), lever_arm_m=0.4, device=MARK10)
        assert recorded is not None and recorded.accepted and rec.pending == recorded
        assert rec.accept_pending() is None
    assert rec.finished
    rec.finish()
    with db.session() as s:
        assert s.get(Visit, vid).status == "completed"  # type: ignore[union-attr]
        trials = s.scalars(select(Trial)).all()
    assert len(trials) == total and all(t.trace is not None and t.accepted for t in trials)
    summary = rec.visit_summary()
    assert summary is not None and summary.visit_id == vid


def test_auto_reject_rules_keep_the_trial_but_do_not_count_it(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    step = rec.current
    cut = rec.record_capture(capture(150.0, complete=False, reason="device disconnected"), lever_arm_m=0.4,
                             device=MARK10)
    assert cut is not None and not cut.accepted and cut.reason == "device disconnected" and rec.pending is None
    clipped = rec.record_capture(capture(480.0, clip=True), lever_arm_m=0.4, device=MARK10)
    assert clipped is not None and not clipped.accepted and "overloaded" in (clipped.reason or "")
    assert rec.current == step  # the step is still open
    stored = rec.state().tests[0].trials
    assert [(t.accepted, t.reject_reason) for t in stored] == [
        (False, "device disconnected"), (False, "gauge overloaded: force above its capacity")]


def test_reject_redo_and_resume_after_a_crash(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    first = rec.current
    rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    rec.reject_pending("pain")
    assert rec.current == first and rec.pending is None
    rec.record_capture(capture(205.0), lever_arm_m=0.4, device=MARK10)
    rec.redo_pending()
    rec.record_capture(capture(200.0), lever_arm_m=0.4, device=MARK10)
    rec.accept_pending()
    second = rec.current
    assert second != first
    # A new recorder (the app restarted) resumes at the same step from what is stored.
    again = recorder(db, pid, vid)
    assert again.current == second and again.run.progress == rec.run.progress
    reasons = [t.reject_reason for t in again.state().tests[0].trials]
    assert reasons == ["pain", REDO_REASON, None]


def test_a_capture_while_a_trial_awaits_a_decision_is_not_saved(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    assert rec.record_capture(capture(300.0), lever_arm_m=0.4, device=MARK10) is None
    assert len(rec.state().tests[0].trials) == 1


def test_high_cv_offers_an_extra_trial_and_a_late_rejection_reopens_the_step(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    side_of_first = (rec.current.muscle, rec.current.side)  # type: ignore[union-attr]
    prompts = []
    for peak in (150.0, 250.0, 200.0, 201.0, 202.0, 203.0):
        step = rec.current
        rec.record_capture(capture(peak), lever_arm_m=0.4, device=MARK10)
        prompt = rec.accept_pending()
        if prompt is not None:
            prompts.append((prompt, (step.muscle, step.side)))  # type: ignore[union-attr]
    assert prompts and prompts[0][1] == side_of_first and prompts[0][0].cv_pct > 15
    before = rec.run.progress[1]
    assert rec.add_extra_trial(prompts[0][0]) and rec.run.progress[1] == before + 1
    accepted = next(t for t in rec.state().tests[0].trials if t.accepted)
    done = rec.run.progress[0]
    rec.reject_recorded(accepted.id, "gauge slipped")
    assert rec.run.progress[0] < done


def test_a_typed_in_peak_is_saved_in_newtons_and_counted(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    recorded, _prompt = rec.record_manual(20.0, "kgf", lever_arm_m=0.4)
    assert recorded.accepted and recorded.peak_n == pytest.approx(196.133)
    assert rec.run.progress[0] == 1 and rec.pending is None
    with pytest.raises(DomainError):
        rec.record_manual(0.0, "N", lever_arm_m=0.4)
    with db.session() as s:
        trial = s.scalars(select(Trial)).one()
    assert (trial.entry, trial.reported_value, trial.reported_unit) == ("manual", 20.0, "kgf")


def test_a_decision_on_a_missing_trial_is_a_storage_error(db: Database) -> None:
    pid, vid = new_visit(db)
    with pytest.raises(StorageError):
        recorder(db, pid, vid).reject_recorded(999_999, "pain")


def test_a_start_under_load_is_stored_at_its_force_with_the_fact_noted(db: Database) -> None:
    """Issue 11: the patient already holds 150 N when the rest ends, then pushes to 300 N. Main
    stored 150 N (the rise above the start of the trace)."""
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    t = np.arange(0.0, 3.5, 1.0 / RATE)
    f = np.interp(t, [0, 0.6, 0.9, 2.8, 3.0], [150, 150, 300, 300, 0])
    loaded = TrialCapture(t, f, np.zeros(t.size, dtype=bool), onset_index=0, declared_rate_hz=RATE)
    recorded = rec.record_capture(loaded, lever_arm_m=0.4, device=MARK10)
    assert recorded is not None and recorded.peak_n == pytest.approx(300.0)
    assert "started under 150 N load" in recorded.note
    with db.session() as s:
        trial = s.scalars(select(Trial)).one()
    assert trial.peak_force_n == pytest.approx(300.0) and trial.analysis_version == 2
    assert trial.trace_sample_rate_hz == RATE and "started under 150 N load" in (trial.analysis_notes or "")
    assert trial.rfd_100_n_per_s is None  # RFD needs a contraction from rest
    assert "started under 150 N load" in (rec.state().tests[0].trials[0].analysis_notes or "")


def test_burst_stamped_capture_is_timed_on_the_repaired_clock(db: Database) -> None:
    """Issue 11: 320 Hz read in 16 ms bursts with no declared rate; main fell back to 50 Hz and
    stored time to peak 2.13 s (truth 0.33 s)."""
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    true_t = np.arange(0.0, 3.0, 1 / 320.0)
    f = np.interp(true_t, [0, 0.5, 0.85, 2.3, 2.5], [0, 0, 300, 300, 0])
    host = np.ceil(true_t / 0.016) * 0.016 + 500.0
    rec.record_capture(TrialCapture(host, f, np.zeros(f.size, dtype=bool), onset_index=0), lever_arm_m=0.4,
                       device=MARK10)
    with db.session() as s:
        trial = s.scalars(select(Trial)).one()
    assert trial.time_to_peak_s == pytest.approx(0.33, abs=0.02)
    assert trial.rfd_100_n_per_s == pytest.approx(857.0, rel=0.05)  # 300 N over 0.35 s
    assert "bursts" in (trial.analysis_notes or "") and trial.trace_sample_rate_hz is None


def test_a_pull_is_kept_but_not_counted_as_a_push(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    pull = capture(250.0)
    pulled = TrialCapture(pull.times_s, -pull.forces_n, pull.overload, onset_index=100)
    recorded = rec.record_capture(pulled, lever_arm_m=0.4, device=MARK10)
    assert recorded is not None and not recorded.accepted and recorded.peak_n is None
    assert "pull of 250 N" in (recorded.reason or "") and rec.pending is None


@dataclass(frozen=True)
class TypicalPlan(Plan):
    """The visit planned the typical 0.40 m for gluteus medius and nothing for gluteus maximus."""

    def setup_for(self, muscle: Muscle) -> Muscles:
        return Muscles(muscle, self.battery.position_of(muscle), "make",
                       0.40 if muscle is Muscle.GLUTEUS_MEDIUS else None, lever=Provenance(Source.TYPICAL))


def test_lever_provenance_follows_the_plan_unless_the_clinician_changes_it(db: Database) -> None:
    """Issue 11: a typical lever saved unchanged stays typical; one typed on the trial screen is
    measured at this visit (and dated with it)."""
    pid, vid = new_visit(db)
    rec = TrialRecorder(db, pid, vid, TypicalPlan(BATTERIES["standard_hip"]), RecordingSettings(cv_limit_pct=15.0))
    rec.record_capture(capture(200.0), lever_arm_m=0.40, device=MARK10)  # gluteus medius L, unchanged
    rec.accept_pending()
    rec.record_capture(capture(200.0), lever_arm_m=0.40, device=MARK10)  # gluteus medius R, unchanged
    rec.accept_pending()
    with db.session() as s:
        sources = {t.side: (t.lever_source, t.lever_measured_on) for t in s.scalars(select(StrengthTest))}
    assert sources == {"left": ("typical", None), "right": ("typical", None)}
    rec.record_capture(capture(201.0), lever_arm_m=0.36, device=MARK10)  # the clinician measured 0.36 m
    rec.accept_pending()
    with db.session() as s:
        left = s.scalars(select(StrengthTest).where(StrengthTest.side == "left")).one()
        assert (left.lever_arm_m, left.lever_source, left.lever_measured_on) == (0.36, "measured", dt.date.today())


def test_a_trial_left_pending_by_a_crash_awaits_a_decision_when_the_battery_resumes(db: Database) -> None:
    """Issue 17: the app died while a trial awaited Enter or R. Resumed, that trial is neither
    counted nor silently dropped for a new recording of its step: the clinician decides it."""
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    step = rec.current
    recorded = rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    assert recorded is not None
    # ...killed here: no decision was ever made. The app restarts and resumes the visit.
    again = recorder(db, pid, vid)
    assert again.run.progress[0] == 0 and again.current == step  # not counted
    assert again.pending is not None and again.pending.resumed
    assert (again.pending.trial_id, again.pending.peak_n) == (recorded.trial_id, pytest.approx(210.0))
    stored = again.state().tests[0].trials[0]
    assert (stored.accepted, stored.reject_reason) == (False, PENDING_REASON)
    # No new capture is recorded over it: the decision comes first.
    assert again.record_capture(capture(300.0), lever_arm_m=0.4, device=MARK10) is None
    assert again.accept_pending() is None
    assert again.pending is None and again.run.progress[0] == 1 and again.current != step
    with db.session() as s:
        trial = s.get(Trial, recorded.trial_id)
        assert trial is not None and trial.accepted and trial.reject_reason is None


def test_a_resumed_pending_trial_rejected_stays_not_counted(db: Database) -> None:
    pid, vid = new_visit(db)
    first = recorder(db, pid, vid)
    step = first.current
    first.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    again = recorder(db, pid, vid)
    again.reject_pending("pain")
    assert again.pending is None and again.run.progress[0] == 0 and again.current == step
    assert [(t.accepted, t.reject_reason) for t in again.state().tests[0].trials] == [(False, "pain")]
    # And a third start finds nothing left to decide.
    assert recorder(db, pid, vid).pending is None


def test_a_pending_trial_whose_step_was_done_since_is_still_offered_for_a_decision(db: Database) -> None:
    """A visit resumed by a version that ignored the pending trial: its step was recorded again and
    accepted. The old trial still awaits a decision; accepting it adds a trial to that side."""
    pid, vid = new_visit(db)
    old = recorder(db, pid, vid)
    left = old.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    assert left is not None
    old.pending = None  # what the old resume did: forget it, and record the step again
    old.record_capture(capture(205.0), lever_arm_m=0.4, device=MARK10)
    old.accept_pending()
    again = recorder(db, pid, vid)
    assert again.pending is not None and again.pending.trial_id == left.trial_id
    next_step = again.current
    again.accept_pending()
    assert again.pending is None and again.current == next_step  # the right side is still next
    assert sorted(again.run.accepted[(left.step.muscle, left.step.side)]) == [pytest.approx(205.0),
                                                                             pytest.approx(210.0)]


def test_a_visit_is_not_finished_over_a_trial_awaiting_a_decision(db: Database) -> None:
    """Finished with a trial still pending, that trial would stay undecided in a completed visit."""
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    with pytest.raises(DomainError, match="awaiting the clinician's decision"):
        rec.finish()
    with db.session() as s:
        assert s.get(Visit, vid).status == "in_progress"  # type: ignore[union-attr]
    rec.accept_pending()
    rec.finish()
    with db.session() as s:
        assert s.get(Visit, vid).status == "completed"  # type: ignore[union-attr]
