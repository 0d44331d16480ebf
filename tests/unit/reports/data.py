"""Patients for the report, export and progress-page tests (and the PDF benchmark).

Built through the storage functions where they exist, so the data look like the app's own.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session

from hiptrack import settings as S
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.exercises import (
    LogFields,
    PrescriptionFields,
    list_exercises,
    log_entry,
    prescribe,
    sync_catalog,
)
from hiptrack.storage.models import BodyMass, OutcomeScore, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.settings_store import save_clinic_setting
from hiptrack.storage.types import utcnow

TODAY = dt.date(2026, 11, 20)


def other_workstation(db: Database) -> Database:
    """A second workstation on the same database: its own engine, its own connections."""
    return Database(db.url, actor=Actor(name="Other Clinician", workstation="room-2"))


def patients_loaded(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """The patient ids `owner.name(session, patient_id, ...)` is called with from now on (what a
    cache really read from the database)."""
    seen: list[int] = []
    original: Callable[..., Any] = getattr(owner, name)

    def counted(session: Any, patient_id: int, *args: Any, **kwargs: Any) -> Any:
        seen.append(patient_id)
        return original(session, patient_id, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return seen


def add_patient(session: Session, chart: str, *, first: str = "Ada", last: str = "Example", sex: str = "female",
                dob: dt.date = dt.date(1980, 5, 17), height: float | None = 1.68, involved: str | None = "left") -> int:
    p = Patient(chart_number=chart, last_name=last, first_name=first, date_of_birth=dob, sex=sex, height_m=height,
                involved_side=involved, dominant_leg="right", notes="Chronic low back pain since 2024.")
    session.add(p)
    session.flush()
    return p.id


def add_visit(session: Session, patient_id: int, day: dt.date, forces: dict[tuple[str, str], list[float]],
              mass: float | None = 70.0, lever: float | None = 0.40, notes: str = "",
              rejected: dict[tuple[str, str], list[float]] | None = None) -> int:
    """forces: (muscle, side) → accepted trial peaks in N, as streamed by the test's Mark-10."""
    visit = Visit(patient_id=patient_id, visit_date=day, status="completed", completed_at=utcnow(),
                  battery_code="standard_hip", notes=notes)
    session.add(visit)
    session.flush()
    if mass is not None:
        session.add(BodyMass(patient_id=patient_id, visit_id=visit.id, measured_on=day, mass_kg=mass, source="measured"))
    positions = {"gluteus_medius": ("hip_abduction", "hip_abd_sidelying_short"),
                 "gluteus_maximus": ("hip_extension", "hip_ext_prone_knee90_short")}
    for (muscle, side), peaks in forces.items():
        action, position = positions[muscle]
        test = StrengthTest(visit_id=visit.id, muscle=muscle, action=action, side=side, position=position,
                            method="make", lever_arm_m=lever, lever_source="measured", lever_measured_on=day,
                            fixation="belt", device_protocol="mark10",
                            device_model="Mark-10 M5-100", device_serial="SN-42")
        session.add(test)
        session.flush()
        number = 0
        for peak in peaks:
            number += 1
            session.add(Trial(test_id=test.id, trial_number=number, entry="stream", peak_force_n=peak,
                              reported_value=peak, reported_unit="N", accepted=True))
        for peak in (rejected or {}).get((muscle, side), []):
            number += 1
            session.add(Trial(test_id=test.id, trial_number=number, entry="stream", peak_force_n=peak,
                              reported_value=peak, reported_unit="N", accepted=False, reject_reason="pain"))
    session.flush()
    return visit.id


def add_scores(session: Session, patient_id: int, day: dt.date, nprs: float, odi: float) -> None:
    session.add_all([
        OutcomeScore(patient_id=patient_id, instrument="nprs", version="0-10", recorded_on=day, total=nprs, details={}),
        OutcomeScore(patient_id=patient_id, instrument="odi", version="2.1a", recorded_on=day, total=odi, details={}),
    ])
    session.flush()


