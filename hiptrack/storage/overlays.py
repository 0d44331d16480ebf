"""The raw traces of a visit's trials, aligned at onset per muscle and side, for the results' overlay,
and all the Strength page shows of a patient between visits (`strength_view`).

Serves the widgets plain data (hiptrack.domain.overlay); the alignment and every marked point come
from the one analysis path (hiptrack.domain.forcetime).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.domain.battery_run import awaiting_decision
from hiptrack.domain.overlay import COUNTED, NOT_COUNTED, PENDING, SideOverlay, TraceInput, side_overlay
from hiptrack.domain.summary import VisitSummary
from hiptrack.storage.models import StrengthTest, Trial
from hiptrack.storage.results import patient_summary
from hiptrack.storage.traces import TraceCorrupt, decode_trace, recorded_inputs
from hiptrack.storage.visits import VisitState, in_progress_visit, visit_state

# (muscle, position, method) → side → overlay: the key of a results row (hiptrack.domain.summary).
OverlayKey = tuple[str, str, str]


def visit_overlays(session: Session, visit_id: int) -> dict[OverlayKey, dict[str, SideOverlay]]:
    # Plain rows of the columns drawn, tests and trials in one query: loading a visit's 12 trials
    # as ORM objects (with every figure the overlay does not show) was a fifth of a first view.
    t, tr = StrengthTest, Trial
    rows = session.execute(
        select(t.muscle, t.position, t.method, t.side, t.context, tr.trial_number, tr.accepted, tr.reject_reason,
               tr.entry, tr.trace, tr.trace_sample_rate_hz, tr.analysis_version)
        .join(tr, tr.test_id == t.id)
        .where(t.visit_id == visit_id, t.voided.is_(False))
        .order_by(t.id, tr.trial_number)
    ).all()
    grouped: dict[OverlayKey, dict[str, list[TraceInput]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        grouped[(row.muscle, row.position, row.method)][row.side].append(_trace_input(row))
    return {key: {side: side_overlay(side, trials) for side, trials in sides.items()}
            for key, sides in grouped.items()}


def _trace_input(row: Any) -> TraceInput:
    """A trial's row (the columns of `visit_overlays`) as the overlay's input."""
    status = COUNTED if row.accepted else PENDING if awaiting_decision(row) else NOT_COUNTED
    reason = None if row.accepted else row.reject_reason
    times = forces = None
    unreadable = None
    if row.trace is not None:
        try:
            times, forces = decode_trace(row.trace)
        except TraceCorrupt as exc:
            unreadable = str(exc)
    # The inputs the trial was recorded with, as `hiptrack db reanalyse` reads them: the onset
    # drawn is the one stored.
    declared, threshold = recorded_inputs(row, row.context)
    return TraceInput(row.trial_number, status, reason, row.entry, times, forces, declared, threshold, unreadable)


@dataclass(frozen=True)
class StrengthView:
    """What the Strength page shows of one patient between visits: plain data, kept per patient
    by the page (hiptrack.reports.build.PatientDataCache)."""

    unfinished: VisitState | None  # the visit to offer resuming
    latest: VisitSummary | None  # the latest finished visit's results
    overlays: dict[OverlayKey, dict[str, SideOverlay]] | None  # its trials' traces, aligned at onset


def strength_view(session: Session, patient_id: int, _today: dt.date | None = None) -> StrengthView:
    """The page's data of one patient. `_today` is the cache's: nothing here is "as of today"."""
    unfinished = in_progress_visit(session, patient_id)
    state = visit_state(session, unfinished) if unfinished else None
    latest = patient_summary(session, patient_id).latest_completed
    overlays = visit_overlays(session, latest.visit_id) if latest is not None and latest.visit_id else None
    return StrengthView(state, latest, overlays)
