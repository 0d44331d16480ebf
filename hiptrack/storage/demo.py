"""Realistic demo data: patients with low back pain and hip weakness, followed over months.

Used by `hiptrack demo`, the screenshots and the benchmarks. Deterministic for a given seed.
All names are invented.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from hiptrack import __version__
from hiptrack.storage.audit import audit_row, creation_changes, write_audit_events
from hiptrack.storage.models import (
    BodyMass,
    Clinician,
    Exercise,
    ExerciseLogEntry,
    OutcomeScore,
    Patient,
    Prescription,
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
    """Fill an empty, migrated database with demo clinicians and patients.

    Built in bulk: the rows of each table are planned in Python, then written with one Core
    INSERT per table (and shape of row), and their audit events with one more. Going through the
    ORM cost thousands of separate flushes.
    """
    rng = random.Random(seed)
    today = today or dt.date.today()
    writer = _BulkWriter(session)
    clinician_ids = writer.insert(Clinician, [
        {"username": "demo", "display_name": "Demo Clinician"},
        {"username": "jlee", "display_name": "J. Lee, PT"},
    ])
    exercises = {code: id_ for id_, code in session.execute(select(Exercise.id, Exercise.code))}
    plans = [_patient_plan(rng, index, today) for index in range(patients)]
    patient_ids = writer.insert(Patient, [_patient_row(plan) for plan in plans], own_patient=True)
    visits: list[dict] = []
    visit_extras: list[tuple[dict, float, list[tuple]]] = []
    first_visits: list[dt.date] = []
    for plan, patient_id in zip(plans, patient_ids, strict=True):
        first_visits.append(_plan_visits(rng, plan, patient_id, today, clinician_ids, visits, visit_extras))
    visit_ids = writer.insert(Visit, visits)
    masses, scores, tests, trial_plans = [], [], [], []
    for visit_id, visit, (extra, mass, planned_tests) in zip(visit_ids, visits, visit_extras, strict=True):
        pid, day = visit["patient_id"], visit["visit_date"]
        masses.append({"patient_id": pid, "visit_id": visit_id, "measured_on": day, "mass_kg": mass,
                       "source": "measured"})
        scores += [{**score, "patient_id": pid, "visit_id": visit_id} for score in extra["scores"]]
        for test, trials in planned_tests:
            tests.append({**test, "visit_id": visit_id, "_patient": pid, "lever_source": "measured",
                          "lever_measured_on": day})
            trial_plans.append(trials)
    writer.insert(BodyMass, masses)
    writer.insert(OutcomeScore, scores)
    test_ids = writer.insert(StrengthTest, tests)
    writer.insert(Trial, [
        {**trial, "test_id": test_id, "_patient": test["_patient"]}
        for test_id, test, trials in zip(test_ids, tests, trial_plans, strict=True) for trial in trials
    ])
    if exercises:
        _add_demo_programs(writer, rng, patient_ids, first_visits, today, exercises)
    writer.write_audit()


class _BulkWriter:
    """Core inserts per table, keeping what the audit trail needs for one event per new row."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: list[tuple[str, int, int | None, dict]] = []

    def insert(self, model: type, rows: list[dict], own_patient: bool = False) -> list[int]:
        """Insert `rows` (keys starting with "_" are notes, e.g. "_patient"); returns their ids."""
        if not rows:
            return []
        table = model.__table__  # type: ignore[attr-defined]
        # Ids are given here rather than returned by the database: SQLite cannot return them in
        # order for a batched INSERT, and SQLAlchemy then falls back to one statement per row.
        base = self.session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
        ids = list(range(base + 1, base + 1 + len(rows)))
        values = [{"id": id_, **{k: v for k, v in row.items() if not k.startswith("_")}}
                  for id_, row in zip(ids, rows, strict=True)]
        # One executemany per shape of row: a batch takes its columns from its first row.
        shapes: dict[tuple[str, ...], list[dict]] = {}
        for value in values:
            shapes.setdefault(tuple(value), []).append(value)
        for batch in shapes.values():
            self.session.execute(insert(table), batch)
        if self.session.get_bind().dialect.name == "postgresql":
            # Move the id sequence past the ids given, for the rows the app adds later.
            self.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :last)"),
                                 {"last": ids[-1]})
        values = [{k: v for k, v in value.items() if k != "id"} for value in values]
        for id_, row, value in zip(ids, rows, values, strict=True):
            patient = id_ if own_patient else row.get("_patient", row.get("patient_id"))
            self.created.append((table.name, id_, patient, value))
        return ids

    def write_audit(self) -> None:
        actor = self.session.info.get("actor")
        write_audit_events(self.session, [
            audit_row(actor, "create", entity, entity_id, patient_id, creation_changes(values))
            for entity, entity_id, patient_id, values in self.created
        ])


