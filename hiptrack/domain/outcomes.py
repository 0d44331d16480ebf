"""Patient-reported outcome scores and their minimal clinically important change (clinical.md §7).

- NPRS 0–10: MCIC 2 points or 30 % of baseline (Ostelo 2008, Spine). Both criteria are reported,
  because they can disagree (7 → 5 meets 2 points but is 28.6 %).
- ODI v2.1a total 0–100: MCIC 10 points or a 30 % improvement from baseline (Ostelo 2008, Spine:
  the consensus adds the 30 % rule for every instrument, beside the points). The questionnaire text
  is licensed (Mapi Research Trust), so hiptrack stores totals only; `odi_percent` turns a paper
  form's item sum into the total (sum / (5 × items answered) × 100) without shipping any item text.
  It needs at least ODI_MIN_SECTIONS answered: Fairbank & Pynsent 2000 (Spine 25:2940) give the
  adjustment for one section missed or not applicable (divide by 45); we found no source for
  scoring a form with more sections missing, so such a form is not scored.
- PSFS: mean of 3–5 patient-named activities, each 0–10 (rehabmeasures.org 890); MCIC 2 points
  (issue 3; clinical.md §7 gives ≈ 2 as the MDC of the average score).

Direction matters: lower is better for NPRS and ODI, higher is better for PSFS.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import check_finite


class Instrument(StrEnum):
    NPRS = "nprs"
    ODI = "odi"
    PSFS = "psfs"


@dataclass(frozen=True)
class InstrumentSpec:
    instrument: Instrument
    title: str
    minimum: float
    maximum: float
    higher_is_better: bool
    mcic_points: float
    mcic_percent: float | None  # relative criterion, where the source gives one
    source: str


SPECS: dict[Instrument, InstrumentSpec] = {
    Instrument.NPRS: InstrumentSpec(Instrument.NPRS, QT_TRANSLATE_NOOP("Labels", "Numeric pain rating (0–10)"), 0, 10, False, 2.0, 30.0,
                                    "Ostelo 2008, Spine: NRS 2 points or 30 %"),
    Instrument.ODI: InstrumentSpec(Instrument.ODI, QT_TRANSLATE_NOOP("Labels", "Oswestry Disability Index (total, 0–100)"), 0, 100, False,
                                   10.0, 30.0, "Ostelo 2008, Spine: ODI 10 points or 30 %"),
    Instrument.PSFS: InstrumentSpec(Instrument.PSFS, QT_TRANSLATE_NOOP("Labels", "Patient-Specific Functional Scale (mean, 0–10)"), 0, 10,
                                    True, 2.0, None, "rehabmeasures.org instrument 890; issue 3: 2 points"),
}


def check_score(instrument: Instrument | str, value: float) -> float:
    spec = SPECS[Instrument(instrument)]
    score = check_finite(value, spec.title)
    if not spec.minimum <= score <= spec.maximum:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "{title}: {score:g} is outside "
                                                             "{minimum:g}–{maximum:g}"),
                                 title=spec.title, score=score, minimum=spec.minimum, maximum=spec.maximum))
    return score


def nprs(value: float) -> float:
    """An NPRS rating: a whole number 0–10."""
    score = check_score(Instrument.NPRS, value)
    if score != math.floor(score):
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Numeric pain rating must be a whole number "
                                                             "0–10 (got {score:g})"),
                                 score=score))
    return score


def odi_total(value: float) -> float:
    """An ODI total entered as such (0–100)."""
    return check_score(Instrument.ODI, value)


ODI_SECTIONS = 10
# Fairbank & Pynsent 2000's scoring instructions cover one section missed (÷ 45); no more.
ODI_MIN_SECTIONS = 9


def odi_percent(item_sum: float, items_answered: int) -> float:
    """ODI total from a paper form: sum / (5 × items answered) × 100.

    clinical.md §7: 10 answered, sum 20 → 40 %; 9 answered, sum 18 → 40 %. Fewer than
    ODI_MIN_SECTIONS answered is not scored (module docstring: Fairbank & Pynsent 2000).
    """
    if not isinstance(items_answered, int) or not 1 <= items_answered <= ODI_SECTIONS:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "ODI items answered must be 1–{sections} "
                                                             "(got {items_answered!r})"),
                                 sections=ODI_SECTIONS, items_answered=items_answered))
    if items_answered < ODI_MIN_SECTIONS:
        raise DomainError(
            Phrase(QT_TRANSLATE_NOOP("Labels", "ODI with {items_answered} of {sections} sections "
                                               "answered is not scored: the scoring instructions (Fairbank "
                                               "& Pynsent 2000) allow one section missed, so at least "
                                               "{min_sections} are needed"),
                   items_answered=items_answered, sections=ODI_SECTIONS, min_sections=ODI_MIN_SECTIONS)
        )
    total = check_finite(item_sum, "ODI item sum")
    if not 0 <= total <= 5 * items_answered:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "ODI item sum {total:g} is outside 0–{value} "
                                                             "for {items_answered} items"),
                                 total=total, value=5 * items_answered, items_answered=items_answered))
    return total * 100.0 / (5 * items_answered)


def odi_band(total: float) -> str:
    """Fairbank's descriptive bands (clinical.md §7)."""
    score = odi_total(total)
    # Stored as the band's English word, shown translated (label()).
    for upper, label in ((20, QT_TRANSLATE_NOOP("Labels", "minimal")), (40, QT_TRANSLATE_NOOP("Labels", "moderate")),
                         (60, QT_TRANSLATE_NOOP("Labels", "severe")), (80, QT_TRANSLATE_NOOP("Labels", "crippled"))):
        if score <= upper:
            return label
    return QT_TRANSLATE_NOOP("Labels", "bed-bound or exaggerating")


