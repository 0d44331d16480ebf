"""`hiptrack db reanalyse`: stored figures recomputed from the raw traces by the current definition,
audit-logged, decisions untouched; golden figures on both engines (issue 11)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import select

from hiptrack.domain.forcetime import ANALYSIS_VERSION
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.operations.reanalysis import reanalyse
from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent, Trial
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import ensure_test, save_trial, start_visit

FS = 200.0


def _trace(points_t: list[float], points_f: list[float], length: float = 3.5) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(0.0, length, 1 / FS)
    return t, np.interp(t, points_t, points_f)


def _burst_stamped() -> tuple[np.ndarray, np.ndarray]:
    """320 Hz read in 16 ms bursts, each burst stamped once (issue 11's time-base case)."""
    true_t = np.arange(0.0, 3.0, 1 / 320.0)
    return np.ceil(true_t / 0.016) * 0.016, np.interp(true_t, [0, 0.5, 0.83, 2.3, 2.5], [0, 0, 300, 300, 0])


def _seed(db: Database) -> dict[str, int]:
    """Trials as hiptrack ≤ 0.2 stored them: net peaks, a 50 Hz clock, no analysis version."""
    with db.session() as s:
        pid = create_patient(s, PatientFields("G-1", "Golden", "Trace", dt.date(1975, 5, 5), "male"))
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip", body_mass_kg=80.0)
        test = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="side_lying_abduction",
                           method="make", lever_arm_m=0.4, context={"onset_threshold_n": 20.0})
        ids = {}
        loaded = _trace([0, 0.6, 0.9, 2.8, 3.0], [150, 150, 300, 300, 0])
        ids["loaded"] = save_trial(s, test, peak_force_n=150.0, entry="stream", times_s=loaded[0],
                                   forces_n=loaded[1], sample_rate_hz=FS,
                                   metrics={"time_to_peak_s": 0.35, "rfd_100_n_per_s": 500.0})
        preload = _trace([0, 0.5, 0.7, 2.8, 3.0], [15, 15, 200, 200, 15])
        ids["preload"] = save_trial(s, test, peak_force_n=185.0, entry="stream", times_s=preload[0],
                                    forces_n=preload[1], sample_rate_hz=FS, accepted=False, reject_reason="pain")
        burst = _burst_stamped()
        ids["burst"] = save_trial(s, test, peak_force_n=300.0, entry="stream", times_s=burst[0], forces_n=burst[1],
                                  sample_rate_hz=None, metrics={"time_to_peak_s": 2.13, "rfd_100_n_per_s": 101.0,
                                                                "impulse_n_s": 5660.0})
        ids["manual"] = save_trial(s, test, peak_force_n=210.0, entry="manual", reported_value=210.0,
                                   reported_unit="N")
        current = _trace([0, 0.5, 0.7, 2.8, 3.0], [0, 0, 220, 220, 0])
        ids["current"] = save_trial(s, test, peak_force_n=220.0, entry="stream", times_s=current[0],
                                    forces_n=current[1], sample_rate_hz=FS, analysis_version=ANALYSIS_VERSION,
                                    metrics={"time_to_peak_s": 0.19})
    return ids


def _trial(db: Database, trial_id: int) -> Trial:
    with db.session() as s:
        trial = s.get(Trial, trial_id)
        assert trial is not None
        s.expunge(trial)
        return trial


