"""Accounts on both engines: Argon2id hashes, the first account is an admin, sign-in throttled and
audited, and what a role may not do is refused in storage, not only hidden in the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from hiptrack import settings as S
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.accounts import (
    SignInRefused,
    add_account,
    list_accounts,
    needs_first_admin,
    reset_password,
    set_active,
    sign_in,
    throttle_delay,
)
from hiptrack.storage.clinicians import add_clinician, set_pin
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.models import AuditEvent, Clinician
from hiptrack.storage.outcomes import record_nprs
from hiptrack.storage.patients import create_patient
from hiptrack.storage.settings_store import save_clinic_setting
from hiptrack.storage.visits import start_visit

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
PASSWORD = "correct horse battery"


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_first_account_must_be_an_admin_and_hashes_are_argon2id(db: Database) -> None:
    assert needs_first_admin(db)
    with pytest.raises(errors.ValidationError, match="first account must be an admin"):
        add_account(db, "jlee", "J. Lee", "clinician", PASSWORD)
    with pytest.raises(errors.ValidationError, match="at least 8 characters"):
        add_account(db, "boss", "B. Oss", "admin", "short")
    add_account(db, "Boss", "B. Oss", "admin", PASSWORD)
    assert not needs_first_admin(db)
    with db.session() as s:
        stored = s.scalar(select(Clinician.password_hash).where(Clinician.username == "boss"))
    assert stored is not None and stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored
    [account] = list_accounts(db)
    assert (account.username, account.role, account.has_password) == ("boss", "admin", True)


def test_sign_in_is_throttled_and_every_attempt_audited(db: Database) -> None:
    add_account(db, "boss", "B. Oss", "admin", PASSWORD)
    for i in range(3):  # three free mistakes
        with pytest.raises(SignInRefused, match="not right"):
            sign_in(db, "boss", f"guess {i}", now=T0)
    # Now even the right password waits 30 s after the last failure (an online guesser is slowed).
    with pytest.raises(SignInRefused, match="Try again in 30 seconds"):
        sign_in(db, "boss", PASSWORD, now=T0 + dt.timedelta(seconds=0))
    with pytest.raises(SignInRefused, match="not right"):
        sign_in(db, "boss", "guess 4", now=T0 + dt.timedelta(seconds=31))
    with pytest.raises(SignInRefused, match="Try again in 60 seconds"):
        sign_in(db, "boss", PASSWORD, now=T0 + dt.timedelta(seconds=31))
    actor = sign_in(db, "BOSS ", PASSWORD, now=T0 + dt.timedelta(seconds=92))
    assert (actor.name, actor.role) == ("B. Oss", "admin") and actor.clinician_id is not None
    with pytest.raises(SignInRefused, match="not right"):
        sign_in(db, "nobody", PASSWORD, now=T0)
    refused = _events(db, "sign_in_refused")
    assert [e.changes["reason"] for e in refused] == (
        ["wrong password"] * 3 + ["throttled", "wrong password", "throttled", "unknown user"])
    assert [e.clinician_id for e in _events(db, "sign_in")] == [actor.clinician_id]
    assert throttle_delay(40) == dt.timedelta(minutes=15)


def test_disabled_accounts_and_password_reset(db: Database) -> None:
    add_account(db, "boss", "B. Oss", "admin", PASSWORD)
    add_account(db, "jlee", "J. Lee", "clinician", "first password")
    with pytest.raises(errors.ValidationError, match="last active admin"):
        set_active(db, "boss", False)
    set_active(db, "jlee", False)
    with pytest.raises(SignInRefused, match="disabled"):
        sign_in(db, "jlee", "first password")
    set_active(db, "jlee", True)
    reset_password(db, "jlee", "second password")
    with pytest.raises(SignInRefused):
        sign_in(db, "jlee", "first password")
    assert sign_in(db, "jlee", "second password").role == "clinician"


def _as(db: Database, role: str, clinician_id: int | None = None) -> Database:
    return Database(db.url, actor=Actor(name=f"a {role}", clinician_id=clinician_id, workstation="ws", role=role))


def test_roles_are_refused_in_storage(db: Database) -> None:
    with db.session() as s:
        pid = create_patient(s, PatientFields("R-1", "Quinn", "Ola", dt.date(1975, 3, 2), "female"))
        cid = add_clinician(s, "asst", "A. Sist")
    assistant, clinician = _as(db, "assistant", cid), _as(db, "clinician")
    try:
        with pytest.raises(errors.PermissionDenied, match="Assistant, which may not change visits"), \
                assistant.session() as s:
            start_visit(s, pid, dt.date.today(), None, "standard_hip")  # no strength testing
        with pytest.raises(errors.PermissionDenied), assistant.session() as s:
            create_patient(s, PatientFields("R-2", "Other", "Pat", dt.date(1980, 1, 1), "male"))
        with pytest.raises(errors.PermissionDenied, match="clinic settings"), clinician.session() as s:
            save_clinic_setting(s, S.CV_LIMIT_PCT, 20.0)
        with pytest.raises(errors.PermissionDenied, match="accounts"), clinician.session() as s:
            add_clinician(s, "sneaky", "Sneaky Admin")
        with pytest.raises(errors.PermissionDenied, match="accounts"), clinician.session() as s:
            other = s.get(Clinician, cid)
            assert other is not None
            other.role = "admin"
        # An assistant logs outcome scores and may change their own PIN.
        with assistant.session() as s:
            record_nprs(s, pid, 4, dt.date.today())
            set_pin(s, cid, "864200")
        with pytest.raises(errors.PermissionDenied), assistant.session() as s:  # but not their own role
            row = s.get(Clinician, cid)
            assert row is not None
            row.role = "admin"
    finally:
        assistant.dispose()
        clinician.dispose()
