"""What every entry point does to a database before using it: migrate, then load reference data.

The GUI, `hiptrack check` and every CLI subcommand go through `open_and_prepare`, so a database is
never used half-prepared.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError

from hiptrack.storage.database import Actor, Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.exercises import sync_catalog
from hiptrack.storage.migrate import MigrationReport, prepare_database

log = logging.getLogger(__name__)


def open_and_prepare(url: str, actor: Actor | None = None, backup: bool = True) -> tuple[Database, MigrationReport]:
    db = Database(url, actor=actor)
    try:
        report = prepare_database(db, backup=backup)
        load_reference_data(db)
    except StorageError:
        db.dispose()
        raise
    return db, report


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
