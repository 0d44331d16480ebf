"""Text limits are the same on both engines (issue 16, item 9): SQLite stored a 10,000-character
name and NUL bytes that PostgreSQL refused as "Cannot reach the PostgreSQL database"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.models import Patient, Trial
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import ensure_test, save_trial, start_visit


def fields(**over: str) -> PatientFields:
    base = {"chart_number": "LIM-1", "last_name": "Okafor", "first_name": "Ada", "notes": ""}
    base.update(over)
    return PatientFields(base["chart_number"], base["last_name"], base["first_name"], dt.date(1980, 1, 2), "female",
                         None, None, None, base["notes"])


@pytest.mark.parametrize(("over", "named"), [
    ({"last_name": "x" * 10_000}, "Last name of the patient is too long (10,000 characters; at most 120)"),
    ({"first_name": "Ada\x00"}, "First name of the patient contains a NUL character"),
    ({"notes": "n" * 20_001}, "Notes of the patient is too long"),
])
def test_over_long_or_nul_text_is_refused_alike_naming_the_field(db: Database, over: dict[str, str], named: str) -> None:
    with pytest.raises(errors.ValidationError, match=named.replace("(", r"\(").replace(")", r"\)")), \
            db.session() as s:
        create_patient(s, fields(**over))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 0


def test_reject_reason_over_its_column_is_refused_before_the_database_sees_it(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields())
        visit = start_visit(s, pid, dt.date.today(), None, "standard")
        test = ensure_test(s, visit, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=None)
    with pytest.raises(errors.ValidationError, match="Reject reason of the trial is too long"), db.session() as s:
        save_trial(s, test, peak_force_n=10.0, entry="stream", accepted=False, reject_reason="r" * 201)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Trial)) == 0


def test_text_at_the_limit_is_kept(db: Database) -> None:
    with db.session() as s:
        create_patient(s, fields(last_name="x" * 120, notes="n" * 20_000))
    with db.session() as s:
        assert s.scalar(select(Patient.last_name)) == "x" * 120
