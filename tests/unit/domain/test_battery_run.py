"""The battery model: order, redo, CV prompt (clinical.md §2.2 row 2 and §4 design note), resume."""

from __future__ import annotations

from hiptrack.domain.asymmetry import Side
from hiptrack.domain.battery_run import BatteryRun
from hiptrack.domain.positions import STANDARD_HIP, Muscle, trial_plan

GMED, GMAX = Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS


def steps(run: BatteryRun) -> list[tuple[str, str, int]]:
    return [(p.muscle.value, p.side.value, p.trial_number) for p in run.plan]


def test_standard_battery_alternates_sides_and_redo_keeps_the_step() -> None:
    run = BatteryRun.start(trial_plan(STANDARD_HIP))
    assert len(run.plan) == 12
    assert [(s[1], s[2]) for s in steps(run)[:6]] == [
        ("left", 1), ("right", 1), ("left", 2), ("right", 2), ("left", 3), ("right", 3)]
    run.record_rejected()  # patient moved: same step again
    assert run.current is not None and (run.current.side, run.current.trial_number) == (Side.LEFT, 1)
    run.record_accepted(200.0)
    assert run.current is not None and run.current.side is Side.RIGHT


def test_cv_above_limit_after_a_side_offers_one_more_trial() -> None:
    """clinical.md §2.2: trials 150, 180, 210 N give CV 16.67 % (> 15 %, flagged); 200, 210, 190 give 5 %."""
    run2 = BatteryRun.start(trial_plan(STANDARD_HIP))
    for force in (150.0, 200.0, 180.0, 210.0):
        assert run2.record_accepted(force) is None
    cv = run2.record_accepted(210.0)
    assert cv is not None and round(cv.cv_pct, 2) == 16.67 and cv.side is Side.LEFT and "16.7 %" in cv.message
    assert run2.add_extra_trial(cv.muscle, cv.side)
    assert run2.current is not None and (run2.current.side, run2.current.trial_number) == (Side.LEFT, 4)
    assert run2.record_accepted(190.0) is None  # left now 150, 180, 210, 190
    assert run2.current is not None and (run2.current.side, run2.current.trial_number) == (Side.RIGHT, 3)
    assert run2.record_accepted(190.0) is None  # right: 200, 210, 190 → CV 5.00 %, within the limit


def test_resume_rebuilds_the_position_including_extra_trials() -> None:
    plan = trial_plan(STANDARD_HIP)
    accepted = [(GMED, Side.LEFT, 150.0), (GMED, Side.RIGHT, 200.0), (GMED, Side.LEFT, 180.0),
                (GMED, Side.RIGHT, 210.0), (GMED, Side.LEFT, 210.0), (GMED, Side.LEFT, 190.0)]
    run = BatteryRun.resume(plan, accepted)
    assert run.current is not None
    assert (run.current.muscle, run.current.side, run.current.trial_number) == (GMED, Side.RIGHT, 3)
    assert len(run.plan) == 13 and run.extra[(GMED, Side.LEFT)] == 1
    for force in (190.0, 300.0, 310.0, 305.0, 300.0, 310.0, 305.0):
        run.record_accepted(force)
    assert run.finished and run.progress == (13, 13)


def test_skip_removes_a_trial_from_the_plan() -> None:
    run = BatteryRun.start(trial_plan(STANDARD_HIP))
    run.skip_current()
    assert len(run.plan) == 11 and run.current is not None and run.current.side is Side.RIGHT
    assert GMAX in {p.muscle for p in run.plan}
