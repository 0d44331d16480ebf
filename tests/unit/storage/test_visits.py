"""Visit lifecycle and trial recording, on both engines."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.clinicians import add_clinician, clinician_unlocking, list_clinicians, set_pin
from hiptrack.storage.database import Database
from hiptrack.storage.models import OutcomeScore, Trial
from hiptrack.storage.patients import create_patient
from hiptrack.storage.traces import decode_trace
from hiptrack.storage.visits import (
    DeviceProvenance,
    complete_visit,
    ensure_test,
    in_progress_visit,
    save_trial,
    set_trial_decision,
    start_visit,
    visit_state,
)


def new_patient(db: Database) -> int:
    with db.session() as s:
        return create_patient(s, PatientFields("V-1", "Rossi", "Sofia", dt.date(1980, 1, 1), "female"))


def test_a_battery_saved_trial_by_trial_can_be_resumed(db: Database) -> None:
    pid = new_patient(db)
    with db.session() as s:
        cid = add_clinician(s, "jlee", "J. Lee, PT", pin="432109")
        vid = start_visit(s, pid, dt.date.today(), cid, "standard_hip", body_mass_kg=70.0, pain_nprs=6)
    t = np.linspace(0, 3, 301)
    f = 200 * np.sin(np.pi * t / 3)
    with db.session() as s:
        test_id = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                              method="make", lever_arm_m=0.35, device=DeviceProvenance("mark10", "M5-100", "S1"))
        first = save_trial(s, test_id, peak_force_n=float(f.max()), entry="stream", times_s=t, forces_n=f,
                           sample_rate_hz=100.0, metrics={"time_to_peak_s": 1.5})
        save_trial(s, test_id, peak_force_n=150.0, entry="manual", reported_value=15.3, reported_unit="kgf")
    with db.session() as s:
        set_trial_decision(s, first, accepted=False, reason="patient shifted on the plinth")
        assert ensure_test(s, vid, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=0.36) == test_id
    # The app is killed here; on reopening the visit is offered for resuming with everything kept.
    with db.session() as s:
        assert in_progress_visit(s, pid) == vid
        state = visit_state(s, vid)
        trial = s.get(Trial, first)
        assert trial is not None and trial.trace is not None
        times, forces = decode_trace(trial.trace)
        assert np.allclose(forces, f, atol=1e-3) and np.allclose(times, t, atol=1e-5)
        assert s.scalar(select(OutcomeScore.total).where(OutcomeScore.visit_id == vid)) == 6.0
    (test,) = state.tests
    assert test.lever_arm_m == 0.36
    assert [(tr.number, tr.accepted, tr.reject_reason) for tr in test.trials] == [
        (1, False, "patient shifted on the plinth"), (2, True, None)]
    with db.session() as s:
        complete_visit(s, vid)
        assert in_progress_visit(s, pid) is None
        assert [c.display_name for c in list_clinicians(s)] == ["J. Lee, PT"]
        assert clinician_unlocking(s, "432109") is not None and clinician_unlocking(s, "123456") is None


def test_bad_visit_input_is_named(db: Database) -> None:
    pid = new_patient(db)
    with pytest.raises(errors.ValidationError) as info, db.session() as s:
        start_visit(s, pid, dt.date.today() + dt.timedelta(days=3), None, "standard_hip", body_mass_kg=5, pain_nprs=11)
    text = "; ".join(info.value.problems)
    assert "is in the future" in text and "Body mass 5 kg" in text and "Pain score 11 must be from 0 to 10" in text


def test_rejection_needs_a_reason_and_pins_are_digits(db: Database) -> None:
    pid = new_patient(db)
    with db.session() as s:
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip")
        test_id = ensure_test(s, vid, muscle="gluteus_maximus", side="right", position="hip_ext_prone_knee90_short",
                              method="make", lever_arm_m=None)
        trial = save_trial(s, test_id, peak_force_n=250.0, entry="manual")
    with pytest.raises(errors.ValidationError, match="needs a reason"), db.session() as s:
        set_trial_decision(s, trial, accepted=False, reason=" ")
    with pytest.raises(errors.ValidationError, match="6 to 12 digits"), db.session() as s:
        cid = add_clinician(s, "x", "X")
        set_pin(s, cid, "12a4")
