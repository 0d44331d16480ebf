"""`hiptrack export --patient CHART --out FILE.csv [--traces DIR]`: trial-level results as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiptrack.cli.common import fail


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write a patient's trials as CSV (the import's columns, then computed metrics)",
        description="Accepted trials go to FILE.csv, which `hiptrack import` reads. Rejected trials, if any, go to "
        "FILE.rejected.csv, whose force column is named rejected_peak_force so that it cannot be imported as "
        "accepted trials by mistake.",
    )
    parser.add_argument("--patient", required=True, metavar="CHART", help="the patient's chart number")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.csv", help="where to write the CSV")
    parser.add_argument("--traces", type=Path, metavar="DIR", help="also write each stored trace as DIR/<trial>.csv")
    parser.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import open_database, storage_failure
    from hiptrack.domain.errors import DomainError
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.patients import require_by_chart
    from hiptrack.storage.results_export import export_results

    if args.out.is_dir():
        return fail(f"{args.out} is a folder; give a file name ending in .csv")
    if args.traces is not None and args.traces.exists() and not args.traces.is_dir():
        return fail(f"{args.traces} is a file; --traces needs a folder")
    try:
        db, _report = open_database(args, read_only=True)
        with db.session() as s:
            patient = require_by_chart(s, args.patient)
            report = export_results(s, patient.id, args.out, args.traces)
    except StorageError as exc:
        return storage_failure(exc)
    except DomainError as exc:
        return fail(str(exc))
    print(report.summary(args.out))
    return 0
