"""Helpers shared by subcommands: resolving the database, printing one-line failures."""

from __future__ import annotations

import argparse
import os
import sys

from hiptrack import paths
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.migrate import MigrationReport, prepare_database

DATABASE_ENV = "HIPTRACK_DATABASE_URL"


def database_url(args: argparse.Namespace) -> str:
    return getattr(args, "database", None) or os.environ.get(DATABASE_ENV) or paths.default_database_url()


def open_database(args: argparse.Namespace, migrate: bool = True) -> tuple[Database, MigrationReport | None]:
    """Open (and by default back up and migrate) the database; StorageError on failure."""
    db = Database(database_url(args))
    report = prepare_database(db) if migrate else None
    return db, report


def fail(message: str, code: int = 1) -> int:
    """Print a one-line reason to stderr and return the exit code."""
    print(f"hiptrack: {' '.join(message.split())}", file=sys.stderr)
    return code


def storage_failure(exc: StorageError) -> int:
    return fail(str(exc), 2)
