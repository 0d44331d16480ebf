"""Reading a hiptrack FHIR bundle back: every resource checked, then the strength results as the
rows `hiptrack import` takes (hiptrack.storage.results_import), so both imports record alike.

Refused whole (BundleRefused, one line per problem, each naming the resource) when any resource
is invalid: no subject or a subject that is not the bundle's patient, a time without a timezone, no
performer, an unknown code, a unit other than the one the code is measured in, a trial that no
side observation holds. Only what hiptrack wrote is understood; LSI and percent difference are
derived figures and are recomputed by the receiving database, not imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from hiptrack.domain.errors import NothingImported
from hiptrack.domain.positions import POSITIONS, Muscle
from hiptrack.fhir import codes as C


class BundleRefused(NothingImported):
    """The bundle was refused; `problems` names each invalid resource."""


@dataclass(frozen=True)
class VisitMeta:
    effective: str
    performer_kind: str
    performer_name: str


# (visit date, muscle, position, method, side): a test; with a trial number added: a trial.
TestKey = tuple[dt.date, str, str, str, str]


@dataclass(frozen=True)
class ReadBundle:
    rows: list[dict[str, str]]  # results_import.COLUMNS
    sources: list[str]  # the side observation each row came from, for problems found later
    visits: dict[dt.date, VisitMeta]
    devices: dict[TestKey, str] = field(default_factory=dict)
    # Force-time figures per trial: time_to_peak_s, rfd_100_n_per_s, rfd_200_n_per_s.
    trial_metrics: dict[tuple[TestKey, int], dict[str, float]] = field(default_factory=dict)
    scores_not_imported: int = 0  # NPRS, ODI and PSFS: exported, but only strength results are imported


_STRENGTH_MUSCLE = {code: muscle for muscle, (code, _) in C.STRENGTH_CODE.items()}
# Units each observation and component code is measured in (UCUM).
_VALUE_UNIT = {**{code: "N" for code in _STRENGTH_MUSCLE}, C.TRIAL_PEAK[0]: "N", C.LSI[0]: "%",
               C.PERCENT_DIFFERENCE[0]: "%"}
_COMPONENT_UNIT = {C.TORQUE[0]: "N.m", C.FORCE_PER_MASS[0]: "N/kg", C.TORQUE_PER_MASS[0]: "N.m/kg",
                   C.LEVER_ARM[0]: "m", C.TIME_TO_PEAK[0]: "s", C.RFD_100[0]: "N/s", C.RFD_200[0]: "N/s"}
_LOINC_UNIT = {C.BODY_WEIGHT[0]: "kg", C.BODY_HEIGHT[0]: "m",
               **{code: C.SCORE_UNIT for system, code, _ in C.OUTCOME_CODE.values() if system == C.LOINC}}
_VALUE_UNIT[C.PSFS_MEAN[0]] = C.SCORE_UNIT


def _name(entry: dict[str, Any]) -> str:
    resource = entry.get("resource") or {}
    return f"{resource.get('resourceType', 'resource')}/{resource.get('id') or entry.get('fullUrl', '?')}"


def _coding(concept: Any) -> tuple[str, str] | None:
    codings = concept.get("coding") if isinstance(concept, dict) else None
    if not codings or not isinstance(codings, list) or not isinstance(codings[0], dict):
        return None
    return str(codings[0].get("system", "")), str(codings[0].get("code", ""))


def _aware(value: Any) -> bool:
    """A FHIR dateTime: the date alone, or a time with a timezone (FHIR requires one with a time)."""
    if not isinstance(value, str):
        return False
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
            return True
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _quantity(q: Any, unit: str, where: str, problems: list[str]) -> float | None:
    if not isinstance(q, dict) or not isinstance(q.get("value"), int | float) or isinstance(q.get("value"), bool):
        problems.append(f"{where}: no numeric value")
        return None
    if q.get("system") != C.UCUM or q.get("code") != unit:
        problems.append(f"{where}: unit {q.get('code')!r} ({q.get('system')}), expected UCUM {unit!r}")
        return None
    return float(q["value"])


class _Reader:
    def __init__(self, bundle: Any) -> None:
        self.problems: list[str] = []
        self.bundle = bundle
        self.by_url: dict[str, dict[str, Any]] = {}
        self.patient: dict[str, Any] | None = None
        self.patient_url = ""

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def entries(self) -> list[dict[str, Any]]:
        b = self.bundle
        if not isinstance(b, dict) or b.get("resourceType") != "Bundle":
            self.fail("the file", "not a FHIR Bundle")
            return []
        if b.get("type") != "collection":
            self.fail("Bundle", f"type {b.get('type')!r}, expected 'collection'")
        entries = b.get("entry")
        if not isinstance(entries, list):
            self.fail("Bundle", "no entries")
            return []
        out = []
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or not isinstance(e.get("resource"), dict) or not e.get("fullUrl"):
                self.fail(f"Bundle entry {i + 1}", "no fullUrl or no resource")
                continue
            self.by_url[str(e["fullUrl"])] = e
            out.append(e)
        return out

    def read_patient(self, entries: list[dict[str, Any]]) -> dict[str, str]:
        patients = [e for e in entries if e["resource"].get("resourceType") == "Patient"]
        if len(patients) != 1:
            self.fail("Bundle", f"{len(patients)} Patient resources, expected exactly one")
            return {}
        entry = patients[0]
        self.patient, self.patient_url, where = entry["resource"], entry["fullUrl"], _name(entry)
        p = self.patient
        identifiers = p.get("identifier") or []
        chart = identifiers[0].get("value") if identifiers and isinstance(identifiers[0], dict) else None
        names = p.get("name") or [{}]
        family = names[0].get("family") if isinstance(names[0], dict) else None
        given = (names[0].get("given") or [None])[0] if isinstance(names[0], dict) else None
        if not chart:
            self.fail(where, "no identifier (chart number)")
        if not family or not given:
            self.fail(where, "no family and given name")
        if p.get("gender") not in ("female", "male", "other"):
            self.fail(where, f"gender {p.get('gender')!r} is not female, male or other")
        involved = ""
        for ext in p.get("extension") or []:
            if isinstance(ext, dict) and ext.get("url") == C.INVOLVED_SIDE_EXTENSION:
                involved = str(ext.get("valueCode", ""))
        return {"chart_number": str(chart or ""), "last_name": str(family or ""), "first_name": str(given or ""),
                "date_of_birth": str(p.get("birthDate", "")), "sex": str(p.get("gender", "")),
                "involved_side": involved, "height_m": ""}

    def check_observation(self, entry: dict[str, Any]) -> tuple[str, str] | None:
        """The (system, code) of a well-formed observation, else None with the problems noted."""
        o, where = entry["resource"], _name(entry)
        ok = True
        subject = (o.get("subject") or {}).get("reference") if isinstance(o.get("subject"), dict) else None
        if not subject:
            self.fail(where, "no subject")
            ok = False
        elif subject != self.patient_url:
            self.fail(where, f"subject {subject} is not the bundle's Patient")
            ok = False
        if o.get("status") != "final":
            self.fail(where, f"status {o.get('status')!r}, expected 'final'")
            ok = False
        if not _aware(o.get("effectiveDateTime")):
            self.fail(where, "effectiveDateTime missing or without a timezone")
            ok = False
        performers = o.get("performer") or []
        if not performers or not isinstance(performers[0], dict) or performers[0].get("reference") not in self.by_url:
            self.fail(where, "no performer in the bundle")
            ok = False
        code = _coding(o.get("code"))
        known = code is not None and (
            (code[0] == C.CODE_SYSTEM and code[1] in _VALUE_UNIT) or (code[0] == C.LOINC and code[1] in _LOINC_UNIT))
        if not known:
            self.fail(where, f"unknown code {code[1] if code else None!r} ({code[0] if code else 'no system'})")
            return None
        assert code is not None
        unit = _VALUE_UNIT.get(code[1]) or _LOINC_UNIT[code[1]]
        if _quantity(o.get("valueQuantity"), unit, where, self.problems) is None:
            ok = False
        for comp in o.get("component") or []:
            ccode = _coding(comp.get("code") if isinstance(comp, dict) else None)
            if ccode is None or ccode[0] != C.CODE_SYSTEM or (
                    ccode[1] not in _COMPONENT_UNIT
                    and ccode[1] not in (C.TRIAL_NUMBER[0], C.TEST_POSITION[0], C.FORCE_TRACE[0])):
                self.fail(where, f"unknown component code {ccode[1] if ccode else None!r}")
                ok = False
            elif ccode[1] in _COMPONENT_UNIT:
                ok &= _quantity(comp.get("valueQuantity"), _COMPONENT_UNIT[ccode[1]], where, self.problems) is not None
        return code if ok else None


def _component(o: dict[str, Any], code: tuple[str, str]) -> dict[str, Any] | None:
    return next((c for c in o.get("component") or [] if _coding(c.get("code")) == (C.CODE_SYSTEM, code[0])), None)


def _visit_date(effective: str) -> dt.date:
    return dt.date.fromisoformat(effective[:10])


def read_bundle(bundle: Any) -> ReadBundle:
    """The rows to import, or BundleRefused naming every invalid resource."""
    r = _Reader(bundle)
    entries = r.entries()
    person = r.read_patient(entries) if entries else {}
    observations = [e for e in entries if e["resource"].get("resourceType") == "Observation"]
    good: dict[str, tuple[dict[str, Any], tuple[str, str]]] = {}
    for entry in observations:
        checked = r.check_observation(entry)
        if checked is not None:
            good[entry["fullUrl"]] = (entry["resource"], checked)
    masses: dict[dt.date, str] = {}
    for o, (system, code) in good.values():
        if system == C.LOINC and code == C.BODY_HEIGHT[0]:
            person["height_m"] = repr(float(o["valueQuantity"]["value"]))
        elif system == C.LOINC and code == C.BODY_WEIGHT[0]:
            masses[_visit_date(o["effectiveDateTime"])] = repr(float(o["valueQuantity"]["value"]))
    rows: list[dict[str, str]] = []
    sources: list[str] = []
    visits: dict[dt.date, VisitMeta] = {}
    held: set[str] = set()
    found = ReadBundle(rows, sources, visits)
    for url, (o, (system, code)) in good.items():
        if system != C.CODE_SYSTEM or code not in _STRENGTH_MUSCLE:
            continue
        where = _name(r.by_url[url])
        side_rows = _side_rows(r, o, where, _STRENGTH_MUSCLE[code], person, masses, held, found)
        rows += side_rows
        sources += [where] * len(side_rows)
        performer = r.by_url.get(o["performer"][0]["reference"], {}).get("resource", {})
        name = performer.get("name")
        name = name[0].get("text", "") if isinstance(name, list) and name and isinstance(name[0], dict) else name
        visits.setdefault(_visit_date(o["effectiveDateTime"]), VisitMeta(
            o["effectiveDateTime"], str(performer.get("resourceType", "")), str(name or "")))
    for url, (_o, (_system, code)) in good.items():
        if code == C.TRIAL_PEAK[0] and url not in held:
            r.fail(_name(r.by_url[url]), "a trial that no strength observation holds (hasMember)")
    if r.problems:
        raise BundleRefused(r.problems)
    outcome_codes = {(system, code) for system, code, _ in C.OUTCOME_CODE.values()}
    return replace(found, scores_not_imported=sum(1 for _o, checked in good.values() if checked in outcome_codes))


_METRICS = {C.TIME_TO_PEAK[0]: "time_to_peak_s", C.RFD_100[0]: "rfd_100_n_per_s", C.RFD_200[0]: "rfd_200_n_per_s"}


def _side_rows(r: _Reader, o: dict[str, Any], where: str, muscle: Muscle, person: dict[str, str],
               masses: dict[dt.date, str], held: set[str], found: ReadBundle) -> list[dict[str, str]]:
    site = _coding(o.get("bodySite"))
    side = C.side_of_body_site(site[1]) if site and site[0] == C.SNOMED else None
    method = _coding(o.get("method"))
    position = _component(o, C.TEST_POSITION)
    position_code = _coding(position.get("valueCodeableConcept")) if position else None
    problems_before = len(r.problems)
    if side is None:
        r.fail(where, "bodySite is not a left or right hip region (SNOMED CT)")
    if method is None or method[0] != C.CODE_SYSTEM or method[1] not in C.METHODS:
        r.fail(where, "method is not make or break")
    if position_code is None or position_code[1] not in POSITIONS or POSITIONS[position_code[1]].muscle is not muscle:
        r.fail(where, f"unknown test position {position_code[1] if position_code else None!r} for {muscle.value}")
    if len(r.problems) > problems_before:
        return []
    assert method is not None and position_code is not None and side is not None
    lever = _component(o, C.LEVER_ARM)
    day = _visit_date(o["effectiveDateTime"])
    key: TestKey = (day, muscle.value, position_code[1], method[1], side)
    device = o.get("device")
    if isinstance(device, dict) and device.get("display"):
        found.devices[key] = str(device["display"])
    rows = []
    for member in o.get("hasMember") or []:
        ref = member.get("reference") if isinstance(member, dict) else None
        trial = r.by_url.get(str(ref))
        resource = trial["resource"] if trial else {}
        if _coding(resource.get("code")) != (C.CODE_SYSTEM, C.TRIAL_PEAK[0]):
            r.fail(where, f"hasMember {ref} is not a trial of this bundle")
            continue
        held.add(str(ref))
        number = _component(resource, C.TRIAL_NUMBER)
        if number is None or not isinstance(number.get("valueInteger"), int):
            r.fail(_name(trial or {}), "no trial number")
            continue
        metrics = {}
        for comp in resource.get("component") or []:
            ccode = _coding(comp.get("code"))
            if ccode and ccode[1] in _METRICS and isinstance(comp.get("valueQuantity"), dict):
                metrics[_METRICS[ccode[1]]] = float(comp["valueQuantity"]["value"])
        found.trial_metrics[(key, number["valueInteger"])] = metrics
        rows.append({
            **person, "visit_date": day.isoformat(), "body_mass_kg": masses.get(day, ""), "muscle": muscle.value,
            "side": side, "position": position_code[1], "method": method[1],
            "lever_arm_m": repr(float(lever["valueQuantity"]["value"])) if lever else "",
            "trial": str(number["valueInteger"]),
            "peak_force": repr(float(resource["valueQuantity"]["value"])), "unit": "N",
        })
    return rows
