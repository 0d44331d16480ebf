"""The audit trail is complete and append-only, on both engines: triggers refuse rewriting it and
deleting clinical rows by any SQL, the hash chain detects a hand edit or a removed event, and
accounts, PINs, settings and the exercise catalog leave events (their secrets never do)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading

import pytest
from sqlalchemy import delete, select, text, update

from hiptrack import settings as S
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.audit import record_access
from hiptrack.storage.audit_chain import drop_guards, install_guards, missing_guards, verify_chain
from hiptrack.storage.clinicians import add_clinician, set_pin
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.exercises import ExerciseFields, create_custom_exercise
from hiptrack.storage.models import AuditEvent, Patient, Trial
from hiptrack.storage.patients import create_patient
from hiptrack.storage.settings_store import save_clinic_setting
from hiptrack.storage.visits import ensure_test, save_trial, start_visit


def _patient(db: Database, chart: str = "A-1") -> int:
    with db.session() as s:
        return create_patient(s, PatientFields(chart, "Quinn", "Ola", dt.date(1975, 3, 2), "female"))


def _trial(db: Database, pid: int) -> int:
    with db.session() as s:
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip")
        tid = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                          method="make", lever_arm_m=0.35)
        return save_trial(s, tid, peak_force_n=180.0, entry="manual")


def _events(db: Database) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_triggers_refuse_rewriting_or_deleting_audit_rows(db: Database) -> None:
    _patient(db)
    with pytest.raises(errors.AuditTamperRefused), db.session() as s:
        s.execute(update(AuditEvent).values(actor="someone else"))
    with pytest.raises(errors.AuditTamperRefused), db.session() as s:
        s.execute(delete(AuditEvent))
    with pytest.raises(errors.AuditTamperRefused), db.session() as s:  # through the ORM too
        event = s.scalars(select(AuditEvent)).first()
        assert event is not None
        event.changes = {"forged": True}
    assert [e.actor for e in _events(db)] == ["Test Clinician"]


def test_core_delete_of_clinical_rows_is_refused(db: Database) -> None:
    pid = _patient(db)
    trial_id = _trial(db, pid)
    with pytest.raises(errors.ClinicalRecordDeletion), db.session() as s:
        s.execute(delete(Trial).where(Trial.id == trial_id))
    with pytest.raises(errors.ClinicalRecordDeletion), db.session() as s:
        s.execute(text("DELETE FROM patients"))
    with db.session() as s:
        assert s.get(Trial, trial_id) is not None and s.get(Patient, pid) is not None


def test_chain_is_intact_after_ordinary_work(db: Database) -> None:
    pid = _patient(db)
    _trial(db, pid)
    with db.engine.connect() as conn:
        report = verify_chain(conn)
    assert report.intact, report.problems
    assert report.events == len(_events(db)) >= 4  # patient, visit, test, trial


def test_a_dropped_guard_is_named_missing_and_put_back_alone(db: Database) -> None:
    with db.engine.begin() as conn:
        assert missing_guards(conn) == []
        on = "" if conn.dialect.name == "sqlite" else " ON audit_events"
        conn.execute(text(f'DROP TRIGGER "audit_events_no_delete"{on}'))
        assert missing_guards(conn) == ["audit_events_no_delete"]
        install_guards(conn)
        assert missing_guards(conn) == []
        drop_guards(conn)
        assert "audit_events_no_update" in missing_guards(conn) and "patients_no_delete" in missing_guards(conn)
        install_guards(conn)
        assert missing_guards(conn) == []


def _tamper(db: Database, statement: str) -> None:
    """What someone with the database's own credentials could do: drop the guard, edit, put it back."""
    with db.engine.begin() as conn:
        drop_guards(conn)
        conn.execute(text(statement))
        install_guards(conn)


@pytest.mark.parametrize("statement, expected", [
    ("UPDATE audit_events SET actor = 'nobody' WHERE id = 2", "event 2: its content was changed"),
    ("DELETE FROM audit_events WHERE id = 2", "event 3: the event before it is missing"),
    ("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)", "the newest events are missing"),
])
def test_a_hand_edit_breaks_the_chain_and_is_named(db: Database, statement: str, expected: str) -> None:
    pid = _patient(db)
    _trial(db, pid)
    _tamper(db, statement)
    with db.engine.connect() as conn:
        report = verify_chain(conn)
    assert not report.intact
    assert any(expected in p for p in report.problems), report.problems


