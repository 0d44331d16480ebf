"""Measurement error: SEM, MDC95 and whether a change is real.

SEM = SD × √(1 − ICC); MDC95 = 1.96 × √2 × SEM ≈ 2.772 × SEM (clinical.md §2.5; the SDC of
COSMIN-style papers is the same quantity). A change counts only when |Δ| exceeds the MDC of the
same test, position and unit (clinical.md §0.4 and §2.5 design note).

Defaults per position (RELIABILITY_DEFAULTS) must be BETWEEN-SESSION figures from the same kind of
test (device, position, contraction), because a change between visits carries day-to-day error as
well as trial-to-trial error (issue 11; real-world.md §2). No published hip figure found so far
meets that bar, so every position has `mdc=None` and names what was considered and why it was not
used; a change is then shown without a verdict until the clinic enters its own SD and ICC
(`mdc_from_sd_icc`), which always override a default.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.jsonview import field_values
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, joined
from hiptrack.domain.units import check_finite

MDC_FACTOR = 1.96 * math.sqrt(2.0)


def sem(sd: float, icc: float) -> float:
    """Standard error of measurement: SD × √(1 − ICC). SD 40, ICC 0.90 → 12.65."""
    sd_value = check_finite(sd, "SD")
    icc_value = check_finite(icc, "ICC")
    if sd_value < 0:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "SD is negative ({sd_value:g}): it must be "
                                                             "zero or more"),
                                 sd_value=sd_value))
    if not 0 <= icc_value <= 1:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "ICC {icc_value:g} is outside 0–1"),
                                 icc_value=icc_value))
    return sd_value * math.sqrt(1.0 - icc_value)


def mdc95(sem_value: float) -> float:
    """Minimal detectable change at 95 % confidence: 1.96 × √2 × SEM. SEM 12.65 → 35.06."""
    value = check_finite(sem_value, "SEM")
    if value < 0:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "SEM is negative ({value:g}): it must be zero "
                                                             "or more"),
                                 value=value))
    return MDC_FACTOR * value


def mdc_from_sd_icc(sd: float, icc: float) -> float:
    """The clinic's own MDC95 from its test–retest SD and ICC."""
    return mdc95(sem(sd, icc))


@dataclass(frozen=True)
class ReliabilityDefault:
    """What the app assumes for one position when the clinic has entered nothing.

    `mdc` is a between-session MDC95 of the same kind of test, or None when none is published:
    then no change is called real or unreal until the clinic enters its own SD and ICC. `source`,
    `design` and `population` describe the figure used; `considered` lists figures that were
    looked at and why they do not qualify.
    """

    position: str
    mdc: float | None
    unit: str  # "Nm" or "N"
    source: str
    design: str
    population: str
    considered: str = ""

    @property
    def note(self) -> str:
        """One line for screens and reports: why there is no default, or what it rests on."""
        if self.mdc is None:
            if not self.considered:
                return _NO_DEFAULT
            return Phrase("{none}; {considered}", none=_NO_DEFAULT, considered=self.considered)
        return Phrase("{design}; {population}", design=self.design, population=self.population)

    def to_json_dict(self) -> dict[str, Any]:
        return {**field_values(self), "note": self.note}


_NO_DEFAULT = QT_TRANSLATE_NOOP("Labels", "no between-session MDC published for this test: enter the clinic's own "
                                          "test–retest SD and ICC")

# Checked with the search tool against the abstracts (db/reference/README.md, "Measurement error").
_LEIJENDEKKERS = QT_TRANSLATE_NOOP(
    "Labels",
    "Leijendekkers 2017 (PLOS ONE 12:e0179887, PMC5481015) is not used: its SDC 10.9–12.9 Nm is "
    "within-session test–retest (and 19.2–21.2 Nm inter-rater), supine, belt-fixed make test, 22 cm "
    "lever, people with a lower-limb amputation"
)
_KEEP = QT_TRANSLATE_NOOP(
    "Labels",
    "Keep 2016 (Physiother Can 68(1):15–22, PMC4961312) is not used: its MDC 14.8 Nm comes from a "
    "cross-sectional study of 20 healthy adults tested in one session, so it holds no day-to-day error"
)
_THORBORG = QT_TRANSLATE_NOOP(
    "Labels",
    "Thorborg 2010 (Scand J Med Sci Sports 20:493–501) tested one week apart but reports relative "
    "variation (3–12 %) in 9 active adults, not an MDC in N or Nm"
)
_KRAUSE = QT_TRANSLATE_NOOP("Labels", "Krause 2014 (J Sport Rehabil 23:56–64) reports ICCs only, no SD or MDC")


def _none(position: str, *considered: str) -> ReliabilityDefault:
    # The figures considered, each translatable, as one text ("a; b").
    return ReliabilityDefault(position, None, "Nm", "", "", "", joined("; ", considered))


RELIABILITY_DEFAULTS: dict[str, ReliabilityDefault] = {
    "hip_abd_sidelying_short": _none("hip_abd_sidelying_short", _LEIJENDEKKERS, _KRAUSE, _THORBORG),
    "hip_abd_sidelying_long": _none("hip_abd_sidelying_long", _KRAUSE),
    "hip_abd_supine_long": _none("hip_abd_supine_long", _LEIJENDEKKERS),
    "hip_abd_standing_long": _none("hip_abd_standing_long"),
    "hip_ext_prone_knee90_short": _none("hip_ext_prone_knee90_short", _KRAUSE, _THORBORG),
    "hip_ext_prone_long": _none("hip_ext_prone_long", _KRAUSE),
    "hip_ext_prone_standing": _none("hip_ext_prone_standing", _KEEP),
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
    basis: str | None = None  # set when the change is judged on another quantity than usual, and why

    def to_json_dict(self) -> dict[str, Any]:
        return field_values(self)


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
                                reason=QT_TRANSLATE_NOOP("Labels", "no between-session MDC known for this test: enter "
                                                                   "the clinic's SD and ICC"))
    limit = check_finite(mdc, "MDC")
    if limit < 0:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "MDC is negative ({limit:g})"),
                                 limit=limit))
    return ChangeAssessment(delta, limit, abs(delta) > limit, unit, prev, cur, source)
