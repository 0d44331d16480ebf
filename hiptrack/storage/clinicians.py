"""Clinicians: who records a visit, and the PIN that unlocks the patient view."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.storage.errors import ValidationError
from hiptrack.storage.models import Clinician

_ITERATIONS = 200_000


@dataclass(frozen=True)
class ClinicianRow:
    id: int
    username: str
    display_name: str
    has_pin: bool


def hash_pin(pin: str) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), _ITERATIONS).hex()
    return f"pbkdf2_sha256${_ITERATIONS}${salt}${digest}"


def pin_matches(pin: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations)).hex()
    except ValueError:
        return False
    return hmac.compare_digest(candidate, digest)


def pin_problems(pin: str) -> list[str]:
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        return ["The PIN must be 4 to 12 digits"]
    return []


def list_clinicians(session: Session) -> list[ClinicianRow]:
    rows = session.scalars(select(Clinician).where(Clinician.is_active.is_(True)).order_by(Clinician.display_name))
    return [ClinicianRow(c.id, c.username, c.display_name, bool(c.pin_hash)) for c in rows]


def add_clinician(session: Session, username: str, display_name: str, pin: str | None = None) -> int:
    username, display_name = username.strip().lower(), display_name.strip()
    problems = []
    if not username:
        problems.append("User name is missing")
    if not display_name:
        problems.append("Display name is missing")
    if pin:
        problems += pin_problems(pin)
    if username and session.scalar(select(Clinician.id).where(Clinician.username == username)) is not None:
        problems.append(f"User name {username} is already taken")
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


def any_pin_matches(session: Session, pin: str) -> bool:
    """True when `pin` is the PIN of any active clinician (leaving the patient view)."""
    hashes = session.scalars(select(Clinician.pin_hash).where(Clinician.is_active.is_(True)))
    return any(pin_matches(pin, stored) for stored in hashes)