def test_accounts_pins_settings_and_catalog_are_audited_without_secrets(db: Database) -> None:
    with db.session() as s:
        cid = add_clinician(s, "jlee", "J. Lee, PT", pin="135790")
    with db.session() as s:
        set_pin(s, cid, "246802")
    with db.session() as s:
        save_clinic_setting(s, S.CV_LIMIT_PCT, 12.0)
    with db.session() as s:
        save_clinic_setting(s, S.CV_LIMIT_PCT, 14.0)
    with db.session() as s:
        create_custom_exercise(s, ExerciseFields(name="Banded monster walk"))
    events = _events(db)
    by_entity = {(e.entity, e.action) for e in events}
    assert {("clinicians", "create"), ("clinicians", "update"), ("settings", "create"), ("settings", "update"),
            ("exercises", "create")} <= by_entity
    pin_change = next(e for e in events if e.entity == "clinicians" and e.action == "update")
    assert pin_change.changes == {"pin_hash": {"old": "<set>", "new": "<set>"}}
    setting_change = next(e for e in events if e.entity == "settings" and e.action == "update")
    assert setting_change.changes["key"] == "cv_limit_pct"
    assert setting_change.changes["value"] == {"old": 12.0, "new": 14.0}
    trail = json.dumps([e.changes for e in events])
    assert "pbkdf2" not in trail and "argon2" not in trail and "135790" not in trail


def test_access_events_name_who_viewed_what(db: Database) -> None:
    pid = _patient(db)
    with db.session() as s:
        record_access(s, "view", pid, "patient_record")
        record_access(s, "print", pid, "pdf_report", kind="patient")
    access = [e for e in _events(db) if e.action in ("view", "print")]
    assert [(e.action, e.entity, e.patient_id, e.actor) for e in access] == [
        ("view", "patient_record", pid, "Test Clinician"), ("print", "pdf_report", pid, "Test Clinician")]
    assert access[1].changes == {"kind": "patient"}


def test_two_workstations_appending_at_once_keep_one_chain(db: Database) -> None:
    """B appends while A's append is uncommitted: B must wait for A's head, not fork the chain."""
    pid = _patient(db)
    other = Database(db.url, actor=dataclasses.replace(db.actor, name="Other", workstation="ws-2"))
    failures: list[BaseException] = []

    def append_from_b() -> None:
        try:
            with other.session() as b:
                record_access(b, "view", pid, "patient_record")
        except BaseException as exc:  # reported to the test below
            failures.append(exc)

    try:
        with db.session() as a:
            record_access(a, "view", pid, "patient_record")
            worker = threading.Thread(target=append_from_b)
            worker.start()
            worker.join(0.5)  # B is now waiting for A's lock (or, unguarded, has read a stale head)
        worker.join(30)
        assert not worker.is_alive() and not failures, failures
        with db.engine.connect() as conn:
            report = verify_chain(conn)
        assert report.intact, report.problems
        assert [e.actor for e in _events(db)][-2:] == ["Test Clinician", "Other"]
    finally:
        other.dispose()


def test_signed_in_user_is_who_recorded_the_trial(db: Database) -> None:
    pid = _patient(db)
    with db.session() as s:
        cid = add_clinician(s, "mk", "M. Kim, PT")
        someone_else = add_clinician(s, "other", "Someone Else")
    signed_in = Database(db.url, actor=Actor(name="M. Kim, PT", clinician_id=cid, workstation="ws", role="clinician"))
    try:
        with signed_in.session() as s:  # a caller naming another clinician is overruled
            vid = start_visit(s, pid, dt.date.today(), someone_else, "standard_hip")
            tid = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                              method="make", lever_arm_m=0.35)
            trial_id = save_trial(s, tid, peak_force_n=180.0, entry="manual", recorded_by=someone_else)
        with signed_in.session() as s:
            trial = s.get(Trial, trial_id)
            assert trial is not None and trial.recorded_by == cid
            assert trial.test.visit.clinician_id == cid
            last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
            assert last is not None and last.clinician_id == cid and last.actor == "M. Kim, PT"
    finally:
        signed_in.dispose()
