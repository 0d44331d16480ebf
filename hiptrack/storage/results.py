"""Strength results as plain facts for the domain calculations, and the patient summary.

This is the one place that turns visit, test and trial rows into `hiptrack.domain.records`, so
the GUI, the reports, the summary command and the export all compute from the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack import settings as S
from hiptrack.domain.asymmetry import thresholds_from
from hiptrack.domain.errors import DomainError
from hiptrack.domain.normalise import MassMeasurement, mass_measurement_on
from hiptrack.domain.norms import NormTables, load_default_norm_tables
from hiptrack.domain.records import PatientFacts, TestFacts, VisitFacts
from hiptrack.domain.reliability import mdc_from_sd_icc
from hiptrack.domain.stats import ScoreMethod
from hiptrack.domain.summary import ClinicReliability, PatientSummary, SummarySettings, summarise
from hiptrack.storage.models import BodyMass, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.patients import get_patient
from hiptrack.storage.settings_store import load_clinic_settings

_norm_tables: NormTables | None = None


def norm_tables() -> NormTables:
    """The shipped norm tables, read once per process."""
    global _norm_tables
    if _norm_tables is None:
        _norm_tables = load_default_norm_tables()
    return _norm_tables


def clinic_reliability(clinic: Mapping[str, Any]) -> dict[str, ClinicReliability]:
    """The clinic's own SD and ICC per position; entries that no longer validate are ignored."""
    result: dict[str, ClinicReliability] = {}
    for entry in clinic.get(S.CLINIC_RELIABILITY.key, []) or []:
        try:
            result[str(entry["position"])] = reliability_entry(entry)
        except (KeyError, TypeError, ValueError, DomainError):
            continue
    return result


def reliability_entry(entry: Mapping[str, Any]) -> ClinicReliability:
    sd, icc, unit = float(entry["sd"]), float(entry["icc"]), str(entry.get("unit", "N"))
    mdc_from_sd_icc(sd, icc)  # raises DomainError for an SD ≤ 0 or an ICC outside 0–1
    if unit not in ("N", "Nm"):
        raise DomainError(f"The unit of the SD must be N or Nm, not {unit}")
    return ClinicReliability(sd=sd, icc=icc, unit=unit)


def summary_settings(clinic: Mapping[str, Any]) -> SummarySettings:
    amber, red = S.asymmetry_thresholds(clinic)
    return SummarySettings(
        reliability=clinic_reliability(clinic),
        thresholds=thresholds_from(amber, red, clinic.get(S.ASYMMETRY_RED_EDGE.key) != "exclusive"),
        primary=ScoreMethod(clinic.get(S.PRIMARY_SCORE.key, S.PRIMARY_SCORE.default)),
        cv_limit_pct=float(clinic.get(S.CV_LIMIT_PCT.key, S.CV_LIMIT_PCT.default)),
        lsi_pass_pct=float(clinic.get(S.LSI_PASS_PCT.key, S.LSI_PASS_PCT.default)),
        norms=norm_tables(),
        mass_max_age_days=int(clinic.get(S.MASS_MAX_AGE_DAYS.key, S.MASS_MAX_AGE_DAYS.default)),
    )


def patient_facts(patient: Patient) -> PatientFacts:
    return PatientFacts(
        sex=patient.sex, date_of_birth=patient.date_of_birth, height_m=patient.height_m,
        involved_side=patient.involved_side,
    )


def visit_facts(session: Session, patient_id: int, up_to: dt.date | None = None) -> list[VisitFacts]:
    """Completed and in-progress visits (not voided), oldest first, with accepted trials only."""
    masses = [
        MassMeasurement(d, m, source) for d, m, source in session.execute(
            select(BodyMass.measured_on, BodyMass.mass_kg, BodyMass.source)
            .where(BodyMass.patient_id == patient_id, BodyMass.voided.is_(False))
            .order_by(BodyMass.measured_on, BodyMass.id)
        )
    ]
    # One query per table, plain columns only (no ORM objects, no raw traces): a patient with
    # years of monthly visits is summarised whenever they are selected.
    visit_filter = [Visit.patient_id == patient_id, Visit.status != "voided"]
    if up_to is not None:
        visit_filter.append(Visit.visit_date <= up_to)
    visits = session.execute(
        select(Visit.id, Visit.visit_date, Visit.status).where(*visit_filter).order_by(Visit.visit_date, Visit.id)).all()
    tests = session.execute(
        select(StrengthTest.id, StrengthTest.visit_id, StrengthTest.muscle, StrengthTest.side, StrengthTest.position,
               StrengthTest.method, StrengthTest.lever_arm_m, StrengthTest.lever_source,
               StrengthTest.lever_measured_on)
        .join(Visit, Visit.id == StrengthTest.visit_id)
        .where(*visit_filter, StrengthTest.voided.is_(False))
        .order_by(StrengthTest.id)).all()
    forces: dict[int, list[float]] = {}
    trial_notes: dict[int, list[str]] = {}
    for test_id, force, number, analysis_notes in session.execute(
        select(Trial.test_id, Trial.peak_force_n, Trial.trial_number, Trial.analysis_notes)
        .join(StrengthTest, StrengthTest.id == Trial.test_id)
        .join(Visit, Visit.id == StrengthTest.visit_id)
        .where(*visit_filter, StrengthTest.voided.is_(False), Trial.accepted.is_(True),
               Trial.peak_force_n.is_not(None))
        .order_by(Trial.test_id, Trial.trial_number)
    ):
        if force is not None:
            forces.setdefault(test_id, []).append(force)
            if analysis_notes:
                trial_notes.setdefault(test_id, []).append(f"trial {number}: {analysis_notes}")
    tests_of: dict[int, list[TestFacts]] = {}
    for t in tests:
        if t.id in forces:
            tests_of.setdefault(t.visit_id, []).append(TestFacts(
                muscle=t.muscle, side=t.side, position=t.position, method=t.method, lever_arm_m=t.lever_arm_m,
                forces_n=tuple(forces[t.id]), lever_source=t.lever_source, lever_measured_on=t.lever_measured_on,
                trial_notes=tuple(trial_notes.get(t.id, ()))))
    return [_visit_facts(v.id, v.visit_date, tuple(tests_of[v.id]), masses, v.status == "completed")
            for v in visits if v.id in tests_of]


def _visit_facts(visit_id: int, day: dt.date, tests: tuple[TestFacts, ...],
                 masses: list[MassMeasurement], complete: bool) -> VisitFacts:
    mass = _mass_on(day, masses)
    return VisitFacts(date=day, body_mass_kg=mass.mass_kg if mass else None, tests=tests, visit_id=visit_id,
                      body_mass_on=mass.measured_on if mass else None,
                      body_mass_source=mass.source if mass else "unknown", complete=complete)


def _mass_on(day: dt.date, masses: list[MassMeasurement]) -> MassMeasurement | None:
    try:
        return mass_measurement_on(day, masses)
    except DomainError:
        return None  # no measurement on or before the visit: normalised values stay empty


def patient_summary(session: Session, patient_id: int, up_to: dt.date | None = None,
                    clinic: Mapping[str, Any] | None = None) -> PatientSummary:
    """`clinic`: the clinic settings when the caller has read them already (one query less)."""
    patient = get_patient(session, patient_id)
    settings = summary_settings(load_clinic_settings(session) if clinic is None else clinic)
    return summarise(patient_facts(patient), visit_facts(session, patient_id, up_to), settings)
