"""Automatic trial segmentation: onset and offset thresholds with hysteresis, a minimum duration.

Pure Python, fed batch by batch on the reader thread so that no trial depends on how quickly the
GUI runs. Forces are signed, a push positive. A trial starts when the force rises above `onset_n`
and ends when it has stayed below `offset_n` (lower, so tremor around one threshold does not split
a contraction) for `release_s`. A pull (the force falling `PULL_FACTOR` onset thresholds below
rest) is captured the same way, so that the analysis can say it was not a push rather than the
screen staying silent.
Contractions shorter than `min_duration_s` are ignored (a bump of the gauge, not a trial). The
captured trace includes `pre_s` of quiet signal before the onset, which the force-time metrics
use as the baseline.

Two faults end a trial as interrupted (kept, marked incomplete with the reason, never closed as a
complete trial): an implausible reading from the gauge (not a force at all, see
hiptrack.devices.plausibility), and a silence longer than `max_gap_s` (a trace with a 30 s hole
would otherwise come out as one long trial with an inflated impulse). After an interruption the
force must fall back to rest before the next automatic onset, so no trial starts mid-contraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# A pull starts a capture when the force falls this many onset thresholds below rest: far enough
# that a gauge zeroed under load (rest at −30 N) never does, near enough that any real pull does.
PULL_FACTOR = 3.0


@dataclass(frozen=True)
class SegmenterSettings:
    onset_n: float = 20.0
    offset_n: float = 10.0
    min_duration_s: float = 0.5
    release_s: float = 0.15
    pre_s: float = 0.5
    max_duration_s: float = 20.0  # a trial never runs on forever if the gauge rests on something
    # Longest gap between samples inside a trial: above the 1 s interval of the slowest gauges
    # (Lutron at 1 Hz), below the 2 s after which the driver reports the gauge silent.
    max_gap_s: float = 1.5


IMPLAUSIBLE_READING = "the gauge sent an implausible reading (not a number, or beyond what it can measure)"


def silence_reason(seconds: float) -> str:
    return f"the gauge went silent for {seconds:.1f} s mid-trial"


@dataclass(frozen=True)
class TrialCapture:
    """A captured trial: plain data, safe to hand from the reader thread to the GUI."""

    times_s: np.ndarray  # seconds, monotonic host clock (burst-stamped when the device declares no rate)
    forces_n: np.ndarray  # signed, a push positive
    overload: np.ndarray
    onset_index: int
    complete: bool = True  # False when cut short (device disconnected, stopped by hand)
    reason: str = ""
    declared_rate_hz: float | None = None  # the device's output rate; None when it declares none

    @property
    def peak_n(self) -> float:
        valid = self.forces_n[~self.overload]
        return float(valid.max()) if len(valid) else float("nan")

    @property
    def any_overload(self) -> bool:
        return bool(self.overload.any())

    @property
    def duration_s(self) -> float:
        return float(self.times_s[-1] - self.times_s[0]) if len(self.times_s) > 1 else 0.0

    @property
    def sample_rate_hz(self) -> float | None:
        if len(self.times_s) < 3:
            return None
        step = float(np.median(np.diff(self.times_s)))
        return 1.0 / step if step > 0 else None


@dataclass
class _Recording:
    onset_t: float
    t: list[np.ndarray] = field(default_factory=list)
    f: list[np.ndarray] = field(default_factory=list)
    o: list[np.ndarray] = field(default_factory=list)
    below_since: float | None = None
    manual: bool = False
    # A pull (the force going the other way) ends when the force is back within offset_n of the
    # rest level it left; it is captured so that the clinician is told, never counted as a push.
    pull_rest_n: float | None = None


class TrialSegmenter:
    def __init__(self, settings: SegmenterSettings | None = None) -> None:
        self.settings = settings or SegmenterSettings()
        self.armed = True
        self.declared_rate_hz: float | None = None
        self._history: tuple[np.ndarray, np.ndarray, np.ndarray] = (np.empty(0), np.empty(0), np.empty(0, bool))
        self._rec: _Recording | None = None
        self._last_t: float | None = None  # time of the last sample seen, for gaps across batches
        self._await_release = False  # after an interruption: no onset until the force is at rest

    @property
    def recording(self) -> bool:
        return self._rec is not None

    def feed(
        self, t: np.ndarray, f: np.ndarray, overload: np.ndarray, invalid: np.ndarray | None = None
    ) -> list[TrialCapture | str]:
        """Process a batch; returns events in order: "started" or a finished TrialCapture.

        `invalid` marks implausible readings (NaN forces that are not overload): they are never
        part of a trace, and one inside a trial interrupts it. So does a gap above `max_gap_s`.
        """
        events: list[TrialCapture | str] = []
        start = 0
        for k, gap in self._breaks(t, invalid):
            events += self._feed(t[start:k], f[start:k], overload[start:k])
            if gap:
                self._interrupt_into(events, silence_reason(gap))
                start = k  # the sample after the silence is data
            else:
                self._interrupt_into(events, IMPLAUSIBLE_READING)
                start = k + 1  # the implausible reading itself is dropped
        events += self._feed(t[start:], f[start:], overload[start:])
        if len(t):
            self._last_t = float(t[-1])
        return events

    def expire(self, now: float) -> TrialCapture | None:
        """Interrupt the current trial if nothing has arrived for longer than `max_gap_s`."""
        if self._rec is None or self._last_t is None or now - self._last_t <= self.settings.max_gap_s:
            return None
        return self._interrupt(silence_reason(now - self._last_t))

    def _breaks(self, t: np.ndarray, invalid: np.ndarray | None) -> list[tuple[int, float]]:
        """(index, gap) where a trial must end: gap > 0 before a silence, 0.0 at an implausible reading."""
        n = len(t)
        if n == 0:
            return []
        prev = np.empty(n)
        prev[0] = t[0] if self._last_t is None else self._last_t
        prev[1:] = t[:-1]
        gaps = t - prev
        marks = gaps > self.settings.max_gap_s
        if invalid is not None:
            marks = marks | invalid
        return [(int(k), float(gaps[k]) if not (invalid is not None and invalid[k]) else 0.0)
                for k in np.flatnonzero(marks)]

    def _interrupt_into(self, events: list[TrialCapture | str], reason: str) -> None:
        capture = self._interrupt(reason)
        if capture is not None:
            events.append(capture)

    def _interrupt(self, reason: str) -> TrialCapture | None:
        if self._rec is None:
            return None
        capture = self._finish(complete=False, reason=reason, force=True)
        self._await_release = True
        return capture

    def _feed(self, t: np.ndarray, f: np.ndarray, overload: np.ndarray) -> list[TrialCapture | str]:
        events: list[TrialCapture | str] = []
        s = self.settings
        i = 0
        n = len(t)
        while i < n:
            if self._rec is None:
                if self._await_release:
                    rest = np.nonzero((f[i:] < s.offset_n) & ~overload[i:])[0]
                    if len(rest) == 0:
                        return events  # still the interrupted contraction: not a baseline either
                    i += int(rest[0])
                    self._await_release = False
                if not self.armed:
                    break  # still remembered below: the next trial needs its quiet baseline
                rest_n = self._rest_level(f[i:], overload[i:])
                pulled = f[i:] <= rest_n - PULL_FACTOR * s.onset_n
                above = np.nonzero((f[i:] >= s.onset_n) | overload[i:] | pulled)[0]
                if len(above) == 0:
                    break
                j = i + int(above[0])
                self._remember(t[i:j], f[i:j], overload[i:j])
                self._begin(t[j])
                if f[j] < s.onset_n and not overload[j]:
                    assert self._rec is not None
                    self._rec.pull_rest_n = rest_n
                events.append("started")
                i = j
                continue
            # Recording: find where the force stays below offset for release_s.
            rec = self._rec
            end = None
            for k in range(i, n):
                if rec.pull_rest_n is None:
                    below = f[k] < s.offset_n and not overload[k]
                else:
                    below = f[k] > rec.pull_rest_n - s.offset_n and not overload[k]
                if below and not rec.manual:
                    if rec.below_since is None:
                        rec.below_since = t[k]
                    if t[k] - rec.below_since >= s.release_s:
                        end = k + 1
                        break
                else:
                    rec.below_since = None
                if t[k] - rec.onset_t >= s.max_duration_s:
                    end = k + 1
                    break
            stop = n if end is None else end
            rec.t.append(t[i:stop])
            rec.f.append(f[i:stop])
            rec.o.append(overload[i:stop])
            i = stop
            if end is not None:
                capture = self._finish(complete=True)
                if capture is not None:
                    events.append(capture)
        if self._rec is None and i < n:
            self._remember(t[i:], f[i:], overload[i:])
        return events

    def start_now(self, t: float) -> None:
        """Begin a trial by hand (keyboard), whatever the force; it ends only with stop_now()."""
        if self._rec is None:
            self._begin(t)
        assert self._rec is not None
        self._rec.manual = True

    def stop_now(self, reason: str = "") -> TrialCapture | None:
        """End the current trial by hand; the capture is kept even if shorter than the minimum."""
        return self._finish(complete=not reason, reason=reason, force=True)

    def interrupt(self, reason: str) -> TrialCapture | None:
        """The device went away mid-trial: hand back what was recorded so far."""
        return self._interrupt(reason)

    def _begin(self, onset_t: float) -> None:
        self._await_release = False
        pre_t, pre_f, pre_o = self._history
        self._rec = _Recording(onset_t=onset_t, t=[pre_t], f=[pre_f], o=[pre_o])
        self._history = (np.empty(0), np.empty(0), np.empty(0, bool))

    def _rest_level(self, f: np.ndarray, overload: np.ndarray) -> float:
        """The force at rest before this batch (the remembered quiet signal), else where it starts."""
        hf, ho = self._history[1], self._history[2]
        quiet = hf[~ho & np.isfinite(hf)] if len(hf) else f[:1][~overload[:1]]
        return float(np.median(quiet)) if len(quiet) else 0.0

    def _remember(self, t: np.ndarray, f: np.ndarray, o: np.ndarray) -> None:
        """Keep the last pre_s of quiet signal for the next trial's baseline."""
        if len(t) == 0:
            return
        ht, hf, ho = (np.concatenate([a, b]) for a, b in zip(self._history, (t, f, o), strict=True))
        keep = ht >= ht[-1] - self.settings.pre_s
        self._history = (ht[keep], hf[keep], ho[keep].astype(bool))

    def _finish(self, complete: bool, reason: str = "", force: bool = False) -> TrialCapture | None:
        rec, self._rec = self._rec, None
        if rec is None:
            return None
        t = np.concatenate(rec.t)
        f = np.concatenate(rec.f)
        o = np.concatenate(rec.o).astype(bool)
        if len(t) == 0:
            return None
        onset_index = int(np.searchsorted(t, rec.onset_t))
        active = t[-1] - rec.onset_t
        if not force and active < self.settings.min_duration_s:
            return None  # too short to be a contraction
        return TrialCapture(t, f, o, onset_index, complete=complete, reason=reason,
                            declared_rate_hz=self.declared_rate_hz)
