"""Force–time metrics of one trial's raw trace: the one analysis path.

The trial screen (through hiptrack.operations.recording), `hiptrack analyse TRACE.csv` and
`hiptrack db reanalyse` all call `analyse_trace`; nothing else computes these numbers.
`ANALYSIS_VERSION` is stored with every trial so that a changed definition can be re-applied to
the raw traces.

Definitions (version 2; docs/force_time.md has worked examples):
- Forces are signed, a push positive (hiptrack.devices.samples), as the gauge reported them after
  its tare. A tension is never turned into a push.
- Time base: hiptrack.domain.timebase (declared rate, else host times repaired onto a uniform
  clock, else none; never an assumed rate).
- Rest level: median of the first `baseline_window_s` (the quiet pre-contraction window the
  segmenter keeps); its noise band is max(`noise_floor_n`, 3 robust SDs).
- Peak: the largest force the gauge reported (what every HHD and VALD DynaMo report, real-world.md
  §1). A pad pre-load or a start under load stays in the peak and is noted ("started under 150 N
  load"). The one correction: a rest level below zero means the gauge was zeroed under load, so
  forces are counted from that rest level (bounded by `max_zero_correction_n`, and noted).
- Onset (Maffiuletti NA et al. 2016, Eur J Appl Physiol 116(6):1091–1116, "Rate of force
  development": onset is where force leaves the baseline; an automated threshold traced back to
  the baseline, as VALD's "start of movement"): the first time the smoothed force stays
  `onset_threshold_n` above the rest level for max(`sustain_s`, 3 samples), traced back to the
  last sample still within the rest level's noise band. A knock shorter than the sustain is not
  a contraction.
- RFD 0–w (Maffiuletti 2016): (F(onset + w) − F(onset)) / w, F linearly interpolated between
  samples. Not reported when onset + w lies past the end of the contraction (offset) or of the
  trace, or when fewer than 10 samples fall inside the window (RFD 0–100 ms needs ≥ 100 Hz).
- Time to peak: from onset to the first sample within a band of the peak, the band being the
  widest of 5 % of the rise, the rest noise band, 4 SDs of the sample-to-sample noise during the
  contraction and twice the peak's height above the plateau's median (tremor), so that the noise
  of a make test's plateau cannot move it (a plain arg-max wanders over the whole plateau).
- Impulse: trapezoid integral of force above the rest level from onset to offset, offset being
  the first sustained fall back below the onset threshold after the peak.
- Starting under load (rest level above `loaded_start_n`): RFD, time to peak and impulse are
  withheld, because they describe a contraction from rest (Maffiuletti 2016).

A metric the trace cannot support is a `Metric` with value None and a reason, never a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from hiptrack.domain.errors import DomainError
from hiptrack.domain.timebase import TimeBase, time_base
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, joined

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ANALYSIS_VERSION = 2  # 1: net peak above the first 0.3 s, 20 N onset, assumed 50 Hz (hiptrack ≤ 0.2)
MIN_SAMPLES_PER_WINDOW = 10
RFD_WINDOWS_S = (0.1, 0.2)  # RFD 0–100 ms and 0–200 ms (rfd_100_n_per_s, rfd_200_n_per_s)
MIN_RATE_HZ = 10.0  # below this, onset and time to peak are guesses between samples
TTP_BAND_FRACTION = 0.05
# The names the stored trial, the CSV export and `hiptrack analyse --json` use.
METRIC_NAMES = ("peak_force_n", "onset_s", "time_to_peak_s", "rfd_100_n_per_s", "rfd_200_n_per_s", "impulse_n_s")


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
    baseline_window_s: float = 0.3
    noise_floor_n: float = 2.0
    smoothing_window_s: float = 0.02
    sustain_s: float = 0.05
    loaded_start_n: float = 50.0  # a rest level above this is a contraction already under way
    preload_note_n: float = 5.0  # a rest level above this is noted (pad pre-load)
    max_zero_correction_n: float = 50.0
    overload_fraction: float = 0.995  # a sample at ≥ 99.5 % of capacity_n counts as clipped

    def __post_init__(self) -> None:
        if not self.onset_threshold_n > 0:
            raise DomainError("Onset threshold must be above 0 N")
        for name in ("baseline_window_s", "noise_floor_n", "smoothing_window_s", "sustain_s"):
            if not getattr(self, name) > 0:
                raise DomainError(f"Force–time setting {name} must be above 0")


@dataclass(frozen=True)
class ForceTimeResult:
    baseline_n: Metric  # the rest level before the contraction
    threshold_n: float
    onset_s: Metric
    offset_s: Metric
    peak_n: Metric
    time_to_peak_s: Metric
    rfd_100_n_per_s: Metric
    rfd_200_n_per_s: Metric
    impulse_n_s: Metric
    time_base: str = "none"
    rate_hz: float | None = None
    onset_imposed: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    version: int = ANALYSIS_VERSION
    # The analysis clock the figures were found on (s from the first sample; None without a time
    # base), so a drawing places the trace where the analysis did without building the clock again.
    t_s: FloatArray | None = field(default=None, compare=False, repr=False)

    def stored_metrics(self) -> dict[str, float | None]:
        """The trial's columns, by the names in METRIC_NAMES."""
        return {name: metric.value for name, metric in zip(METRIC_NAMES, self._metrics(), strict=True)}

    def _metrics(self) -> tuple[Metric, ...]:
        return (self.peak_n, self.onset_s, self.time_to_peak_s, self.rfd_100_n_per_s, self.rfd_200_n_per_s,
                self.impulse_n_s)

    def note_text(self) -> str:
        """The notes in one line, for the trial list and the stored trial."""
        # A Phrase of the notes, so a screen showing it with label() translates each note.
        return joined("; ", self.notes)

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"analysis_version": self.version, "time_base": self.time_base,
                               "sample_rate_hz": self.rate_hz, "onset_imposed": self.onset_imposed,
                               "threshold_n": self.threshold_n, "rest_level_n": self.baseline_n.value}
        out.update(self.stored_metrics())
        out["withheld"] = {name: m.reason for name, m in zip(METRIC_NAMES, self._metrics(), strict=True)
                           if m.value is None}
        out["notes"] = list(self.notes)
        return out


