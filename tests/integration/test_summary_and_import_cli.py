"""`hiptrack import` and `hiptrack summary --json` end to end, on the reference's worked examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from tests.integration.test_cli import hiptrack
from tests.unit.reports import data as D
from tests.unit.results.test_results_import import HEADER, row

REQUIRED = {
    "left_n", "right_n", "asymmetry_pct", "weaker_side", "lsi_pct", "flag", "left_n_per_kg", "right_n_per_kg",
    "left_nm_per_kg", "right_nm_per_kg", "cv_left_pct", "cv_right_pct", "norm", "change",
}


def test_import_then_summary_json_gives_clinical_md_pair_b(tmp_path: Path) -> None:
    """clinical.md §2.4 pair B (L 200 N, R 180 N): 10.00 %, right weaker, amber (Sapega); LSI 90.0 with the
    right side involved; §2.3: 200 N / 70 kg = 2.857 N/kg and 200 N × 0.35 m / 70 kg = 1.000 Nm/kg;
    §2.2: trials 200, 210, 190 → CV 5.00 % (max 210 as primary score)."""
    csv_path = tmp_path / "history.csv"
    rows = [
        row(side="left", trial="1", peak_force="200"), row(side="left", trial="2", peak_force="190"),
        row(side="right", trial="1", peak_force="180"), row(side="right", trial="2", peak_force="170"),
        row(visit_date="2026-04-01", side="left", trial="1", peak_force="200"),
        row(visit_date="2026-04-01", side="left", trial="2", peak_force="210"),
        row(visit_date="2026-04-01", side="left", trial="3", peak_force="190"),
        row(visit_date="2026-04-01", side="right", trial="1", peak_force="189"),
    ]
    csv_path.write_text("\n".join([HEADER, *rows]) + "\n")
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    imported = hiptrack("import", str(csv_path), "--database", url)
    assert imported.returncode == 0, imported.stderr
    assert "8 trials created" in imported.stdout

    result = hiptrack("summary", "--patient", "H-1", "--json", "--database", url)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first, second = data["visits"]
    # Issue 11: the JSON names the date and source of the mass used; an imported mass is marked as such.
    assert (first["body_mass_measured_on"], first["body_mass_source"]) == ("2026-02-10", "imported")
    assert first["muscles"][0]["lever"]["left"]["source"] == "imported"
    m = first["muscles"][0]
    assert set(m) >= REQUIRED
    assert (m["left_n"], m["right_n"]) == (200, 180)
    assert m["asymmetry_pct"] == pytest.approx(10.0) and m["weaker_side"] == "right" and m["flag"] == "amber"
    assert m["lsi_pct"] == pytest.approx(90.0)
    assert m["left_n_per_kg"] == pytest.approx(2.857, abs=5e-4)
    assert m["left_nm_per_kg"] == pytest.approx(1.000)
    assert first["muscles"][0]["change"]["previous"]["left"] is None  # nothing to compare the first visit with
    s = second["muscles"][0]
    assert s["left_n"] == 210 and s["cv_left_pct"] == pytest.approx(5.00)
    assert s["cv_right_pct"] is None  # one trial: CV undefined, not zero
    # No between-session MDC is published for this test (issue 11): the change is given without a verdict.
    change = s["change"]["previous"]["left"]
    assert change["unit"] == "N" and change["delta"] == pytest.approx(10.0)
    assert change["beyond_mdc"] is None and "between-session" in change["reason"]
    assert s["norm"]  # evaluated (or explicitly "no reference"), never silently absent

    text = hiptrack("summary", "--patient", "H-1", "--database", url)
    assert "2026-02-10" in text.stdout and "right weaker" in text.stdout


def test_summary_for_unknown_patient_and_patient_without_tests(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert hiptrack("db", "upgrade", "--database", url).returncode == 0
    missing = hiptrack("summary", "--patient", "NOPE", "--database", url)
    assert missing.returncode != 0 and "no patient with chart number NOPE" in missing.stderr


def test_bad_import_file_lists_rows_and_exits_non_zero(tmp_path: Path) -> None:
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("\n".join([HEADER, row(trial="1"), row(trial="2", peak_force="-1")]) + "\n")
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    result = hiptrack("import", str(csv_path), "--database", url)
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr and "line 3: peak_force -1 must be above zero" in result.stderr
    info = hiptrack("db", "info", "--database", url)
    assert "Patients:      0" in info.stdout


def test_summary_text_names_tests_in_words(tmp_path: Path) -> None:
    """Issue 14: `summary` printed position codes such as hip_abd_sidelying_short."""
    url = f"sqlite:///{tmp_path / 'words.sqlite3'}"
    db = Database(url)
    prepare_database(db)
    with db.session() as s:
        D.standard_patient(s, "W-1")
    db.dispose()
    result = hiptrack("summary", "--patient", "W-1", "--database", url)
    assert result.returncode == 0, result.stderr
    assert "Gluteus medius (hip abduction) — Side-lying, short lever, make" in result.stdout
    assert "hip_abd_sidelying_short" not in result.stdout
