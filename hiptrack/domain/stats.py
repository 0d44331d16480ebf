"""Statistics over the accepted trials of one test (one muscle, side and position).

Sources (clinical.md §2.2): best = max, mean, sample SD (n − 1), CV% = SD / mean × 100; CV needs
at least two trials (JTECH Commander manual MN084). Trial CV above 15 % flags poor consistency for
large muscle groups (TUR Isoforce manual, clinical.md §3).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.jsonview import field_values
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import check_force

DEFAULT_CV_LIMIT_PCT = 15.0


class ScoreMethod(StrEnum):
    """Which summary of the trials is the side's primary score (a clinic setting; max by default)."""

    MAX = "max"
    MEAN = "mean"


@dataclass(frozen=True)
class TrialStats:
    n: int
    max: float
    mean: float
    sd: float | None  # sample SD (n − 1); None for a single trial
    cv_pct: float | None  # None when n < 2 or the mean is zero

    def to_json_dict(self) -> dict[str, Any]:
        return field_values(self)


def _checked(forces: Iterable[float]) -> list[float]:
    values = [check_force(f, "Trial force") for f in forces]
    if not values:
        raise DomainError(QT_TRANSLATE_NOOP("Labels", "No accepted trials: at least one trial force is "
                                                      "needed"))
    return values


def trial_stats(forces: Iterable[float]) -> TrialStats:
    """Max, mean, sample SD and CV% of the accepted trial forces (newtons).

    clinical.md §2.2: (200, 210, 190) → max 210, mean 200, SD 10.0, CV 5.00 %.
    """
    values = _checked(forces)
    mean = math.fsum(values) / len(values)
    if len(values) < 2:
        return TrialStats(n=1, max=values[0], mean=mean, sd=None, cv_pct=None)
    sd = sample_sd(values)
    # A mean of zero (every trial 0 N) has no meaningful relative spread.
    cv = sd / mean * 100.0 if mean > 0 else None
    return TrialStats(n=len(values), max=max(values), mean=mean, sd=sd, cv_pct=cv)


def sample_sd(values: Sequence[float]) -> float:
    """The sample SD (n − 1) of two or more finite values, exactly as `statistics.stdev` gives it:
    the exact variance, its square root correctly rounded to a float.

    statistics.stdev gets there through Fractions and took a quarter of summarising 60 visits
    (issue 13). Every float is an integer over a power of two, so on a common denominator D the
    variance is (n·ΣX² − (ΣX)²) / (n·(n − 1)·D²) in plain integers: the same exact number, and a
    correctly rounded square root of one number is one float."""
    ratios = [float(v).as_integer_ratio() for v in values]
    common = max(d for _n, d in ratios)  # powers of two: the largest is a multiple of the others
    scaled = [n * (common // d) for n, d in ratios]
    count = len(scaled)
    total = sum(scaled)
    numerator = count * sum(x * x for x in scaled) - total * total
    denominator = count * (count - 1) * common * common
    divisor = math.gcd(numerator, denominator)
    return _sqrt_of_fraction(numerator // divisor, denominator // divisor)


_SQRT_BITS = 2 * 53 + 3  # a float's 53-bit significand, twice, and 3 guard bits: round-to-odd suffices


def _sqrt_of_fraction(n: int, m: int) -> float:
    """√(n/m) as a float, correctly rounded (n ≥ 0, m > 0): the integer square root of n/m scaled to
    _SQRT_BITS bits, rounded to odd, then rounded once to the float (CPython's statistics module
    does the same; https://bugs.python.org/msg407078)."""
    q = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        return float(_isqrt_round_to_odd(n, m << 2 * q) << q)
    return _isqrt_round_to_odd(n << -2 * q, m) / (1 << -q)


def _isqrt_round_to_odd(n: int, m: int) -> int:
    """⌊√(n/m)⌋, its last bit set when the root is not exact (round-to-odd)."""
    root = math.isqrt(n // m)
    return root | (root * root * m != n)


def primary_score(forces: Iterable[float], method: str | ScoreMethod = ScoreMethod.MAX) -> float:
    """The side's headline value: max of trials (default protocol, clinical.md §4) or their mean."""
    try:
        chosen = ScoreMethod(method)
    except ValueError:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Unknown primary score {method!r}: use 'max' "
                                                             "or 'mean'"),
                                 method=method)) from None
    stats = trial_stats(forces)
    return stats.max if chosen is ScoreMethod.MAX else stats.mean


def cv_exceeds(stats: TrialStats, limit_pct: float = DEFAULT_CV_LIMIT_PCT) -> bool | None:
    """True when trial CV is above the limit (offer another trial); None when CV is undefined.

    Strictly above: the TUR Isoforce wording is "CV ≤ 15 %" for an acceptable set.
    """
    if limit_pct <= 0:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "CV limit must be above 0 % (got "
                                                             "{limit_pct:g} %)"),
                                 limit_pct=limit_pct))
    if stats.cv_pct is None:
        return None
    return stats.cv_pct > limit_pct
