"""Position vocabulary (clinical.md §4) and the default battery's trial plan."""

from __future__ import annotations

import pytest

from hiptrack.domain.asymmetry import Side
from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import (
    DEFAULT_POSITION,
    POSITIONS,
    STANDARD_HIP,
    Action,
    Battery,
    Method,
    Muscle,
    position_for,
    trial_plan,
)


def test_clinical_4_position_codes() -> None:
    assert set(POSITIONS) == {
        "hip_abd_sidelying_short", "hip_abd_sidelying_long", "hip_abd_supine_long", "hip_abd_standing_long",
        "hip_ext_prone_knee90_short", "hip_ext_prone_long", "hip_ext_prone_standing",
    }
    for p in POSITIONS.values():
        assert p.set_up and p.pad and p.source
        assert 0.05 <= p.typical_lever_m <= 1.2
        assert p.action is (Action.HIP_ABDUCTION if p.code.startswith("hip_abd") else Action.HIP_EXTENSION)


def test_default_positions() -> None:
    assert DEFAULT_POSITION[Muscle.GLUTEUS_MEDIUS] == "hip_abd_sidelying_short"
    assert DEFAULT_POSITION[Muscle.GLUTEUS_MAXIMUS] == "hip_ext_prone_knee90_short"
    assert position_for("gluteus_maximus", "").code == "hip_ext_prone_knee90_short"
    assert position_for("gluteus_medius", None).code == "hip_abd_sidelying_short"


def test_position_of_the_other_muscle_refused() -> None:
    with pytest.raises(DomainError, match="tests gluteus_maximus"):
        position_for("gluteus_medius", "hip_ext_prone_long")
    with pytest.raises(DomainError, match="Unknown test position"):
        position_for("gluteus_medius", "seated")


def test_standard_hip_plan_alternates_sides_three_make_trials() -> None:
    plan = trial_plan(STANDARD_HIP)
    assert len(plan) == 12
    assert all(p.method is Method.MAKE for p in plan)
    first = [(p.muscle, p.side, p.trial_number) for p in plan[:6]]
    assert first == [
        (Muscle.GLUTEUS_MEDIUS, Side.LEFT, 1), (Muscle.GLUTEUS_MEDIUS, Side.RIGHT, 1),
        (Muscle.GLUTEUS_MEDIUS, Side.LEFT, 2), (Muscle.GLUTEUS_MEDIUS, Side.RIGHT, 2),
        (Muscle.GLUTEUS_MEDIUS, Side.LEFT, 3), (Muscle.GLUTEUS_MEDIUS, Side.RIGHT, 3),
    ]
    assert {p.position for p in plan[6:]} == {"hip_ext_prone_knee90_short"}


def test_plan_can_start_right_or_block_sides() -> None:
    assert trial_plan(STANDARD_HIP, first_side=Side.RIGHT)[0].side is Side.RIGHT
    blocked = Battery("b", "blocked", (Muscle.GLUTEUS_MEDIUS,), trials_per_side=2, alternate_sides=False)
    assert [(p.side, p.trial_number) for p in trial_plan(blocked)] == [
        (Side.LEFT, 1), (Side.LEFT, 2), (Side.RIGHT, 1), (Side.RIGHT, 2)]
