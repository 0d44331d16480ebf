"""Only an admin reads the audit trail, refused in storage, not only hidden in the menus (issue 12)."""

from __future__ import annotations

import pytest

from hiptrack.storage.accounts import add_account, sign_in
from hiptrack.storage.audit_query import AuditFilter, actors, query_events
from hiptrack.storage.database import Database
from hiptrack.storage.errors import PermissionDenied


@pytest.mark.parametrize(("role", "allowed"), [("admin", True), ("clinician", False), ("assistant", False)])
def test_reading_the_audit_trail_needs_an_admin(db: Database, role: str, allowed: bool) -> None:
    add_account(db, "boss", "B. Oss", "admin", "the admin's password")  # a clinic's first account is an admin
    add_account(db, "someone", "Some One", role, "a long enough password")
    reader = Database(db.url, actor=sign_in(db, "someone", "a long enough password"))
    try:
        with reader.session() as s:
            if allowed:
                assert query_events(s, AuditFilter())  # the accounts just added are audited
                assert isinstance(actors(s), list)
            else:
                with pytest.raises(PermissionDenied, match="only an administrator may read the audit trail"):
                    query_events(s, AuditFilter())
                with pytest.raises(PermissionDenied):
                    actors(s)
    finally:
        reader.dispose()


def test_the_command_line_user_reads_it(db: Database) -> None:
    """The operating-system user of `hiptrack audit` holds the database file itself (no role)."""
    with db.session() as s:
        assert isinstance(query_events(s, AuditFilter()), list)
