"""What every entry point does to a database before using it: migrate, then load reference data.

The GUI, `hiptrack check` and every CLI subcommand go through `open_and_prepare`, so a database is
never used half-prepared.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError

from hiptrack import paths
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.private_files import tighten_data_files
from hiptrack.storage.backups import backup_folder
from hiptrack.storage.database import Actor, Database, describe, normalise_url, sqlite_path
from hiptrack.storage.errors import DatabaseMissing, StorageError
from hiptrack.storage.exercises import sync_catalog
from hiptrack.storage.migrate import (
    MigrationReport,
    check_sqlite_file_in_background,
    current_revision,
    head_revision,
    prepare_database,
)

log = logging.getLogger(__name__)


def open_and_prepare(
    url: str, actor: Actor | None = None, backup: bool = True, startup_backup: bool = True
) -> tuple[Database, MigrationReport]:
    db = Database(url, actor=actor)
    database = sqlite_path(db.url)
    folders = [paths.data_dir(), paths.log_dir()] + ([backup_folder(database)] if database is not None else [])
    tighten_data_files(folders, database)
    try:
        report = prepare_database(db, backup=backup, startup_backup=startup_backup)
        load_reference_data(db)
    except StorageError:
        db.dispose()
        raise
    return db, report


def start_integrity_check(url: str) -> None:
    """Begin the start-up integrity check of an SQLite file on a worker thread, for the app to
    import its windows meanwhile; opening the database then takes its verdict
    (migrate.check_sqlite_file_in_background). Nothing to do for PostgreSQL or a missing file."""
    try:
        parsed = normalise_url(url)
    except StorageError:
        return  # opening the database reports the bad URL
    path = sqlite_path(parsed)
    if path is not None and path.is_file():
        check_sqlite_file_in_background(path, describe(parsed))


def open_existing(url: str, actor: Actor | None = None) -> tuple[Database, MigrationReport]:
    """For commands that only read: a database that does not exist is refused, never created, and
    no routine backup is made. (An older schema is still migrated, with its pre-migration backup,
    since this version cannot read it otherwise.)"""
    refuse_missing_file(url)
    db = Database(url, actor=actor)
    try:
        previous = current_revision(db)
        if previous is None:
            raise DatabaseMissing(Phrase(QT_TRANSLATE_NOOP("Labels", "The {description} holds no hiptrack "
                                                                     "data (no database was set up there)."),
                                         description=db.description))
    except StorageError:
        db.dispose()
        raise
    if previous == head_revision():
        return db, MigrationReport(previous, previous, None)
    db.dispose()
    return open_and_prepare(url, actor)


def refuse_missing_file(url: str) -> None:
    """Raise DatabaseMissing, naming the file, when an SQLite URL points at no file.

    Opening one would create it (and its folders): a mistyped URL would then answer "no patient"
    from a new empty database instead of saying what went wrong."""
    path = sqlite_path(normalise_url(url))
    if path is not None and not path.is_file():
        where = str(path) if path.is_absolute() else f"{path} (that is {path.resolve()})"
        raise DatabaseMissing(
            Phrase(QT_TRANSLATE_NOOP("Labels", "There is no database at {where}; nothing was created. "
                                               "Check the --database URL: sqlite:///name is relative to "
                                               "the current folder, sqlite:////name is an absolute path."),
                   where=where)
        )


def load_reference_data(db: Database) -> None:
    try:
        with db.session() as s:
            sync_catalog(s)
    except StorageError as exc:
        # Two workstations starting at once on an empty shared database may both insert the
        # catalog; the loser's unique-code error means the rows are there already.
        if not isinstance(exc.__cause__, IntegrityError):
            raise
        log.info("exercise catalog was loaded by another workstation at the same time")
