"""Home exercise program: dosage text, weekly adherence and progression rules (issue 6).

Pure: plain dataclasses in, plain dataclasses out; storage turns rows into these.

Adherence (clinical.md §8.1: "% of prescribed exercise days done")
---------------------------------------------------------------------
Weeks are ISO weeks (Monday to Sunday). For each prescription and week:

- *prescribed days* are the days of the week inside [start_date, end_date];
- *sessions prescribed* are counted as the prescription states them, in whole sessions: the
  sessions per week for a full week, and for a week the prescription only partly covers (it starts
  or ends inside it) the share of its days, rounded to the nearest session: 5 a week from a
  Thursday (4 of 7 days) is 3 sessions that week. The week in progress keeps its whole target and
  is read "so far" ("2 of 5 sessions so far");
- *sessions done* = the number of distinct prescribed days, up to *today*, with at least one log
  entry that counts as done: a day counts once per prescription however many entries it has (left
  and right, two sittings), and days outside the prescription are ignored;
- *credited* = min(done, prescribed): doing more than prescribed does not make up for another
  exercise that was skipped.

A patient's adherence for a week is Σ credited / Σ prescribed × 100 over their prescriptions, or
None when nothing was prescribed that week. *Recent adherence* — the one figure every screen and
document quotes — sums the latest four complete weeks (never the week in progress, which would read
as a drop every Monday): four perfect weeks are 100 % on any day of the fifth. Worked example
(tests/unit/exercises): one prescription of 5 sessions/week from Thursday 2026-11-19; 3 days done
that week → 3 of 3, 100 %; the next week, 3 days done of 5 → 60 %.

Progression rules
-----------------
A rule is a code plus parameters (stored on the exercise). It looks at the latest `sessions`
(default 2) session days since the last progression decision; the rule is met when on each of
those days every entry reached the target repetitions with at least the prescribed sets, and any
recorded pain during the exercise was ≤ `max_pain` (default 3/10). An entry marked "done as
prescribed" counts as the prescribed sets × reps. The suggestion carries the prescription changes
that accepting it would make.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, joined

# Dosage words and suggestions are marked for translation (Phrases where they hold numbers); a
# screen or document shows them with hiptrack.reports.translation.label().
SIDES_TEXT = {
    "left": QT_TRANSLATE_NOOP("Labels", "left side"),
    "right": QT_TRANSLATE_NOOP("Labels", "right side"),
    "both": QT_TRANSLATE_NOOP("Labels", "each side"),
    "bilateral": QT_TRANSLATE_NOOP("Labels", "both legs together"),
}
RESISTANCE_KINDS = ("none", "band", "ankle_weight")
# The band colours the catalog's progression rules and the prescription dialog use. A band level is
# stored as the clinic typed or chose it ("yellow"); marked here, a level that is one of these words
# is printed in the reader's language ("Band gelb"), any other level as it was typed.
BAND_COLOURS = (
    QT_TRANSLATE_NOOP("Labels", "yellow"), QT_TRANSLATE_NOOP("Labels", "red"),
    QT_TRANSLATE_NOOP("Labels", "green"), QT_TRANSLATE_NOOP("Labels", "blue"),
    QT_TRANSLATE_NOOP("Labels", "black"),
)


@dataclass(frozen=True)
class Dosage:
    sets: int
    reps: int
    hold_s: float = 0.0
    sides: str = "both"
    sessions_per_week: int = 5
    resistance_kind: str = "none"
    resistance_level: str | None = None
    resistance_kg: float | None = None


def format_resistance(kind: str, level: str | None, kg: float | None) -> str:
    if kind == "band":
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{level} band"), level=level) if level else QT_TRANSLATE_NOOP("Labels", "band")
    if kind == "ankle_weight":
        if kg is None:
            return QT_TRANSLATE_NOOP("Labels", "ankle weight")
        return Phrase(QT_TRANSLATE_NOOP("Labels", "ankle weight {kg:.1f} kg"), kg=kg)
    return QT_TRANSLATE_NOOP("Labels", "no added resistance")


def format_dosage(d: Dosage, with_frequency: bool = True) -> str:
    """e.g. "3 × 10, hold 2 s, each side, ankle weight 1.0 kg, 5×/week" (a Phrase: each part translatable)."""
    parts: list[str] = [Phrase("{sets} × {reps}", sets=d.sets, reps=d.reps)]
    if d.hold_s:
        parts.append(Phrase(QT_TRANSLATE_NOOP("Labels", "hold {seconds:g} s"), seconds=d.hold_s))
    parts.append(SIDES_TEXT.get(d.sides, d.sides))
    if d.resistance_kind != "none":
        parts.append(format_resistance(d.resistance_kind, d.resistance_level, d.resistance_kg))
    if with_frequency:
        parts.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{n}×/week"), n=d.sessions_per_week))
    return joined(", ", parts)


def dosage_problems(d: Dosage) -> list[str]:
    """Everything wrong with a dosage, in words (empty when it can be prescribed)."""
    problems: list[str] = []
    if not 1 <= d.sets <= 20:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Sets must be 1–20 (got {n})"), n=d.sets))
    if not 1 <= d.reps <= 200:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Repetitions must be 1–200 (got {n})"), n=d.reps))
    if not 0 <= d.hold_s <= 600:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Hold must be 0–600 s (got {n:g})"), n=d.hold_s))
    if not 1 <= d.sessions_per_week <= 14:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Sessions per week must be 1–14 (got {n})"),
                               n=d.sessions_per_week))
    if d.sides not in SIDES_TEXT:
        problems.append(f"Side must be one of {', '.join(SIDES_TEXT)} (got '{d.sides}')")
    if d.resistance_kind not in RESISTANCE_KINDS:
        problems.append(f"Resistance must be one of {', '.join(RESISTANCE_KINDS)} (got '{d.resistance_kind}')")
    if d.resistance_kind == "ankle_weight" and (d.resistance_kg is None or not 0 < d.resistance_kg <= 25):
        problems.append(QT_TRANSLATE_NOOP("Labels", "An ankle weight needs a mass between 0 and 25 kg"))
    if d.resistance_kind == "band" and not (d.resistance_level or "").strip():
        problems.append(QT_TRANSLATE_NOOP("Labels", "A band needs a level or colour"))
    return problems


# --- adherence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrescriptionPeriod:
    id: int
    sessions_per_week: int
    start: dt.date
    end: dt.date | None = None  # inclusive; None = open-ended


@dataclass(frozen=True)
class WeekAdherence:
    week_start: dt.date  # the Monday
    expected: int  # sessions prescribed this week, counted as the prescriptions state them
    done: int  # distinct (prescription, day) sessions done on prescribed days
    credited: int  # Σ min(done, prescribed) per prescription
    in_progress: bool  # the week contains `today`
    per_prescription: Mapping[int, tuple[int, int]] = field(default_factory=dict)  # id → (prescribed, done)

    @property
    def label(self) -> str:
        year, week, _ = self.week_start.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def percent(self) -> float | None:
        return None if self.expected <= 0 else self.credited * 100.0 / self.expected


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _prescribed_days(p: PrescriptionPeriod, monday: dt.date) -> list[dt.date]:
    days = (monday + dt.timedelta(days=i) for i in range(7))
    return [d for d in days if p.start <= d and (p.end is None or d <= p.end)]


def sessions_prescribed(sessions_per_week: int, prescribed_days: int) -> int:
    """Whole sessions for a week the prescription covers on `prescribed_days` of its 7 days."""
    if prescribed_days >= 7:
        return sessions_per_week
    return math.floor(sessions_per_week * prescribed_days / 7 + 0.5)  # half up, not banker's rounding


def week_adherence(
    prescriptions: Sequence[PrescriptionPeriod], session_days: Mapping[int, Iterable[dt.date]],
    monday: dt.date, today: dt.date,
) -> WeekAdherence:
    """Adherence for the ISO week starting `monday` (see the module docstring for the rules)."""
    if monday.weekday() != 0:
        raise DomainError(f"A week starts on a Monday ({monday.isoformat()} is not one)")
    expected_total = credited_total = done_total = 0
    per: dict[int, tuple[int, int]] = {}
    for p in prescriptions:
        prescribed = _prescribed_days(p, monday)
        if not prescribed:
            continue
        expected = sessions_prescribed(p.sessions_per_week, len(prescribed))
        done = len({d for d in prescribed if d <= today}.intersection(session_days.get(p.id, ())))
        per[p.id] = (expected, done)
        expected_total += expected
        done_total += done
        credited_total += min(done, expected)
    return WeekAdherence(
        week_start=monday, expected=expected_total, done=done_total, credited=credited_total,
        in_progress=monday <= today <= monday + dt.timedelta(days=6), per_prescription=per,
    )


def weekly_adherence(
    prescriptions: Sequence[PrescriptionPeriod], session_days: Mapping[int, Iterable[dt.date]],
    today: dt.date, weeks: int | None = None,
) -> list[WeekAdherence]:
    """One row per ISO week from the first prescription's start to today's week, newest first.

    `weeks` limits the answer to the latest N weeks. Weeks in which nothing was prescribed (a gap
    between two programs) are left out.
    """
    if not prescriptions:
        return []
    days = {pid: frozenset(d) for pid, d in session_days.items()}
    first = week_start(min(p.start for p in prescriptions))
    monday = week_start(today)
    rows: list[WeekAdherence] = []
    while monday >= first and (weeks is None or len(rows) < weeks):
        row = week_adherence(prescriptions, days, monday, today)
        if row.expected > 0:
            rows.append(row)
        monday -= dt.timedelta(days=7)
    return rows


@dataclass(frozen=True)
class RecentAdherence:
    """The latest complete weeks together: the figure every screen and document quotes."""

    weeks: int
    credited: int
    prescribed: int

    @property
    def percent(self) -> float | None:
        return None if self.prescribed <= 0 else self.credited * 100.0 / self.prescribed


RECENT_WEEKS = 4


def recent_adherence(weeks: Sequence[WeekAdherence], count: int = RECENT_WEEKS) -> RecentAdherence | None:
    """Σ credited of Σ prescribed over the latest `count` complete weeks (the week in progress is
    left out: judged on a Wednesday it would read as a drop); None before a week is complete."""
    complete = sorted((w for w in weeks if not w.in_progress and w.expected > 0), key=lambda w: w.week_start)
    chosen = complete[-count:]
    if not chosen:
        return None
    return RecentAdherence(len(chosen), sum(w.credited for w in chosen), sum(w.expected for w in chosen))


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} %"


# --- progression -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRecord:
    """One log entry, as the progression rules see it."""

    performed_on: dt.date
    done_as_prescribed: bool = False
    sets_done: int | None = None
    reps_done: int | None = None
    pain_during: int | None = None
    difficulty: int | None = None

    @property
    def counts_as_done(self) -> bool:
        """An entry of 0 sets or 0 repetitions records a session that was not done."""
        return self.done_as_prescribed or (self.sets_done != 0 and self.reps_done != 0)


@dataclass(frozen=True)
class Suggestion:
    rule: str
    text: str
    # Prescription fields to set on acceptance (sets, reps, hold_s, resistance_kind,
    # resistance_level, resistance_kg) and "note": text to append to the prescription's notes.
    changes: Mapping[str, Any] = field(default_factory=dict)


RULES: dict[str, str] = {
    "reps_then_weight": QT_TRANSLATE_NOOP("Labels", "add ankle weight once the target repetitions are reached"),
    "reps_then_band": QT_TRANSLATE_NOOP("Labels", "move to the next band once the target repetitions are reached"),
    "reps_then_hold": QT_TRANSLATE_NOOP("Labels", "lengthen the hold once the target repetitions are reached"),
    "reps_range": QT_TRANSLATE_NOOP("Labels", "work up through a range of repetitions, then a harder variant"),
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "reps_then_weight": ("reps", "add_kg"),
    "reps_then_band": ("reps", "levels"),
    "reps_then_hold": ("reps", "add_hold_s", "max_hold_s"),
    "reps_range": ("min", "max"),
}


def rule_problems(rule: str | None, params: Mapping[str, Any]) -> list[str]:
    """What is wrong with a rule and its parameters (empty when usable; no rule is fine)."""
    if rule is None or rule == "":
        return []
    if rule not in RULES:
        return [f"Unknown progression rule '{rule}' (known: {', '.join(RULES)})"]
    problems = [f"Progression rule {rule} needs the parameter '{k}'" for k in _REQUIRED[rule] if k not in params]
    if problems:
        return problems
    numeric = [k for k in ("reps", "add_kg", "add_hold_s", "max_hold_s", "min", "max", "max_pain", "sessions")
               if k in params]
    for key in numeric:
        value = params[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            problems.append(f"Progression parameter '{key}' must be a number ≥ 0 (got {value!r})")
    if problems:
        return problems
    if rule == "reps_range" and not 1 <= params["min"] <= params["max"]:
        problems.append(f"Repetition range {params['min']}–{params['max']} is not a range")
    if rule == "reps_then_band" and not (
        isinstance(params["levels"], list) and params["levels"] and all(isinstance(x, str) for x in params["levels"])
    ):
        problems.append("Band levels must be a non-empty list of names, weakest first")
    if int(params.get("sessions", 2)) < 1:
        problems.append("A progression rule needs at least 1 session to look at")
    return problems


def _day_meets(entries: Sequence[SessionRecord], dosage: Dosage, target_reps: int, max_pain: float) -> bool:
    for e in entries:
        sets = dosage.sets if e.done_as_prescribed else e.sets_done
        reps = dosage.reps if e.done_as_prescribed else e.reps_done
        if sets is None or reps is None or sets < dosage.sets or reps < target_reps:
            return False
        if e.pain_during is not None and e.pain_during > max_pain:
            return False
    return bool(entries)


def _latest_days_meet(
    sessions: Sequence[SessionRecord], dosage: Dosage, target_reps: int, params: Mapping[str, Any]
) -> int | None:
    """How many latest session days were looked at, if all of them met the target; else None."""
    needed = int(params.get("sessions", 2))
    max_pain = float(params.get("max_pain", 3))
    by_day: dict[dt.date, list[SessionRecord]] = {}
    for s in sessions:
        if not s.counts_as_done:
            continue
        by_day.setdefault(s.performed_on, []).append(s)
    latest = sorted(by_day, reverse=True)[:needed]
    if len(latest) < needed:
        return None
    if all(_day_meets(by_day[d], dosage, target_reps, max_pain) for d in latest):
        return needed
    return None


def _sessions_phrase(n: int) -> str:
    if n == 1:
        return QT_TRANSLATE_NOOP("Labels", "the last session")
    return Phrase(QT_TRANSLATE_NOOP("Labels", "each of the last {n} sessions"), n=n)


def evaluate_progression(
    rule: str | None, params: Mapping[str, Any], dosage: Dosage, sessions: Sequence[SessionRecord]
) -> Suggestion | None:
    """A suggestion when the rule is met by the latest sessions, else None.

    `sessions` should hold only entries logged since the last progression decision, so that an
    accepted or dismissed suggestion is not raised again from the same sessions.
    """
    if not rule or rule_problems(rule, params):
        return None
    if rule == "reps_range":
        lo, hi = int(params["min"]), int(params["max"])
        target = max(dosage.reps, lo)
        n = _latest_days_meet(sessions, dosage, target, params)
        if n is None:
            return None
        if target < hi:
            new = target + 1
            return Suggestion(rule, Phrase(QT_TRANSLATE_NOOP(
                "Labels", "{target} repetitions done well in {sessions}: increase to {new} repetitions (range {lo}–{hi})."),
                target=target, sessions=_sessions_phrase(n), new=new, lo=lo, hi=hi), {"reps": new})
        harder = str(params.get("next") or QT_TRANSLATE_NOOP("Labels", "a harder variant"))
        return Suggestion(rule, Phrase(QT_TRANSLATE_NOOP(
            "Labels", "{hi} repetitions done well in {sessions}: top of the range; progress: {harder}."),
            hi=hi, sessions=_sessions_phrase(n), harder=harder), {"note": f"Progressed: {harder}", "reps": lo})
    target = int(params["reps"])
    n = _latest_days_meet(sessions, dosage, target, params)
    if n is None:
        return None
    reached = Phrase(QT_TRANSLATE_NOOP("Labels", "{target} good repetitions in {sessions}"), target=target,
                     sessions=_sessions_phrase(n))
    if rule == "reps_then_weight":
        add = float(params["add_kg"])
        current = dosage.resistance_kg if dosage.resistance_kind == "ankle_weight" and dosage.resistance_kg else 0.0
        new_kg = round(current + add, 2)
        text = (Phrase(QT_TRANSLATE_NOOP("Labels", "{reached}: add {add:g} kg ankle weight (from {current:.1f} kg to "
                                                   "{new:.1f} kg)."), reached=reached, add=add, current=current, new=new_kg)
                if current else
                Phrase(QT_TRANSLATE_NOOP("Labels", "{reached}: add {add:g} kg ankle weight."), reached=reached, add=add))
        return Suggestion(rule, text,
                          {"resistance_kind": "ankle_weight", "resistance_kg": new_kg, "resistance_level": None})
    if rule == "reps_then_band":
        levels = [str(x) for x in params["levels"]]
        current_level = (dosage.resistance_level or "").strip().lower() if dosage.resistance_kind == "band" else ""
        lowered = [x.lower() for x in levels]
        if current_level in lowered:
            index = lowered.index(current_level) + 1
            if index >= len(levels):
                return Suggestion(rule, Phrase(QT_TRANSLATE_NOOP(
                    "Labels", "{reached} with the strongest band ({band}): consider a harder exercise."),
                    reached=reached, band=levels[-1]), {"note": "Strongest band reached"})
        else:
            index = 0
        return Suggestion(rule, Phrase(QT_TRANSLATE_NOOP("Labels", "{reached}: move to the {band} band."), reached=reached,
                                       band=levels[index]),
                          {"resistance_kind": "band", "resistance_level": levels[index], "resistance_kg": None})
    # reps_then_hold
    add_s, max_s = float(params["add_hold_s"]), float(params["max_hold_s"])
    if dosage.hold_s >= max_s:
        return None
    new_hold = min(max_s, dosage.hold_s + add_s)
    return Suggestion(rule, Phrase(QT_TRANSLATE_NOOP("Labels", "{reached}: hold the top position {new:g} s (was {old:g} s)."),
                                   reached=reached, new=new_hold, old=dosage.hold_s),
                      {"hold_s": new_hold})


def apply_changes(dosage: Dosage, changes: Mapping[str, Any]) -> Dosage:
    """The dosage after accepting a suggestion (ignores the "note" key)."""
    fields = {k: v for k, v in changes.items() if k != "note"}
    unknown = set(fields) - {"sets", "reps", "hold_s", "resistance_kind", "resistance_level", "resistance_kg"}
    if unknown:
        raise DomainError(f"A progression cannot change {', '.join(sorted(unknown))}")
    return replace(dosage, **fields)
