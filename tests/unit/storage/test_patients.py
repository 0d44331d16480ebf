"""Patients, body mass, validation, audit trail and the no-delete rule, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent, Patient
from hiptrack.storage.patients import (
    create_patient,
    latest_body_mass,
    list_patients,
    patient_details,
    record_body_mass,
    set_archived,
    update_patient,
)

TODAY = dt.date(2026, 11, 23)


def fields(**overrides: object) -> PatientFields:
    base: dict[str, object] = dict(
        chart_number="C-1", last_name="Okafor", first_name="Ada", date_of_birth=dt.date(1984, 5, 17), sex="female",
        height_m=1.70, dominant_leg="right", involved_side="left", notes="",
    )
    base.update(overrides)
    return PatientFields(**base)  # type: ignore[arg-type]


def test_create_edit_archive_and_list(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields(), body_mass_kg=64.5, today=TODAY)
    with db.session() as s:
        update_patient(s, pid, fields(notes="Desk worker"), today=TODAY)
    with db.session() as s:
        details = patient_details(s, pid)
        assert details.fields.notes == "Desk worker" and details.latest_mass_kg == 64.5
        set_archived(s, pid, True)
    with db.session() as s:
        assert list_patients(s) == []
        assert [r.id for r in list_patients(s, include_archived=True)] == [pid]


@pytest.mark.parametrize(
    ("overrides", "mass", "problem"),
    [
        ({"date_of_birth": dt.date(2027, 1, 1)}, None, "Date of birth 2027-01-01 is in the future"),
        ({"date_of_birth": dt.date(1890, 1, 1)}, None, "older than 120"),
        ({"date_of_birth": None}, None, "Date of birth is missing"),
        ({"last_name": "  "}, None, "Last name is missing"),
        ({"height_m": 172.0}, None, "Height 172 m is outside the plausible range"),
        ({}, 700.0, "Body mass 700 kg is outside the plausible range 20–300 kg"),
        ({}, 0.0, "Body mass 0 kg is outside"),
    ],
)
def test_validation_names_the_problem(db: Database, overrides: dict, mass: float | None, problem: str) -> None:
    with pytest.raises(errors.ValidationError) as info, db.session() as s:
        create_patient(s, fields(**overrides), body_mass_kg=mass, today=TODAY)
    assert any(problem in p for p in info.value.problems), info.value.problems
    with db.session() as s:
        assert list_patients(s, include_archived=True) == []


def test_duplicate_chart_number_is_named(db: Database) -> None:
    with db.session() as s:
        create_patient(s, fields(), today=TODAY)
    with pytest.raises(errors.ValidationError, match="Chart number C-1 is already used"), db.session() as s:
        create_patient(s, fields(first_name="Other"), today=TODAY)


def test_body_mass_on_a_date_uses_the_latest_earlier_measurement(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields(), today=TODAY)
        record_body_mass(s, pid, 70.0, dt.date(2026, 1, 1))
        record_body_mass(s, pid, 68.0, dt.date(2026, 6, 1))
    with db.session() as s:
        earlier = latest_body_mass(s, pid, on_or_before=dt.date(2026, 3, 1))
        assert earlier is not None and earlier.mass_kg == 70.0


def test_every_change_is_audited_with_actor_and_values(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields(), today=TODAY)
    with db.session() as s:
        update_patient(s, pid, fields(involved_side="right"), today=TODAY)
        set_archived(s, pid, True)
    with db.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "patients").order_by(AuditEvent.id)).all()
    # The edit and the archive were one unit of work, so they form one event.
    assert [e.action for e in events] == ["create", "archive"]
    create = events[0]
    assert create.actor == "Test Clinician" and create.workstation == "test-ws" and create.entity_id == pid
    assert create.changes["chart_number"] == "C-1"
    changed = {k: v for e in events[1:] for k, v in e.changes.items()}
    assert changed["involved_side"] == {"old": "left", "new": "right"}
    assert changed["archived"] == {"old": False, "new": True}
    assert all(e.occurred_at.tzinfo is not None for e in events)


def test_clinical_records_cannot_be_deleted(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields(), today=TODAY)
    with pytest.raises(errors.ClinicalRecordDeletion, match="never deleted"), db.session() as s:
        s.delete(s.get(Patient, pid))
    with db.session() as s:
        assert s.get(Patient, pid) is not None


def test_concurrent_edit_from_another_workstation_is_refused(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, fields(), today=TODAY)
        version = patient_details(s, pid).version
    with db.session() as s:  # workstation B saves first
        update_patient(s, pid, fields(notes="B"), expected_version=version, today=TODAY)
    with pytest.raises(errors.StorageError, match="changed on another workstation"), db.session() as s:
        update_patient(s, pid, fields(notes="A"), expected_version=version, today=TODAY)
