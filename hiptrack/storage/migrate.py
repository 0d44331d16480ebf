"""Start-up sequence for a database: check, back up, migrate to head.

1. Open the database and make sure it is one (a damaged file is reported and left untouched).
2. Refuse a schema newer than this app knows, rather than corrupt it.
3. Copy an SQLite file to a timestamped backup before anything changes it.
4. Upgrade to head with Alembic, run in code with the migrations shipped in `db/migrations`.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from hiptrack import __version__, paths
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage import backups, errors
from hiptrack.storage.audit_chain import install_guards
from hiptrack.storage.backups import (
    STARTUP_BACKUPS_KEPT,
    backup_database_file,
    newest_backup_hint,
    open_read_only,
)
from hiptrack.storage.database import SQLITE_BUSY_TIMEOUT_MS, Database, sqlite_path, translate_error

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Up to this size a full integrity_check costs under a second (bench/storage_checks.py: 0.35 s at 69 MB on
# the reference PC, warm cache); larger files get quick_check at start and their full check on the
# start-up backup's copy.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


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
    path = sqlite_path(db.url)
    try:
        if path is not None:
            check_sqlite_file(path, db.description)
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except errors.StorageError:
        raise
    except Exception as exc:
        raise translate_error(exc, db.url) from exc


def integrity_check_kind(path: Path) -> str:
    """`integrity_check` (every index against its table) when it costs under a second, else
    `quick_check`; the full check of a larger file is done on its start-up backup's copy."""
    return "integrity_check" if path.stat().st_size <= FULL_CHECK_MAX_BYTES else "quick_check"


# The full check stays at start (issue 16: one flipped index rowid passes quick_check and showed
# another patient's results). What is saved is the waiting: the GUI starts the check on a worker
# thread while it imports its windows (SQLite runs the check without the GIL), and the open that
# follows takes that verdict instead of checking again, but only for the very file state that was
# checked: same file, size and modification time, same write-ahead log. Anything else is checked
# again, on the spot. On the project machine, quiet: 16 ms at 10,000 patients (3 MB), 0.25 s at
# 100,000 (18 MB), where quick_check would cost 0.05 s but miss that damage.
_FileState = tuple[tuple[int, int, int] | None, ...]
_background: dict[Path, tuple[threading.Thread, _FileState, list[BaseException | None]]] = {}
_background_lock = threading.Lock()


def _file_state(path: Path) -> _FileState:
    states: list[tuple[int, int, int] | None] = []
    for part in (path, Path(f"{path}-wal")):
        try:
            st = part.stat()
        except OSError:
            states.append(None)
        else:
            # An empty write-ahead log holds nothing: the read-only check itself leaves one behind.
            states.append((st.st_ino, st.st_size, st.st_mtime_ns) if st.st_size or part == path else None)
    return tuple(states)


def check_sqlite_file_in_background(path: Path, description: str) -> threading.Thread:
    """Start `check_sqlite_file` on a worker thread; the next check of this file waits for it."""
    state = _file_state(path)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            _check_sqlite_file_now(path, description)
        except BaseException as exc:  # handed to the thread that opens the file, raised there
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, name="integrity-check", daemon=True)
    with _background_lock:
        _background[path.resolve()] = (thread, state, outcome)
    thread.start()
    return thread


def check_sqlite_file(path: Path, description: str) -> None:
    """Check an existing SQLite file read-only, before hiptrack's engine touches it (its connect
    hook switches the file to WAL): damaged, or another program's database, it is left as it is."""
    with _background_lock:
        started = _background.pop(path.resolve(), None)
    if started is not None:
        thread, state, outcome = started
        thread.join()
        if outcome and state == _file_state(path):
            if outcome[0] is not None:
                raise outcome[0]
            return
    _check_sqlite_file_now(path, description)


