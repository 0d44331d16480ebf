"""Force–time metrics on synthetic traces with known answers (clinical.md §1, §8.2)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from hiptrack.domain.errors import DomainError
from hiptrack.domain.forcetime import ForceTimeResult, ForceTimeSettings, Metric, analyse_trace

FS = 1000.0
T = np.arange(0.0, 3.0, 1 / FS)


def trapezoid(peak: float = 200.0) -> np.ndarray:
    """Rest 0.5 s, rise 0.2 s (1000 N/s), plateau 1.0 s, fall 0.2 s, rest."""
    return np.interp(T, [0, 0.5, 0.7, 1.7, 1.9, 3.0], [0, 0, peak, peak, 0, 0])


def metrics(r: ForceTimeResult) -> list[Metric]:
    return [r.baseline_n, r.onset_s, r.offset_s, r.peak_n, r.time_to_peak_s, r.rfd_100_n_per_s,
            r.rfd_200_n_per_s, r.impulse_n_s]


def test_linear_ramp_of_known_slope_gives_known_rfd() -> None:
    ramp = np.interp(T, [0, 0.5, 1.0, 3.0], [0, 0, 500, 500])  # 1000 N/s
    r = analyse_trace(ramp, FS)
    assert r.onset_s.value == pytest.approx(0.52)  # 20 N above baseline
    assert r.rfd_100_n_per_s.value == pytest.approx(1000.0)
    assert r.rfd_200_n_per_s.value == pytest.approx(1000.0)
    assert r.peak_n.value == pytest.approx(500.0)
    assert r.impulse_n_s.value is None and "no offset" in (r.impulse_n_s.reason or "")


def test_trapezoid_gives_known_impulse_and_time_to_peak() -> None:
    r = analyse_trace(trapezoid(), FS)
    # Area above baseline 240 N·s minus the two 20 N × 0.02 s tails below the onset threshold.
    assert r.impulse_n_s.value == pytest.approx(239.6, abs=1e-6)
    assert r.peak_n.value == pytest.approx(200.0)
    assert r.time_to_peak_s.value == pytest.approx(0.18)
    assert r.offset_s.value == pytest.approx(1.88)
    assert r.rfd_100_n_per_s.value == pytest.approx(1000.0)
    assert r.rfd_200_n_per_s.value == pytest.approx(900.0)  # 180 N in 0.2 s: plateau reached at 0.18 s


def test_robust_to_noise_and_single_spikes() -> None:
    rng = np.random.default_rng(7)
    trace = trapezoid() + rng.normal(0, 2.0, T.size)
    trace[200] += 150  # a knock on the pad during rest
    trace[1200] += 400  # a serial glitch on the plateau
    r = analyse_trace(trace, FS)
    assert r.onset_s.value == pytest.approx(0.52, abs=0.01)
    assert r.peak_n.value == pytest.approx(200.0, abs=8.0)
    assert r.impulse_n_s.value == pytest.approx(239.6, rel=0.02)


def test_drifting_baseline_is_detrended() -> None:
    trace = trapezoid() + 8.0 * T  # 8 N/s drift: 24 N over the trace, above the 20 N threshold
    r = analyse_trace(trace, FS)
    assert r.detrended
    assert r.impulse_n_s.value == pytest.approx(239.6, abs=0.5)
    assert r.peak_n.value == pytest.approx(200.0, abs=0.5)
    assert any("drift" in note for note in r.notes)


def test_overload_makes_peak_unreliable_via_capacity() -> None:
    clipped = np.minimum(trapezoid(), 150.0)
    r = analyse_trace(clipped, FS, capacity_n=150.0)
    assert r.peak_n.value is None and r.peak_n.reason and r.peak_n.reason.startswith("unreliable: overload")
    assert r.time_to_peak_s.value is None
    assert r.impulse_n_s.value is None
    assert r.rfd_100_n_per_s.value == pytest.approx(1000.0)  # 0–100 ms stays below 150 N


def test_overload_mask_marks_rfd_window() -> None:
    mask = np.zeros(T.size, dtype=bool)
    mask[560] = True
    r = analyse_trace(trapezoid(), FS, overload=mask)
    assert r.rfd_100_n_per_s.reason == "unreliable: overload between onset and onset + 100 ms"
    assert r.peak_n.value is None


def test_no_contraction_says_so() -> None:
    rng = np.random.default_rng(3)
    r = analyse_trace(rng.normal(0, 1.0, T.size), FS)
    assert r.onset_s.value is None
    assert r.peak_n.reason == "no onset: force never rose 20 N above baseline for 30 ms"
    assert r.baseline_n.value is not None


def test_threshold_configurable_absolute_and_fraction() -> None:
    r = analyse_trace(trapezoid(), FS, settings=ForceTimeSettings(onset_threshold_n=50.0))
    assert r.onset_s.value == pytest.approx(0.55)
    r = analyse_trace(trapezoid(), FS, settings=ForceTimeSettings(onset_threshold_n=5.0, onset_fraction_of_peak=0.1))
    assert r.threshold_n == pytest.approx(20.0) and r.onset_s.value == pytest.approx(0.52)


def test_trace_too_short_for_rfd_window() -> None:
    t = np.arange(0, 0.6, 1 / FS)
    r = analyse_trace(np.interp(t, [0, 0.5, 0.6], [0, 0, 100]), FS)
    assert r.onset_s.ok and r.rfd_100_n_per_s.reason == "trace ends before onset + 100 ms"


def test_recording_that_starts_mid_contraction_has_no_baseline() -> None:
    r = analyse_trace(trapezoid()[600:], FS)
    assert all(m.value is None for m in metrics(r))
    assert "no baseline" in (r.peak_n.reason or "")


def test_explicit_time_base() -> None:
    r = analyse_trace(trapezoid(), 0.5, t_s=T)  # sample rate ignored for timing when t is given
    assert r.rfd_100_n_per_s.value == pytest.approx(1000.0)


@pytest.mark.parametrize(
    "call",
    [lambda: analyse_trace([1.0, math.nan, 2.0, 3.0], FS), lambda: analyse_trace([1.0, 2.0], FS),
     lambda: analyse_trace([0.0] * 10, 0), lambda: analyse_trace([0.0] * 10, FS, t_s=[0] * 10),
     lambda: analyse_trace([0.0] * 10, FS, t_s=[0.1] * 3), lambda: analyse_trace([0.0] * 10, FS, overload=[True]),
     lambda: analyse_trace([0.0] * 10, FS, capacity_n=-5), lambda: ForceTimeSettings(onset_threshold_n=0)],
)
def test_unusable_input_raises_domain_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError):
        call()


def test_to_json_dict_has_value_or_reason() -> None:
    out = analyse_trace(np.minimum(trapezoid(), 150.0), FS, capacity_n=150.0).to_json_dict()
    assert out["peak_n"]["value"] is None and out["peak_n"]["reason"]
    assert out["rfd_100_n_per_s"]["value"] == pytest.approx(1000.0)


@settings(max_examples=150, deadline=None)
@given(
    arrays(np.float64, st.integers(3, 600), elements=st.floats(-1e5, 1e5, allow_nan=False)),
    st.floats(1.0, 2000.0),
    st.floats(1.0, 200.0),
    st.booleans(),
)
def test_property_random_traces_never_nan_and_only_domain_errors(
    force: np.ndarray, fs: float, threshold: float, with_capacity: bool
) -> None:
    try:
        r = analyse_trace(force, fs, capacity_n=5e4 if with_capacity else None,
                          settings=ForceTimeSettings(onset_threshold_n=threshold))
    except DomainError:
        return
    for m in metrics(r):
        assert (m.value is None) != (m.reason is None)
        if m.value is not None:
            assert math.isfinite(m.value)
