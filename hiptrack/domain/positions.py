"""Muscles, actions, test positions and test batteries.

Position codes and set-ups are those of clinical.md §4 ("Position vocabulary"). Values differ by
about 30 % between positions (Cerda Vega 2018), so a position code travels with every test and two
positions are never charted, compared or normed together.

Lever arms: the reference gives no single default (published levers range from 22 cm,
Leijendekkers 2017, to 75 % of thigh length, Daun & Kibele 2019). `typical_lever_m` is therefore
NOT a sourced value: it is a round adult figure the clinician replaces with the measured distance
from the greater trochanter to the centre of the pad. Code that computes torque must use the
stored, measured lever, never this hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hiptrack.domain.asymmetry import Side
from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase


class Muscle(StrEnum):
    GLUTEUS_MEDIUS = "gluteus_medius"
    GLUTEUS_MAXIMUS = "gluteus_maximus"


class Action(StrEnum):
    HIP_ABDUCTION = "hip_abduction"
    HIP_EXTENSION = "hip_extension"


class Method(StrEnum):
    """Make: the patient pushes against a still dynamometer. Break: the tester overcomes the
    patient (eccentric-type). Break reads higher; make is more reliable (clinical.md §4)."""

    MAKE = "make"
    BREAK = "break"


ACTION_OF: dict[Muscle, Action] = {
    Muscle.GLUTEUS_MEDIUS: Action.HIP_ABDUCTION,
    Muscle.GLUTEUS_MAXIMUS: Action.HIP_EXTENSION,
}

# Titles, set-ups and pads are marked for translation; screens and documents show them with
# hiptrack.reports.translation.label().
MUSCLE_TITLES: dict[Muscle, str] = {
    Muscle.GLUTEUS_MEDIUS: QT_TRANSLATE_NOOP("Labels", "Gluteus medius (hip abduction)"),
    Muscle.GLUTEUS_MAXIMUS: QT_TRANSLATE_NOOP("Labels", "Gluteus maximus (hip extension)"),
}
METHOD_WORDS: dict[str, str] = {
    "make": QT_TRANSLATE_NOOP("Labels", "make"),
    "break": QT_TRANSLATE_NOOP("Labels", "break"),
}


@dataclass(frozen=True)
class Position:
    code: str
    muscle: Muscle
    title: str
    set_up: str
    pad: str
    lever: str  # "short" (pad above the knee) or "long" (pad above the ankle)
    typical_lever_m: float  # a hint for the form, never used in a calculation (see module doc)
    source: str

    @property
    def action(self) -> Action:
        return ACTION_OF[self.muscle]


_JSSM = "JSSM table (jssm.org/tablejssm-08-663.xml/table001.xml), clinical.md §4"

POSITIONS: dict[str, Position] = {
    p.code: p
    for p in (
        Position("hip_abd_sidelying_short", Muscle.GLUTEUS_MEDIUS,
                 QT_TRANSLATE_NOOP("Labels", "Side-lying, short lever"),
                 QT_TRANSLATE_NOOP("Labels", "Side-lying on the untested side; tested hip neutral or slightly "
                                             "extended, neutral rotation, knee straight"),
                 QT_TRANSLATE_NOOP("Labels", "Lateral thigh just above the knee"), "short", 0.40, _JSSM),
        Position("hip_abd_sidelying_long", Muscle.GLUTEUS_MEDIUS,
                 QT_TRANSLATE_NOOP("Labels", "Side-lying, long lever"),
                 QT_TRANSLATE_NOOP("Labels", "Side-lying on the untested side, knee straight"),
                 QT_TRANSLATE_NOOP("Labels", "Just above the lateral malleolus"),
                 "long", 0.80, "Krause 2007, PMID 17207673 (long lever most reliable)"),
        Position("hip_abd_supine_long", Muscle.GLUTEUS_MEDIUS,
                 QT_TRANSLATE_NOOP("Labels", "Supine, long lever"),
                 QT_TRANSLATE_NOOP("Labels", "Supine, pelvis stabilised with a belt or against a wall"),
                 QT_TRANSLATE_NOOP("Labels", "Just above the lateral malleolus"),
                 "long", 0.80, "Cerda Vega 2018 (supine most reliable); PMID 28835874 (older adults)"),
        Position("hip_abd_standing_long", Muscle.GLUTEUS_MEDIUS,
                 QT_TRANSLATE_NOOP("Labels", "Standing, long lever"),
                 QT_TRANSLATE_NOOP("Labels", "Standing"),
                 QT_TRANSLATE_NOOP("Labels", "Just above the lateral malleolus"), "long", 0.80, "Cerda Vega 2018"),
        Position("hip_ext_prone_knee90_short", Muscle.GLUTEUS_MAXIMUS,
                 QT_TRANSLATE_NOOP("Labels", "Prone, knee 90°, short lever"),
                 QT_TRANSLATE_NOOP("Labels", "Prone, tested knee flexed to 90° (reduces the hamstrings' share)"),
                 QT_TRANSLATE_NOOP("Labels", "Posterior thigh just above the knee"), "short", 0.40, _JSSM),
        Position("hip_ext_prone_long", Muscle.GLUTEUS_MAXIMUS,
                 QT_TRANSLATE_NOOP("Labels", "Prone, long lever"),
                 QT_TRANSLATE_NOOP("Labels", "Prone, knee straight"),
                 QT_TRANSLATE_NOOP("Labels", "Just above the ankle"), "long", 0.80,
                 "VALD ProneLongLever [weak], clinical.md §4"),
        Position("hip_ext_prone_standing", Muscle.GLUTEUS_MAXIMUS,
                 QT_TRANSLATE_NOOP("Labels", "Prone-standing"),
                 QT_TRANSLATE_NOOP("Labels", "Trunk on the plinth, tested hip flexed 45°, knee extended"),
                 QT_TRANSLATE_NOOP("Labels", "Posterior thigh"), "short", 0.40, "Keep 2016, Physiother Can 68(1):15–22"),
    )
}

DEFAULT_POSITION: dict[Muscle, str] = {
    Muscle.GLUTEUS_MEDIUS: "hip_abd_sidelying_short",
    Muscle.GLUTEUS_MAXIMUS: "hip_ext_prone_knee90_short",
}


def parse_muscle(value: str | Muscle) -> Muscle:
    try:
        return Muscle(str(value).strip().lower())
    except ValueError:
        known = ", ".join(m.value for m in Muscle)
        raise DomainError(f"Unknown muscle {value!r}: use one of {known}") from None


def parse_method(value: str | Method) -> Method:
    try:
        return Method(str(value).strip().lower())
    except ValueError:
        raise DomainError(f"Unknown test method {value!r}: use make or break") from None


def position_for(muscle: str | Muscle, code: str | None) -> Position:
    """The position `code` for `muscle`, or the muscle's default when `code` is empty.

    Refuses a position of the other muscle: a hip-extension set-up cannot hold an abduction test.
    """
    parsed = parse_muscle(muscle)
    key = (code or "").strip() or DEFAULT_POSITION[parsed]
    position = POSITIONS.get(key)
    if position is None:
        raise DomainError(f"Unknown test position {key!r}")
    if position.muscle is not parsed:
        raise DomainError(f"Position {key!r} tests {position.muscle.value}, not {parsed.value}")
    return position


@dataclass(frozen=True)
class PlannedTrial:
    muscle: Muscle
    position: str
    side: Side
    trial_number: int
    method: Method


@dataclass(frozen=True)
class Battery:
    """An ordered test protocol. Default (clinical.md §4 design note): 3 maximal make trials per
    side, sides alternating, ≥ 30 s rest (rest is a clinic setting, not part of the plan)."""

    code: str
    title: str
    muscles: tuple[Muscle, ...]
    trials_per_side: int = 3
    alternate_sides: bool = True
    method: Method = Method.MAKE
    positions: tuple[tuple[Muscle, str], ...] = ()  # overrides of DEFAULT_POSITION

    def position_of(self, muscle: Muscle) -> str:
        return dict(self.positions).get(muscle, DEFAULT_POSITION[muscle])


STANDARD_HIP = Battery(
    code="standard_hip",
    title=QT_TRANSLATE_NOOP("Labels", "Standard hip: gluteus medius and maximus, left and right"),
    muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS),
)
BATTERIES: dict[str, Battery] = {STANDARD_HIP.code: STANDARD_HIP}


def trial_plan(battery: Battery = STANDARD_HIP, first_side: Side = Side.LEFT) -> tuple[PlannedTrial, ...]:
    """The ordered trials of a battery: per muscle L1 R1 L2 R2 L3 R3 when sides alternate
    (so one side rests while the other works), else L1 L2 L3 R1 R2 R3."""
    if battery.trials_per_side < 1:
        raise DomainError("A battery needs at least one trial per side")
    sides = (first_side, first_side.other)
    plan: list[PlannedTrial] = []
    for muscle in battery.muscles:
        position = battery.position_of(muscle)
        if battery.alternate_sides:
            order = [(side, n) for n in range(1, battery.trials_per_side + 1) for side in sides]
        else:
            order = [(side, n) for side in sides for n in range(1, battery.trials_per_side + 1)]
        plan.extend(PlannedTrial(muscle, position, side, n, battery.method) for side, n in order)
    return tuple(plan)


def test_title(muscle: str, position: str, method: str) -> str:
    """"Gluteus medius (hip abduction) — Side-lying, short lever, make": how every output names a
    test, in words (never the position code)."""
    try:
        muscle_title = MUSCLE_TITLES[Muscle(muscle)]
    except ValueError:
        muscle_title = muscle.replace("_", " ")
    pos = POSITIONS.get(position)
    # A Phrase: the English text as before, each part translated where it is shown.
    return Phrase("{muscle} — {position}, {method}", muscle=muscle_title,
                  position=pos.title if pos else QT_TRANSLATE_NOOP("Labels", "unlisted position"),
                  method=METHOD_WORDS.get(method, method))
