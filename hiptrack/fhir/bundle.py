"""A patient's strength results as a FHIR R4 Bundle (type `collection`), from plain facts.

Pure: storage gathers the facts (hiptrack.storage.fhir_io), this module only shapes them. Every
resource id is derived from what it describes (chart number, visit date, muscle, position, method,
side, trial), never from database ids, so the same results give the same bundle in any database:
export → import → export is equal (tests/integration/test_fhir.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from hiptrack.domain.positions import POSITIONS, parse_muscle
from hiptrack.fhir import codes as C

# uuid5 namespace for resource ids: a fixed, random value of this project.
_NAMESPACE = uuid.UUID("6d1f4a52-3c55-4f0e-9a3b-0f6f2f6f8f21")


@dataclass(frozen=True)
class PatientFacts:
    chart_number: str
    last_name: str
    first_name: str
    date_of_birth: dt.date
    sex: str | None  # female, male, other; None when not recorded (FHIR "unknown")
    height_m: float | None
    involved_side: str | None  # left, right, both or None


@dataclass(frozen=True)
class TrialFacts:
    number: int
    peak_n: float
    time_to_peak_s: float | None = None
    rfd_100_n_per_s: float | None = None
    rfd_200_n_per_s: float | None = None
    # The raw trace when asked for (--traces): milliseconds between samples, forces in N.
    trace: tuple[float, tuple[float, ...]] | None = None


@dataclass(frozen=True)
class SideFacts:
    side: str
    score_n: float
    lever_arm_m: float | None
    trials: tuple[TrialFacts, ...]
    nm: float | None = None
    n_per_kg: float | None = None
    nm_per_kg: float | None = None
    device: str | None = None


@dataclass(frozen=True)
class RowFacts:
    """One muscle in one position with one method at one visit (a row of the patient summary)."""

    muscle: str
    position: str
    method: str
    sides: tuple[SideFacts, ...]
    asymmetry_pct: float | None = None
    flag: str | None = None
    flag_label: str | None = None
    lsi_pct: float | None = None
    lsi_pass: bool | None = None
    involved_side: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Performer:
    """Who measured: a clinician of this clinic, one named by an imported bundle, or the clinic."""

    kind: str  # "Practitioner" or "Organization"
    name: str


@dataclass(frozen=True)
class VisitFacts:
    date: dt.date
    effective: str  # FHIR dateTime: aware date and time, or the date alone when no time is known
    performer: Performer
    body_mass_kg: float | None  # measured on the visit date
    rows: tuple[RowFacts, ...]


@dataclass(frozen=True)
class ScoreFacts:
    """An NPRS, ODI or PSFS score as recorded (exported only: the import takes strength results)."""

    instrument: str  # nprs, odi, psfs
    recorded_on: dt.date
    value: float
    performer: Performer
    version: str = ""


@dataclass(frozen=True)
class BundleFacts:
    patient: PatientFacts
    chart_system: str
    visits: tuple[VisitFacts, ...]
    app_version: str
    generated_at: dt.datetime
    scores: tuple[ScoreFacts, ...] = ()
    notes: list[str] = field(default_factory=list)


def _urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '|'.join(str(p) for p in parts))}"


def _coding(system: str, code_display: tuple[str, str]) -> dict[str, Any]:
    return {"system": system, "code": code_display[0], "display": code_display[1]}


def _concept(system: str, code_display: tuple[str, str]) -> dict[str, Any]:
    return {"coding": [_coding(system, code_display)], "text": code_display[1]}


def quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": C.UCUM, "code": unit}


def _component(code: tuple[str, str], value: float | None, unit: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    return [{"code": _concept(C.CODE_SYSTEM, code), "valueQuantity": quantity(value, unit)}]


def _force_time_components(trial: TrialFacts) -> list[dict[str, Any]]:
    """Time to peak and the two rates of force development, those the trial has."""
    return [*_component(C.TIME_TO_PEAK, trial.time_to_peak_s, "s"),
            *_component(C.RFD_100, trial.rfd_100_n_per_s, "N/s"),
            *_component(C.RFD_200, trial.rfd_200_n_per_s, "N/s")]


_EXAM = {"coding": [{"system": C.CATEGORY_SYSTEM, "code": "exam", "display": "Exam"}]}
_SURVEY = {"coding": [{"system": C.CATEGORY_SYSTEM, "code": "survey", "display": "Survey"}]}


def _observation(urn: str, code: dict[str, Any], subject: str, visit: VisitFacts | str, performer: str,
                 category: dict[str, Any] = _EXAM, **rest: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": urn.removeprefix("urn:uuid:"), "status": "final",
        "category": [category], "code": code, "subject": {"reference": subject},
        "effectiveDateTime": visit if isinstance(visit, str) else visit.effective,
        "performer": [{"reference": performer}],
    }
    resource.update(rest)
    return resource


def _entry(urn: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": urn, "resource": resource}


def _patient(facts: BundleFacts, urn: str) -> dict[str, Any]:
    p = facts.patient
    resource: dict[str, Any] = {
        "resourceType": "Patient", "id": urn.removeprefix("urn:uuid:"),
        "identifier": [{"system": facts.chart_system, "value": p.chart_number}],
        "name": [{"family": p.last_name, "given": [p.first_name]}],
        "gender": p.sex or "unknown", "birthDate": p.date_of_birth.isoformat(),
    }
    if p.involved_side in ("left", "right"):
        resource["extension"] = [{"url": C.INVOLVED_SIDE_EXTENSION, "valueCode": p.involved_side}]
    return resource


def _performer(performer: Performer, urn: str) -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": performer.kind, "id": urn.removeprefix("urn:uuid:")}
    if performer.kind == "Practitioner":
        resource["name"] = [{"text": performer.name}]
    else:
        resource["name"] = performer.name
    return resource


def _performer_urn(performer: Performer, seen: set[Performer], entries: list[dict[str, Any]]) -> str:
    """The performer's urn; its resource joins `entries` where the performer is first met."""
    urn = _urn("performer", performer)
    if performer not in seen:
        seen.add(performer)
        entries.append(_entry(urn, _performer(performer, urn)))
    return urn


