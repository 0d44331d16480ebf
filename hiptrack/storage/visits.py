"""Visits and the strength trials recorded in them, saved as they happen.

The trial screen calls these one small transaction at a time: a trial is committed the moment it
is finished, a rejection the moment it is made. Killing the app mid-battery therefore loses at
most the trial in progress, and `in_progress_visit()` lets the clinician resume.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from hiptrack import __version__
from hiptrack.domain.patient_rules import body_mass_problems
from hiptrack.domain.positions import ACTION_OF, parse_muscle
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.models import BodyMass, Clinician, OutcomeScore, StrengthTest, Trial, Visit
from hiptrack.storage.patients import get_patient
from hiptrack.storage.traces import encode_trace
from hiptrack.storage.types import utcnow


@dataclass(frozen=True)
class TrialState:
    id: int
    number: int
    peak_force_n: float | None
    accepted: bool
    reject_reason: str | None
    entry: str
    has_trace: bool
    analysis_notes: str | None = None  # "started under 150 N load"


@dataclass(frozen=True)
class TestState:
    __test__ = False

    id: int
    muscle: str
    side: str
    position: str
    method: str
    lever_arm_m: float | None
    trials: tuple[TrialState, ...]
    fixation: str = "hand"
    lever_source: str = "unknown"  # measured, typical, carried_forward, imported or unknown (issue 11)
    lever_measured_on: dt.date | None = None


@dataclass(frozen=True)
class VisitState:
    id: int
    patient_id: int
    visit_date: dt.date
    status: str
    battery_code: str | None
    clinician_id: int | None
    tests: tuple[TestState, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DeviceProvenance:
    protocol: str | None = None
    model: str | None = None
    serial: str | None = None
    firmware: str | None = None


def start_visit(
    session: Session, patient_id: int, visit_date: dt.date, clinician_id: int | None, battery_code: str,
    body_mass_kg: float | None = None, pain_nprs: int | None = None,
) -> int:
    get_patient(session, patient_id)
    problems = body_mass_problems(body_mass_kg)
    if pain_nprs is not None and not 0 <= pain_nprs <= 10:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Pain score {pain_nprs} must be from 0 to 10"),
                               pain_nprs=pain_nprs))
    if visit_date > dt.date.today():
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Visit date {visit_date} is in the future"),
                               visit_date=visit_date.isoformat()))
    if problems:
        raise ValidationError(problems)
    visit = Visit(patient_id=patient_id, visit_date=visit_date, clinician_id=clinician_id, battery_code=battery_code,
                  status="in_progress")
    session.add(visit)
    session.flush()
    # Only a mass weighed at this visit is recorded; one carried forward from an earlier visit is not
    # copied (it would then pass as today's measurement) but looked up by date (results.visit_facts).
    if body_mass_kg is not None:
        session.add(BodyMass(patient_id=patient_id, visit_id=visit.id, measured_on=visit_date, mass_kg=body_mass_kg,
                             source="measured",
                             recorded_by=clinician_id))
    if pain_nprs is not None:
        session.add(OutcomeScore(patient_id=patient_id, visit_id=visit.id, instrument="nprs", version="0-10",
                                 recorded_on=visit_date, total=float(pain_nprs), recorded_by=clinician_id))
    session.flush()
    return visit.id


def in_progress_visit(session: Session, patient_id: int) -> int | None:
    """The most recent unfinished visit of this patient, to offer resuming it."""
    return session.scalar(
        select(Visit.id).where(Visit.patient_id == patient_id, Visit.status == "in_progress")
        .order_by(Visit.started_at.desc(), Visit.id.desc()).limit(1)
    )


def complete_visit(session: Session, visit_id: int) -> None:
    visit = _visit(session, visit_id)
    visit.status = "completed"
    visit.completed_at = utcnow()


def void_visit(session: Session, visit_id: int, reason: str) -> None:
    if not reason.strip():
        raise ValidationError(["A reason is needed to void a visit"])
    visit = _visit(session, visit_id)
    visit.status = "voided"
    visit.notes = (visit.notes + "\n" if visit.notes else "") + f"Voided: {reason.strip()}"


def _visit(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Visit id {visit_id} does not exist"),
                                  visit_id=visit_id))
    return visit


def ensure_test(
    session: Session, visit_id: int, *, muscle: str, side: str, position: str, method: str,
    lever_arm_m: float | None, fixation: str = "hand", device: DeviceProvenance | None = None,
    context: dict[str, Any] | None = None, lever_source: str = "unknown", lever_measured_on: dt.date | None = None,
) -> int:
    """The test row for this muscle, side, position and method at this visit (created once, even
    when two workstations save its first trial at the same moment: the visit row is locked first,
    and a unique index backs that up).

    `lever_source` says where the lever arm came from (hiptrack.domain.provenance); a lever
    measured at this visit without a date is dated with the visit."""
    lock_row(session, Visit, visit_id)
    if lever_source == "measured" and lever_measured_on is None:
        lever_measured_on = _visit(session, visit_id).visit_date
    existing = session.scalar(
        select(StrengthTest).where(
            StrengthTest.visit_id == visit_id, StrengthTest.muscle == muscle, StrengthTest.side == side,
            StrengthTest.position == position, StrengthTest.method == method, StrengthTest.voided.is_(False),
        ).order_by(StrengthTest.id).limit(1)
    )
    device = device or DeviceProvenance()
    if existing is not None:
        if (existing.lever_arm_m, existing.lever_source) != (lever_arm_m, lever_source):
            # The clinician corrected (or measured) the lever arm mid-test.
            existing.lever_arm_m, existing.lever_source = lever_arm_m, lever_source
            existing.lever_measured_on = lever_measured_on
        if device.protocol and not existing.device_protocol:
            existing.device_protocol, existing.device_model = device.protocol, device.model
            existing.device_serial, existing.device_firmware = device.serial, device.firmware
        return existing.id
    test = StrengthTest(
        visit_id=visit_id, muscle=muscle, action=ACTION_OF[parse_muscle(muscle)].value, side=side, position=position,
        method=method, lever_arm_m=lever_arm_m, lever_source=lever_source, lever_measured_on=lever_measured_on,
        fixation=fixation, device_protocol=device.protocol,
        device_model=device.model, device_serial=device.serial, device_firmware=device.firmware,
        context={"app_version": __version__, **(context or {})},
    )
    session.add(test)
    session.flush()
    return test.id


def lock_row(session: Session, model: type[Visit] | type[StrengthTest], row_id: int) -> None:
    """Serialise writers that derive something from this row's children (the next trial number,
    whether a test exists) until this transaction ends.

    A no-op UPDATE is the one statement that locks on both engines: it takes SQLite's write lock
    (the driver begins a transaction before it, so the reads that follow see every committed row)
    and PostgreSQL's row lock (a second workstation waits for the first to commit, then reads its
    rows). Without it, two rooms read the same max and collide on the trial number.
    """
    session.execute(
        update(model).where(model.id == row_id).values(id=model.id).execution_options(synchronize_session=False)
    )


def last_measured_levers(session: Session, patient_id: int) -> dict[str, tuple[float, dt.date]]:
    """Per position, the last lever arm known to have been measured on this patient, with its date
    (issue 11). Typical values and levers of unknown source (saved before provenance was kept) are
    not offered as measurements: start-a-visit then begins from the typical value, to be confirmed."""
    rows = session.execute(
        select(StrengthTest.position, StrengthTest.lever_arm_m, StrengthTest.lever_measured_on, Visit.visit_date)
        .join(Visit, Visit.id == StrengthTest.visit_id)
        .where(Visit.patient_id == patient_id, StrengthTest.lever_arm_m.is_not(None),
               StrengthTest.lever_source.in_(("measured", "carried_forward", "imported")),
               StrengthTest.voided.is_(False), Visit.status != "voided")
        .order_by(Visit.visit_date, StrengthTest.id)
    )
    return {position: (lever, measured_on or day) for position, lever, measured_on, day in rows if lever is not None}


def next_trial_number(session: Session, test_id: int) -> int:
    current = session.scalar(select(func.max(Trial.trial_number)).where(Trial.test_id == test_id))
    return int(current or 0) + 1


def save_trial(
    session: Session, test_id: int, *, peak_force_n: float | None, entry: str,
    reported_value: float | None = None, reported_unit: str | None = None, overload: bool = False,
    metrics: dict[str, float | None] | None = None, times_s: np.ndarray | None = None,
    forces_n: np.ndarray | None = None, sample_rate_hz: float | None = None, accepted: bool = True,
    reject_reason: str | None = None, recorded_by: int | None = None, analysis_version: int | None = None,
    analysis_notes: str | None = None,
) -> int:
    if peak_force_n is not None and not (np.isfinite(peak_force_n) and peak_force_n >= 0):
        raise ValidationError([f"Peak force {peak_force_n} is not a valid force"])
    if not accepted and not (reject_reason or "").strip():
        raise ValidationError(["A rejected trial needs a reason"])
    metrics = metrics or {}
    lock_row(session, StrengthTest, test_id)
    trial = Trial(
        test_id=test_id, trial_number=next_trial_number(session, test_id), entry=entry, peak_force_n=peak_force_n,
        reported_value=reported_value, reported_unit=reported_unit, overload=overload, accepted=accepted,
        reject_reason=reject_reason, recorded_by=recorded_by,
        time_to_peak_s=metrics.get("time_to_peak_s"), rfd_100_n_per_s=metrics.get("rfd_100_n_per_s"),
        rfd_200_n_per_s=metrics.get("rfd_200_n_per_s"), impulse_n_s=metrics.get("impulse_n_s"),
        onset_s=metrics.get("onset_s"), analysis_version=analysis_version,
        analysis_notes=(analysis_notes or None) and analysis_notes[:500],
    )
    if times_s is not None and forces_n is not None and len(forces_n):
        trial.trace = encode_trace(times_s, forces_n)
        trial.trace_sample_count = len(forces_n)
        trial.trace_sample_rate_hz = sample_rate_hz
    session.add(trial)
    session.flush()
    return trial.id


def set_trial_decision(session: Session, trial_id: int, accepted: bool, reason: str | None = None) -> None:
    trial = session.get(Trial, trial_id)
    if trial is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Trial id {trial_id} does not exist"),
                                  trial_id=trial_id))
    if not accepted and not (reason or "").strip():
        raise ValidationError(["A rejected trial needs a reason"])
    trial.accepted = accepted
    trial.reject_reason = None if accepted else reason.strip() if reason else None


def visit_state(session: Session, visit_id: int) -> VisitState:
    visit = session.scalar(
        select(Visit).where(Visit.id == visit_id)
        .options(selectinload(Visit.tests).selectinload(StrengthTest.trials))
    )
    if visit is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Visit id {visit_id} does not exist"),
                                  visit_id=visit_id))
    tests = tuple(
        TestState(
            t.id, t.muscle, t.side, t.position, t.method, t.lever_arm_m,
            tuple(TrialState(tr.id, tr.trial_number, tr.peak_force_n, tr.accepted, tr.reject_reason, tr.entry,
                             tr.trace is not None, tr.analysis_notes) for tr in t.trials),
            fixation=t.fixation, lever_source=t.lever_source, lever_measured_on=t.lever_measured_on,
        )
        for t in visit.tests if not t.voided
    )
    return VisitState(visit.id, visit.patient_id, visit.visit_date, visit.status, visit.battery_code,
                      visit.clinician_id, tests)


@dataclass(frozen=True)
class VisitRow:
    """A visit as the overview lists it."""

    visit_date: dt.date
    status: str  # "in_progress", "completed" or "voided"
    clinician: str | None


def list_visits(session: Session, patient_id: int) -> list[VisitRow]:
    """All of a patient's visits, newest first."""
    rows = session.execute(
        select(Visit.visit_date, Visit.status, Clinician.display_name)
        .outerjoin(Clinician, Clinician.id == Visit.clinician_id)
        .where(Visit.patient_id == patient_id)
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
    )
    return [VisitRow(day, status, name) for day, status, name in rows]
