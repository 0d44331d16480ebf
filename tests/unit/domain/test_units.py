"""Units: exact constants and test vectors from clinical.md §2.1 (NIST SP 811, App. B)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiptrack.domain.errors import DomainError
from hiptrack.domain.units import (
    ForceUnit,
    check_force,
    format_force,
    format_torque,
    from_newtons,
    ft_lbf_to_nm,
    inches_to_metres,
    parse_unit,
    to_newtons,
)


def test_clinical_2_1_vector_50_lbf_is_222_41108076302_n() -> None:
    assert to_newtons(50, "lbf") == pytest.approx(222.41108076302, abs=1e-9)


def test_clinical_2_1_vector_20_kgf_is_196_133_n() -> None:
    assert to_newtons(20, ForceUnit.KGF) == pytest.approx(196.133, abs=1e-12)


def test_clinical_2_1_exact_factors() -> None:
    assert to_newtons(1, "lbf") == 4.4482216152605
    assert to_newtons(1, "lbf") == pytest.approx(0.45359237 * 9.80665, rel=1e-15)
    assert to_newtons(16, "ozf") == pytest.approx(4.4482216152605, rel=1e-15)
    assert to_newtons(1000, "gf") == pytest.approx(9.80665, rel=1e-15)
    assert to_newtons(1.5, "kN") == 1500.0
    assert inches_to_metres(10) == pytest.approx(0.254, rel=1e-15)
    assert ft_lbf_to_nm(1) == 1.3558179483314004


@pytest.mark.parametrize(
    ("text", "unit"),
    [("N", ForceUnit.N), ("n", ForceUnit.N), ("kgf", ForceUnit.KGF), ("kg", ForceUnit.KGF),
     ("KgF", ForceUnit.KGF), ("lbf", ForceUnit.LBF), ("lb", ForceUnit.LBF), ("lbs", ForceUnit.LBF),
     ("lbF", ForceUnit.LBF), ("ozf", ForceUnit.OZF), ("oz", ForceUnit.OZF), ("gf", ForceUnit.GF),
     ("g", ForceUnit.GF), ("kN", ForceUnit.KN), (" lbf ", ForceUnit.LBF)],
)
def test_parse_unit_accepts_common_spellings(text: str, unit: ForceUnit) -> None:
    assert parse_unit(text) is unit


@pytest.mark.parametrize("text", ["", "psi", "Nm", "stone"])
def test_parse_unit_rejects_unknown_with_message(text: str) -> None:
    with pytest.raises(DomainError, match="Unknown force unit"):
        parse_unit(text)


def test_format_force() -> None:
    assert format_force(222.41108076302, "lbf", 1) == "50.0 lbf"
    assert format_force(196.133, "N", 2) == "196.13 N"
    assert format_force(None) == "—"
    assert format_torque(70.0) == "70.0 N·m"


@pytest.mark.parametrize("bad", [-0.1, -200.0, math.nan, math.inf, -math.inf])
def test_issue_bad_input_negative_or_non_finite_force_raises(bad: float) -> None:
    with pytest.raises(DomainError):
        check_force(bad)


def test_to_newtons_rejects_non_finite() -> None:
    with pytest.raises(DomainError, match="not a finite number"):
        to_newtons(math.nan, "N")


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.sampled_from(list(ForceUnit)))
def test_property_unit_conversion_round_trips(value: float, unit: ForceUnit) -> None:
    assert from_newtons(to_newtons(value, unit), unit) == pytest.approx(value, rel=1e-12, abs=1e-12)
