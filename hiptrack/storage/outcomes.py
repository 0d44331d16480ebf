"""Outcome scores recorded at visits: NPRS, ODI total and PSFS, with change and MCIC.

Scoring and the minimal clinically important change come from `hiptrack.domain.outcomes`
(clinical.md §7). The ODI is stored as a total only: its questionnaire is licensed. PSFS stores
the patient's 3–5 activities and their ratings in `details`; the total is their mean.

Change is reported against the baseline (the earliest score of that instrument that is not voided)
and against the previous score. Scores are voided, never deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.domain import outcomes as oc
from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.database import Actor
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.models import OutcomeScore, Patient

log = logging.getLogger(__name__)

VERSIONS = {"nprs": "0-10", "odi": "2.1a", "psfs": ""}


@dataclass(frozen=True)
class ScoreRow:
    id: int
    instrument: str
    recorded_on: dt.date
    total: float
    details: dict[str, Any]
    voided: bool
    vs_baseline: oc.OutcomeChange | None  # None for the baseline itself
    vs_previous: oc.OutcomeChange | None

    @property
    def title(self) -> str:
        return oc.SPECS[oc.Instrument(self.instrument)].title


def _recorder(session: Session) -> int | None:
    actor = session.info.get("actor")
    return actor.clinician_id if isinstance(actor, Actor) else None


def _record(session: Session, patient_id: int, instrument: str, total: float, recorded_on: dt.date,
            details: dict[str, Any], visit_id: int | None, today: dt.date | None) -> int:
    if session.get(Patient, patient_id) is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Patient id {patient_id} does not exist"),
                                  patient_id=patient_id))
    if recorded_on > (today or dt.date.today()):
        raise ValidationError([f"Date {recorded_on.isoformat()} is in the future"])
    row = OutcomeScore(patient_id=patient_id, visit_id=visit_id, instrument=instrument, version=VERSIONS[instrument],
                       recorded_on=recorded_on, total=total, details=details, voided=False,
                       recorded_by=_recorder(session))
    session.add(row)
    session.flush()
    log.info("%s score id=%d recorded for patient id=%d", instrument, row.id, patient_id)
    return row.id


def record_nprs(session: Session, patient_id: int, rating: float, recorded_on: dt.date,
                visit_id: int | None = None, today: dt.date | None = None) -> int:
    try:
        total = oc.nprs(rating)
    except DomainError as exc:
        raise ValidationError([str(exc)]) from exc
    return _record(session, patient_id, "nprs", total, recorded_on, {}, visit_id, today)


def record_odi(session: Session, patient_id: int, total: float, recorded_on: dt.date,
               visit_id: int | None = None, today: dt.date | None = None) -> int:
    """The ODI total (0–100) as computed on the licensed paper form."""
    try:
        value = oc.odi_total(total)
    except DomainError as exc:
        raise ValidationError([str(exc)]) from exc
    return _record(session, patient_id, "odi", value, recorded_on, {"band": oc.odi_band(value)}, visit_id, today)


def record_psfs(session: Session, patient_id: int, activities: Sequence[tuple[str, float]], recorded_on: dt.date,
                visit_id: int | None = None, today: dt.date | None = None) -> int:
    """3–5 (activity, rating 0–10) pairs; the total is their mean."""
    problems = [f"PSFS activity {i + 1} needs a name" for i, (name, _) in enumerate(activities) if not name.strip()]
    try:
        total = oc.psfs_score([score for _, score in activities])
    except DomainError as exc:
        problems.append(str(exc))
    if problems:
        raise ValidationError(problems)
    details = {"activities": [{"activity": name.strip(), "score": float(score)} for name, score in activities]}
    return _record(session, patient_id, "psfs", total, recorded_on, details, visit_id, today)


def void_score(session: Session, score_id: int) -> None:
    row = session.get(OutcomeScore, score_id)
    if row is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Outcome score id {score_id} does not exist"),
                                  score_id=score_id))
    row.voided = True


def score_history(session: Session, patient_id: int, instrument: str | None = None,
                  include_voided: bool = False) -> list[ScoreRow]:
    """Oldest first per instrument, each with its change vs baseline and vs the previous score."""
    stmt = select(OutcomeScore).where(OutcomeScore.patient_id == patient_id)
    if instrument is not None:
        stmt = stmt.where(OutcomeScore.instrument == instrument)
    rows = list(session.scalars(stmt.order_by(OutcomeScore.recorded_on, OutcomeScore.id)))
    baseline: dict[str, float] = {}
    previous: dict[str, float] = {}
    out = []
    for r in rows:
        if r.voided:
            if include_voided:
                out.append(ScoreRow(r.id, r.instrument, r.recorded_on, r.total, dict(r.details), True, None, None))
            continue
        vs_base = oc.assess_outcome_change(r.instrument, baseline[r.instrument], r.total) \
            if r.instrument in baseline else None
        vs_prev = oc.assess_outcome_change(r.instrument, previous[r.instrument], r.total) \
            if r.instrument in previous else None
        baseline.setdefault(r.instrument, r.total)
        previous[r.instrument] = r.total
        out.append(ScoreRow(r.id, r.instrument, r.recorded_on, r.total, dict(r.details), False, vs_base, vs_prev))
    return out


def describe_change(change: oc.OutcomeChange | None) -> str:
    """e.g. "−2 points (29 % better)  ✔ MCIC reached" — words and a symbol, never colour alone.

    The points and the percentage are kept apart by words and brackets, so no reader whose
    decimal mark is a comma can take "−2, 29 %" for −2.29 %.
    """
    if change is None:
        return QT_TRANSLATE_NOOP("Labels", "baseline")
    # Phrases: English here, translated whole where a screen or a document shows them (label()).
    sign = "+" if change.delta > 0 else "−" if change.delta < 0 else "±"
    size = round(abs(change.delta), 1)
    text = Phrase(QT_TRANSLATE_NOOP("Labels", "{sign}{size:g} point") if size == 1
                  else QT_TRANSLATE_NOOP("Labels", "{sign}{size:g} points"), sign=sign, size=size)
    if change.percent_change is not None and change.percent_change != 0:
        pct = abs(change.percent_change)
        text = Phrase(QT_TRANSLATE_NOOP("Labels", "{points} ({pct:.0f} % better)") if change.percent_change > 0
                      else QT_TRANSLATE_NOOP("Labels", "{points} ({pct:.0f} % worse)"), points=text, pct=pct)
    if change.mcic_reached:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{change}  ✔ MCIC reached"), change=text)
    if change.improved is False:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{change}  ▼ worse"), change=text)
    return Phrase(QT_TRANSLATE_NOOP("Labels", "{change}  · below MCIC"), change=text)
