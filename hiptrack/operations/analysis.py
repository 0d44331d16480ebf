"""Analysing a recorded trace for storage: the same call for a trial just captured and for one
re-analysed years later, so the stored figures always follow one definition
(hiptrack.domain.forcetime)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from hiptrack.domain.errors import DomainError
from hiptrack.domain.forcetime import ANALYSIS_VERSION, ForceTimeResult, ForceTimeSettings, analyse_trace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredAnalysis:
    """What a trial row keeps of an analysis."""

    peak_force_n: float | None
    peak_reason: str | None  # why there is no peak (becomes the reject reason of a new trial)
    metrics: dict[str, float | None]  # onset_s, time_to_peak_s, rfd_*, impulse_n_s
    notes: str
    version: int = ANALYSIS_VERSION


def analyse_recorded(times_s: Any, forces_n: Any, overload: Any | None, *, declared_rate_hz: float | None,
                     onset_threshold_n: float) -> StoredAnalysis:
    """Analyse a trace as recorded (signed forces, host times, the device's declared rate).

    Input the analysis refuses (a damaged trace) yields no figures and the refusal as the note,
    never an exception: the trial and its trace are kept whatever the analysis says."""
    forces = np.asarray(forces_n, dtype=np.float64)
    flags = np.asarray(overload, dtype=bool) if overload is not None else ~np.isfinite(forces)
    try:
        result = analyse_trace(forces, declared_rate_hz, t_s=times_s, overload=flags,
                               settings=ForceTimeSettings(onset_threshold_n=onset_threshold_n))
    except DomainError as exc:
        log.warning("force-time analysis refused the trace: %s", exc)
        return StoredAnalysis(None, f"trace not analysable: {exc}", {}, f"trace not analysable: {exc}")
    return stored(result)


def stored(result: ForceTimeResult) -> StoredAnalysis:
    metrics = result.stored_metrics()
    peak = metrics.pop("peak_force_n")
    return StoredAnalysis(peak, result.peak_n.reason, metrics, result.note_text(), result.version)
