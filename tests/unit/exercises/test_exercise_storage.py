"""Catalog sync, prescriptions, logs, adherence, progression and outcome scores on both engines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage import exercises as ex
from hiptrack.storage import outcomes as oc
from hiptrack.storage.database import Database
from hiptrack.storage.models import AuditEvent, Exercise, ExerciseLogEntry, ProgressionDecision
from hiptrack.storage.patients import create_patient

TODAY = dt.date(2026, 11, 26)  # a Thursday
MONDAY = dt.date(2026, 11, 23)


def new_patient(s, chart: str = "EX-1") -> int:  # type: ignore[no-untyped-def]
    return create_patient(s, PatientFields(chart, "Rossi", "Lia", dt.date(1980, 1, 2), "female", 1.68, "right",
                                           "left", ""), today=TODAY)


def exercise_id(s, code: str) -> int:  # type: ignore[no-untyped-def]
    return int(s.scalar(select(Exercise.id).where(Exercise.code == code)))


@pytest.fixture
def patient(db: Database) -> int:
    with db.session() as s:
        ex.sync_catalog(s)
        return new_patient(s)


def test_catalog_file_has_the_five_exercises_in_english() -> None:
    entries = ex.load_catalog()
    assert [e.code for e in entries] == [
        "clamshell", "sidelying_hip_abduction", "quadruped_hip_extension_knee_flexed", "cook_hip_lift",
        "lateral_step_down",
    ]
    for e in entries:
        assert e.fields.target_muscles and e.fields.setup and e.fields.movement and e.fields.common_mistakes
        assert e.fields.progression_rule and e.fields.progression_text
    abduction = next(e for e in entries if e.code == "sidelying_hip_abduction").fields
    assert abduction.progression_params["reps"] == 15 and abduction.progression_rule == "reps_then_weight"
    step = next(e for e in entries if e.code == "lateral_step_down").fields
    assert (step.progression_params["min"], step.progression_params["max"]) == (8, 10)


def test_locale_fallback(tmp_path: Path) -> None:
    assert ex.localised({"en": "Clamshell", "de": "Muschel"}, "de_AT") == "Muschel"
    assert ex.localised({"en": "Clamshell", "de": "Muschel"}, "fr") == "Clamshell"
    data = json.loads(Path(ex.paths.resource_path("db", "reference", "exercises.json")).read_text())
    data["exercises"][0]["name"]["de"] = "Muschel"
    data["exercises"][0]["movement"].pop("de", None)  # a field without German falls back to English
    data["exercises"][0]["setup"] = {"de": "nur Deutsch"}
    bad = tmp_path / "exercises.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.StorageError, match="'setup' needs English text"):
        ex.load_catalog("de", bad)
    data["exercises"][0]["setup"] = {"en": "English", "de": "Deutsch"}
    bad.write_text(json.dumps(data), encoding="utf-8")
    de = ex.load_catalog("de", bad)[0].fields
    assert (de.name, de.setup, de.movement) == ("Muschel", "Deutsch", ex.load_catalog("en")[0].fields.movement)


def test_sync_inserts_missing_and_keeps_clinic_edits(db: Database) -> None:
    with db.session() as s:
        assert len(ex.sync_catalog(s)) == 5
    with db.session() as s:
        eid = exercise_id(s, "clamshell")
        info = ex.get_exercise(s, eid)
        assert not info.edited and not info.is_custom
        ex.update_exercise(s, eid, ex.ExerciseFields(**{**info.fields.__dict__, "setup": "Our clinic's set-up"}))
        s.query(Exercise).filter(Exercise.code == "cook_hip_lift").update({"code": "cook_hip_lift_old"})
    with db.session() as s:
        assert ex.sync_catalog(s) == ["cook_hip_lift"]
        info = ex.get_exercise(s, exercise_id(s, "clamshell"))
        assert info.fields.setup == "Our clinic's set-up" and info.edited
        assert ex.sync_catalog(s) == []


def test_custom_exercises_are_marked_and_validated(db: Database) -> None:
    with db.session() as s:
        ex.sync_catalog(s)
        cid = ex.create_custom_exercise(s, ex.ExerciseFields(name="Monster walk", target_muscles="Gluteus medius"))
    with db.session() as s:
        info = ex.get_exercise(s, cid)
        assert info.is_custom and info.code == "clinic_monster_walk" and info.label == "Monster walk (clinic's own)"
        assert [e.code for e in ex.list_exercises(s)][-1] == "clinic_monster_walk"
        with pytest.raises(errors.ValidationError) as caught:
            ex.create_custom_exercise(s, ex.ExerciseFields(name="Clamshell", default_sets=0,
                                                           progression_rule="reps_then_weight"))
    text = " | ".join(caught.value.problems)
    assert "already exists" in text and "Sets must be 1–20" in text and "needs the parameter 'reps'" in text


def test_prescribe_edit_end_void_with_audit(db: Database, patient: int) -> None:
    with db.session() as s:
        eid = exercise_id(s, "sidelying_hip_abduction")
        pid = ex.prescribe(s, patient, ex.PrescriptionFields(eid, 3, 10, MONDAY, hold_s=2, sessions_per_week=5))
    with db.session() as s:
        row = ex.get_prescription(s, pid)
        assert row.dosage_text == "3 × 10, hold 2 s, each side, 5×/week"
        ex.update_prescription(s, pid, ex.PrescriptionFields(eid, 3, 12, MONDAY, hold_s=2, sides="left",
                                                             resistance_kind="ankle_weight", resistance_kg=0.5))
    with db.session() as s:
        assert ex.get_prescription(s, pid).dosage_text == "3 × 12, hold 2 s, left side, ankle weight 0.5 kg, 5×/week"
        history = ex.record_history(s, "prescriptions", pid)
        assert [h.action for h in history] == ["create", "update"]
        assert history[1].changes["reps"] == {"old": 10, "new": 12}
        assert history[0].actor == "Test Clinician"
        with pytest.raises(errors.ValidationError, match="before the start date"):
            ex.end_prescription(s, pid, MONDAY - dt.timedelta(days=1))
    with db.session() as s:
        ex.end_prescription(s, pid, TODAY)
    with db.session() as s:
        assert ex.get_prescription(s, pid).status == "ended"
        ex.void_prescription(s, pid)
    with db.session() as s:
        assert ex.list_prescriptions(s, patient) == []
        assert ex.record_history(s, "prescriptions", pid)[-1].action == "void"


def test_prescription_validation(db: Database, patient: int) -> None:
    with db.session() as s, pytest.raises(errors.ValidationError) as caught:
        ex.prescribe(s, patient, ex.PrescriptionFields(exercise_id(s, "clamshell"), 3, 10, TODAY,
                                                       end_date=MONDAY, resistance_kind="band"))
    assert any("before the start date" in p for p in caught.value.problems)
    assert any("band needs a level" in p for p in caught.value.problems)


def _two_prescriptions(db: Database, patient: int) -> tuple[int, int]:
    with db.session() as s:
        a = ex.prescribe(s, patient, ex.PrescriptionFields(exercise_id(s, "clamshell"), 3, 15, MONDAY,
                                                           resistance_kind="band", resistance_level="red"))
        b = ex.prescribe(s, patient, ex.PrescriptionFields(exercise_id(s, "lateral_step_down"), 2, 8, MONDAY,
                                                           sessions_per_week=3))
    return a, b


def test_quick_log_one_entry_per_active_prescription_once(db: Database, patient: int) -> None:
    a, b = _two_prescriptions(db, patient)
    with db.session() as s:
        ids = ex.log_done_as_prescribed(s, patient, MONDAY, today=TODAY)
        assert len(ids) == 2
    with db.session() as s:
        assert ex.log_done_as_prescribed(s, patient, MONDAY, today=TODAY) == []  # pressed twice
        assert ex.log_done_as_prescribed(s, patient, MONDAY - dt.timedelta(days=1), today=TODAY) == []  # before start
        rows = ex.list_log_entries(s, patient)
        assert {r.prescription_id for r in rows} == {a, b}
        assert all(r.fields.done_as_prescribed and r.source == "quick" for r in rows)
        clam = next(r for r in rows if r.prescription_id == a)
        assert (clam.fields.sets_done, clam.fields.reps_done, clam.fields.resistance_level) == (3, 15, "red")
        with pytest.raises(errors.ValidationError, match="in the future"):
            ex.log_done_as_prescribed(s, patient, TODAY + dt.timedelta(days=1), today=TODAY)


def test_already_logged_names_the_prescriptions_with_a_live_entry_that_day(db: Database, patient: int) -> None:
    a, b = _two_prescriptions(db, patient)
    tuesday = MONDAY + dt.timedelta(days=1)
    with db.session() as s:
        assert ex.already_logged(s, [a, b], MONDAY) == set() and ex.already_logged(s, [], MONDAY) == set()
        ex.log_entry(s, a, ex.LogFields(performed_on=MONDAY, sets_done=3, reps_done=15), TODAY)
        voided = ex.log_entry(s, b, ex.LogFields(performed_on=MONDAY, sets_done=2, reps_done=8), TODAY)
        ex.void_log_entry(s, voided)
        ex.log_entry(s, b, ex.LogFields(performed_on=tuesday, sets_done=2, reps_done=8), TODAY)
    with db.session() as s:
        assert ex.already_logged(s, [a, b], MONDAY) == {a}  # b's Monday entry was voided
        assert ex.already_logged(s, [a, b], tuesday) == {b} and ex.already_logged(s, [a], tuesday) == set()


def test_detailed_log_edit_keeps_history_and_void(db: Database, patient: int) -> None:
    a, _ = _two_prescriptions(db, patient)
    with db.session() as s:
        eid = ex.log_entry(s, a, ex.LogFields(MONDAY, "left", 3, 12, 2, "red", None, 2, 5, "felt fine"), today=TODAY)
    with db.session() as s:
        ex.update_log_entry(s, eid, ex.LogFields(MONDAY, "left", 3, 14, 2, "red", None, 4, 6, "corrected"), today=TODAY)
    with db.session() as s:
        history = ex.record_history(s, "exercise_log_entries", eid)
        assert [h.action for h in history] == ["create", "update"]
        assert history[1].changes["reps_done"] == {"old": 12, "new": 14}
        assert history[1].changes["pain_during"] == {"old": 2, "new": 4}
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "exercise_log_entries")).all()
        assert [e.patient_id for e in events] == [patient] * len(events)
        with pytest.raises(errors.ValidationError) as caught:
            ex.update_log_entry(s, eid, ex.LogFields(MONDAY, "up", -1, 14, pain_during=11, difficulty=12), today=TODAY)
        assert len(caught.value.problems) == 4
    with db.session() as s:
        ex.void_log_entry(s, eid)
    with db.session() as s:
        assert ex.list_log_entries(s, patient) == []
        assert ex.record_history(s, "exercise_log_entries", eid)[-1].action == "void"
        with pytest.raises(errors.StorageError, match="voided"):
            ex.update_log_entry(s, eid, ex.LogFields(MONDAY), today=TODAY)
    with pytest.raises(errors.ClinicalRecordDeletion), db.session() as s:
        s.delete(s.get(ExerciseLogEntry, eid))


def test_adherence_from_the_database(db: Database, patient: int) -> None:
    a, b = _two_prescriptions(db, patient)
    with db.session() as s:
        ex.log_done_as_prescribed(s, patient, MONDAY, today=TODAY)
        ex.log_entry(s, a, ex.LogFields(MONDAY + dt.timedelta(days=1), "left", 3, 15), today=TODAY)
        ex.log_entry(s, a, ex.LogFields(MONDAY + dt.timedelta(days=1), "right", 3, 15), today=TODAY)
        ex.log_entry(s, b, ex.LogFields(MONDAY + dt.timedelta(days=2), sets_done=0, reps_done=0,
                                        notes="knee sore, skipped"), today=TODAY)
    with db.session() as s:
        (week,) = ex.patient_adherence(s, patient, TODAY)
    # The whole week as prescribed: 5 + 3 sessions; done so far a: Mon, Tue (2); b: Mon (1; Wed was skipped).
    assert week.label == "2026-W48" and week.in_progress
    assert week.expected == 8
    assert week.done == 3
    assert week.percent == pytest.approx(3 / 8 * 100)


def test_days_counted_in_sql_are_the_days_a_record_counts(db: Database, patient: int) -> None:
    """Adherence reads the days that count as done in SQL (issue 13: no record per entry for five
    years of logs); the progression rules read only such entries. Both must count exactly what
    `SessionRecord.counts_as_done` counts, a number not recorded (NULL) included."""
    from hiptrack.domain.exercise_program import SessionRecord

    a, _b = _two_prescriptions(db, patient)
    expected: set[dt.date] = set()
    day = MONDAY
    with db.session() as s:
        for done in (False, True):
            for sets in (None, 0, 3):
                for reps in (None, 0, 12):
                    ex.log_entry(s, a, ex.LogFields(day, sets_done=sets, reps_done=reps, done_as_prescribed=done),
                                 today=MONDAY + dt.timedelta(days=30))
                    if SessionRecord(day, done, sets, reps).counts_as_done:
                        expected.add(day)
                    day += dt.timedelta(days=1)
    assert 0 < len(expected) < 18
    with db.session() as s:
        assert ex._done_days(s, [a]) == {a: expected}
        assert {r.performed_on for r in ex._records(s, a, None)} == expected
        since = MONDAY + dt.timedelta(days=8)
        assert {r.performed_on for r in ex._records(s, a, since)} == {d for d in expected if d > since}


def test_progression_suggest_accept_dismiss(db: Database, patient: int) -> None:
    with db.session() as s:
        pid = ex.prescribe(s, patient, ex.PrescriptionFields(exercise_id(s, "sidelying_hip_abduction"), 3, 15, MONDAY))
        for day in (MONDAY, MONDAY + dt.timedelta(days=1)):
            ex.log_done_as_prescribed(s, patient, day, today=TODAY)
    with db.session() as s:
        (pending,) = ex.progression_suggestions(s, patient, TODAY)
        assert pending.prescription_id == pid and pending.suggestion.changes["resistance_kg"] == 0.5
        ex.decide_progression(s, pid, accept=True, today=TODAY)
    with db.session() as s:
        row = ex.get_prescription(s, pid)
        assert (row.dosage.resistance_kind, row.dosage.resistance_kg) == ("ankle_weight", 0.5)
        assert "progressed (reps_then_weight)" in row.notes
        assert ex.progression_suggestions(s, patient, TODAY) == []  # the same sessions do not count again
        assert ex.record_history(s, "prescriptions", pid)[-1].changes["resistance_kg"] == {"old": None, "new": 0.5}
        with pytest.raises(errors.StorageError, match="no progression suggestion"):
            ex.decide_progression(s, pid, accept=False, today=TODAY)
    later = TODAY + dt.timedelta(days=4)
    with db.session() as s:
        for day in (TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=2)):
            ex.log_done_as_prescribed(s, patient, day, today=later)
        (pending,) = ex.progression_suggestions(s, patient, later)
        assert pending.suggestion.changes["resistance_kg"] == 1.0
        ex.decide_progression(s, pid, accept=False, today=later)
    with db.session() as s:
        assert ex.get_prescription(s, pid).dosage.resistance_kg == 0.5
        decisions = s.scalars(select(ProgressionDecision.decision).order_by(ProgressionDecision.id)).all()
        assert decisions == ["accepted", "dismissed"]


def test_outcome_scores_history_change_and_mcic(db: Database, patient: int) -> None:
    with db.session() as s:
        oc.record_nprs(s, patient, 7, dt.date(2026, 10, 1), today=TODAY)
        oc.record_nprs(s, patient, 6, dt.date(2026, 10, 15), today=TODAY)
        wrong = oc.record_nprs(s, patient, 9, dt.date(2026, 10, 20), today=TODAY)
        oc.record_nprs(s, patient, 5, dt.date(2026, 11, 1), today=TODAY)
        oc.record_odi(s, patient, 40, dt.date(2026, 10, 1), today=TODAY)
        oc.record_odi(s, patient, 28, dt.date(2026, 11, 1), today=TODAY)
        oc.record_psfs(s, patient, [("Stairs", 3), ("Running", 5), ("Sitting", 4)], dt.date(2026, 10, 1), today=TODAY)
        oc.record_psfs(s, patient, [("Stairs", 6), ("Running", 6), ("Sitting", 7)], dt.date(2026, 11, 1), today=TODAY)
    with db.session() as s:
        oc.void_score(s, wrong)
    with db.session() as s:
        nprs = oc.score_history(s, patient, "nprs")
        assert [r.total for r in nprs] == [7, 6, 5]
        assert nprs[0].vs_baseline is None and oc.describe_change(nprs[0].vs_baseline) == "baseline"
        last = nprs[-1]
        assert last.vs_baseline is not None and last.vs_previous is not None
        # clinical.md §7: NRS 7 → 5 meets the 2-point MCIC although 28.6 % < 30 %.
        assert last.vs_baseline.mcic_reached and not last.vs_baseline.meets_percent
        assert not last.vs_previous.mcic_reached
        assert oc.describe_change(last.vs_baseline) == "−2 points (29 % better)  ✔ MCIC reached"
        assert oc.describe_change(last.vs_previous) == "−1 point (17 % better)  · below MCIC"
        odi = oc.score_history(s, patient, "odi")
        assert odi[0].details == {"band": "moderate"} and odi[1].vs_baseline is not None
        assert odi[1].vs_baseline.mcic_reached
        psfs = oc.score_history(s, patient, "psfs")
        assert psfs[0].total == pytest.approx(4.0) and psfs[1].vs_baseline is not None
        assert psfs[1].vs_baseline.mcic_reached and len(psfs[1].details["activities"]) == 3
        assert len(oc.score_history(s, patient, include_voided=True)) == 8
        audit = select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "outcome_scores")
        assert s.scalar(audit) == 9  # 8 created, 1 voided


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda s, p: oc.record_nprs(s, p, 11, TODAY, today=TODAY), "outside 0–10"),
        (lambda s, p: oc.record_nprs(s, p, 4.5, TODAY, today=TODAY), "whole number"),
        (lambda s, p: oc.record_odi(s, p, 120, TODAY, today=TODAY), "outside 0–100"),
        (lambda s, p: oc.record_psfs(s, p, [("Stairs", 3), ("Running", 5)], TODAY, today=TODAY), "3 to 5"),
        (lambda s, p: oc.record_psfs(s, p, [("", 3), ("b", 5), ("c", 4)], TODAY, today=TODAY), "needs a name"),
        (lambda s, p: oc.record_nprs(s, p, 3, TODAY + dt.timedelta(days=1), today=TODAY), "in the future"),
    ],
)
def test_outcome_validation(db: Database, patient: int, call, problem: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, pytest.raises(errors.ValidationError, match=problem):
        call(s, patient)