def add_program(session: Session, patient_id: int, start: dt.date, until: dt.date, seed: int = 3,
                done_share: float = 0.75) -> list[int]:
    """Two prescriptions from the built-in catalog and a log of about `done_share` of the days."""
    sync_catalog(session)
    exercises = list_exercises(session)[:2]
    ids = []
    for n, ex in enumerate(exercises):
        ids.append(prescribe(session, patient_id, PrescriptionFields(
            exercise_id=ex.id, sets=3, reps=10 + 2 * n, start_date=start, hold_s=2.0 if n == 0 else 0.0,
            sessions_per_week=5, resistance_kind="ankle_weight" if n == 1 else "none",
            resistance_kg=1.0 if n == 1 else None, notes="Slow and controlled." if n == 0 else "")))
    rng = random.Random(seed)
    day = start
    while day <= until:
        if day.weekday() < 5 and rng.random() < done_share:
            for n, pid in enumerate(ids):
                kg = min(4.0, 1.0 + 0.5 * ((day - start).days // 60)) if n == 1 else None
                log_entry(session, pid, LogFields(performed_on=day, sets_done=3, reps_done=10, resistance_kg=kg),
                          today=until)
        day += dt.timedelta(days=1)
    return ids


def standard_patient(session: Session, chart: str = "R-1") -> int:
    """Three visits, both muscles and sides, scores and a program: the left side catching up."""
    pid = add_patient(session, chart)
    plan = [(dt.date(2026, 8, 20), 150.0, 205.0, 8, 42), (dt.date(2026, 9, 22), 170.0, 208.0, 6, 34),
            (dt.date(2026, 10, 21), 190.0, 212.0, 4, 26)]
    for day, left, right, nprs, odi in plan:
        add_visit(session, pid, day, {
            ("gluteus_medius", "left"): [left - 6, left, left - 3],
            ("gluteus_medius", "right"): [right, right - 4, right - 7],
            ("gluteus_maximus", "left"): [left + 60, left + 55, left + 58],
            ("gluteus_maximus", "right"): [right + 50, right + 52, right + 45],
        }, mass=70.0, notes="Tolerated testing well." if day.month == 10 else "",
            rejected={("gluteus_medius", "left"): [90.0]} if day.month == 10 else None)
        add_scores(session, pid, day, nprs, odi)
    add_program(session, pid, dt.date(2026, 8, 20), dt.date(2026, 10, 21))
    # No between-session MDC is published for these tests (issue 11), so this clinic has measured
    # its own side-lying reliability: SD 14.717 N·m, ICC 0.90 → MDC95 12.9 N·m.
    save_clinic_setting(session, S.CLINIC_RELIABILITY,
                        [{"position": "hip_abd_sidelying_short", "sd": 14.717, "icc": 0.90, "unit": "Nm"}])
    return pid


def long_history_patient(session: Session, chart: str = "LONG-1", years: int = 5, seed: int = 11) -> int:
    """Monthly visits for `years` years, both muscles and sides, 3 trials each, scores and exercise logs."""
    rng = random.Random(seed)
    pid = add_patient(session, chart, first="Lena", last="Longterm")
    start = dt.date(2021, 11, 1)
    months = 12 * years
    for m in range(months):
        day = dt.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 3)
        gain = 1 + 0.3 * m / months
        forces = {}
        for muscle, base in (("gluteus_medius", 170.0), ("gluteus_maximus", 240.0)):
            for side, deficit in (("left", 0.8 + 0.15 * m / months), ("right", 1.0)):
                forces[(muscle, side)] = [round(rng.gauss(base * gain * deficit, 6), 1) for _ in range(3)]
        add_visit(session, pid, day, forces, mass=round(72 - 3 * m / months, 1))
        add_scores(session, pid, day, max(0, round(7 - 5 * m / months)), max(0, round(40 - 25 * m / months)))
    add_program(session, pid, start, dt.date(start.year + years, start.month, 1), done_share=0.7)
    return pid