def _check_sqlite_file_now(path: Path, description: str) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open_read_only(path) as conn:
        kind = integrity_check_kind(path)
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {kind}").fetchall()]
        if rows != ["ok"]:
            raise errors.DatabaseCorrupt(
                Phrase(QT_TRANSLATE_NOOP("Labels", "The {description} failed its {check} ({values}). It "
                                                   "has not been changed and was not backed up over the "
                                                   "existing backups.{hint}"),
                       description=description, check=kind.replace('_', ' '), values='; '.join(rows[:3]), hint=newest_backup_hint(path))
            )
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    if tables and "alembic_version" not in tables:
        raise errors.ForeignDatabase(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The {description} is an SQLite database of another program "
                                               "(it has tables such as '{tables}' but no hiptrack schema). "
                                               "hiptrack has not changed it; point --database at a "
                                               "hiptrack database or at a new file."),
                   description=description, tables=tables[0])
        )


def check_schema_not_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise errors.SchemaTooNew(
            Phrase(QT_TRANSLATE_NOOP("Labels", "This database was last used by a newer hiptrack (schema "
                                               "'{revision}'); this is hiptrack {version}, which only "
                                               "knows schemas up to '{head_revision}'. Install the newer "
                                               "version. The database has not been changed."),
                   revision=revision, version=__version__, head_revision=head_revision())
        )


def backup_sqlite(db: Database, reason: str, out: Path | None = None) -> Path | None:
    """A checked backup of an SQLite database (see hiptrack.storage.backups); None for PostgreSQL
    or a file that does not exist yet."""
    source = sqlite_path(db.url)
    if source is None:
        return None
    return backup_database_file(source, reason, out)


def prune_startup_backups(db: Database, keep: int = STARTUP_BACKUPS_KEPT) -> None:
    source = sqlite_path(db.url)
    if source is not None:
        backups.prune_startup_backups(source, keep)


def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate in one transaction. On SQLite the DDL is transactional too (see
    `_sqlite_migration_engine`), so a kill at any moment leaves the old schema intact."""
    from alembic import command

    engine = _sqlite_migration_engine(db) if db.is_sqlite else db.engine
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
            if db.is_sqlite:
                _check_foreign_keys(conn)
    except errors.StorageError:
        raise
    except Exception as exc:
        raise translate_error(exc, db.url) from exc
    finally:
        if engine is not db.engine:
            engine.dispose()


def _sqlite_migration_engine(db: Database) -> Engine:
    """An engine whose transactions really enclose DDL on SQLite.

    Python's sqlite3 driver sends BEGIN only before INSERT/UPDATE/DELETE, so CREATE TABLE would
    commit on its own; here the driver's own transaction handling is switched off and every
    transaction starts with BEGIN IMMEDIATE (which also keeps other writers out meanwhile).
    Foreign keys are off while tables are rebuilt (SQLite ignores that pragma inside a
    transaction) and checked before the commit instead.
    """
    engine = create_engine(db.url, poolclass=NullPool, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys = OFF")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise errors.StorageError(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The migration would leave {count} broken links (first in "
                                               "table {broken}); it was rolled back and the database is "
                                               "unchanged."),
                   count=len(broken), broken=broken[0][0])
        )


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


def prepare_database(db: Database, backup: bool = True, startup_backup: bool = True) -> MigrationReport:
    """Everything the app does to a database before showing it to a user.

    `startup_backup=False` leaves the routine copy to the caller (the GUI makes it after its window
    is shown); a pre-migration copy is still made here, before anything changes."""
    previous = current_revision(db)
    check_writable(db)
    check_schema_not_newer(previous)
    head = head_revision()
    backup_file = None
    if backup and (startup_backup or previous != head) and _has_tables(db):
        reason = "startup" if previous == head else f"pre-migration-{previous or 'unversioned'}"
        backup_file = backup_sqlite(db, reason)
        prune_startup_backups(db)
    if previous != head:
        log.info("migrating database from %s to %s", previous, head)
        upgrade(db)
    install_database_guards(db)
    return MigrationReport(previous, head, backup_file)


def install_database_guards(db: Database) -> None:
    """Re-create any missing append-only/no-delete trigger (an SQLite table rebuilt by a migration
    loses its triggers)."""
    try:
        with db.engine.begin() as conn:
            install_guards(conn)
    except Exception as exc:
        raise translate_error(exc, db.url) from exc


def _has_tables(db: Database) -> bool:
    try:
        with db.engine.connect() as conn:
            return bool(inspect(conn).get_table_names())
    except Exception as exc:
        raise translate_error(exc, db.url) from exc