# --- input checks --------------------------------------------------------------------------------

def _forces(values: Any, overload: BoolArray) -> FloatArray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise DomainError("Trace forces contain values that are not numbers") from None
    if array.ndim != 1:
        raise DomainError("Trace forces must be a single series of samples")
    if array.size < 3:
        raise DomainError(f"A trace needs at least 3 samples (got {array.size})")
    bad = ~np.isfinite(array) & ~overload
    if np.any(bad):
        raise DomainError(f"Trace forces contain {int(bad.sum())} missing or infinite samples not marked as overload")
    return array


def _overload_mask(n: int, overload: Any | None) -> BoolArray:
    if overload is None:
        return np.zeros(n, dtype=bool)
    given = np.asarray(overload, dtype=bool)
    if given.shape != (n,):
        raise DomainError("The overload flags and the forces differ in length")
    return given


# --- signal helpers ------------------------------------------------------------------------------

def moving_median(values: FloatArray, window: int) -> FloatArray:
    """Centred moving median of an odd window, edges padded with the end values. A single-sample
    spike (a knock, a serial glitch) moves it by nothing; a ramp or a plateau passes unchanged."""
    if window <= 1 or values.size < 3:
        return values.copy()
    window = min(window | 1, values.size if values.size % 2 else values.size - 1)
    half = window // 2
    windows = np.lib.stride_tricks.sliding_window_view(np.pad(values, half, mode="edge"), window)
    if values.dtype != np.float64 or np.isnan(values).any():
        return np.median(windows, axis=1)  # NaN in a window gives NaN; ints give their float medians
    # The median of an odd window is its middle value: np.median partitions the same way, but its
    # NaN check and mean over that one value tripled the time (issue 13: 12 traces per switch).
    return np.partition(windows, half, axis=1)[:, half].copy()  # not a view holding every window