def psfs_score(activities: Sequence[float]) -> float:
    """PSFS = mean of 3–5 activity ratings, each 0–10 (clinical.md §7: (3, 5, 4) → 4.0)."""
    if not 3 <= len(activities) <= 5:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "PSFS needs 3 to 5 activities (got {count})"),
                                 count=len(activities)))
    values = [check_score(Instrument.PSFS, a) for a in activities]
    return math.fsum(values) / len(values)


@dataclass(frozen=True)
class OutcomeChange:
    instrument: str
    baseline: float
    current: float
    delta: float  # current − baseline
    improved: bool | None  # None when unchanged
    percent_change: float | None  # improvement as % of baseline; None when baseline is 0
    meets_points: bool  # improvement ≥ MCIC points
    meets_percent: bool | None  # improvement ≥ MCIC %; None when the instrument has no % criterion
    mcic_reached: bool  # either criterion met
    mcic_points: float
    mcic_percent: float | None

    def to_json_dict(self) -> dict[str, Any]:
        return asdict(self)


def assess_outcome_change(instrument: Instrument | str, baseline: float, current: float) -> OutcomeChange:
    """Whether an improvement reaches the MCIC; worsening never "reaches" it.

    clinical.md §7: NRS 7 → 5 → meets_points True, percent 28.6, meets_percent False.
    """
    spec = SPECS[Instrument(instrument)]
    before, after = check_score(spec.instrument, baseline), check_score(spec.instrument, current)
    delta = after - before
    improvement = delta if spec.higher_is_better else -delta
    pct: float | None = None
    meets_pct: bool | None = None
    if before != 0:
        pct = improvement * 100.0 / before
    if spec.mcic_percent is not None:
        # A baseline of 0 leaves no room to improve by a percentage.
        meets_pct = pct is not None and pct >= spec.mcic_percent
    meets_points = improvement >= spec.mcic_points
    return OutcomeChange(
        instrument=spec.instrument.value, baseline=before, current=after, delta=delta,
        improved=None if improvement == 0 else improvement > 0, percent_change=pct,
        meets_points=meets_points, meets_percent=meets_pct, mcic_reached=meets_points or bool(meets_pct),
        mcic_points=spec.mcic_points, mcic_percent=spec.mcic_percent,
    )
