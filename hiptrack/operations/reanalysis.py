"""Recomputing stored force-time figures from the raw traces when the definition changes
(`hiptrack db reanalyse`).

Only figures derived from a trace change: the peak, onset, time to peak, RFD and impulse, with the
analysis version and notes. Decisions (accepted, rejected and why) are the clinician's and stay as
they are; a trial whose peak the new definition withholds is listed so that someone looks at it.
Every changed row writes an audit event with the old and new values (hiptrack.storage.audit), in
the same transaction as the change, one batch of trials at a time.

Traces recorded before analysis version 2 hold force magnitudes, not signed forces: a pull or a
rest reading below zero cannot be told from a push in them. Their peaks are recomputed as the
largest force reported (no longer net of the first 0.3 s), which is the correction that matters.
"""

from __future__ import annotations

import logging
import math
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from hiptrack.domain.forcetime import ANALYSIS_VERSION
from hiptrack.operations.analysis import StoredAnalysis, analyse_recorded
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial
from hiptrack.storage.traces import decode_trace, recorded_inputs

log = logging.getLogger(__name__)

BATCH = 200
_FIELDS = ("peak_force_n", "onset_s", "time_to_peak_s", "rfd_100_n_per_s", "rfd_200_n_per_s", "impulse_n_s")


@dataclass(frozen=True)
class TrialChange:
    trial_id: int
    old_version: int | None
    changes: dict[str, tuple[float | None, float | None]]  # field: (old, new)
    notes: str
    peak_withheld: str | None = None  # why the new definition gives no peak


@dataclass
class ReanalysisReport:
    examined: int = 0
    changed: list[TrialChange] = field(default_factory=list)
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        verb = "would change" if self.dry_run else "changed"
        out = [f"{self.examined} trials examined; {len(self.changed)} {verb}; {len(self.unreadable)} unreadable "
               f"(analysis version {ANALYSIS_VERSION})."]
        for change in self.changed:
            parts = [f"{name} {_fmt(old)} → {_fmt(new)}" for name, (old, new) in change.changes.items()]
            line = f"trial {change.trial_id} (v{change.old_version or 1}): " + ("; ".join(parts) or "notes only")
            if change.peak_withheld:
                line += f"  [no peak: {change.peak_withheld}; please review]"
            out.append(line)
        out.extend(f"trial {trial_id}: trace unreadable ({why}); left as it was" for trial_id, why in self.unreadable)
        return out


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.4g}"


def _differs(old: float | None, new: float | None) -> bool:
    if old is None or new is None:
        return old is not new
    return not math.isclose(old, new, rel_tol=1e-6, abs_tol=1e-9)


def _candidates(everything: bool = False) -> Select[Any]:
    query = select(Trial.id).where(Trial.entry == "stream", Trial.trace.is_not(None))
    if not everything:
        query = query.where(or_(Trial.analysis_version.is_(None), Trial.analysis_version < ANALYSIS_VERSION))
    return query


def outdated_count(session: Session) -> int:
    """Trials with a trace analysed by an older definition (what `db reanalyse` would examine)."""
    return int(session.scalar(select(func.count()).select_from(_candidates().subquery())) or 0)


def reanalyse(db: Database, *, everything: bool = False, dry_run: bool = False,
              progress: Callable[[int], None] | None = None) -> ReanalysisReport:
    """Re-analyse stream trials with a trace whose analysis is older than ANALYSIS_VERSION (or all
    of them with `everything`)."""
    report = ReanalysisReport(dry_run=dry_run)
    with db.session() as s:
        ids = list(s.scalars(_candidates(everything).order_by(Trial.id)))
    for start in range(0, len(ids), BATCH):
        with db.session() as s:
            trials = s.scalars(select(Trial).where(Trial.id.in_(ids[start:start + BATCH]))
                               .options(selectinload(Trial.test)).order_by(Trial.id))
            for trial in trials:
                report.examined += 1
                _reanalyse_one(trial, report, dry_run)
            if dry_run:
                s.rollback()
        if progress is not None:
            progress(report.examined)
    log.info("reanalysed %d trials, %d changed (dry run: %s)", report.examined, len(report.changed), dry_run)
    return report


def _reanalyse_one(trial: Trial, report: ReanalysisReport, dry_run: bool) -> None:
    assert trial.trace is not None
    try:
        times, forces = decode_trace(trial.trace)
    except (ValueError, zlib.error, struct.error) as exc:  # a damaged blob
        report.unreadable.append((trial.id, str(exc) or type(exc).__name__))
        return
    old_version = trial.analysis_version
    declared, threshold = recorded_inputs(trial, trial.test.context)
    result = analyse_recorded(times, forces, None, declared_rate_hz=declared, onset_threshold_n=threshold)
    new = _values(result)
    changes = {name: (getattr(trial, name), new[name]) for name in _FIELDS if _differs(getattr(trial, name), new[name])}
    notes = result.notes or None
    if not changes and notes == trial.analysis_notes and old_version == result.version:
        return
    report.changed.append(TrialChange(trial.id, old_version, changes, result.notes,
                                      result.peak_reason if result.peak_force_n is None else None))
    if dry_run:
        return
    for name in _FIELDS:
        setattr(trial, name, new[name])
    trial.analysis_version = result.version
    trial.analysis_notes = notes and notes[:500]


def _values(result: StoredAnalysis) -> dict[str, float | None]:
    return {"peak_force_n": result.peak_force_n, **{name: result.metrics.get(name) for name in _FIELDS[1:]}}
