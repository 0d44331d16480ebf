"""Normative comparisons: Ramskov 2014 (hip abduction, z-score) and Harbo 2012 (hip extension,
% predicted). Reference rows live in db/reference/norms_*.csv, each citing its source.

Rules (issues 3 and 11; clinical.md §6; real-world.md §2):
- A norm applies only where the reference's device, contraction type, position and age range all
  match the test. Anything else gets `NormResult.no_reference(reason)`: nothing is guessed,
  positions are never mixed and nothing is extrapolated beyond the sample's ages.
- Every hiptrack test is a hand-held dynamometer test (device "hhd"); a make test is isometric and
  a break test eccentric (CONTRACTION_OF_METHOD). Harbo 2012 was measured concentrically on a
  Biodex, so its equations never apply to a hiptrack test: they stay in the table, cited, so the
  answer says why there is no reference rather than silently finding none.
- Anything the equation needs (sex, age, height, body mass, lever arm) that is missing also gives
  "no reference", with the reason.

Ramskov 2014 (Int J Sports Phys Ther 9(1):68–75, PMID 24567857): expected Nm/kg = 1.600 − 0.005 ×
age + 0.215 × sex (male = 1), residual SD 0.354; z = (observed − expected) / 0.354 (§2.5);
percentile from the normal CDF. Harbo 2012 (Eur J Appl Physiol 112:267–275, doi
10.1007/s00421-011-1975-3): predicted Nm = I + A·age + H·height(m) + W·mass(kg); % predicted =
observed / predicted × 100, bands <90 / 90–110 / >110 (dambach/app_strength-Harbo).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.jsonview import field_values
from hiptrack.domain.normalise import check_lever, check_mass
from hiptrack.domain.positions import METHOD_WORDS, POSITIONS
from hiptrack.domain.references import short_citation
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, joined
from hiptrack.domain.units import check_finite, check_force

# §6.5: the spread of strength norms is wide (CV 20–30 %), so only a clearly low z is marked.
LOW_Z = -1.5
HARBO_LOW_PCT = 90.0
HARBO_HIGH_PCT = 110.0

HHD = "hhd"
# A make test holds the limb still (isometric); in a break test the tester overcomes the patient,
# so the muscle lengthens while it resists (eccentric-type; clinical.md §4, Make vs break).
CONTRACTION_OF_METHOD = {"make": "isometric", "break": "eccentric"}
# The words the reasons below are made of, marked for translation where a reason is shown.
DEVICE_TITLES = {HHD: QT_TRANSLATE_NOOP("Labels", "a hand-held dynamometer"),
                 "isokinetic_dynamometer": QT_TRANSLATE_NOOP("Labels", "an isokinetic dynamometer")}
CONTRACTION_WORDS = {"isometric": QT_TRANSLATE_NOOP("Labels", "isometric"),
                     "eccentric": QT_TRANSLATE_NOOP("Labels", "eccentric"),
                     "concentric": QT_TRANSLATE_NOOP("Labels", "concentric")}
ACTION_WORDS = {"hip_abduction": QT_TRANSLATE_NOOP("Labels", "hip abduction"),
                "hip_extension": QT_TRANSLATE_NOOP("Labels", "hip extension")}
NO_REFERENCE = QT_TRANSLATE_NOOP("Labels", "no reference: {reason}")
# A comparison's band is a code the screens test for and a word the reader sees.
BELOW, WITHIN, ABOVE = (QT_TRANSLATE_NOOP("Labels", "below"), QT_TRANSLATE_NOOP("Labels", "within"),
                        QT_TRANSLATE_NOOP("Labels", "above"))


@dataclass(frozen=True)
class RamskovNorm:
    norm_id: str
    action: str
    intercept: float
    age_coef: float
    male_coef: float
    residual_sd: float
    device: str
    contraction: str
    methods: frozenset[str]
    positions: frozenset[str]
    age_min: float | None
    age_max: float | None
    source: str
    doi: str
    pmid: str
    caveat: str

    def expected(self, age_years: float, sex: str) -> float:
        """Expected Nm/kg; woman 40 → 1.400, man 40 → 1.615, woman 60 → 1.300 (clinical.md §6.1)."""
        male = 1.0 if _sex(sex) == "male" else 0.0
        return self.intercept + self.age_coef * age_years + self.male_coef * male


@dataclass(frozen=True)
class HarboNorm:
    norm_id: str
    action: str
    sex: str
    intercept: float
    age_coef: float
    height_coef_per_m: float
    mass_coef_per_kg: float
    device: str
    contraction: str
    methods: frozenset[str]
    positions: frozenset[str]
    age_min: float | None
    age_max: float | None
    source: str
    doi: str
    caveat: str

    def predicted(self, age_years: float, height_m: float, mass_kg: float) -> float:
        """Predicted Nm; man 40 y 1.80 m 80 kg → 188.0 (clinical.md §6.3)."""
        return (self.intercept + self.age_coef * age_years + self.height_coef_per_m * height_m
                + self.mass_coef_per_kg * mass_kg)


@dataclass(frozen=True)
class NormTables:
    ramskov: tuple[RamskovNorm, ...] = ()
    harbo: tuple[HarboNorm, ...] = ()


@dataclass(frozen=True)
class NormResult:
    """Either a comparison (`available`) or an explicit reason why there is none."""

    available: bool
    kind: str | None = None  # "z_score" or "percent_predicted"
    norm_id: str | None = None
    observed: float | None = None
    expected: float | None = None
    unit: str | None = None
    z: float | None = None
    percentile: float | None = None
    percent_predicted: float | None = None
    band: str | None = None
    source: str | None = None
    doi: str | None = None
    caveat: str | None = None
    reason: str | None = None

    @classmethod
    def no_reference(cls, reason: str) -> NormResult:
        return cls(available=False, reason=Phrase(NO_REFERENCE, reason=reason))

    def to_json_dict(self) -> dict[str, Any]:
        return field_values(self)


def bare_reason(reason: str | None) -> str:
    """A "no reference" reason without its "no reference: " lead, for a screen that says "no
    reference" itself: "age unknown" (still a marked text or Phrase, so label() translates it)."""
    if isinstance(reason, Phrase) and reason.template == NO_REFERENCE:
        inner = reason.values.get("reason")
        return inner if isinstance(inner, str) else str(inner)
    return (reason or "").removeprefix("no reference: ").removeprefix("no reference")


