"""Migrations under faults (issue 16, item 3): SIGKILL in the middle of `db upgrade`, and another
program's SQLite file given as --database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import current_revision, head_revision, prepare_database
from hiptrack.storage.models import Patient, Trial
from tests.faults.conftest import child_env, hiptrack_command, kill_moments, kill_when
from tests.unit.storage.fixtures import build_schema_0001_database

NEW_IN_0002 = {"exercises", "prescriptions", "exercise_log_entries", "progression_decisions", "outcome_scores"}

# Each schema operation signals that the migration is under way and takes a little time, as it
# does on a large clinic database, so that the kill lands between two statements.
MIGRATION_DRIVER = """
import pathlib, sys, time
from alembic.operations import Operations
ready = pathlib.Path(sys.argv[2])
invoke = Operations.invoke
def slow_invoke(self, operation):
    result = invoke(self, operation)
    ready.touch()
    time.sleep(0.03)
    return result
Operations.invoke = slow_invoke
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
prepare_database(Database(sys.argv[1]), backup=False)
"""


def test_kill_during_upgrade_leaves_the_old_schema_intact(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    db = Database(url)
    build_schema_0001_database(db)
    db.dispose()
    for attempt, delay in enumerate(kill_moments(seed=1603, count=3, low_s=0.0, high_s=0.4)):
        ready = tmp_path / f"ready-{attempt}"
        proc = subprocess.Popen([*hiptrack_command()[:1], "-c", MIGRATION_DRIVER, url, str(ready)],
                                env=child_env(tmp_path / "home"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed = kill_when(proc, ready, delay)
        db = Database(url)
        revision = current_revision(db)
        tables = set(inspect(db.engine).get_table_names())
        db.dispose()
        # Either the old schema untouched, or the new one complete: never a mixture.
        if revision == "0001":
            assert not tables & NEW_IN_0002, f"kill {attempt} at +{delay:.2f} s left {sorted(tables & NEW_IN_0002)}"
        else:
            assert revision == head_revision() and tables >= NEW_IN_0002
        if not killed or revision != "0001":
            break  # the migration finished before the kill: nothing more to interrupt
    db = Database(url)
    prepare_database(db)
    assert current_revision(db) == head_revision()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 2
        assert s.scalar(select(func.count()).select_from(Trial)) == 4
    db.dispose()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "accounts.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.close()
    before = path.read_bytes()
    db = Database(f"sqlite:///{path}")
    with pytest.raises(errors.StorageError, match="another program"):
        prepare_database(db)
    db.dispose()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.sqlite3"]
