"""Per-visit, per-muscle results of one patient: the machine-readable face of the calculations
(`hiptrack summary --json`, issue 3).

A row is one muscle in one position with one method at one visit; two positions of the same
muscle give two rows and are never combined (clinical.md §4). Any field that needs something
missing (a side, the body mass, a lever arm, the involved side, a norm, an MDC) is None, and the
row's `notes` say why. Nothing is estimated.

Changes are taken per side against the previous visit and against the first (baseline) visit with
the same muscle, position and method, and are judged against the MDC of that position
(reliability.py): in N·m when the MDC is in N·m (both visits need a lever arm), else in N.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TypeVar

from hiptrack.domain.asymmetry import (
    DEFAULT_LSI_PASS_PCT,
    DEFAULT_THRESHOLDS,
    SIDE_TITLES,
    SIDE_WORDS,
    AsymmetryThresholds,
    Side,
    limb_symmetry_index,
    parse_side,
    percent_difference,
    signed_asymmetry,
)
from hiptrack.domain.errors import DomainError
from hiptrack.domain.normalise import n_per_kg, nm_per_kg, torque_nm
from hiptrack.domain.norms import NormResult, NormTables, age_on, evaluate_norm
from hiptrack.domain.positions import ACTION_OF, Muscle, parse_method, parse_muscle
from hiptrack.domain.provenance import (
    DEFAULT_MASS_MAX_AGE_DAYS,
    Provenance,
    Source,
    lever_mark,
    lever_provenance,
    mass_is_stale,
    mass_mark,
    mass_provenance,
)
from hiptrack.domain.records import PatientFacts, TestFacts, VisitFacts
from hiptrack.domain.reliability import ChangeAssessment, assess_change, default_for, mdc_from_sd_icc
from hiptrack.domain.stats import DEFAULT_CV_LIMIT_PCT, ScoreMethod, TrialStats, cv_exceeds, trial_stats
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, message_of
from hiptrack.domain.units import from_newtons

T = TypeVar("T")
RowKey = tuple[str, str, str]  # muscle, position, method


@dataclass(frozen=True)
class ClinicReliability:
    """The clinic's own test–retest figures for one position."""

    sd: float
    icc: float
    unit: str = "N"  # unit of the SD: "N" or "Nm"


@dataclass(frozen=True)
class SummarySettings:
    thresholds: AsymmetryThresholds = DEFAULT_THRESHOLDS
    primary: ScoreMethod = ScoreMethod.MAX
    cv_limit_pct: float = DEFAULT_CV_LIMIT_PCT
    lsi_pass_pct: float = DEFAULT_LSI_PASS_PCT
    norms: NormTables | None = None
    reliability: Mapping[str, ClinicReliability] = field(default_factory=dict)
    mass_max_age_days: int = DEFAULT_MASS_MAX_AGE_DAYS

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "mass_max_age_days": self.mass_max_age_days,
            "asymmetry_preset": self.thresholds.name,
            "amber_pct": self.thresholds.amber_pct,
            "red_pct": self.thresholds.red_pct,
            "red_includes_edge": self.thresholds.red_includes_edge,
            "primary_score": self.primary.value,
            "cv_limit_pct": self.cv_limit_pct,
            "lsi_pass_pct": self.lsi_pass_pct,
        }


@dataclass(frozen=True)
class _SideResult:
    score_n: float
    stats: TrialStats
    lever_m: float | None
    lever: Provenance | None = None


PROVENANCE_MARK = "†"
MARKED_FIELDS = {
    "left_nm": QT_TRANSLATE_NOOP("Labels", "Left torque"), "right_nm": QT_TRANSLATE_NOOP("Labels", "Right torque"),
    "left_nm_per_kg": QT_TRANSLATE_NOOP("Labels", "Left Nm/kg"),
    "right_nm_per_kg": QT_TRANSLATE_NOOP("Labels", "Right Nm/kg"),
    "left_n_per_kg": QT_TRANSLATE_NOOP("Labels", "Left N/kg"), "right_n_per_kg": QT_TRANSLATE_NOOP("Labels", "Right N/kg"),
    "asymmetry_pct": QT_TRANSLATE_NOOP("Labels", "Asymmetry (by torque)"),
    "lsi_pct": QT_TRANSLATE_NOOP("Labels", "LSI (by torque)"),
    "norm_left": QT_TRANSLATE_NOOP("Labels", "Left norm comparison"),
    "norm_right": QT_TRANSLATE_NOOP("Labels", "Right norm comparison"),
}
# "Left change vs previous": which side's change against which visit, in words.
CHANGE_AGAINST = {
    ("left", "previous"): QT_TRANSLATE_NOOP("Labels", "Left change vs previous"),
    ("right", "previous"): QT_TRANSLATE_NOOP("Labels", "Right change vs previous"),
    ("left", "baseline"): QT_TRANSLATE_NOOP("Labels", "Left change vs baseline"),
    ("right", "baseline"): QT_TRANSLATE_NOOP("Labels", "Right change vs baseline"),
}


