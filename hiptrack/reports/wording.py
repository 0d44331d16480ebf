"""Plain-language sentences for patients, written in one place.

The patient progress PDF and the full-screen patient view both read these, so a patient sees the
same words on paper and on screen. Every number comes from the patient summary
(`hiptrack.domain.summary`) or the outcome history; nothing is recomputed here, only rounded
and put into words.

Every sentence is translated whole (context "Wording") with its numbers put in afterwards, in the
reader's locale (`hiptrack.reports.formatting`). No SQL, and nothing of the report building.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import label, translate

# Marked here, translated where they are read (the module is imported before any translator).
MOVEMENTS: dict[str, str] = {
    "gluteus_medius": QT_TRANSLATE_NOOP("Wording", "Lifting your leg out to the side"),
    "gluteus_maximus": QT_TRANSLATE_NOOP("Wording", "Pushing your leg backwards"),
}
MUSCLE_NAMES: dict[str, str] = {
    "gluteus_medius": QT_TRANSLATE_NOOP("Wording", "gluteus medius (hip abduction)"),
    "gluteus_maximus": QT_TRANSLATE_NOOP("Wording", "gluteus maximus (hip extension)"),
}


# Decimals a score is written with, as each instrument is scored: NPRS is a whole number rating and
# the ODI a whole percentage; the PSFS is the mean of 3–5 whole ratings, so one decimal keeps what
# the patient rated without printing "2.67 out of 10".
SCORE_DECIMALS: dict[str, int] = {"nprs": 0, "odi": 0, "psfs": 1}


def score_text(instrument: str, value: float) -> str:
    """A score as the instrument is scored: "2", "38", "2.7" (never "2.67" or "2.0"); "2,7" where
    the comma is the decimal mark."""
    decimals = SCORE_DECIMALS.get(instrument, 1)
    # Half up, as a clinician rounds on paper (Python's round() would make 2.5 into 2).
    scaled = int(abs(value) * 10**decimals + 0.5) * (1 if value >= 0 else -1)
    shown = 0 if decimals and scaled % 10**decimals == 0 else decimals
    return F.number(scaled / 10**decimals, shown)


def movement(muscle: str) -> str:
    return label_of(MOVEMENTS, muscle, muscle.replace("_", " ").capitalize())


def muscle_name(muscle: str) -> str:
    return label_of(MUSCLE_NAMES, muscle, muscle.replace("_", " "))


def label_of(marked: dict[str, str], key: str, fallback: str) -> str:
    """The translation of a text marked in this module's tables (context "Wording")."""
    text = marked.get(key)
    return fallback if text is None else translate("Wording", text)  # the table's texts are marked above


def long_date(day: dt.date) -> str:
    """"1 January 2026" (or the reader's language and order: "1. Januar 2026")."""
    pattern = translate("Wording", "d MMMM yyyy", "a date inside a sentence, as a QDate format pattern")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def when_phrase(earlier: dt.date, later: dt.date) -> str:
    """How a patient would say when the earlier visit was, seen from the later one."""
    days = (later - earlier).days
    if 5 <= days <= 10:
        return translate("Wording", "last week")
    if 21 <= days <= 45:
        return translate("Wording", "last month")
    return translate("Wording", "on {date}").format(date=long_date(earlier))


def _pct(value: float) -> str:
    return F.number(value, 0)


def _balance(row: MuscleSummary) -> tuple[str, str] | None:
    """("Your left hip is 18% weaker than your right", "your left hip is 18% weaker than your right"):
    the balance as a sentence of its own and as the end of one (None when both sides were not
    compared). Two whole texts, so a translator never has to capitalise a fragment."""
    if row.asymmetry_pct is None:
        return None
    if row.weaker_side is None or round(row.asymmetry_pct) == 0:
        return (translate("Wording", "Both hips are about equally strong"),
                translate("Wording", "both hips are about equally strong"))
    pct = _pct(row.asymmetry_pct)
    if row.weaker_side == "left":
        return (translate("Wording", "Your left hip is {pct}% weaker than your right").format(pct=pct),
                translate("Wording", "your left hip is {pct}% weaker than your right").format(pct=pct))
    return (translate("Wording", "Your right hip is {pct}% weaker than your left").format(pct=pct),
            translate("Wording", "your right hip is {pct}% weaker than your left").format(pct=pct))


def _equal(row: MuscleSummary) -> bool:
    return row.weaker_side is None or row.asymmetry_pct is None or round(row.asymmetry_pct) == 0


