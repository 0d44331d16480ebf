"""Issue 11 item 4: defaults are not measurements. A typical lever arm and a body mass carried
forward from an old visit must never pass as that day's measurement, and every number built on
them is marked (hiptrack.domain.provenance)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hiptrack.domain.norms import load_default_norm_tables
from hiptrack.domain.provenance import Provenance, Source, mass_provenance
from hiptrack.domain.records import PatientFacts, TestFacts, VisitFacts
from hiptrack.domain.summary import ClinicReliability, SummarySettings, summarise

ABD = "hip_abd_sidelying_short"
PATIENT = PatientFacts(sex="female", date_of_birth=dt.date(1980, 1, 1), involved_side="left")


def gmed(side: str, force: float, lever: float, source: str, on: dt.date | None = None) -> TestFacts:
    return TestFacts("gluteus_medius", side, ABD, "break", lever, (force,), lever_source=source,
                     lever_measured_on=on)


def test_typical_0_40_then_measured_0_35_is_not_called_a_real_loss() -> None:
    """The issue's case: an unchanged 260 N, lever left at the typical 0.40 m one visit and
    measured at 0.35 m the next, became "−13.0 Nm, beyond MDC". Even with a clinic MDC of about
    4.4 N·m the change is now taken in torque, marked, and given no verdict."""
    settings = SummarySettings(reliability={ABD: ClinicReliability(sd=5.0, icc=0.90, unit="Nm")})
    visits = [
        VisitFacts(dt.date(2025, 1, 10), 70.0, (gmed("left", 260, 0.40, "typical"),),
                   body_mass_on=dt.date(2025, 1, 10), body_mass_source="measured"),
        VisitFacts(dt.date(2025, 2, 10), 70.0, (gmed("left", 260, 0.35, "measured"),),
                   body_mass_on=dt.date(2025, 2, 10), body_mass_source="measured"),
    ]
    out = summarise(PATIENT, visits, settings).to_json_dict()
    first = out["visits"][0]["muscles"][0]
    assert first["left_nm"] == pytest.approx(104.0)
    assert "typical lever arm (0.4 m)" in first["marks"]["left_nm"]
    assert "typical" in first["marks"]["left_nm_per_kg"]
    assert first["lever"]["left"]["source"] == "typical"
    change = out["visits"][1]["muscles"][0]["change"]["previous"]["left"]
    assert change["unit"] == "Nm" and change["delta"] == pytest.approx(-13.0)
    assert change["beyond_mdc"] is None and "typical" in change["reason"]
    assert any("2025-01-10" in m and "typical" in m for m in change["marks"])
    assert "judged on torque" in change["basis"]
    second = out["visits"][1]["muscles"][0]
    assert "left_nm" not in second["marks"]  # measured at this visit: nothing to mark


def test_a_2023_mass_for_a_2025_visit_is_carried_forward_dated_and_stale() -> None:
    visit = VisitFacts(dt.date(2025, 3, 3), 82.0, (gmed("left", 200, 0.35, "measured"),),
                       body_mass_on=dt.date(2023, 6, 1), body_mass_source="measured")
    out = summarise(PATIENT, [visit], SummarySettings(mass_max_age_days=30)).to_json_dict()
    v = out["visits"][0]
    assert v["body_mass_measured_on"] == "2023-06-01"
    assert v["body_mass_source"] == "carried_forward" and v["body_mass_stale"] is True
    assert "carried forward from 2023-06-01" in v["body_mass_note"]
    row = v["muscles"][0]
    assert row["left_n_per_kg"] == pytest.approx(200 / 82)  # still computed, but marked
    assert "carried forward from 2023-06-01" in row["marks"]["left_n_per_kg"]
    assert "older than 30 days" in row["marks"]["left_n_per_kg"]
    assert "carried forward" in row["marks"]["left_nm_per_kg"]
    assert "left_nm" not in row["marks"]  # torque does not use the mass
    json.dumps(out)


def test_a_recent_carried_mass_is_marked_but_not_stale_and_the_limit_is_the_clinics() -> None:
    visit = VisitFacts(dt.date(2025, 3, 3), 82.0, (gmed("left", 200, 0.35, "measured"),),
                       body_mass_on=dt.date(2025, 2, 20), body_mass_source="measured")
    v = summarise(PATIENT, [visit], SummarySettings(mass_max_age_days=30)).to_json_dict()["visits"][0]
    assert v["body_mass_source"] == "carried_forward" and v["body_mass_stale"] is False
    strict = summarise(PATIENT, [visit], SummarySettings(mass_max_age_days=7)).to_json_dict()["visits"][0]
    assert strict["body_mass_stale"] is True


def test_a_mass_weighed_at_the_visit_carries_no_mark() -> None:
    visit = VisitFacts(dt.date(2025, 3, 3), 82.0, (gmed("left", 200, 0.35, "measured"),),
                       body_mass_on=dt.date(2025, 3, 3), body_mass_source="measured")
    v = summarise(PATIENT, [visit]).to_json_dict()["visits"][0]
    assert v["body_mass_source"] == "measured" and v["body_mass_note"] is None
    assert v["muscles"][0]["marks"] == {}


def test_asymmetry_by_torque_on_a_typical_lever_is_marked() -> None:
    visit = VisitFacts(dt.date(2025, 3, 3), 70.0, (gmed("left", 200, 0.35, "measured"),
                                                   gmed("right", 200, 0.40, "typical")),
                       body_mass_on=dt.date(2025, 3, 3), body_mass_source="measured")
    row = summarise(PATIENT, [visit]).to_json_dict()["visits"][0]["muscles"][0]
    assert row["asymmetry_basis"] == "torque"
    assert "typical" in row["marks"]["asymmetry_pct"] and "typical" in row["marks"]["lsi_pct"]


def test_legacy_rows_are_unknown_never_measured() -> None:
    """Rows saved before provenance was kept are back-filled 'unknown' (migration 0003)."""
    prov = mass_provenance(dt.date(2025, 3, 3), "unknown", dt.date(2025, 3, 3))
    assert prov == Provenance(Source.UNKNOWN, dt.date(2025, 3, 3))
    visit = VisitFacts(dt.date(2025, 3, 3), 70.0, (TestFacts("gluteus_medius", "left", ABD, "break", 0.35, (200.0,)),))
    row = summarise(PATIENT, [visit]).to_json_dict()["visits"][0]["muscles"][0]
    assert row["lever"]["left"]["source"] == "unknown"
    assert "not recorded" in row["marks"]["left_nm"] and "not recorded" in row["marks"]["left_n_per_kg"]


def test_a_norm_on_a_typical_lever_and_an_old_mass_is_marked() -> None:
    """Ramskov compares Nm/kg, so a z-score built on a typical lever or a carried mass says so."""
    visit = VisitFacts(dt.date(2025, 3, 3), 70.0, (gmed("left", 200, 0.40, "typical"),),
                       body_mass_on=dt.date(2024, 1, 1), body_mass_source="measured")
    row = summarise(PATIENT, [visit], SummarySettings(norms=load_default_norm_tables())).to_json_dict()
    muscle = row["visits"][0]["muscles"][0]
    assert muscle["norm"]["left"]["available"] is True
    assert "typical lever arm" in muscle["marks"]["norm_left"] and "2024-01-01" in muscle["marks"]["norm_left"]
