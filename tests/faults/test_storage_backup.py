"""Backups under faults (issue 16, items 2 and 4): a kill during a backup, a damaged index,
a backup chosen for restoring.

Whether a backup file is good is judged here with plain sqlite3 (integrity_check and the patient
count), independently of hiptrack's own check.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.patients import create_patient
from tests.faults.conftest import child_env, hiptrack_command, kill_moments, kill_when, run_child

PATIENTS = 40


def _make_database(path: Path, trace_bytes: int = 0) -> None:
    """A migrated hiptrack database with PATIENTS patients and, optionally, bulky trace blobs."""
    db = Database(f"sqlite:///{path}")
    prepare_database(db)
    with db.session() as s:
        for i in range(PATIENTS):
            create_patient(s, PatientFields(f"HT-{i:05d}", f"Last{i}", f"First{i}", dt.date(1970, 1, 1) + dt.timedelta(days=i),
                                            "female", None, None, None, ""))
    db.dispose()
    if trace_bytes:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS ballast (id INTEGER PRIMARY KEY, blob BLOB)")
            conn.executemany("INSERT INTO ballast (blob) VALUES (?)",
                             ((os.urandom(4000),) for _ in range(trace_bytes // 4000)))
        sqlite3.connect(path).close()


def _is_good_backup(path: Path) -> bool:
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                return False
            return int(conn.execute("SELECT count(*) FROM patients").fetchone()[0]) == PATIENTS
    except sqlite3.DatabaseError:
        return False


def _named_backups(folder: Path) -> list[Path]:
    """Files that a clinician or admin would take for backups (hidden temporary files excluded)."""
    return sorted(p for p in folder.glob("*.sqlite3")) if folder.exists() else []


BACKUP_DRIVER = """
import pathlib, sys
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import backup_sqlite
db = Database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
backup_sqlite(db, "startup")
"""


def test_kill_during_startup_backup_never_leaves_a_file_that_looks_like_a_backup(tmp_path: Path) -> None:
    database = tmp_path / "clinic.sqlite3"
    _make_database(database, trace_bytes=30_000_000)
    backups = tmp_path / "backups"
    for attempt, delay in enumerate(kill_moments(seed=1602, count=4, low_s=0.0, high_s=0.6)):
        ready = tmp_path / f"ready-{attempt}"
        proc = subprocess.Popen(
            [*hiptrack_command()[:1], "-c", BACKUP_DRIVER, f"sqlite:///{database}", str(ready)],
            env=child_env(tmp_path / "home"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        kill_when(proc, ready, delay)
        for backup in _named_backups(backups):
            assert _is_good_backup(backup), f"kill {attempt} at +{delay:.2f} s left {backup.name}, which is not a good backup"
    # The next start-up still backs up, and its backup is the newest and good.
    db = Database(f"sqlite:///{database}")
    report = prepare_database(db)
    db.dispose()
    assert report.backup is not None and _named_backups(backups)[-1] == report.backup
    assert _is_good_backup(report.backup)


def _flip_index_rowid(path: Path, chart: bytes, new_rowid: int) -> None:
    """Point the chart-number index entry of `chart` at another patient's row (one byte)."""
    data = bytearray(path.read_bytes())
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'patients' "
                            "AND sql IS NULL").fetchone()[0]  # the UNIQUE(chart_number) auto-index
    page = (root - 1) * page_size
    at = data.index(chart, page, page + page_size)
    # Index record body: the key text, then the rowid as a 1-byte integer.
    data[at + len(chart)] = new_rowid
    path.write_bytes(bytes(data))


def test_damaged_index_is_caught_at_start_and_never_backed_up_over_good_backups(tmp_path: Path) -> None:
    database = tmp_path / "clinic.sqlite3"
    _make_database(database)
    db = Database(f"sqlite:///{database}")
    good = prepare_database(db).backup
    db.dispose()
    assert good is not None
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    _flip_index_rowid(database, b"HT-00005", 7)
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)], "the damage must be one quick_check misses"
    before = _named_backups(tmp_path / "backups")

    db = Database(f"sqlite:///{database}")
    with pytest.raises(errors.DatabaseCorrupt) as caught:
        prepare_database(db)
    db.dispose()
    assert f"hiptrack db restore {good}" in str(caught.value)
    assert _named_backups(tmp_path / "backups") == before


def test_db_restore_checks_the_backup_and_keeps_the_current_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{database}"
    _make_database(database)
    made = run_child(hiptrack_command("--database", url, "db", "backup", "--out", str(tmp_path / "chosen.sqlite3")),
                     child_env(home))
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(database) as conn:  # a mistake to undo, made by hand past hiptrack's no-delete guard
        conn.execute("DROP TRIGGER patients_no_delete")
        conn.execute("DELETE FROM patients WHERE chart_number = 'HT-00001'")

    # A truncated copy is refused and nothing changes.
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes((tmp_path / "chosen.sqlite3").read_bytes()[:8192])
    refused = run_child(hiptrack_command("--database", url, "db", "restore", str(broken)), child_env(home))
    assert refused.returncode != 0 and "cannot be restored" in refused.stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == PATIENTS - 1

    restored = run_child(hiptrack_command("--database", url, "db", "restore", str(tmp_path / "chosen.sqlite3")),
                         child_env(home))
    assert restored.returncode == 0, restored.stderr
    assert _is_good_backup(database)
    saved = [p for p in _named_backups(tmp_path / "backups") if "pre-restore" in p.name]
    assert len(saved) == 1
    with sqlite3.connect(saved[0]) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == PATIENTS - 1
