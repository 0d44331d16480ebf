"""Clinic-defined test batteries: stored as plain dicts in a clinic setting, checked here.

A battery definition names the muscles tested, the position of each, the method, the trials per
side and whether sides alternate. The built-in batteries (hiptrack.domain.positions.BATTERIES)
cannot be changed; a clinic adds its own. A removed battery is only archived, so that an
unfinished visit started with it can still be resumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import (
    BATTERIES,
    POSITIONS,
    Battery,
    Method,
    Muscle,
    parse_method,
    parse_muscle,
)

MAX_TRIALS_PER_SIDE = 6


def slug(title: str) -> str:
    return "clinic_" + (re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "battery")


def battery_from_dict(data: Mapping[str, Any]) -> Battery:
    """A Battery from a stored definition; DomainError naming the first problem."""
    title = str(data.get("title", "")).strip()
    if not title:
        raise DomainError("A test battery needs a name")
    code = str(data.get("code") or slug(title))
    if code in BATTERIES:
        raise DomainError(f"'{code}' is a built-in battery and cannot be redefined")
    muscles = tuple(parse_muscle(m) for m in data.get("muscles", ()))
    if not muscles:
        raise DomainError(f"Battery '{title}' tests no muscle")
    if len(set(muscles)) != len(muscles):
        raise DomainError(f"Battery '{title}' lists a muscle twice")
    try:
        trials = int(data.get("trials_per_side", 3))
    except (TypeError, ValueError):
        raise DomainError(f"Battery '{title}': trials per side must be a whole number") from None
    if not 1 <= trials <= MAX_TRIALS_PER_SIDE:
        raise DomainError(f"Battery '{title}': trials per side must be 1 to {MAX_TRIALS_PER_SIDE}")
    positions: list[tuple[Muscle, str]] = []
    for muscle_name, code_of_position in dict(data.get("positions", {})).items():
        muscle = parse_muscle(muscle_name)
        position = POSITIONS.get(str(code_of_position))
        if position is None:
            raise DomainError(f"Battery '{title}': unknown position {code_of_position!r}")
        if position.muscle is not muscle:
            raise DomainError(f"Battery '{title}': {position.title} is not a {muscle.value.replace('_', ' ')} position")
        positions.append((muscle, position.code))
    return Battery(
        code=code, title=title, muscles=muscles, trials_per_side=trials,
        alternate_sides=bool(data.get("alternate_sides", True)),
        method=parse_method(data.get("method", Method.MAKE.value)), positions=tuple(positions),
    )


def battery_to_dict(battery: Battery, archived: bool = False) -> dict[str, Any]:
    return {
        "code": battery.code, "title": battery.title, "muscles": [m.value for m in battery.muscles],
        "trials_per_side": battery.trials_per_side, "alternate_sides": battery.alternate_sides,
        "method": battery.method.value, "positions": {m.value: code for m, code in battery.positions},
        "archived": archived,
    }


def all_batteries(custom: Iterable[Mapping[str, Any]], include_archived: bool = True) -> dict[str, Battery]:
    """Built-in batteries first, then the clinic's valid ones (a damaged definition is skipped)."""
    result = dict(BATTERIES)
    for data in custom:
        if data.get("archived") and not include_archived:
            continue
        try:
            battery = battery_from_dict(data)
        except DomainError:
            continue
        result[battery.code] = battery
    return result
