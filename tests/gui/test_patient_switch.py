"""Switching patients loads what is on screen: hidden tabs wait until they are shown, and a
patient's summary costs one query per table however many visits the patient has."""

from __future__ import annotations

from sqlalchemy import event

from hiptrack.storage.database import Database
from hiptrack.storage.results import patient_summary
from tests.unit.reports.data import long_history_patient


def test_hidden_tabs_refresh_when_shown_with_the_patient_now_selected(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with main_window.db.session() as s:
        first = long_history_patient(s, chart="A-1", years=1, seed=1)
        second = long_history_patient(s, chart="B-2", years=1, seed=2)
    main_window.reload_patients()
    loads: list[int | None] = []
    real_refresh = main_window.progress.refresh

    def counting() -> None:
        loads.append(main_window.progress.patient_id)
        real_refresh()

    monkeypatch.setattr(main_window.progress.refresh_when_shown, "_refresh", counting)
    main_window.tabs.setCurrentWidget(main_window.overview)
    main_window.select_patient(first)
    main_window.select_patient(second)
    assert loads == [], "the hidden progress tab loaded its charts"
    assert "B-2" in main_window.overview.title.text() or main_window.overview.patient_id == second
    main_window.tabs.setCurrentWidget(main_window.progress)
    assert loads == [second]
    assert main_window.progress.data is not None and main_window.progress.data.patient.chart_number == "B-2"
    # Shown again without a change: nothing to reload.
    main_window.tabs.setCurrentWidget(main_window.overview)
    main_window.tabs.setCurrentWidget(main_window.progress)
    assert loads == [second]


def _statements(db: Database, patient_id: int) -> list[str]:
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session() as s:
            patient_summary(s, patient_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return seen


def test_summary_queries_do_not_grow_with_visits_and_leave_traces_unread(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        short = long_history_patient(s, chart="S-1", years=1, seed=3)
        long = long_history_patient(s, chart="L-1", years=5, seed=4)
    few, many = _statements(sqlite_db, short), _statements(sqlite_db, long)
    assert len(few) == len(many)
    assert not [q for q in many if "trials.trace," in q or "trials.trace\n" in q or q.rstrip().endswith("trials.trace")]
