"""The clinician's assessment and plan per visit, and signing it (issue 14).

One row per revision. A draft is edited in place (each edit audited like any clinical record);
signing locks it with the signer and the time. A change to a signed report never rewrites it: it
makes the next revision, which must say why, so the chart and the referrer can always be shown
exactly what they received. The signer is the session's actor: the user signed in to hiptrack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.audit import session_actor
from hiptrack.storage.errors import StorageError
from hiptrack.storage.models import Visit, VisitReport
from hiptrack.storage.types import utcnow

MAX_TEXT = 20_000  # characters of assessment, plan or referrer: pages, not a pasted document


@dataclass(frozen=True)
class VisitReportRow:
    id: int
    visit_id: int
    revision: int
    assessment: str
    plan: str
    referrer: str
    reason: str
    status: str
    signed_by: str | None
    signed_at: dt.datetime | None
    created_by: str
    signed_role: str | None = None  # "clinician", "admin"; None when signed from the command line

    @property
    def signed(self) -> bool:
        return self.status == "signed"


def _row(r: VisitReport) -> VisitReportRow:
    return VisitReportRow(r.id, r.visit_id, r.revision, r.assessment, r.plan, r.referrer, r.reason, r.status,
                          r.signed_by, r.signed_at, r.created_by, r.signed_role)


def _check_text(field: str, text: str) -> str:
    if "\x00" in text:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "The {field} contains a NUL character; "
                                                              "remove it and save again."),
                                  field=field))
    if len(text) > MAX_TEXT:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "The {field} is {count:,} characters long; "
                                                              "the most a report holds is {MAX_TEXT:,}."),
                                  field=field, count=len(text), MAX_TEXT=MAX_TEXT))
    return text.strip()


def _latest(session: Session, visit_id: int) -> VisitReport | None:
    return session.scalars(select(VisitReport).where(VisitReport.visit_id == visit_id)
                           .order_by(VisitReport.revision.desc()).limit(1)).first()


def current_report(session: Session, visit_id: int) -> VisitReportRow | None:
    """The newest revision of a visit's report, signed or not."""
    latest = _latest(session, visit_id)
    return _row(latest) if latest is not None else None


def report_history(session: Session, visit_id: int) -> list[VisitReportRow]:
    """Every revision, oldest first: what was signed, when, and why it was replaced."""
    rows = session.scalars(select(VisitReport).where(VisitReport.visit_id == visit_id)
                           .order_by(VisitReport.revision))
    return [_row(r) for r in rows]


def save_report(session: Session, visit_id: int, assessment: str, plan: str, referrer: str = "",
                reason: str = "") -> VisitReportRow:
    """Save the visit's assessment and plan as a draft.

    The first save creates revision 1; a draft is updated in place; after signing, a save needs a
    reason and becomes the next revision (the signed one stays as it was).
    """
    if session.get(Visit, visit_id) is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Visit {visit_id} does not exist; the report "
                                                              "was not saved."),
                                  visit_id=visit_id))
    assessment, plan = _check_text("assessment", assessment), _check_text("plan", plan)
    referrer, reason = _check_text("referrer", referrer), _check_text("reason", reason)
    latest = _latest(session, visit_id)
    if latest is not None and latest.status == "draft":
        latest.assessment, latest.plan, latest.referrer = assessment, plan, referrer
        if reason:
            latest.reason = reason
        session.flush()
        return _row(latest)
    if latest is not None and not reason:
        signed_on = latest.signed_at.date().isoformat() if latest.signed_at else "an earlier date"
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "This report was signed by {signed_by} on "
                                                              "{signed_on}. Give the reason for the "
                                                              "change: it is kept with the new version, "
                                                              "and the signed one stays as it was."),
                                  signed_by=latest.signed_by, signed_on=signed_on))
    report = VisitReport(visit_id=visit_id, revision=(latest.revision + 1) if latest else 1, assessment=assessment,
                         plan=plan, referrer=referrer, reason=reason, status="draft",
                         created_by=session_actor(session).name)
    session.add(report)
    session.flush()
    return _row(report)


def sign_report(session: Session, visit_id: int) -> VisitReportRow:
    """Sign the visit's draft as the signed-in user; from then on it is locked."""
    latest = _latest(session, visit_id)
    if latest is None:
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "There is no assessment or plan to sign for this "
                                                       "visit yet."))
    if latest.status == "signed":
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Version {revision} is already signed by "
                                                              "{signed_by}."),
                                  revision=latest.revision, signed_by=latest.signed_by))
    if not (latest.assessment or latest.plan):
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "The assessment and the plan are both empty; write "
                                                       "at least one before signing."))
    actor = session_actor(session)
    latest.status, latest.signed_by, latest.signed_at = "signed", actor.name, utcnow()
    latest.signed_role = actor.role
    latest.signed_by_clinician_id = actor.clinician_id
    session.flush()
    return _row(latest)
