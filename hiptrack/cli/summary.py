"""`hiptrack summary --patient CHART [--json]`: results per visit and muscle."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from hiptrack.cli.common import fail

if TYPE_CHECKING:
    from hiptrack.domain.summary import MuscleSummary, PatientSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("summary", help="print a patient's strength results per visit and muscle")
    parser.add_argument("--patient", required=True, metavar="CHART", help="the patient's chart number")
    parser.add_argument("--json", action="store_true", help="machine-readable JSON for scripts and other systems")
    parser.set_defaults(func=cmd_summary)


def cmd_summary(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import open_database, storage_failure
    from hiptrack.domain.errors import DomainError
    from hiptrack.storage.audit import record_access
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.patients import require_by_chart
    from hiptrack.storage.results import patient_summary

    try:
        db, _report = open_database(args, read_only=True)
        with db.session() as s:
            patient = require_by_chart(s, args.patient)
            summary = patient_summary(s, patient.id)
            header = {"chart_number": patient.chart_number, "involved_side": patient.involved_side}
            record_access(s, "view", patient.id, "summary", format="json" if args.json else "text")
    except StorageError as exc:
        return storage_failure(exc)
    except DomainError as exc:
        return fail(str(exc))
    if args.json:
        print(json.dumps({"patient": header, **summary.to_json_dict()}, indent=2, default=str))
    else:
        print(format_summary(summary, header))
    return 0


def _n(value: float | None, fmt: str = ".1f") -> str:
    return "—" if value is None else format(value, fmt)


def _row_text(m: MuscleSummary) -> list[str]:
    from hiptrack.domain.positions import test_title

    flag = f"{m.flag_symbol} {m.flag_label}" if m.flag_label else "—"
    lines = [
        f"  {test_title(m.muscle, m.position, m.method)}",
        f"    left {_n(m.left_n)} N   right {_n(m.right_n)} N   asymmetry {_n(m.asymmetry_pct)} % "
        f"{'(' + m.weaker_side + ' weaker)' if m.weaker_side else ''}  {flag}",
        f"    N/kg L {_n(m.left_n_per_kg, '.2f')}{m.mark('left_n_per_kg')} "
        f"R {_n(m.right_n_per_kg, '.2f')}{m.mark('right_n_per_kg')}   "
        f"Nm/kg L {_n(m.left_nm_per_kg, '.2f')}{m.mark('left_nm_per_kg')} "
        f"R {_n(m.right_nm_per_kg, '.2f')}{m.mark('right_nm_per_kg')}   "
        f"CV L {_n(m.cv_left_pct)} % R {_n(m.cv_right_pct)} %   LSI {_n(m.lsi_pct)} %",
    ]
    for kind in ("previous", "baseline"):
        parts = []
        for side, change in (m.change.get(kind) or {}).items():
            if change:
                mark = " beyond MDC" if change.get("beyond_mdc") else ""
                parts.append(f"{side} {change.get('delta', 0):+.1f} {change.get('unit', '')}{mark}"
                             f"{m.change_mark(change)}")
        if parts:
            lines.append(f"    change vs {kind}: " + ", ".join(parts))
    if m.asymmetry_basis == "torque":
        lines.append("    asymmetry and LSI compare torque: the lever arms differ")
    lines += [f"    {line}" for line in m.mark_notes()]
    return lines


def format_summary(summary: PatientSummary, header: dict[str, Any]) -> str:
    if not summary.visits:
        return f"Patient {header['chart_number']}: no strength tests recorded yet."
    out = [f"Patient {header['chart_number']}"]
    for visit in summary.visits:
        mass = f"{visit.body_mass_kg:.1f} kg" if visit.body_mass_kg else "body mass not recorded"
        if visit.body_mass_note:
            mass += f", {visit.body_mass_note}"
        unfinished = "" if visit.complete else "  UNFINISHED (battery not completed; not compared)"
        out.append(f"\n{visit.date.isoformat()}  ({mass}){unfinished}")
        for muscle in visit.muscles:
            out += _row_text(muscle)
    return "\n".join(out)
