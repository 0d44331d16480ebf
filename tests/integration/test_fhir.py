"""FHIR R4 export and import (issue 15), on SQLite and PostgreSQL: validated with fhir.resources,
a golden bundle, export → import → export equal, invalid bundles refused whole naming the resource.

Regenerate the golden bundle after a deliberate change of the profile:
    HIPTRACK_REGENERATE_FHIR_GOLDEN=1 .venv/bin/python -m pytest tests/integration/test_fhir.py -k golden
and review the diff of tests/data/fhir_golden_bundle.json like code.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hiptrack.fhir import codes as C
from hiptrack.fhir.read import BundleRefused
from hiptrack.storage.database import Database
from hiptrack.storage.fhir_io import export_bundle, import_bundle
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.models import Clinician, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.patients import find_by_chart
from tests.integration.test_cli import hiptrack
from tests.unit.reports import data as D

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "fhir_golden_bundle.json"
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
# The visit time is written in the clinic's local time: fixed here, so the golden bundle is the same
# on every machine (the process's own zone is left alone: Qt caches it).
ZONE = dt.timezone(dt.timedelta(hours=1))  # a fixed offset: no time zone database needed
TODAY = dt.date(2026, 11, 20)
FIRST, SECOND = dt.date(2026, 3, 2), dt.date(2026, 4, 13)


def build_patient(db: Database) -> int:
    """Two visits: the first measured at the clinic by a clinician with force-time figures, the second
    entered afterwards (no time of day) without a body mass that day (carried forward)."""
    with db.session() as s:
        pid = D.add_patient(s, "F-1", first="Maria", last="Costa", involved="right")
        clinician = Clinician(username="asilva", display_name="Ana Silva, PT")
        s.add(clinician)
        s.flush()
        forces = {("gluteus_medius", "left"): [201.5, 210.25, 205.0], ("gluteus_medius", "right"): [160.0, 171.5],
                  ("gluteus_maximus", "left"): [250.0, 262.0]}
        first = s.get(Visit, D.add_visit(s, pid, FIRST, forces, mass=68.5, lever=0.42))
        assert first is not None
        first.clinician_id = clinician.id
        first.started_at = dt.datetime(2026, 3, 2, 9, 40, tzinfo=dt.UTC)
        best = s.scalar(select(Trial).join(StrengthTest).where(
            StrengthTest.visit_id == first.id, StrengthTest.side == "left", StrengthTest.muscle == "gluteus_medius",
            Trial.trial_number == 2))
        assert best is not None
        best.time_to_peak_s, best.rfd_100_n_per_s, best.rfd_200_n_per_s = 0.84, 612.5, 540.0
        second = s.get(Visit, D.add_visit(s, pid, SECOND, {("gluteus_medius", "left"): [220.0],
                                                          ("gluteus_medius", "right"): [199.0]}, mass=None, lever=0.42))
        assert second is not None
        second.started_at = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)  # entered later: no time of day
        D.add_scores(s, pid, FIRST, nprs=6, odi=32)
    return pid


def export(db: Database, chart: str = "F-1") -> dict[str, Any]:
    with db.session() as s:
        patient = find_by_chart(s, chart)
        assert patient is not None
        return export_bundle(s, patient.id, now=NOW, zone=ZONE)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def validate_with_fhir_resources(bundle: dict[str, Any]) -> None:
    """fhir.resources' pydantic models (R4B: R4 plus errata, the same Observation and Patient)."""
    from fhir.resources.R4B import get_fhir_model_class

    get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def test_bundle_is_valid_fhir_and_every_observation_is_attributed(db: Database) -> None:
    build_patient(db)
    bundle = export(db)
    validate_with_fhir_resources(bundle)
    patient_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    urls = {e["fullUrl"] for e in bundle["entry"]}
    observations = resources(bundle, "Observation")
    for o in observations:
        assert o["status"] == "final" and o["subject"] == {"reference": patient_url}
        assert o["performer"][0]["reference"] in urls
        when = o["effectiveDateTime"]
        assert len(when) == 10 or dt.datetime.fromisoformat(when).tzinfo is not None, when
    exams = [o for o in observations if o["category"][0]["coding"][0]["code"] == "exam"]
    first = [o for o in exams if o["effectiveDateTime"].startswith("2026-03-02")]
    assert {o["effectiveDateTime"] for o in first} == {"2026-03-02T10:40:00+01:00"}
    assert {o["effectiveDateTime"] for o in exams} - {"2026-03-02T10:40:00+01:00"} == {"2026-04-13"}
    # The left gluteus medius on the first visit: best of three, with torque and N/kg in UCUM.
    side = next(o for o in first if o["code"]["coding"][0]["code"] == "hip-abduction-strength"
                and o["bodySite"]["coding"][0]["code"] == C.body_site_code("left"))
    assert side["valueQuantity"] == {"value": 210.25, "unit": "N", "system": C.UCUM, "code": "N"}
    components = {c["code"]["coding"][0]["code"]: c.get("valueQuantity") for c in side["component"]}
    assert components["torque"]["value"] == pytest.approx(210.25 * 0.42) and components["torque"]["code"] == "N.m"
    assert components["force-per-body-mass"]["value"] == pytest.approx(210.25 / 68.5)
    assert components["time-to-peak"]["value"] == 0.84 and components["rfd-0-100"]["code"] == "N/s"
    assert len(side["hasMember"]) == 3 and side["method"]["coding"][0]["code"] == "make"
    # Asymmetry and LSI (involved right ÷ uninvolved left × 100), each derived from both sides.
    lsi = next(o for o in first if o["code"]["coding"][0]["code"] == "limb-symmetry-index")
    assert lsi["valueQuantity"]["value"] == pytest.approx(171.5 / 210.25 * 100) and lsi["valueQuantity"]["code"] == "%"
    assert len(lsi["derivedFrom"]) == 2 and lsi["interpretation"][0]["coding"][0]["code"] == "lsi-below"
    # No right side for gluteus maximus: no LSI, no percent difference for it.
    assert not [o for o in first if o["code"]["coding"][0]["code"] in ("limb-symmetry-index", "percent-difference")
                and any("gluteus" in str(x) for x in o.get("note", []))]
    second = next(o for o in observations if o["effectiveDateTime"] == "2026-04-13"
                  and o["code"]["coding"][0]["code"] == "hip-abduction-strength")
    assert any("carried forward" in n["text"] for n in second["note"])
    assert [p["name"] for p in resources(bundle, "Practitioner")] == [[{"text": "Ana Silva, PT"}]]


