"""`hiptrack audit [--patient CHART] [--user NAME] [--since DATE] [--until DATE] [--out FILE.csv]` and
`hiptrack db verify-audit`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiptrack.cli.common import fail, iso_date, open_database, storage_failure


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "audit", help="the audit trail as CSV: who created, changed, viewed, printed or exported what, and when",
    )
    parser.add_argument("--patient", metavar="CHART", help="only events about this patient")
    parser.add_argument("--user", metavar="NAME", help="only events by this user (display name as recorded)")
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="from this day (UTC)")
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="up to and including this day (UTC)")
    parser.add_argument("--out", type=Path, metavar="FILE.csv", help="write to a file instead of the terminal")
    parser.set_defaults(func=cmd_audit)


def register_verify(db_actions: argparse._SubParsersAction) -> None:
    verify = db_actions.add_parser(
        "verify-audit", help="check the audit trail's hash chain: exit 1 if an event was changed or removed",
    )
    verify.set_defaults(func=cmd_verify_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    from hiptrack.storage.audit import record_access
    from hiptrack.storage.audit_query import AuditFilter, query_events, write_csv, write_csv_file
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.patients import require_by_chart

    if args.out is not None and args.out.is_dir():
        return fail(f"{args.out} is a folder; give a file name ending in .csv")
    try:
        db, _report = open_database(args, read_only=True)
        with db.session() as s:
            patient_id = require_by_chart(s, args.patient).id if args.patient else None
            rows = query_events(s, AuditFilter(patient_id, args.user, args.since, args.until))
            if patient_id is not None:
                record_access(s, "export", patient_id, "audit_trail", events=len(rows))
    except StorageError as exc:
        return storage_failure(exc)
    try:
        if args.out is None:
            write_csv(rows, sys.stdout)
        else:
            write_csv_file(rows, args.out)
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}")
    if args.out is not None:
        print(f"{args.out}: {len(rows)} audit event{'s' if len(rows) != 1 else ''}")
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from hiptrack.storage.audit_chain import verify_chain
    from hiptrack.storage.database import translate_error
    from hiptrack.storage.errors import StorageError

    try:
        db, _report = open_database(args, read_only=True)
        try:
            with db.engine.connect() as conn:
                report = verify_chain(conn)
        except Exception as exc:
            raise translate_error(exc, db.url) from exc
    except StorageError as exc:
        return storage_failure(exc)
    if report.intact:
        print(f"Audit trail intact: {report.events} events, hash chain unbroken.")
        return 0
    for problem in report.problems:
        print(f"hiptrack: audit trail: {problem}", file=sys.stderr)
    return fail(
        f"the audit trail of {db.description} was altered ({len(report.problems)} problem(s) above). "
        "Keep this database and its backups unchanged and tell the clinic's administrator."
    )