def _side_observations(row: RowFacts, side: SideFacts, visit: VisitFacts, subject: str, performer: str,
                       chart: str) -> tuple[str, list[dict[str, Any]]]:
    key = (chart, visit.date, row.muscle, row.position, row.method, side.side)
    side_urn = _urn("side", *key)
    entries: list[dict[str, Any]] = []
    members = []
    for trial in side.trials:
        trial_urn = _urn("trial", *key, trial.number)
        members.append({"reference": trial_urn})
        components = [{"code": _concept(C.CODE_SYSTEM, C.TRIAL_NUMBER), "valueInteger": trial.number},
                      *_force_time_components(trial)]
        if trial.trace is not None:
            components.append(_trace_component(*trial.trace))
        entries.append(_entry(trial_urn, _observation(
            trial_urn, _concept(C.CODE_SYSTEM, C.TRIAL_PEAK), subject, visit, performer,
            bodySite=_body_site(side.side), valueQuantity=quantity(trial.peak_n, "N"), component=components)))
    position = POSITIONS.get(row.position)
    components = [{"code": _concept(C.CODE_SYSTEM, C.TEST_POSITION), "valueCodeableConcept": {
        "coding": [{"system": C.CODE_SYSTEM, "code": row.position,
                    "display": f"{position.title}: {position.set_up}" if position else row.position}]}}]
    components += _component(C.LEVER_ARM, side.lever_arm_m, "m")
    components += _component(C.TORQUE, side.nm, "N.m")
    components += _component(C.FORCE_PER_MASS, side.n_per_kg, "N/kg")
    components += _component(C.TORQUE_PER_MASS, side.nm_per_kg, "N.m/kg")
    best = max(side.trials, key=lambda t: t.peak_n) if side.trials else None
    if best is not None and best.peak_n == side.score_n:  # the force-time figures of the trial that scored
        components += _force_time_components(best)
    observation = _observation(
        side_urn, _concept(C.CODE_SYSTEM, C.STRENGTH_CODE[parse_muscle(row.muscle)]), subject, visit, performer,
        bodySite=_body_site(side.side),
        method={"coding": [{"system": C.CODE_SYSTEM, "code": row.method, "display": C.METHODS[row.method]}],
                "text": f"{row.method} test, {position.title if position else row.position}"},
        valueQuantity=quantity(side.score_n, "N"), component=components, hasMember=members)
    if side.device:
        observation["device"] = {"display": side.device}
    if row.notes:
        observation["note"] = [{"text": n} for n in row.notes]
    return side_urn, [_entry(side_urn, observation), *entries]


def _body_site(side: str) -> dict[str, Any]:
    return {"coding": [{"system": C.SNOMED, "code": C.body_site_code(side),
                        "display": f"{side.capitalize()} hip region"}], "text": f"{side} hip"}


