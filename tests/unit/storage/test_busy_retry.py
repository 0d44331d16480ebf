"""A save that meets a busy SQLite database (an import or another window writing) says so and
tries again instead of failing at once (issue 16, item 5). The busy timeout is shortened here so
that each attempt's wait is short; the verdict depends on the order of events, not on time."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import database, errors
from hiptrack.storage.database import Database, sqlite_path
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.patients import create_patient, find_by_chart


def _patient(s: Session) -> int:
    return create_patient(s, PatientFields("BUSY-1", "Lind", "Eva", dt.date(1970, 1, 1), "female", None, None, None,
                                           ""))


def _busy_database(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, sqlite3.Connection]:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 50)
    db = Database(sqlite_url)
    prepare_database(db)
    path = sqlite_path(db.url)
    assert isinstance(path, Path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # an import in the middle of its write
    return db, holder


def test_a_save_that_meets_a_busy_database_says_so_and_retries(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db, holder = _busy_database(sqlite_url, monkeypatch)
    messages: list[str] = []

    def on_wait(message: str) -> None:
        messages.append(message)
        if len(messages) == 2:
            holder.execute("COMMIT")  # the import finishes

    db.write(_patient, on_wait=on_wait)
    holder.close()
    assert len(messages) == 2 and "busy" in messages[0] and "trying again" in messages[0]
    with db.session() as s:
        assert find_by_chart(s, "BUSY-1") is not None
    db.dispose()


def test_a_save_gives_up_with_the_cause_after_its_attempts(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db, holder = _busy_database(sqlite_url, monkeypatch)
    messages: list[str] = []
    with pytest.raises(errors.DatabaseLocked, match="locked by another program"):
        db.write(_patient, on_wait=messages.append, attempts=3)
    holder.close()
    assert len(messages) == 2
    db.dispose()
