"""Data folders with characters that URLs treat specially (issue 16, item 1).

`#` started a URL fragment (every backup an empty database, a stray file outside the folder);
`?` a query and `%41` an escape (a new empty database opened elsewhere). Each folder below is
used through the real entry points: the default URL, a child `hiptrack db backup`, and the
backup's contents are checked with plain sqlite3.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hiptrack import paths
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage.patients import create_patient
from hiptrack.storage.startup import open_and_prepare
from tests.faults.conftest import child_env, hiptrack_command, run_child

FOLDERS = ["clinic #2", "what?now", "%41bc", "Müller & Söhne ✓", "a;b=c@d+e"]


def _patients_in(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM patients").fetchone()[0])


@pytest.mark.parametrize("folder", FOLDERS)
def test_special_character_data_folder_keeps_database_and_backups_inside_it(
    tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / folder
    monkeypatch.setenv("HIPTRACK_HOME", str(home))
    db, _ = open_and_prepare(paths.default_database_url())
    with db.session() as s:
        create_patient(s, PatientFields("HT-1", "Doe", "Jane", dt.date(1980, 1, 2), "female", None, None, None, ""))
    db.dispose()

    database = paths.default_database_path()
    assert database.exists(), "the database was opened somewhere other than the data folder"
    assert _patients_in(database) == 1

    result = run_child(hiptrack_command("db", "backup"), child_env(home))
    assert result.returncode == 0, result.stderr
    backup = Path(result.stdout.strip().splitlines()[-1])
    assert backup.parent == database.parent / "backups"
    assert _patients_in(backup) == 1, "the backup does not hold the database's patients"
    assert [p.name for p in tmp_path.iterdir()] == [folder], "a stray file appeared outside the data folder"
