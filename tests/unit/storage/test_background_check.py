"""The start-up integrity check may run on a worker thread while the app imports its windows; the
open that follows takes its verdict only for the very file state it checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiptrack import paths
from hiptrack.storage import errors, migrate
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import (
    check_sqlite_file,
    check_sqlite_file_in_background,
    current_revision,
    prepare_database,
)
from tests.faults.test_storage_backup import _flip_index_rowid, _make_database


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    db = Database(paths.sqlite_url(path))
    prepare_database(db, backup=False)
    db.dispose()
    return path


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check actually run on a file."""
    done: list[Path] = []
    real = migrate._check_sqlite_file_now

    def counting(path: Path, description: str) -> None:
        done.append(path)
        real(path, description)

    monkeypatch.setattr(migrate, "_check_sqlite_file_now", counting)
    return done


def test_an_unchanged_file_is_checked_once(database: Path, checks: list[Path]) -> None:
    check_sqlite_file_in_background(database, "test file").join()
    check_sqlite_file(database, "test file")
    assert checks == [database]


def test_a_damaged_file_found_by_the_background_check_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"This is a letter to the referrer, not a database.\n" * 200)
    check_sqlite_file_in_background(path, "test file")
    with pytest.raises(errors.DatabaseCorrupt):
        current_revision(Database(paths.sqlite_url(path)))  # as the app opens it


def test_a_file_damaged_after_its_background_check_is_checked_again(tmp_path: Path) -> None:
    # Damage that only the full check sees (issue 16): one index entry pointing at another patient.
    path = tmp_path / "clinic.sqlite3"
    _make_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    check_sqlite_file_in_background(path, "test file").join()  # it passed
    _flip_index_rowid(path, b"HT-00005", 7)
    with pytest.raises(errors.DatabaseCorrupt):
        current_revision(Database(paths.sqlite_url(path)))


def test_a_write_that_only_reaches_the_write_ahead_log_is_checked_again(database: Path, checks: list[Path]) -> None:
    check_sqlite_file_in_background(database, "test file").join()
    writer = sqlite3.connect(database)
    try:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("CREATE TABLE scratch (x)")
        writer.commit()
        check_sqlite_file(database, "test file")
    finally:
        writer.close()
    assert checks == [database, database]


def test_the_verdict_is_used_once(database: Path, checks: list[Path]) -> None:
    check_sqlite_file_in_background(database, "test file").join()
    check_sqlite_file(database, "test file")
    check_sqlite_file(database, "test file")  # a later open checks for itself again
    assert checks == [database, database]
