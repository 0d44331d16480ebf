"""Patient data is owner-only under the common umask 022: the data folder, the database with its
-wal/-shm, backups, logs and exports; files left world-readable by an older version are tightened
at start-up with a log line."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptrack import log as hiplog
from hiptrack import paths
from hiptrack.storage.startup import open_and_prepare

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hiptrack", False):
            root.removeHandler(handler)
            handler.close()


def test_new_database_backups_and_logs_are_owner_only(umask_022: None, restore_logging: None) -> None:
    hiplog.configure(to_stderr=False)
    url = paths.default_database_url()
    db, _ = open_and_prepare(url)
    db.dispose()
    db, report = open_and_prepare(url)  # the second start backs the database up
    try:
        with db.engine.connect():  # WAL and SHM exist while a connection is open
            database = paths.default_database_path()
            for f in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
                assert f.exists() and mode(f) == 0o600, (f.name, oct(mode(f)))
        assert report.backup is not None and mode(report.backup) == 0o600
        for folder in (paths.data_dir(), paths.backup_dir(), paths.log_dir()):
            assert mode(folder) == 0o700, (folder, oct(mode(folder)))
        assert mode(paths.log_dir() / hiplog.LOG_FILE_NAME) == 0o600
    finally:
        db.dispose()


def test_exported_csv_is_owner_only(umask_022: None, tmp_path: Path) -> None:
    from tests.unit.reports import data as D

    db, _ = open_and_prepare(paths.default_database_url())
    with db.session() as s:
        D.standard_patient(s, "R-1")
    db.dispose()
    out = tmp_path / "export.csv"
    result = subprocess.run([sys.executable, "-m", "hiptrack", "export", "--patient", "R-1", "--out", str(out)],
                            capture_output=True, text=True, umask=0o022, timeout=60)
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600


def test_world_readable_files_from_an_older_version_are_tightened_at_start(
        umask_022: None, caplog: pytest.LogCaptureFixture) -> None:
    db, _ = open_and_prepare(paths.default_database_url())
    db.dispose()
    database = paths.default_database_path()
    old_backup = paths.backup_dir() / "hiptrack-old.sqlite3"
    paths.backup_dir().mkdir(parents=True, exist_ok=True)
    old_backup.write_bytes(b"")
    for path, wide in ((paths.data_dir(), 0o755), (paths.backup_dir(), 0o755), (database, 0o644), (old_backup, 0o644)):
        os.chmod(path, wide)
    with caplog.at_level(logging.INFO, logger="hiptrack.private_files"):
        db, _ = open_and_prepare(paths.default_database_url())
    db.dispose()
    assert mode(paths.data_dir()) == 0o700 and mode(paths.backup_dir()) == 0o700
    assert mode(database) == 0o600 and mode(old_backup) == 0o600
    assert any("readable by their owner only" in r.getMessage() for r in caplog.records)


def test_start_up_looks_at_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder holds the database and its backups folder, which start-up also names on their
    own: each file is checked once, not two or three times."""
    from hiptrack import private_files

    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    database = data / "hiptrack.sqlite3"
    for path in (database, Path(f"{database}-wal"), data / "backups" / "one.sqlite3"):
        path.write_bytes(b"x")
        path.chmod(0o644)
    looked: list[Path] = []
    real = private_files._too_open
    monkeypatch.setattr(private_files, "_too_open", lambda path, wanted: looked.append(path) or real(path, wanted))
    assert private_files.tighten_data_files([data, data / "backups"], database) == 5  # two folders, three files
    assert sorted(looked) == sorted(set(looked)), "a file was looked at more than once"
    assert len(looked) == 5  # data/, backups/, the database, its -wal, one backup
