"""SIGKILL during `hiptrack import` (issue 16): the import is all or nothing at any moment of the
kill, the file stays sound, and importing again afterwards completes and then adds nothing."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from hiptrack.domain.result_columns import COLUMNS
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from tests.faults.conftest import child_env, hiptrack_command, kill_moments, kill_when, run_child

PATIENTS = 12
TRIALS = PATIENTS * 3 * 2 * 3  # visits × sides × trials

# Touches a file when the import starts writing, so that the kills land in its write phase.
IMPORT_DRIVER = """
import pathlib, sys
from hiptrack.storage import results_import
ready = pathlib.Path(sys.argv[1])
write = results_import._write
def signalled_write(*args, **kwargs):
    ready.touch()
    return write(*args, **kwargs)
results_import._write = signalled_write
from hiptrack.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _csv(path: Path) -> Path:
    lines = [",".join(COLUMNS)]
    for p in range(PATIENTS):
        for visit in (1, 2, 3):
            for side in ("left", "right"):
                for trial in (1, 2, 3):
                    row = {"chart_number": f"IM-{p:04d}", "last_name": f"Last{p}", "first_name": "Kim",
                           "date_of_birth": "1980-01-01", "sex": "female", "height_m": "1.7", "involved_side": "",
                           "visit_date": f"2025-0{visit}-10", "body_mass_kg": "70", "muscle": "gluteus_medius",
                           "side": side, "position": "", "method": "make", "lever_arm_m": "0.35",
                           "trial": str(trial), "peak_force": str(150 + trial), "unit": "N"}
                    lines.append(",".join(row[c] for c in COLUMNS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _trials(database: Path) -> int:
    with sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(conn.execute("SELECT count(*) FROM trials").fetchone()[0])


def test_kill_during_import_is_all_or_nothing(tmp_path: Path) -> None:
    database = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{database}"
    db = Database(url)
    prepare_database(db)
    db.dispose()
    source = _csv(tmp_path / "history.csv")
    for attempt, delay in enumerate(kill_moments(seed=1604, count=2, low_s=0.0, high_s=0.8)):
        ready = tmp_path / f"ready-{attempt}"
        proc = subprocess.Popen(
            [*hiptrack_command()[:1], "-c", IMPORT_DRIVER, str(ready), "--database", url, "import", str(source)],
            env=child_env(tmp_path / "home"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        killed = kill_when(proc, ready, delay)
        stored = _trials(database)
        assert stored in (0, TRIALS), f"kill {attempt} at +{delay:.2f} s left {stored} of {TRIALS} trials"
        if not killed or stored == TRIALS:
            break
    finished = run_child(hiptrack_command("--database", url, "import", str(source)), child_env(tmp_path / "home"))
    assert finished.returncode == 0, finished.stderr
    assert _trials(database) == TRIALS
