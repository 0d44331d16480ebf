"""Assessment, plan and signature per visit (issue 14), on both engines: a signed report is
locked, a later change is a new version with its reason, and every step is in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent, VisitReport
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visit_reports import current_report, report_history, save_report, sign_report
from hiptrack.storage.visits import start_visit


def new_visit(db: Database) -> int:
    with db.session() as s:
        pid = create_patient(s, PatientFields("VR-1", "Dubois", "Anne", dt.date(1975, 3, 2), "female"))
        return start_visit(s, pid, dt.date(2026, 11, 20), None, "standard_hip", body_mass_kg=70.0, pain_nprs=4)


def test_draft_is_edited_then_signed_and_locked(db: Database) -> None:
    vid = new_visit(db)
    with db.session() as s:
        save_report(s, vid, "Left gluteus medius weak.", "Progress side-lying abduction.")
        draft = save_report(s, vid, "Left gluteus medius 22 % weaker than right.", "Progress side-lying abduction.")
        assert draft.revision == 1 and draft.status == "draft"
    with db.session() as s:
        signed = sign_report(s, vid)
    assert signed.signed and signed.signed_by == "Test Clinician" and signed.signed_at is not None
    assert signed.signed_at.tzinfo is not None
    with pytest.raises(errors.StorageError, match="Give the reason for the change"), db.session() as s:
        save_report(s, vid, "Changed without a word", "Plan")
    with pytest.raises(errors.StorageError, match="already signed"), db.session() as s:
        sign_report(s, vid)
    with db.session() as s:
        assert current_report(s, vid) == signed  # nothing of the refused attempts was kept


def test_no_code_path_rewrites_a_signed_report(db: Database) -> None:
    vid = new_visit(db)
    with db.session() as s:
        save_report(s, vid, "Assessment", "Plan")
        sign_report(s, vid)
    with pytest.raises(errors.SignedReportLocked), db.session() as s:
        row = s.scalars(select(VisitReport).where(VisitReport.visit_id == vid)).one()
        row.plan = "quietly rewritten"
        s.flush()
    with db.session() as s:
        assert s.scalars(select(VisitReport.plan)).one() == "Plan"


def test_a_change_after_signing_is_a_new_version_with_its_reason(db: Database) -> None:
    vid = new_visit(db)
    with db.session() as s:
        save_report(s, vid, "Assessment", "Plan A", referrer="Dr. M. Keller, GP")
        sign_report(s, vid)
    with db.session() as s:
        second = save_report(s, vid, "Assessment", "Plan B", "Dr. M. Keller, GP", reason="plan agreed with GP")
        assert second.revision == 2 and second.status == "draft" and second.reason == "plan agreed with GP"
        sign_report(s, vid)
    with db.session() as s:
        history = report_history(s, vid)
        assert [(r.revision, r.plan, r.status) for r in history] == [(1, "Plan A", "signed"), (2, "Plan B", "signed")]
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "visit_reports")).all()
        assert len(events) >= 4  # two creations and two signatures, each with who and what changed
        assert all(e.actor == "Test Clinician" for e in events)


@pytest.mark.parametrize(("assessment", "plan", "message"), [
    ("", "", "both empty"),
    ("a\x00b", "Plan", "NUL character"),
    ("x" * 20_001, "Plan", "20,001 characters"),
])
def test_bad_reports_are_refused_with_the_reason(db: Database, assessment: str, plan: str, message: str) -> None:
    vid = new_visit(db)
    with pytest.raises(errors.StorageError, match=message), db.session() as s:
        save_report(s, vid, assessment, plan)
        sign_report(s, vid)
