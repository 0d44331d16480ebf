"""Realistic demo data: patients with low back pain and hip weakness, followed over months.

Used by `hiptrack demo`, the screenshots and the benchmarks. Deterministic for a given seed.
All names are invented.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import random

import numpy as np
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hiptrack import __version__
from hiptrack.storage.models import (
    BodyMass,
    Clinician,
    Exercise,
    OutcomeScore,
    Patient,
    StrengthTest,
    Trial,
    Visit,
)
from hiptrack.storage.traces import encode_trace
from hiptrack.storage.types import utcnow

FEMALE_FIRST_NAMES = (
    "Amelia", "Olivia", "Isla", "Freya", "Maya", "Hana", "Priya", "Leila", "Nina", "Sofia", "Ingrid", "Zara",
)
MALE_FIRST_NAMES = (
    "Noah", "Liam", "Mateo", "Arjun", "Elias", "Tomas", "Jonas", "Oscar", "Rafael", "Kenji", "Samuel", "Felix",
)
FIRST_NAMES = FEMALE_FIRST_NAMES + MALE_FIRST_NAMES
LAST_NAMES = (
    "Andersen", "Brooks", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
    "Umarov", "Varga", "Walsh", "Young",
)

# (muscle, action, position, typical peak N for a 70 kg adult, lever arm m)
TESTS = (
    ("gluteus_medius", "hip_abduction", "hip_abd_sidelying_short", 190.0, 0.40),
    ("gluteus_maximus", "hip_extension", "hip_ext_prone_knee90_short", 260.0, 0.38),
)


def make_curve(peak_n: float, rate_hz: float, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """An isometric make test: 0.5 s rest, ~1 s rise, 3 s plateau with tremor, 0.5 s release."""
    duration = 5.0
    t = np.arange(0, duration, 1.0 / rate_hz)
    rise = 1.0 / (1.0 + np.exp(-(t - 1.1) * 7.0))
    release = 1.0 / (1.0 + np.exp((t - 4.4) * 12.0))
    tremor = 0.015 * np.sin(2 * math.pi * 9.5 * t + rng.random() * 6.0)
    noise = np.array([rng.gauss(0, 0.6) for _ in t])
    force = peak_n * rise * release * (1.0 + tremor) + noise
    return t, np.clip(force, 0, None)


def _patient_plan(rng: random.Random, index: int, today: dt.date) -> dict:
    sex = rng.choice(("female", "male"))
    first = rng.choice(FEMALE_FIRST_NAMES if sex == "female" else MALE_FIRST_NAMES)
    last = LAST_NAMES[index % len(LAST_NAMES)] if index < len(LAST_NAMES) else rng.choice(LAST_NAMES)
    age = rng.randint(24, 72)
    dob = today - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 364))
    height = round(rng.gauss(1.66 if sex == "female" else 1.79, 0.06), 2)
    mass = round(rng.gauss(68 if sex == "female" else 84, 9), 1)
    involved = rng.choice(("left", "right", "left", "right", None))
    return {
        "chart": f"HT-{1001 + index:05d}", "first": first, "last": last, "dob": dob, "sex": sex,
        "height": height, "mass": mass, "involved": involved,
        "dominant": rng.choice(("right", "right", "right", "left")),
    }


def populate_demo(session: Session, patients: int = 12, seed: int = 20261123, today: dt.date | None = None) -> None:
    """Fill an empty, migrated database with demo clinicians and patients."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    clinicians = [
        Clinician(username="demo", display_name="Demo Clinician"),
        Clinician(username="jlee", display_name="J. Lee, PT"),
    ]
    session.add_all(clinicians)
    session.flush()
    exercises = {code: id_ for id_, code in session.execute(select(Exercise.id, Exercise.code))}
    # Months of generated logs would bury the real start-up lines in the log file.
    storage_log = logging.getLogger("hiptrack.storage.exercises")
    level = storage_log.level
    storage_log.setLevel(logging.WARNING)
    try:
        for index in range(patients):
            patient_id, first_visit = _add_demo_patient(session, rng, index, today, clinicians)
            if exercises:
                _add_demo_program(session, rng, patient_id, first_visit, today, exercises)
    finally:
        storage_log.setLevel(level)


# (catalog code, sets, reps, hold s, resistance kind, band level, kg) for a typical hip program.
DEMO_PROGRAM = (
    ("clamshell", 3, 12, 2.0, "band", "yellow", None),
    ("sidelying_hip_abduction", 3, 10, 2.0, "ankle_weight", None, 0.5),
    ("cook_hip_lift", 2, 8, 2.0, "none", None, None),
)


def _add_demo_program(
    session: Session, rng: random.Random, patient_id: int, start: dt.date, today: dt.date, exercises: dict[str, int]
) -> None:
    """A home program from the first visit, logged on most days, through the shared storage code."""
    from hiptrack.storage.exercises import PrescriptionFields, log_done_as_prescribed, prescribe

    for code, sets, reps, hold, kind, level, kg in DEMO_PROGRAM:
        if code in exercises:
            prescribe(session, patient_id, PrescriptionFields(
                exercise_id=exercises[code], sets=sets, reps=reps, start_date=start, hold_s=hold,
                sessions_per_week=5, resistance_kind=kind, resistance_level=level, resistance_kg=kg,
            ))
    diligence = rng.uniform(0.45, 0.9)
    day = start
    while day <= today:
        if rng.random() < diligence * 5 / 7:
            log_done_as_prescribed(session, patient_id, day, today=today)
        day += dt.timedelta(days=1)


