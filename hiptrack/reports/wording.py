"""Plain-language sentences for patients, written in one place.

The patient progress PDF and the full-screen patient view both read these, so a patient sees the
same words on paper and on screen. Every number comes from the patient summary
(`hiptrack.domain.summary`) or the outcome history; nothing is recomputed here, only rounded
and put into words.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.units import from_newtons

MOVEMENTS: dict[str, str] = {
    "gluteus_medius": "Lifting your leg out to the side",
    "gluteus_maximus": "Pushing your leg backwards",
}
MUSCLE_NAMES: dict[str, str] = {
    "gluteus_medius": "gluteus medius (hip abduction)",
    "gluteus_maximus": "gluteus maximus (hip extension)",
}
INSTRUMENT_WORDS: dict[str, tuple[str, str]] = {
    # instrument → (what it is in plain words, "out of" text)
    "nprs": ("Your pain", "out of 10"),
    "odi": ("Your back-pain disability score (Oswestry)", "out of 100"),
    "psfs": ("Your everyday activities score", "out of 10"),
}


# Decimals a score is written with, as each instrument is scored: NPRS is a whole number rating and
# the ODI a whole percentage; the PSFS is the mean of 3–5 whole ratings, so one decimal keeps what
# the patient rated without printing "2.67 out of 10".
SCORE_DECIMALS: dict[str, int] = {"nprs": 0, "odi": 0, "psfs": 1}


def score_text(instrument: str, value: float) -> str:
    """A score as the instrument is scored: "2", "38", "2.7" (never "2.67" or "2.0")."""
    decimals = SCORE_DECIMALS.get(instrument, 1)
    # Half up, as a clinician rounds on paper (Python's round() would make 2.5 into 2).
    scaled = int(abs(value) * 10**decimals + 0.5) * (1 if value >= 0 else -1)
    text = f"{scaled / 10**decimals:.{decimals}f}"
    return text[:-2] if decimals and text.endswith(".0") else text


def movement(muscle: str) -> str:
    return MOVEMENTS.get(muscle, muscle.replace("_", " ").capitalize())


def muscle_name(muscle: str) -> str:
    return MUSCLE_NAMES.get(muscle, muscle.replace("_", " "))


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def when_phrase(earlier: dt.date, later: dt.date) -> str:
    """How a patient would say when the earlier visit was, seen from the later one."""
    days = (later - earlier).days
    if 5 <= days <= 10:
        return "last week"
    if 21 <= days <= 45:
        return "last month"
    return f"on {long_date(earlier)}"


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def _balance(row: MuscleSummary) -> str | None:
    """"your left hip is 18% weaker than your right" (None when both sides were not compared)."""
    if row.asymmetry_pct is None:
        return None
    if row.weaker_side is None or round(row.asymmetry_pct) == 0:
        return "both hips are about equally strong"
    stronger = "right" if row.weaker_side == "left" else "left"
    return f"your {row.weaker_side} hip is {_pct(row.asymmetry_pct)} weaker than your {stronger}"


def asymmetry_sentence(row: MuscleSummary, on: dt.date, earlier: MuscleSummary | None = None,
                       earlier_on: dt.date | None = None) -> str:
    """e.g. "Your left hip is 18% weaker than your right; last month it was 27%."."""
    now = _balance(row)
    if now is None:
        tested = [s for s in ("left", "right") if getattr(row, f"{s}_n") is not None]
        if len(tested) == 1:
            return (f"Only your {tested[0]} side was tested this time, so your two sides cannot be "
                    "compared yet.")
        return "Your two sides could not be compared this time."
    sentence = now[0].upper() + now[1:]
    before = _balance(earlier) if earlier is not None else None
    if before is None or earlier is None or earlier_on is None:
        return sentence + "."
    when = when_phrase(earlier_on, on)
    if earlier.weaker_side == row.weaker_side and earlier.asymmetry_pct is not None and "equally" not in before:
        return f"{sentence}; {when} it was {_pct(earlier.asymmetry_pct)}."
    return f"{sentence}; {when} {before}."


def _format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:.0f} {unit.replace('Nm', 'N·m')}"


def patient_unit(rows: Sequence[MuscleSummary], display_unit: str) -> str:
    """One unit for everything a patient reads: N·m ("Nm") when every test shown had its lever arm
    measured on both sides, otherwise force in the clinic's display unit (N, kgf or lbf)."""
    measured = all(
        getattr(row, f"{side}_nm") is not None and f"{side}_nm" not in row.marks
        for row in rows for side in ("left", "right")
    )
    return "Nm" if rows and measured else display_unit


def strength_value(row: MuscleSummary | None, side: str, unit: str) -> float | None:
    """One side's strength in the patient's unit (torque for "Nm", else force converted from N)."""
    if row is None:
        return None
    if unit == "Nm":
        value: float | None = getattr(row, f"{side}_nm")
        return value
    force = getattr(row, f"{side}_n")
    return None if force is None else from_newtons(force, unit)