@dataclass
class MuscleSummary:
    muscle: str
    action: str
    position: str
    method: str
    left_n: float | None = None
    right_n: float | None = None
    left_trials: int = 0
    right_trials: int = 0
    asymmetry_pct: float | None = None
    asymmetry_basis: str | None = None  # "force" or "torque": the quantity asymmetry and LSI compared
    signed_asymmetry_pct: float | None = None
    weaker_side: str | None = None
    flag: str | None = None
    flag_label: str | None = None
    flag_symbol: str | None = None
    lsi_pct: float | None = None
    lsi_pass: bool | None = None
    left_nm: float | None = None
    right_nm: float | None = None
    left_n_per_kg: float | None = None
    right_n_per_kg: float | None = None
    left_nm_per_kg: float | None = None
    right_nm_per_kg: float | None = None
    cv_left_pct: float | None = None
    cv_right_pct: float | None = None
    cv_left_exceeds: bool | None = None
    cv_right_exceeds: bool | None = None
    left_lever_m: float | None = None
    right_lever_m: float | None = None
    # Where each side's lever arm came from (hiptrack.domain.provenance), and for each field that
    # rests on a typical lever or a carried-forward mass, why: {"left_nm": "rests on a typical …"}.
    lever: dict[str, Any] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    norm: dict[str, Any] = field(default_factory=dict)
    change: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def key(self) -> RowKey:
        """Which test this row is, the same across visits: (muscle, position, method)."""
        return self.muscle, self.position, self.method

    def side_value(self, side: str, stem: str, display_unit: str = "N") -> float | None:
        """One side's `stem` field ("n", "nm", "n_per_kg", "nm_per_kg"); a force ("n") in
        `display_unit`, converted from the newtons it is stored in."""
        value = getattr(self, f"{side}_{stem}")
        if value is None:
            return None
        return from_newtons(value, display_unit) if stem == "n" else float(value)

    def mark(self, field_name: str) -> str:
        """"†" after a value that rests on a typical lever arm or a carried-forward mass, else ""."""
        return PROVENANCE_MARK if field_name in self.marks else ""

    def change_mark(self, change: Mapping[str, Any] | None) -> str:
        return PROVENANCE_MARK if change and change.get("marks") else ""

    def mark_notes(self) -> list[str]:
        """One line per marked value, for the notes under a table: "† Left torque: rests on …"."""
        lines: list[str] = [Phrase("{mark} {what}: {why}", mark=PROVENANCE_MARK, what=MARKED_FIELDS.get(name, name),
                                   why=why) for name, why in self.marks.items()]
        for kind in ("previous", "baseline"):
            for side, change in (self.change.get(kind) or {}).items():
                what = CHANGE_AGAINST.get((side, kind), f"{side.capitalize()} change vs {kind}")
                basis = (change or {}).get("basis")
                if basis and (line := Phrase("{what}: {why}", what=what, why=basis)) not in lines:
                    lines.append(line)  # not a mark: a measured lever change, said in words
                for why in (change or {}).get("marks") or ():
                    line = Phrase("{mark} {what}: {why}", mark=PROVENANCE_MARK, what=what, why=why)
                    if line not in lines:
                        lines.append(line)
        return lines


