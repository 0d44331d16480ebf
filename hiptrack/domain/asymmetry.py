"""Side-to-side comparison: % difference with the weaker side named, the signed convention, LSI.

Formulas (clinical.md §2.4):
- % difference = (stronger − weaker) / stronger × 100, weaker side named (isokinetic bilateral
  deficit; Bishop: add direction without changing magnitude).
- signed = (R − L) / max(L, R) × 100 (VALD DynaMo, inferred from one KB example [weak]).
- LSI = involved / uninvolved × 100, pass ≥ 90 % (BJSM 2025; Jordan & Bishop 2024).

Bands. The product rule is the issue's: "green below 10%, amber from 10% to below 20%, and red
from 20% up" (issue 3), so by default both edges are inclusive: 10.0 is amber and 20.0 is red.
clinical.md §2.4 (a [design] note, not a test vector) reads Sapega's "<10 / 10–20 / >20" as making
20.0 amber, and HumanTrak's "red >25%" as making 25.0 amber. Both readings agree at 10.0 (amber,
pair B); they differ only at exactly the red figure. We follow the issue, which is also how the
clinic setting is worded ("Asymmetry red from (%)", hiptrack.settings), and keep the sources'
reading one switch away: the clinic setting "Asymmetry exactly at the red figure"
(hiptrack.settings.ASYMMETRY_RED_EDGE → `thresholds_from(amber, red, red_includes_edge=False)`).

Labels never say "abnormal": fixed cut-offs are poorly supported (Bohannon & Andrews 1999 found
healthy side differences of 23–40 %; clinical.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from typing import Any

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import check_finite

# Absorbs binary floating-point error only (e.g. 20.000000000000004), far below any force
# difference a dynamometer can resolve, so "compare unrounded values" (§2.4) still holds.
_EDGE_TOLERANCE = 1e-9
DEFAULT_LSI_PASS_PCT = 90.0


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT

    @property
    def letter(self) -> str:
        return "L" if self is Side.LEFT else "R"


# Side names as people read them, inside a sentence and at its start; shown with label().
SIDE_WORDS: dict[str, str] = {"left": QT_TRANSLATE_NOOP("Labels", "left"),
                              "right": QT_TRANSLATE_NOOP("Labels", "right")}
SIDE_TITLES: dict[str, str] = {"left": QT_TRANSLATE_NOOP("Labels", "Left"),
                               "right": QT_TRANSLATE_NOOP("Labels", "Right")}


def parse_side(value: str | Side | None, what: str = "Side") -> Side:
    """A side from "left"/"right"/"L"/"R"; DomainError when missing or anything else."""
    if isinstance(value, Side):
        return value
    text = (value or "").strip().lower()
    mapping = {"left": Side.LEFT, "l": Side.LEFT, "right": Side.RIGHT, "r": Side.RIGHT}
    if text not in mapping:
        raise DomainError(f"{what} is missing or not left/right ({value!r})")
    return mapping[text]


class Flag(Enum):
    """Traffic-light band, carrying a word and a symbol so colour is never the only cue."""

    GREEN = ("green", "✓")
    AMBER = ("amber", "▲")
    RED = ("red", "■")

    def __init__(self, colour: str, symbol: str) -> None:
        self.colour = colour
        self.symbol = symbol

    def label(self, thresholds: AsymmetryThresholds) -> str:
        """Neutral wording, e.g. "difference < 10%", "difference ≥ 10%", "difference ≥ 20%"."""
        if self is Flag.GREEN:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "difference < {pct:g}%"), pct=thresholds.amber_pct)
        if self is Flag.AMBER:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "difference ≥ {pct:g}%"), pct=thresholds.amber_pct)
        if thresholds.red_includes_edge:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "difference ≥ {pct:g}%"), pct=thresholds.red_pct)
        return Phrase(QT_TRANSLATE_NOOP("Labels", "difference > {pct:g}%"), pct=thresholds.red_pct)


@dataclass(frozen=True)
class AsymmetryThresholds:
    """Amber from `amber_pct` (inclusive); red from `red_pct` (inclusive unless the source
    wording "> red" is chosen with red_includes_edge=False)."""

    amber_pct: float = 10.0
    red_pct: float = 20.0
    red_includes_edge: bool = True
    name: str = "custom"

    def __post_init__(self) -> None:
        check_finite(self.amber_pct, "Amber threshold")
        check_finite(self.red_pct, "Red threshold")
        if not 0 < self.amber_pct < self.red_pct:
            raise DomainError(
                f"Asymmetry thresholds must satisfy 0 < amber < red (got {self.amber_pct:g} / {self.red_pct:g} %)"
            )

    def flag_for(self, pct: float) -> Flag:
        if pct > self.red_pct + _EDGE_TOLERANCE or (
            self.red_includes_edge and pct >= self.red_pct - _EDGE_TOLERANCE
        ):
            return Flag.RED
        if pct >= self.amber_pct - _EDGE_TOLERANCE:
            return Flag.AMBER
        return Flag.GREEN


# The clinic setting's preset choices (hiptrack.settings.ASYMMETRY_PRESETS) are built from these.
SAPEGA_10_20 = AsymmetryThresholds(10.0, 20.0, name="sapega_10_20")  # Sapega 1990 via isokinetic.net
T_10_15 = AsymmetryThresholds(10.0, 15.0, name="moderate_10_15")  # older sports literature (Bishop 2018)
HUMANTRAK_10_25 = AsymmetryThresholds(10.0, 25.0, name="humantrak_10_25")  # VALD HumanTrak
PRESETS: dict[str, AsymmetryThresholds] = {p.name: p for p in (SAPEGA_10_20, T_10_15, HUMANTRAK_10_25)}
DEFAULT_THRESHOLDS = SAPEGA_10_20


def thresholds_from(amber_pct: float, red_pct: float, red_includes_edge: bool = True) -> AsymmetryThresholds:
    """The preset with these figures when there is one (keeps its name), else a custom pair; with
    the clinic's reading of the red edge (issue 11: the setting "Asymmetry exactly at the red figure")."""
    for preset in PRESETS.values():
        if preset.amber_pct == amber_pct and preset.red_pct == red_pct:
            return preset if preset.red_includes_edge == red_includes_edge else replace(
                preset, red_includes_edge=red_includes_edge)
    return AsymmetryThresholds(float(amber_pct), float(red_pct), red_includes_edge)