def _first_sustained(condition: BoolArray, start: int, length: int) -> int | None:
    """First index ≥ start where `condition` holds for `length` samples (or to the end)."""
    n = condition.size
    if start >= n:
        return None
    length = max(1, min(length, n - start))
    # Runs of `length` true samples: a window sum equal to its length (vectorised; traces are long).
    sums = np.convolve(condition[start:].astype(np.int32), np.ones(length, dtype=np.int32), mode="valid")
    hits = np.flatnonzero(sums == length)
    return start + int(hits[0]) if hits.size else None


def _crossing_time(t: FloatArray, net: FloatArray, i: int, level: float) -> float:
    """Time at which `net` crosses `level` between samples i−1 and i (linear interpolation)."""
    if i == 0:
        return float(t[0])
    a, b = net[i - 1], net[i]
    if a == b:
        return float(t[i])
    frac = float(np.clip((level - a) / (b - a), 0.0, 1.0))
    return float(t[i - 1] + frac * (t[i] - t[i - 1]))


def _missing(unit: str, reason: str) -> Metric:
    return Metric(None, unit, reason)


def _finite(value: float, unit: str) -> Metric:
    if not np.isfinite(value):
        return Metric(None, unit, QT_TRANSLATE_NOOP("Labels", "not computable: the numbers overflowed"))
    return Metric(float(value), unit)


# --- the analysis --------------------------------------------------------------------------------

# Reasons and notes are marked for translation (Phrases where they hold numbers): screens show
# them with hiptrack.reports.translation.label(). Stored with a trial they are English.
_NO_OFFSET = QT_TRANSLATE_NOOP("Labels", "no offset: force had not returned to rest by the end of the trace")

@dataclass(frozen=True)
class _Rest:
    level: float  # rest level after any zero correction
    band: float  # noise band around it
    head_n: int  # samples in the rest window
    quiet: bool


def _rest(force: FloatArray, smooth: FloatArray, t: FloatArray | None, cfg: ForceTimeSettings) -> _Rest:
    head_n = int(np.count_nonzero(t <= t[0] + cfg.baseline_window_s)) if t is not None else 3
    head_n = max(3, min(head_n, force.size))
    head = force[:head_n]
    level = float(np.median(head))
    mad = float(np.median(np.abs(head - level)))
    band = max(cfg.noise_floor_n, 3.0 * 1.4826 * mad)
    quiet = bool(np.isfinite(level) and float(np.ptp(smooth[:head_n])) <= cfg.onset_threshold_n)
    return _Rest(level, band, head_n, quiet)


def _sustain(t: FloatArray, cfg: ForceTimeSettings) -> int:
    return max(3, round(cfg.sustain_s / float(np.median(np.diff(t)))))


def _contraction(t: FloatArray, net: FloatArray, rest: _Rest, cfg: ForceTimeSettings,
                 imposed_onset_s: float | None) -> tuple[float | None, int | None, int | None, str | None]:
    """Onset time and index, and where the force first stays above the threshold; or None and why
    (see the module docstring)."""
    above = net > cfg.onset_threshold_n
    if imposed_onset_s is not None:
        if not (np.isfinite(imposed_onset_s) and t[0] <= imposed_onset_s < t[-1]):
            raise DomainError(f"Onset {imposed_onset_s!r} s is outside the trace (0 to {t[-1]:.3f} s)")
        onset_i = int(np.searchsorted(t, imposed_onset_s, side="right") - 1)
        return float(imposed_onset_s), onset_i, _first_sustained(above, onset_i, _sustain(t, cfg)), None
    if not rest.quiet:
        return None, None, None, QT_TRANSLATE_NOOP("Labels", "no onset: the force was already changing when the "
                                                             "recording started (no quiet rest)")
    crossing = _first_sustained(above, rest.head_n, _sustain(t, cfg))
    if crossing is None:
        return None, None, None, Phrase(
            QT_TRANSLATE_NOOP("Labels", "no onset: the force never rose {threshold:g} N above rest for {ms:.0f} ms"),
            threshold=cfg.onset_threshold_n, ms=_sustain(t, cfg) * float(np.median(np.diff(t))) * 1000)
    onset_i = crossing
    while onset_i > 0 and net[onset_i] > rest.band:
        onset_i -= 1  # back to the last sample still within the rest level's noise band
    return float(t[onset_i]), onset_i, crossing, None


