"""The clock a trace is analysed on. Never an assumed rate.

Order of trust (real-world.md §1, "Time base"):
1. The device's declared output rate (a Mark-10 streaming at 50 Hz): samples are placed on a
   uniform clock at that rate. The gauge's own clock beats the host's.
2. Host timestamps, when the device declared none. A serial read returns every sample that
   arrived since the previous read stamped with one host time (FTDI's default latency timer is
   16 ms), so within such a burst the stamps carry no timing information. The rate is estimated
   over the whole trial instead, and the samples are placed on a uniform clock at that rate
   ("repaired"). Strictly increasing stamps (one sample per read, as when polling) are used as
   they are.
3. Neither: no time base. Time-based metrics are then withheld with this reason; the peak, which
   needs no clock, is still reported.

A rate too low for a metric is refused per metric (`MIN_RATE_HZ`), never interpolated into one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

FloatArray = npt.NDArray[np.float64]

# Rates outside this range are not a dynamometer's: a typo or a broken clock.
_PLAUSIBLE_HZ = (0.1, 100_000.0)
# When the declared rate and the host's estimate disagree by more than this, say so: samples may
# have been lost, or the device is not streaming at the rate it was asked for.
_DISAGREEMENT = 0.25


@dataclass(frozen=True)
class TimeBase:
    t_s: FloatArray | None  # seconds from the first sample; None when there is no clock
    rate_hz: float | None
    source: str  # "declared", "host", "repaired" or "none"
    note: str | None = None  # what the clinician should know (a repair, a disagreement, why none)

    @property
    def ok(self) -> bool:
        return self.t_s is not None


def _plausible(rate: float | None) -> bool:
    return rate is not None and bool(np.isfinite(rate)) and _PLAUSIBLE_HZ[0] <= rate <= _PLAUSIBLE_HZ[1]


def _host_times(host_t_s: Any, n: int) -> FloatArray | None:
    if host_t_s is None:
        return None
    try:
        t = np.asarray(host_t_s, dtype=np.float64)
    except (TypeError, ValueError):
        raise DomainError("Trace times contain values that are not numbers") from None
    if t.ndim != 1 or t.size != n:
        raise DomainError(f"Trace times ({t.size}) and forces ({n}) differ in length")
    if not np.all(np.isfinite(t)):
        raise DomainError("Trace times contain missing or infinite values")
    if np.any(np.diff(t) < 0):
        raise DomainError("Trace times go backwards")
    return t - t[0]


def estimate_rate(host_t_s: FloatArray) -> float | None:
    """Samples per second over the whole trial from burst-stamped host times.

    The first stamp belongs to the last sample of the first burst (a read stamps what arrived
    with the time it arrived), so the samples of that burst before it are not counted."""
    span = float(host_t_s[-1] - host_t_s[0])
    if span <= 0:
        return None
    first_burst = int(np.count_nonzero(host_t_s == host_t_s[0]))
    return (host_t_s.size - first_burst) / span


def time_base(n: int, *, declared_rate_hz: float | None = None, host_t_s: Any | None = None) -> TimeBase:
    """The clock for `n` samples (see the module's docstring for the order of trust)."""
    host = _host_times(host_t_s, n)
    if declared_rate_hz is not None and not _plausible(declared_rate_hz):
        raise DomainError(f"Sample rate {declared_rate_hz!r} Hz is not a dynamometer's rate")
    if declared_rate_hz is not None:
        note = None
        estimated = estimate_rate(host) if host is not None and n >= 3 else None
        if estimated is not None and abs(estimated - declared_rate_hz) > _DISAGREEMENT * declared_rate_hz:
            note = Phrase(QT_TRANSLATE_NOOP("Labels", "the host clock suggests {estimated:.0f} Hz, not the device's "
                                                      "declared {declared:g} Hz (lost samples?); the declared rate was used"),
                          estimated=estimated, declared=declared_rate_hz)
        return TimeBase(np.arange(n, dtype=np.float64) / declared_rate_hz, float(declared_rate_hz), "declared", note)
    if host is None or n < 3:
        return TimeBase(None, None, "none",
                        QT_TRANSLATE_NOOP("Labels", "no time base: the device declared no sample rate and the samples "
                                                    "carry no times"))
    if np.all(np.diff(host) > 0):
        return TimeBase(host, (n - 1) / float(host[-1]), "host")
    rate = estimate_rate(host)
    if not _plausible(rate):
        return TimeBase(None, None, "none",
                        QT_TRANSLATE_NOOP("Labels", "no time base: the samples' host times span no usable interval "
                                                    "and the device declared no sample rate"))
    assert rate is not None
    first_burst = int(np.count_nonzero(host == host[0]))
    # Sample first_burst-1 arrived at host time 0; the others follow at the estimated rate.
    t = (np.arange(n, dtype=np.float64) - (first_burst - 1)) / rate
    return TimeBase(t - t[0], rate, "repaired",
                    Phrase(QT_TRANSLATE_NOOP("Labels", "samples arrived in bursts; placed on a uniform {rate:.0f} Hz "
                                                       "clock estimated over the trial"), rate=rate))