def change_sentence(row: MuscleSummary, side: str, kind: str = "baseline", unit: str | None = None,
                    earlier: MuscleSummary | None = None) -> str | None:
    """Strength on one side against the first test (kind "baseline") or the last one ("previous"),
    judged against the measurement error (MDC), in plain words.

    With `unit` and the `earlier` row, the values are shown in that unit (one unit per page);
    the verdict is the clinical one, whatever quantity it was judged on.
    """
    change: dict[str, Any] | None = (row.change.get(kind) or {}).get(side)
    if not change:
        return None
    since = "your first test" if kind == "baseline" else "your last test"
    delta = change.get("delta") or 0.0
    direction = "stronger" if delta > 0 else "weaker" if delta < 0 else "the same"
    shown = unit or change.get("unit") or "N"
    then, now = change.get("previous"), change.get("current")
    if unit is not None:
        then, now = strength_value(earlier, side, unit), strength_value(row, side, unit)
    values = f" ({_format_value(then, shown)} then, {_format_value(now, shown)} now)"
    if then is not None and now is not None and (now - then) * delta < 0:
        # Judged on torque with a different lever arm, the force moved the other way: numbers that
        # seem to contradict the words would confuse more than they tell.
        values = ""
    beyond = change.get("beyond_mdc")
    if beyond is True:
        verdict = "This is more than the measurement error, so it is a real change."
    elif beyond is False:
        verdict = "This is within the measurement error, so it may not be a real change yet."
    else:
        verdict = "The measurement error of this test is not known, so treat small changes with care."
    if direction == "the same":
        return f"Your {side} side is the same as at {since}{values}."
    return f"Your {side} side is {direction} than at {since}{values}. {verdict}"


def outcome_sentence(instrument: str, first: float, latest: float, mcic_reached: bool | None,
                     improved: bool | None, first_on: dt.date, latest_on: dt.date) -> str:
    what, out_of = INSTRUMENT_WORDS.get(instrument, (instrument.upper(), ""))
    first_text, latest_text = score_text(instrument, first), score_text(instrument, latest)
    if first_on == latest_on:
        return f"{what} was {latest_text} {out_of} on {long_date(latest_on)}."
    text = (f"{what} was {first_text} {out_of} at the start and {latest_text} {out_of} "
            f"on {long_date(latest_on)}.")
    if mcic_reached:
        return text + " That is a big enough improvement to make a real difference."
    if improved is False:
        return text + " It has not improved yet."
    return text + " It is moving, but not yet by enough to make a real difference."


def adherence_sentence(recent: ep.RecentAdherence | None) -> str | None:
    """The patient's recent adherence in words: the same figure as the clinician's Exercises tab."""
    if recent is None or recent.percent is None:
        return None
    period = "Over the past week" if recent.weeks == 1 else f"Over the past {recent.weeks} weeks"
    return (f"{period} you did {recent.credited} of your {recent.prescribed} planned exercise sessions "
            f"({recent.percent:.0f}%).")


def times_a_week(n: int) -> str:
    return "once a week" if n == 1 else "twice a week" if n == 2 else f"{n} times a week"


def exercise_lines(dosage: ep.Dosage) -> tuple[str, str]:
    """("How often: 5 times a week", "Each time: 3 × 10, hold 2 s, each side"), for the handout and
    the patient view alike."""
    return (f"How often: {times_a_week(dosage.sessions_per_week)}",
            f"Each time: {ep.format_dosage(dosage, with_frequency=False)}")


def same_test(rows: Sequence[MuscleSummary], row: MuscleSummary) -> MuscleSummary | None:
    key = (row.muscle, row.position, row.method)
    return next((r for r in rows if (r.muscle, r.position, r.method) == key), None)


NO_TESTS = "No strength tests have been recorded yet."
NO_MASS = ("Your body weight was not recorded at this visit, so strength for your size (per kilogram) "
           "cannot be shown.")
NO_MASS_CLINICIAN = "Body mass not recorded for this visit: N/kg and Nm/kg are not computed and norms needing mass are not shown."
UNFINISHED_VISIT = ("The visit of {date} is unfinished (its battery was not completed): its partial results are left "
                    "out of this document until the visit is finished.")
ONE_SIDE_CLINICIAN = "Only the {side} side was tested for {muscle}: asymmetry and LSI are not computed."


def muscle_paragraph(row: MuscleSummary, on: dt.date, earlier: MuscleSummary | None,
                     earlier_on: dt.date | None, unit: str | None = None,
                     baseline: MuscleSummary | None = None) -> list[str]:
    """The sentences about one muscle for a patient, in reading order."""
    out = [asymmetry_sentence(row, on, earlier, earlier_on)]
    for side in ("left", "right"):
        sentence = change_sentence(row, side, "baseline", unit, baseline)
        if sentence:
            out.append(sentence)
    return out
