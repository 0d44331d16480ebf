"""The audit trail and the no-delete rule, applied to every ORM session.

Every insert or update of a clinical record writes an `audit_events` row in the same
transaction, naming the actor (`session.info["actor"]`), the entity and the changed fields with
their old and new values. Deleting a clinical record through the ORM is refused: clinics archive
patients and void entries instead, so the history stays complete.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from hiptrack.storage import errors
from hiptrack.storage.database import Actor
from hiptrack.storage.models import CLINICAL_MODELS, AuditEvent, Base, Patient
from hiptrack.storage.types import utcnow

_SKIPPED_FIELDS = {"updated_at", "version", "created_at"}


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a column value for the audit record."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"  # raw traces are not copied into the audit trail
    if isinstance(value, enum.Enum):
        return value.value
    return value


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
                result[attr.key] = _plain(value)
        elif history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                result[attr.key] = {"old": _plain(old), "new": _plain(new)}
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


@event.listens_for(Session, "before_flush")
def _refuse_clinical_deletes(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    for obj in session.deleted:
        if isinstance(obj, CLINICAL_MODELS):
            raise errors.ClinicalRecordDeletion(
                f"{type(obj).__name__} records are never deleted; archive or void them instead."
            )


@event.listens_for(Session, "after_flush")
def _write_audit_events(session: Session, _ctx: UOWTransaction) -> None:
    actor: Actor = session.info.get("actor") or Actor(name="system")
    rows: list[dict[str, Any]] = []
    for created, objects in ((True, session.new), (False, session.dirty)):
        for obj in objects:
            if not isinstance(obj, CLINICAL_MODELS) or isinstance(obj, AuditEvent):
                continue
            if not created and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, created)
            if not created and not changes:
                continue
            action = session.info.get("audit_action") or _action(obj, created, changes)
            rows.append(audit_row(actor, action, type(obj).__tablename__, getattr(obj, "id", None),
                                  _patient_id(obj), changes))
    write_audit_events(session, rows)


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
    """Insert audit events in one statement; events about non-clinical tables are dropped."""
    rows = [row for row in rows if row["entity"] in _CLINICAL_TABLES]
    if rows:
        session.connection().execute(insert(AuditEvent), rows)
