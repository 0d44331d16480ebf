"""Patient identity (issue 17, case 6): chart numbers trimmed and compared case-insensitively, with
a migration that reports near-duplicates and merges nothing; sex without a default; and unfinished
visits kept out of "latest", of change-against-previous and of documents. Both engines."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import func, select, text

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database, upgrade
from hiptrack.storage.models import Patient, Visit
from hiptrack.storage.patients import (
    chart_number_near_duplicates,
    create_patient,
    find_by_chart,
    patient_details,
    update_patient,
)
from hiptrack.storage.results import patient_summary
from hiptrack.storage.visits import ensure_test, save_trial, start_visit
from tests.unit.reports import data as D

TODAY = dt.date(2026, 11, 23)


def person(chart: str, sex: str | None = "female", last: str = "Dubois") -> PatientFields:
    return PatientFields(chart, last, "Marie", dt.date(1961, 5, 2), sex, 1.65, "right", "left")


def test_chart_number_differing_only_in_case_and_spaces_is_refused(db: Database) -> None:
    with db.session() as s:
        first = create_patient(s, person("HT-01004"), today=TODAY)
    with pytest.raises(errors.ValidationError) as caught, db.session() as s:
        create_patient(s, person("ht-01004 ", last="Other"), today=TODAY)
    assert "Chart number ht-01004 is already used by another patient (as HT-01004)" in caught.value.problems
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 1
        found = find_by_chart(s, "  ht-01004")
        assert found is not None and found.id == first
        # Editing the patient itself with another case is no clash; the number is stored trimmed.
        update_patient(s, first, person(" HT-01004  "), today=TODAY)
    with db.session() as s:
        assert patient_details(s, first).fields.chart_number == "HT-01004"


def test_sex_is_not_guessed_and_the_norms_say_no_reference_until_it_is_set(db: Database) -> None:
    with db.session() as s:
        pid = D.add_patient(s, "R-1")
        s.get(Patient, pid).sex = None  # type: ignore[union-attr]
        D.add_visit(s, pid, dt.date(2026, 10, 1), {("gluteus_medius", "left"): [150.0],
                                                   ("gluteus_medius", "right"): [190.0]})
    with db.session() as s:
        row = patient_summary(s, pid).visits[-1].muscles[0]
    for side in ("left", "right"):
        assert row.norm[side]["available"] is False
        assert "sex not recorded" in row.norm[side]["reason"]
    with db.session() as s:
        other = create_patient(s, person("C-2", sex=None), today=TODAY)
        assert patient_details(s, other).fields.sex is None


def test_migration_trims_chart_numbers_and_reports_near_duplicates_without_merging(
        db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    db = Database(db_url)
    upgrade(db, "0010")
    with db.engine.begin() as conn:
        for chart, last in (("HT-01004", "Dubois"), ("ht-01004 ", "Dubois"), (" C-7 ", "Kato"), ("C-8", "Ng")):
            conn.execute(text("INSERT INTO patients (chart_number, last_name, first_name, date_of_birth, sex, notes, "
                              "archived, created_at, updated_at, version) VALUES (:c, :l, 'A', '1961-05-02', "
                              "'female', '', false, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)"),
                         {"c": chart, "l": last})
    with caplog.at_level(logging.WARNING, logger="hiptrack.migrations"):
        prepare_database(db, backup=False)
    warnings = [r.getMessage() for r in caplog.records if r.name == "hiptrack.migrations"]
    assert len(warnings) == 1 and "patients id=1, id=2" in warnings[0] and "not merged" in warnings[0]
    assert "HT-01004" not in warnings[0].upper()  # logs name no patient identifier
    with db.session() as s:
        charts = dict(s.execute(select(Patient.id, Patient.chart_number)).all())
        assert charts == {1: "HT-01004", 2: "ht-01004", 3: "C-7", 4: "C-8"}
        assert chart_number_near_duplicates(s) == [(1, 2)]
        # An old patient without a recorded sex can now exist.
        s.get(Patient, 4).sex = None  # type: ignore[union-attr]
    db.dispose()


def test_an_unfinished_visit_is_marked_and_never_compared(db: Database) -> None:
    """Issue 17 case 4: one trial of an unfinished visit read as "−14.2 Nm beyond MDC"."""
    with db.session() as s:
        pid = D.standard_patient(s)
        visit_id = start_visit(s, pid, TODAY, None, "standard_hip", 70.0)
        test_id = ensure_test(s, visit_id, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                              method="make", lever_arm_m=0.4)
        save_trial(s, test_id, peak_force_n=120.0, entry="manual")
    with db.session() as s:
        summary = patient_summary(s, pid)
    unfinished = summary.visits[-1]
    assert unfinished.visit_id == visit_id and not unfinished.complete
    assert summary.latest_completed is not None and summary.latest_completed.date == dt.date(2026, 10, 21)
    row = unfinished.muscles[0]
    assert row.change["previous"] == {"left": None, "right": None}
    assert any("Unfinished visit" in note for note in row.notes)
    assert unfinished.to_json_dict()["complete"] is False
    # Finished, it is compared like any other visit.
    with db.session() as s:
        s.get(Visit, visit_id).status = "completed"  # type: ignore[union-attr]
    with db.session() as s:
        finished = patient_summary(s, pid).visits[-1]
    assert finished.complete and finished.muscles[0].change["previous"]["left"] is not None


def test_documents_leave_an_unfinished_visit_out_and_say_so(db: Database) -> None:
    from hiptrack.reports.build import load_report_data

    with db.session() as s:
        pid = D.standard_patient(s)
        visit_id = start_visit(s, pid, TODAY, None, "standard_hip", 70.0)
        test_id = ensure_test(s, visit_id, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                              method="make", lever_arm_m=0.4)
        save_trial(s, test_id, peak_force_n=120.0, entry="manual")
    with db.session() as s:
        data = load_report_data(s, pid, today=TODAY)
    assert [v.date for v in data.summary.visits] == [dt.date(2026, 8, 20), dt.date(2026, 9, 22), dt.date(2026, 10, 21)]
    assert data.current is not None and data.current.date == dt.date(2026, 10, 21)
    assert any(f"visit of {TODAY.isoformat()} is unfinished" in line for line in data.statements)
