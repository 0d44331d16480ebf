"""`hiptrack import FILE.csv`: historical strength results, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiptrack.domain.result_columns import COLUMNS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="import historical strength results from CSV (all or nothing)",
        description="Columns: " + ", ".join(COLUMNS) + ". UTF-8 with a header row.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.csv")
    parser.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import open_database, refused, storage_failure
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.results_import import ImportFailed, import_results

    try:
        db, _report = open_database(args)
        with db.session() as s:
            report = import_results(s, args.file)
    except ImportFailed as exc:
        return refused(args.file.name, exc.problems)
    except StorageError as exc:
        return storage_failure(exc)
    print(report.summary())
    return 0
