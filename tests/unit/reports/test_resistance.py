"""The Progress chart's ankle-weight line: each week's heaviest logged weight up to the report date.

Read as two columns (issue 13: building every log row with its exercise name cost 40 ms of a
patient switch for a line that needs a date and a weight)."""

from __future__ import annotations

import datetime as dt

from hiptrack.reports.build import load_report_data
from hiptrack.storage.database import Database
from hiptrack.storage.exercises import LogFields, log_entry, logged_resistance, void_log_entry
from tests.unit.reports import data as D

MONDAY = dt.date(2026, 9, 7)


def test_weekly_heaviest_weight_ignores_voided_later_and_other_patients(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        pid = D.add_patient(s, "W-1")
        other = D.add_patient(s, "W-2")
        weighted = D.add_program(s, pid, MONDAY, MONDAY - dt.timedelta(days=1))[1]  # prescriptions, no log yet
        theirs = D.add_program(s, other, MONDAY, MONDAY - dt.timedelta(days=1))[1]

        def log(prescription: int, day: dt.date, kg: float | None) -> int:
            return log_entry(s, prescription, LogFields(performed_on=day, sets_done=3, reps_done=10, resistance_kg=kg),
                             today=MONDAY + dt.timedelta(days=30))

        log(weighted, MONDAY, 1.0)
        log(weighted, MONDAY + dt.timedelta(days=2), 1.5)
        log(weighted, MONDAY + dt.timedelta(days=3), None)  # done without a weight
        void_log_entry(s, log(weighted, MONDAY + dt.timedelta(days=4), 9.0))  # entered by mistake
        log(weighted, MONDAY + dt.timedelta(days=8), 2.0)
        log(weighted, MONDAY + dt.timedelta(days=20), 3.0)  # after the report's date
        log(theirs, MONDAY + dt.timedelta(days=1), 7.0)
        until = MONDAY + dt.timedelta(days=10)
        assert sorted(logged_resistance(s, pid, until)) == [
            (MONDAY, 1.0), (MONDAY + dt.timedelta(days=2), 1.5), (MONDAY + dt.timedelta(days=8), 2.0)]
        data = load_report_data(s, pid, today=until)
    assert data.resistance == [(MONDAY, 1.5), (MONDAY + dt.timedelta(days=7), 2.0)]