def _offset(t: FloatArray, net: FloatArray, crossing_i: int | None,
            cfg: ForceTimeSettings) -> tuple[int | None, float | None]:
    """The first sustained return below the onset threshold after the force first peaks; the peak
    is searched first so that a dip on the plateau does not end the contraction early."""
    if crossing_i is None:
        return None, None
    sustain = _sustain(t, cfg)
    below = net <= cfg.onset_threshold_n
    provisional = _first_sustained(below, crossing_i, sustain)
    stop = provisional if provisional is not None else net.size
    peak_i = crossing_i + int(np.argmax(net[crossing_i:stop]))
    offset_i = _first_sustained(below, peak_i, sustain)
    if offset_i is None:
        return None, None
    return offset_i, _crossing_time(t, net, offset_i, cfg.onset_threshold_n)


def _rfd(t: FloatArray, force: FloatArray, clipped: BoolArray, rate: float, onset_t: float, end_t: float,
         window_s: float, end_what: str) -> Metric:
    ms = window_s * 1000
    if rate < MIN_SAMPLES_PER_WINDOW / window_s:
        return _missing("N/s", Phrase(QT_TRANSLATE_NOOP("Labels", "sample rate {rate:.0f} Hz too low: RFD 0–{ms:.0f} ms "
                                                                  "needs {needed:.0f} Hz or more"),
                                      rate=rate, ms=ms, needed=MIN_SAMPLES_PER_WINDOW / window_s))
    end = onset_t + window_s
    if end > end_t + 1e-9:
        template = (QT_TRANSLATE_NOOP("Labels", "onset + {ms:.0f} ms lies past the end of the contraction")
                    if end_what == "contraction" else
                    QT_TRANSLATE_NOOP("Labels", "onset + {ms:.0f} ms lies past the end of the trace"))
        return _missing("N/s", Phrase(template, ms=ms))
    if np.any(clipped[(t >= onset_t - 1e-12) & (t <= end + 1e-12)]):
        return _missing("N/s", Phrase(QT_TRANSLATE_NOOP("Labels", "unreliable: overload between onset and onset + {ms:.0f} "
                                                                  "ms"), ms=ms))
    delta = float(np.interp(end, t, force) - np.interp(onset_t, t, force))
    return _finite(delta / window_s, "N/s")


def _time_to_peak(t: FloatArray, force: FloatArray, rest: _Rest, onset_t: float, onset_i: int, end_i: int) -> Metric:
    """Onset to the first sample within a band of the peak. The band is the widest of 5 % of the
    rise, the rest noise band, 4 SDs of the contraction's sample-to-sample noise and twice the
    height of the peak above the plateau's median (tremor), so that neither the highest noise
    spike nor the highest tremor crest on a plateau can set the time."""
    segment = force[onset_i:end_i]
    top = float(np.max(segment))
    rise = top - rest.level
    steps = np.diff(segment)
    noise_sd = 1.4826 * float(np.median(np.abs(steps - np.median(steps)))) / np.sqrt(2.0) if steps.size else 0.0
    plateau = segment[segment >= rest.level + 0.8 * rise]
    wobble = top - float(np.median(plateau))
    band = max(TTP_BAND_FRACTION * rise, rest.band, 4.0 * noise_sd, 2.0 * wobble)
    first = onset_i + int(np.argmax(segment >= top - band))
    return _finite(float(t[first]) - onset_t, "s")


