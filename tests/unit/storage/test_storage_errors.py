"""Each storage failure names its real cause (issue 16, item 9): a full disk, a read-only backup
folder, a broken rule; never "cannot reach the server" for a constraint."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import pytest

from hiptrack.storage import backups, errors
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import backup_sqlite
from hiptrack.storage.models import Patient


def test_full_disk_during_backup_is_reported_as_a_full_disk_and_leaves_no_file(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(source: Path, partial: Path) -> dict[str, int]:
        partial.write_bytes(b"half a page")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "_copy", full)
    with pytest.raises(errors.DiskFull, match="disk is full"):
        backup_sqlite(sqlite_db, "manual")
    assert list((Path(str(sqlite_db.url.database)).parent / "backups").iterdir()) == []


def test_read_only_backup_folder_is_reported_as_read_only(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(errors.DatabaseReadOnly, match="read-only"):
        backup_sqlite(sqlite_db, "manual")


def test_duplicate_is_reported_as_a_broken_rule_not_an_unreachable_server(db: Database) -> None:
    def patient() -> Patient:
        return Patient(chart_number="HT-7", last_name="A", first_name="B", date_of_birth=dt.date(1990, 1, 1),
                       sex="female")

    with db.session() as s:
        s.add(patient())
    with pytest.raises(errors.ConstraintViolation) as caught, db.session() as s:
        s.add(patient())
    assert "Cannot reach" not in str(caught.value)


def test_a_full_database_is_reported_as_a_full_disk(sqlite_db: Database) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL), reached here through max_page_count."""
    from sqlalchemy import text

    with pytest.raises(errors.DiskFull, match=r"disk holding the SQLite file .* is full"), sqlite_db.session() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
        s.execute(text(f"PRAGMA max_page_count = {int(pages or 0) + 2}"))
        for i in range(40):
            s.add(Patient(chart_number=f"FULL-{i}", last_name="A", first_name="B", date_of_birth=dt.date(1990, 1, 1),
                          sex="female", notes="n" * 19_000))
        s.flush()
