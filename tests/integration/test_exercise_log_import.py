"""CSV import of exercise logs: all or nothing, every bad row named, no duplicates (both engines)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hiptrack.cli import exercise_logs
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.exercise_log_import import ImportFileError, import_exercise_logs
from hiptrack.storage.models import AuditEvent, Exercise, ExerciseLogEntry
from hiptrack.storage.patients import create_patient

TODAY = dt.date(2026, 11, 26)
# The command-line test runs on the real date, so the prescriptions must cover it too.
START = min(dt.date(2026, 11, 16), dt.date.today() - dt.timedelta(days=30))
HEADER = "chart_number,performed_on,exercise_code,side,sets_done,reps_done,hold_s,resistance_kg,resistance_level,pain_during,difficulty,notes\n"
GOOD = (
    HEADER
    + "IMP-1,2026-11-23,clamshell,left,3,12,2,,red,2,4,\n"
    + "IMP-1,2026-11-23,clamshell,right,3,12,2,,red,1,4,\n"
    + "IMP-1,2026-11-24,sidelying_hip_abduction,L,3,15,2,0.5,,0,3,\"felt easy, more weight?\"\n"
    + "\n"
)


@pytest.fixture
def clinic(db: Database) -> Database:
    with db.session() as s:
        ex.sync_catalog(s)
        pid = create_patient(s, PatientFields("IMP-1", "Varga", "Nora", dt.date(1975, 3, 4), "female", 1.6, "left",
                                              "left", ""), today=TODAY)
        for code in ("clamshell", "sidelying_hip_abduction"):
            eid = s.scalar(select(Exercise.id).where(Exercise.code == code))
            assert eid is not None
            ex.prescribe(s, pid, ex.PrescriptionFields(eid, 3, 12, START, hold_s=2))
    return db


def count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ExerciseLogEntry)) or 0)


def run(db: Database, text: str | bytes, **kw: object):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8") if isinstance(text, str) else text
    with db.session() as s:
        return import_exercise_logs(s, data, today=TODAY, **kw)  # type: ignore[arg-type]


def test_import_then_again_adds_no_duplicates(clinic: Database) -> None:
    first = run(clinic, GOOD)
    assert first.ok and (first.rows, first.imported, first.already_imported) == (3, 3, 0)
    again = run(clinic, GOOD)
    assert again.ok and (again.imported, again.already_imported) == (0, 3)
    assert count(clinic) == 3
    with clinic.session() as s:
        entry = s.scalars(select(ExerciseLogEntry).where(ExerciseLogEntry.resistance_kg == 0.5)).one()
        assert (entry.side, entry.notes, entry.source) == ("left", "felt easy, more weight?", "import")
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "exercise_log_entries")).all()
        assert actions == ["import"] * 3
        week = ex.patient_adherence(s, entry.prescription.patient_id, TODAY)[0]
        assert week.label == "2026-W48" and week.done == 2  # clamshell on the 23rd (two sides = one session), abduction on the 24th


def test_a_bad_file_imports_nothing_and_names_every_bad_row(clinic: Database) -> None:
    bad = (
        HEADER
        + "IMP-1,2026-11-23,clamshell,left,3,12,2,,red,2,4,\n"  # line 2: fine
        + "NOPE,2026-11-23,clamshell,left,3,12,2,,red,2,4,\n"  # 3: unknown chart
        + "IMP-1,23/11/2026,clamshell,left,3,12,2,,red,2,4,\n"  # 4: date format
        + "IMP-1,2026-11-23,plank,left,3,12,2,,,2,4,\n"  # 5: unknown exercise
        + "IMP-1,2026-11-24,clamshell,up,three,12,2,,red,12,4,\n"  # 6: side, sets, pain
        + "IMP-1,2020-01-10,clamshell,left,3,12,2,,red,2,4,\n"  # 7: before the prescription
        + "IMP-1,2026-11-23,clamshell,left,3,10,2,,red,2,4,\n"  # 8: duplicate of line 2
        + "IMP-1,2026-12-01,clamshell,left,3,12,2,,red,2,4,\n"  # 9: future
        + "IMP-1,2026-11-23,clamshell\n"  # 10: short row
    )
    report = run(clinic, bad)
    assert not report.ok and report.imported == 0 and count(clinic) == 0
    by_line = {p.line: " | ".join(p.problems) for p in report.bad_rows}
    assert sorted(by_line) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "no patient has this chart number" in by_line[3]
    assert "not a date in the form YYYY-MM-DD" in by_line[4]
    assert "'plank' is not in the catalog" in by_line[5]
    assert "side 'up'" in by_line[6] and "sets_done 'three'" in by_line[6] and "Pain during must be 0–10" in by_line[6]
    assert "no prescription of 'clamshell' covering 2020-01-10" in by_line[7]
    assert "same patient, exercise, date and side as line 2" in by_line[8]
    assert "in the future" in by_line[9]
    assert "has 3 fields" in by_line[10]
    assert "NOPE" not in report.summary()  # chart numbers are not echoed
    assert report.summary().startswith("Nothing imported: 8 of 9 rows have problems.")


def test_dry_run_writes_nothing(clinic: Database) -> None:
    report = run(clinic, GOOD, dry_run=True)
    assert report.ok and report.imported == 3 and count(clinic) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("chart_number;performed_on;exercise_code\nIMP-1;2026-11-23;cl\xe4mshell\n".encode("latin-1"),
         "not UTF-8 text (byte 0xe4 on line 2)"),
        (b"chart_number,exercise_code,reps\nIMP-1,clamshell,12\n", "missing column(s) performed_on"),
        (b"chart_number,exercise_code,reps\nIMP-1,clamshell,12\n", "unknown column(s) 'reps'"),
        (b"", "is empty"),
        (HEADER.encode(), "has a header but no rows"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(clinic: Database, data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        run(clinic, data)
    assert message in str(caught.value)
    assert count(clinic) == 0


def test_semicolons_bom_and_decimal_commas(clinic: Database) -> None:
    text = "\ufeffChart_Number;performed_on;exercise_code;side;resistance_kg\nIMP-1;2026-11-24;sidelying_hip_abduction;R;0,5\n"
    report = run(clinic, text)
    assert report.ok and report.imported == 1


def _cli(url: str, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database")
    exercise_logs.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--database", url, *argv])
    return int(args.func(args))


def test_cli_import_logs(clinic: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = clinic.url.render_as_string(hide_password=False)
    good = tmp_path / "logs.csv"
    # Dates in the past, whatever day the test runs.
    yesterday, before = (dt.date.today() - dt.timedelta(days=n) for n in (1, 2))
    good.write_text(GOOD.replace("2026-11-23", before.isoformat()).replace("2026-11-24", yesterday.isoformat()),
                    encoding="utf-8")
    assert _cli(url, "import-logs", str(good)) == 0
    assert "3 rows: 3 imported, 0 already imported before." in capsys.readouterr().out
    assert _cli(url, "import-logs", str(good)) == 0
    assert "0 imported, 3 already imported before." in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "IMP-1,2026-11-23,plank,left,3,12,2,,,2,4,\n", encoding="utf-8")
    assert _cli(url, "import-logs", str(bad)) == 1
    err = capsys.readouterr().err
    assert "Nothing imported" in err and "line 2: exercise_code 'plank' is not in the catalog" in err
    assert _cli(url, "import-logs", str(tmp_path / "missing.csv")) == 1
    assert count(clinic) == 3
