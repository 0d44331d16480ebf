"""`hiptrack fhir --patient CHART [--visit DATE] --out FILE.json`: a FHIR R4 bundle of strength results;
`hiptrack fhir --import FILE.json`: record such a bundle (a patient moving between clinics)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiptrack.cli.common import fail, iso_date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fhir", help="export a patient's strength results as a FHIR R4 bundle, or import one",
        description="Writes a FHIR R4 Bundle (type collection): the Patient, who measured, and per visit and muscle "
        "one Observation per side with its trials, the percent difference and the LSI (docs/fhir.md). "
        "--import records such a bundle, all or nothing.",
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--patient", metavar="CHART", help="the patient's chart number (export)")
    mode.add_argument("--import", dest="import_file", type=Path, metavar="FILE.json", help="import this bundle")
    parser.add_argument("--visit", type=iso_date, metavar="DATE", help="only the visit on this date (YYYY-MM-DD)")
    parser.add_argument("--out", type=Path, metavar="FILE.json", help="where to write the bundle (export)")
    parser.add_argument("--traces", action="store_true",
                        help="add each trial's raw force trace (valueSampledData); the file grows by about 30 kB a trial")
    parser.set_defaults(func=cmd_fhir)


def cmd_fhir(args: argparse.Namespace) -> int:
    if args.import_file is not None:
        return _import(args)
    if args.out is None:
        return fail("give --out FILE.json for the bundle")
    if args.out.is_dir():
        return fail(f"{args.out} is a folder; give a file name ending in .json")
    from hiptrack.cli.common import open_database, storage_failure
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.fhir_io import export_bundle, write_bundle
    from hiptrack.storage.patients import require_by_chart

    try:
        db, _report = open_database(args, read_only=True)
        with db.session() as s:
            patient = require_by_chart(s, args.patient)
            bundle = export_bundle(s, patient.id, args.visit, traces=args.traces)
    except StorageError as exc:
        return storage_failure(exc)
    observations = sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
    if args.visit is not None and observations == 0:
        return fail(f"no strength results on {args.visit.isoformat()} for this patient; nothing was written")
    write_bundle(bundle, args.out)
    print(f"{args.out}: FHIR R4 bundle with {len(bundle['entry'])} resources ({observations} observations)")
    return 0


def _import(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import open_database, refused, storage_failure
    from hiptrack.fhir.read import BundleRefused
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.fhir_io import import_bundle, read_bundle_file

    try:
        bundle = read_bundle_file(args.import_file)
        db, _report = open_database(args)
        with db.session() as s:
            report = import_bundle(s, bundle)
    except BundleRefused as exc:
        return refused(args.import_file.name, exc.problems)
    except StorageError as exc:
        return storage_failure(exc)
    print(report.summary())
    for note in report.notes:
        print(f"note: {note}")
    return 0
