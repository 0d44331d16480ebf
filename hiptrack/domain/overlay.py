"""One side's trials drawn over each other, aligned at onset: what the results show beside the table.

Each trial is placed on the analysis clock of hiptrack.domain.timebase and analysed by
hiptrack.domain.forcetime.analyse_trace, the one analysis path, so the onset, peak and RFD windows
drawn are the ones the stored figures come from (docs/force_time.md). A trial that cannot be
aligned (no trace, typed in or imported; no onset; an unreadable trace) is listed with the reason
instead of drawn somewhere misleading.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from hiptrack.domain.errors import DomainError
from hiptrack.domain.forcetime import RFD_WINDOWS_S, ForceTimeSettings, analyse_trace
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, message_of

FloatArray = npt.NDArray[np.float64]

COUNTED, NOT_COUNTED, PENDING = "counted", "not counted", "pending"
# Why a trial is listed rather than drawn: marked texts, translated where the caption is shown.
NO_TRACE = {"manual": QT_TRANSLATE_NOOP("Labels", "no trace (typed in)"),
            "import": QT_TRANSLATE_NOOP("Labels", "no trace (imported)")}
NO_TRACE_STORED = QT_TRANSLATE_NOOP("Labels", "no trace stored")


@dataclass(frozen=True)
class TraceInput:
    """One stored trial as the overlay needs it (plain data from storage)."""

    number: int
    status: str  # COUNTED, NOT_COUNTED or PENDING
    reason: str | None  # why it is not counted
    entry: str  # "stream", "manual" or "import"
    times_s: FloatArray | None  # host times from the first sample, as stored
    forces_n: FloatArray | None
    declared_rate_hz: float | None
    onset_threshold_n: float = 20.0
    unreadable: str | None = None  # why the stored trace could not be read


@dataclass(frozen=True)
class AlignedTrial:
    number: int
    status: str
    reason: str | None
    t_s: FloatArray | None  # seconds from this trial's onset; None when not drawn
    force_n: FloatArray | None
    peak_t_s: float | None = None  # where the largest reported force lies
    peak_n: float | None = None
    rfd_points: tuple[tuple[float, float], ...] = ()  # (onset + w, F there) for each RFD reported
    missing: str | None = None  # why the trial is listed and not drawn

    @property
    def drawn(self) -> bool:
        return self.t_s is not None


@dataclass(frozen=True)
class SideOverlay:
    side: str
    trials: tuple[AlignedTrial, ...]
    rfd_windows_s: tuple[float, ...] = RFD_WINDOWS_S


def align_trial(trial: TraceInput) -> AlignedTrial:
    """The trial on the analysis clock with t = 0 at its onset, or listed with why it is not drawn."""
    def listed(why: str) -> AlignedTrial:
        return AlignedTrial(trial.number, trial.status, trial.reason, None, None, missing=why)

    if trial.unreadable:
        return listed(Phrase(QT_TRANSLATE_NOOP("Labels", "trace unreadable ({problem})"), problem=trial.unreadable))
    if trial.times_s is None or trial.forces_n is None or len(trial.forces_n) == 0:
        return listed(NO_TRACE.get(trial.entry, NO_TRACE_STORED))
    forces = np.asarray(trial.forces_n, dtype=np.float64)
    try:
        result = analyse_trace(forces, trial.declared_rate_hz, t_s=trial.times_s, overload=~np.isfinite(forces),
                               settings=ForceTimeSettings(onset_threshold_n=trial.onset_threshold_n))
    except DomainError as exc:
        return listed(Phrase(QT_TRANSLATE_NOOP("Labels", "trace not analysable: {problem}"), problem=message_of(exc)))
    onset = result.onset_s.value
    if result.t_s is None or onset is None:
        return listed(Phrase(QT_TRANSLATE_NOOP("Labels", "not aligned: {why}"),
                             why=result.onset_s.reason or QT_TRANSLATE_NOOP("Labels", "no onset")))
    t = result.t_s - onset
    finite = np.isfinite(forces)
    peak_i = int(np.argmax(np.where(finite, forces, -np.inf)))
    points = tuple((w, float(np.interp(w, t, np.where(finite, forces, np.nan))))
                   for w, metric in zip(RFD_WINDOWS_S, (result.rfd_100_n_per_s, result.rfd_200_n_per_s), strict=True)
                   if metric.ok)
    return AlignedTrial(trial.number, trial.status, trial.reason, t, forces, float(t[peak_i]),
                        result.peak_n.value, points)


def side_overlay(side: str, trials: list[TraceInput]) -> SideOverlay:
    return SideOverlay(side, tuple(align_trial(t) for t in sorted(trials, key=lambda t: t.number)))
