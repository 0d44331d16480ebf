"""The demo database, built once per app version, schema and day, then copied for each launch.

Building it writes a few thousand rows; copying a finished file takes milliseconds. The cache
holds invented data only, so it lives in the user's cache folder, which may be wiped at any time.
The key includes the day because the demo's visits and exercise logs run up to today.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from hiptrack import __version__, paths
from hiptrack.storage.database import Database
from hiptrack.storage.demo import populate_demo
from hiptrack.storage.migrate import head_revision
from hiptrack.storage.startup import open_and_prepare

log = logging.getLogger(__name__)


def cache_file(patients: int, today: dt.date) -> Path:
    return paths.cache_dir() / f"demo-{__version__}-schema{head_revision()}-{patients}p-{today.isoformat()}.sqlite3"


def build_demo_file(path: Path, patients: int, today: dt.date) -> None:
    """Write a complete demo database to `path` (a new file), ready to copy."""
    db, _report = open_and_prepare(paths.sqlite_url(path), backup=False)
    try:
        with db.session() as s:
            populate_demo(s, patients=patients, today=today)
    finally:
        db.dispose()
    # One self-contained file: fold the write-ahead log back in before the file is copied.
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def copy_demo_database(target: Path, patients: int, today: dt.date | None = None) -> bool:
    """Put a demo database at `target`; True when it came from the cache, False when built now."""
    today = today or dt.date.today()
    cached = cache_file(patients, today)
    hit = cached.is_file()
    if not hit:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f".{cached.name}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        try:
            build_demo_file(partial, patients, today)
            os.replace(partial, cached)  # a half-built file never carries the cache's name
        finally:
            partial.unlink(missing_ok=True)
        for old in cached.parent.glob("demo-*.sqlite3"):
            if old != cached:
                old.unlink(missing_ok=True)
        log.info("demo database built and cached (%d patients)", patients)
    shutil.copyfile(cached, target)
    return hit


def patient_count(db: Database) -> int:
    from sqlalchemy import func, select

    from hiptrack.storage.models import Patient

    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Patient)) or 0)
