"""Access events for PDF and CSV exports, `hiptrack audit --patient`, and `hiptrack db verify-audit`
detecting a hand-edited trail: real subprocesses, as a clinic admin runs them."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from tests.integration.test_cli import hiptrack
from tests.unit.reports import data as D


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "clinic.sqlite3"
    db = Database(f"sqlite:///{path}")
    prepare_database(db)
    with db.session() as s:
        D.standard_patient(s, "R-1")
        D.add_patient(s, "OTHER-2")
    db.dispose()
    return f"sqlite:///{path}", path


def _audit_csv(url: str, *args: str) -> list[dict[str, str]]:
    result = hiptrack("audit", *args, "--database", url)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_pdf_csv_fhir_and_summary_are_recorded_and_listed_per_patient(clinic: tuple[str, Path], tmp_path: Path) -> None:
    url, _path = clinic
    assert hiptrack("report", "--patient", "R-1", "--out", str(tmp_path / "r.pdf"), "--kind", "patient",
                    "--database", url).returncode == 0
    assert hiptrack("export", "--patient", "R-1", "--out", str(tmp_path / "r.csv"), "--database", url).returncode == 0
    assert hiptrack("summary", "--patient", "R-1", "--json", "--database", url).returncode == 0
    assert hiptrack("fhir", "--patient", "R-1", "--out", str(tmp_path / "r.json"), "--database", url).returncode == 0
    rows = _audit_csv(url, "--patient", "R-1")
    access = [(r["action"], r["entity"]) for r in rows if r["action"] in ("view", "print", "export")]
    assert access == [("print", "pdf_report"), ("export", "results_csv"), ("view", "summary"),
                      ("export", "fhir_bundle")]
    assert {r["chart_number"] for r in rows} == {"R-1"}  # the other patient's events are left out
    assert all(r["actor"] for r in rows)
    # Listing a patient's trail is itself an export of their data, and is recorded.
    again = _audit_csv(url, "--patient", "R-1")
    assert (again[-1]["action"], again[-1]["entity"]) == ("export", "audit_trail")


def test_verify_audit_passes_then_names_a_hand_edit(clinic: tuple[str, Path]) -> None:
    url, path = clinic
    ok = hiptrack("db", "verify-audit", "--database", url)
    assert ok.returncode == 0, ok.stderr
    assert "intact" in ok.stdout
    with sqlite3.connect(path) as conn:  # someone with the file drops the guard and rewrites history
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("UPDATE audit_events SET changes = '{\"notes\": \"nothing happened\"}' WHERE id = 3")
    conn.close()
    broken = hiptrack("db", "verify-audit", "--database", url)
    assert broken.returncode == 1
    assert "event 3: its content was changed" in broken.stderr
    assert "guard audit_events_no_update is missing" in broken.stderr
    # The next start puts the guard back.
    assert hiptrack("check", "--database", url).returncode == 0
    with sqlite3.connect(path) as conn, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_events SET actor = 'x'")
    conn.close()
