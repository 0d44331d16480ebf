"""Measurement error: SEM, MDC95 and whether a change is real.

SEM = SD × √(1 − ICC); MDC95 = 1.96 × √2 × SEM ≈ 2.772 × SEM (clinical.md §2.5; the SDC of
COSMIN-style papers is the same quantity). A change counts only when |Δ| exceeds the MDC of the
same test, position and unit (clinical.md §0.4 and §2.5 design note).

Defaults per position come from clinical.md §5. Only two rows there give a usable MDC/SDC in
absolute units for a hip test done with an HHD; every other position has no default and the
clinic enters its own SD and ICC (`mdc_from_sd_icc`). See RELIABILITY_DEFAULTS.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.units import check_finite

MDC_FACTOR = 1.96 * math.sqrt(2.0)


def sem(sd: float, icc: float) -> float:
    """Standard error of measurement: SD × √(1 − ICC). SD 40, ICC 0.90 → 12.65."""
    sd_value = check_finite(sd, "SD")
    icc_value = check_finite(icc, "ICC")
    if sd_value < 0:
        raise DomainError(f"SD is negative ({sd_value:g}): it must be zero or more")
    if not 0 <= icc_value <= 1:
        raise DomainError(f"ICC {icc_value:g} is outside 0–1")
    return sd_value * math.sqrt(1.0 - icc_value)


def mdc95(sem_value: float) -> float:
    """Minimal detectable change at 95 % confidence: 1.96 × √2 × SEM. SEM 12.65 → 35.06."""
    value = check_finite(sem_value, "SEM")
    if value < 0:
        raise DomainError(f"SEM is negative ({value:g}): it must be zero or more")
    return MDC_FACTOR * value


def mdc_from_sd_icc(sd: float, icc: float) -> float:
    """The clinic's own MDC95 from its test–retest SD and ICC."""
    return mdc95(sem(sd, icc))


@dataclass(frozen=True)
class ReliabilityDefault:
    """What the app assumes for one position when the clinic has entered nothing.

    `mdc` is None when the reference has no usable figure for the position: then no change is
    called real or unreal until the clinic enters its own SD and ICC. `exact_match` says whether
    the study tested this very set-up; when False, `note` says how it differs.
    """

    position: str
    mdc: float | None
    unit: str  # "Nm" or "N"
    source: str
    note: str
    exact_match: bool

    def to_json_dict(self) -> dict[str, Any]:
        return asdict(self)


_NO_DEFAULT = (
    "clinical.md §5 has no SD with ICC, nor an MDC, for this set-up; enter the clinic's own "
    "test–retest SD and ICC"
)

RELIABILITY_DEFAULTS: dict[str, ReliabilityDefault] = {
    # Leijendekkers 2017 (PLOS ONE 12:e0179887, PMC5481015), HHD technique 2: supine, belt-fixed,
    # make test, 22 cm lever, 44 people with a lower-limb amputation; test–retest SDC 10.9–12.9 Nm
    # (SEM 3.9–4.7 Nm). We take the upper end, 12.9 Nm, so that a change is never called real on
    # the more lenient figure. Applied to the only short-lever abduction code; the set-up differs
    # (side-lying vs supine, hand vs belt, healthy vs amputee) so it is marked approximate.
    "hip_abd_sidelying_short": ReliabilityDefault(
        position="hip_abd_sidelying_short",
        mdc=12.9,
        unit="Nm",
        source="Leijendekkers 2017, PLOS ONE 12:e0179887 (PMC5481015): SDC 10.9–12.9 Nm, upper end",
        note="approximate: supine, belt-fixed make test, 22 cm lever, amputees; not side-lying by hand",
        exact_match=False,
    ),
    "hip_abd_sidelying_long": ReliabilityDefault("hip_abd_sidelying_long", None, "Nm", "", _NO_DEFAULT, False),
    "hip_abd_supine_long": ReliabilityDefault("hip_abd_supine_long", None, "Nm", "", _NO_DEFAULT, False),
    "hip_abd_standing_long": ReliabilityDefault("hip_abd_standing_long", None, "Nm", "", _NO_DEFAULT, False),
    # Krause 2014 gives ICCs (.82–.98) but no SD for short/long-lever prone extension, so no MDC.
    "hip_ext_prone_knee90_short": ReliabilityDefault(
        "hip_ext_prone_knee90_short", None, "Nm", "", _NO_DEFAULT + " (Krause 2014 reports ICCs only)", False
    ),
    "hip_ext_prone_long": ReliabilityDefault(
        "hip_ext_prone_long", None, "Nm", "", _NO_DEFAULT + " (Krause 2014 reports ICCs only)", False
    ),
    # Keep 2016 (Physiother Can 68(1):15–22, PMC4961312): HHD, prone-standing, 20 healthy adults,
    # MDC 14.8 Nm. Same set-up as our code.
    "hip_ext_prone_standing": ReliabilityDefault(
        position="hip_ext_prone_standing",
        mdc=14.8,
        unit="Nm",
        source="Keep 2016, Physiother Can 68(1):15–22 (PMC4961312): HHD MDC 14.8 Nm",
        note="20 healthy adults; same set-up",
        exact_match=True,
    ),
}


def default_for(position: str) -> ReliabilityDefault | None:
    return RELIABILITY_DEFAULTS.get(position)


@dataclass(frozen=True)
class ChangeAssessment:
    """A change between two results of the same test; beyond_mdc is None when no MDC is known."""

    delta: float
    mdc: float | None
    beyond_mdc: bool | None
    unit: str = "N"
    previous: float | None = None
    current: float | None = None
    source: str = ""
    reason: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return asdict(self)


def assess_change(
    previous: float, current: float, mdc: float | None, unit: str = "N", source: str = ""
) -> ChangeAssessment:
    """Δ = current − previous; real only when |Δ| > MDC (strictly: a change equal to the MDC is
    still within measurement error at the 95 % level)."""
    prev = check_finite(previous, "Previous result")
    cur = check_finite(current, "Current result")
    delta = cur - prev
    if mdc is None:
        return ChangeAssessment(delta, None, None, unit, prev, cur, source,
                                reason="no MDC known for this test: enter the clinic's SD and ICC")
    limit = check_finite(mdc, "MDC")
    if limit < 0:
        raise DomainError(f"MDC is negative ({limit:g})")
    return ChangeAssessment(delta, limit, abs(delta) > limit, unit, prev, cur, source)