def _add_demo_patient(
    session: Session, rng: random.Random, index: int, today: dt.date, clinicians: list
) -> tuple[int, dt.date]:
    plan = _patient_plan(rng, index, today)
    patient = Patient(
        chart_number=plan["chart"], first_name=plan["first"], last_name=plan["last"],
        date_of_birth=plan["dob"], sex=plan["sex"], height_m=plan["height"], dominant_leg=plan["dominant"],
        involved_side=plan["involved"], notes="Demo patient: chronic low back pain, referred for hip strengthening.",
    )
    session.add(patient)
    session.flush()
    visit_count = rng.randint(3, 8)
    first_visit = today - dt.timedelta(days=30 * visit_count + rng.randint(0, 20))
    scale = plan["mass"] / 70.0
    deficit = rng.uniform(0.15, 0.32) if plan["involved"] else rng.uniform(0.0, 0.12)
    weaker = plan["involved"] or rng.choice(("left", "right"))
    for v in range(visit_count):
        visit_date = first_visit + dt.timedelta(days=v * rng.randint(24, 38))
        if visit_date > today:
            break
        progress = v / max(visit_count - 1, 1)
        visit = Visit(
            patient_id=patient.id, clinician_id=rng.choice(clinicians).id, visit_date=visit_date,
            status="completed", battery_code="standard_hip", completed_at=utcnow(),
        )
        session.add(visit)
        session.flush()
        mass = round(plan["mass"] - progress * rng.uniform(0, 2.5), 1)
        session.add(BodyMass(patient_id=patient.id, visit_id=visit.id, measured_on=visit_date, mass_kg=mass))
        gain = 1.0 + 0.25 * progress
        side_deficit = deficit * (1.0 - 0.7 * progress)
        with_trace = v == visit_count - 1
        for muscle, action, position, typical, lever in TESTS:
            for side in ("left", "right"):
                base = typical * scale * gain * (1.0 - side_deficit if side == weaker else 1.0)
                _add_demo_test(session, rng, visit.id, muscle, action, position, side, base, lever, with_trace)
        nprs = max(0, min(10, round(7 - 5 * progress + rng.gauss(0, 0.8))))
        odi = max(0, min(100, round(38 - 24 * progress + rng.gauss(0, 3))))
        psfs_items = [max(0, min(10, round(3 + 5 * progress + rng.gauss(0, 1)))) for _ in range(3)]
        session.execute(insert(OutcomeScore), [
            {"patient_id": patient.id, "visit_id": visit.id, "instrument": "nprs", "recorded_on": visit_date,
             "total": float(nprs), "details": {}, "version": "0-10"},
            {"patient_id": patient.id, "visit_id": visit.id, "instrument": "odi", "recorded_on": visit_date,
             "total": float(odi), "details": {}, "version": "2.1a"},
            {"patient_id": patient.id, "visit_id": visit.id, "instrument": "psfs", "recorded_on": visit_date,
             "total": round(sum(psfs_items) / 3, 2), "version": "",
             "details": {"activities": [  # the layout hiptrack.storage.outcomes.record_psfs writes
                 {"activity": name, "score": float(score)}
                 for name, score in zip(("Sitting 30 minutes", "Climbing stairs", "Lifting a child"), psfs_items,
                                        strict=True)]}},
        ])
    return patient.id, first_visit


def _add_demo_test(
    session: Session, rng: random.Random, visit_id: int, muscle: str, action: str, position: str, side: str,
    base_n: float, lever: float, with_trace: bool,
) -> None:
    test = StrengthTest(
        visit_id=visit_id, muscle=muscle, action=action, side=side, position=position, method="make",
        lever_arm_m=lever, fixation="hand", device_protocol="mark10", device_model="Mark-10 M5-100 (demo)",
        device_serial="DEMO-0001", context={"app_version": __version__, "demo": True},
    )
    session.add(test)
    session.flush()
    for number in range(1, 4):
        peak = max(20.0, rng.gauss(base_n, base_n * 0.05))
        trial = Trial(
            test_id=test.id, trial_number=number, entry="stream", peak_force_n=round(peak, 1),
            reported_value=round(peak, 1), reported_unit="N", accepted=True,
        )
        if with_trace:
            t, f = make_curve(peak, 100.0, rng)
            trial.trace = encode_trace(t, f)
            trial.trace_sample_rate_hz = 100.0
            trial.trace_sample_count = len(t)
            trial.peak_force_n = round(float(f.max()), 1)
        session.add(trial)


def bulk_patients(session: Session, count: int, seed: int = 7) -> None:
    """Many bare patients quickly (benchmarks and the 10,000-patient search target)."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        rows.append({
            "chart_number": f"B{i:07d}", "first_name": rng.choice(FIRST_NAMES), "last_name": rng.choice(LAST_NAMES)
            + ("" if i % 3 else f"-{rng.choice(LAST_NAMES)}"), "date_of_birth": dt.date(1940, 1, 1)
            + dt.timedelta(days=rng.randint(0, 25000)), "sex": rng.choice(("female", "male")), "notes": "",
            "archived": False, "created_at": utcnow(), "updated_at": utcnow(), "version": 1,
        })
    for start in range(0, len(rows), 2000):
        session.execute(insert(Patient), rows[start:start + 2000])
