"""Clinic-defined batteries: validation and the trial plan they give."""

from __future__ import annotations

import pytest

from hiptrack.domain.batteries import all_batteries, battery_from_dict, battery_to_dict
from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import Muscle, trial_plan

LONG_LEVER = {
    "title": "Abductors, long lever", "muscles": ["gluteus_medius"], "trials_per_side": 2,
    "alternate_sides": False, "method": "break", "positions": {"gluteus_medius": "hip_abd_sidelying_long"},
}


def test_a_clinic_battery_round_trips_and_plans_its_trials() -> None:
    battery = battery_from_dict(LONG_LEVER)
    assert battery.code == "clinic_abductors_long_lever"
    assert battery_from_dict(battery_to_dict(battery)) == battery
    plan = trial_plan(battery)
    assert [(p.side.value, p.trial_number) for p in plan] == [("left", 1), ("left", 2), ("right", 1), ("right", 2)]
    assert {p.position for p in plan} == {"hip_abd_sidelying_long"} and plan[0].method.value == "break"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"title": " "}, "needs a name"),
        ({"muscles": []}, "tests no muscle"),
        ({"trials_per_side": 9}, "trials per side must be 1 to 6"),
        ({"positions": {"gluteus_medius": "hip_ext_prone_long"}}, "is not a gluteus medius position"),
        ({"positions": {"gluteus_medius": "moon_walk"}}, "unknown position"),
        ({"code": "standard_hip"}, "built-in battery"),
        ({"method": "shove"}, "make or break"),
    ],
)
def test_bad_definitions_are_named(change: dict, problem: str) -> None:
    with pytest.raises(DomainError, match=problem):
        battery_from_dict({**LONG_LEVER, **change})


def test_archived_and_damaged_definitions() -> None:
    archived = {**LONG_LEVER, "archived": True}
    damaged = {"title": "", "muscles": ["gluteus_maximus"]}
    assert "clinic_abductors_long_lever" not in all_batteries([archived, damaged], include_archived=False)
    known = all_batteries([archived, damaged], include_archived=True)
    assert "clinic_abductors_long_lever" in known and "standard_hip" in known and len(known) == 2
    assert known["clinic_abductors_long_lever"].muscles == (Muscle.GLUTEUS_MEDIUS,)
