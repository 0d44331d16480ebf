"""Trial segmentation and the ring buffer, on synthetic signals with known answers."""

from __future__ import annotations

import numpy as np

from hiptrack.acquisition.ring_buffer import RingBuffer
from hiptrack.acquisition.segmenter import SegmenterSettings, TrialCapture, TrialSegmenter


def signal(rate: float = 100.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """1 s quiet, a 3 s contraction to 200 N with tremor crossing the onset level, 1 s quiet."""
    t = np.arange(0, 5, 1 / rate)
    f = np.where((t >= 1) & (t < 4), 200.0, 2.0)
    f[(t >= 1.0) & (t < 1.05)] = [19, 21, 19, 21, 25]  # chatter around the onset threshold
    return t, f, np.zeros(len(t), bool)


def feed_in_batches(seg: TrialSegmenter, t: np.ndarray, f: np.ndarray, o: np.ndarray, size: int) -> list:
    events: list = []
    for i in range(0, len(t), size):
        events += seg.feed(t[i:i + size], f[i:i + size], o[i:i + size])
    return events


def test_one_contraction_gives_one_trial_whatever_the_batch_size() -> None:
    t, f, o = signal()
    for size in (1, 7, 50, 1000):
        events = feed_in_batches(TrialSegmenter(), t, f, o, size)
        captures = [e for e in events if isinstance(e, TrialCapture)]
        assert events.count("started") == 1 and len(captures) == 1, size
        c = captures[0]
        assert c.peak_n == 200.0 and c.complete
        assert c.times_s[0] <= 0.51 + 1e-9  # 0.5 s of baseline kept before the onset
        assert abs(c.times_s[c.onset_index] - 1.01) < 1e-9
        assert 3.1 <= c.duration_s <= 3.8
        assert abs(c.sample_rate_hz - 100.0) < 1e-6  # type: ignore[operator]


def test_short_bumps_are_not_trials_and_hysteresis_keeps_one_trial() -> None:
    t = np.arange(0, 4, 0.01)
    f = np.full(len(t), 1.0)
    f[(t > 0.5) & (t < 0.7)] = 80.0  # a 0.2 s knock of the gauge
    f[(t > 1.0) & (t < 3.0)] = 150.0
    f[(t > 2.0) & (t < 2.1)] = 15.0  # dips between offset (10) and onset (20): still the same trial
    captures = [e for e in TrialSegmenter().feed(t, f, np.zeros(len(t), bool)) if isinstance(e, TrialCapture)]
    assert len(captures) == 1 and captures[0].peak_n == 150.0


def test_manual_start_stop_and_interrupt_keep_partial_data() -> None:
    seg = TrialSegmenter(SegmenterSettings(onset_n=1000))  # automatic onset never fires
    t = np.arange(0, 1, 0.01)
    seg.start_now(0.0)
    seg.feed(t, np.full(len(t), 50.0), np.zeros(len(t), bool))
    capture = seg.stop_now()
    assert capture is not None and capture.peak_n == 50.0 and capture.complete
    seg.start_now(1.0)
    seg.feed(t + 1, np.full(len(t), 70.0), np.zeros(len(t), bool))
    partial = seg.interrupt("device disconnected mid-trial")
    assert partial is not None and not partial.complete and partial.reason.startswith("device disconnected")
    assert len(partial.forces_n) == len(t)


def test_overload_starts_a_trial_and_never_counts_as_a_force() -> None:
    t = np.arange(0, 3, 0.01)
    f = np.where((t > 1) & (t < 2), 300.0, 0.0)
    o = (t > 1.4) & (t < 1.5)
    f[o] = np.nan
    captures = [e for e in TrialSegmenter().feed(t, f, o) if isinstance(e, TrialCapture)]
    assert len(captures) == 1 and captures[0].any_overload and captures[0].peak_n == 300.0


def test_ring_buffer_wraps_and_returns_the_latest_seconds() -> None:
    buf = RingBuffer(capacity=250)
    t = np.arange(0, 10, 0.01)
    for i in range(0, len(t), 33):
        buf.append(t[i:i + 33], t[i:i + 33] * 2, np.zeros(len(t[i:i + 33]), bool))
    assert buf.total_written == 1000
    lt, lf, _ = buf.latest(1.0)
    assert lt[-1] == t[-1] and np.all(np.diff(lt) > 0) and abs(lt[0] - (t[-1] - 1.0)) < 0.011
    assert np.allclose(lf, lt * 2)


def test_baseline_is_kept_while_disarmed_so_the_next_trial_has_one() -> None:
    """The trial screen disarms during review and rest; the quiet signal before the next
    contraction must still be there for the force-time baseline."""
    seg = TrialSegmenter()
    seg.armed = False
    t = np.arange(0, 1, 0.01)
    seg.feed(t, np.full(len(t), 1.0), np.zeros(len(t), bool))
    seg.armed = True
    t2 = np.arange(1, 3, 0.01)
    f2 = np.where(t2 < 2.0, 150.0, 0.0)
    (started, capture) = seg.feed(t2, f2, np.zeros(len(t2), bool))
    assert started == "started" and isinstance(capture, TrialCapture)
    assert capture.times_s[0] <= 0.51 and capture.onset_index >= 49


def test_ring_buffer_latest_window_matches_a_full_scan() -> None:
    """The tail search must return exactly what filtering the whole buffer would."""
    buf = RingBuffer(capacity=50_000)
    t = np.arange(0, 60, 0.001)  # 60 s at 1 kHz: the buffer has wrapped
    for i in range(0, len(t), 997):
        chunk = t[i:i + 997]
        buf.append(chunk, chunk, np.zeros(len(chunk), bool))
    kept = t[-50_000:]
    for seconds in (0.0, 0.5, 1.0, 8.0, 49.0, 100.0):
        lt, _lf, _lo = buf.latest(seconds)
        assert np.array_equal(lt, kept[kept >= kept[-1] - seconds]), seconds


def test_an_implausible_reading_interrupts_a_trial_and_is_never_part_of_a_trace() -> None:
    t, f, o = signal()
    invalid = np.zeros(len(t), bool)
    f[250], invalid[250] = np.nan, True  # mid-contraction (2.5 s)
    f[50], invalid[50] = np.nan, True  # at rest: dropped, no trial
    events = TrialSegmenter().feed(t, f, o, invalid)
    captures = [e for e in events if isinstance(e, TrialCapture)]
    assert events.count("started") == 1 and len(captures) == 1
    (c,) = captures
    assert not c.complete and "implausible" in c.reason
    assert c.peak_n == 200.0 and not np.isnan(c.forces_n).any() and c.times_s[-1] < 2.5


def test_a_gap_inside_a_trial_interrupts_it_and_no_trial_starts_mid_contraction() -> None:
    t, f, o = signal()
    keep = (t < 1.5) | (t >= 3.5)  # two seconds of silence mid-plateau
    for size in (1, 13, 1000):
        events = feed_in_batches(TrialSegmenter(), t[keep], f[keep], o[keep], size)
        captures = [e for e in events if isinstance(e, TrialCapture)]
        assert events.count("started") == 1 and len(captures) == 1, size
        assert not captures[0].complete and "silent for 2.0 s" in captures[0].reason
        assert captures[0].times_s[-1] < 1.5


def test_expire_ends_a_trial_while_the_gauge_is_still_silent() -> None:
    seg = TrialSegmenter(SegmenterSettings(max_gap_s=1.5))
    t, f, o = signal()
    seg.feed(t[:200], f[:200], o[:200])  # into the plateau
    assert seg.recording
    assert seg.expire(float(t[199]) + 1.0) is None
    partial = seg.expire(float(t[199]) + 2.0)
    assert partial is not None and not partial.complete and "silent for 2.0 s" in partial.reason
    assert not seg.recording and seg.expire(float(t[199]) + 9.0) is None
