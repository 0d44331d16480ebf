"""Force–time metrics from one trial's raw trace.

Definitions (clinical.md §1 and §9: VALD DynaMo, Hoggan microFET, rfd_calculator_app):
- baseline: median force in the pre-contraction window (the first `baseline_window_s` of the
  trace). When the trace also ends at rest, a straight line through the pre-onset and post-offset
  windows replaces the constant, which removes a slowly drifting (e.g. warming) load cell.
- onset: the first time the force, smoothed by a short moving median, stays above baseline +
  threshold for `sustain_s`. The threshold is absolute (default 20 N, the clinic's
  `onset_threshold_n` setting; VALD's rep detection defaults to 30 N [weak], the microFET lets the
  user set one), optionally raised to a fraction of the net peak. The crossing is interpolated
  between samples.
- peak: the largest smoothed net force (force − baseline) between onset and offset.
- time to peak: peak time − onset time.
- RFD 0–100 / 0–200 ms (N/s): (net force at onset + w − net force at onset) / w, interpolated.
- impulse (N·s): trapezoid integral of net force from onset to offset, offset being the first
  sustained fall back below the threshold after the peak.

Why a moving median: a single-sample spike (a knock on the pad, a serial glitch) moves a median by
nothing, yet a ramp or a plateau passes through it unchanged, so RFD on a clean ramp is exact.

A metric the trace cannot support is a `Metric` with value None and a reason, never a number:
no onset, trace too short for the RFD window, force not back to rest for the impulse, or the
device overloaded (clipped) during the stretch the metric depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from hiptrack.domain.errors import DomainError

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Metric:
    value: float | None
    unit: str
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None

    def to_json_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "reason": self.reason}


@dataclass(frozen=True)
class ForceTimeSettings:
    onset_threshold_n: float = 20.0
    onset_fraction_of_peak: float | None = None  # e.g. 0.05: threshold = max(absolute, 5 % of net peak)
    baseline_window_s: float = 0.3
    smoothing_window_s: float = 0.02
    sustain_s: float = 0.03
    overload_fraction: float = 0.995  # a sample at ≥ 99.5 % of capacity_n counts as clipped

    def __post_init__(self) -> None:
        if not self.onset_threshold_n > 0:
            raise DomainError("Onset threshold must be above 0 N")
        if self.onset_fraction_of_peak is not None and not 0 < self.onset_fraction_of_peak < 1:
            raise DomainError("Onset fraction of peak must be between 0 and 1")
        for name in ("baseline_window_s", "smoothing_window_s", "sustain_s"):
            if not getattr(self, name) > 0:
                raise DomainError(f"Force–time setting {name} must be above 0")


@dataclass(frozen=True)
class ForceTimeResult:
    baseline_n: Metric
    threshold_n: float
    onset_s: Metric
    offset_s: Metric
    peak_n: Metric
    time_to_peak_s: Metric
    rfd_100_n_per_s: Metric
    rfd_200_n_per_s: Metric
    impulse_n_s: Metric
    detrended: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"threshold_n": self.threshold_n, "detrended": self.detrended,
                               "notes": list(self.notes)}
        for name in ("baseline_n", "onset_s", "offset_s", "peak_n", "time_to_peak_s",
                     "rfd_100_n_per_s", "rfd_200_n_per_s", "impulse_n_s"):
            out[name] = getattr(self, name).to_json_dict()
        return out


# --- input checks --------------------------------------------------------------------------------

def _as_array(values: Any, what: str) -> FloatArray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise DomainError(f"{what} contains values that are not numbers") from None
    if array.ndim != 1:
        raise DomainError(f"{what} must be a single series of samples")
    if not np.all(np.isfinite(array)):
        raise DomainError(f"{what} contains missing or infinite samples")
    return array


def _time_base(n: int, sample_rate_hz: float, t_s: Any | None) -> FloatArray:
    if not (np.isfinite(sample_rate_hz) and sample_rate_hz > 0):
        raise DomainError(f"Sample rate must be above 0 Hz (got {sample_rate_hz!r})")
    if t_s is None:
        return np.arange(n, dtype=np.float64) / float(sample_rate_hz)
    t = _as_array(t_s, "Trace times")
    if t.size != n:
        raise DomainError(f"Trace times ({t.size}) and forces ({n}) differ in length")
    if np.any(np.diff(t) <= 0):
        raise DomainError("Trace times must increase from sample to sample")
    return t


def _overload_mask(
    force: FloatArray, overload: Any | None, capacity_n: float | None, fraction: float
) -> npt.NDArray[np.bool_]:
    mask = np.zeros(force.size, dtype=bool)
    if overload is not None:
        given = np.asarray(overload, dtype=bool)
        if given.shape != force.shape:
            raise DomainError("The overload flags and the forces differ in length")
        mask |= given
    if capacity_n is not None:
        if not (np.isfinite(capacity_n) and capacity_n > 0):
            raise DomainError(f"Device capacity must be above 0 N (got {capacity_n!r})")
        mask |= force >= fraction * capacity_n
    return mask


# --- signal helpers ------------------------------------------------------------------------------

def moving_median(values: FloatArray, window: int) -> FloatArray:
    """Centred moving median of an odd window, edges padded with the end values."""
    if window <= 1 or values.size < 3:
        return values.copy()
    window = min(window | 1, values.size if values.size % 2 else values.size - 1)
    half = window // 2
    padded = np.pad(values, half, mode="edge")
    return np.median(np.lib.stride_tricks.sliding_window_view(padded, window), axis=1)


def _samples(seconds: float, t: FloatArray) -> int:
    dt = float(np.median(np.diff(t))) if t.size > 1 else 1.0
    return max(1, round(seconds / dt))


def _first_sustained(condition: npt.NDArray[np.bool_], start: int, length: int) -> int | None:
    """First index ≥ start where `condition` holds for `length` samples (or to the end)."""
    n = condition.size
    length = max(1, min(length, n - start)) if start < n else 1
    run = 0
    for i in range(start, n):
        run = run + 1 if condition[i] else 0
        if run >= length:
            return i - length + 1
    return None


def _crossing_time(t: FloatArray, net: FloatArray, i: int, level: float) -> float:
    """Time at which `net` crosses `level` between samples i−1 and i (linear interpolation)."""
    if i == 0:
        return float(t[0])
    a, b = net[i - 1], net[i]
    if a == b:
        return float(t[i])
    frac = float(np.clip((level - a) / (b - a), 0.0, 1.0))
    return float(t[i - 1] + frac * (t[i] - t[i - 1]))


@dataclass(frozen=True)
class _Detection:
    threshold: float
    onset_i: int | None
    onset_t: float | None
    offset_i: int | None
    offset_t: float | None
    peak_i: int | None


def _detect(t: FloatArray, net: FloatArray, settings: ForceTimeSettings, start: int) -> _Detection:
    threshold = settings.onset_threshold_n
    if settings.onset_fraction_of_peak is not None:
        threshold = max(threshold, settings.onset_fraction_of_peak * float(np.max(net)))
    sustain = _samples(settings.sustain_s, t)
    onset_i = _first_sustained(net > threshold, start, sustain)
    if onset_i is None:
        return _Detection(threshold, None, None, None, None, None)
    onset_t = _crossing_time(t, net, onset_i, threshold)
    # The offset is the first sustained return to rest after the force first peaks; search it from
    # the highest point so that a dip on the plateau does not end the contraction early.
    provisional_end = _first_sustained(net <= threshold, onset_i, sustain)
    stop = provisional_end if provisional_end is not None else net.size
    peak_i = onset_i + int(np.argmax(net[onset_i:stop]))
    offset_i = _first_sustained(net <= threshold, peak_i, sustain)
    if offset_i is not None:
        peak_i = onset_i + int(np.argmax(net[onset_i:offset_i]))
    offset_t = _crossing_time(t, net, offset_i, threshold) if offset_i is not None else None
    return _Detection(threshold, onset_i, onset_t, offset_i, offset_t, peak_i)


# --- the analysis --------------------------------------------------------------------------------

def _finite_metric(value: float, unit: str) -> Metric:
    if not np.isfinite(value):
        return Metric(None, unit, "not computable: the numbers overflowed")
    return Metric(float(value), unit)


def _all_missing(baseline: Metric, threshold: float, reason: str, notes: tuple[str, ...] = ()) -> ForceTimeResult:
    def m(unit: str) -> Metric:
        return Metric(None, unit, reason)

    return ForceTimeResult(baseline, threshold, m("s"), m("s"), m("N"), m("s"), m("N/s"), m("N/s"), m("N·s"),
                           notes=notes)


def _rfd(t: FloatArray, net: FloatArray, clipped: npt.NDArray[np.bool_], onset_t: float, window_s: float) -> Metric:
    label = f"onset + {window_s * 1000:.0f} ms"
    end = onset_t + window_s
    if end > t[-1] + 1e-12:
        return Metric(None, "N/s", f"trace ends before {label}")
    if np.any(clipped[(t >= onset_t) & (t <= end)]):
        return Metric(None, "N/s", f"unreliable: overload between onset and {label}")
    delta = float(np.interp(end, t, net) - np.interp(onset_t, t, net))
    return _finite_metric(delta / window_s, "N/s")


def _impulse(t: FloatArray, net: FloatArray, d: _Detection, clipped: npt.NDArray[np.bool_]) -> Metric:
    if d.offset_i is None or d.offset_t is None or d.onset_i is None or d.onset_t is None:
        return Metric(None, "N·s", "no offset: force had not returned to baseline by the end of the trace")
    if np.any(clipped[d.onset_i:d.offset_i]):
        return Metric(None, "N·s", "unreliable: overload during the contraction")
    times = np.concatenate(([d.onset_t], t[d.onset_i:d.offset_i], [d.offset_t]))
    forces = np.concatenate(
        ([np.interp(d.onset_t, t, net)], net[d.onset_i:d.offset_i], [np.interp(d.offset_t, t, net)])
    )
    area = float(np.sum((forces[1:] + forces[:-1]) * np.diff(times)) / 2.0)
    return _finite_metric(area, "N·s")


def analyse_trace(
    force_n: Any,
    sample_rate_hz: float,
    *,
    t_s: Any | None = None,
    overload: Any | None = None,
    capacity_n: float | None = None,
    settings: ForceTimeSettings | None = None,
) -> ForceTimeResult:
    """Force–time metrics of one trial. Raises DomainError only for unusable input (empty, NaN,
    mismatched lengths, non-increasing times); a trace that merely lacks a contraction returns
    metrics with reasons."""
    cfg = settings or ForceTimeSettings()
    raw = _as_array(force_n, "Trace forces")
    if raw.size < 3:
        raise DomainError(f"A trace needs at least 3 samples (got {raw.size})")
    t = _time_base(raw.size, float(sample_rate_hz), t_s)
    clipped = _overload_mask(raw, overload, capacity_n, cfg.overload_fraction)
    smooth = moving_median(raw, _samples(cfg.smoothing_window_s, t))

    head = t <= t[0] + cfg.baseline_window_s
    head_n = int(np.count_nonzero(head))
    if head_n < 3:
        reason = "no baseline: fewer than 3 samples before the contraction window"
        return _all_missing(Metric(None, "N", reason), cfg.onset_threshold_n, reason)
    level = float(np.median(smooth[head]))
    if float(np.ptp(smooth[head])) > cfg.onset_threshold_n:
        reason = "no baseline: the force was already changing when the recording started"
        return _all_missing(Metric(None, "N", reason), cfg.onset_threshold_n, reason)

    baseline: FloatArray = np.full(raw.size, level)
    d = _detect(t, smooth - baseline, cfg, head_n)
    detrended = False
    notes: list[str] = []
    tail = t >= t[-1] - cfg.baseline_window_s
    tail_start = int(np.argmax(tail))
    if (d.offset_i is not None and tail_start > d.offset_i and np.count_nonzero(tail) >= 3
            and float(np.ptp(smooth[tail])) <= cfg.onset_threshold_n):
        # Rest at both ends: a straight line through both windows follows a drifting zero.
        quiet = head | tail
        slope, intercept = np.polyfit(t[quiet] - t[0], smooth[quiet], 1)
        baseline = intercept + slope * (t - t[0])
        d = _detect(t, smooth - baseline, cfg, head_n)
        detrended = True
        if abs(slope * (t[-1] - t[0])) >= 0.1:
            notes.append(f"baseline drift {slope:+.2f} N/s removed")

    if d.onset_i is None or d.onset_t is None or d.peak_i is None:
        reason = (f"no onset: force never rose {d.threshold:g} N above baseline "
                  f"for {cfg.sustain_s * 1000:.0f} ms")
        return _all_missing(Metric(level, "N"), d.threshold, reason, tuple(notes))

    net = smooth - baseline
    baseline_metric = _finite_metric(float(np.interp(d.onset_t, t, baseline)), "N")
    onset = _finite_metric(d.onset_t, "s")
    offset = (_finite_metric(d.offset_t, "s") if d.offset_t is not None
              else Metric(None, "s", "no offset: force had not returned to baseline by the end of the trace"))
    contraction_end = d.offset_i if d.offset_i is not None else raw.size
    if np.any(clipped[d.onset_i:contraction_end]):
        # The device hit its limit: the true peak is somewhere above what was recorded.
        peak = Metric(None, "N", "unreliable: overload (the force reached the device's capacity)")
        ttp = Metric(None, "s", "unreliable: overload (the peak time is unknown)")
    else:
        peak = _finite_metric(float(net[d.peak_i]), "N")
        ttp = _finite_metric(float(t[d.peak_i]) - d.onset_t, "s")
    return ForceTimeResult(
        baseline_n=baseline_metric,
        threshold_n=d.threshold,
        onset_s=onset,
        offset_s=offset,
        peak_n=peak,
        time_to_peak_s=ttp,
        rfd_100_n_per_s=_rfd(t, net, clipped, d.onset_t, 0.1),
        rfd_200_n_per_s=_rfd(t, net, clipped, d.onset_t, 0.2),
        impulse_n_s=_impulse(t, net, d, clipped),
        detrended=detrended,
        notes=tuple(notes),
    )
