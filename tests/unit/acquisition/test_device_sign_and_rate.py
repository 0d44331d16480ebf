"""Device sign and the declared rate reach the captured trial unchanged (issue 11, "Device sign").

On main a −30 N rest reading was turned into +30 N (its magnitude) before analysis, so a push
from that rest was stored 30 N low, twice over (240 N for a 300 N push)."""

from __future__ import annotations

import numpy as np

from hiptrack.acquisition.reader import batch_from_samples
from hiptrack.acquisition.segmenter import TrialSegmenter
from hiptrack.devices.samples import Sample
from hiptrack.domain.forcetime import analyse_trace


def stream(rest: float, push: float, rate: float = 100.0) -> list[Sample]:
    t = np.arange(0.0, 3.0, 1 / rate)
    signed = np.interp(t, [0, 0.6, 0.9, 2.2, 2.4, 3.0], [rest, rest, rest + push, rest + push, rest, rest])
    return [Sample(float(a), abs(float(b)), False, float(b)) for a, b in zip(t, signed, strict=True)]


def test_a_rest_below_zero_stays_below_zero_and_the_push_is_measured_from_it() -> None:
    batch = batch_from_samples(stream(rest=-30.0, push=300.0))
    assert batch.forces_n.min() == -30.0  # the sign is kept
    segmenter = TrialSegmenter()
    segmenter.declared_rate_hz = 100.0
    captures = [e for e in segmenter.feed(batch.times_s, batch.forces_n, batch.overload) if not isinstance(e, str)]
    assert len(captures) == 1 and captures[0].declared_rate_hz == 100.0
    result = analyse_trace(captures[0].forces_n, captures[0].declared_rate_hz, t_s=captures[0].times_s)
    assert result.peak_n.value is not None and abs(result.peak_n.value - 300.0) < 0.5


def test_a_pull_is_captured_and_the_analysis_says_it_was_not_a_push() -> None:
    """A gauge mounted for tension: the clinician must be told, not see nothing happen, and the
    pull must never become a push (main took its magnitude)."""
    batch = batch_from_samples(stream(rest=0.0, push=-250.0))
    assert batch.forces_n.min() == -250.0
    captures = [e for e in TrialSegmenter().feed(batch.times_s, batch.forces_n, batch.overload)
                if not isinstance(e, str)]
    assert len(captures) == 1
    result = analyse_trace(captures[0].forces_n, 100.0)
    assert result.peak_n.value is None and "pull of 250 N" in (result.peak_n.reason or "")


def test_a_gauge_resting_below_zero_starts_no_trial() -> None:
    batch = batch_from_samples(stream(rest=-30.0, push=0.0))
    assert TrialSegmenter().feed(batch.times_s, batch.forces_n, batch.overload) == []