def asymmetry_sentence(row: MuscleSummary, on: dt.date, earlier: MuscleSummary | None = None,
                       earlier_on: dt.date | None = None) -> str:
    """e.g. "Your left hip is 18% weaker than your right; last month it was 27%."."""
    now = _balance(row)
    if now is None:
        tested = [s for s in ("left", "right") if getattr(row, f"{s}_n") is not None]
        if tested == ["left"]:
            return translate("Wording", "Only your left side was tested this time, so your two sides cannot be "
                                        "compared yet.")
        if tested == ["right"]:
            return translate("Wording", "Only your right side was tested this time, so your two sides cannot be "
                                        "compared yet.")
        return translate("Wording", "Your two sides could not be compared this time.")
    sentence = now[0]
    before = _balance(earlier) if earlier is not None else None
    if before is None or earlier is None or earlier_on is None:
        return translate("Wording", "{sentence}.").format(sentence=sentence)
    when = when_phrase(earlier_on, on)
    if earlier.weaker_side == row.weaker_side and earlier.asymmetry_pct is not None and not _equal(earlier):
        return translate("Wording", "{sentence}; {when} it was {pct}%.").format(
            sentence=sentence, when=when, pct=_pct(earlier.asymmetry_pct))
    return translate("Wording", "{sentence}; {when} {before}.").format(sentence=sentence, when=when, before=before[1])


def _format_value(value: float | None, unit: str) -> str:
    if value is None:
        return F.DASH
    return f"{F.number(value, 0)} {unit.replace('Nm', 'N·m')}"


def patient_unit(rows: Sequence[MuscleSummary], display_unit: str) -> str:
    """One unit for everything a patient reads: N·m ("Nm") when every test shown had its lever arm
    measured on both sides, otherwise force in the clinic's display unit (N, kgf or lbf)."""
    measured = all(
        getattr(row, f"{side}_nm") is not None and f"{side}_nm" not in row.marks
        for row in rows for side in ("left", "right")
    )
    return "Nm" if rows and measured else display_unit


def strength_value(row: MuscleSummary | None, side: str, unit: str) -> float | None:
    """One side's strength in the patient's unit: torque for "Nm", else force in that unit."""
    return None if row is None else row.side_value(side, "nm" if unit == "Nm" else "n", unit)


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
    delta = change.get("delta") or 0.0
    shown = unit or change.get("unit") or "N"
    then, now = change.get("previous"), change.get("current")
    if unit is not None:
        then, now = strength_value(earlier, side, unit), strength_value(row, side, unit)
    values = translate("Wording", " ({then} then, {now} now)").format(
        then=_format_value(then, shown), now=_format_value(now, shown))
    if then is not None and now is not None and (now - then) * delta < 0:
        # Judged on torque with a different lever arm, the force moved the other way: numbers that
        # seem to contradict the words would confuse more than they tell.
        values = ""
    if delta == 0:
        return _same_sentence(side, kind).format(values=values)
    return _change_words(side, kind, delta > 0).format(values=values) + " " + _verdict(change.get("beyond_mdc"))


def _same_sentence(side: str, kind: str) -> str:
    """"Your left side is the same as at your first test{values}." as one text per side and visit."""
    if kind == "baseline":
        return (translate("Wording", "Your left side is the same as at your first test{values}.") if side == "left"
                else translate("Wording", "Your right side is the same as at your first test{values}."))
    return (translate("Wording", "Your left side is the same as at your last test{values}.") if side == "left"
            else translate("Wording", "Your right side is the same as at your last test{values}."))


def _change_words(side: str, kind: str, stronger: bool) -> str:
    """"Your left side is stronger than at your first test{values}." as one whole text each."""
    texts = {
        ("left", "baseline", True): translate("Wording", "Your left side is stronger than at your first test{values}."),
        ("left", "baseline", False): translate("Wording", "Your left side is weaker than at your first test{values}."),
        ("right", "baseline", True): translate("Wording", "Your right side is stronger than at your first test{values}."),
        ("right", "baseline", False): translate("Wording", "Your right side is weaker than at your first test{values}."),
        ("left", "previous", True): translate("Wording", "Your left side is stronger than at your last test{values}."),
        ("left", "previous", False): translate("Wording", "Your left side is weaker than at your last test{values}."),
        ("right", "previous", True): translate("Wording", "Your right side is stronger than at your last test{values}."),
        ("right", "previous", False): translate("Wording", "Your right side is weaker than at your last test{values}."),
    }
    return texts[(side if side == "left" else "right", kind if kind == "baseline" else "previous", stronger)]


