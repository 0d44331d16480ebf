"""Trial statistics on the clinical.md §2.2 vectors (sample SD, CV% = SD / mean × 100)."""

from __future__ import annotations

import math
import random
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiptrack.domain.errors import DomainError
from hiptrack.domain.stats import cv_exceeds, primary_score, sample_sd, trial_stats


def test_clinical_2_2_row1_200_210_190() -> None:
    s = trial_stats([200, 210, 190])
    assert (s.n, s.max, s.mean) == (3, 210, 200)
    assert s.sd == pytest.approx(10.0)
    assert s.cv_pct == pytest.approx(5.00, abs=0.005)
    assert cv_exceeds(s) is False


def test_clinical_2_2_row2_150_180_210_flags_cv_above_15() -> None:
    s = trial_stats([150, 180, 210])
    assert (s.max, s.mean) == (210, 180)
    assert s.sd == pytest.approx(30.0)
    assert s.cv_pct == pytest.approx(16.67, abs=0.005)
    assert cv_exceeds(s, 15.0) is True
    assert cv_exceeds(s, 20.0) is False


def test_cv_needs_two_trials_jtech() -> None:
    s = trial_stats([180.0])
    assert s.sd is None and s.cv_pct is None
    assert cv_exceeds(s) is None


def test_primary_score_max_default_and_mean() -> None:
    assert primary_score([150, 180, 210]) == 210
    assert primary_score([150, 180, 210], "mean") == 180
    with pytest.raises(DomainError, match="Unknown primary score"):
        primary_score([1.0], "median")


@pytest.mark.parametrize("forces", [[], [200, -1], [200, math.nan], [math.inf]])
def test_issue_bad_input_trials_raise(forces: list[float]) -> None:
    with pytest.raises(DomainError):
        trial_stats(forces)


@given(
    st.lists(st.floats(min_value=1.0, max_value=2000.0), min_size=2, max_size=6),
    st.floats(min_value=0.01, max_value=100.0),
)
def test_property_cv_unchanged_when_forces_scaled(forces: list[float], k: float) -> None:
    base = trial_stats(forces).cv_pct
    scaled = trial_stats([f * k for f in forces]).cv_pct
    assert base is not None and scaled is not None
    assert scaled == pytest.approx(base, rel=1e-9, abs=1e-9)


# issue 13: the SD is computed in integers instead of statistics.stdev's Fractions; it must be the
# same float, to the last bit, or a CV on a flag's edge could read differently than before.
@given(st.lists(st.floats(min_value=0.0, max_value=1e300, allow_nan=False, allow_infinity=False), min_size=2,
                max_size=12))
def test_the_sample_sd_is_statistics_stdev_to_the_last_bit(values: list[float]) -> None:
    assert sample_sd(values) == statistics.stdev(values)


def test_the_sample_sd_matches_on_gauge_readings_and_the_worked_examples() -> None:
    rng = random.Random(13)
    cases = [[200, 210, 190], [150, 180, 210], [180.0, 180.0, 180.0], [5e-324, 1e-300, 0.0], [0.1, 0.2, 0.3],
             [1e300, 1e-300]]
    cases += [[round(rng.uniform(20, 600), rng.choice((0, 1, 2))) for _ in range(rng.randint(2, 6))]
              for _ in range(20000)]
    for values in cases:
        assert sample_sd(values) == statistics.stdev(values), values
    assert trial_stats([200, 210, 190]).sd == 10.0 and trial_stats([150, 180, 210]).sd == 30.0