@dataclass(frozen=True)
class AsymmetryResult:
    pct: float
    weaker_side: Side | None  # None when both sides are exactly equal
    flag: Flag
    thresholds: AsymmetryThresholds

    @property
    def label(self) -> str:
        return self.flag.label(self.thresholds)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "pct": self.pct,
            "weaker_side": self.weaker_side.value if self.weaker_side else None,
            "flag": self.flag.colour,
            "flag_label": self.label,
            "flag_symbol": self.flag.symbol,
        }


def _side_value(value: float | None, side: Side) -> float:
    if value is None:
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "The {side} side is missing: asymmetry needs both sides"),
                                 side=SIDE_WORDS[side.value]))
    number = check_finite(value, f"{side.value.capitalize()} side")
    if number <= 0:
        raise DomainError(Phrase(
            QT_TRANSLATE_NOOP("Labels", "The {side} side is {value:g}: asymmetry needs values above zero on both sides"),
            side=SIDE_WORDS[side.value], value=number))
    return number


def percent_difference(
    left: float | None, right: float | None, thresholds: AsymmetryThresholds = DEFAULT_THRESHOLDS
) -> AsymmetryResult:
    """(stronger − weaker) / stronger × 100 with the weaker side named (clinical.md §2.4).

    Pair A (L 84.0, R 73.1) → 12.98 %, right weaker; pair B (L 200, R 180) → 10.00 %, amber.
    """
    lv, rv = _side_value(left, Side.LEFT), _side_value(right, Side.RIGHT)
    stronger, weaker = max(lv, rv), min(lv, rv)
    # Multiply before dividing: 20 × 100 / 200 is exactly 10.0, 20 / 200 × 100 is not.
    pct = (stronger - weaker) * 100.0 / stronger
    weaker_side = None if lv == rv else (Side.LEFT if lv < rv else Side.RIGHT)
    return AsymmetryResult(pct=pct, weaker_side=weaker_side, flag=thresholds.flag_for(pct), thresholds=thresholds)


def signed_asymmetry(left: float | None, right: float | None) -> float:
    """(R − L) / max(L, R) × 100, negative when the right is weaker (VALD-style, §2.4 [weak]).

    Pair A → −12.98 (VALD shows −13); pair B → −10.00.
    """
    lv, rv = _side_value(left, Side.LEFT), _side_value(right, Side.RIGHT)
    return (rv - lv) * 100.0 / max(lv, rv)


@dataclass(frozen=True)
class LsiResult:
    pct: float
    passed: bool
    involved_side: Side
    pass_pct: float

    def to_json_dict(self) -> dict[str, Any]:
        return {"pct": self.pct, "passed": self.passed, "involved_side": self.involved_side.value,
                "pass_pct": self.pass_pct}


def limb_symmetry_index(
    left: float | None,
    right: float | None,
    involved_side: str | Side | None,
    pass_pct: float = DEFAULT_LSI_PASS_PCT,
) -> LsiResult | None:
    """Involved / uninvolved × 100; None when the involved side is unknown or "both" (§2.4 design:
    LSI is then undefined and only the % difference is shown). Pass is LSI ≥ pass_pct.

    Pair A, right involved → 87.02 (fail); pair B, right involved → 90.00 (pass, boundary).
    """
    if involved_side is None or (isinstance(involved_side, str) and involved_side.strip().lower() in ("", "both")):
        return None
    involved = parse_side(involved_side, "Involved side")
    lv, rv = _side_value(left, Side.LEFT), _side_value(right, Side.RIGHT)
    inv, uninv = (lv, rv) if involved is Side.LEFT else (rv, lv)
    pct = inv * 100.0 / uninv
    check_finite(pass_pct, "LSI pass threshold")
    passed = pct >= pass_pct - _EDGE_TOLERANCE
    return LsiResult(pct=pct, passed=passed, involved_side=involved, pass_pct=pass_pct)

