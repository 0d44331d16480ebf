"""Newtons per device unit, keyed the way units appear on the wire.

The exact constants come from hiptrack.domain.units (one source of truth). This module only adds
what the device boundary needs: milli-newtons, the vendors' spellings ("lbF", "kgF", "ozF") and a
bytes-keyed table so parsers convert without decoding or lower-casing each line.
"""

from __future__ import annotations

from functools import lru_cache

from hiptrack.domain.units import NEWTONS_PER_KGF, NEWTONS_PER_LBF

_BY_NAME: dict[str, float] = {
    "n": 1.0,
    "kn": 1000.0,
    "mn": 0.001,
    # Gauges that show a mass unit mean the force of that mass under standard gravity.
    "kgf": NEWTONS_PER_KGF,
    "kg": NEWTONS_PER_KGF,
    "gf": NEWTONS_PER_KGF / 1000.0,
    "g": NEWTONS_PER_KGF / 1000.0,
    "lbf": NEWTONS_PER_LBF,
    "lb": NEWTONS_PER_LBF,
    "lbs": NEWTONS_PER_LBF,
    "ozf": NEWTONS_PER_LBF / 16.0,
    "oz": NEWTONS_PER_LBF / 16.0,
    "tf": NEWTONS_PER_KGF * 1000.0,
    "klbf": NEWTONS_PER_LBF * 1000.0,
}

# Mark-10 capitalises the F and "mN"/"MN" matter: a Mark-10 never prints mega-newtons, so the
# lower-cased lookup is safe for every force unit documented in devices.md.


@lru_cache(maxsize=256)
def newtons_per(unit: str) -> float | None:
    """Newtons per `unit` ("N", "lbF", "kgf", "ozF", "mN", ...), None for torque or unknown units."""
    return _BY_NAME.get(unit.strip().lower())


@lru_cache(maxsize=256)
def newtons_per_bytes(unit: bytes) -> float | None:
    """`newtons_per` for a unit as received; cached because a session repeats one unit forever."""
    try:
        return newtons_per(unit.decode("ascii"))
    except UnicodeDecodeError:
        return None


def to_newtons(value: float, unit: str) -> float:
    """`value` in `unit` as newtons; ValueError for a unit that is not a force."""
    factor = newtons_per(unit)
    if factor is None:
        raise ValueError(f"{unit!r} is not a force unit")
    return value * factor


FORCE_UNITS = ("N", "kN", "mN", "kgf", "gf", "lbf", "ozf")
