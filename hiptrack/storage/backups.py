"""Backups of an SQLite database that are either whole and checked, or absent.

A backup is written under a hidden temporary name in the backup folder, checked (`PRAGMA
integrity_check` and the row count of every table against the source's snapshot), then renamed
to its final name. A kill at any moment therefore leaves at most a `.partial` file, never a file
that looks like a backup; a backup that fails its check is removed and reported. Because only
checked files ever carry a backup's name, rotation (which keeps the newest start-up copies) never
deletes the newest good backup, and a damaged database is never copied over good backups: its
copy fails the check.

`restore_backup` puts a chosen backup back in place, after checking it and backing up the current
file first.

The backup folder is `backups/` beside the database file (README: "beside the database").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.private_files import private_dir, private_file
from hiptrack.storage import errors
from hiptrack.storage.database import Database, sqlite_path

log = logging.getLogger(__name__)

# Routine start-up backups kept per database; pre-migration, manual and pre-restore copies are kept.
STARTUP_BACKUPS_KEPT = 20
PARTIAL_SUFFIX = ".partial"
# A partial file older than this belongs to a killed backup, not to one still running elsewhere.
STALE_PARTIAL_S = 15 * 60
# Pages copied per step: other connections may write between steps of a long copy.
BACKUP_STEP_PAGES = 1024


def backup_folder(database: Path) -> Path:
    """Backups hold patient data too, so they live beside the database, never in a temp folder."""
    return database.parent / "backups"


def backup_location(db: Database) -> str:
    """Where this database's backups are, in words (PostgreSQL is backed up on its server)."""
    source = sqlite_path(db.url)
    return str(backup_folder(source)) if source is not None else "made on the server (pg_dump)"


def read_only_uri(path: Path) -> str:
    """A `file:` URI for sqlite3 that survives `#`, `?`, `%` and spaces in the path."""
    return f"{path.resolve().as_uri()}?mode=ro"


@contextlib.contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def table_row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def integrity_problem(conn: sqlite3.Connection, full: bool = True) -> str | None:
    """None when SQLite's own check passes, else its first complaint."""
    rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] == [("ok",)]:
        return None
    return "; ".join(str(r[0]) for r in rows[:3])


def check_backup_file(path: Path, expected_counts: dict[str, int] | None = None) -> str | None:
    """Why `path` is not a usable hiptrack backup, or None when it is."""
    try:
        with open_read_only(path) as conn:
            problem = integrity_problem(conn)
            if problem:
                return f"integrity check failed: {problem}"
            counts = table_row_counts(conn)
    except sqlite3.DatabaseError as exc:
        return f"not a readable SQLite database ({exc})"
    if "alembic_version" not in counts:
        return "not a hiptrack database (no schema version)"
    if expected_counts is not None and counts != expected_counts:
        missing = sorted(k for k in expected_counts if counts.get(k) != expected_counts[k])
        return f"row counts differ from the database in {', '.join(missing) or 'its table list'}"
    return None


def _os_error(exc: OSError, what: str) -> errors.StorageError:
    """The real cause of a failed file operation: full disk, read-only folder, or other."""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return errors.DiskFull(f"{what}: the disk is full ({reason}). Free some space, then try again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return errors.DatabaseReadOnly(f"{what}: the folder is read-only ({reason}). Ask your administrator "
                                       "for write access.")
    return errors.StorageError(f"{what}: {reason}")


def _sqlite_write_error(exc: sqlite3.Error, what: str) -> errors.StorageError:
    message = str(exc)
    lowered = message.lower()
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return errors.DiskFull(f"{what}: the disk is full ({message}). Free some space, then try again.")
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return errors.DatabaseReadOnly(f"{what}: the backup folder cannot be written ({message}).")
    return errors.StorageError(f"{what}: {message}")


def _remove_stale_partials(folder: Path) -> None:
    cutoff = time.time() - STALE_PARTIAL_S
    for partial in folder.glob(f".*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < cutoff:
                partial.unlink()


def _copy(source: Path, partial: Path) -> dict[str, int]:
    """Copy one consistent snapshot of `source` into `partial`; return that snapshot's row counts."""
    src = sqlite3.connect(read_only_uri(source), uri=True)
    dst = sqlite3.connect(partial)
    try:
        # One read transaction pins the snapshot, so the counts and the copied pages agree even
        # while another window writes.
        src.execute("BEGIN")
        counts = table_row_counts(src)
        src.backup(dst, pages=BACKUP_STEP_PAGES)
        src.rollback()
        # A backup is one self-contained file: no -wal beside it to lose when it is copied away.
        dst.execute("PRAGMA journal_mode = DELETE")
        dst.commit()
    finally:
        src.close()
        dst.close()
    return counts


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError), open(path, "rb") as fh:
        os.fsync(fh.fileno())


