"""Accounts: who signs in, with which role, and how their secrets are kept.

Passwords and PINs are hashed with Argon2id (argon2-cffi) at OWASP's recommended minimum
(19 MiB memory, 2 iterations, 1 lane): a copied hash costs an attacker ~19 MiB and tens of
milliseconds per guess, instead of microseconds. Nobody can read a password; an admin can only
set a new one.

Sign-in is throttled per account: after `FREE_FAILURES` wrong passwords in a row, each further
attempt must wait `throttle_delay(failures)` (30 s, doubling, at most 15 minutes) counted from the
last failure, whatever the password. Every sign-in and every refused one is an audit event.

The first account of a clinic is an admin (`needs_first_admin`). Accounts are disabled, never
deleted, so that the audit trail keeps naming who did what.
"""

from __future__ import annotations

import datetime as dt
import functools
import socket
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.audit import record_event
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.models import Clinician
from hiptrack.storage.roles import ADMIN, ROLE_TITLES, ROLES
from hiptrack.storage.types import utcnow

# OWASP Password Storage Cheat Sheet, Argon2id minimum configuration: m=19 MiB, t=2, p=1.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)

MIN_PASSWORD = 8  # NIST SP 800-63B: at least 8 characters, any characters, no composition rules
MAX_PASSWORD = 256
FREE_FAILURES = 3
FIRST_DELAY_S = 30
MAX_DELAY_S = 15 * 60


class SignInRefused(StorageError):
    """Wrong user name or password, a disabled account, or too many recent failures."""


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool
    has_pin: bool


