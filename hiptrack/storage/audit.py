"""The audit trail, the no-delete rule and role checks, applied to every ORM session.

Every insert or update of a clinical record, an account, a clinic setting or the exercise catalog
writes an `audit_events` row in the same transaction, naming the actor (`session.info["actor"]`),
the entity and the changed fields with their old and new values (secrets such as PIN and password
hashes appear only as "<set>"). Events are appended to the hash chain of
`hiptrack.storage.audit_chain`. Deleting a clinical record through the ORM is refused here; any
other DELETE is refused by database triggers.

Views, prints and exports of a patient's data are recorded with `record_access`.

Role checks live here, below every screen: an actor whose role does not allow a change gets
`PermissionDenied` before anything is written (see `hiptrack.storage.roles`).
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from hiptrack.storage import errors, roles
from hiptrack.storage.audit_chain import append_events
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.models import (
    CLINICAL_MODELS,
    AuditEvent,
    Base,
    Clinician,
    ClinicSetting,
    Exercise,
    Patient,
)
from hiptrack.storage.types import utcnow

log = logging.getLogger(__name__)

_SKIPPED_FIELDS = {"updated_at", "version", "created_at", "failed_sign_ins", "last_failed_at"}
# Never copied into the trail: that they changed is recorded, never their values.
SECRET_FIELDS = {"pin_hash", "password_hash"}
SECRET_MARK = "<set>"
# Audited as well as the clinical records: accounts, clinic settings and the exercise catalog.
AUDITED_MODELS: tuple[type[Base], ...] = (*CLINICAL_MODELS, Clinician, ClinicSetting, Exercise)


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a column value for the audit record."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"  # raw traces are not copied into the audit trail
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _shown(key: str, value: Any) -> Any:
    if key in SECRET_FIELDS:
        return SECRET_MARK if value else None
    return _plain(value)


def _patient_id(obj: Base) -> int | None:
    if isinstance(obj, Patient):
        return obj.id
    pid = getattr(obj, "patient_id", None)
    if pid is not None:
        return int(pid)
    for parent_attr in ("visit", "test", "prescription"):
        parent = getattr(obj, parent_attr, None)
        if parent is not None:
            return _patient_id(parent)
    return None


def _changes(obj: Base, created: bool) -> dict[str, Any]:
    state = inspect(obj)
    result: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if created:
            value = getattr(obj, attr.key)
            if value is not None:
                result[attr.key] = _shown(attr.key, value)
        elif history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                result[attr.key] = {"old": _shown(attr.key, old), "new": _shown(attr.key, new)}
    if isinstance(obj, ClinicSetting):
        result["key"] = obj.key  # settings are keyed by name, not by id
    return result


def _action(obj: Base, created: bool, changes: dict[str, Any]) -> str:
    if created:
        return "create"
    for flag in ("archived", "voided"):
        change = changes.get(flag)
        if isinstance(change, dict) and change.get("new") is True:
            return "archive" if flag == "archived" else "void"
    if "status" in changes and isinstance(changes["status"], dict) and changes["status"].get("new") == "voided":
        return "void"
    return "update"


def session_actor(session: Session) -> Actor:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else Actor(name="system")


@event.listens_for(Session, "before_flush")
def _refuse_clinical_deletes(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    for obj in session.deleted:
        if isinstance(obj, (*CLINICAL_MODELS, Clinician)):
            raise errors.ClinicalRecordDeletion(
                f"{type(obj).__name__} records are never deleted; archive or void them instead."
            )
    actor = session_actor(session)
    for created, objects in ((True, session.new), (False, session.dirty)):
        for obj in objects:
            if not created and not session.is_modified(obj, include_collections=False):
                continue
            roles.check_change(actor, obj, created, _changed_fields(obj, created))
            if created:
                roles.stamp_who(actor, obj)


def _changed_fields(obj: Base, created: bool) -> set[str]:
    if created:
        return set()
    state = inspect(obj)
    return {a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.has_changes()}


@event.listens_for(Session, "after_flush")
def _write_audit_events(session: Session, _ctx: UOWTransaction) -> None:
    actor = session_actor(session)
    rows: list[dict[str, Any]] = []
    for created, objects in ((True, session.new), (False, session.dirty)):
        for obj in objects:
            if not isinstance(obj, AUDITED_MODELS) or isinstance(obj, AuditEvent):
                continue
            if not created and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, created)
            if not created and not changes:
                continue
            action = session.info.get("audit_action") or _action(obj, created, changes)
            rows.append(audit_row(actor, action, type(obj).__tablename__, getattr(obj, "id", None),
                                  _patient_id(obj), changes))
    append_events(session.connection(), rows)


def audit_row(actor: Actor | None, action: str, entity: str, entity_id: int | None, patient_id: int | None,
              changes: dict[str, Any]) -> dict[str, Any]:
    """One audit event as a row (the one place that says what an event holds)."""
    actor = actor or Actor(name="system")
    return {
        "occurred_at": utcnow(),
        "clinician_id": actor.clinician_id,
        "actor": actor.name,
        "workstation": actor.workstation,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "patient_id": patient_id,
        "changes": changes,
    }


def creation_changes(values: dict[str, Any]) -> dict[str, Any]:
    """What a "create" event records for a row written without the ORM (bulk inserts)."""
    return {k: _plain(v) for k, v in values.items() if v is not None and k not in _SKIPPED_FIELDS}


_CLINICAL_TABLES = {model.__tablename__ for model in CLINICAL_MODELS}


def write_audit_events(session: Session, rows: list[dict[str, Any]]) -> None:
    """Append audit events of bulk inserts to the chain in one statement; events about tables that
    are not clinical are dropped."""
    append_events(session.connection(), [row for row in rows if row["entity"] in _CLINICAL_TABLES])


# Access events: who looked at, printed or exported a patient's data.
ACCESS_ACTIONS = ("view", "print", "export")


def record_access(session: Session, action: str, patient_id: int, what: str, **details: Any) -> None:
    """Record that the session's actor viewed, printed or exported one patient's data."""
    if action not in ACCESS_ACTIONS:
        raise ValueError(f"unknown access action {action!r}")
    _append_one(session, action, what, None, patient_id, details)


def record_patient_opened(db: Database, patient_id: int, what: str = "patient_record") -> bool:
    """An access event in its own short transaction, for screens that open a patient's record.

    False (and a log line) when the database refuses the write: the screen still opens, as the
    record itself could be read; the failure is in the log for the admin."""
    try:
        with db.session() as session:
            record_access(session, "view", patient_id, what)
    except errors.StorageError as exc:
        log.warning("could not record the view of patient id=%d: %s", patient_id, type(exc).__name__)
        return False
    return True


def record_event(session: Session, action: str, entity: str, entity_id: int | None = None, **details: Any) -> None:
    """Record an event that changes no row of its own (a sign-in, a refused sign-in, a lock)."""
    _append_one(session, action, entity, entity_id, None, details)


def _append_one(session: Session, action: str, entity: str, entity_id: int | None, patient_id: int | None,
                details: dict[str, Any]) -> None:
    """One event by the session's actor, its details made JSON-safe, onto the chain."""
    row = audit_row(session_actor(session), action, entity, entity_id, patient_id,
                    {k: _plain(v) for k, v in details.items()})
    append_events(session.connection(), [row])


def patient_data_version(session: Session, patient_id: int) -> tuple[int, int]:
    """A marker that changes whenever anything a summary of this patient reads may have changed,
    from any workstation; in ONE query.

    Every change to a clinical record, an account, a clinic setting or the exercise catalog writes
    an audit event in its own transaction, and appends are serialised by the chain's row lock, so
    event ids grow in commit order. The marker is the newest change event of this patient and the
    newest change event that belongs to no patient (settings, catalog, accounts, sign-ins: any of
    them may change how this patient's data reads). Access events (views, prints, exports) change
    nothing and are left out, or every patient switch would count as a change. Counts and largest
    ids of the tables themselves would miss an update in place (a trial rejected, a visit voided)."""
    def newest(condition: Any) -> Any:
        return (select(AuditEvent.id).where(condition, AuditEvent.action.not_in(ACCESS_ACTIONS))
                .order_by(AuditEvent.id.desc()).limit(1).scalar_subquery())

    row = session.execute(select(newest(AuditEvent.patient_id == patient_id),
                                 newest(AuditEvent.patient_id.is_(None)))).one()
    return int(row[0] or 0), int(row[1] or 0)
