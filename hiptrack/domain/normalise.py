"""Torque and body-mass normalisation (clinical.md §2.3).

τ [N·m] = F [N] × d [m], with d from the joint axis (greater trochanter) to the centre of the pad
(Krause 2007, PMID 17207673; Lafayette MMT manual, App. A). Body-mass normalisations: N/kg
(Kendall 2015), %BW = F / (m·g) × 100 (Bohannon 1997), Nm/kg (Ramskov 2014), allometric F / m^b
(Cerda Vega 2018, b ≈ 0.67 [weak: exponent not yet checked against the paper]).

g for %BW is fixed at standard gravity, 9.80665 m/s², the same constant that defines the kgf; the
often-printed 9.81 differs by 0.03 % (clinical.md §2.3 design note).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hiptrack.domain.errors import DomainError
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import STANDARD_GRAVITY, check_finite, check_force

LEVER_MIN_M = 0.05
LEVER_MAX_M = 1.2
DEFAULT_ALLOMETRIC_EXPONENT = 0.67


def check_lever(lever_m: float | None) -> float:
    """A lever arm in metres inside 0.05–1.2 m. Outside that range it was almost certainly typed
    in centimetres or inches, and a torque from it would be wrong by a factor of 10–100."""
    if lever_m is None:
        raise DomainError(QT_TRANSLATE_NOOP("Labels", "Lever arm is missing: torque cannot be computed without it"))
    lever = check_finite(lever_m, "Lever arm")
    if not LEVER_MIN_M <= lever <= LEVER_MAX_M:
        raise DomainError(Phrase(
            QT_TRANSLATE_NOOP("Labels", "Lever arm {lever:g} m is outside {low:g}–{high:g} m: enter it in metres "
                                        "(e.g. {example:g} for 35 cm)"),
            lever=lever, low=LEVER_MIN_M, high=LEVER_MAX_M, example=0.35))
    return lever


def check_mass(mass_kg: float | None, on: dt.date | None = None, what: str = "N/kg") -> float:
    """A body mass that can divide: present, finite and above zero."""
    if mass_kg is None:
        if on is None:
            raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass is missing: {what} cannot be computed"),
                                     what=what))
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass is missing for {date}: {what} cannot be computed"),
                                 date=on, what=what))
    mass = check_finite(mass_kg, "Body mass")
    if mass <= 0:
        if on is None:
            raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass is {mass:g} kg: it must be above zero for "
                                                                 "{what}"), mass=mass, what=what))
        raise DomainError(Phrase(QT_TRANSLATE_NOOP("Labels", "Body mass for {date} is {mass:g} kg: it must be above zero "
                                                             "for {what}"), date=on, mass=mass, what=what))
    return mass


def torque_nm(force_n: float, lever_m: float | None) -> float:
    """τ = F × d (clinical.md §2.3: 200 N × 0.35 m = 70.0 N·m)."""
    return check_force(force_n) * check_lever(lever_m)


def n_per_kg(force_n: float, mass_kg: float | None, on: dt.date | None = None) -> float:
    """F / m (VALD calculator; Kendall 2015): 200 N / 70 kg = 2.857 N/kg."""
    return check_force(force_n) / check_mass(mass_kg, on, "N/kg")


def percent_bw(force_n: float, mass_kg: float | None, on: dt.date | None = None) -> float:
    """F / (m × g) × 100 with g = 9.80665 (Bohannon 1997): 200 N, 70 kg → 29.13 %BW."""
    return check_force(force_n) / (check_mass(mass_kg, on, "% body weight") * STANDARD_GRAVITY) * 100.0


def nm_per_kg(
    force_n: float, lever_m: float | None, mass_kg: float | None, on: dt.date | None = None
) -> float:
    """F × d / m (Ramskov 2014; Sugimoto 2014): 200 N × 0.35 m / 70 kg = 1.000 Nm/kg."""
    return torque_nm(force_n, lever_m) / check_mass(mass_kg, on, "Nm/kg")


def allometric(
    force_n: float,
    mass_kg: float | None,
    exponent: float = DEFAULT_ALLOMETRIC_EXPONENT,
    on: dt.date | None = None,
) -> float:
    """F / m^b (Cerda Vega 2018): 200 N, 70 kg → 11.61 (b = 0.67), 11.78 (b = 2/3)."""
    b = check_finite(exponent, "Allometric exponent")
    if not 0 < b <= 1:
        raise DomainError(f"Allometric exponent {b:g} is outside (0, 1]")
    return check_force(force_n) / check_mass(mass_kg, on, "allometric strength") ** b


@dataclass(frozen=True)
class MassMeasurement:
    measured_on: dt.date
    mass_kg: float
    source: str = "unknown"  # hiptrack.domain.provenance.Source of the stored row


def mass_measurement_on(test_date: dt.date, measurements: Iterable[MassMeasurement]) -> MassMeasurement:
    """The body-mass measurement that applies on `test_date`: the latest on or before it.

    A later measurement is never used for an earlier test: weight may have changed with
    treatment, and borrowing it would silently change an old result. One taken before the test
    date is carried forward, which the caller marks (hiptrack.domain.provenance).
    """
    usable = [m for m in measurements if m.measured_on <= test_date]
    if not usable:
        raise DomainError(
            f"No body mass recorded on or before {test_date.isoformat()}: "
            "N/kg, %BW and Nm/kg cannot be computed for this test"
        )
    # Stable sort: of two entries on the same day, the one given later (entered later) wins.
    latest = sorted(usable, key=lambda m: m.measured_on)[-1]
    check_mass(latest.mass_kg, latest.measured_on, "normalisation")
    return latest


def body_mass_on(test_date: dt.date, measurements: Iterable[MassMeasurement]) -> float:
    """The body mass that applies on `test_date` (see mass_measurement_on)."""
    return mass_measurement_on(test_date, measurements).mass_kg
