"""Who may leave the patient view: "could anyone unlock it?" and "does this secret unlock it?" follow one
rule, so the view never opens locked for good (an assistant's PIN alone) nor refuses a way out it counted."""

from __future__ import annotations

import pytest

from hiptrack.storage.accounts import hash_secret
from hiptrack.storage.clinicians import clinician_unlocking, someone_can_unlock, unlocking_clinicians
from hiptrack.storage.database import Database
from hiptrack.storage.models import Clinician

PIN, PASSWORD = "246802", "correct horse battery"


@pytest.mark.parametrize("role", ["admin", "clinician", "assistant"])
@pytest.mark.parametrize("secret", [PIN, PASSWORD])
@pytest.mark.parametrize("active", [True, False])
def test_counting_a_way_out_and_using_it_agree(sqlite_db: Database, role: str, secret: str, active: bool) -> None:
    with sqlite_db.session() as s:
        s.add(Clinician(username="only", display_name="The Only One", role=role, is_active=active,
                        pin_hash=hash_secret(PIN) if secret == PIN else None,
                        password_hash=hash_secret(PASSWORD) if secret == PASSWORD else None))
    with sqlite_db.session() as s:
        counted = someone_can_unlock(s)
        unlocks = clinician_unlocking(s, secret) is not None
        offered = [c.username for c in unlocking_clinicians(s)]
    assert counted == unlocks == (active and role != "assistant")
    assert offered == (["only"] if counted else [])


def test_an_old_pbkdf2_pin_is_no_way_out(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        s.add(Clinician(username="old", display_name="Old PIN", pin_hash="pbkdf2_sha256$1000$salt$hash"))
    with sqlite_db.session() as s:
        assert not someone_can_unlock(s)
        assert [c.has_pin for c in unlocking_clinicians(s)] == [False]
