"""Adherence and progression rules (hiptrack.domain.exercise_program) on worked examples."""

from __future__ import annotations

import datetime as dt

import pytest

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.errors import DomainError

D = dt.date


def days(*isos: str) -> set[dt.date]:
    return {D.fromisoformat(s) for s in isos}


# --- dosage ------------------------------------------------------------------------------------


def test_format_dosage() -> None:
    d = ep.Dosage(3, 10, 2, "both", 5, "ankle_weight", None, 1.0)
    assert ep.format_dosage(d) == "3 × 10, hold 2 s, each side, ankle weight 1.0 kg, 5×/week"
    band = ep.Dosage(2, 15, 0, "left", 3, "band", "red")
    assert ep.format_dosage(band) == "2 × 15, left side, red band, 3×/week"
    assert ep.format_dosage(ep.Dosage(2, 8), with_frequency=False) == "2 × 8, each side"


def test_dosage_problems_name_each_field() -> None:
    problems = ep.dosage_problems(ep.Dosage(0, 10, -1, "up", 0, "ankle_weight", None, None))
    text = " | ".join(problems)
    for needle in ("Sets must be 1–20", "Hold must be", "Sessions per week", "Side must be", "ankle weight needs"):
        assert needle in text


# --- adherence ---------------------------------------------------------------------------------

# Thursday 2026-11-19 is in ISO week 47 (Mon 16 – Sun 22); week 48 is Mon 23 – Sun 29.
P = ep.PrescriptionPeriod(1, sessions_per_week=5, start=D(2026, 11, 19))


def test_partial_first_week_counts_whole_sessions() -> None:
    # 4 prescribed days (Thu–Sun) of 7 at 5 a week: 2.857, i.e. 3 whole sessions; 3 days done → 100 %.
    week = ep.week_adherence([P], {1: days("2026-11-19", "2026-11-20", "2026-11-22")}, D(2026, 11, 16), D(2026, 11, 30))
    assert week.expected == 3
    assert week.done == 3
    assert week.percent == pytest.approx(100.0)
    assert week.label == "2026-W47" and not week.in_progress


def test_full_week_three_of_five_is_60_percent_and_a_day_counts_once() -> None:
    # Two entries on Monday (left and right) are one session.
    done = {1: days("2026-11-23", "2026-11-23", "2026-11-25", "2026-11-27")}
    week = ep.week_adherence([P], done, D(2026, 11, 23), D(2026, 12, 6))
    assert (week.expected, week.done) == (5.0, 3)
    assert week.percent == pytest.approx(60.0)


def test_week_in_progress_reads_as_sessions_so_far_against_the_whole_week() -> None:
    # Today Wednesday 25th: "2 of 5 sessions so far", never a fraction such as 2.14 expected.
    week = ep.week_adherence([P], {1: days("2026-11-23", "2026-11-24")}, D(2026, 11, 23), D(2026, 11, 25))
    assert week.in_progress
    assert (week.done, week.expected) == (2, 5)