@dataclass
class VisitSummary:
    date: dt.date
    body_mass_kg: float | None
    muscles: list[MuscleSummary]
    visit_id: int | None = None
    body_mass: Provenance | None = None  # where the mass used came from, and its date
    body_mass_stale: bool = False  # older than the clinic's limit
    complete: bool = True  # False: the battery is unfinished (see VisitFacts.complete)

    @property
    def body_mass_note(self) -> str | None:
        """The mass's source in words for screens and reports; None when it was weighed today."""
        if self.body_mass is None or self.body_mass_kg is None:
            return None
        if self.body_mass.source is Source.MEASURED and self.body_mass.measured_on in (None, self.date):
            return None
        if self.body_mass_stale:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "{source} — older than the clinic's limit: weigh the patient"),
                          source=self.body_mass.text(self.date))
        return self.body_mass.text(self.date)

    def to_json_dict(self) -> dict[str, Any]:
        mass = self.body_mass
        return {
            "visit_id": self.visit_id,
            "date": self.date.isoformat(),
            "complete": self.complete,
            "body_mass_kg": self.body_mass_kg,
            "body_mass_measured_on": mass.measured_on.isoformat() if mass and mass.measured_on else None,
            "body_mass_source": mass.source.value if mass else None,
            "body_mass_stale": self.body_mass_stale,
            "body_mass_note": self.body_mass_note,
            "muscles": [m.to_json_dict() for m in self.muscles],
        }


@dataclass
class PatientSummary:
    settings: SummarySettings
    visits: list[VisitSummary]

    @property
    def completed(self) -> list[VisitSummary]:
        """Finished visits only, oldest first: what "latest result", trends and documents use."""
        return [v for v in self.visits if v.complete]

    @property
    def latest_completed(self) -> VisitSummary | None:
        done = self.completed
        return done[-1] if done else None

    def to_json_dict(self) -> dict[str, Any]:
        return {"settings": self.settings.to_json_dict(), "visits": [v.to_json_dict() for v in self.visits]}


# --- helpers -------------------------------------------------------------------------------------

def _attempt(notes: list[str], compute: Callable[[], T]) -> T | None:
    """Run one calculation; a DomainError becomes a note on the row instead of stopping the summary."""
    try:
        return compute()
    except DomainError as exc:
        # A message raised as a Phrase (or a marked text) stays one, so the note can be translated.
        notes.append(message_of(exc))
        return None


def _group(visit: VisitFacts) -> dict[RowKey, dict[Side, TestFacts]]:
    """Tests by (muscle, position, method) and side. A later test of the same side replaces an
    earlier one (a re-test at the same visit), so trials of two set-ups are never pooled."""
    rows: dict[RowKey, dict[Side, TestFacts]] = {}
    for test in visit.tests:
        key = (parse_muscle(test.muscle).value, test.position, parse_method(test.method).value)
        rows.setdefault(key, {})[parse_side(test.side)] = test
    return rows


def _side_result(test: TestFacts | None, primary: ScoreMethod, notes: list[str], side: Side,
                 on: dt.date) -> _SideResult | None:
    if test is None or not test.forces_n:
        notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "No accepted {side} trials"), side=SIDE_WORDS[side.value]))
        return None
    for note in test.trial_notes:
        notes.append(Phrase("{side} {note}", side=SIDE_TITLES[side.value], note=note))
    stats = trial_stats(test.forces_n)
    score = stats.max if primary is ScoreMethod.MAX else stats.mean
    lever = lever_provenance(test.lever_source, test.lever_measured_on, on) if test.lever_arm_m is not None else None
    return _SideResult(score, stats, test.lever_arm_m, lever)


def mdc_for(position: str, settings: SummarySettings) -> tuple[float | None, str, str]:
    """(MDC, unit, source) for a position: the clinic's own figures first, then the default."""
    own = settings.reliability.get(position)
    if own is not None:
        return mdc_from_sd_icc(own.sd, own.icc), own.unit, Phrase(
            QT_TRANSLATE_NOOP("Labels", "clinic: SD {sd:g} {unit}, ICC {icc:g}"), sd=own.sd, unit=own.unit, icc=own.icc)
    default = default_for(position)
    if default is None or default.mdc is None:
        return None, "N", ""
    return default.mdc, default.unit, Phrase("{source} ({note})", source=default.source, note=default.note)


