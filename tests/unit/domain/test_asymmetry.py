"""Asymmetry conventions on clinical.md §2.4 pairs A (L 84.0, R 73.1) and B (L 200, R 180)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiptrack.domain.asymmetry import (
    HUMANTRAK_10_25,
    PRESETS,
    SAPEGA_10_20,
    T_10_15,
    AsymmetryThresholds,
    Flag,
    Side,
    limb_symmetry_index,
    percent_difference,
    signed_asymmetry,
    thresholds_from,
)
from hiptrack.domain.errors import DomainError


def test_clinical_2_4_pair_a_percent_difference_right_weaker() -> None:
    r = percent_difference(84.0, 73.1)
    assert r.pct == pytest.approx(12.98, abs=0.005)
    assert r.weaker_side is Side.RIGHT
    assert r.flag is Flag.AMBER


def test_clinical_2_4_pair_b_sapega_boundary_10_0_is_amber() -> None:
    r = percent_difference(200, 180, SAPEGA_10_20)
    assert r.pct == 10.0  # unrounded, exactly
    assert r.weaker_side is Side.RIGHT
    assert r.flag is Flag.AMBER
    assert r.label == "difference ≥ 10%"


def test_clinical_2_4_signed_vald_convention() -> None:
    assert signed_asymmetry(84.0, 73.1) == pytest.approx(-12.98, abs=0.005)
    assert round(signed_asymmetry(84.0, 73.1)) == -13  # as VALD shows it [weak]
    assert signed_asymmetry(200, 180) == pytest.approx(-10.0)
    assert signed_asymmetry(180, 200) == pytest.approx(10.0)


def test_clinical_2_4_lsi_pair_a() -> None:
    right = limb_symmetry_index(84.0, 73.1, "right")
    left = limb_symmetry_index(84.0, 73.1, Side.LEFT)
    assert right is not None and left is not None
    assert right.pct == pytest.approx(87.02, abs=0.005) and right.passed is False
    assert left.pct == pytest.approx(114.91, abs=0.005) and left.passed is True


def test_clinical_2_4_lsi_pair_b_boundary_90_passes() -> None:
    right = limb_symmetry_index(200, 180, "right")
    left = limb_symmetry_index(200, 180, "left")
    assert right is not None and left is not None
    assert right.pct == 90.0 and right.passed is True
    assert left.pct == pytest.approx(111.11, abs=0.005)


@pytest.mark.parametrize("involved", [None, "", "both"])
def test_lsi_undefined_without_a_single_involved_side(involved: str | None) -> None:
    assert limb_symmetry_index(200, 180, involved) is None


def test_lsi_pass_threshold_configurable() -> None:
    r = limb_symmetry_index(200, 180, "right", pass_pct=95.0)
    assert r is not None and r.passed is False


def test_issue_rule_red_from_20_percent_up() -> None:
    """Issue 3: "green below 10%, amber from 10% to below 20%, and red from 20% up".

    clinical.md §2.4's design note reads Sapega's "<10 / 10–20 / >20" as making 20.0 amber; it has
    no numeric vector at 20.0, so the issue's product rule decides: 20.0 is red by default.
    """
    assert percent_difference(100, 80).pct == 20.0
    assert percent_difference(100, 80).flag is Flag.RED
    assert percent_difference(100, 80.01).flag is Flag.AMBER
    assert percent_difference(100, 90.01).flag is Flag.GREEN


def test_source_wording_keeps_20_and_25_amber_when_chosen() -> None:
    """clinical.md §2.4: Sapega makes 20.0 amber; HumanTrak makes 25.0 amber."""
    sapega_words = AsymmetryThresholds(10, 20, red_includes_edge=False)
    humantrak_words = AsymmetryThresholds(10, 25, red_includes_edge=False)
    assert percent_difference(100, 80, sapega_words).flag is Flag.AMBER
    assert percent_difference(100, 75, humantrak_words).flag is Flag.AMBER
    assert percent_difference(100, 74.9, humantrak_words).flag is Flag.RED
    assert Flag.RED.label(sapega_words) == "difference > 20%"


def test_presets() -> None:
    assert (SAPEGA_10_20.amber_pct, SAPEGA_10_20.red_pct) == (10, 20)
    assert (T_10_15.amber_pct, T_10_15.red_pct) == (10, 15)
    assert (HUMANTRAK_10_25.amber_pct, HUMANTRAK_10_25.red_pct) == (10, 25)
    assert set(PRESETS) == {"sapega_10_20", "moderate_10_15", "humantrak_10_25"}
    assert percent_difference(100, 85, T_10_15).flag is Flag.RED
    assert percent_difference(100, 80, HUMANTRAK_10_25).flag is Flag.AMBER
    assert thresholds_from(10.0, 25.0) is HUMANTRAK_10_25
    assert thresholds_from(12.0, 30.0).name == "custom"


def test_flags_carry_word_and_symbol_never_abnormal() -> None:
    for flag in Flag:
        assert flag.symbol and flag.colour
        assert "abnormal" not in flag.label(SAPEGA_10_20)
    assert Flag.GREEN.label(SAPEGA_10_20) == "difference < 10%"
    assert Flag.RED.label(SAPEGA_10_20) == "difference ≥ 20%"
    assert len({f.symbol for f in Flag}) == 3


def test_equal_sides_name_no_weaker_side() -> None:
    r = percent_difference(150, 150)
    assert r.pct == 0 and r.weaker_side is None and r.flag is Flag.GREEN


@pytest.mark.parametrize(("left", "right"), [(None, 180), (200, None), (0, 180), (200, -5), (math.nan, 1)])
def test_issue_bad_input_side_missing_or_not_positive(left: float | None, right: float | None) -> None:
    for compute in (lambda: percent_difference(left, right), lambda: signed_asymmetry(left, right),
                    lambda: limb_symmetry_index(left, right, "left")):
        with pytest.raises(DomainError):
            compute()


def test_missing_side_message_names_the_side() -> None:
    with pytest.raises(DomainError, match="The right side is missing"):
        percent_difference(200, None)


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(DomainError):
        AsymmetryThresholds(20, 10)


forces = st.floats(min_value=0.5, max_value=5000.0)


@given(forces, forces)
def test_property_magnitude_unchanged_when_sides_swapped(left: float, right: float) -> None:
    a, b = percent_difference(left, right), percent_difference(right, left)
    assert a.pct == pytest.approx(b.pct, rel=1e-12, abs=1e-12)
    assert a.flag is b.flag
    assert signed_asymmetry(left, right) == pytest.approx(-signed_asymmetry(right, left), abs=1e-9)
    if a.weaker_side is not None:
        assert b.weaker_side is a.weaker_side.other
