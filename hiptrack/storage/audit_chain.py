"""The append-only audit trail: a hash chain over `audit_events`, and database guards.

Each audit event stores the hash of the event before it (`prev_hash`) and its own hash
(`event_hash`, SHA-256 over its content and `prev_hash`). The one-row `audit_chain` table holds the
newest hash and the number of events, so that removing the newest events is detected as well as
rewriting or removing one in the middle. `verify_chain` walks the trail and names every break.

Appending takes the `audit_chain` row's write lock first (an UPDATE), so two workstations on one
PostgreSQL server, or two windows on one SQLite file, append one after the other and never fork
the chain.

`install_guards` creates the database triggers that refuse UPDATE and DELETE of audit rows and
DELETE of clinical rows, on SQLite and PostgreSQL. It is idempotent and runs at every start-up,
because an SQLite table rebuilt by a later migration (batch mode) loses its triggers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, RowMapping

GENESIS = ""

# Content fields of an event, in hashing order. The id is not hashed (it is assigned on insert);
# the order of ids is checked by the chain links instead.
HASHED_FIELDS = (
    "occurred_at", "clinician_id", "actor", "workstation", "action", "entity", "entity_id", "patient_id", "changes",
)

# Rows of these tables are never deleted, by the ORM or by any SQL: archive or void instead.
NO_DELETE_TABLES = (
    "patients", "body_mass_measurements", "visits", "strength_tests", "trials", "prescriptions",
    "exercise_log_entries", "progression_decisions", "outcome_scores", "visit_reports", "clinicians",
)
AUDIT_TABLE = "audit_events"
REFUSAL_AUDIT = "hiptrack: audit events are append-only"
REFUSAL_DELETE = "hiptrack: clinical records are never deleted"


def _canonical_time(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite hands back naive UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    return str(value)


def event_hash(prev_hash: str, event: Mapping[str, Any] | RowMapping) -> str:
    """SHA-256 of an event's content and its predecessor's hash, in a canonical JSON form."""
    content = [prev_hash] + [
        _canonical_time(event[f]) if f == "occurred_at" else event.get(f) for f in HASHED_FIELDS
    ]
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def append_events(conn: Connection, events: Sequence[Mapping[str, Any]]) -> None:
    """Insert audit events at the end of the chain, inside the caller's transaction."""
    if not events:
        return
    # Take the chain's write lock before reading its head (see the module docstring).
    conn.execute(text("UPDATE audit_chain SET event_count = event_count WHERE id = 1"))
    head = conn.execute(text("SELECT last_hash, event_count FROM audit_chain WHERE id = 1")).one()
    prev, count = head.last_hash, int(head.event_count)
    chained = []
    for event in events:
        digest = event_hash(prev, event)
        chained.append({**event, "prev_hash": prev, "event_hash": digest})
        prev, count = digest, count + 1
    # One statement, rows in chain order: ids are assigned in that order while the lock is held.
    conn.execute(_audit_table().insert(), chained)
    conn.execute(
        text("UPDATE audit_chain SET last_hash = :h, event_count = :n WHERE id = 1"), {"h": prev, "n": count}
    )


def _audit_table() -> Any:
    from hiptrack.storage.models import AuditEvent  # models import this module's constants

    return AuditEvent.__table__


@dataclass(frozen=True)
class ChainReport:
    events: int
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def _stored_events(conn: Connection) -> Iterable[RowMapping]:
    table = _audit_table()
    return conn.execute(table.select().order_by(table.c.id)).mappings()