def _pair_observations(row: RowFacts, visit: VisitFacts, subject: str, performer: str, chart: str,
                       side_urns: list[str]) -> list[dict[str, Any]]:
    key = (chart, visit.date, row.muscle, row.position, row.method)
    derived = [{"reference": u} for u in side_urns]
    out = []
    if row.asymmetry_pct is not None and row.flag:
        urn = _urn("asymmetry", *key)
        flag = (f"asymmetry-{row.flag}", C.FLAGS[row.flag])
        out.append(_entry(urn, _observation(
            urn, _concept(C.CODE_SYSTEM, C.PERCENT_DIFFERENCE), subject, visit, performer,
            valueQuantity=quantity(row.asymmetry_pct, "%"), derivedFrom=derived,
            interpretation=[{"coding": [_coding(C.CODE_SYSTEM, flag)], "text": row.flag_label or flag[1]}])))
    if row.lsi_pct is not None and row.lsi_pass is not None:
        urn = _urn("lsi", *key)
        result = "lsi-pass" if row.lsi_pass else "lsi-below"
        out.append(_entry(urn, _observation(
            urn, _concept(C.CODE_SYSTEM, C.LSI), subject, visit, performer,
            valueQuantity=quantity(row.lsi_pct, "%"), derivedFrom=derived,
            interpretation=[{"coding": [_coding(C.CODE_SYSTEM, (result, C.LSI_RESULT[result]))]}])))
    return out


def build_bundle(facts: BundleFacts) -> dict[str, Any]:
    """The Bundle as JSON-ready dicts, resources in a fixed order."""
    chart = facts.patient.chart_number
    patient_urn = _urn("patient", facts.chart_system, chart)
    entries = [_entry(_urn("codesystem", C.CODE_SYSTEM), C.code_system_resource(facts.app_version)),
               _entry(patient_urn, _patient(facts, patient_urn))]
    if facts.patient.height_m is not None:
        urn = _urn("height", chart)
        first = facts.visits[0] if facts.visits else None
        if first is not None:
            entries.append(_entry(urn, _observation(
                urn, _concept(C.LOINC, C.BODY_HEIGHT), patient_urn, first, _urn("performer", first.performer),
                valueQuantity=quantity(facts.patient.height_m, "m"),
                note=[{"text": "Height as kept in the patient's record; the date it was measured is not recorded"}])))
    performers: set[Performer] = set()
    for visit in facts.visits:
        performer_urn = _performer_urn(visit.performer, performers, entries)
        if visit.body_mass_kg is not None:
            urn = _urn("weight", chart, visit.date)
            entries.append(_entry(urn, _observation(urn, _concept(C.LOINC, C.BODY_WEIGHT), patient_urn, visit,
                                                    performer_urn, valueQuantity=quantity(visit.body_mass_kg, "kg"))))
        for row in visit.rows:
            side_urns = []
            for side in row.sides:
                side_urn, side_entries = _side_observations(row, side, visit, patient_urn, performer_urn, chart)
                side_urns.append(side_urn)
                entries += side_entries
            if len(side_urns) == 2:
                entries += _pair_observations(row, visit, patient_urn, performer_urn, chart, side_urns)
    for score in facts.scores:
        performer_urn = _performer_urn(score.performer, performers, entries)
        entries.append(_score_entry(score, chart, patient_urn, performer_urn))
    return {
        "resourceType": "Bundle", "id": _urn("bundle", chart, facts.generated_at.isoformat()).removeprefix("urn:uuid:"),
        "meta": {"source": f"hiptrack {facts.app_version}"}, "type": "collection",
        "timestamp": facts.generated_at.isoformat(timespec="seconds"), "entry": entries,
    }


def _score_entry(score: ScoreFacts, chart: str, subject: str, performer: str) -> dict[str, Any]:
    system, code, display = C.OUTCOME_CODE[score.instrument]
    urn = _urn("score", chart, score.instrument, score.recorded_on, score.value)
    rest: dict[str, Any] = {"valueQuantity": quantity(score.value, C.SCORE_UNIT)}
    if score.version:
        rest["note"] = [{"text": f"{score.instrument.upper()} version {score.version}"}]
    # Only the day is recorded for a score: the date alone (FHIR asks for a timezone only with a time).
    return _entry(urn, _observation(urn, _concept(system, (code, display)), subject, score.recorded_on.isoformat(),
                                    performer, _SURVEY, **rest))


def _trace_component(period_ms: float, forces_n: tuple[float, ...]) -> dict[str, Any]:
    """SampledData: value = origin + factor × each datum; forces written to 0.01 N, beyond any gauge's
    resolution (hiptrack stores them as float32)."""
    return {"code": _concept(C.CODE_SYSTEM, C.FORCE_TRACE), "valueSampledData": {
        "origin": quantity(0.0, "N"), "period": period_ms, "factor": 1, "dimensions": 1,
        "data": " ".join(f"{f:.2f}" for f in forces_n)}}