def _change(before: _SideResult, after: _SideResult, position: str, settings: SummarySettings) -> ChangeAssessment:
    """Δ between two visits, judged against the MDC of the position.

    The change is taken in N·m when the MDC is in N·m, and whenever the lever arm differs between
    the visits: the same force at another pad position is another torque, so force alone would
    call a set-up change a strength change (issue 11)."""
    mdc, unit, source = mdc_for(position, settings)
    levers_differ = (before.lever_m is not None and after.lever_m is not None
                     and abs(before.lever_m - after.lever_m) > _LEVER_TOLERANCE_M)
    if not levers_differ and not (mdc is not None and unit == "Nm"):
        return assess_change(before.score_n, after.score_n, mdc, "N", source)
    if before.lever_m is None or after.lever_m is None:
        plain = assess_change(before.score_n, after.score_n, None, "N")
        return replace(plain, source=source,
                       reason=QT_TRANSLATE_NOOP("Labels", "lever arm missing: the MDC for this position is in N·m"))
    if mdc is not None and unit == "N":
        mdc *= after.lever_m  # the clinic's SD in N, as N·m at this visit's lever (clinical.md §2.5)
        source = Phrase(QT_TRANSLATE_NOOP("Labels", "{source}; converted to N·m with the lever arm of this visit "
                                                    "({lever:g} m)"), source=source, lever=after.lever_m)
    result = assess_change(torque_nm(before.score_n, before.lever_m), torque_nm(after.score_n, after.lever_m),
                           mdc, "Nm", source)
    if levers_differ:
        result = replace(result, basis=Phrase(
            QT_TRANSLATE_NOOP("Labels", "lever arm {before:g} m then {after:g} m: judged on torque"),
            before=before.lever_m, after=after.lever_m))
    return result


def _norm(
    patient: PatientFacts, visit: VisitFacts, key: RowKey, side: _SideResult | None, settings: SummarySettings
) -> dict[str, Any] | None:
    if side is None:
        return None
    if settings.norms is None:
        return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "norm tables not loaded")).to_json_dict()
    muscle, position, method = key
    result = evaluate_norm(
        settings.norms,
        action=ACTION_OF[parse_muscle(muscle)].value,
        position=position,
        method=method,
        sex=patient.sex,
        age_years=age_on(patient.date_of_birth, visit.date),
        height_m=patient.height_m,
        mass_kg=visit.body_mass_kg,
        force_n=side.score_n,
        lever_m=side.lever_m,
    )
    return result.to_json_dict()


# --- the summary ---------------------------------------------------------------------------------

def _fill_side_fields(row: MuscleSummary, side: Side, result: _SideResult, visit: VisitFacts,
                      settings: SummarySettings) -> None:
    prefix = side.value
    notes = row.notes
    setattr(row, f"{prefix}_n", result.score_n)
    setattr(row, f"{prefix}_trials", result.stats.n)
    setattr(row, f"cv_{prefix}_pct", result.stats.cv_pct)
    setattr(row, f"cv_{prefix}_exceeds", cv_exceeds(result.stats, settings.cv_limit_pct))
    setattr(row, f"{prefix}_lever_m", result.lever_m)
    row.lever[prefix] = result.lever.to_json_dict(visit.date) if result.lever else None
    _mark_side(row, prefix, result, visit, settings)
    if visit.body_mass_kg is None:
        if f"Body mass is missing for {visit.date.isoformat()}" not in " ".join(notes):
            notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass is missing for {date}: N/kg and Nm/kg are not "
                                                            "computed"), date=visit.date))
    else:
        setattr(row, f"{prefix}_n_per_kg", _attempt(notes, lambda: n_per_kg(result.score_n, visit.body_mass_kg,
                                                                           visit.date)))
    if result.lever_m is None:
        notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Lever arm missing on the {side} side: torque and Nm/kg are "
                                                        "not computed"), side=SIDE_WORDS[prefix]))
        return
    setattr(row, f"{prefix}_nm", _attempt(notes, lambda: torque_nm(result.score_n, result.lever_m)))
    if visit.body_mass_kg is not None:
        setattr(row, f"{prefix}_nm_per_kg", _attempt(
            notes, lambda: nm_per_kg(result.score_n, result.lever_m, visit.body_mass_kg, visit.date)))


# Lever arms are stored to the millimetre; closer than this they are the same set-up.
_LEVER_TOLERANCE_M = 0.0005


