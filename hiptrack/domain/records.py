"""Plain, frozen facts about a patient's visits: what storage hands to the summary.

Storage converts ORM rows into these so the calculations never see the database (ARCHITECTURE.md:
only plain data crosses layers). Units: newtons, metres, kilograms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PatientFacts:
    sex: str | None  # "female", "male", "other" or None (not recorded: no norm applies)
    date_of_birth: dt.date
    height_m: float | None = None
    involved_side: str | None = None  # "left", "right", "both" or None (unknown)


@dataclass(frozen=True)
class TestFacts:
    """One muscle, side and position at one visit, with its accepted trial forces only."""

    __test__ = False  # not a pytest test class, despite the name

    muscle: str
    side: str
    position: str
    method: str
    lever_arm_m: float | None
    forces_n: tuple[float, ...]
    # hiptrack.domain.provenance: "measured", "carried_forward", "typical", "imported", "unknown".
    lever_source: str = "unknown"
    lever_measured_on: dt.date | None = None
    # What the force-time analysis noted about accepted trials ("trial 2: started under 150 N load"):
    # a figure that rests on such a trial must say so wherever it is shown (issue 11).
    trial_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class VisitFacts:
    date: dt.date
    body_mass_kg: float | None  # the mass that applies on `date` (normalise.body_mass_on), or None
    tests: tuple[TestFacts, ...]
    visit_id: int | None = None
    body_mass_on: dt.date | None = None  # when that mass was taken (earlier = carried forward)
    body_mass_source: str = "unknown"  # the stored source of that mass row
    # False while the battery is still in progress: its partial results are shown as unfinished and
    # never serve as, or get compared with, a previous result (a half-done visit reads as a decline).
    complete: bool = True
