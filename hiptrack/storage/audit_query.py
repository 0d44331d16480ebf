"""Reading the audit trail: filtered by patient, user and date, and written as CSV.

The audit viewer (GUI) and `hiptrack audit` both read through here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.storage.csv_cells import protect
from hiptrack.storage.database import Actor
from hiptrack.storage.errors import PermissionDenied
from hiptrack.storage.models import AuditEvent, Patient
from hiptrack.storage.roles import ADMIN, ROLE_TITLES

CSV_COLUMNS = ("id", "occurred_at", "actor", "clinician_id", "workstation", "action", "entity", "entity_id",
               "chart_number", "changes")


@dataclass(frozen=True)
class AuditFilter:
    patient_id: int | None = None
    actor: str | None = None  # display name or OS user, as recorded
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    limit: int = 10_000


@dataclass(frozen=True)
class AuditRow:
    id: int
    occurred_at: dt.datetime
    actor: str
    clinician_id: int | None
    workstation: str
    action: str
    entity: str
    entity_id: int | None
    chart_number: str
    changes: dict[str, Any]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _require_admin(session: Session) -> None:
    """Only an admin reads the audit trail (it names every patient and every user's work); the
    command line's operating-system user, who holds the database file itself, has no role."""
    actor = session.info.get("actor")
    role = actor.role if isinstance(actor, Actor) else None
    if role not in (None, ADMIN):
        name = actor.name if isinstance(actor, Actor) else "This user"
        raise PermissionDenied(f"{name} is signed in as {ROLE_TITLES.get(role or '', role)}; only an "
                               "administrator may read the audit trail.")


def query_events(session: Session, where: AuditFilter) -> list[AuditRow]:
    """Events matching the filter, oldest first (admins only)."""
    _require_admin(session)
    stmt = select(AuditEvent, Patient.chart_number).outerjoin(Patient, Patient.id == AuditEvent.patient_id)
    if where.patient_id is not None:
        stmt = stmt.where(AuditEvent.patient_id == where.patient_id)
    if where.actor:
        stmt = stmt.where(AuditEvent.actor == where.actor)
    if where.since is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= _day_start(where.since))
    if where.until is not None:
        stmt = stmt.where(AuditEvent.occurred_at < _day_start(where.until + dt.timedelta(days=1)))
    stmt = stmt.order_by(AuditEvent.id).limit(where.limit)
    return [
        AuditRow(e.id, e.occurred_at, e.actor, e.clinician_id, e.workstation, e.action, e.entity, e.entity_id,
                 chart or "", dict(e.changes or {}))
        for e, chart in session.execute(stmt)
    ]


def actors(session: Session) -> list[str]:
    """Every name that appears as the actor of an event (for the viewer's user filter)."""
    _require_admin(session)
    return sorted(set(session.scalars(select(AuditEvent.actor).distinct())))


def _csv_cell(value: Any) -> str:
    return protect("" if value is None else str(value))  # names and notes could run as formulas


def write_csv(rows: Sequence[AuditRow], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([_csv_cell(v) for v in (
            r.id, r.occurred_at.isoformat(), r.actor, r.clinician_id, r.workstation, r.action, r.entity,
            r.entity_id, r.chart_number, json.dumps(r.changes, sort_keys=True, ensure_ascii=False),
        )])


def write_csv_file(rows: Sequence[AuditRow], path: Path) -> None:
    from hiptrack.private_files import private_open

    with private_open(path) as fh:
        write_csv(rows, fh)