def test_golden_reanalysis_of_version_1_trials(db: Database) -> None:
    ids = _seed(db)
    dry = reanalyse(db, dry_run=True)
    assert dry.examined == 3 and len(dry.changed) == 3
    assert _trial(db, ids["loaded"]).peak_force_n == 150.0  # a dry run changes nothing

    report = reanalyse(db)
    assert report.examined == 3 and {c.trial_id for c in report.changed} == {ids["loaded"], ids["preload"], ids["burst"]}

    loaded = _trial(db, ids["loaded"])
    assert loaded.peak_force_n == pytest.approx(300.0)
    assert loaded.analysis_version == ANALYSIS_VERSION
    assert loaded.analysis_notes == "started under 150 N load"
    assert loaded.time_to_peak_s is None and loaded.rfd_100_n_per_s is None  # from a loaded start: withheld

    preload = _trial(db, ids["preload"])
    assert preload.peak_force_n == pytest.approx(200.0)
    assert (preload.accepted, preload.reject_reason) == (False, "pain")  # decisions stay the clinician's
    # Rest 15 N, a 0.2 s rise to 200 N: 925 N/s from onset at 0.5 s; impulse above rest to the 20 N offset.
    assert preload.onset_s == pytest.approx(0.5) and preload.rfd_100_n_per_s == pytest.approx(925.0, rel=1e-5)
    assert preload.time_to_peak_s == pytest.approx(0.19, abs=1e-6) and preload.impulse_n_s == pytest.approx(425.28, abs=0.01)
    assert preload.analysis_notes == "started under 15 N load"

    # Truth on the device's own clock: RFD 300 N / 0.33 s = 909 N/s, time to 95 % of peak 0.3135 s,
    # impulse 520.4 N·s. Version 1 stored 2.13 s, 101 N/s and 5,660 N·s.
    burst = _trial(db, ids["burst"])
    assert burst.peak_force_n == pytest.approx(300.0)
    assert burst.time_to_peak_s == pytest.approx(0.3168, abs=1e-3)
    assert burst.rfd_100_n_per_s == pytest.approx(905.73, abs=0.01)
    assert burst.impulse_n_s == pytest.approx(522.30, abs=0.01)
    assert "bursts" in (burst.analysis_notes or "")

    assert _trial(db, ids["manual"]).analysis_version is None
    assert _trial(db, ids["current"]).time_to_peak_s == 0.19  # already current: not touched

    with db.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "trials", AuditEvent.action == "update")).all()
    audited = {e.entity_id: e.changes for e in events}
    assert audited[ids["loaded"]]["peak_force_n"] == {"old": 150.0, "new": pytest.approx(300.0)}
    assert audited[ids["burst"]]["analysis_version"] == {"old": None, "new": ANALYSIS_VERSION}
    assert "(v1)" in "\n".join(report.lines())

    again = reanalyse(db)
    assert again.examined == 0 and not again.changed
    everything = reanalyse(db, everything=True)  # --all: the seeded "current" figures were made up
    assert everything.examined == 4 and [c.trial_id for c in everything.changed] == [ids["current"]]
    assert not reanalyse(db, everything=True).changed  # the same definition gives the same figures


def test_a_damaged_trace_is_reported_and_left_alone(db: Database) -> None:
    ids = _seed(db)
    with db.session() as s:
        trial = s.get(Trial, ids["loaded"])
        assert trial is not None
        trial.trace = b"not a trace at all"
    report = reanalyse(db)
    assert [trial_id for trial_id, _why in report.unreadable] == [ids["loaded"]]
    assert _trial(db, ids["loaded"]).peak_force_n == 150.0


def test_a_test_that_kept_no_usable_threshold_is_reanalysed_with_the_default(db: Database) -> None:
    ids = _seed(db)
    with db.session() as s:
        trial = s.get(Trial, ids["loaded"])
        assert trial is not None
        trial.test.context = {"onset_threshold_n": None}  # as a damaged or hand-edited context reads
    report = reanalyse(db)
    assert report.examined == 3 and not report.unreadable
    assert _trial(db, ids["loaded"]).peak_force_n == pytest.approx(300.0)


def test_a_stored_trace_is_analysed_with_the_inputs_it_was_recorded_with() -> None:
    from hiptrack.storage.traces import recorded_inputs

    old = Trial(analysis_version=None, trace_sample_rate_hz=50.0)  # a host estimate, before version 2
    new = Trial(analysis_version=2, trace_sample_rate_hz=80.0)  # the device's declared rate
    assert recorded_inputs(old, {"onset_threshold_n": 35.0}) == (None, 35.0)
    assert recorded_inputs(new, None) == (80.0, 20.0)
    assert recorded_inputs(new, {"onset_threshold_n": 0}) == (80.0, 20.0)