def test_golden_bundle(db: Database) -> None:
    build_patient(db)
    bundle = export(db)
    if os.environ.get("HIPTRACK_REGENERATE_FHIR_GOLDEN"):
        GOLDEN.write_text(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    golden["meta"]["source"] = bundle["meta"]["source"]  # the app version
    for entry in golden["entry"]:
        if entry["resource"]["resourceType"] == "CodeSystem":
            entry["resource"]["version"] = bundle["meta"]["source"].split()[-1]
    assert bundle == golden


def test_outcome_scores_carry_their_loinc_codes(db: Database) -> None:
    build_patient(db)
    scores = [o for o in resources(export(db), "Observation") if o["category"][0]["coding"][0]["code"] == "survey"]
    found = {(o["code"]["coding"][0]["system"], o["code"]["coding"][0]["code"]): o for o in scores}
    assert set(found) == {(C.LOINC, "72514-3"), (C.LOINC, "97909-6")}
    nprs, odi = found[(C.LOINC, "72514-3")], found[(C.LOINC, "97909-6")]
    assert nprs["valueQuantity"] == {"value": 6.0, "unit": "{score}", "system": C.UCUM, "code": "{score}"}
    assert odi["valueQuantity"]["value"] == 32.0 and odi["effectiveDateTime"] == "2026-03-02"


def test_traces_travel_as_sampled_data_when_asked(db: Database, empty: Database) -> None:
    import numpy as np

    from hiptrack.storage.traces import encode_trace

    pid = build_patient(db)
    times = np.arange(0, 1.0, 0.01)
    forces = 210.25 * np.sin(np.pi * times) ** 2
    with db.session() as s:
        trials = s.scalars(select(Trial).join(StrengthTest).join(Visit).where(
            Visit.patient_id == pid, Visit.visit_date == FIRST, StrengthTest.side == "left",
            StrengthTest.muscle == "gluteus_medius").order_by(Trial.trial_number)).all()
        trials[0].trace, trials[0].trace_sample_rate_hz = encode_trace(times, forces), 100.0
        trials[1].trace, trials[1].trace_sample_rate_hz = b"not a trace", 100.0  # damaged: left out, no crash
    with db.session() as s:
        plain = export_bundle(s, pid, now=NOW, zone=ZONE)
        bundle = export_bundle(s, pid, now=NOW, zone=ZONE, traces=True)
    validate_with_fhir_resources(bundle)
    sampled = [c["valueSampledData"] for o in resources(bundle, "Observation") for c in o.get("component", [])
               if "valueSampledData" in c]
    assert len(sampled) == 1 and sampled[0]["period"] == 10.0 and sampled[0]["dimensions"] == 1
    values = [float(v) for v in sampled[0]["data"].split()]
    assert len(values) == 100 and values == pytest.approx(forces.tolist(), abs=0.01)
    assert "valueSampledData" not in json.dumps(plain)
    with empty.session() as s:  # a bundle with traces imports like one without
        assert import_bundle(s, bundle, today=TODAY).trials_created == 9


def count_rows(db: Database) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0 for m in (Patient, Visit, StrengthTest, Trial))


