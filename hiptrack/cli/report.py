"""`hiptrack report --patient CHART --out FILE.pdf [--kind clinician|patient|program] [--visit DATE]`.

Qt is imported only when the command runs, so other subcommands start without it; the platform
defaults to offscreen (a QGuiApplication is needed for fonts, a display is not).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from hiptrack.cli.common import fail, iso_date

KINDS = ("clinician", "patient", "program", "referral")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write a PDF: clinician summary, patient progress, home-exercise handout or referral letter",
        description="Write an A4 PDF for one patient. Without --visit the latest visit is used.",
    )
    parser.add_argument("--patient", required=True, metavar="CHART", help="the patient's chart number")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--kind", choices=KINDS, default="clinician", help="which report (default: clinician)")
    parser.add_argument("--visit", type=iso_date, metavar="YYYY-MM-DD", help="report as of this visit")
    parser.add_argument("--overwrite", action="store_true", help="replace FILE.pdf if it already exists")
    parser.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hiptrack.cli.common import open_database, storage_failure
    from hiptrack.domain.errors import DomainError
    from hiptrack.reports.build import ReportError, load_report_data
    from hiptrack.reports.render import ensure_gui_application, write_report
    from hiptrack.storage.audit import record_access
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.patients import require_by_chart

    out: Path = args.out
    if out.exists() and out.is_dir():
        return fail(f"{out} is a folder; give a file name ending in .pdf")
    if out.exists() and not args.overwrite:
        # A report already filed (perhaps signed and sent) is never replaced by accident.
        return fail(f"{out} already exists; add --overwrite to replace it")
    # The translator comes with the application, and the report data already holds translated
    # labels (positions, set-ups, pads), so the application must exist before the data is built.
    ensure_gui_application()
    try:
        db, _report = open_database(args, read_only=True)
        with db.session() as s:
            patient = require_by_chart(s, args.patient)
            data = load_report_data(s, patient.id, args.visit)
            record_access(s, "print", patient.id, "pdf_report", kind=args.kind, file=out.name)
    except StorageError as exc:
        return storage_failure(exc)
    except (DomainError, ReportError) as exc:
        return fail(str(exc))
    try:
        pages = write_report(data, args.kind, out)
    except OSError as exc:
        return fail(f"cannot write {out}: {exc.strerror or exc}")
    except ReportError as exc:
        return fail(str(exc))
    print(f"{out}: {args.kind} report, {pages} page{'s' if pages != 1 else ''}")
    return 0
