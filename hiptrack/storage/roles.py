"""What each role may change, enforced on every ORM flush (hiptrack.storage.audit calls in here).

- admin: everything: accounts, clinic settings, batteries, reference values, plus clinical work.
- clinician: patients, visits, strength testing, programs, exercise catalog, outcome scores.
- assistant: exercise logs and outcome scores only; no strength testing, no settings.

An actor without a role is the operating-system user of a command-line tool or a migration, who
holds the database file itself; the GUI always acts as a signed-in account with a role.
Any signed-in user may change their own PIN and password.
"""

from __future__ import annotations

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.storage import errors
from hiptrack.storage.database import Actor
from hiptrack.storage.models import (
    Base,
    BodyMass,
    Clinician,
    ClinicSetting,
    Exercise,
    ExerciseLogEntry,
    OutcomeScore,
    Patient,
    Prescription,
    ProgressionDecision,
    StrengthTest,
    Trial,
    Visit,
    VisitReport,
)

ADMIN, CLINICIAN, ASSISTANT = "admin", "clinician", "assistant"
ROLES = (ADMIN, CLINICIAN, ASSISTANT)
# Marked for translation: screens and documents show a role with hiptrack.reports.translation.label().
ROLE_TITLES = {ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"), CLINICIAN: QT_TRANSLATE_NOOP("Labels", "Clinician"),
               ASSISTANT: QT_TRANSLATE_NOOP("Labels", "Assistant")}

_ASSISTANT_MODELS: tuple[type[Base], ...] = (ExerciseLogEntry, OutcomeScore)
_CLINICIAN_MODELS: tuple[type[Base], ...] = (
    *_ASSISTANT_MODELS, Patient, BodyMass, Visit, StrengthTest, Trial, Prescription, ProgressionDecision, Exercise,
    VisitReport,
)
_OWN_ACCOUNT_FIELDS = {"pin_hash", "password_hash"}

# Who recorded a new row (a foreign key to clinicians): filled from the signed-in account, never typed.
_WHO_FIELD: dict[type[Base], str] = {
    Trial: "recorded_by", BodyMass: "recorded_by", ExerciseLogEntry: "recorded_by", OutcomeScore: "recorded_by",
    Prescription: "prescribed_by", ProgressionDecision: "decided_by", Exercise: "created_by", Visit: "clinician_id",
}


def may_change(role: str | None, model: type[Base]) -> bool:
    """Whether `role` may insert or update rows of `model` (the GUI hides what this refuses)."""
    if role is None or role == ADMIN:
        return True
    allowed = _CLINICIAN_MODELS if role == CLINICIAN else _ASSISTANT_MODELS if role == ASSISTANT else ()
    return issubclass(model, allowed)


def check_change(actor: Actor, obj: Base, created: bool, changed: set[str]) -> None:
    """Raise PermissionDenied when the actor's role does not allow this insert or update."""
    if may_change(actor.role, type(obj)):
        return
    own_account = isinstance(obj, Clinician) and not created and obj.id == actor.clinician_id
    if own_account and changed <= _OWN_ACCOUNT_FIELDS:
        return
    what = {ClinicSetting: "clinic settings", Clinician: "accounts"}.get(type(obj), type(obj).__tablename__)
    raise errors.PermissionDenied(
        f"{actor.name} is signed in as {ROLE_TITLES.get(actor.role or '', actor.role)}, which may not change "
        f"{what}. Ask a colleague with the right role."
    )


def stamp_who(actor: Actor, obj: Base) -> None:
    """Set the recording clinician of a new row to the signed-in account, whatever the caller passed:
    who recorded a trial, a visit or a score is who signed in, never chosen from a list or typed."""
    if actor.clinician_id is None:
        return  # command-line tools and imports: the caller's value (or none) stands
    field = _WHO_FIELD.get(type(obj))
    if field is not None:
        setattr(obj, field, actor.clinician_id)
