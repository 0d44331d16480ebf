"""Validation of patient demographics and body mass: each problem named in words a clinician reads.

Pure functions; the storage layer calls them before writing and the GUI shows the problems as
they stand.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import NamedTuple

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

SEXES = ("female", "male", "other")
SIDES = ("left", "right")
INVOLVED_SIDES = ("left", "right", "both")

# Plausible adult and adolescent ranges; values outside are almost always typing errors.
BODY_MASS_RANGE_KG = (20.0, 300.0)
HEIGHT_RANGE_M = (1.0, 2.5)
OLDEST_AGE_YEARS = 120


@dataclass(frozen=True)
class PatientFields:
    chart_number: str
    last_name: str
    first_name: str
    date_of_birth: dt.date | None
    sex: str | None  # None: not recorded; never guessed, because it selects the norm equation
    height_m: float | None = None
    dominant_leg: str | None = None
    involved_side: str | None = None
    notes: str = ""


def parse_date(text: str, field: str) -> tuple[dt.date | None, str | None]:
    """Parse YYYY-MM-DD strictly: (date, None) or (None, problem)."""
    text = text.strip()
    if not text:
        return None, Phrase(QT_TRANSLATE_NOOP("Labels", "{field} is missing"), field=field)
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, Phrase(QT_TRANSLATE_NOOP("Labels", "{field} '{text}' is not a real date in the form YYYY-MM-DD"),
                            field=field, text=text)


def date_of_birth_problems(dob: dt.date | None, today: dt.date) -> list[str]:
    if dob is None:
        return [QT_TRANSLATE_NOOP("Labels", "Date of birth is missing")]
    if dob > today:
        return [Phrase(QT_TRANSLATE_NOOP("Labels", "Date of birth {date} is in the future"), date=dob)]
    if dob.year < today.year - OLDEST_AGE_YEARS:
        return [Phrase(QT_TRANSLATE_NOOP("Labels", "Date of birth {date} would make the patient older than {age}"),
                       date=dob, age=OLDEST_AGE_YEARS)]
    return []


def body_mass_problems(mass_kg: float | None) -> list[str]:
    if mass_kg is None:
        return []
    low, high = BODY_MASS_RANGE_KG
    if not math.isfinite(mass_kg) or not low <= mass_kg <= high:
        return [Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass {mass:g} kg is outside the plausible range {low:g}–{high:g} kg"),
                       mass=mass_kg, low=low, high=high)]
    return []


def height_problems(height_m: float | None) -> list[str]:
    if height_m is None:
        return []
    low, high = HEIGHT_RANGE_M
    if not math.isfinite(height_m) or not low <= height_m <= high:
        return [Phrase(QT_TRANSLATE_NOOP("Labels", "Height {height:g} m is outside the plausible range {low:g}–{high:g} m "
                                                   "(enter metres, e.g. {example:g})"),
                       height=height_m, low=low, high=high, example=1.72)]
    return []


def patient_problems(fields: PatientFields, today: dt.date) -> list[str]:
    problems: list[str] = []
    chart = fields.chart_number.strip()
    if not chart:
        problems.append(QT_TRANSLATE_NOOP("Labels", "Chart number is missing"))
    elif len(chart) > 40:
        problems.append(QT_TRANSLATE_NOOP("Labels", "Chart number is longer than 40 characters"))
    if not fields.last_name.strip():
        problems.append(QT_TRANSLATE_NOOP("Labels", "Last name is missing"))
    if not fields.first_name.strip():
        problems.append(QT_TRANSLATE_NOOP("Labels", "First name is missing"))
    problems += date_of_birth_problems(fields.date_of_birth, today)
    if fields.sex is not None and fields.sex not in SEXES:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Sex must be one of {sexes}, or left unrecorded"),
                               sexes=", ".join(SEXES)))
    problems += height_problems(fields.height_m)
    if fields.dominant_leg not in (None, *SIDES):
        problems.append(QT_TRANSLATE_NOOP("Labels", "Dominant leg must be left or right"))
    if fields.involved_side not in (None, *INVOLVED_SIDES):
        problems.append(QT_TRANSLATE_NOOP("Labels", "Involved side must be left, right or both"))
    return problems


def age_on(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


class PatientRow(NamedTuple):
    """What the patient list shows: plain data, safe to hand to the GUI thread.

    A named tuple rather than a dataclass: the list holds one per patient (100,000 in a large
    clinic) and a tuple is built several times quicker."""

    id: int
    chart_number: str
    last_name: str
    first_name: str
    date_of_birth: dt.date
    archived: bool

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"