# --- loading -------------------------------------------------------------------------------------

def _split(cell: str) -> frozenset[str]:
    return frozenset(part.strip() for part in cell.split("|") if part.strip())


def _optional_float(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


def _rows(path: Path | str) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise DomainError(f"Norm table {path} cannot be read: {exc.strerror}") from None


def load_ramskov(path: Path | str) -> tuple[RamskovNorm, ...]:
    try:
        return tuple(
            RamskovNorm(
                norm_id=r["norm_id"], action=r["action"], intercept=float(r["intercept"]),
                age_coef=float(r["age_coef"]), male_coef=float(r["male_coef"]),
                residual_sd=float(r["residual_sd"]), device=r["device"].strip(),
                contraction=r["contraction"].strip(), methods=_split(r["methods"]),
                positions=_split(r["positions"]), age_min=_optional_float(r["age_min"]),
                age_max=_optional_float(r["age_max"]), source=r["source"], doi=r["doi"], pmid=r["pmid"],
                caveat=r["caveat"],
            )
            for r in _rows(path)
        )
    except (KeyError, ValueError) as exc:
        raise DomainError(f"Norm table {path} is malformed: {exc}") from None


def load_harbo(path: Path | str) -> tuple[HarboNorm, ...]:
    try:
        return tuple(
            HarboNorm(
                norm_id=r["norm_id"], action=r["action"], sex=_sex(r["sex"]) or "",
                intercept=float(r["intercept"]), age_coef=float(r["age_coef"]),
                height_coef_per_m=float(r["height_coef_per_m"]), mass_coef_per_kg=float(r["mass_coef_per_kg"]),
                device=r["device"].strip(), contraction=r["contraction"].strip(), methods=_split(r["methods"]), positions=_split(r["positions"]),
                age_min=_optional_float(r["age_min"]), age_max=_optional_float(r["age_max"]),
                source=r["source"], doi=r["doi"], caveat=r["caveat"],
            )
            for r in _rows(path)
        )
    except (KeyError, ValueError) as exc:
        raise DomainError(f"Norm table {path} is malformed: {exc}") from None


def load_norm_tables(ramskov_path: Path | str, harbo_path: Path | str) -> NormTables:
    return NormTables(ramskov=load_ramskov(ramskov_path), harbo=load_harbo(harbo_path))


def load_default_norm_tables() -> NormTables:
    """The shipped tables, found through hiptrack.paths (which imports no Qt)."""
    from hiptrack.paths import resource_path

    return load_norm_tables(
        resource_path("db", "reference", "norms_ramskov2014.csv"),
        resource_path("db", "reference", "norms_harbo2012.csv"),
    )


# --- helpers -------------------------------------------------------------------------------------

def _sex(value: str | None) -> str | None:
    text = (value or "").strip().lower()
    return {"male": "male", "m": "male", "female": "female", "f": "female"}.get(text)


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Age in completed years on a date (the regressions use age in years)."""
    if on < date_of_birth:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Test date {test} is before the date of birth {birth}"),
                                 test=on, birth=date_of_birth))
    had_birthday = (on.month, on.day) >= (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - (0 if had_birthday else 1)


def normal_percentile(z: float) -> float:
    """Percentile of z under the standard normal distribution: 50 × (1 + erf(z / √2))."""
    return 50.0 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _ages(age_min: float | None, age_max: float | None) -> str:
    any_age = QT_TRANSLATE_NOOP("Labels", "any age")
    return Phrase("{low}–{high}", low=any_age if age_min is None else Phrase("{age:g}", age=age_min),
                  high=any_age if age_max is None else Phrase("{age:g}", age=age_max))


def _label(norm: RamskovNorm | HarboNorm) -> str:
    """How a reason names a norm: its short citation ("Ramskov 2014"), never its table id."""
    return short_citation(norm.source) or QT_TRANSLATE_NOOP("Labels", "the norm")


def _word(words: dict[str, str], code: str) -> str:
    return words.get(code, code)


def _mismatch(norm: RamskovNorm | HarboNorm, device: str, position: str, method: str, age: float) -> str | None:
    """Why a norm does not apply to this test, or None when device, contraction, position, method
    and age all match. Checked in that order so the reason names the most basic difference."""
    label = _label(norm)
    if norm.device != device:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{norm} was measured on {norm_device} ({contraction}), not {device}"),
                      norm=label, norm_device=_word(DEVICE_TITLES, norm.device),
                      contraction=_word(CONTRACTION_WORDS, norm.contraction), device=_word(DEVICE_TITLES, device))
    contraction = CONTRACTION_OF_METHOD.get(method)
    if norm.contraction != contraction:
        # English needs "an isometric" but "a concentric": two sentences, as a translator sees them.
        template = (QT_TRANSLATE_NOOP("Labels", "{norm} is an {contraction} test; a {method} test is {method_contraction}")
                    if norm.contraction[:1] in "aeiou" else
                    QT_TRANSLATE_NOOP("Labels", "{norm} is a {contraction} test; a {method} test is {method_contraction}"))
        return Phrase(template, norm=label, contraction=_word(CONTRACTION_WORDS, norm.contraction),
                      method=_word(METHOD_WORDS, method),
                      method_contraction=_word(CONTRACTION_WORDS, contraction) if contraction
                      else QT_TRANSLATE_NOOP("Labels", "unknown"))
    if position not in norm.positions:
        title = POSITIONS[position].title if position in POSITIONS else QT_TRANSLATE_NOOP("Labels", "this test position")
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{norm} has no norm for this position ({position})"),
                      norm=label, position=title)
    if method not in norm.methods:
        methods = joined("/", [_word(METHOD_WORDS, m) for m in sorted(norm.methods)])
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{norm} was measured with a {methods} test, not {method}"),
                      norm=label, methods=methods, method=_word(METHOD_WORDS, method))
    if (norm.age_min is not None and age < norm.age_min) or (norm.age_max is not None and age > norm.age_max):
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{norm}: age {age:g} is outside the sample's {ages} years"),
                      norm=label, age=age, ages=_ages(norm.age_min, norm.age_max))
    return None


# --- evaluation ----------------------------------------------------------------------------------

def ramskov_result(norm: RamskovNorm, observed_nm_per_kg: float, age_years: float, sex: str) -> NormResult:
    """Expected, z and percentile for an observed Nm/kg (clinical.md §6.1: woman 40, 1.05 → z −0.989)."""
    observed = check_finite(observed_nm_per_kg, "Observed Nm/kg")
    if _sex(sex) is None:
        return NormResult.no_reference(Phrase(QT_TRANSLATE_NOOP("Labels", "{norm} is defined for female and male only"),
                                              norm=_label(norm)))
    expected = norm.expected(age_years, sex)
    z = (observed - expected) / norm.residual_sd
    return NormResult(
        available=True, kind="z_score", norm_id=norm.norm_id, observed=observed, expected=expected,
        unit="Nm/kg", z=z, percentile=normal_percentile(z), band=BELOW if z < LOW_Z else WITHIN,
        source=norm.source, doi=norm.doi or None, caveat=norm.caveat or None,
    )


def harbo_result(norm: HarboNorm, observed_nm: float, age_years: float, height_m: float, mass_kg: float) -> NormResult:
    """% predicted (clinical.md §6.3: 150 Nm against 188.0 → 79.8 %, below)."""
    observed = check_finite(observed_nm, "Observed torque")
    predicted = norm.predicted(age_years, height_m, mass_kg)
    if predicted <= 0:
        # Far outside the sample the equation came from; a ratio against it means nothing.
        return NormResult.no_reference(Phrase(QT_TRANSLATE_NOOP("Labels", "{norm} predicts {nm:.1f} Nm for this patient"),
                                              norm=_label(norm), nm=predicted))
    pct = observed * 100.0 / predicted
    band = BELOW if pct < HARBO_LOW_PCT else (ABOVE if pct > HARBO_HIGH_PCT else WITHIN)
    return NormResult(
        available=True, kind="percent_predicted", norm_id=norm.norm_id, observed=observed,
        expected=predicted, unit="Nm", percent_predicted=pct, band=band, source=norm.source,
        doi=norm.doi or None, caveat=norm.caveat or None,
    )


def evaluate_norm(
    tables: NormTables,
    *,
    action: str,
    position: str,
    method: str,
    sex: str | None,
    age_years: float | None,
    height_m: float | None,
    mass_kg: float | None,
    force_n: float,
    lever_m: float | None,
    device: str = HHD,
) -> NormResult:
    """The norm comparison for one side's primary force, or "no reference" with the reason.
    `device` is the kind of instrument the test used; every hiptrack test is hand-held."""
    force = check_force(force_n)
    if age_years is None:
        return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "age unknown"))
    if sex is None or not sex.strip():
        # Both equations depend on sex; a guess would pick the wrong one for half the patients.
        return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "sex not recorded (set it in the patient's details)"))
    for r in tables.ramskov:
        if r.action != action:
            continue
        if (why := _mismatch(r, device, position, method, age_years)) is not None:
            return NormResult.no_reference(why)
        if mass_kg is None or lever_m is None:
            return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "Nm/kg needs body mass and lever arm"))
        observed = force * check_lever(lever_m) / check_mass(mass_kg, what="Nm/kg")
        return ramskov_result(r, observed, age_years, sex or "")
    candidates = [h for h in tables.harbo if h.action == action]
    if candidates:
        sex_key = _sex(sex)
        if sex_key is None:
            return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "the Harbo equations are defined for female and "
                                                                       "male only"))
        for h in candidates:
            if h.sex != sex_key:
                continue
            if (why := _mismatch(h, device, position, method, age_years)) is not None:
                return NormResult.no_reference(why)
            if height_m is None or mass_kg is None or lever_m is None:
                return NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "% predicted needs height, body mass and "
                                                                           "lever arm"))
            observed = force * check_lever(lever_m)
            return harbo_result(h, observed, age_years, check_finite(height_m, "Height"), check_mass(mass_kg))
    return NormResult.no_reference(Phrase(QT_TRANSLATE_NOOP("Labels", "no published norm for {action}"),
                                          action=ACTION_WORDS.get(action, action.replace("_", " "))))
