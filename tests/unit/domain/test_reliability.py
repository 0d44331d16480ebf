"""SEM and MDC95 (clinical.md §2.5) and the per-position defaults from §5."""

from __future__ import annotations

import pytest

from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import POSITIONS
from hiptrack.domain.reliability import (
    RELIABILITY_DEFAULTS,
    assess_change,
    mdc95,
    mdc_from_sd_icc,
    sem,
)


def test_clinical_2_5_vector_sd_40_icc_0_90() -> None:
    assert sem(40, 0.90) == pytest.approx(12.65, abs=0.005)
    assert mdc95(sem(40, 0.90)) == pytest.approx(35.06, abs=0.005)
    assert mdc_from_sd_icc(40, 0.90) == pytest.approx(35.06, abs=0.005)


def test_clinical_2_5_check_leijendekkers_sem_to_sdc() -> None:
    """SEM 3.9–4.7 Nm × 2.772 → 10.8–13.0 Nm (published SDC 10.9–12.9, from unrounded SEMs)."""
    assert mdc95(3.9) == pytest.approx(10.8, abs=0.05)
    assert mdc95(4.7) == pytest.approx(13.0, abs=0.05)


def test_clinical_2_5_check_zoger_2025_percent() -> None:
    """SEM 5.0–8.3 % → MDC 13.9–22.9 %; 8.3 × 2.772 = 23.0, the paper's SEM being rounded (§2.5)."""
    assert mdc95(5.0) == pytest.approx(13.9, abs=0.05)
    assert mdc95(8.3) == pytest.approx(22.9, abs=0.15)


@pytest.mark.parametrize(("sd", "icc"), [(-1, 0.9), (40, 1.1), (40, -0.1)])
def test_bad_reliability_inputs(sd: float, icc: float) -> None:
    with pytest.raises(DomainError):
        sem(sd, icc)


def test_change_counts_only_beyond_mdc() -> None:
    assert assess_change(100, 136, 35.06).beyond_mdc is True
    assert assess_change(136, 100, 35.06).beyond_mdc is True
    assert assess_change(100, 130, 35.06).beyond_mdc is False
    assert assess_change(100, 135.06, 35.06).delta == pytest.approx(35.06)
    unknown = assess_change(100, 200, None)
    assert unknown.beyond_mdc is None and unknown.reason


def test_defaults_cover_every_position_and_state_why_there_is_none() -> None:
    """Issue 11: defaults must be between-session figures of the same kind of test; none of the
    published hip figures (clinical.md §5) is one, so each position says what was considered."""
    assert set(RELIABILITY_DEFAULTS) == set(POSITIONS)
    for d in RELIABILITY_DEFAULTS.values():
        assert d.mdc is None and "between-session" in d.note
        assert d.to_json_dict()["note"] == d.note


def test_leijendekkers_and_keep_are_named_with_their_design_and_population() -> None:
    leij = RELIABILITY_DEFAULTS["hip_abd_sidelying_short"].considered
    assert "Leijendekkers 2017" in leij and "within-session" in leij and "amputation" in leij
    keep = RELIABILITY_DEFAULTS["hip_ext_prone_standing"].considered
    assert "Keep 2016" in keep and "one session" in keep and "20 healthy adults" in keep