def test_whole_sessions_round_half_up() -> None:
    assert [ep.sessions_prescribed(3, d) for d in range(8)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert ep.sessions_prescribed(5, 4) == 3 and ep.sessions_prescribed(7, 7) == 7


def test_four_perfect_weeks_are_100_percent_on_a_wednesday() -> None:
    """Issue 17: 100 % on the Exercises tab but "about 75%" in the patient view and PDF."""
    every_day = ep.PrescriptionPeriod(1, sessions_per_week=5, start=D(2026, 10, 26))  # a Monday
    done = {1: {D(2026, 10, 26) + dt.timedelta(days=7 * w + d) for w in range(4) for d in range(5)}}
    wednesday = D(2026, 11, 25)  # week 5, nothing done yet this week
    weeks = ep.weekly_adherence([every_day], done, wednesday)
    recent = ep.recent_adherence(weeks)
    assert recent is not None
    assert (recent.weeks, recent.credited, recent.prescribed, recent.percent) == (4, 20, 20, 100.0)
    from hiptrack.reports.wording import adherence_sentence

    assert adherence_sentence(recent) == "Over the past 4 weeks you did 20 of your 20 planned exercise sessions (100%)."
    assert ep.recent_adherence([w for w in weeks if w.in_progress]) is None


def test_extra_sessions_of_one_exercise_do_not_cover_another() -> None:
    q = ep.PrescriptionPeriod(2, sessions_per_week=3, start=D(2026, 11, 1))
    all_week = days(*(f"2026-11-{d}" for d in range(23, 30)))
    week = ep.week_adherence([P, q], {1: all_week, 2: set()}, D(2026, 11, 23), D(2026, 12, 6))
    # P: 7 done of 5 → credited 5; Q: 0 of 3. (5 + 0) / (5 + 3) = 62.5 %.
    assert week.expected == 8 and week.done == 7
    assert week.percent == pytest.approx(62.5)
    assert week.per_prescription == {1: (5, 7), 2: (3, 0)}


def test_end_date_and_logs_outside_the_period() -> None:
    ended = ep.PrescriptionPeriod(1, 7, start=D(2026, 11, 23), end=D(2026, 11, 24))
    # Active Mon–Tue only: expected 2; the Wednesday log is after the end and ignored.
    week = ep.week_adherence([ended], {1: days("2026-11-23", "2026-11-25")}, D(2026, 11, 23), D(2026, 12, 6))
    assert (week.expected, week.done, week.percent) == (2, 1, 50.0)


def test_weekly_adherence_newest_first_and_limited() -> None:
    rows = ep.weekly_adherence([P], {1: days("2026-11-19", "2026-11-23")}, D(2026, 12, 2))
    assert [r.label for r in rows] == ["2026-W49", "2026-W48", "2026-W47"]
    assert rows[0].in_progress
    assert len(ep.weekly_adherence([P], {}, D(2026, 12, 2), weeks=2)) == 2
    assert ep.weekly_adherence([], {}, D(2026, 12, 2)) == []


def test_nothing_expected_gives_no_percent() -> None:
    week = ep.week_adherence([P], {}, D(2026, 11, 9), D(2026, 12, 6))
    assert week.expected == 0 and week.percent is None
    assert ep.format_percent(None) == "—" and ep.format_percent(62.5) == "62 %"


def test_week_must_start_on_monday() -> None:
    with pytest.raises(DomainError, match="Monday"):
        ep.week_adherence([P], {}, D(2026, 11, 19), D(2026, 11, 30))


# --- progression -------------------------------------------------------------------------------

WEIGHT = {"reps": 15, "add_kg": 0.5, "max_pain": 3, "sessions": 2}


def rec(day: str, sets: int | None = 3, reps: int | None = 15, pain: int | None = None, quick: bool = False) -> ep.SessionRecord:
    return ep.SessionRecord(D.fromisoformat(day), quick, sets, reps, pain)


def test_reps_then_weight_adds_ankle_weight_after_two_good_sessions() -> None:
    dosage = ep.Dosage(3, 12)
    s = ep.evaluate_progression("reps_then_weight", WEIGHT, dosage, [rec("2026-11-20"), rec("2026-11-22")])
    assert s is not None
    assert s.changes == {"resistance_kind": "ankle_weight", "resistance_kg": 0.5, "resistance_level": None}
    assert "add 0.5 kg ankle weight" in s.text and "15 good repetitions" in s.text
    heavier = ep.Dosage(3, 15, resistance_kind="ankle_weight", resistance_kg=1.0)
    s2 = ep.evaluate_progression("reps_then_weight", WEIGHT, heavier, [rec("2026-11-20", quick=True, reps=None),
                                                                      rec("2026-11-22", quick=True, reps=None)])
    assert s2 is not None and s2.changes["resistance_kg"] == 1.5 and "from 1.0 kg to 1.5 kg" in s2.text


@pytest.mark.parametrize(
    ("records", "why"),
    [
        ([rec("2026-11-22")], "only one session"),
        ([rec("2026-11-20"), rec("2026-11-22", reps=14)], "latest session short of 15"),
        ([rec("2026-11-20"), rec("2026-11-22", sets=2)], "fewer sets than prescribed"),
        ([rec("2026-11-20"), rec("2026-11-22", pain=5)], "painful"),
        ([rec("2026-11-20"), rec("2026-11-22"), rec("2026-11-22", reps=10)], "one side short that day"),
        ([rec("2026-11-20"), rec("2026-11-22", reps=None)], "repetitions not recorded"),
        ([rec("2026-11-20", quick=True), rec("2026-11-22", quick=True)], "done as prescribed = 12 reps"),
    ],
)
def test_reps_then_weight_not_met(records: list[ep.SessionRecord], why: str) -> None:
    assert ep.evaluate_progression("reps_then_weight", WEIGHT, ep.Dosage(3, 12), records) is None, why


def test_only_the_latest_sessions_count() -> None:
    records = [rec("2026-11-10", reps=8), rec("2026-11-20"), rec("2026-11-22")]
    assert ep.evaluate_progression("reps_then_weight", WEIGHT, ep.Dosage(3, 12), records) is not None
    skipped = [rec("2026-11-20"), rec("2026-11-22"), rec("2026-11-23", sets=0, reps=0)]  # a "not done" record
    assert ep.evaluate_progression("reps_then_weight", WEIGHT, ep.Dosage(3, 12), skipped) is not None


def test_reps_range_step_down_8_to_10() -> None:
    params = {"min": 8, "max": 10, "sessions": 2, "next": "use a higher step"}
    at8 = ep.Dosage(2, 8)
    s = ep.evaluate_progression("reps_range", params, at8, [rec("2026-11-20", 2, 8), rec("2026-11-22", 2, 8)])
    assert s is not None and s.changes == {"reps": 9} and "increase to 9 repetitions (range 8–10)" in s.text
    at10 = ep.Dosage(2, 10)
    top = ep.evaluate_progression("reps_range", params, at10, [rec("2026-11-20", 2, 10), rec("2026-11-22", 2, 10)])
    assert top is not None and top.changes == {"note": "Progressed: use a higher step", "reps": 8}
    assert ep.evaluate_progression("reps_range", params, at10, [rec("2026-11-20", 2, 9), rec("2026-11-22", 2, 10)]) is None


def test_reps_then_band_walks_the_levels() -> None:
    params = {"reps": 15, "levels": ["yellow", "red", "green"]}
    good = [rec("2026-11-20"), rec("2026-11-22")]
    none_yet = ep.evaluate_progression("reps_then_band", params, ep.Dosage(3, 10), good)
    assert none_yet is not None and none_yet.changes["resistance_level"] == "yellow"
    red = ep.evaluate_progression("reps_then_band", params, ep.Dosage(3, 10, resistance_kind="band", resistance_level="Red"), good)
    assert red is not None and red.changes["resistance_level"] == "green"
    top = ep.evaluate_progression("reps_then_band", params, ep.Dosage(3, 10, resistance_kind="band", resistance_level="green"), good)
    assert top is not None and top.changes == {"note": "Strongest band reached"}


def test_reps_then_hold_caps_at_max() -> None:
    params = {"reps": 12, "add_hold_s": 2, "max_hold_s": 5}
    good = [rec("2026-11-20", reps=12), rec("2026-11-22", reps=12)]
    s = ep.evaluate_progression("reps_then_hold", params, ep.Dosage(3, 10, hold_s=4), good)
    assert s is not None and s.changes == {"hold_s": 5}
    assert ep.evaluate_progression("reps_then_hold", params, ep.Dosage(3, 10, hold_s=5), good) is None


def test_rule_problems_and_unknown_rules() -> None:
    assert ep.rule_problems(None, {}) == []
    assert ep.rule_problems("reps_then_weight", WEIGHT) == []
    assert "Unknown progression rule 'jump'" in ep.rule_problems("jump", {})[0]
    assert "needs the parameter 'add_kg'" in ep.rule_problems("reps_then_weight", {"reps": 15})[0]
    assert "not a range" in ep.rule_problems("reps_range", {"min": 10, "max": 8})[0]
    assert ep.evaluate_progression("jump", {}, ep.Dosage(3, 10), [rec("2026-11-20")]) is None


def test_apply_changes() -> None:
    d = ep.apply_changes(ep.Dosage(3, 10), {"resistance_kind": "ankle_weight", "resistance_kg": 0.5, "note": "x"})
    assert d.resistance_kg == 0.5 and d.reps == 10
    with pytest.raises(DomainError):
        ep.apply_changes(ep.Dosage(3, 10), {"sessions_per_week": 7})