def _impulse(t: FloatArray, force: FloatArray, level: float, onset_t: float, offset_t: float) -> Metric:
    inside = (t > onset_t) & (t < offset_t)
    times = np.concatenate(([onset_t], t[inside], [offset_t]))
    net = np.interp(times, t, force) - level
    return _finite(float(np.sum((net[1:] + net[:-1]) * np.diff(times)) / 2.0), "N·s")


def analyse_trace(
    force_n: Any,
    rate_hz: float | None = None,
    *,
    t_s: Any | None = None,
    overload: Any | None = None,
    capacity_n: float | None = None,
    onset_s: float | None = None,
    settings: ForceTimeSettings | None = None,
) -> ForceTimeResult:
    """Force–time metrics of one trial.

    `force_n`: signed forces, push positive (NaN allowed only where `overload` is set);
    `rate_hz`: the device's declared rate, None when it declared none; `t_s`: host times;
    `onset_s`: an onset marked by hand (seconds on the analysis clock), overriding detection.
    Raises DomainError only for unusable input; a trace that merely lacks something returns
    metrics with reasons."""
    cfg = settings or ForceTimeSettings()
    n = int(np.size(force_n))
    clipped = _overload_mask(n, overload)
    raw = _forces(force_n, clipped)
    if capacity_n is not None:
        if not (np.isfinite(capacity_n) and capacity_n > 0):
            raise DomainError(f"Device capacity must be above 0 N (got {capacity_n!r})")
        clipped = clipped | (np.nan_to_num(raw, nan=np.inf) >= cfg.overload_fraction * capacity_n)
    tb = time_base(n, declared_rate_hz=rate_hz, host_t_s=t_s)
    notes: list[str] = [tb.note] if tb.note and tb.ok else []
    # Overloaded samples hold no number; the largest reading stands in for detection only.
    finite_max = float(np.nanmax(raw)) if np.any(np.isfinite(raw)) else 0.0
    filled = np.where(np.isfinite(raw), raw, finite_max)
    window = max(3, round(cfg.smoothing_window_s * (tb.rate_hz or 1.0)))  # ≥ 3: one knock never counts
    smooth = moving_median(filled, window)
    rest = _rest(filled, smooth, tb.t_s, cfg)

    force, level, zero = filled, rest.level, 0.0
    if rest.quiet and level < -rest.band:
        if -level > cfg.max_zero_correction_n:
            notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "rest read {level:.1f} N: the gauge's zero is far off; tare "
                                                            "it with no contact"), level=level))
        else:
            notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "rest read {level:.1f} N (the gauge was zeroed under load): "
                                                            "forces counted from rest"), level=level))
            force, level, zero = filled - level, 0.0, level
    rest = _Rest(level, rest.band, rest.head_n, rest.quiet)
    if level > cfg.preload_note_n:
        notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "started under {level:.0f} N load"), level=level))

    net = smooth - zero - level  # the moving median of force, i.e. of filled shifted by the zero
    baseline = _finite(level, "N") if rest.quiet else _missing("N", QT_TRANSLATE_NOOP("Labels", "no quiet rest before the contraction"))
    peak = _peak(force, net, clipped, rest, cfg)

    def result(onset: Metric, offset: Metric, ttp: Metric, rfd_100: Metric, rfd_200: Metric,
               impulse: Metric) -> ForceTimeResult:
        return ForceTimeResult(baseline, cfg.onset_threshold_n, onset, offset, peak, ttp, rfd_100, rfd_200,
                               impulse, tb.source, tb.rate_hz, onset_s is not None, tuple(notes), t_s=tb.t_s)

    def withheld(reason: str, onset: Metric | None = None, offset: Metric | None = None) -> ForceTimeResult:
        return result(onset or _missing("s", reason), offset or _missing("s", reason), _missing("s", reason),
                      _missing("N/s", reason), _missing("N/s", reason), _missing("N·s", reason))

    if tb.t_s is None or tb.rate_hz is None:
        return withheld(tb.note or QT_TRANSLATE_NOOP("Labels", "no time base"))
    t, rate = tb.t_s, tb.rate_hz
    if rate < MIN_RATE_HZ:
        return withheld(Phrase(QT_TRANSLATE_NOOP("Labels", "sample rate {rate:.1f} Hz too low for force–time metrics "
                                                           "(needs {needed:g} Hz)"), rate=rate, needed=MIN_RATE_HZ))
    onset_t, onset_i, crossing_i, why_not = _contraction(t, net, rest, cfg, onset_s)
    if onset_t is None or onset_i is None:
        return withheld(why_not or QT_TRANSLATE_NOOP("Labels", "no onset"))
    offset_i, offset_t = _offset(t, net, crossing_i, cfg)
    end_i, end_t = (offset_i, offset_t) if offset_i is not None and offset_t is not None else (n, float(t[-1]))
    end_what = "contraction" if offset_i is not None else "trace"
    onset = _finite(onset_t, "s")
    offset = _finite(end_t, "s") if offset_i is not None else _missing(
        "s", _NO_OFFSET)
    if level > cfg.loaded_start_n and onset_s is None:
        reason = Phrase(QT_TRANSLATE_NOOP("Labels", "started under {level:.0f} N load: rate and time need a "
                                                    "contraction from rest"), level=level)
        return withheld(reason, onset, offset)
    if np.any(clipped[onset_i:end_i]):
        ttp = _missing("s", QT_TRANSLATE_NOOP("Labels", "unreliable: overload (the peak time is unknown)"))
        impulse = _missing("N·s", QT_TRANSLATE_NOOP("Labels", "unreliable: overload during the contraction"))
    else:
        ttp = _time_to_peak(t, force, rest, onset_t, onset_i, max(end_i, onset_i + 1))
        impulse = (_impulse(t, force, level, onset_t, end_t) if offset_i is not None
                   else _missing("N·s", _NO_OFFSET))
    rfd_100, rfd_200 = (_rfd(t, force, clipped, rate, onset_t, end_t, w, end_what) for w in RFD_WINDOWS_S)
    return result(onset, offset, ttp, rfd_100, rfd_200, impulse)


