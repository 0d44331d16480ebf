"""Helpers shared by subcommands: resolving the database, printing one-line failures."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

from hiptrack import paths

if TYPE_CHECKING:  # the storage stack loads when a command runs, not to print the help
    from hiptrack.storage.database import Database
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.migrate import MigrationReport

DATABASE_ENV = "HIPTRACK_DATABASE_URL"


def database_url(args: argparse.Namespace) -> str:
    return getattr(args, "database", None) or os.environ.get(DATABASE_ENV) or paths.default_database_url()


def open_database(args: argparse.Namespace, read_only: bool = False) -> tuple[Database, MigrationReport]:
    """Open, back up, migrate and load reference data; StorageError on failure.

    `read_only` commands refuse a database that does not exist rather than create it, and make no
    routine backup (they change nothing worth one)."""
    from hiptrack.storage.startup import open_and_prepare, open_existing

    url = database_url(args)
    return open_existing(url) if read_only else open_and_prepare(url)


def fail(message: str, code: int = 1) -> int:
    """Print a one-line reason to stderr and return the exit code."""
    print(f"hiptrack: {' '.join(message.split())}", file=sys.stderr)
    return code


def storage_failure(exc: StorageError) -> int:
    """Exit 1 for what the user asked wrongly (an unknown chart number), 2 for the database itself."""
    from hiptrack.storage.errors import UnknownPatient

    return fail(str(exc), 1 if isinstance(exc, UnknownPatient) else 2)


def refused(file_name: str, problems: list[str]) -> int:
    """An all-or-nothing import turned down: every problem on its own line, exit 1."""
    print(f"hiptrack: {file_name} was not imported; nothing was changed:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD options (--visit, --since, --until)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None
