"""Clinicians: who records a visit, and the PIN that unlocks the patient view.

PINs are hashed with Argon2id (hiptrack.storage.accounts) and have at least 6 digits: a 4-digit PIN
hashed with PBKDF2 fell to a copied-hash search of all 10 000 values in minutes. PINs stored by
older versions (PBKDF2) no longer unlock anything; the clinic sets a new one when the patient view
first asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.accounts import hash_secret, secret_matches
from hiptrack.storage.errors import ValidationError
from hiptrack.storage.models import Clinician
from hiptrack.storage.roles import ADMIN, CLINICIAN

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
# The one rule for who may leave the patient view: it shows one patient, the main window all of them,
# and an assistant may not open every chart. Both "could anyone unlock it?" and "does this secret
# unlock it?" read this, so the view never opens when only an assistant holds a PIN.
UNLOCKING_ROLES = (ADMIN, CLINICIAN)


@dataclass(frozen=True)
class ClinicianRow:
    id: int
    username: str
    display_name: str
    has_pin: bool


def hash_pin(pin: str) -> str:
    return hash_secret(pin)


def pin_matches(pin: str, stored: str | None) -> bool:
    return not pin_problems(pin) and secret_matches(pin, stored)


def pin_problems(pin: str) -> list[str]:
    if not pin.isdigit() or not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        return [f"The PIN must be {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits"]
    return []


def _usable_hash(stored: str | None) -> bool:
    """Whether a stored PIN or password can match anything: only Argon2id ones do (`secret_matches`)."""
    return bool(stored and stored.startswith("$argon2"))


def _may_unlock() -> ColumnElement[bool]:
    return and_(Clinician.is_active.is_(True), Clinician.role.in_(UNLOCKING_ROLES))


def _rows(session: Session, where: ColumnElement[bool]) -> list[ClinicianRow]:
    rows = session.scalars(select(Clinician).where(where).order_by(Clinician.display_name))
    return [ClinicianRow(c.id, c.username, c.display_name, _usable_hash(c.pin_hash)) for c in rows]


def list_clinicians(session: Session) -> list[ClinicianRow]:
    """Every active account, whatever its role."""
    return _rows(session, Clinician.is_active.is_(True))


def unlocking_clinicians(session: Session) -> list[ClinicianRow]:
    """The active accounts whose PIN or password unlocks the patient view (the ones to give a PIN)."""
    return _rows(session, _may_unlock())


def someone_can_unlock(session: Session) -> bool:
    """Whether some account that may unlock the patient view has a PIN or password that can match."""
    rows = session.execute(select(Clinician.pin_hash, Clinician.password_hash).where(_may_unlock()))
    return any(_usable_hash(pin_hash) or _usable_hash(password_hash) for pin_hash, password_hash in rows)


def add_clinician(session: Session, username: str, display_name: str, pin: str | None = None) -> int:
    username, display_name = username.strip().lower(), display_name.strip()
    problems = []
    if not username:
        problems.append(QT_TRANSLATE_NOOP("Labels", "User name is missing"))
    if not display_name:
        problems.append(QT_TRANSLATE_NOOP("Labels", "Display name is missing"))
    if pin:
        problems += pin_problems(pin)
    if username and session.scalar(select(Clinician.id).where(Clinician.username == username)) is not None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "User name {username} is already taken"),
                               username=username))
    if problems:
        raise ValidationError(problems)
    clinician = Clinician(username=username, display_name=display_name, pin_hash=hash_pin(pin) if pin else None)
    session.add(clinician)
    session.flush()
    return clinician.id


def set_pin(session: Session, clinician_id: int, pin: str) -> None:
    problems = pin_problems(pin)
    if problems:
        raise ValidationError(problems)
    clinician = session.get(Clinician, clinician_id)
    if clinician is None:
        raise ValidationError([f"Clinician id {clinician_id} does not exist"])
    clinician.pin_hash = hash_pin(pin)


def clinician_unlocking(session: Session, secret: str) -> int | None:
    """The id of the account that may unlock (`UNLOCKING_ROLES`) whose password or PIN `secret` is, else None."""
    rows = session.execute(select(Clinician.id, Clinician.pin_hash, Clinician.password_hash).where(_may_unlock()))
    for cid, pin_hash, password_hash in rows:
        if pin_matches(secret, pin_hash) or secret_matches(secret, password_hash):
            return int(cid)
    return None
