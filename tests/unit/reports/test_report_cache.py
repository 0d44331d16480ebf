"""The progress page's report-data cache (issue 13): reused while nothing changed, read again as
soon as any workstation changed something the summary reads."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from hiptrack import settings as S
from hiptrack.reports import build
from hiptrack.storage.audit import patient_data_version, record_access
from hiptrack.storage.database import Database
from hiptrack.storage.models import StrengthTest, Trial, Visit
from hiptrack.storage.settings_store import save_clinic_setting
from tests.unit.reports import data as D


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return D.patients_loaded(monkeypatch, build, "load_report_data")


def two_patients(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return D.standard_patient(s, "R-1"), D.add_patient(s, "R-2", last="Other")


def load(db: Database, cache: build.ReportDataCache, patient_id: int) -> build.ReportData:
    with db.session() as s:
        return cache.load(s, patient_id)


def test_switching_back_reuses_the_data_when_nothing_changed(db: Database, loads: list[int]) -> None:
    a, b = two_patients(db)
    cache = build.ReportDataCache()
    first = load(db, cache, a)
    load(db, cache, b)
    with db.session() as s:  # looking at a patient is recorded, and changes nothing
        record_access(s, "view", a, "patient_record")
    assert load(db, cache, a) is first
    assert loads == [a, b]


def test_a_visit_saved_on_another_workstation_shows_on_the_next_load(db: Database, other: Database,
                                                                     loads: list[int]) -> None:
    a, b = two_patients(db)
    cache = build.ReportDataCache()
    assert len(load(db, cache, a).summary.visits) == 3
    load(db, cache, b)
    with other.session() as s:
        D.add_visit(s, a, dt.date(2026, 11, 19), {("gluteus_medius", "left"): [200.0, 201.0, 199.0],
                                                  ("gluteus_medius", "right"): [210.0, 212.0, 211.0]})
    data = load(db, cache, a)
    assert [v.date for v in data.summary.visits][-1] == dt.date(2026, 11, 19)
    assert loads == [a, b, a]


def test_a_trial_rejected_on_another_workstation_shows_on_the_next_load(db: Database, other: Database) -> None:
    """An update in place: no row count and no largest id changes, the summary does."""
    a, _b = two_patients(db)
    cache = build.ReportDataCache()
    before = load(db, cache, a).current
    assert before is not None
    with other.session() as s:
        trial = s.scalars(select(Trial).join(StrengthTest).join(Visit).where(
            Visit.patient_id == a, Visit.visit_date == dt.date(2026, 10, 21), StrengthTest.muscle == "gluteus_medius",
            StrengthTest.side == "left", Trial.peak_force_n == 190.0)).one()
        trial.accepted = False
        trial.reject_reason = "pain"
    after = load(db, cache, a).current
    assert after is not None
    left = next(m.left_n for m in after.muscles if m.muscle == "gluteus_medius")
    was = next(m.left_n for m in before.muscles if m.muscle == "gluteus_medius")
    assert left != was


def test_a_clinic_setting_changed_on_another_workstation_shows_on_the_next_load(db: Database,
                                                                                 other: Database) -> None:
    a, _b = two_patients(db)
    cache = build.ReportDataCache()
    assert load(db, cache, a).display_unit == "N"
    with other.session() as s:
        save_clinic_setting(s, S.DISPLAY_UNIT, "lbf")
    assert load(db, cache, a).display_unit == "lbf"


def test_another_patients_change_keeps_the_data_and_the_version_is_one_query(db: Database, other: Database,
                                                                            loads: list[int]) -> None:
    a, b = two_patients(db)
    cache = build.ReportDataCache()
    load(db, cache, a)
    with other.session() as s:
        D.add_scores(s, b, dt.date(2026, 11, 1), 3, 20)
    load(db, cache, a)
    assert loads == [a]
    statements: list[str] = []
    from sqlalchemy import event

    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with db.session() as s:
        version = patient_data_version(s, a)
    assert len([q for q in statements if "audit_events" in q]) == 1
    assert version[0] > 0


def test_a_new_day_reads_the_data_again(db: Database, loads: list[int]) -> None:
    """The data are "as of today" (adherence of the current week)."""
    a, _b = two_patients(db)
    days = iter([dt.date(2026, 11, 20), dt.date(2026, 11, 20), dt.date(2026, 11, 21)])
    cache = build.ReportDataCache(today=lambda: next(days))
    assert load(db, cache, a).as_of == dt.date(2026, 11, 20)
    load(db, cache, a)
    assert load(db, cache, a).as_of == dt.date(2026, 11, 21)
    assert loads == [a, a]


def tables_read(db: Database, cache: build.ReportDataCache, patient_id: int) -> list[str]:
    """The table each statement of one uncached load reads first (its FROM)."""
    import re

    from sqlalchemy import event

    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    cache.clear()
    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        load(db, cache, patient_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    return [re.findall(r"FROM \"?(\w+)", q)[0] for q in statements if "FROM" in q]


def test_the_charts_data_come_from_one_query_per_table_whatever_the_number_of_visits(db: Database) -> None:
    """Issue 13: no query per visit or per exercise; the settings once, the exercise catalog not at
    all (the charts show no home program: the handout loads its own)."""
    from collections import Counter

    with db.session() as s:
        short = D.standard_patient(s, "R-1")
        long = D.long_history_patient(s, "LONG-1", years=2)
    cache = build.ReportDataCache()
    few, many = tables_read(db, cache, short), tables_read(db, cache, long)
    assert Counter(few) == Counter(many)  # 3 visits or 24: the same statements
    # Twice: visits, tests and trials (every visit for the summary, then the current visit's set-up:
    # device, fixation, typed-in readings, which the summary's facts do not carry); the exercise
    # log (weekly adherence, then the two-column ankle-weight query).
    twice = {"visits", "strength_tests", "trials", "exercise_log_entries"}
    assert {table: n for table, n in Counter(many).items() if n > (2 if table in twice else 1)} == {}
    assert "exercises" not in many
