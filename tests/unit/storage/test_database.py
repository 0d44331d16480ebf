"""Engine behaviour and the bad-input cases of the foundation issue."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from hiptrack.storage import errors
from hiptrack.storage.database import Database, sqlite_path
from hiptrack.storage.migrate import current_revision, prepare_database
from hiptrack.storage.models import Patient


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(errors.StorageError), db.session() as s:
        s.execute(text("INSERT INTO visits (patient_id, visit_date, status, notes, started_at) "
                       "VALUES (9999, '2026-01-01', 'completed', '', '2026-01-01 10:00:00')"))


def test_timestamps_come_back_timezone_aware(db: Database) -> None:
    with db.session() as s:
        p = Patient(chart_number="T1", last_name="A", first_name="B", date_of_birth=dt.date(1990, 1, 1), sex="male")
        s.add(p)
    with db.session() as s:
        loaded = s.get(Patient, p.id)
        assert loaded is not None and loaded.created_at.tzinfo is not None
        assert loaded.created_at.utcoffset() == dt.timedelta(0)


def test_startup_backup_is_taken_before_anything_changes(sqlite_db: Database) -> None:
    again = Database(sqlite_db.url)
    report = prepare_database(again)
    assert report.backup is not None and report.backup.exists()
    # README: backups sit in `backups/` beside the database, wherever --database points.
    source = sqlite_path(sqlite_db.url)
    assert source is not None and report.backup.parent == source.parent / "backups"
    again.dispose()


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = b"This is a letter to the referrer, not a database.\n" * 200
    path.write_bytes(content)
    db = Database(f"sqlite:///{path}")
    with pytest.raises(errors.DatabaseCorrupt, match="damaged or is not a hiptrack database"):
        prepare_database(db)
    assert path.read_bytes() == content
    assert not (tmp_path / "backups").exists()


def test_schema_newer_than_the_app_is_refused(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(errors.SchemaTooNew, match="newer hiptrack"):
        prepare_database(Database(sqlite_db.url))
    assert current_revision(sqlite_db) == "9999_from_the_future"


def test_locked_database_is_reported(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hiptrack.storage.database.SQLITE_BUSY_TIMEOUT_MS", 200)
    path = sqlite_db.url.database
    assert path
    holder = sqlite3.connect(path, timeout=0.1)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        db = Database(f"sqlite:///{path}")
        with pytest.raises(errors.DatabaseLocked, match="locked by another program"), db.session() as s:
            s.add(Patient(chart_number="L1", last_name="A", first_name="B", date_of_birth=dt.date(1990, 1, 1),
                          sex="male"))
    finally:
        holder.rollback()
        holder.close()


def test_unreachable_postgres_is_reported() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    db = Database("postgresql://hiptrack@127.0.0.1:1/hiptrack")
    with pytest.raises(errors.DatabaseUnreachable, match="Cannot reach the PostgreSQL database"):
        prepare_database(db)


def test_read_only_data_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    code = (
        "import sys\n"
        "from hiptrack.storage.database import Database\n"
        "from hiptrack.storage.errors import DatabaseReadOnly\n"
        f"try:\n    Database('sqlite:///{folder}/hiptrack.sqlite3')\n"
        "except DatabaseReadOnly as exc:\n    print(exc); sys.exit(7)\n"
    )
    cmd = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        # root writes anywhere; drop the capability that lets it, so the folder is really read-only.
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--", *cmd]
    result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "HIPTRACK_HOME": str(folder)})
    assert result.returncode == 7, result.stderr
    assert "is not writable" in result.stdout
    assert list(folder.iterdir()) == []