def _verdict(beyond: bool | None) -> str:
    if beyond is True:
        return translate("Wording", "This is more than the measurement error, so it is a real change.")
    if beyond is False:
        return translate("Wording", "This is within the measurement error, so it may not be a real change yet.")
    return translate("Wording", "The measurement error of this test is not known, so treat small changes with care.")


def _instrument_words(instrument: str) -> tuple[str, str]:
    """(what the score is in plain words, its "out of" text) for a patient."""
    if instrument == "nprs":
        return translate("Wording", "Your pain"), translate("Wording", "out of 10")
    if instrument == "odi":
        return translate("Wording", "Your back-pain disability score (Oswestry)"), translate("Wording", "out of 100")
    if instrument == "psfs":
        return translate("Wording", "Your everyday activities score"), translate("Wording", "out of 10")
    return instrument.upper(), ""


def outcome_sentence(instrument: str, first: float, latest: float, mcic_reached: bool | None,
                     improved: bool | None, first_on: dt.date, latest_on: dt.date) -> str:
    what, out_of = _instrument_words(instrument)
    first_text, latest_text = score_text(instrument, first), score_text(instrument, latest)
    if first_on == latest_on:
        return translate("Wording", "{what} was {score} {out_of} on {date}.").format(
            what=what, score=latest_text, out_of=out_of, date=long_date(latest_on))
    text = translate("Wording", "{what} was {first} {out_of} at the start and {latest} {out_of} on {date}.").format(
        what=what, first=first_text, latest=latest_text, out_of=out_of, date=long_date(latest_on))
    if mcic_reached:
        return text + " " + translate("Wording", "That is a big enough improvement to make a real difference.")
    if improved is False:
        return text + " " + translate("Wording", "It has not improved yet.")
    return text + " " + translate("Wording", "It is moving, but not yet by enough to make a real difference.")


def adherence_sentence(recent: ep.RecentAdherence | None) -> str | None:
    """The patient's recent adherence in words: the same figure as the clinician's Exercises tab."""
    if recent is None or recent.percent is None:
        return None
    values = {"done": recent.credited, "planned": recent.prescribed, "pct": F.number(recent.percent, 0)}
    if recent.weeks == 1:
        return translate("Wording", "Over the past week you did {done} of your {planned} planned exercise sessions "
                                    "({pct}%).").format(**values)
    return translate("Wording", "Over the past {weeks} weeks you did {done} of your {planned} planned exercise "
                                "sessions ({pct}%).").format(weeks=recent.weeks, **values)


def times_a_week(n: int) -> str:
    if n == 1:
        return translate("Wording", "once a week")
    if n == 2:
        return translate("Wording", "twice a week")
    return translate("Wording", "{n} times a week").format(n=n)


def exercise_lines(dosage: ep.Dosage) -> tuple[str, str]:
    """("How often: 5 times a week", "Each time: 3 × 10, hold 2 s, each side"), for the handout and
    the patient view alike."""
    return (translate("Wording", "How often: {often}").format(often=times_a_week(dosage.sessions_per_week)),
            translate("Wording", "Each time: {dosage}").format(dosage=label(ep.format_dosage(dosage, with_frequency=False))))


def same_test(rows: Sequence[MuscleSummary], row: MuscleSummary) -> MuscleSummary | None:
    return next((r for r in rows if r.key() == row.key()), None)


def no_tests() -> str:
    return translate("Wording", "No strength tests have been recorded yet.")


def no_mass() -> str:
    return translate("Wording", "Your body weight was not recorded at this visit, so strength for your size (per "
                                "kilogram) cannot be shown.")


def no_mass_clinician() -> str:
    return translate("Wording", "Body mass not recorded for this visit: N/kg and Nm/kg are not computed and norms "
                                "needing mass are not shown.")


def unfinished_visit(day: dt.date) -> str:
    return translate("Wording", "The visit of {date} is unfinished (its battery was not completed): its partial "
                                "results are left out of this document until the visit is finished.").format(
        date=F.date(day))


def one_side_clinician(side: str, muscle: str) -> str:
    """`muscle` is the test's title in the reader's words."""
    if side == "left":
        return translate("Wording", "Only the left side was tested for {muscle}: asymmetry and LSI are not "
                                    "computed.").format(muscle=muscle)
    return translate("Wording", "Only the right side was tested for {muscle}: asymmetry and LSI are not "
                                "computed.").format(muscle=muscle)


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