def verify_chain(conn: Connection, limit: int = 50) -> ChainReport:
    """Walk every audit event in id order; name each rewritten, inserted or missing event."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    for row in _stored_events(conn):
        count += 1
        if row["prev_hash"] != prev:
            problems.append(f"event {row['id']}: the event before it is missing or was changed")
        if row["event_hash"] != event_hash(row["prev_hash"] or GENESIS, row):
            problems.append(f"event {row['id']}: its content was changed after it was written")
        prev = row["event_hash"] or ""
        if len(problems) >= limit:
            break
    else:
        problems += [f"the database guard {name} is missing: the trail could be rewritten (hiptrack restores "
                     "it at its next start)" for name in missing_guards(conn)]
        head = conn.execute(text("SELECT last_hash, event_count FROM audit_chain WHERE id = 1")).one_or_none()
        if head is None:
            problems.append("the audit chain's head record is missing")
        elif head.last_hash != prev or int(head.event_count) != count:
            problems.append(
                f"the newest events are missing: the chain recorded {head.event_count} events, {count} remain"
            )
    return ChainReport(count, tuple(problems))


def rebuild_chain(conn: Connection) -> None:
    """Hash events written before the chain existed (migration only: triggers are not yet in place).

    The table is reflected, not taken from the models, so that this stays right for the schema of
    the migration that calls it."""
    from sqlalchemy import MetaData, Table

    table = Table(AUDIT_TABLE, MetaData(), autoload_with=conn)
    prev = GENESIS
    count = 0
    for row in list(conn.execute(table.select().order_by(table.c.id)).mappings()):
        digest = event_hash(prev, row)
        conn.execute(table.update().where(table.c.id == row["id"]).values(prev_hash=prev, event_hash=digest))
        prev, count = digest, count + 1
    conn.execute(text("DELETE FROM audit_chain"))
    conn.execute(
        text("INSERT INTO audit_chain (id, last_hash, event_count) VALUES (1, :h, :n)"), {"h": prev, "n": count}
    )


# --- database guards ------------------------------------------------------------------------------

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION hiptrack_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def _guards(postgres: bool = True) -> list[tuple[str, str, str, str]]:
    """(trigger name, table, event, refusal message) for every guard; SQLite has no TRUNCATE."""
    guards = [
        (f"{AUDIT_TABLE}_no_update", AUDIT_TABLE, "UPDATE", REFUSAL_AUDIT),
        (f"{AUDIT_TABLE}_no_delete", AUDIT_TABLE, "DELETE", REFUSAL_AUDIT),
    ]
    if postgres:
        guards.append((f"{AUDIT_TABLE}_no_truncate", AUDIT_TABLE, "TRUNCATE", REFUSAL_AUDIT))
    guards += [(f"{t}_no_delete", t, "DELETE", REFUSAL_DELETE) for t in NO_DELETE_TABLES]
    return guards


def install_guards(conn: Connection) -> None:
    """Create the triggers that make the audit trail and clinical rows permanent, where missing."""
    postgres = conn.dialect.name == "postgresql"
    if postgres:
        # Workstations starting together on one server install one after the other: what is
        # missing is read under the lock, so the second finds the first one's triggers.
        conn.execute(text("SELECT pg_advisory_xact_lock(7151203)"))
    wanted = _missing(conn)
    if not wanted:
        return
    if postgres:
        conn.execute(text(_PG_FUNCTION))
    for name, table, event, message in wanted:
        if postgres:
            scope = "FOR EACH STATEMENT" if event == "TRUNCATE" else "FOR EACH ROW"
            conn.execute(text(
                f'CREATE TRIGGER "{name}" BEFORE {event} ON "{table}" {scope} '
                f"EXECUTE FUNCTION hiptrack_refuse_change('{message}')"
            ))
        else:
            conn.execute(text(
                f'CREATE TRIGGER IF NOT EXISTS "{name}" BEFORE {event} ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            ))


def missing_guards(conn: Connection) -> list[str]:
    """Names of the append-only/no-delete triggers that are not in the database."""
    return [name for name, _table, _event, _message in _missing(conn)]


def _missing(conn: Connection) -> list[tuple[str, str, str, str]]:
    """The guards (as `_guards` gives them) of tables that exist whose trigger does not."""
    tables = set(_existing_tables(conn))
    present = _existing_triggers(conn)
    return [g for g in _guards(conn.dialect.name == "postgresql") if g[1] in tables and g[0] not in present]


def _existing_triggers(conn: Connection) -> set[str]:
    if conn.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return set(conn.execute(text(query)).scalars())


def drop_guards(conn: Connection) -> None:
    """Remove the triggers (migration downgrade only)."""
    existing = set(_existing_tables(conn))
    for name, table, _event, _message in _guards(conn.dialect.name == "postgresql"):
        if table not in existing:
            continue
        if conn.dialect.name == "postgresql":
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"'))
        else:
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP FUNCTION IF EXISTS hiptrack_refuse_change()"))


def _existing_tables(conn: Connection) -> list[str]:
    from sqlalchemy import inspect

    return inspect(conn).get_table_names()
