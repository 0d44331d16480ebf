"""The demo database is written in bulk, in one transaction, and audited like any other data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event, func, select

from hiptrack.storage.audit_chain import verify_chain
from hiptrack.storage.database import Database
from hiptrack.storage.models import (
    AuditEvent,
    BodyMass,
    ExerciseLogEntry,
    OutcomeScore,
    Patient,
    Prescription,
    StrengthTest,
    Trial,
    Visit,
)
from hiptrack.storage.results import patient_summary
from hiptrack.storage.startup import open_and_prepare

TODAY = dt.date(2026, 11, 23)


def _build(url: str, patients: int) -> tuple[Database, int]:
    db, _report = open_and_prepare(url, backup=False)
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    from hiptrack.storage.demo import populate_demo

    with db.session() as s:
        populate_demo(s, patients=patients, today=TODAY)
    return db, len(statements)


def test_demo_is_written_table_by_table_not_row_by_row(db_url: str) -> None:
    db, statements = _build(db_url, 6)
    with db.session() as s:
        logs = s.scalar(select(func.count()).select_from(ExerciseLogEntry))
        trials = s.scalar(select(func.count()).select_from(Trial))
    assert logs > 300 and trials > 200
    # One INSERT per table (plus a handful of reads), not one flush per row: the ORM path issued
    # a statement per log entry, trial and visit.
    assert statements < 40, f"{statements} statements for {logs + trials} rows"
    db.dispose()


def test_every_demo_row_has_its_creation_audit_event_under_its_patient(db_url: str) -> None:
    db, _statements = _build(db_url, 3)
    with db.session() as s:
        for model in (Patient, Visit, BodyMass, StrengthTest, Trial, OutcomeScore, Prescription, ExerciseLogEntry):
            rows = s.scalar(select(func.count()).select_from(model))
            events = s.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.entity == model.__tablename__, AuditEvent.action == "create"))
            assert rows and events == rows, model.__tablename__
        # The exercise catalog is audited too, but belongs to no patient.
        unfiled = s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.patient_id.is_(None), AuditEvent.entity != "exercises"))
        assert unfiled == 0
        with db.engine.connect() as conn:  # the bulk events joined the hash chain
            assert verify_chain(conn).intact
        patient_ids = list(s.scalars(select(Patient.id)))
        assert all(patient_summary(s, pid).visits for pid in patient_ids)
    db.dispose()
