"""Migrations on both engines: empty -> head, schema 0001 with data -> head, models == head."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import current_revision, head_revision, prepare_database
from hiptrack.storage.models import AuditEvent, Base, BodyMass, Patient, StrengthTest, Trial
from hiptrack.storage.settings_store import load_clinic_settings
from tests.unit.storage.fixtures import build_schema_0001_database


def test_empty_to_head(db_url: str) -> None:
    db = Database(db_url)
    report = prepare_database(db)
    assert report.previous_revision is None
    assert current_revision(db) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.dispose()


def test_models_match_migrations(db_url: str) -> None:
    """A model change without a migration would make this diff non-empty."""
    db = Database(db_url)
    prepare_database(db)
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    db.dispose()


def test_schema_0001_with_data_to_head_keeps_every_record(db_url: str) -> None:
    db = Database(db_url)
    build_schema_0001_database(db)
    assert current_revision(db) == "0001"
    report = prepare_database(db)
    assert report.previous_revision == "0001" and report.current_revision == head_revision()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 2
        alice = s.scalar(select(Patient).where(Patient.chart_number == "C-1001"))
        assert alice is not None and alice.date_of_birth == dt.date(1980, 4, 2)
        assert alice.created_at.tzinfo is not None
        assert s.scalar(select(func.count()).select_from(Trial)) == 4
        rejected = s.scalar(select(Trial).where(Trial.reject_reason.is_not(None)))
        assert rejected is not None and rejected.reject_reason == "pain" and not rejected.accepted
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 1
        assert load_clinic_settings(s)["cv_limit_pct"] == 12.5
        # Issue 11: rows from before provenance was kept are back-filled as unknown, never as measured.
        assert set(s.scalars(select(BodyMass.source))) == {"unknown"}
        assert set(s.scalars(select(StrengthTest.lever_source))) == {"unknown"}
        assert set(s.scalars(select(StrengthTest.lever_measured_on))) == {None}
        # The upgraded database takes new records at once (sequences and constraints intact).
        s.add(Patient(chart_number="C-1003", last_name="New", first_name="Nora", date_of_birth=dt.date(1990, 1, 1),
                      sex="female"))
    db.dispose()


def test_sqlite_pre_migration_backup_holds_the_old_schema(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    build_schema_0001_database(db)
    report = prepare_database(db)
    assert report.backup is not None and "pre-migration-0001" in report.backup.name
    backup = Database(f"sqlite:///{report.backup}")
    assert current_revision(backup) == "0001"
    with backup.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
    backup.dispose()
    db.dispose()
