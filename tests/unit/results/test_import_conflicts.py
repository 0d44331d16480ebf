"""Issue 11 item 8: an import file that gives two body masses for one patient and date, or two
lever arms within one test, is refused and both rows are named; before, the first silently won."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from hiptrack.storage.database import Database
from hiptrack.storage.models import BodyMass, StrengthTest, Trial
from hiptrack.storage.results_import import ImportFailed, import_results
from tests.unit.results.test_results_import import TODAY, row, write


def _refused(db: Database, path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as info, db.session() as s:
        import_results(s, path, today=TODAY)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Trial)) == 0  # all or nothing
    return info.value.problems


def test_two_body_masses_for_one_date_are_refused_naming_both_rows(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, row(side="left", body_mass_kg="70"), row(side="right", body_mass_kg="90"))
    problems = _refused(db, path)
    assert any("line 3" in p and "line 2" in p and "90" in p and "70" in p for p in problems), problems


def test_two_lever_arms_within_one_test_are_refused_naming_both_rows(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, row(trial="1", lever_arm_m="0.35"), row(trial="2", lever_arm_m="0.45"),
                 row(trial="3", lever_arm_m="0.35"))
    problems = _refused(db, path)
    assert any("line 3" in p and "line 2" in p and "0.45" in p and "0.35" in p for p in problems), problems


def test_the_same_mass_and_lever_repeated_and_an_empty_cell_are_no_conflict(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, row(trial="1", lever_arm_m=""), row(trial="2", lever_arm_m="0.35", body_mass_kg=""),
                 row(trial="3", lever_arm_m="0.350", body_mass_kg="70.0"), row(side="right", body_mass_kg="70"))
    with db.session() as s:
        report = import_results(s, path, today=TODAY)
    assert report.trials_created == 4
    with db.session() as s:
        left = s.scalar(select(StrengthTest).where(StrengthTest.side == "left"))
        assert left is not None and left.lever_arm_m == 0.35  # the lever given on any row, not only the first
        assert left.lever_source == "imported"
        masses = s.scalars(select(BodyMass)).all()
        assert [(m.mass_kg, m.source) for m in masses] == [(70.0, "imported")]


def test_a_mass_conflicting_with_one_already_recorded_is_refused(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        import_results(s, write(tmp_path, row(trial="1", body_mass_kg="70"), name="a.csv"), today=TODAY)
    with pytest.raises(ImportFailed) as info, db.session() as s:
        import_results(s, write(tmp_path, row(trial="2", body_mass_kg="90"), name="b.csv"), today=TODAY)
    assert any("line 2" in p and "90" in p and "70" in p and "already recorded" in p for p in info.value.problems)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Trial)) == 1


def test_a_lever_conflicting_with_the_test_already_recorded_is_refused(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        import_results(s, write(tmp_path, row(trial="1", lever_arm_m="0.35"), name="a.csv"), today=TODAY)
    with pytest.raises(ImportFailed) as info, db.session() as s:
        import_results(s, write(tmp_path, row(trial="2", lever_arm_m="0.45"), name="b.csv"), today=TODAY)
    assert any("line 2" in p and "0.45" in p and "0.35" in p for p in info.value.problems)
