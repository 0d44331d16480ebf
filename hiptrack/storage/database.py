"""Opening a database: engine set-up per engine, error translation, and session guards.

SQLite (the embedded default) runs in WAL mode with foreign keys enforced and a busy timeout, so
that a second hiptrack window on the same file waits briefly instead of failing. PostgreSQL is
reached by URL for clinics with several workstations.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import socket
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.private_files import private_dir, tighten
from hiptrack.storage import errors

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
# Attempts of a write that meets a busy database before its error is shown (Database.write).
WRITE_ATTEMPTS = 6

T = TypeVar("T")


@dataclass(frozen=True)
class Actor:
    """Who is making changes in a session; written into every audit event."""

    name: str
    clinician_id: int | None = None
    workstation: str = ""
    # The signed-in account's role (hiptrack.storage.accounts); None for the operating-system user
    # of command-line tools and migrations, who already holds the database file itself.
    role: str | None = None

    @classmethod
    def from_os(cls) -> Actor:
        try:
            user = getpass.getuser()
        except Exception:  # no login name in some service environments
            user = "unknown"
        return cls(name=user, workstation=socket.gethostname())


def normalise_url(url: str) -> URL:
    """Parse a database URL, accepting the bare `postgresql://` form for psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise errors.StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "'{url}' is not a database URL "
                                                                     "(expected sqlite:///FILE or "
                                                                     "postgresql://…)"),
                                         url=url)) from exc
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise errors.StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "hiptrack supports SQLite and "
                                                                     "PostgreSQL, not '{backend}'"),
                                         backend=parsed.get_backend_name()))
    return parsed


def describe(url: URL) -> str:
    """A human description of where the data lives, without the password."""
    # Marked sentences with their values (Phrase): English here, translated where a screen shows them.
    if url.get_backend_name() == "sqlite":
        return Phrase(QT_TRANSLATE_NOOP("Labels", "SQLite file {path}"), path=url.database)
    return Phrase(QT_TRANSLATE_NOOP("Labels", "PostgreSQL database '{name}' on {host}:{port}"), name=url.database,
                  host=url.host or "localhost", port=url.port or 5432)


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()
    database = _connection_file(dbapi_connection)
    if database is not None:
        # SQLite creates the file (and its -wal/-shm) under the process umask: make them owner-only.
        tighten([database, Path(f"{database}-wal"), Path(f"{database}-shm")])


def _connection_file(dbapi_connection: sqlite3.Connection) -> Path | None:
    row = dbapi_connection.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row is not None and row[2] else None


def create_db_engine(url: str | URL) -> Engine:
    parsed = normalise_url(url) if isinstance(url, str) else url
    kwargs: dict[str, Any] = {"hide_parameters": True, "future": True}
    if parsed.get_backend_name() == "postgresql":
        kwargs.update(pool_pre_ping=True, connect_args={"connect_timeout": 5, "application_name": "hiptrack"})
        engine = create_engine(parsed, **kwargs)
    else:
        path = sqlite_path(parsed)
        if path is not None:
            check_sqlite_folder(path)
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def check_sqlite_folder(path: Path) -> None:
    """Fail early, with a useful message, when the database folder cannot be written.

    SQLite in WAL mode needs to create `-wal` and `-shm` files beside the database, so a
    read-only folder breaks even reading. Probing with a real file is the only honest test:
    `os.access` lies for root and on network shares.
    """
    folder = path.parent
    try:
        if not folder.exists():
            private_dir(folder)  # a folder hiptrack creates for patient data is owner-only
        probe = folder / f".hiptrack-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise errors.DatabaseReadOnly(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The data folder {folder} is not writable ({value}). "
                                               "hiptrack needs to write there to keep the database and its "
                                               "backups. Ask your administrator for write access, or start "
                                               "hiptrack with --database pointing at a writable location."),
                   folder=folder, value=exc.strerror or exc)
        ) from exc
    if path.exists() and not os.access(path, os.W_OK):
        raise errors.DatabaseReadOnly(Phrase(QT_TRANSLATE_NOOP("Labels", "The database file {path} is "
                                                                         "read-only. hiptrack needs to "
                                                                         "write to it."),
                                             path=path))


