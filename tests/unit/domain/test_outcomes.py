"""Outcome scores and MCIC flags on the clinical.md §7 vectors (Ostelo 2008; PSFS rehabmeasures 890)."""

from __future__ import annotations

import pytest

from hiptrack.domain.errors import DomainError
from hiptrack.domain.outcomes import (
    assess_outcome_change,
    nprs,
    odi_band,
    odi_percent,
    odi_total,
    psfs_score,
)


def test_clinical_7_odi_10_items_sum_20_is_40() -> None:
    assert odi_percent(20, 10) == pytest.approx(40.0)


def test_clinical_7_odi_9_items_sum_18_is_40() -> None:
    assert odi_percent(18, 9) == pytest.approx(40.0)


def test_clinical_7_psfs_3_5_4_is_4() -> None:
    assert psfs_score([3, 5, 4]) == pytest.approx(4.0)


def test_clinical_7_nrs_7_to_5_meets_points_not_percent() -> None:
    c = assess_outcome_change("nprs", 7, 5)
    assert c.delta == -2 and c.improved is True
    assert c.meets_points is True
    assert c.percent_change == pytest.approx(28.6, abs=0.05)
    assert c.meets_percent is False
    assert c.mcic_reached is True


def test_nprs_worsening_never_reaches_mcic() -> None:
    c = assess_outcome_change("nprs", 3, 6)
    assert c.improved is False and c.mcic_reached is False


def test_odi_mcic_10_points_ostelo() -> None:
    assert assess_outcome_change("odi", 40, 30).mcic_reached is True
    assert assess_outcome_change("odi", 40, 31).mcic_reached is False  # 9 points, 22.5 %


def test_odi_30_percent_improvement_ostelo_2008_beside_the_points() -> None:
    """Ostelo 2008: a 30 % improvement from baseline is meaningful. ODI 20 → 13 is 7 points (below
    the 10-point MCIC) but 35 % better; 40 → 30 is 10 points but only 25 %."""
    low = assess_outcome_change("odi", 20, 13)
    assert low.meets_points is False and low.percent_change == pytest.approx(35.0)
    assert low.meets_percent is True and low.mcic_reached is True
    high = assess_outcome_change("odi", 40, 30)
    assert high.meets_points is True and high.meets_percent is False and high.mcic_reached is True
    worse = assess_outcome_change("odi", 20, 30)
    assert worse.meets_percent is False and worse.mcic_reached is False


@pytest.mark.parametrize("answered", [1, 5, 8])
def test_odi_with_too_few_sections_answered_is_not_scored(answered: int) -> None:
    """Fairbank & Pynsent 2000's scoring instructions cover one missed section (÷ 45), no more."""
    with pytest.raises(DomainError, match="at least 9"):
        odi_percent(answered, answered)


def test_psfs_mcic_2_points_higher_is_better() -> None:
    assert assess_outcome_change("psfs", 4.0, 6.0).mcic_reached is True
    assert assess_outcome_change("psfs", 4.0, 5.9).mcic_reached is False
    assert assess_outcome_change("psfs", 6.0, 4.0).improved is False


def test_odi_bands() -> None:
    assert odi_band(20) == "minimal"
    assert odi_band(40) == "moderate"
    assert odi_band(81) == "bed-bound or exaggerating"


@pytest.mark.parametrize(
    "compute",
    [lambda: nprs(11), lambda: nprs(-1), lambda: nprs(4.5), lambda: odi_total(101), lambda: odi_total(-1),
     lambda: psfs_score([3, 5]), lambda: psfs_score([1, 2, 3, 4, 5, 6]), lambda: psfs_score([3, 5, 11]),
     lambda: odi_percent(51, 10), lambda: odi_percent(10, 0), lambda: assess_outcome_change("nprs", 12, 3)],
)
def test_range_validation_raises_domain_error(compute) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError):
        compute()
