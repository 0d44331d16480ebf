"""Round trip import → export → import with the issue-3 import, on SQLite and PostgreSQL; the CLI."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.models import BodyMass, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.patients import find_by_chart
from hiptrack.storage.results import patient_summary
from hiptrack.storage.results_export import EXPORT_COLUMNS, export_results, rejected_path_for
from hiptrack.storage.results_import import COLUMNS, ImportFailed, import_results
from tests.integration.test_cli import hiptrack
from tests.unit.reports import data as D
from tests.unit.results.test_results_import import row, write

TODAY = dt.date(2026, 11, 23)
IMPORTED = (
    row(side="left", trial="1", peak_force="200"), row(side="left", trial="2", peak_force="210"),
    row(side="right", trial="1", peak_force="180"), row(side="right", trial="2", peak_force="50", unit="lbf"),
    row(visit_date="2026-04-01", side="left", trial="1", peak_force="20.5", unit="kgf", body_mass_kg=""),
    row(visit_date="2026-04-01", side="right", trial="1", peak_force="189"),
    row(visit_date="2026-04-01", muscle="gluteus_maximus", side="left", trial="1", peak_force="230", lever_arm_m=""),
)
IDS = {"visit_id", "trial_id"}


def counts(db: Database) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (Patient, Visit, StrengthTest, Trial, BodyMass))


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def without_ids(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{k: v for k, v in r.items() if k not in IDS} for r in rows]


def test_import_export_import_adds_nothing_and_keeps_the_numbers(db: Database, tmp_path: Path, sqlite_url: str) -> None:
    source = write(tmp_path, *IMPORTED)
    with db.session() as s:
        import_results(s, source, today=TODAY)
    before = counts(db)
    with db.session() as s:
        pid = find_by_chart(s, "H-1").id  # type: ignore[union-attr]
        report = export_results(s, pid, tmp_path / "out.csv")
        summary_before = patient_summary(s, pid).to_json_dict()
    assert report.accepted_rows == len(IMPORTED) and report.rejected_path is None
    exported = read(tmp_path / "out.csv")
    assert tuple(exported[0])[:len(COLUMNS)] == COLUMNS and tuple(exported[0]) == EXPORT_COLUMNS
    # Back into the same database: every trial is already there.
    with db.session() as s:
        again = import_results(s, tmp_path / "out.csv", today=TODAY)
    assert again.trials_created == 0 and again.trials_already_present == len(IMPORTED)
    assert counts(db) == before
    # Into an empty database, then out again: the same rows, the same computed numbers.
    other = Database(sqlite_url)
    prepare_database(other)
    with other.session() as s:
        import_results(s, tmp_path / "out.csv", today=TODAY)
    with other.session() as s:
        pid2 = find_by_chart(s, "H-1").id  # type: ignore[union-attr]
        export_results(s, pid2, tmp_path / "out2.csv")
        summary_after = patient_summary(s, pid2).to_json_dict()
    other.dispose()
    assert without_ids(read(tmp_path / "out2.csv")) == without_ids(exported)
    for a, b in zip(summary_before["visits"], summary_after["visits"], strict=True):
        assert a["muscles"] == b["muscles"] and a["body_mass_kg"] == b["body_mass_kg"]
    lbf = next(r for r in exported if r["side"] == "right" and r["trial"] == "2")
    assert (lbf["peak_force"], lbf["unit"]) == ("50.0", "lbf")  # as reported; converts to the stored newtons
    assert float(lbf["peak_force_n"]) == 50 * 4.4482216152605


def test_rejected_trials_go_to_a_file_the_import_refuses(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        pid = D.standard_patient(s)
        report = export_results(s, pid, tmp_path / "r.csv")
    assert report.rejected_rows == 1 and report.rejected_path == rejected_path_for(tmp_path / "r.csv")
    rejected = read(report.rejected_path)
    assert rejected[0]["accepted"] == "false" and rejected[0]["reject_reason"] == "pain"
    assert "peak_force" not in rejected[0] and rejected[0]["rejected_peak_force"] == "90.0"
    assert all(r["accepted"] == "true" for r in read(tmp_path / "r.csv"))
    before = counts(db)
    with db.session() as s:
        try:
            import_results(s, report.rejected_path, today=TODAY)
        except ImportFailed as exc:
            assert "missing column(s) peak_force" in str(exc)
        else:
            raise AssertionError("the rejected-trials file must not import")
    with db.session() as s:
        again = import_results(s, tmp_path / "r.csv", today=TODAY)
    assert again.trials_created == 0 and counts(db) == before


def test_metrics_columns(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
        export_results(s, pid, tmp_path / "m.csv")
    rows = read(tmp_path / "m.csv")
    first = next(r for r in rows if r["visit_date"] == "2026-08-20" and r["muscle"] == "gluteus_medius"
                 and r["side"] == "left" and r["trial"] == "2")
    assert float(first["peak_force_n"]) == 150.0 and float(first["n_per_kg"]) == 150.0 / 70.0
    assert float(first["nm"]) == 150.0 * 0.4 and float(first["nm_per_kg"]) == 150.0 * 0.4 / 70.0
    assert float(first["side_score_n"]) == 150.0 and first["weaker_side"] == "left" and first["flag"] == "red"
    assert float(first["asymmetry_pct"]) == pytest.approx((205.0 - 150.0) / 205.0 * 100)


def demo_database(tmp_path: Path, change: Callable[[Session], object] | None = None) -> str:
    """URL of an SQLite file holding one demo patient (HT-01001, 12 trials with traces)."""
    from hiptrack.storage.demo import populate_demo

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    db = Database(url)
    prepare_database(db)
    with db.session() as s:
        populate_demo(s, patients=1)
        if change is not None:
            change(s)
    db.dispose()
    return url


def test_cli_export_with_traces(tmp_path: Path) -> None:
    url = demo_database(tmp_path)
    out, traces = tmp_path / "export" / "p.csv", tmp_path / "traces"
    result = hiptrack("export", "--patient", "HT-01001", "--out", str(out), "--traces", str(traces), "--database", url)
    assert result.returncode == 0, result.stderr
    assert "accepted trials" in result.stdout and "12 traces" in result.stdout
    rows = read(out)
    with_trace = [r for r in rows if r["trace_file"]]
    assert len(with_trace) == 12
    trace = (traces / with_trace[0]["trace_file"]).read_text().splitlines()
    assert trace[0] == "t_s,force_n" and len(trace) == 501
    peak = max(float(line.split(",")[1]) for line in trace[1:])
    assert abs(peak - float(with_trace[0]["peak_force_n"])) < 0.1
    imported = hiptrack("import", str(out), "--database", url)
    assert imported.returncode == 0 and "0 trials created" in imported.stdout
    missing = hiptrack("export", "--patient", "NOPE", "--out", str(out), "--database", url)
    assert missing.returncode == 1 and missing.stderr.strip() == "hiptrack: no patient with chart number NOPE"


def test_a_typical_lever_stays_typical_through_export_and_import(sqlite_db: Database, tmp_path: Path) -> None:
    """Issue 11: a default never becomes a measurement. The export says where each lever came from
    and which mass date the normalisation used; importing it elsewhere keeps a typical lever typical."""
    from hiptrack.storage.visits import ensure_test, save_trial, start_visit

    with sqlite_db.session() as s:
        pid = D.add_patient(s, "T-1")
        visit = start_visit(s, pid, dt.date(2026, 3, 3), None, "standard_hip", body_mass_kg=70.0)
        test = ensure_test(s, visit, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=0.40, lever_source="typical")
        save_trial(s, test, peak_force_n=200.0, entry="manual")
        export_results(s, pid, tmp_path / "out.csv")
    exported = read(tmp_path / "out.csv")
    assert exported[0]["lever_source"] == "typical" and exported[0]["normalised_with_mass_on"] == "2026-03-03"
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    prepare_database(other)
    with other.session() as s:
        import_results(s, tmp_path / "out.csv", today=TODAY)
    with other.session() as s:
        stored = s.scalars(select(StrengthTest)).one()
        assert (stored.lever_arm_m, stored.lever_source, stored.lever_measured_on) == (0.40, "typical", None)
    other.dispose()