def _peak(force: FloatArray, net: FloatArray, clipped: BoolArray, rest: _Rest, cfg: ForceTimeSettings) -> Metric:
    """The largest force reported (see the module docstring)."""
    if np.any(clipped):
        return _missing("N", QT_TRANSLATE_NOOP("Labels", "unreliable: overload (the force reached the device's capacity)"))
    top = float(np.max(force))
    if rest.quiet and float(np.max(net)) <= cfg.onset_threshold_n:
        # A pull is force below the gauge's zero, not force below the start of the capture: a
        # capture that starts on the plateau (the patient already pushing when the trial armed)
        # only falls, and is a push started under load, whose peak is the force reported.
        low = float(np.min(force))
        if low < -cfg.onset_threshold_n:
            return _missing("N", Phrase(QT_TRANSLATE_NOOP("Labels", "the force went the other way (a pull of {pull:.0f} N, "
                                                                    "not a push): check how the gauge is mounted"),
                                        pull=-low))
        if rest.level <= cfg.loaded_start_n:
            return _missing("N", Phrase(QT_TRANSLATE_NOOP("Labels", "no contraction: the force never rose {threshold:g} N "
                                                                    "above rest"), threshold=cfg.onset_threshold_n))
    if top <= 0:
        return _missing("N", Phrase(QT_TRANSLATE_NOOP("Labels", "no push: the force stayed at or below zero (down to "
                                                                "{low:.0f} N)"), low=float(np.min(force))))
    return _finite(top, "N")


__all__ = ["ANALYSIS_VERSION", "METRIC_NAMES", "RFD_WINDOWS_S", "ForceTimeResult", "ForceTimeSettings", "Metric", "TimeBase",
           "analyse_trace"]
