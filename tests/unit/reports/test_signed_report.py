"""The clinician report a clinic signs and the referral letter (issue 14), read back with pdftotext:
who tested, the assessment and plan, the signature or a plain 'not signed', the version that
replaced a signed one, and a one-page letter to the referrer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from hiptrack.reports.build import ReportError, load_report_data
from hiptrack.reports.render import write_report
from hiptrack.storage.clinicians import add_clinician
from hiptrack.storage.database import Database
from hiptrack.storage.models import Visit
from hiptrack.storage.visit_reports import save_report, sign_report
from tests.unit.reports import data as D
from tests.unit.reports.test_reports import TODAY, make_pdf


def latest_visit(db: Database, patient_id: int) -> int:
    with db.session() as s:
        visit = s.scalars(select(Visit).where(Visit.patient_id == patient_id)
                          .order_by(Visit.visit_date.desc()).limit(1)).one()
        visit.clinician_id = add_clinician(s, "jlee", "J. Lee, PT")
        return visit.id


@pytest.fixture
def patient(sqlite_db: Database) -> int:
    with sqlite_db.session() as s:
        return D.standard_patient(s)


def test_draft_report_prints_tester_assessment_plan_and_not_signed(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                    patient: int, tmp_path: Path) -> None:
    vid = latest_visit(sqlite_db, patient)
    with sqlite_db.session() as s:
        save_report(s, vid, "Left gluteus medius weaker than right; pain settling.", "Progress clamshell to red band.")
    _, text = make_pdf(sqlite_db, patient, "clinician", tmp_path / "c.pdf")
    assert "Tested by J. Lee, PT" in text and "Tested by: J. Lee, PT" in text
    assert "Assessment Left gluteus medius weaker than right; pain settling." in text
    assert "Plan Progress clamshell to red band." in text
    assert "DRAFT, not signed (version 1)" in text
    assert "Not signed: this report is a draft" in text and "Signed electronically" not in text


def test_signed_then_amended_report_names_signer_version_and_reason(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                      patient: int, tmp_path: Path) -> None:
    vid = latest_visit(sqlite_db, patient)
    with sqlite_db.session() as s:
        save_report(s, vid, "Assessment one", "Plan one")
        sign_report(s, vid)
    _, text = make_pdf(sqlite_db, patient, "clinician", tmp_path / "signed.pdf")
    assert "Signed electronically by Test Clinician in hiptrack on" in text and "(version 1)" in text
    with sqlite_db.session() as s:
        save_report(s, vid, "Assessment one", "Plan two", reason="plan changed after the GP's letter")
        sign_report(s, vid)
    _, text = make_pdf(sqlite_db, patient, "clinician", tmp_path / "amended.pdf")
    assert "Plan two" in text and "Plan one" not in text
    assert "This version replaces version 1: plan changed after the GP's letter" in text


def test_referral_letter_is_one_page_to_the_referrer(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                     patient: int, tmp_path: Path) -> None:
    vid = latest_visit(sqlite_db, patient)
    with sqlite_db.session() as s:
        save_report(s, vid, "Hip abductor weakness on the left.", "Six weeks of hip strengthening, review then.",
                    referrer="Dr. M. Keller, Harbour Medical Practice")
        sign_report(s, vid)
    pages, text = make_pdf(sqlite_db, patient, "referral", tmp_path / "r.pdf")
    assert pages == 1
    assert "Referral letter" in text and "To: Dr. M. Keller, Harbour Medical Practice" in text
    assert "Re: Ada Example, born" in text and "Left (N) Right (N) Asymmetry Flag" in text
    assert "Six weeks of hip strengthening, review then." in text
    assert "Signed electronically by Test Clinician" in text


def test_referral_letter_without_a_referrer_is_refused_and_writes_nothing(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                         patient: int, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    with sqlite_db.session() as s:
        data = load_report_data(s, patient, today=TODAY)
    with pytest.raises(ReportError, match="no referrer is entered"):
        write_report(data, "referral", out)
    assert not out.exists()


def test_typed_in_trials_are_never_credited_to_the_device(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    """Issue 14: a typed-in 44 lbf was listed as measured by the device 'M5-100'."""
    import datetime as dt

    from hiptrack.storage.visits import DeviceProvenance, complete_visit, ensure_test, save_trial, start_visit

    with sqlite_db.session() as s:
        pid = D.add_patient(s, "TYPED-1")
        vid = start_visit(s, pid, dt.date(2026, 11, 20), None, "standard_hip", body_mass_kg=70.0)
        test = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=0.35, device=DeviceProvenance("mark10", "M5-100", "SN-42"))
        save_trial(s, test, peak_force_n=195.7, entry="manual", reported_value=44.0, reported_unit="lbf")
        save_trial(s, test, peak_force_n=200.2, entry="manual", reported_value=45.0, reported_unit="lbf")
        both = ensure_test(s, vid, muscle="gluteus_medius", side="right", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=0.35, device=DeviceProvenance("mark10", "M5-100", "SN-42"))
        save_trial(s, both, peak_force_n=210.0, entry="stream")
        save_trial(s, both, peak_force_n=205.0, entry="manual", reported_value=20.9, reported_unit="kgf")
        complete_visit(s, vid)  # an unfinished visit is left out of documents (issue 17)
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "typed.pdf")
    assert "2 typed in (44 lbf, 45 lbf)" in text
    assert "1 typed in (20.9 kgf)" in text
    with sqlite_db.session() as s:
        devices = {setup.side: setup.device for setup in load_report_data(s, pid, today=TODAY).setups}
    assert devices == {"left": "2 typed in (44 lbf, 45 lbf)",
                       "right": "1 measured by M5-100, s/n SN-42; 1 typed in (20.9 kgf)"}


def test_signature_names_the_signers_role(qapp, sqlite_db: Database, patient: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.storage.database import Actor

    vid = latest_visit(sqlite_db, patient)
    with sqlite_db.session() as s:
        save_report(s, vid, "Assessment", "Plan")
    signer = Database(sqlite_db.url, actor=Actor(name="Jane Lee", clinician_id=None, workstation="room 2",
                                                  role="clinician"))
    try:
        with signer.session() as s:
            row = sign_report(s, vid)
    finally:
        signer.dispose()
    assert row.signed_role == "clinician"
    _, text = make_pdf(sqlite_db, patient, "clinician", tmp_path / "c.pdf")
    assert "Signed electronically by Jane Lee (Clinician) in hiptrack on" in text
