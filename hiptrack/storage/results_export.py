"""Export of one patient's strength results, trial by trial (`hiptrack export`, issue 7).

The file starts with exactly the columns `hiptrack import` reads (`results_import.COLUMNS`), so an
export can be imported into another database, then adds computed metrics (the import ignores
extra columns). Forces are written in newtons at full precision, so export → import → export
gives the same numbers; importing a file back into the database it came from adds nothing
(the import skips trials already present).

Rejected trials: the import records every row as an accepted trial, so rejected trials must never
sit in an importable file. They go to a second file, `<name>.rejected.csv`, with the same columns
except that `peak_force` is named `rejected_peak_force`; `hiptrack import` refuses that file
("missing column peak_force") instead of turning rejected trials into accepted ones.

Column notes:
- `peak_force` and `unit` are the value as reported (e.g. 50 lbf) when it converts exactly to the
  stored newtons, otherwise the stored newtons; `peak_force_n` is always the stored newtons.
- `body_mass_kg` is the mass measured on the visit date (what the import records for that visit);
  `normalised_with_mass_kg` is the mass the calculations used (the latest on or before the visit),
  and `normalised_with_mass_on` the date it was taken (earlier than the visit: carried forward).
- `lever_source` says where the lever arm came from (measured, carried_forward, typical, imported,
  unknown; hiptrack.domain.provenance). The import keeps "typical" and "unknown", so a default never
  becomes a measurement by a round trip.
- `involved_side` is empty for "both" (the import accepts left, right or empty);
  `involved_side_recorded` keeps the stored value.
- Per-side and per-muscle figures (side score, asymmetry, flag) come from the patient summary and
  repeat on every trial row of that side or muscle.
- `--traces DIR` writes one CSV per trial that has a stored trace (t_s, force_n) and names it in
  the `trace_file` column. A trace that cannot be read back (a damaged blob) is skipped, its
  `trace_file` left empty, and the report names its trial; the rest is exported.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hiptrack.domain.errors import DomainError
from hiptrack.domain.normalise import n_per_kg, nm_per_kg, torque_nm
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.units import to_newtons
from hiptrack.private_files import private_open
from hiptrack.storage.audit import record_access
from hiptrack.storage.csv_cells import protect
from hiptrack.storage.errors import StorageError
from hiptrack.storage.models import BodyMass, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.patients import get_patient
from hiptrack.storage.results import patient_summary
from hiptrack.storage.results_import import ALLOWED_UNITS, COLUMNS
from hiptrack.storage.traces import TraceCorrupt, decode_trace

log = logging.getLogger(__name__)

METRIC_COLUMNS = (
    "accepted", "reject_reason", "entry", "peak_force_n", "reported_value", "reported_unit", "overload",
    "time_to_peak_s", "rfd_100_n_per_s", "rfd_200_n_per_s", "impulse_n_s", "onset_s", "analysis_version",
    "analysis_notes", "n_per_kg", "nm", "nm_per_kg", "normalised_with_mass_kg", "normalised_with_mass_on",
    "lever_source", "side_score_n", "side_trials", "cv_pct", "asymmetry_pct", "weaker_side", "flag",
    "flag_label", "lsi_pct", "fixation", "device_model", "device_serial", "involved_side_recorded", "visit_id",
    "trial_id", "trace_file",
)
EXPORT_COLUMNS = COLUMNS + METRIC_COLUMNS
REJECTED_COLUMNS = tuple("rejected_peak_force" if c == "peak_force" else c for c in EXPORT_COLUMNS)


@dataclass
class ExportReport:
    accepted_rows: int = 0
    rejected_rows: int = 0
    traces_written: int = 0
    rejected_path: Path | None = None
    unreadable_traces: list[str] = field(default_factory=list)  # trials whose stored trace is damaged

    def summary(self, out: Path) -> str:
        text = f"{out}: {self.accepted_rows} accepted trials"
        if self.rejected_path is not None:
            text += f"; {self.rejected_rows} rejected trials in {self.rejected_path.name} (not importable)"
        if self.traces_written:
            text += f"; {self.traces_written} traces"
        if self.unreadable_traces:
            text += (f"; {len(self.unreadable_traces)} stored trace(s) damaged and not written: "
                     + ", ".join(self.unreadable_traces))
        return text


def _num(value: float | None) -> str:
    """Full precision (repr), so a re-import reads back the very same float."""
    return "" if value is None else repr(float(value))


def _safe(compute: Any) -> float | None:
    try:
        return float(compute())
    except DomainError:
        return None


def _rows_by_key(session: Session, patient_id: int) -> dict[tuple[int, str, str, str], MuscleSummary]:
    out = {}
    for visit in patient_summary(session, patient_id).visits:
        for row in visit.muscles:
            out[(visit.visit_id or 0, row.muscle, row.position, row.method)] = row
    return out


def _masses(session: Session, patient_id: int) -> dict[dt.date, float]:
    rows = session.execute(
        select(BodyMass.measured_on, BodyMass.mass_kg)
        .where(BodyMass.patient_id == patient_id, BodyMass.voided.is_(False)).order_by(BodyMass.id)
    )
    return {day: mass for day, mass in rows}


def _visit_masses(session: Session, patient_id: int) -> dict[int, tuple[float | None, str]]:
    """Per visit, the mass the calculations used and the date it was taken."""
    return {
        v.visit_id or 0: (v.body_mass_kg, v.body_mass.measured_on.isoformat()
                          if v.body_mass and v.body_mass.measured_on else "")
        for v in patient_summary(session, patient_id).visits
    }


def export_rows(session: Session, patient_id: int, traces_dir: Path | None = None,
                unreadable: list[str] | None = None) -> tuple[list[dict[str, str]], list[dict[str, str]], int]:
    """(accepted rows, rejected rows, traces written), oldest visit first.

    Trials whose stored trace is damaged are named in `unreadable` and get no trace file.
    """
    patient = get_patient(session, patient_id)
    summary_rows = _rows_by_key(session, patient_id)
    mass_on_day = _masses(session, patient_id)
    summary_mass = _visit_masses(session, patient_id)
    visits = session.scalars(
        select(Visit).where(Visit.patient_id == patient_id, Visit.status != "voided")
        .options(selectinload(Visit.tests).selectinload(StrengthTest.trials))
        .order_by(Visit.visit_date, Visit.id)
    )
    accepted: list[dict[str, str]] = []
    rejected: list[dict[str, str]] = []
    traces = 0
    for visit in visits:
        for test in sorted((t for t in visit.tests if not t.voided), key=lambda t: (t.muscle, t.side, t.id)):
            row = summary_rows.get((visit.id, test.muscle, test.position, test.method))
            for trial in test.trials:
                if trial.peak_force_n is None or trial.peak_force_n <= 0:
                    continue  # nothing to import or compare (an empty or zero trial)
                trace_file = ""
                if traces_dir is not None and trial.trace:
                    try:
                        trace_file = _write_trace(traces_dir, trial, visit, test)
                        traces += 1
                    except TraceCorrupt as exc:
                        log.warning("trial id=%d: stored trace unreadable (%s); not exported", trial.id, exc)
                        if unreadable is not None:
                            unreadable.append(f"trial {trial.id} ({visit.visit_date.isoformat()} {test.muscle} "
                                              f"{test.side} #{trial.trial_number})")
                record = _record(patient, visit, test, trial, row, mass_on_day.get(visit.visit_date),
                                 summary_mass.get(visit.id, (None, "")), trace_file)
                (accepted if trial.accepted else rejected).append(record)
    return accepted, rejected, traces


def _record(patient: Patient, visit: Visit, test: StrengthTest, trial: Trial, row: MuscleSummary | None,
            mass_that_day: float | None, calc: tuple[float | None, str], trace_file: str) -> dict[str, str]:
    side = test.side
    calc_mass, calc_mass_on = calc
    force = float(trial.peak_force_n or 0.0)
    involved = patient.involved_side if patient.involved_side in ("left", "right") else ""
    record = {
        "chart_number": patient.chart_number, "last_name": patient.last_name, "first_name": patient.first_name,
        "date_of_birth": patient.date_of_birth.isoformat(), "sex": patient.sex or "", "height_m": _num(patient.height_m),
        "involved_side": involved, "visit_date": visit.visit_date.isoformat(), "body_mass_kg": _num(mass_that_day),
        "muscle": test.muscle, "side": side, "position": test.position, "method": test.method,
        "lever_arm_m": _num(test.lever_arm_m), "trial": str(trial.trial_number), **_as_reported(trial, force),
        "accepted": "true" if trial.accepted else "false", "reject_reason": trial.reject_reason or "",
        "entry": trial.entry, "peak_force_n": _num(force), "reported_value": _num(trial.reported_value),
        "reported_unit": trial.reported_unit or "", "overload": "true" if trial.overload else "false",
        "time_to_peak_s": _num(trial.time_to_peak_s), "rfd_100_n_per_s": _num(trial.rfd_100_n_per_s),
        "rfd_200_n_per_s": _num(trial.rfd_200_n_per_s), "impulse_n_s": _num(trial.impulse_n_s),
        "onset_s": _num(trial.onset_s), "analysis_version": str(trial.analysis_version or ""),
        "analysis_notes": trial.analysis_notes or "",
        "n_per_kg": _num(_safe(lambda: n_per_kg(force, calc_mass))) if calc_mass else "",
        "nm": _num(_safe(lambda: torque_nm(force, test.lever_arm_m))) if test.lever_arm_m else "",
        "nm_per_kg": _num(_safe(lambda: nm_per_kg(force, test.lever_arm_m, calc_mass)))
        if calc_mass and test.lever_arm_m else "",
        "normalised_with_mass_kg": _num(calc_mass), "normalised_with_mass_on": calc_mass_on if calc_mass else "",
        "lever_source": test.lever_source if test.lever_arm_m is not None else "", "fixation": test.fixation or "",
        "device_model": test.device_model or "", "device_serial": test.device_serial or "",
        "involved_side_recorded": patient.involved_side or "", "visit_id": str(visit.id), "trial_id": str(trial.id),
        "trace_file": trace_file,
    }
    for key in ("side_score_n", "side_trials", "cv_pct", "asymmetry_pct", "weaker_side", "flag", "flag_label",
                "lsi_pct"):
        record[key] = ""
    if row is not None:
        record.update({
            "side_score_n": _num(getattr(row, f"{side}_n")), "side_trials": str(getattr(row, f"{side}_trials")),
            "cv_pct": _num(getattr(row, f"cv_{side}_pct")), "asymmetry_pct": _num(row.asymmetry_pct),
            "weaker_side": row.weaker_side or "", "flag": row.flag or "", "flag_label": row.flag_label or "",
            "lsi_pct": _num(row.lsi_pct),
        })
    return record


def _as_reported(trial: Trial, force_n: float) -> dict[str, str]:
    """peak_force/unit as the device or clinician gave them when they convert to exactly the stored
    newtons (provenance survives a round trip), else the stored newtons."""
    value, unit = trial.reported_value, trial.reported_unit
    if value is not None and unit in ALLOWED_UNITS:
        with contextlib.suppress(DomainError):
            if to_newtons(value, unit) == force_n:
                return {"peak_force": _num(value), "unit": unit}
    return {"peak_force": _num(force_n), "unit": "N"}


def _write_trace(folder: Path, trial: Trial, visit: Visit, test: StrengthTest) -> str:
    assert trial.trace is not None
    times, forces = decode_trace(trial.trace)
    name = (f"trial{trial.id}_{visit.visit_date.isoformat()}_{test.muscle}_{test.side}_"
            f"{test.position}_{test.method}_t{trial.trial_number}.csv")
    folder.mkdir(parents=True, exist_ok=True)
    with private_open(folder / name) as fh:
        writer = csv.writer(fh)
        writer.writerow(("t_s", "force_n"))
        writer.writerows((f"{t:.6g}", f"{f:.6g}") for t, f in zip(times.tolist(), forces.tolist(), strict=True))
    return name


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    with private_open(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="raise")
        writer.writeheader()
        writer.writerows({key: protect(value) for key, value in row.items()} for row in rows)


def rejected_path_for(out: Path) -> Path:
    return out.with_name(f"{out.stem}.rejected{out.suffix or '.csv'}")


def export_results(session: Session, patient_id: int, out: Path, traces_dir: Path | None = None) -> ExportReport:
    """Write the patient's trials to `out` (and rejected ones beside it). StorageError if unwritable."""
    unreadable: list[str] = []
    accepted, rejected, traces = export_rows(session, patient_id, traces_dir, unreadable)
    report = ExportReport(len(accepted), len(rejected), traces, unreadable_traces=unreadable)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _write(out, EXPORT_COLUMNS, accepted)
        side_file = rejected_path_for(out)
        if rejected:
            renamed = [{("rejected_peak_force" if k == "peak_force" else k): v for k, v in r.items()}
                       for r in rejected]
            _write(side_file, REJECTED_COLUMNS, renamed)
            report.rejected_path = side_file
        elif side_file.exists():
            side_file.unlink()  # a stale file from an earlier export would mislead
    except OSError as exc:
        raise StorageError(f"cannot write {out}: {exc.strerror or exc}") from exc
    record_access(session, "export", patient_id, "results_csv", file=out.name, accepted=len(accepted),
                  rejected=len(rejected), traces=traces)
    log.info("exported patient id=%d: %d accepted, %d rejected trials, %d traces", patient_id, len(accepted),
             len(rejected), traces)
    return report
