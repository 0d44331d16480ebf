"""Torque and body-mass normalisation, clinical.md §2.3 (F = 200 N, m = 70 kg, d = 0.35 m)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from hiptrack.domain.errors import DomainError
from hiptrack.domain.normalise import (
    MassMeasurement,
    allometric,
    body_mass_on,
    n_per_kg,
    nm_per_kg,
    percent_bw,
    torque_nm,
)


def test_clinical_2_3_torque_krause_2007() -> None:
    assert torque_nm(200, 0.35) == pytest.approx(70.0)


def test_clinical_2_3_n_per_kg() -> None:
    assert n_per_kg(200, 70) == pytest.approx(2.857, abs=5e-4)


def test_clinical_2_3_percent_bw_with_g_9_80665() -> None:
    assert percent_bw(200, 70) == pytest.approx(29.13, abs=5e-3)
    assert round(percent_bw(200, 70), 2) == 29.13  # not 29.12, which is g = 9.81


def test_clinical_2_3_nm_per_kg_ramskov() -> None:
    assert nm_per_kg(200, 0.35, 70) == pytest.approx(1.000)


def test_clinical_2_3_allometric_cerda_vega_2018() -> None:
    assert allometric(200, 70) == pytest.approx(11.61, abs=5e-3)
    assert allometric(200, 70, exponent=2 / 3) == pytest.approx(11.78, abs=5e-3)


@pytest.mark.parametrize("lever", [0.049, 1.21, 35.0, 0.0, -0.3, math.nan, None])
def test_issue_bad_input_lever_outside_0_05_to_1_2_m(lever: float | None) -> None:
    with pytest.raises(DomainError, match="Lever arm"):
        torque_nm(200, lever)


def test_lever_edges_accepted() -> None:
    assert torque_nm(100, 0.05) == pytest.approx(5.0)
    assert torque_nm(100, 1.2) == pytest.approx(120.0)


@pytest.mark.parametrize("mass", [None, 0.0, -70.0, math.nan])
def test_issue_bad_input_missing_or_zero_body_mass(mass: float | None) -> None:
    for compute in (lambda: n_per_kg(200, mass), lambda: percent_bw(200, mass),
                    lambda: nm_per_kg(200, 0.35, mass), lambda: allometric(200, mass)):
        with pytest.raises(DomainError, match="Body mass"):
            compute()


def test_missing_mass_message_names_the_date() -> None:
    with pytest.raises(DomainError, match="Body mass is missing for 2026-03-04: N/kg cannot be computed"):
        n_per_kg(200, None, dt.date(2026, 3, 4))


def test_body_mass_on_uses_latest_on_or_before_test_date() -> None:
    history = [MassMeasurement(dt.date(2026, 1, 10), 72.0), MassMeasurement(dt.date(2026, 3, 1), 70.5),
               MassMeasurement(dt.date(2026, 4, 1), 69.0)]
    assert body_mass_on(dt.date(2026, 3, 4), history) == 70.5
    assert body_mass_on(dt.date(2026, 3, 1), history) == 70.5
    assert body_mass_on(dt.date(2026, 5, 1), history) == 69.0


def test_body_mass_on_never_borrows_a_later_measurement() -> None:
    history = [MassMeasurement(dt.date(2026, 4, 1), 69.0)]
    with pytest.raises(DomainError, match="No body mass recorded on or before 2026-03-04"):
        body_mass_on(dt.date(2026, 3, 4), history)