def translate_error(exc: BaseException, url: URL) -> errors.StorageError:
    """Map driver exceptions to StorageError subclasses whose message names the problem."""
    if isinstance(exc, errors.StorageError):
        return exc
    where = describe(url)
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc) else type(exc).__name__
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
        return errors.DatabaseCorrupt(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} is damaged or is not a hiptrack database "
                                               "({message}). It has not been changed. Restore the latest "
                                               "backup (hiptrack db info shows where backups are kept)."),
                   where=where, message=message)
        )
    if "clinical records are never deleted" in lowered:
        return errors.ClinicalRecordDeletion(
            QT_TRANSLATE_NOOP("Labels", "Clinical records are never deleted, not even by direct SQL; "
                                        "archive or void them instead.")
        )
    if "audit events are append-only" in lowered:
        return errors.AuditTamperRefused(
            QT_TRANSLATE_NOOP("Labels", "Audit events are append-only: the database refused to change or "
                                        "delete one.")
        )
    if "database is locked" in lowered or "database table is locked" in lowered:
        return errors.DatabaseLocked(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} is locked by another program. Close other "
                                               "hiptrack windows or programs using it, then try again."),
                   where=where)
        )
    if "disk is full" in lowered or "no space left" in lowered or "could not extend file" in lowered:
        return errors.DiskFull(Phrase(QT_TRANSLATE_NOOP("Labels", "The disk holding the {where} is full "
                                                                  "({message}). Free some space, then try "
                                                                  "again."),
                                      where=where, message=message))
    if isinstance(exc, IntegrityError):
        return errors.ConstraintViolation(
            Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} refused the change because it breaks one of "
                                               "its rules ({message}). Nothing was saved; if another "
                                               "workstation saved the same record at the same moment, try "
                                               "again."),
                   where=where, message=message)
        )
    if isinstance(exc, DataError):
        return errors.ConstraintViolation(Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} refused a value "
                                                                             "({message}). Nothing was "
                                                                             "saved."),
                                                 where=where, message=message))
    if "readonly" in lowered or "read-only" in lowered:
        return errors.DatabaseReadOnly(Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} cannot be written "
                                                                          "({message})."),
                                              where=where, message=message))
    if "unable to open database file" in lowered:
        return errors.DatabaseReadOnly(Phrase(QT_TRANSLATE_NOOP("Labels", "The {where} cannot be opened "
                                                                          "({message}). Check the folder's "
                                                                          "permissions."),
                                              where=where, message=message))
    if url.get_backend_name() == "postgresql" and isinstance(exc, OperationalError):
        return errors.DatabaseUnreachable(
            Phrase(QT_TRANSLATE_NOOP("Labels", "Cannot reach the {where}: {message}. Check that the server "
                                               "is running and the URL is right."),
                   where=where, message=message)
        )
    if isinstance(exc, StaleDataError):
        return errors.ConcurrentEdit(
            QT_TRANSLATE_NOOP("Labels", "This record was changed on another workstation while you were "
                                        "editing it. Reopen it and apply your change again.")
        )
    return errors.StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Database error on the {where}: {message}"),
                                      where=where, message=message))


class Database:
    """An open database: the engine, a session factory, and who is acting."""

    def __init__(self, url: str | URL, actor: Actor | None = None) -> None:
        self.url = normalise_url(url) if isinstance(url, str) else url
        self.engine = create_db_engine(self.url)
        self.actor = actor or Actor.from_os()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def description(self) -> str:
        return describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            raise translate_error(exc, self.url) from exc

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: commits on success, rolls back and translates errors on failure."""
        session = self._sessions()
        session.info["actor"] = self.actor
        try:
            yield session
            session.commit()
        except errors.StorageError:
            session.rollback()
            raise
        except (DBAPIError, StaleDataError) as exc:
            session.rollback()
            raise translate_error(exc, self.url) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def write(self, work: Callable[[Session], T], on_wait: Callable[[str], None] | None = None,
              attempts: int = WRITE_ATTEMPTS) -> T:
        """Run `work` in a session; when the database is busy (another workstation or an import is
        writing), say so through `on_wait` and try again, up to `attempts` times in all.

        Each attempt already waits SQLite's busy timeout (PostgreSQL waits for row locks by
        itself), so a save gives up only after about attempts × 5 s, with the last error."""
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as s:
                    return work(s)
            except errors.DatabaseLocked:
                if attempt == attempts:
                    raise
                message = (f"The database is busy (another window or an import is writing); still waiting, "
                           f"trying again ({attempt}/{attempts - 1}). Nothing recorded is lost.")
                log.warning("database busy, retrying a write (%d/%d)", attempt, attempts - 1)
                if on_wait is not None:
                    on_wait(message)
        raise AssertionError("unreachable")  # pragma: no cover

    def dispose(self) -> None:
        self.engine.dispose()
