"""`hiptrack report` as a clinic uses it: real subprocesses on a prepared database."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from tests.integration.test_cli import hiptrack
from tests.unit.reports import data as D


@pytest.fixture
def clinic_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    db = Database(url)
    prepare_database(db)
    with db.session() as s:
        D.standard_patient(s, "R-1")
        D.add_patient(s, "EMPTY-1")
    db.dispose()
    return url


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize(("kind", "expected"), [
    ("clinician", "Test set-up at this visit"),
    ("patient", "Your left hip is 10% weaker than your right; last month it was 18%."),
    ("program", "Each time: 3 × 10, hold 2 s, each side"),
])
def test_each_kind_writes_a_pdf(clinic_url: str, tmp_path: Path, kind: str, expected: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    result = hiptrack("report", "--patient", "R-1", "--out", str(out), "--kind", kind, "--database", clinic_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{out}: {kind} report, ")
    assert expected in text_of(out)


def test_visit_option_and_default_kind(clinic_url: str, tmp_path: Path) -> None:
    out = tmp_path / "sept.pdf"
    result = hiptrack("report", "--patient", "R-1", "--out", str(out), "--visit", "2026-09-22", "--database", clinic_url)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "Clinician summary" in text and "Visit 2026-09-22" in text


def test_patient_without_tests(clinic_url: str, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = hiptrack("report", "--patient", "EMPTY-1", "--out", str(out), "--database", clinic_url)
    assert result.returncode == 0, result.stderr
    assert "No strength tests recorded yet." in text_of(out)


@pytest.mark.parametrize(("args", "message"), [
    (["--patient", "NOPE"], "hiptrack: no patient with chart number NOPE"),
    (["--patient", "R-1", "--visit", "2026-01-01"], "hiptrack: no visit on 2026-01-01 for this patient"),
])
def test_errors_are_one_line_and_non_zero(clinic_url: str, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    result = hiptrack("report", *args, "--out", str(out), "--database", clinic_url)
    assert result.returncode != 0
    assert result.stderr.strip() == message
    assert not out.exists()


def test_bad_date_and_unwritable_output(clinic_url: str, tmp_path: Path) -> None:
    bad = hiptrack("report", "--patient", "R-1", "--out", str(tmp_path / "x.pdf"), "--visit", "22/09/2026",
                   "--database", clinic_url)
    assert bad.returncode == 2 and "is not a date (YYYY-MM-DD)" in bad.stderr
    folder = hiptrack("report", "--patient", "R-1", "--out", str(tmp_path), "--database", clinic_url)
    assert folder.returncode != 0 and len(folder.stderr.strip().splitlines()) == 1
    assert dt.date.today()  # the command never needs a display: QT_QPA_PLATFORM is offscreen by default


def test_an_existing_file_is_never_overwritten_without_asking(clinic_url: str, tmp_path: Path) -> None:
    out = tmp_path / "R-1_2026-10-21_clinician.pdf"
    out.write_bytes(b"%PDF- a signed report filed last week")
    refused = hiptrack("report", "--patient", "R-1", "--out", str(out), "--database", clinic_url)
    assert refused.returncode != 0
    assert refused.stderr.strip() == f"hiptrack: {out} already exists; add --overwrite to replace it"
    assert out.read_bytes() == b"%PDF- a signed report filed last week"
    replaced = hiptrack("report", "--patient", "R-1", "--out", str(out), "--overwrite", "--database", clinic_url)
    assert replaced.returncode == 0, replaced.stderr
    assert "Clinician summary" in text_of(out)


def test_german_report_from_the_command_line(clinic_url: str, tmp_path: Path) -> None:
    """The command translates the data it builds as well as the page around it: the set-up table's
    position, set-up and pad were built before the translator was installed and printed in English."""
    out = tmp_path / "de.pdf"
    result = hiptrack("report", "--patient", "R-1", "--out", str(out), "--database", clinic_url,
                      env={"LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de"})
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "Testaufbau bei dieser Untersuchung" in text
    assert "Side-lying" not in text and "Prone" not in text and "just above" not in text, text
