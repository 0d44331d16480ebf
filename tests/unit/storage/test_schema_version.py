"""Knowing whether a migration is pending without importing Alembic, and agreeing with Alembic."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import alembic_config, head_revision, known_revisions, prepare_database


def test_head_and_known_revisions_agree_with_alembic() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_an_up_to_date_database_is_opened_without_alembic(db_url: str) -> None:
    db = Database(db_url)
    prepare_database(db, backup=False)
    db.dispose()
    code = (
        "import sys\n"
        "from hiptrack.storage.startup import open_and_prepare\n"
        f"db, report = open_and_prepare({db_url!r}, backup=False)\n"
        "assert not report.migrated\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"
