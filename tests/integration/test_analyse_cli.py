"""`hiptrack analyse TRACE.csv` and `hiptrack db reanalyse` as a clinic admin runs them (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from tests.integration.test_cli import hiptrack
from tests.unit.operations.test_reanalysis import _seed


def write_trace(path: Path, t: np.ndarray, f: np.ndarray) -> Path:
    lines = ["t_s,force_n"] + [f"{a:.6g},{b:.6g}" for a, b in zip(t, f, strict=True)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_analyse_prints_the_metrics_and_why_some_are_withheld(tmp_path: Path) -> None:
    t = np.arange(0, 3.5, 0.005)
    trace = write_trace(tmp_path / "loaded.csv", t, np.interp(t, [0, 0.6, 0.9, 2.8, 3.0], [150, 150, 300, 300, 0]))
    text = hiptrack("analyse", str(trace))
    assert text.returncode == 0, text.stderr
    assert "peak_force_n     300.000 N" in text.stdout
    assert "started under 150 N load" in text.stdout and "time base        host 200.0 Hz" in text.stdout
    out = json.loads(hiptrack("analyse", str(trace), "--json", "--onset-s", "0.6", "--rate", "200").stdout)
    assert out["peak_force_n"] == 300.0 and out["onset_s"] == 0.6 and out["onset_imposed"]
    assert out["rfd_100_n_per_s"] == 500.0  # (200 − 150) N over 0.1 s from the marked onset
    assert out["time_base"] == "declared" and out["analysis_version"] == 2


def test_analyse_names_the_problem_in_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("t_s,force_n\n0,1\n0.01,=cmd|' /C calc'!A0\n")
    result = hiptrack("analyse", str(bad))
    assert result.returncode == 1 and "line 3" in result.stderr and "Traceback" not in result.stderr
    wrong = write_trace(tmp_path / "wrong.csv", np.zeros(3), np.zeros(3))
    wrong.write_text(wrong.read_text().replace("t_s", "time"))
    assert "no t_s column" in hiptrack("analyse", str(wrong)).stderr
    assert "no such file" in hiptrack("analyse", str(tmp_path / "missing.csv")).stderr


def test_db_reanalyse_then_export_and_analyse_agree(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    db = Database(url)
    prepare_database(db)
    ids = _seed(db)
    db.dispose()
    assert "Re-analysis:   3 trials" in hiptrack("db", "info", "--database", url).stdout
    missing = hiptrack("db", "reanalyse", "--database", f"sqlite:///{tmp_path / 'typo.sqlite3'}")
    assert missing.returncode != 0 and not (tmp_path / "typo.sqlite3").exists()
    result = hiptrack("db", "reanalyse", "--database", url)
    assert result.returncode == 0, result.stderr
    assert "3 trials examined; 3 changed" in result.stdout
    assert f"trial {ids['loaded']} (v1): peak_force_n 150 → 300" in result.stdout
    assert "Backup:" in result.stdout
    assert "0 trials examined" in hiptrack("db", "reanalyse", "--database", url).stdout
    assert "Re-analysis" not in hiptrack("db", "info", "--database", url).stdout

    out = tmp_path / "export.csv"
    exported = hiptrack("export", "--database", url, "--patient", "G-1", "--out", str(out), "--traces",
                        str(tmp_path / "traces"))
    assert exported.returncode == 0, exported.stderr
    traces = sorted((tmp_path / "traces").glob("*.csv"))
    peaks = {json.loads(hiptrack("analyse", str(p), "--json").stdout)["peak_force_n"] for p in traces}
    assert {round(p or 0) for p in peaks} == {300, 200, 220}