def write_backup(source: Path, out: Path) -> Path:
    """Copy `source` to `out` through a checked temporary file. Raises StorageError naming the cause."""
    what = f"Could not back up to {out}"
    partial = out.with_name(f".{out.name}.{os.getpid()}{PARTIAL_SUFFIX}")
    try:
        if not out.parent.exists():
            private_dir(out.parent)  # a folder hiptrack creates for patient data is owner-only
        _remove_stale_partials(out.parent)
        if out.exists():
            raise errors.StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Backup file {out} already "
                                                                         "exists; choose another name."),
                                             out=out))
        private_file(partial)  # owner-only before the first byte of patient data is copied in
        counts = _copy(source, partial)
        problem = check_backup_file(partial, counts)
        if problem:
            raise errors.BackupFailed(
                Phrase(QT_TRANSLATE_NOOP("Labels", "The backup of {name} failed its check ({problem}) and "
                                                   "was discarded. The database itself may be damaged; no "
                                                   "existing backup was replaced.{hint}"),
                       name=source.name, problem=problem, hint=newest_backup_hint(source))
            )
        _fsync(partial)
        os.replace(partial, out)
    except errors.StorageError:
        partial.unlink(missing_ok=True)
        raise
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if "malformed" in str(exc).lower() or "not a database" in str(exc).lower():
            raise errors.DatabaseCorrupt(
                Phrase(QT_TRANSLATE_NOOP("Labels", "The SQLite file {source} is damaged ({exc}); it was "
                                                   "not backed up over the existing "
                                                   "backups.{hint}"),
                       source=source, exc=exc, hint=newest_backup_hint(source))
            ) from exc
        raise _sqlite_write_error(exc, what) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _os_error(exc, what) from exc
    return out


def backup_name(source: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_folder(source) / f"{source.stem}-{stamp}-{reason}.sqlite3"


def backup_database_file(source: Path, reason: str, out: Path | None = None) -> Path | None:
    """A checked backup of the SQLite file `source`; None when there is nothing to back up yet."""
    if not source.exists() or source.stat().st_size == 0:
        return None
    out = write_backup(source, out or backup_name(source, reason))
    log.info("database backed up (%s) to %s", reason, out.name)
    return out


def backups_of(source: Path) -> list[Path]:
    """Finished backups of `source` in its backup folder, oldest first (timestamped names sort)."""
    folder = backup_folder(source)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{source.stem}-*.sqlite3") if not p.name.startswith("."))


def prune_startup_backups(source: Path, keep: int = STARTUP_BACKUPS_KEPT) -> None:
    """Delete the oldest start-up copies beyond `keep`; the newest always stays (keep >= 1)."""
    routine = [p for p in backups_of(source) if p.name.endswith("-startup.sqlite3")]
    for old in routine[:-max(keep, 1)]:
        old.unlink(missing_ok=True)


def newest_backup_hint(source: Path) -> str:
    """A sentence naming the backup to restore, for messages about a damaged database."""
    found = backups_of(source)
    if not found:
        return " No backup of it exists yet."
    return f" Restore the newest backup: hiptrack db restore {found[-1]}"


def restore_backup(backup: Path, database: Path) -> Path | None:
    """Put `backup` in place of `database`; returns the copy made of the replaced file, if any.

    Every hiptrack window using the database must be closed first. The current file is backed up
    (or, when it is too damaged to back up, copied as it is) before it is replaced, and the backup
    is copied to a temporary name beside the database, checked again, then renamed over it.
    """
    problem = check_backup_file(backup)
    if problem:
        raise errors.BackupFailed(Phrase(QT_TRANSLATE_NOOP("Labels", "{backup} cannot be restored: "
                                                                     "{problem}. The database was not "
                                                                     "changed."),
                                         backup=backup, problem=problem))
    saved = _save_current(database)
    staging = database.with_name(f".{database.name}.restore.{os.getpid()}{PARTIAL_SUFFIX}")
    what = f"Could not restore {backup.name}"
    try:
        shutil.copyfile(backup, staging)
        _fsync(staging)
        problem = check_backup_file(staging)
        if problem:
            raise errors.BackupFailed(Phrase(QT_TRANSLATE_NOOP("Labels", "{what}: the copy failed its "
                                                                         "check ({problem}). The database "
                                                                         "was not changed."),
                                             what=what, problem=problem))
        # The replaced database's -wal would be replayed onto the restored file: remove it (its
        # content is in the copy saved above).
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(staging, database)
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise _os_error(exc, what) from exc
    except errors.StorageError:
        staging.unlink(missing_ok=True)
        raise
    log.info("database restored from %s", backup.name)
    return saved


def _save_current(database: Path) -> Path | None:
    if not database.exists() or database.stat().st_size == 0:
        return None
    try:
        return backup_database_file(database, "pre-restore")
    except (errors.BackupFailed, errors.DatabaseCorrupt):
        pass
    # Too damaged for SQLite's backup: keep the raw files, -wal included, so nothing is lost.
    raw = backup_name(database, "pre-restore-damaged")
    try:
        raw.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            part = Path(f"{database}{suffix}")
            if part.exists():
                shutil.copy2(part, Path(f"{raw}{suffix}"))
    except OSError as exc:
        raise _os_error(exc, f"Could not keep a copy of {database.name} before restoring") from exc
    return raw
