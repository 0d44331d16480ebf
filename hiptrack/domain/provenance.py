"""Where a lever arm or a body mass came from, and how that marks the numbers built on it (issue 11).

A default is never a measurement. Start-a-visit pre-fills the last measured lever arm (or a typical
round figure when there is none) and the latest body mass, whatever its date; before this module
both were saved as measured that day, so a typical 0.40 m one visit and a measured 0.35 m the next
turned an unchanged 260 N into "−13.0 N·m". Now each value carries its source:

- measured: taken at this visit;
- carried_forward: measured at an earlier visit (named by its date) and reused;
- typical: the position's round figure (positions.Position.typical_lever_m), never measured;
- imported: from a results file, which states the date;
- unknown: recorded before hiptrack kept provenance (database revision 0003).

Torque, Nm/kg and changes that rest on a typical (or unknown) lever, and N/kg and Nm/kg that rest
on a carried-forward (or unknown) mass, are marked wherever they are shown. A mass older than the
clinic's limit (default 30 days, `MASS_MAX_AGE_DAYS`) is flagged as stale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

DEFAULT_MASS_MAX_AGE_DAYS = 30


class Source(StrEnum):
    MEASURED = "measured"
    CARRIED_FORWARD = "carried_forward"
    TYPICAL = "typical"
    IMPORTED = "imported"
    UNKNOWN = "unknown"


def parse_source(value: str | Source | None) -> Source:
    """A stored source; anything unrecognised is unknown rather than trusted."""
    try:
        return Source(value or Source.UNKNOWN)
    except ValueError:
        return Source.UNKNOWN


@dataclass(frozen=True)
class Provenance:
    """A value's source and the date it was measured (None for a typical value or when unknown)."""

    source: Source
    measured_on: dt.date | None = None

    @property
    def is_default(self) -> bool:
        """A value nobody measured on this patient: it must never be treated as a measurement."""
        return self.source is Source.TYPICAL

    def age_days(self, on: dt.date) -> int | None:
        return None if self.measured_on is None else (on - self.measured_on).days

    def text(self, on: dt.date) -> str:
        """Plain words for a screen or report, e.g. "carried forward from 2023-04-02" (a Phrase:
        translated and with the date in the reader's order where it is shown)."""
        when = self.measured_on
        if self.source is Source.MEASURED:
            if when in (None, on):
                return QT_TRANSLATE_NOOP("Labels", "measured at this visit")
            return Phrase(QT_TRANSLATE_NOOP("Labels", "measured on {date}"), date=when)
        if self.source is Source.CARRIED_FORWARD:
            if when is None:
                return QT_TRANSLATE_NOOP("Labels", "carried forward")
            return Phrase(QT_TRANSLATE_NOOP("Labels", "carried forward from {date}"), date=when)
        if self.source is Source.TYPICAL:
            return QT_TRANSLATE_NOOP("Labels", "typical value, not measured")
        if self.source is Source.IMPORTED:
            if when is None:
                return QT_TRANSLATE_NOOP("Labels", "imported")
            return Phrase(QT_TRANSLATE_NOOP("Labels", "imported ({date})"), date=when)
        return QT_TRANSLATE_NOOP("Labels", "source not recorded (saved before hiptrack kept it)")

    def to_json_dict(self, on: dt.date) -> dict[str, Any]:
        return {"source": self.source.value, "measured_on": self.measured_on.isoformat() if self.measured_on else None,
                "text": self.text(on)}


def mass_provenance(measured_on: dt.date, stored_source: str | None, visit_date: dt.date) -> Provenance:
    """The provenance of the body mass that applies at a visit (normalise.body_mass_on): a mass
    recorded on an earlier date is carried forward, whatever its row says."""
    if measured_on < visit_date:
        return Provenance(Source.CARRIED_FORWARD, measured_on)
    return Provenance(parse_source(stored_source), measured_on)


def lever_provenance(source: str | None, measured_on: dt.date | None, visit_date: dt.date) -> Provenance:
    parsed = parse_source(source)
    if parsed is Source.MEASURED and measured_on is None:
        measured_on = visit_date
    return Provenance(parsed, measured_on)


def mass_is_stale(provenance: Provenance, on: dt.date, max_age_days: int = DEFAULT_MASS_MAX_AGE_DAYS) -> bool:
    age = provenance.age_days(on)
    return age is not None and age > max_age_days


def lever_mark(lever: Provenance | None, lever_m: float | None) -> str | None:
    """Why torque and Nm/kg from this lever arm are not a measurement, or None when they are."""
    if lever is None or lever_m is None:
        return None
    if lever.source is Source.TYPICAL:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "rests on a typical lever arm ({lever:g} m), not a measured one"),
                      lever=lever_m)
    if lever.source is Source.UNKNOWN:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "lever arm {lever:g} m: whether it was measured was not recorded"),
                      lever=lever_m)
    return None


def mass_mark(mass: Provenance | None, on: dt.date, max_age_days: int = DEFAULT_MASS_MAX_AGE_DAYS) -> str | None:
    """Why N/kg and Nm/kg from this body mass are not today's measurement, or None when they are."""
    if mass is None:
        return None
    if mass.source is Source.CARRIED_FORWARD:
        if mass_is_stale(mass, on, max_age_days):
            return Phrase(QT_TRANSLATE_NOOP("Labels", "rests on a body mass carried forward from {date}, {age} days "
                                                      "old: older than {limit} days"),
                          date=mass.measured_on, age=mass.age_days(on), limit=max_age_days)
        return Phrase(QT_TRANSLATE_NOOP("Labels", "rests on a body mass carried forward from {date}"),
                      date=mass.measured_on)
    if mass.source is Source.UNKNOWN:
        return QT_TRANSLATE_NOOP("Labels", "body mass: whether it was weighed at this visit was not recorded")
    return None


# Levers closer than this are the same set-up (stored to the millimetre).
LEVER_TOLERANCE_M = 0.0005


def lever_source_for(used_m: float, planned_m: float | None, planned: Provenance | None,
                     typical_m: float) -> Provenance:
    """The provenance of the lever arm a trial was saved with, from what the visit planned.

    Unchanged from the plan: the plan's source (measured, carried forward or typical). No plan
    and the position's typical figure: typical. Anything else was typed in on the trial screen,
    which counts as measured at this visit."""
    if planned_m is not None and abs(used_m - planned_m) <= LEVER_TOLERANCE_M:
        return planned or Provenance(Source.UNKNOWN)
    if planned_m is None and abs(used_m - typical_m) <= LEVER_TOLERANCE_M:
        return Provenance(Source.TYPICAL)
    return Provenance(Source.MEASURED)
