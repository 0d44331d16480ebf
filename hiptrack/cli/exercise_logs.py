"""`hiptrack import-logs FILE.csv`: import home-exercise logs (docs/exercise_log_csv.md).

All or nothing: a file with any bad row imports nothing and every bad row is listed with its line
number. Importing the same file again adds nothing.

Exit codes: 0 imported (or nothing new), 1 the file was refused, 2 the database failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-logs", help="import home-exercise log entries from a CSV file (all rows or none)",
        description="Import home-exercise log entries from a UTF-8 CSV file. Columns: chart_number, performed_on "
        "(YYYY-MM-DD), exercise_code, and optionally side, sets_done, reps_done, hold_s, resistance_kg, "
        "resistance_level, pain_during, difficulty, notes, done_as_prescribed. See docs/exercise_log_csv.md.",
    )
    parser.add_argument("file", metavar="FILE.csv", type=Path, help="the CSV file to import")
    parser.add_argument("--dry-run", action="store_true", help="check the file and report, but import nothing")
    parser.set_defaults(func=cmd_import_logs)


def cmd_import_logs(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import fail, open_database, storage_failure
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.exercise_log_import import ImportFileError, import_exercise_logs
    from hiptrack.storage.exercises import sync_catalog

    path: Path = args.file
    if not path.is_file():
        return fail(f"{path} does not exist or is not a file")
    try:
        db, _ = open_database(args)
    except StorageError as exc:
        return storage_failure(exc)
    try:
        with db.session() as session:
            sync_catalog(session)
            report = import_exercise_logs(session, path, dry_run=args.dry_run)
    except ImportFileError as exc:
        return fail(str(exc), 1)
    except StorageError as exc:
        return storage_failure(exc)
    finally:
        db.dispose()
    if not report.ok:
        print(f"hiptrack: {path.name}: {report.summary()}", file=sys.stderr)
        return 1
    prefix = "Dry run, nothing written. " if args.dry_run else ""
    print(f"{path.name}: {prefix}{report.summary()}")
    return 0
