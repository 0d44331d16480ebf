"""Rotation of start-up backups (issue 16, item 4): only checked backups carry a backup's name,
so pruning keeps the newest good one; left-over temporary files are never counted as backups."""

from __future__ import annotations

import os
import time

from hiptrack.storage import backups
from hiptrack.storage.database import Database, sqlite_path
from hiptrack.storage.migrate import backup_sqlite, prune_startup_backups


def test_rotation_keeps_the_newest_backups_and_ignores_partial_files(sqlite_db: Database) -> None:
    source = sqlite_path(sqlite_db.url)
    assert source is not None
    made = [backup_sqlite(sqlite_db, "startup") for _ in range(5)]
    folder = backups.backup_folder(source)
    # A killed backup's temporary file, newer than every finished one.
    partial = folder / f".{source.stem}-99999999-999999-999999-startup.sqlite3.4242{backups.PARTIAL_SUFFIX}"
    partial.write_bytes(b"")
    prune_startup_backups(sqlite_db, keep=2)
    assert backups.backups_of(source) == made[-2:]
    assert partial.exists()  # not ours to judge while it may belong to a running backup

    old = time.time() - backups.STALE_PARTIAL_S - 60
    os.utime(partial, (old, old))
    newest = backup_sqlite(sqlite_db, "manual")
    assert not partial.exists(), "a stale partial file is removed by the next backup"
    assert newest is not None and backups.check_backup_file(newest) is None
