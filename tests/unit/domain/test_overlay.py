"""Trials aligned at onset for the results' overlay (issue 17): the onset, peak and RFD points drawn
are the analysis's own (docs/force_time.md), and a trial that cannot be drawn says why."""

from __future__ import annotations

import numpy as np
import pytest

from hiptrack.domain.overlay import COUNTED, NOT_COUNTED, TraceInput, align_trial, side_overlay


def worked_example() -> tuple[np.ndarray, np.ndarray]:
    """docs/force_time.md: 0.4 s at 0 N, then 1, 5, 20, 50, 100, 150, 190 N, 101 samples at 200 N, 0 N."""
    forces = np.array([0.0] * 40 + [1, 5, 20, 50, 100, 150, 190] + [200.0] * 101 + [0.0] * 30)
    return np.arange(forces.size) / 100.0, forces


def trial(number: int = 1, **changes: object) -> TraceInput:
    t, f = worked_example()
    fields: dict[str, object] = {"number": number, "status": COUNTED, "reason": None, "entry": "stream",
                                 "times_s": t, "forces_n": f, "declared_rate_hz": 100.0}
    fields.update(changes)
    return TraceInput(**fields)  # type: ignore[arg-type]


def test_the_worked_example_is_aligned_at_its_onset_with_peak_and_rfd_points() -> None:
    aligned = align_trial(trial())
    assert aligned.drawn and aligned.t_s is not None and aligned.force_n is not None
    onset_i = int(np.flatnonzero(np.isclose(aligned.t_s, 0.0))[0])
    assert onset_i == 40 and aligned.force_n[onset_i] == 1.0  # onset 0.40 s, traced back to 1 N
    assert aligned.peak_n == pytest.approx(200.0) and aligned.peak_t_s is not None and aligned.peak_t_s >= 0.06
    # RFD 0–100 ms = (200 − 1) / 0.1: the points drawn are F(onset + w).
    assert aligned.rfd_points == (pytest.approx((0.1, 200.0)), pytest.approx((0.2, 200.0)))


def test_trials_without_a_trace_or_an_onset_are_listed_with_the_reason() -> None:
    typed = align_trial(trial(2, entry="manual", times_s=None, forces_n=None))
    assert not typed.drawn and typed.missing == "no trace (typed in)"
    imported = align_trial(trial(3, entry="import", times_s=None, forces_n=None))
    assert imported.missing == "no trace (imported)"
    flat = align_trial(trial(4, forces_n=np.zeros(178)))
    assert not flat.drawn and flat.missing is not None and flat.missing.startswith("not aligned: no onset")
    broken = align_trial(trial(5, unreadable="trace is truncated or damaged"))
    assert broken.missing == "trace unreadable (trace is truncated or damaged)"
    # A damaged trace the analysis refuses (times going backwards) is listed, never raised.
    t, _f = worked_example()
    backwards = align_trial(trial(6, times_s=t[::-1].copy(), declared_rate_hz=None))
    assert not backwards.drawn and "not analysable" in (backwards.missing or "")


def test_a_side_keeps_trial_order_and_each_trials_status() -> None:
    overlay = side_overlay("left", [trial(2, status=NOT_COUNTED, reason="pain"), trial(1)])
    assert [(t.number, t.status, t.reason) for t in overlay.trials] == [(1, COUNTED, None), (2, NOT_COUNTED, "pain")]
    assert overlay.rfd_windows_s == (0.1, 0.2)


def test_each_trial_is_put_on_its_clock_once_the_analysis_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import hiptrack.domain.forcetime as forcetime
    import hiptrack.domain.overlay as overlay

    calls: list[int] = []
    real = forcetime.time_base

    def counted(n: int, **kw: object):  # type: ignore[no-untyped-def]
        calls.append(n)
        return real(n, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(forcetime, "time_base", counted)
    if hasattr(overlay, "time_base"):
        monkeypatch.setattr(overlay, "time_base", counted)
    burst = trial(declared_rate_hz=None, times_s=np.ceil(worked_example()[0] / 0.04) * 0.04)  # repaired clock
    aligned = align_trial(burst)
    assert len(calls) == 1
    assert aligned.t_s is not None
    expected = real(aligned.t_s.size, declared_rate_hz=None, host_t_s=burst.times_s).t_s
    assert expected is not None and np.allclose(aligned.t_s - aligned.t_s[0], expected - expected[0])
