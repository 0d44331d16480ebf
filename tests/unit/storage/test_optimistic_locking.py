"""Two rooms editing one prescription (issue 16, item 5): the second save is refused with a
message, never silently overwriting the first."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.models import Exercise
from hiptrack.storage.patients import create_patient

START = dt.date(2026, 11, 23)


def test_second_rooms_prescription_edit_is_refused_not_overwriting_the_first(db: Database) -> None:
    with db.session() as s:
        ex.sync_catalog(s)
        patient = create_patient(s, PatientFields("PX-1", "Rossi", "Lia", dt.date(1980, 1, 2), "female", None, None,
                                                  None, ""), today=START)
        eid = int(s.scalar(select(Exercise.id).where(Exercise.code == "sidelying_hip_abduction")))
        pid = ex.prescribe(s, patient, ex.PrescriptionFields(eid, 3, 10, START))
    with db.session() as s:
        room_1 = ex.get_prescription(s, pid)
    with db.session() as s:
        room_2 = ex.get_prescription(s, pid)

    with db.session() as s:
        ex.update_prescription(s, pid, ex.PrescriptionFields(eid, 3, 15, START), expected_version=room_1.version)
    with pytest.raises(errors.ConcurrentEdit, match="another workstation"), db.session() as s:
        ex.update_prescription(s, pid, ex.PrescriptionFields(eid, 2, 8, START), expected_version=room_2.version)
    with db.session() as s:
        kept = ex.get_prescription(s, pid)
    assert (kept.dosage.sets, kept.dosage.reps) == (3, 15)
    assert kept.version == room_1.version + 1


def test_second_rooms_exercise_edit_is_refused_not_overwriting_the_first(db: Database) -> None:
    with db.session() as s:
        ex.sync_catalog(s)
        eid = ex.create_custom_exercise(s, ex.ExerciseFields(name="Wall press"))
    with db.session() as s:
        room_1 = ex.get_exercise(s, eid)
    with db.session() as s:
        room_2 = ex.get_exercise(s, eid)
    with db.session() as s:
        ex.update_exercise(s, eid, replace(room_1.fields, setup="Stand side-on to a wall"),
                           expected_version=room_1.version)
    with pytest.raises(errors.ConcurrentEdit, match="another workstation"), db.session() as s:
        ex.update_exercise(s, eid, replace(room_2.fields, setup="Lie on the side"), expected_version=room_2.version)
    with db.session() as s:
        kept = ex.get_exercise(s, eid)
    assert kept.fields.setup == "Stand side-on to a wall" and kept.version == room_1.version + 1
