"""The Exercises page's per-patient data (issue 13): going back to a patient reads only the audit
trail's version; what another workstation changed shows on the next switch, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest

from hiptrack.gui import exercise_page
from hiptrack.gui.exercise_page import ExercisePage
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.patients import get_patient
from tests.unit.reports import data as D

TODAY = dt.date(2026, 11, 20)
SATURDAY = dt.date(2026, 10, 17)  # add_program logs weekdays only


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return D.patients_loaded(monkeypatch, exercise_page, "exercise_data")


def two_patients(db: Database) -> tuple[int, int]:
    with db.session() as s:
        a, b = D.add_patient(s, "E-1"), D.add_patient(s, "E-2", last="Other")
        D.add_program(s, a, dt.date(2026, 8, 20), dt.date(2026, 10, 21))
        D.add_program(s, b, dt.date(2026, 9, 1), dt.date(2026, 10, 21), seed=5)
        D.add_scores(s, a, dt.date(2026, 8, 20), 6, 30)
    return a, b


def shown_page(qtbot, db: Database) -> ExercisePage:  # type: ignore[no-untyped-def]
    page = ExercisePage(db, locale="en_GB")
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.show()
    return page


def log_days(page: ExercisePage) -> list[str]:
    model = page.log_table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_going_back_to_a_patient_reads_only_the_version(qtbot, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                         made: list[int]) -> None:
    a, b = two_patients(sqlite_db)
    page = shown_page(qtbot, sqlite_db)
    page.tabs.setCurrentIndex(2)  # the Outcome scores tab: read and filled when shown
    for pid in (a, b, a, b, a):
        page.set_patient(pid)
    assert made == [a, b]
    assert page.title.text() == "Home exercise program — Example, Ada"
    assert page.score_table.rowCount() == 2  # NPRS and ODI of patient A, not B's (none)


def test_what_another_workstation_changed_shows_on_the_next_switch(qtbot, db: Database, other: Database) -> None:  # type: ignore[no-untyped-def]
    a, b = two_patients(db)
    page = shown_page(qtbot, db)
    page.tabs.setCurrentIndex(1)  # the Log tab: read and filled when shown
    page.set_patient(a)
    before = log_days(page)
    assert SATURDAY.isoformat() not in before
    page.set_patient(b)
    with other.session() as s:
        prescription = ex.list_prescriptions(s, a)[0]
        ex.log_entry(s, prescription.id, ex.LogFields(performed_on=SATURDAY, sets_done=3, reps_done=10), today=TODAY)
        get_patient(s, a).last_name = "Renamed"
        D.add_scores(s, a, dt.date(2026, 10, 1), 3, 20)
    page.set_patient(a)
    assert log_days(page) == sorted([*before, SATURDAY.isoformat()], reverse=True)
    assert page.title.text() == "Home exercise program — Renamed, Ada"
    page.tabs.setCurrentIndex(2)
    assert page.score_table.rowCount() == 4


def test_a_new_day_counts_the_week_again(qtbot, sqlite_db: Database, made: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Adherence is "as of today": the next day reads the data again."""
    a, _b = two_patients(sqlite_db)
    page = shown_page(qtbot, sqlite_db)
    page.set_patient(a)
    page.today = lambda: TODAY + dt.timedelta(days=1)
    page.set_patient(a)
    assert made == [a, a]


def test_the_log_and_scores_are_read_when_their_tab_is_shown(qtbot, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A first view reads only what the tab in front shows: five years of log entries and scores
    were two thirds of it (issue 13); the hidden inner tabs are read and filled when shown."""
    reads: list[str] = []
    list_log_entries, score_history = ex.list_log_entries, exercise_page.oc.score_history
    monkeypatch.setattr(ex, "list_log_entries", lambda *a, **k: reads.append("log") or list_log_entries(*a, **k))
    monkeypatch.setattr(exercise_page.oc, "score_history", lambda *a, **k: reads.append("scores") or score_history(*a, **k))
    a, b = two_patients(sqlite_db)
    page = shown_page(qtbot, sqlite_db)
    page.set_patient(a)
    assert page.tabs.currentIndex() == 0 and page.program_table.rowCount() > 0
    assert reads == [] and log_days(page) == [] and page.score_table.rowCount() == 0
    page.tabs.setCurrentIndex(1)  # the Log
    assert reads == ["log"] and len(log_days(page)) > 0
    page.tabs.setCurrentIndex(2)  # the Outcome scores
    assert reads == ["log", "scores"] and page.score_table.rowCount() == 2
    page.set_patient(b)  # the tab in front is read at once, the Log when it is shown again
    assert reads == ["log", "scores", "scores"] and page.score_table.rowCount() == 0
    assert log_days(page) == []  # the hidden Log holds nothing of patient A meanwhile
    page.tabs.setCurrentIndex(1)
    assert reads == ["log", "scores", "scores", "log"]
    with sqlite_db.session() as s:
        assert log_days(page) == [row.fields.performed_on.isoformat() for row in list_log_entries(s, b)]