def _compared_quantity(left: _SideResult, right: _SideResult, notes: list[str]) -> tuple[str, float, float]:
    """Which quantity the two sides are compared on, and its two values.

    Force compares the sides fairly only when the pad sat at the same distance from the joint;
    with 200 N at 0.35 m and 200 N at 0.45 m the hips produced 70 and 90 N·m (issue 11 item 5).
    So torque is compared whenever the lever arms differ; force otherwise (the same ratio then).
    """
    if left.lever_m is not None and right.lever_m is not None:
        if abs(left.lever_m - right.lever_m) > _LEVER_TOLERANCE_M:
            notes.append(Phrase(QT_TRANSLATE_NOOP("Labels", "The lever arms differ (left {left:g} m, right {right:g} m): "
                                                            "asymmetry and LSI compare torque, not force"),
                                left=left.lever_m, right=right.lever_m))
            return "torque", torque_nm(left.score_n, left.lever_m), torque_nm(right.score_n, right.lever_m)
        return "force", left.score_n, right.score_n
    if left.lever_m is not None or right.lever_m is not None:
        notes.append(QT_TRANSLATE_NOOP("Labels", "A lever arm is missing on one side: asymmetry and LSI compare force, "
                                                 "which is fair only if the pad was at the same distance from the hip on "
                                                 "both sides"))
    return "force", left.score_n, right.score_n


def _fill_pair_fields(row: MuscleSummary, patient: PatientFacts, left: _SideResult, right: _SideResult,
                      settings: SummarySettings) -> None:
    notes = row.notes
    compared = _attempt(notes, lambda: _compared_quantity(left, right, notes))
    if compared is None:
        return
    basis, lv, rv = compared
    if basis == "torque":
        for side_result in (left, right):
            mark = lever_mark(side_result.lever, side_result.lever_m)
            _add_mark(row, "asymmetry_pct", mark)
            _add_mark(row, "lsi_pct", mark)
    asym = _attempt(notes, lambda: percent_difference(lv, rv, settings.thresholds))
    if asym is not None:
        row.asymmetry_pct, row.asymmetry_basis = asym.pct, basis
        row.weaker_side = asym.weaker_side.value if asym.weaker_side else None
        row.flag, row.flag_label, row.flag_symbol = asym.flag.colour, asym.label, asym.flag.symbol
        row.signed_asymmetry_pct = signed_asymmetry(lv, rv)
    lsi = _attempt(notes, lambda: limb_symmetry_index(lv, rv, patient.involved_side, settings.lsi_pass_pct))
    if lsi is not None:
        row.lsi_pct, row.lsi_pass = lsi.pct, lsi.passed
    elif patient.involved_side in (None, "", "both"):
        notes.append(QT_TRANSLATE_NOOP("Labels", "Involved side not set (or both): LSI is not computed"))


def _visit_mass(visit: VisitFacts) -> Provenance | None:
    if visit.body_mass_kg is None:
        return None
    return mass_provenance(visit.body_mass_on or visit.date, visit.body_mass_source, visit.date)


def _add_mark(row: MuscleSummary, field_name: str, mark: str | None) -> None:
    if mark:
        row.marks[field_name] = (Phrase("{first}; {second}", first=row.marks[field_name], second=mark)
                                 if field_name in row.marks else mark)


def _mark_side(row: MuscleSummary, prefix: str, result: _SideResult, visit: VisitFacts,
               settings: SummarySettings) -> None:
    """Mark each value of one side that rests on a typical lever arm or a carried-forward mass."""
    lever = lever_mark(result.lever, result.lever_m)
    mass = mass_mark(_visit_mass(visit), visit.date, settings.mass_max_age_days)
    for field_name, mark in ((f"{prefix}_nm", lever), (f"{prefix}_nm_per_kg", lever),
                             (f"{prefix}_n_per_kg", mass), (f"{prefix}_nm_per_kg", mass)):
        _add_mark(row, field_name, mark)