@pytest.fixture
def empty(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    prepare_database(other)
    yield other
    other.dispose()


def without_scores(bundle: dict[str, Any]) -> dict[str, Any]:
    kept = [e for e in bundle["entry"] if e["resource"].get("category", [{}])[0].get("coding", [{}])[0].get("code")
            != "survey"]
    return {**bundle, "entry": kept}


def test_export_import_export_is_equal(db: Database, empty: Database) -> None:
    build_patient(db)
    bundle = export(db)
    validate_with_fhir_resources(bundle)
    with empty.session() as s:
        report = import_bundle(s, bundle, today=TODAY)
    assert report.trials_created == 9 and report.patients_created == 1
    # The strength results round-trip; the two outcome scores are named as not imported.
    assert report.notes and report.notes[0].startswith("2 outcome scores")
    assert export(empty) == without_scores(bundle)
    # Into the database it came from: every trial is already there.
    with db.session() as s:
        again = import_bundle(s, bundle, today=TODAY)
    assert again.trials_created == 0 and again.trials_already_present == 9


def _break(bundle: dict[str, Any], code: str, change: Any) -> tuple[dict[str, Any], str]:
    broken = copy.deepcopy(bundle)
    target = next(e["resource"] for e in broken["entry"] if e["resource"]["resourceType"] == "Observation"
                  and e["resource"]["code"]["coding"][0]["code"] == code)
    change(target)
    return broken, f"Observation/{target['id']}"


def _wrong_unit(o: dict[str, Any]) -> None:
    o["valueQuantity"].update(unit="kgf", code="kgf")


def _unknown_code(o: dict[str, Any]) -> None:
    o["code"]["coding"][0]["code"] = "hip-flexion-strength"


def _naive_time(o: dict[str, Any]) -> None:
    o["effectiveDateTime"] = "2026-03-02T09:40:00"


@pytest.mark.parametrize(("code", "change", "problem"), [
    ("hip-abduction-strength", lambda o: o.pop("subject"), "no subject"),
    ("trial-peak-force", _wrong_unit, "unit 'kgf'"),
    ("hip-extension-strength", _unknown_code, "unknown code 'hip-flexion-strength'"),
    ("trial-peak-force", _naive_time, "without a timezone"),
    ("limb-symmetry-index", lambda o: o.pop("performer"), "no performer"),
])
def test_an_invalid_resource_refuses_the_whole_bundle(db: Database, empty: Database, code: str, change: Any,
                                                      problem: str) -> None:
    build_patient(db)
    broken, name = _break(export(db), code, change)
    with pytest.raises(BundleRefused) as refused, empty.session() as s:
        import_bundle(s, broken, today=TODAY)
    assert any(p.startswith(f"{name}: ") and problem in p for p in refused.value.problems), refused.value.problems
    assert count_rows(empty) == (0, 0, 0, 0)


def test_a_force_the_csv_import_refuses_names_the_observation(db: Database, empty: Database) -> None:
    # Well-formed FHIR, but 30 kN is no hip: the import's own plausibility check, named by resource.
    build_patient(db)
    bundle, _name = _break(export(db), "trial-peak-force", lambda o: o["valueQuantity"].update(value=30000.0))
    with pytest.raises(BundleRefused) as refused, empty.session() as s:
        import_bundle(s, bundle, today=TODAY)
    assert any(p.startswith("Observation/") for p in refused.value.problems), refused.value.problems
    assert count_rows(empty) == (0, 0, 0, 0)


def test_command_line_export_and_import(tmp_path: Path, sqlite_url: str) -> None:
    source = Database(sqlite_url)
    prepare_database(source)
    build_patient(source)
    source.dispose()
    out = tmp_path / "bundle.json"
    done = hiptrack("fhir", "--patient", "F-1", "--visit", "2026-03-02", "--out", str(out), "--database", sqlite_url)
    assert done.returncode == 0, done.stderr
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert {o["effectiveDateTime"][:10] for o in resources(bundle, "Observation")} == {"2026-03-02"}
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    assert hiptrack("db", "upgrade", "--database", target).returncode == 0
    imported = hiptrack("fhir", "--import", str(out), "--database", target)
    assert imported.returncode == 0, imported.stderr
    out.write_text(out.read_text(encoding="utf-8").replace('"code": "N"', '"code": "kgf"', 1), encoding="utf-8")
    refused = hiptrack("fhir", "--import", str(out), "--database", target)
    assert refused.returncode == 1 and "nothing was changed" in refused.stderr and "Observation/" in refused.stderr
    missing = hiptrack("fhir", "--patient", "NOPE", "--out", str(tmp_path / "x.json"), "--database", sqlite_url)
    assert missing.returncode == 1 and not (tmp_path / "x.json").exists()


def test_a_chart_number_written_in_other_case_keeps_the_visit_details(db: Database, empty: Database) -> None:
    """The receiving clinic filed the patient as 'f-1'; the bundle says 'F-1'. The rows went to that
    patient (chart numbers compare case-insensitively) but the visit's time and who measured were
    looked up by the exact chart number, found no patient, and were silently dropped."""
    build_patient(db)
    bundle = export(db)
    with empty.session() as s:
        D.add_patient(s, "f-1", first="Maria", last="Costa", involved="right")
    with empty.session() as s:
        report = import_bundle(s, bundle, today=TODAY)
        assert report.patients_created == 0 and report.trials_created == 9
    with empty.session() as s:
        first = s.scalar(select(Visit).where(Visit.visit_date == FIRST))
        assert first is not None and first.started_at is not None
        assert first.started_at.replace(tzinfo=dt.UTC) == dt.datetime(2026, 3, 2, 9, 40, tzinfo=dt.UTC)
        assert all((t.context or {}).get("performer", {}).get("name") == "Ana Silva, PT" for t in first.tests)


def test_each_performer_is_written_once_where_first_met_also_by_a_score_alone() -> None:
    from hiptrack.fhir import bundle as B

    ana, clinic = B.Performer("Practitioner", "Ana Silva, PT"), B.Performer("Organization", "Hip Clinic")
    trial = B.TrialFacts(1, 200.0, time_to_peak_s=0.8, rfd_100_n_per_s=600.0)
    side = B.SideFacts("left", 200.0, None, (trial,))
    visit = B.VisitFacts(FIRST, FIRST.isoformat(), ana, None, (B.RowFacts("gluteus_medius", "hip_abd_sidelying_short",
                                                                          "make", (side,)),))
    facts = B.BundleFacts(B.PatientFacts("F-9", "Costa", "Maria", dt.date(1980, 1, 1), None, None, None), "urn:chart",
                          (visit,), "1.0", NOW, scores=(B.ScoreFacts("nprs", FIRST, 4.0, ana),
                                                        B.ScoreFacts("odi", SECOND, 30.0, clinic),
                                                        B.ScoreFacts("nprs", SECOND, 3.0, clinic)))
    kinds = [e["resource"]["resourceType"] for e in B.build_bundle(facts)["entry"]]
    assert kinds.count("Practitioner") == 1 and kinds.count("Organization") == 1
    assert kinds.index("Practitioner") < kinds.index("Observation")
    assert kinds[-4:] == ["Observation", "Organization", "Observation", "Observation"]  # the clinic, before its score
    names = [e["resource"].get("name") for e in B.build_bundle(facts)["entry"]
             if e["resource"]["resourceType"] in ("Practitioner", "Organization")]
    assert names == [[{"text": "Ana Silva, PT"}], "Hip Clinic"]
    observations = resources(B.build_bundle(facts), "Observation")
    trial_obs = next(o for o in observations if o["code"]["coding"][0]["code"] == C.TRIAL_PEAK[0])
    side_obs = next(o for o in observations if o.get("hasMember"))
    for o in (trial_obs, side_obs):  # the scoring trial's force-time figures on both, none it lacks
        codes = [c["code"]["coding"][0]["code"] for c in o["component"]]
        assert C.TIME_TO_PEAK[0] in codes and C.RFD_100[0] in codes and C.RFD_200[0] not in codes
