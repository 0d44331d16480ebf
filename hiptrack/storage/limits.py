"""Input limits on every text column, the same on both engines.

PostgreSQL refuses a string longer than its VARCHAR length and any NUL byte, SQLite stores both;
without one rule the same 10,000-character name was kept on one engine and reported on the other
as "Cannot reach the PostgreSQL database". This session hook checks every new or changed row
before it is written, on either engine, and refuses it with a message naming the field.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from hiptrack.storage.errors import ValidationError

# Free-text columns (notes, assessments) have no length in the schema; this keeps them sane.
TEXT_MAX_CHARS = 20_000


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _entity(obj: Any) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", type(obj).__name__).lower()


def column_limit(column_type: Any) -> int | None:
    if isinstance(column_type, String) and column_type.length:
        return int(column_type.length)
    if isinstance(column_type, (String, Text)):
        return TEXT_MAX_CHARS
    return None


def text_problems(obj: Any) -> list[str]:
    """What breaks the text limits in this row: too long, or holding a NUL character."""
    problems = []
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        limit = column_limit(column.type)
        if limit is None:
            continue
        value = getattr(obj, attr.key, None)
        if not isinstance(value, str):
            continue
        where = f"{_label(attr.key)} of the {_entity(obj)}"
        if "\x00" in value:
            problems.append(f"{where} contains a NUL character (\\0), which cannot be stored; remove it")
        if len(value) > limit:
            problems.append(f"{where} is too long ({len(value):,} characters; at most {limit:,})")
    return problems


@event.listens_for(Session, "before_flush")
def _check_text_limits(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    problems = [p for obj in (*session.new, *session.dirty) for p in text_problems(obj)]
    if problems:
        raise ValidationError(problems)