def _patient_row(plan: dict) -> dict:
    return {
        "chart_number": plan["chart"], "first_name": plan["first"], "last_name": plan["last"],
        "date_of_birth": plan["dob"], "sex": plan["sex"], "height_m": plan["height"],
        "dominant_leg": plan["dominant"], "involved_side": plan["involved"],
        "notes": "Demo patient: chronic low back pain, referred for hip strengthening.",
    }


# (catalog code, sets, reps, hold s, resistance kind, band level, kg) for a typical hip program.
DEMO_PROGRAM = (
    ("clamshell", 3, 12, 2.0, "band", "yellow", None),
    ("sidelying_hip_abduction", 3, 10, 2.0, "ankle_weight", None, 0.5),
    ("cook_hip_lift", 2, 8, 2.0, "none", None, None),
)


def _add_demo_programs(
    writer: _BulkWriter, rng: random.Random, patient_ids: list[int], starts: list[dt.date], today: dt.date,
    exercises: dict[str, int],
) -> None:
    """A home program from the first visit, logged "done as prescribed" on most days (what the
    exercise page's one-key log writes: one entry per active prescription that day)."""
    prescriptions: list[dict] = []
    for patient_id, start in zip(patient_ids, starts, strict=True):
        for code, sets, reps, hold, kind, level, kg in DEMO_PROGRAM:
            if code in exercises:
                prescriptions.append({
                    "patient_id": patient_id, "exercise_id": exercises[code], "sides": "both", "sets": sets,
                    "reps": reps, "hold_s": hold, "resistance_kind": kind, "resistance_level": level,
                    "resistance_kg": kg, "sessions_per_week": 5, "start_date": start, "status": "active",
                })
    prescription_ids = writer.insert(Prescription, prescriptions)
    by_patient: dict[int, list[tuple[int, dict]]] = {}
    for id_, p in zip(prescription_ids, prescriptions, strict=True):
        by_patient.setdefault(p["patient_id"], []).append((id_, p))
    entries = []
    for patient_id, start in zip(patient_ids, starts, strict=True):
        diligence = rng.uniform(0.45, 0.9)
        day = start
        while day <= today:
            if rng.random() < diligence * 5 / 7:
                entries += [{
                    "prescription_id": id_, "performed_on": day, "side": p["sides"], "sets_done": p["sets"],
                    "reps_done": p["reps"], "hold_s": p["hold_s"], "resistance_level": p["resistance_level"],
                    "resistance_kg": p["resistance_kg"], "done_as_prescribed": True, "source": "quick",
                    "voided": False, "_patient": patient_id,
                } for id_, p in by_patient.get(patient_id, [])]
            day += dt.timedelta(days=1)
    writer.insert(ExerciseLogEntry, entries)


