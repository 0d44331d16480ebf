"""CSV import of historical results (issue 3), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent, BodyMass, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.results import patient_summary
from hiptrack.storage.results_import import COLUMNS, ImportFailed, import_results

TODAY = dt.date(2026, 11, 23)
HEADER = ",".join(COLUMNS)


def row(**over: str) -> str:
    base = {
        "chart_number": "H-1", "last_name": "Haddad", "first_name": "Leila", "date_of_birth": "1986-05-02",
        "sex": "female", "height_m": "1.65", "involved_side": "right", "visit_date": "2026-02-10",
        "body_mass_kg": "70", "muscle": "gluteus_medius", "side": "left", "position": "", "method": "make",
        "lever_arm_m": "0.35", "trial": "1", "peak_force": "200", "unit": "N",
    }
    base.update(over)
    return ",".join(base[c] for c in COLUMNS)


def write(tmp_path: Path, *rows: str, name: str = "results.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


GOOD_ROWS = (
    row(side="left", trial="1", peak_force="200"),
    row(side="left", trial="2", peak_force="210"),
    row(side="left", trial="3", peak_force="190"),
    row(side="right", trial="1", peak_force="180"),
    row(side="right", trial="2", peak_force="40.8", unit="lbf"),   # 181.49 N
    row(side="right", trial="3", peak_force="18", unit="kgf"),     # 176.52 N
    row(muscle="gluteus_maximus", side="left", trial="1", peak_force="250", lever_arm_m=""),
    row(visit_date="2026-03-20", body_mass_kg="", side="left", trial="1", peak_force="230"),
    row(visit_date="2026-03-20", body_mass_kg="", side="right", trial="1", peak_force="220"),
)


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Patient, Visit, StrengthTest, Trial))  # type: ignore[return-value]


def test_import_creates_patient_visits_and_trials_in_newtons(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, *GOOD_ROWS)
    with db.session() as s:
        report = import_results(s, path, today=TODAY)
    assert (report.patients_created, report.visits_created, report.trials_created) == (1, 2, 9)
    assert counts(db) == (1, 2, 5, 9)
    with db.session() as s:
        forces = sorted(t.peak_force_n for t in s.scalars(select(Trial)))
        assert forces[0] == pytest.approx(176.51970)  # 18 kgf × 9.80665 (clinical.md §2.1)
        assert pytest.approx(181.4874419) in forces  # 40.8 lbf × 4.4482216152605
        lbf = s.scalar(select(Trial).where(Trial.reported_unit == "lbf"))
        assert lbf is not None and lbf.reported_value == 40.8 and lbf.entry == "import"
        assert s.scalar(select(func.count()).select_from(BodyMass)) == 1
        assert {e.action for e in s.scalars(select(AuditEvent))} == {"import"}


def test_missing_values_are_left_out_not_guessed(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, *GOOD_ROWS)
    with db.session() as s:
        import_results(s, path, today=TODAY)
        pid = s.scalar(select(Patient.id))
        assert pid is not None
        summary = patient_summary(s, pid).to_json_dict()
    first, second = summary["visits"]
    medius = next(m for m in first["muscles"] if m["muscle"] == "gluteus_medius")
    maximus = next(m for m in first["muscles"] if m["muscle"] == "gluteus_maximus")
    assert medius["left_n"] == 210 and medius["left_nm_per_kg"] == pytest.approx(210 * 0.35 / 70)
    assert maximus["right_n"] is None and maximus["asymmetry_pct"] is None  # one side only
    assert maximus["left_nm_per_kg"] is None  # no lever arm given
    # No mass at the second visit: the first visit's mass applies (latest on or before the date).
    assert second["body_mass_kg"] == 70


def test_bad_file_imports_nothing_and_names_every_bad_row(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row(trial="1"),
        row(trial="2", peak_force="-5"),
        row(trial="3", peak_force="nan"),
        row(trial="4", lever_arm_m="2.5"),
        row(trial="5", date_of_birth="1986-02-30"),
        row(trial="6", unit="stone"),
        row(trial="7", side=""),
        row(trial="8", muscle="biceps"),
        row(trial="9", muscle="gluteus_medius", position="hip_ext_prone_long"),
        row(trial="1"),
        row(trial="10", first_name="Other"),
        row(trial="11", body_mass_kg="0"),
    )
    with pytest.raises(ImportFailed) as info, db.session() as s:
        import_results(s, path, today=TODAY)
    problems = "\n".join(info.value.problems)
    for expected in (
        "line 3: peak_force -5 must be above zero",
        "line 4: peak_force 'nan' is not a finite number",
        "line 5: lever_arm_m 2.5 is outside 0.05–1.2 m",
        "line 6: date_of_birth '1986-02-30' is not a real date",
        "line 7: unit 'stone' must be one of N, kgf, lbf",
        "line 8: side '' must be left or right",
        "line 9: Unknown muscle",
        "line 10:",
        "line 11: repeats trial 1 already given on line 2",
        "line 12: chart H-1 has a different name",
        "line 13: Body mass 0 kg is outside",
    ):
        assert expected in problems, expected
    assert counts(db) == (0, 0, 0, 0)


def test_importing_twice_creates_no_duplicates(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, *GOOD_ROWS)
    with db.session() as s:
        import_results(s, path, today=TODAY)
    with db.session() as s:
        again = import_results(s, path, today=TODAY)
    assert again.trials_created == 0 and again.trials_already_present == 9 and again.patients_created == 0
    assert counts(db) == (1, 2, 5, 9)


def test_conflicting_existing_trial_rolls_everything_back(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        import_results(s, write(tmp_path, *GOOD_ROWS), today=TODAY)
    changed = write(tmp_path, row(chart_number="H-2", last_name="New", first_name="Nadia"),
                    row(trial="1", peak_force="999"), name="changed.csv")
    with pytest.raises(ImportFailed, match="nothing was imported"), db.session() as s:
        import_results(s, changed, today=TODAY)
    assert counts(db) == (1, 2, 5, 9)


def test_unreadable_files_are_named(tmp_path: Path, db: Database) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes((HEADER + "\n" + row(last_name="Müller")).encode("latin-1"))
    no_columns = tmp_path / "short.csv"
    no_columns.write_text("chart_number,last_name\nA,B\n")
    with db.session() as s:
        with pytest.raises(ImportFailed, match="not UTF-8"):
            import_results(s, latin, today=TODAY)
        with pytest.raises(ImportFailed, match="missing column"):
            import_results(s, no_columns, today=TODAY)
