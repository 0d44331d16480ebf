"""`hiptrack user …` as a scripted install runs it: the password comes on standard input, never as an
argument, and every change is audited."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent


def user(url: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "hiptrack", "user", *args, "--database", url], input=password,
                          capture_output=True, text=True, env=env, timeout=60)


def test_add_list_disable_reset_are_audited_and_never_show_the_password(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    first = user(url, "add", "jlee", "--name", "J. Lee, PT", "--role", "clinician", password="secret one\n")
    assert first.returncode == 1 and "first account must be an admin" in first.stderr
    assert user(url, "add", "boss", "--name", "B. Oss", "--role", "admin", password="secret one\n").returncode == 0
    assert user(url, "add", "jlee", "--name", "J. Lee, PT", "--role", "clinician",
                password="secret two\n").returncode == 0
    assert user(url, "add", "jlee", "--name", "J. Lee", "--role", "clinician",
                password="secret two\n").returncode == 1  # taken
    assert user(url, "disable", "jlee").returncode == 0
    assert user(url, "reset-password", "jlee", password="secret three\n").returncode == 0
    listing = user(url, "list")
    assert listing.returncode == 0
    assert "jlee" in listing.stdout and "disabled" in listing.stdout and "admin" in listing.stdout
    db = Database(url)
    try:
        with db.session() as s:
            events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "clinicians")).all()
        assert [e.action for e in events] == ["create", "create", "update", "update"]
        assert events[3].changes == {"password_hash": {"old": "<set>", "new": "<set>"}}
        assert all("secret" not in str(e.changes) for e in events)
    finally:
        db.dispose()
