"""Two workstations saving trials of one muscle at the same moment (issue 16, item 5).

Two child processes start together (a barrier file), each saving trials for the same visit,
muscle and side, first trial included. Before the fix trial numbers were max + 1 read outside
any lock (38 of 80 saves failed on PostgreSQL, reported as "Cannot reach the PostgreSQL database"),
and a simultaneous first trial made two test rows, hiding half the trials from summaries.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import alembic_config, prepare_database
from hiptrack.storage.models import StrengthTest, Trial
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import start_visit
from tests.faults.conftest import CHILD_TIMEOUT_S, child_env, hiptrack_command

SAVES_EACH = 20

SAVER = """
import json, pathlib, sys, time
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.visits import ensure_test, save_trial
url, visit_id, go, room = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3]), sys.argv[4]
db = Database(url, actor=Actor(name="clinician " + room, workstation=room))
with db.engine.connect():
    pass  # connected before the start signal, so both rooms really start together
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.001)
failures = []
for i in range({saves}):
    try:
        with db.session() as s:
            test_id = ensure_test(s, visit_id, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                                  method="make", lever_arm_m=None)
            save_trial(s, test_id, peak_force_n=100.0 + i, entry="stream")
    except StorageError as exc:
        failures.append(str(exc))
print(json.dumps(failures))
""".replace("{saves}", str(SAVES_EACH))


def test_two_workstations_save_trials_of_one_muscle_at_once(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        patient = create_patient(s, PatientFields("HT-2", "Doe", "Jo", dt.date(1975, 5, 5), "male", None, None,
                                                  None, ""))
        visit = start_visit(s, patient, dt.date.today(), None, "standard")
    go = tmp_path / "go"
    url = db.url.render_as_string(hide_password=False)
    rooms = [
        subprocess.Popen([*hiptrack_command()[:1], "-c", SAVER, url, str(visit), str(go), room],
                         env=child_env(tmp_path / f"home-{room}"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for room in ("room-1", "room-2")
    ]
    time.sleep(1.0)  # not a verdict: only gives both children time to connect before the signal
    go.touch()
    outcomes = [room.communicate(timeout=CHILD_TIMEOUT_S) for room in rooms]
    for (out, err), room in zip(outcomes, rooms, strict=True):
        assert room.returncode == 0, err
        assert json.loads(out.strip().splitlines()[-1]) == [], "a save failed"

    with db.session() as s:
        tests = s.scalars(select(StrengthTest).where(StrengthTest.visit_id == visit,
                                                     StrengthTest.voided.is_(False))).all()
        assert len(tests) == 1, "a simultaneous first trial created two test rows"
        numbers = sorted(s.scalars(select(Trial.trial_number).where(Trial.test_id == tests[0].id)))
    assert numbers == list(range(1, 2 * SAVES_EACH + 1))


def test_migration_merges_duplicate_tests_left_by_older_versions(db: Database) -> None:
    """A database written before the fix may already hold two rows for one test; the upgrade
    moves the second row's trials under the first, so every stored trial reaches the summaries."""
    with db.session() as s:  # written by this version's models, before going back in time
        patient = create_patient(s, PatientFields("HT-3", "Roe", "Al", dt.date(1975, 5, 5), "male", None, None,
                                                  None, ""))
        visit = start_visit(s, patient, dt.date.today(), None, "standard")
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")  # the revision before 0005_concurrent_workstations
    with db.engine.begin() as conn:
        for test_id in (901, 902):
            conn.execute(text(
                "INSERT INTO strength_tests (id, visit_id, muscle, action, side, position, method, fixation, context, "
                "voided, created_at) VALUES (:i, :v, 'gluteus_medius', 'hip_abduction', 'left', 'hip_abd_sidelying_short', 'make', "
                "'hand', '{}', :f, CURRENT_TIMESTAMP)"), {"i": test_id, "v": visit, "f": False})
            for number in (1, 2):
                conn.execute(text(
                    "INSERT INTO trials (test_id, trial_number, entry, peak_force_n, accepted, overload, "
                    "trace_sample_count, recorded_at) VALUES (:t, :n, 'stream', 100, :a, :o, 0, CURRENT_TIMESTAMP)"),
                    {"t": test_id, "n": number, "a": True, "o": False})
    prepare_database(db)
    with db.session() as s:
        live = s.scalars(select(StrengthTest).where(StrengthTest.visit_id == visit,
                                                    StrengthTest.voided.is_(False))).all()
        assert [t.id for t in live] == [901]
        assert sorted(s.scalars(select(Trial.trial_number).where(Trial.test_id == 901))) == [1, 2, 3, 4]
