"""Force, length and torque units.

hiptrack stores newtons, metres and kilograms (docs/ARCHITECTURE.md); conversion happens only at
the device boundary and for display. Constants are exact (NIST SP 811, App. B; clinical.md §2.1):

- 1 kgf = 9.80665 N (standard gravity, exact by definition)
- 1 lbf = 0.45359237 kg x 9.80665 m/s² = 4.4482216152605 N (exact)
- 1 ozf = 1/16 lbf; 1 gf = 1/1000 kgf; 1 kN = 1000 N
- 1 in = 0.0254 m (exact); 1 ft·lbf = 1.3558179483314004 N·m
"""

from __future__ import annotations

import math
from enum import StrEnum

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

STANDARD_GRAVITY = 9.80665  # m/s², exact (CGPM 1901); also the g used for %BW (normalise.py)
NEWTONS_PER_KGF = STANDARD_GRAVITY
NEWTONS_PER_LBF = 4.4482216152605
METRES_PER_INCH = 0.0254
NM_PER_FT_LBF = 1.3558179483314004


class ForceUnit(StrEnum):
    N = "N"
    KN = "kN"
    KGF = "kgf"
    LBF = "lbf"
    OZF = "ozf"
    GF = "gf"


NEWTONS_PER_UNIT: dict[ForceUnit, float] = {
    ForceUnit.N: 1.0,
    ForceUnit.KN: 1000.0,
    ForceUnit.KGF: NEWTONS_PER_KGF,
    ForceUnit.LBF: NEWTONS_PER_LBF,
    ForceUnit.OZF: NEWTONS_PER_LBF / 16.0,
    ForceUnit.GF: NEWTONS_PER_KGF / 1000.0,
}

# Spellings seen on device displays, serial output and clinicians' spreadsheets. Matched after
# lower-casing, so "KgF", "LBF" and "Lbs" all work. "kg", "lb" and "g" are masses strictly, but
# every HHD that shows them means the force of that mass under standard gravity.
_SPELLINGS: dict[str, ForceUnit] = {
    "n": ForceUnit.N,
    "newton": ForceUnit.N,
    "newtons": ForceUnit.N,
    "kn": ForceUnit.KN,
    "kgf": ForceUnit.KGF,
    "kg": ForceUnit.KGF,
    "kgs": ForceUnit.KGF,
    "kp": ForceUnit.KGF,
    "lbf": ForceUnit.LBF,
    "lb": ForceUnit.LBF,
    "lbs": ForceUnit.LBF,
    "ozf": ForceUnit.OZF,
    "oz": ForceUnit.OZF,
    "gf": ForceUnit.GF,
    "g": ForceUnit.GF,
}


def parse_unit(text: str | ForceUnit) -> ForceUnit:
    """The force unit named by `text` ("N", "kgf", "lbs", "KgF", ...); DomainError if unknown."""
    if isinstance(text, ForceUnit):
        return text
    key = str(text).strip().lower().replace(" ", "")
    try:
        return _SPELLINGS[key]
    except KeyError:
        known = ", ".join(u.value for u in ForceUnit)
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Unknown force unit {text!r}: use one of "
                                                             "{known}"),
                                 text=text, known=known)) from None


def check_finite(value: float, what: str) -> float:
    """`value` as a float, or DomainError naming `what` when it is missing, NaN or infinite."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "{what} is not a number: {value!r}"),
                                 what=what, value=value)) from None
    if not math.isfinite(number):
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "{what} is not a finite number ({number})"),
                                 what=what, number=number))
    return number


def check_force(value_n: float, what: str = "Force") -> float:
    """A force in newtons that a calculation can use: finite and not negative.

    A negative peak means the dynamometer was pulled the wrong way or not zeroed; a NaN means a
    parse failure upstream. Neither may flow silently into a mean or an asymmetry.
    """
    number = check_finite(value_n, what)
    if number < 0:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "{what} is negative ({number:g} N): a peak "
                                                             "force cannot be below zero"),
                                 what=what, number=number))
    return number


def to_newtons(value: float, unit: str | ForceUnit) -> float:
    """`value` in `unit` converted to newtons (exact factors, clinical.md §2.1)."""
    return check_finite(value, "Force") * NEWTONS_PER_UNIT[parse_unit(unit)]


def from_newtons(value_n: float, unit: str | ForceUnit) -> float:
    """A force in newtons expressed in `unit`, for display."""
    return check_finite(value_n, "Force") / NEWTONS_PER_UNIT[parse_unit(unit)]


def format_force(value_n: float | None, unit: str | ForceUnit = ForceUnit.N, decimals: int = 1) -> str:
    """Display text such as "222.4 N" or "50.0 lbf"; an em dash for a missing value."""
    if value_n is None:
        return "—"
    parsed = parse_unit(unit)
    return f"{from_newtons(value_n, parsed):.{decimals}f} {parsed.value}"


def inches_to_metres(inches: float) -> float:
    """Lever arms measured with an imperial tape (1 in = 0.0254 m exactly)."""
    return check_finite(inches, "Length") * METRES_PER_INCH


def metres_to_inches(metres: float) -> float:
    return check_finite(metres, "Length") / METRES_PER_INCH


def ft_lbf_to_nm(torque_ft_lbf: float) -> float:
    """Torques from imperial isokinetic reports (1 ft·lbf = 1.3558179483314004 N·m)."""
    return check_finite(torque_ft_lbf, "Torque") * NM_PER_FT_LBF


def nm_to_ft_lbf(torque_nm: float) -> float:
    return check_finite(torque_nm, "Torque") / NM_PER_FT_LBF


def format_torque(value_nm: float | None, decimals: int = 1) -> str:
    """Torque display text in N·m; an em dash for a missing value."""
    if value_nm is None:
        return "—"
    return f"{check_finite(value_nm, 'Torque'):.{decimals}f} N·m"