def _plan_visits(
    rng: random.Random, plan: dict, patient_id: int, today: dt.date, clinician_ids: list[int], visits: list[dict],
    extras: list[tuple[dict, float, list[tuple]]],
) -> dt.date:
    """Append one patient's visits (and what each holds) to `visits` and `extras`; returns the first date."""
    visit_count = rng.randint(3, 8)
    first_visit = today - dt.timedelta(days=30 * visit_count + rng.randint(0, 20))
    scale = plan["mass"] / 70.0
    deficit = rng.uniform(0.15, 0.32) if plan["involved"] else rng.uniform(0.0, 0.12)
    weaker = plan["involved"] or rng.choice(("left", "right"))
    traced: set[int] = set()  # indices into visits (and extras, appended alongside) with raw traces
    first = len(visits)
    for v in range(visit_count):
        visit_date = first_visit + dt.timedelta(days=v * rng.randint(24, 38))
        if visit_date > today:
            break
        progress = v / max(visit_count - 1, 1)
        visits.append({
            "patient_id": patient_id, "clinician_id": rng.choice(clinician_ids), "visit_date": visit_date,
            "status": "completed", "battery_code": "standard_hip", "completed_at": utcnow(),
        })
        mass = round(plan["mass"] - progress * rng.uniform(0, 2.5), 1)
        gain = 1.0 + 0.25 * progress
        side_deficit = deficit * (1.0 - 0.7 * progress)
        with_trace = v == visit_count - 1
        if with_trace:
            traced.add(len(visits) - 1)
        tests = []
        for muscle, action, position, typical, lever in TESTS:
            for side in ("left", "right"):
                base = typical * scale * gain * (1.0 - side_deficit if side == weaker else 1.0)
                tests.append(_plan_test(rng, muscle, action, position, side, base, lever, with_trace))
        nprs = max(0, min(10, round(7 - 5 * progress + rng.gauss(0, 0.8))))
        odi = max(0, min(100, round(38 - 24 * progress + rng.gauss(0, 3))))
        psfs_items = [max(0, min(10, round(3 + 5 * progress + rng.gauss(0, 1)))) for _ in range(3)]
        scores = [
            {"instrument": "nprs", "recorded_on": visit_date, "total": float(nprs), "details": {}, "version": "0-10"},
            {"instrument": "odi", "recorded_on": visit_date, "total": float(odi), "details": {}, "version": "2.1a"},
            {"instrument": "psfs", "recorded_on": visit_date, "total": round(sum(psfs_items) / 3, 2), "version": "",
             "details": {"activities": [  # the layout hiptrack.storage.outcomes.record_psfs writes
                 {"activity": name, "score": float(score)}
                 for name, score in zip(("Sitting 30 minutes", "Climbing stairs", "Lifting a child"), psfs_items,
                                        strict=True)]}},
        ]
        extras.append(({"scores": scores}, mass, tests))
    latest = max(range(first, len(visits)), key=lambda i: visits[i]["visit_date"])
    if latest not in traced:
        # The planned last visit fell after today, or an earlier one is dated later: the latest
        # visit is the one with raw traces (the Strength page overlays the latest visit's trials).
        for _test, trials in extras[latest][2]:
            for trial in trials:
                _add_trace(trial, float(trial["peak_force_n"]), rng)
    return first_visit


def _plan_test(
    rng: random.Random, muscle: str, action: str, position: str, side: str, base_n: float, lever: float,
    with_trace: bool,
) -> tuple[dict, list[dict]]:
    test = {
        "muscle": muscle, "action": action, "side": side, "position": position, "method": "make",
        "lever_arm_m": lever, "fixation": "hand", "device_protocol": "mark10",
        "device_model": "Mark-10 M5-100 (demo)", "device_serial": "DEMO-0001",
        "context": {"app_version": __version__, "demo": True},
    }
    trials = []
    for number in range(1, 4):
        peak = max(20.0, rng.gauss(base_n, base_n * 0.05))
        trial: dict[str, Any] = {
            "trial_number": number, "entry": "stream", "peak_force_n": round(peak, 1),
            "reported_value": round(peak, 1), "reported_unit": "N", "accepted": True,
        }
        if with_trace:
            _add_trace(trial, peak, rng)
        trials.append(trial)
    return test, trials


def _add_trace(trial: dict[str, Any], peak: float, rng: random.Random) -> None:
    t, f = make_curve(peak, 100.0, rng)
    trial.update(trace=encode_trace(t, f), trace_sample_rate_hz=100.0, trace_sample_count=len(t),
                 peak_force_n=round(float(f.max()), 1))


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
