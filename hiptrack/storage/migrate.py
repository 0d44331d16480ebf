"""Start-up sequence for a database: check, back up, migrate to head.

1. Open the database and make sure it is one (a damaged file is reported and left untouched).
2. Refuse a schema newer than this app knows, rather than corrupt it.
3. Copy an SQLite file to a timestamped backup before anything changes it.
4. Upgrade to head with Alembic, run in code with the migrations shipped in `db/migrations`.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from hiptrack import __version__, paths
from hiptrack.storage import errors
from hiptrack.storage.database import Database, sqlite_path, translate_error

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Routine start-up backups kept per database; pre-migration backups are never pruned.
STARTUP_BACKUPS_KEPT = 20


@dataclass(frozen=True)
class MigrationReport:
    previous_revision: str | None
    current_revision: str
    backup: Path | None

    @property
    def migrated(self) -> bool:
        return self.previous_revision != self.current_revision

# Alembic (and its script loading) costs a noticeable part of a start; it is imported only when a
# migration has to run. Knowing whether one is pending takes the version table and the revision
# ids written in the shipped migration files (tests check they agree with Alembic's own reading).
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.resource_path("db", "migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _shipped_revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files without importing Alembic."""
    found: dict[str, str | None] = {}
    for script in sorted(paths.resource_path("db", "migrations", "versions").glob("*.py")):
        fields = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" in fields:
            down = fields.get("down_revision", "None").strip("'\"")
            found[fields["revision"].strip("'\"")] = None if down == "None" else down
    return found


def head_revision() -> str:
    revisions = _shipped_revisions()
    heads = set(revisions) - set(revisions.values())
    assert len(heads) == 1, f"the shipped migrations must have one head, not {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_shipped_revisions())


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            _check_is_database(conn)
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except errors.StorageError:
        raise
    except Exception as exc:
        raise translate_error(exc, db.url) from exc


def _check_is_database(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    result = conn.execute(text("PRAGMA quick_check")).scalar()
    if result != "ok":
        raise errors.DatabaseCorrupt(
            f"The SQLite database failed its integrity check ({result}). It has not been changed. "
            "Restore the latest backup."
        )


def check_schema_not_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise errors.SchemaTooNew(
            f"This database was last used by a newer hiptrack (schema '{revision}'); this is hiptrack "
            f"{__version__}, which only knows schemas up to '{head_revision()}'. Install the newer version. "
            "The database has not been changed."
        )


def backup_sqlite(db: Database, reason: str, out: Path | None = None) -> Path | None:
    """Copy an SQLite database with SQLite's online backup API (safe with WAL and open readers)."""
    source = sqlite_path(db.url)
    if source is None or not source.exists() or source.stat().st_size == 0:
        return None
    if out is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = paths.backup_dir() / f"{source.stem}-{stamp}-{reason}.sqlite3"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists():
            raise errors.StorageError(f"Backup file {out} already exists; choose another name.")
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(out) as dst:
            src.backup(dst)
        dst.close()
    except sqlite3.Error as exc:
        out.unlink(missing_ok=True)
        raise translate_error(exc, db.url) from exc
    except OSError as exc:
        raise errors.DatabaseReadOnly(f"Could not write the backup {out}: {exc.strerror or exc}") from exc
    log.info("database backed up (%s) to %s", reason, out.name)
    return out


def prune_startup_backups(db: Database, keep: int = STARTUP_BACKUPS_KEPT) -> None:
    source = sqlite_path(db.url)
    if source is None or not paths.backup_dir().exists():
        return
    routine = sorted(paths.backup_dir().glob(f"{source.stem}-*-startup.sqlite3"))
    for old in routine[:-keep] if keep else routine:
        old.unlink(missing_ok=True)


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
    except errors.StorageError:
        raise
    except Exception as exc:
        raise translate_error(exc, db.url) from exc


def check_writable(db: Database) -> None:
    """Take and release SQLite's write lock, so that a database held by another program is
    reported at start-up rather than when the first trial is saved. (In WAL mode readers are never
    blocked, so reading alone would not notice.)"""
    if not db.is_sqlite:
        return
    try:
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            raw.commit()  # end any transaction the driver opened implicitly
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("ROLLBACK")
        finally:
            raw.close()
    except Exception as exc:
        raise translate_error(exc, db.url) from exc


def prepare_database(db: Database, backup: bool = True) -> MigrationReport:
    """Everything the app does to a database before showing it to a user."""
    previous = current_revision(db)
    check_writable(db)
    check_schema_not_newer(previous)
    head = head_revision()
    backup_file = None
    if backup and _has_tables(db):
        reason = "startup" if previous == head else f"pre-migration-{previous or 'unversioned'}"
        backup_file = backup_sqlite(db, reason)
        prune_startup_backups(db)
    if previous != head:
        log.info("migrating database from %s to %s", previous, head)
        upgrade(db)
    return MigrationReport(previous, head, backup_file)


def _has_tables(db: Database) -> bool:
    try:
        with db.engine.connect() as conn:
            return bool(inspect(conn).get_table_names())
    except Exception as exc:
        raise translate_error(exc, db.url) from exc