@functools.cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown, so that a wrong name takes as long as a wrong password.
    Made on first use: hashing costs tens of milliseconds that start-up should not pay."""
    return HASHER.hash("not a password of anyone")


def hash_secret(secret: str) -> str:
    return HASHER.hash(secret)


def secret_matches(secret: str, stored: str | None) -> bool:
    """Whether `secret` is the one hashed in `stored` (Argon2id; constant work for a wrong one)."""
    if not stored or not stored.startswith("$argon2"):
        return False
    try:
        return HASHER.verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problems(password: str) -> list[str]:
    if len(password) < MIN_PASSWORD:
        return [f"The password must have at least {MIN_PASSWORD} characters"]
    if len(password) > MAX_PASSWORD:
        return [f"The password must have at most {MAX_PASSWORD} characters"]
    return []


def throttle_delay(failures: int) -> dt.timedelta:
    """How long after the last failure the next attempt must wait (zero for the first few)."""
    if failures < FREE_FAILURES:
        return dt.timedelta(0)
    return dt.timedelta(seconds=min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - FREE_FAILURES)))


def _system_actor(what: str) -> Actor:
    return Actor(name=what, workstation=socket.gethostname())


def _row(c: Clinician) -> Account:
    return Account(c.id, c.username, c.display_name, c.role, bool(c.is_active), bool(c.password_hash),
                   bool(c.pin_hash and c.pin_hash.startswith("$argon2")))


def list_accounts(db: Database, include_disabled: bool = True) -> list[Account]:
    with db.session() as s:
        stmt = select(Clinician).order_by(Clinician.display_name)
        if not include_disabled:
            stmt = stmt.where(Clinician.is_active.is_(True))
        return [_row(c) for c in s.scalars(stmt)]


def needs_first_admin(db: Database) -> bool:
    """True until some active account can sign in (has a password)."""
    with db.session() as s:
        count = s.scalar(select(func.count()).select_from(Clinician).where(
            Clinician.is_active.is_(True), Clinician.password_hash.is_not(None)))
    return not count


def _clean_username(username: str) -> str:
    return username.strip().lower()


def add_account(db: Database, username: str, display_name: str, role: str, password: str) -> int:
    """Create an account (the first one of a clinic must be an admin). ValidationError names each problem."""
    username, display_name = _clean_username(username), display_name.strip()
    problems = password_problems(password)
    if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        problems.append(QT_TRANSLATE_NOOP("Labels", "The user name must be letters, digits, '.', '-' or '_'"))
    if not display_name:
        problems.append(QT_TRANSLATE_NOOP("Labels", "The display name is missing"))
    if role not in ROLES:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "The role must be one of {ROLES}"),
                               ROLES=', '.join(ROLES)))
    elif role != ADMIN and needs_first_admin(db):
        problems.append(QT_TRANSLATE_NOOP("Labels", "The clinic's first account must be an admin, so that "
                                                    "someone can manage the others"))
    with db.session() as s:
        existing = s.scalar(select(Clinician).where(Clinician.username == username))
        if existing is not None and existing.password_hash:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "The user name {username} is already taken"),
                                   username=username))
        if problems:
            raise ValidationError(problems)
        if existing is not None:  # a clinician from before accounts existed becomes an account
            existing.display_name, existing.role, existing.is_active = display_name, role, True
            existing.password_hash = hash_secret(password)
            s.flush()
            return existing.id
        account = Clinician(username=username, display_name=display_name, role=role,
                            password_hash=hash_secret(password))
        s.add(account)
        s.flush()
        return account.id


def _by_username(s: Session, username: str) -> Clinician:
    account = s.scalar(select(Clinician).where(Clinician.username == _clean_username(username)))
    if account is None:
        raise ValidationError([f"There is no account {username!r}"])
    return account


def set_active(db: Database, username: str, active: bool) -> None:
    with db.session() as s:
        account = _by_username(s, username)
        if not active and account.role == ADMIN:
            admins = s.scalar(select(func.count()).select_from(Clinician).where(
                Clinician.role == ADMIN, Clinician.is_active.is_(True), Clinician.id != account.id))
            if not admins:
                raise ValidationError(["This is the last active admin; make another admin first"])
        account.is_active = active


def reset_password(db: Database, username: str, password: str) -> None:
    """Set a new password (and clear the failure count): the way back for a forgotten password."""
    problems = password_problems(password)
    if problems:
        raise ValidationError(problems)
    with db.session() as s:
        account = _by_username(s, username)
        account.password_hash = hash_secret(password)
        account.failed_sign_ins = 0
        account.last_failed_at = None


def sign_in(db: Database, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a user name and password; return the Actor to act as. SignInRefused says why not.

    A refusal is committed (failure count, audit event) before it is raised."""
    now = now or utcnow()
    name = _clean_username(username)
    refusal: str | None = None
    actor: Actor | None = None
    with db.session() as s:
        s.info["actor"] = _system_actor(f"sign-in {name}"[:120])
        account = s.scalar(select(Clinician).where(Clinician.username == name))
        wait = _remaining_wait(account, now) if account is not None else 0
        if account is None or not account.password_hash:
            secret_matches(password, _dummy_hash())
            record_event(s, "sign_in_refused", "clinicians", None, username=name[:64], reason="unknown user")
            refusal = "That user name or password is not right."
        elif wait > 0:
            record_event(s, "sign_in_refused", "clinicians", account.id, reason="throttled")
            refusal = f"Too many wrong passwords. Try again in {wait} seconds."
        elif not secret_matches(password, account.password_hash):
            account.failed_sign_ins += 1
            account.last_failed_at = now
            record_event(s, "sign_in_refused", "clinicians", account.id, reason="wrong password",
                         failures=account.failed_sign_ins)
            refusal = "That user name or password is not right."
        elif not account.is_active:
            record_event(s, "sign_in_refused", "clinicians", account.id, reason="account disabled")
            refusal = "This account is disabled. Ask the clinic's admin."
        else:
            account.failed_sign_ins = 0
            account.last_failed_at = None
            actor = Actor(name=account.display_name, clinician_id=account.id, workstation=socket.gethostname(),
                          role=account.role)
            s.flush()  # the counter reset is the system's change; the sign-in event is the user's
            s.info["actor"] = actor
            record_event(s, "sign_in", "clinicians", account.id, role=account.role)
    if actor is None:
        raise SignInRefused(refusal or "Sign-in refused.")
    return actor


def _remaining_wait(account: Clinician, now: dt.datetime) -> int:
    if account.last_failed_at is None or not account.failed_sign_ins:
        return 0
    until = account.last_failed_at + throttle_delay(account.failed_sign_ins)
    return max(0, int((until - now).total_seconds() + 0.999))


def role_title(role: str | None) -> str:
    return ROLE_TITLES.get(role or "", "Command line")
