"""Issue 11 item 4 on the start-a-visit form: a pre-filled lever arm or body mass shows where it
came from, a typical lever must be confirmed, a 2023 mass for a 2025 visit is flagged and is not
saved as that day's measurement; the summary then names the date of the mass it used."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.domain.provenance import Source
from hiptrack.gui.dialogs.visit_dialog import VisitDialog
from hiptrack.storage.database import Database
from hiptrack.storage.models import BodyMass
from hiptrack.storage.patients import create_patient, record_body_mass
from hiptrack.storage.results import patient_summary
from hiptrack.storage.visits import ensure_test, last_measured_levers, save_trial, start_visit

OLD_MASS_ON = dt.date(2023, 6, 1)
VISIT_ON = dt.date(2025, 3, 3)


@pytest.fixture
def patient(sqlite_db: Database) -> int:
    with sqlite_db.session() as s:
        pid = create_patient(s, PatientFields("P-1", "Berg", "Ane", dt.date(1980, 1, 1), "female", 1.68, "right",
                                              "left"))
        record_body_mass(s, pid, 82.0, OLD_MASS_ON)
        return pid


def dialog_for(qtbot, db: Database, levers: dict | None = None) -> VisitDialog:  # type: ignore[no-untyped-def,type-arg]
    dialog = VisitDialog(db, "standard_hip", 82.0, levers or {}, latest_mass_on=OLD_MASS_ON, mass_max_age_days=30)
    qtbot.addWidget(dialog)
    dialog.date.setMaximumDate(QDate(2030, 1, 1))
    dialog.date.setDate(QDate(VISIT_ON.year, VISIT_ON.month, VISIT_ON.day))
    return dialog


def test_old_mass_is_shown_as_carried_forward_and_flagged_and_not_saved_as_measured(
        qtbot, sqlite_db: Database, patient: int, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_for(qtbot, sqlite_db)
    assert "carried forward from 2023-06-01" in dialog.mass_source.text()
    assert "older than 30 days" in dialog.mass_source.text() and dialog.mass_is_stale
    assert not dialog.mass_measured.isChecked()
    monkeypatch.setattr(dialog, "confirm_typical_levers", lambda muscles: True)
    dialog._on_accept()
    setup = dialog.result_setup
    assert setup is not None and setup.body_mass_kg is None  # an untouched old mass is not today's measurement


def test_typing_the_mass_is_weighing_the_patient(qtbot, sqlite_db: Database, patient: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_for(qtbot, sqlite_db)
    qtbot.keyClicks(dialog.mass, "5")  # "82.05": a real edit
    assert dialog.mass_measured.isChecked() and dialog.mass_source.text() == "weighed at this visit"
    monkeypatch.setattr(dialog, "confirm_typical_levers", lambda muscles: True)
    dialog._on_accept()
    assert dialog.result_setup is not None and dialog.result_setup.body_mass_kg == pytest.approx(82.05)


def test_typical_lever_needs_confirmation_and_stays_typical(qtbot, sqlite_db: Database, patient: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_for(qtbot, sqlite_db)
    editor = dialog.editors[0]
    assert editor.lever.value() == pytest.approx(0.40) and "typical value" in editor.lever_source.text()
    asked: list[list[str]] = []
    monkeypatch.setattr(dialog, "confirm_typical_levers", lambda muscles: asked.append(muscles) or False)
    dialog._on_accept()
    assert asked and len(asked[0]) == 2 and dialog.result_setup is None  # declined: the form stays open
    monkeypatch.setattr(dialog, "confirm_typical_levers", lambda muscles: True)
    dialog._on_accept()
    assert dialog.result_setup is not None
    assert all(m.lever is not None and m.lever.source is Source.TYPICAL for m in dialog.result_setup.muscles)


def test_editing_a_lever_marks_it_measured_and_a_last_measured_one_is_carried_forward(
        qtbot, sqlite_db: Database, patient: int, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_for(qtbot, sqlite_db, {"hip_abd_sidelying_short": (0.36, dt.date(2025, 1, 10))})
    gmed, gmax = dialog.editors
    assert gmed.lever.value() == pytest.approx(0.36) and "carried forward from 2025-01-10" in gmed.lever_source.text()
    gmax.lever.setValue(0.35)
    assert gmax.lever_measured.isChecked()
    monkeypatch.setattr(dialog, "confirm_typical_levers", lambda muscles: pytest.fail("nothing is typical"))
    dialog._on_accept()
    assert dialog.result_setup is not None
    first, second = dialog.result_setup.muscles
    assert first.lever is not None and first.lever.source is Source.CARRIED_FORWARD
    assert first.lever.measured_on == dt.date(2025, 1, 10)
    assert second.lever is not None and second.lever.source is Source.MEASURED


def test_summary_names_the_old_mass_date_and_marks_the_typical_lever(sqlite_db: Database, patient: int) -> None:
    with sqlite_db.session() as s:
        visit = start_visit(s, patient, VISIT_ON, None, "standard_hip", body_mass_kg=None)
        test = ensure_test(s, visit, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                           method="make", lever_arm_m=0.40, lever_source="typical")
        save_trial(s, test, peak_force_n=200.0, entry="manual")
        assert [m.measured_on for m in s.scalars(select(BodyMass))] == [OLD_MASS_ON]  # nothing copied to 2025
        assert last_measured_levers(s, patient) == {}  # a typical lever is never offered as measured
    with sqlite_db.session() as s:
        out = patient_summary(s, patient).to_json_dict()
    visit_json = out["visits"][0]
    assert visit_json["body_mass_measured_on"] == "2023-06-01"
    assert visit_json["body_mass_source"] == "carried_forward" and visit_json["body_mass_stale"] is True
    row = visit_json["muscles"][0]
    assert "typical lever arm" in row["marks"]["left_nm"]
    assert "carried forward from 2023-06-01" in row["marks"]["left_n_per_kg"]


def test_a_lever_measured_at_a_visit_is_offered_next_time_with_its_date(sqlite_db: Database, patient: int) -> None:
    with sqlite_db.session() as s:
        visit = start_visit(s, patient, VISIT_ON, None, "standard_hip", body_mass_kg=80.0)
        ensure_test(s, visit, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                    method="make", lever_arm_m=0.37, lever_source="measured")
        assert last_measured_levers(s, patient) == {"hip_abd_sidelying_short": (0.37, VISIT_ON)}
        stored = s.scalars(select(BodyMass).where(BodyMass.measured_on == VISIT_ON)).one()
        assert stored.source == "measured"


def test_results_panel_marks_values_on_a_typical_lever_and_an_old_mass(sqlite_db: Database, patient: int) -> None:
    from hiptrack.gui.results_panel import visit_html

    with sqlite_db.session() as s:
        visit = start_visit(s, patient, VISIT_ON, None, "standard_hip", body_mass_kg=None)
        for side, lever, source in (("left", 0.35, "measured"), ("right", 0.45, "typical")):
            test = ensure_test(s, visit, muscle="gluteus_medius", side=side, position="hip_abd_sidelying_short",
                               method="break", lever_arm_m=lever, lever_source=source)
            save_trial(s, test, peak_force_n=200.0, entry="manual")
    with sqlite_db.session() as s:
        summary = patient_summary(s, patient)
    page = visit_html(summary.visits[0], "N")
    assert "carried forward from 2023-06-01" in page and "weigh the patient" in page
    assert "Asymmetry by torque" in page and "22.2 %" in page
    # One note for the values resting on the same thing, not one line per value.
    assert "† Right torque, Asymmetry (by torque), LSI (by torque): rests on a typical lever arm (0.45 m)" in page
    assert page.count("rests on a typical lever arm (0.45 m), not a measured one</li>") == 1
    assert "77.8 %" in page  # LSI by torque, left involved