def _row(patient: PatientFacts, visit: VisitFacts, key: RowKey, sides: dict[Side, _SideResult | None],
         settings: SummarySettings, notes: list[str]) -> MuscleSummary:
    muscle, position, method = key
    row = MuscleSummary(muscle=muscle, action=ACTION_OF[parse_muscle(muscle)].value, position=position,
                        method=method, notes=notes)
    for side in Side:
        result = sides[side]
        if result is not None:
            _fill_side_fields(row, side, result, visit, settings)
    left, right = sides[Side.LEFT], sides[Side.RIGHT]
    if left is not None and right is not None:
        _fill_pair_fields(row, patient, left, right, settings)
    for side in Side:
        result = sides[side]
        row.norm[side.value] = _attempt(notes, partial(_norm, patient, visit, key, result, settings))
        if (row.norm[side.value] or {}).get("available"):
            # A norm compares torque or Nm/kg: it rests on whatever those rest on.
            _add_mark(row, f"norm_{side.value}", row.marks.get(f"{side.value}_nm_per_kg"))
    return row


def summarise(patient: PatientFacts, visits: Sequence[VisitFacts],
              settings: SummarySettings | None = None) -> PatientSummary:
    """Results per visit (oldest first) and per muscle/position/method, with changes."""
    cfg = settings or SummarySettings()
    ordered = sorted(visits, key=lambda v: v.date)
    # History per row key and side: (visit date, result), oldest first, for the change fields.
    history: dict[tuple[RowKey, Side], list[tuple[dt.date, _SideResult]]] = {}
    out: list[VisitSummary] = []
    for visit in ordered:
        rows: list[MuscleSummary] = []
        for key, tests in sorted(_group(visit).items(), key=_row_order):
            notes: list[str] = []
            sides = _sides_of(tests, cfg.primary, notes, visit.date)
            row = _row(patient, visit, key, sides, cfg, notes)
            row.change = {"previous": {}, "baseline": {}}
            if not visit.complete:
                notes.append(QT_TRANSLATE_NOOP("Labels", "Unfinished visit: not compared with earlier visits until the "
                                                         "battery is finished"))
            for side in Side:
                current = sides[side] if visit.complete else None
                past = history.get((key, side), [])
                prev = _compare(past[-1] if past else None, current, key[1], cfg, notes)
                # With one earlier visit, the previous visit is the baseline: compute it once.
                base = prev if len(past) <= 1 else _compare(past[0], current, key[1], cfg, notes)
                row.change["previous"][side.value] = prev
                row.change["baseline"][side.value] = base
                if current is not None:
                    history.setdefault((key, side), []).append((visit.date, current))
            rows.append(row)
        mass = _visit_mass(visit)
        out.append(VisitSummary(visit.date, visit.body_mass_kg, rows, visit.visit_id, mass,
                                mass is not None and mass_is_stale(mass, visit.date, cfg.mass_max_age_days),
                                visit.complete))
    return PatientSummary(cfg, out)


def _row_order(item: tuple[RowKey, Any]) -> tuple[int, str, str]:
    """Muscles in battery order (gluteus medius first), then position and method."""
    muscle, position, method = item[0]
    return list(Muscle).index(Muscle(muscle)), position, method


def _sides_of(tests: dict[Side, TestFacts], primary: ScoreMethod, notes: list[str],
              on: dt.date) -> dict[Side, _SideResult | None]:
    sides: dict[Side, _SideResult | None] = {}
    for side in Side:
        test = tests.get(side)
        sides[side] = _attempt(notes, partial(_side_result, test, primary, notes, side, on))
    return sides


def _compare(earlier: tuple[dt.date, _SideResult] | None, current: _SideResult | None, position: str,
             settings: SummarySettings, notes: list[str]) -> dict[str, Any] | None:
    if earlier is None or current is None:
        return None
    date, before = earlier
    assessment = _attempt(notes, lambda: _change(before, current, position, settings))
    if assessment is None:
        return None
    marks = []
    if assessment.unit == "Nm":
        for label, result in ((date, before), (QT_TRANSLATE_NOOP("Labels", "this visit"), current)):
            if (mark := lever_mark(result.lever, result.lever_m)) is not None:
                marks.append(Phrase("{when}: {mark}", when=label, mark=mark))
        typical = [r for r in (before, current) if r.lever is not None and r.lever.is_default]
        if typical and assessment.beyond_mdc is not None:
            # A torque change built on a lever nobody measured is not evidence of a strength change.
            assessment = replace(assessment, beyond_mdc=None,
                                 reason=QT_TRANSLATE_NOOP("Labels", "a lever arm was a typical value, not measured: "
                                                                    "the change in torque is not judged against the MDC"))
    return {"against": date.isoformat(), **assessment.to_json_dict(), "marks": marks}
