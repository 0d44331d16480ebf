"""The per-visit, per-muscle summary behind `hiptrack summary --json` (issue 3)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hiptrack.domain.asymmetry import HUMANTRAK_10_25
from hiptrack.domain.errors import DomainError
from hiptrack.domain.norms import load_default_norm_tables
from hiptrack.domain.records import PatientFacts, TestFacts, VisitFacts
from hiptrack.domain.stats import ScoreMethod
from hiptrack.domain.summary import ClinicReliability, SummarySettings, summarise

REQUIRED = {"left_n", "right_n", "asymmetry_pct", "weaker_side", "lsi_pct", "flag", "left_n_per_kg",
            "right_n_per_kg", "left_nm_per_kg", "right_nm_per_kg", "cv_left_pct", "cv_right_pct", "norm",
            "change"}

PATIENT = PatientFacts(sex="female", date_of_birth=dt.date(1986, 3, 4), height_m=1.65, involved_side="right")
ABD = "hip_abd_sidelying_short"


def gmed(side: str, *forces: float, lever: float | None = 0.35, method: str = "break") -> TestFacts:
    return TestFacts("gluteus_medius", side, ABD, method, lever, tuple(forces))


VISITS = (
    VisitFacts(dt.date(2026, 1, 10), 70.0, (gmed("left", 200, 210, 190), gmed("right", 180, 175, 170),
                                            TestFacts("gluteus_maximus", "left", "hip_ext_prone_knee90_short",
                                                      "make", None, (300.0,))), visit_id=1),
    VisitFacts(dt.date(2026, 2, 10), None, (gmed("left", 220), gmed("right", 200, 196)), visit_id=2),
    VisitFacts(dt.date(2026, 3, 10), 69.0, (gmed("left", 220), gmed("right", 230)), visit_id=3),
)


@pytest.fixture(scope="module")
def summary() -> dict:  # type: ignore[type-arg]
    settings = SummarySettings(norms=load_default_norm_tables())
    return summarise(PATIENT, list(reversed(VISITS)), settings).to_json_dict()


def row(summary: dict, visit: int, muscle: str = "gluteus_medius") -> dict:  # type: ignore[type-arg]
    return next(m for m in summary["visits"][visit]["muscles"] if m["muscle"] == muscle)


def test_json_round_trips_and_lists_visits_oldest_first(summary: dict) -> None:  # type: ignore[type-arg]
    text = json.dumps(summary)
    assert json.loads(text) == summary
    assert [v["date"] for v in summary["visits"]] == ["2026-01-10", "2026-02-10", "2026-03-10"]
    for visit in summary["visits"]:
        for muscle in visit["muscles"]:
            assert set(muscle) >= REQUIRED


def test_first_visit_fields(summary: dict) -> None:  # type: ignore[type-arg]
    r = row(summary, 0)
    assert (r["left_n"], r["right_n"]) == (210, 180)
    assert r["asymmetry_pct"] == pytest.approx(30 * 100 / 210)
    assert r["weaker_side"] == "right" and r["flag"] == "amber" and r["flag_symbol"] == "▲"
    assert r["lsi_pct"] == pytest.approx(180 * 100 / 210) and r["lsi_pass"] is False
    assert r["left_n_per_kg"] == pytest.approx(3.0)
    assert r["left_nm_per_kg"] == pytest.approx(1.05)
    assert r["cv_left_pct"] == pytest.approx(5.0)
    assert r["change"] == {"previous": {"left": None, "right": None}, "baseline": {"left": None, "right": None}}
    # Ramskov: woman aged 39 → expected 1.405 Nm/kg; observed 1.05.
    assert r["norm"]["left"]["available"] is True
    assert r["norm"]["left"]["expected"] == pytest.approx(1.405)
    assert r["norm"]["left"]["z"] == pytest.approx((1.05 - 1.405) / 0.354)


def test_one_sided_test_leaves_pairs_null(summary: dict) -> None:  # type: ignore[type-arg]
    r = row(summary, 0, "gluteus_maximus")
    assert r["left_n"] == 300 and r["right_n"] is None
    assert r["asymmetry_pct"] is None and r["flag"] is None and r["lsi_pct"] is None
    assert r["left_nm_per_kg"] is None  # no lever arm
    assert r["left_n_per_kg"] == pytest.approx(300 / 70)
    assert r["cv_left_pct"] is None  # a single trial
    assert r["norm"]["right"] is None
    assert r["norm"]["left"]["available"] is False
    assert any("Lever arm missing" in n for n in r["notes"])


def test_missing_body_mass_leaves_normalised_fields_null(summary: dict) -> None:  # type: ignore[type-arg]
    r = row(summary, 1)
    assert r["left_n_per_kg"] is None and r["right_nm_per_kg"] is None
    assert r["asymmetry_pct"] == pytest.approx(20 * 100 / 220)
    assert any("Body mass is missing for 2026-02-10" in n for n in r["notes"])
    assert r["norm"]["left"]["available"] is False


def test_changes_against_previous_and_baseline_have_no_verdict_without_a_between_session_mdc(
        summary: dict) -> None:  # type: ignore[type-arg]
    """No between-session MDC is published for this test (issue 11), so changes carry Δ only."""
    second = row(summary, 1)["change"]
    assert second["previous"]["right"]["delta"] == pytest.approx(20)
    assert second["previous"]["right"]["unit"] == "N"
    assert second["previous"]["right"]["beyond_mdc"] is None
    assert "between-session" in second["previous"]["right"]["reason"]
    assert second["baseline"] == second["previous"]
    third = row(summary, 2)["change"]
    assert third["previous"]["right"]["against"] == "2026-02-10"
    assert third["baseline"]["right"]["against"] == "2026-01-10"
    assert third["baseline"]["right"]["delta"] == pytest.approx(50)
    assert third["baseline"]["right"]["beyond_mdc"] is None


def test_clinic_sd_in_nm_judges_the_change_in_torque() -> None:
    settings = SummarySettings(reliability={ABD: ClinicReliability(sd=5.0, icc=0.90, unit="Nm")})
    out = summarise(PATIENT, VISITS, settings).to_json_dict()
    change = row(out, 2)["change"]["baseline"]["right"]
    assert change["unit"] == "Nm" and change["delta"] == pytest.approx(50 * 0.35)
    assert change["mdc"] == pytest.approx(2.772 * 5.0 * 0.1 ** 0.5, abs=0.01)
    assert change["beyond_mdc"] is True and change["source"].startswith("clinic")


def test_clinic_sd_and_icc_override_the_default() -> None:
    settings = SummarySettings(reliability={ABD: ClinicReliability(sd=40, icc=0.90, unit="N")})
    out = summarise(PATIENT, VISITS, settings).to_json_dict()
    change = row(out, 2)["change"]["baseline"]["right"]
    assert change["unit"] == "N" and change["mdc"] == pytest.approx(35.06, abs=0.005)
    assert change["beyond_mdc"] is True  # 50 N > 35.06 N


def test_no_mdc_known_means_beyond_mdc_null() -> None:
    visits = [VisitFacts(dt.date(2026, 1, d), 70.0, (
        TestFacts("gluteus_maximus", "left", "hip_ext_prone_knee90_short", "make", 0.4, (f,)),)) for d, f in
        ((1, 200.0), (20, 400.0))]
    out = summarise(PATIENT, visits).to_json_dict()
    change = out["visits"][1]["muscles"][0]["change"]["previous"]["left"]
    assert change["delta"] == 200 and change["beyond_mdc"] is None and change["reason"]


def test_unknown_involved_side_and_presets_and_mean_score() -> None:
    patient = PatientFacts(sex="male", date_of_birth=dt.date(1980, 1, 1), involved_side=None)
    settings = SummarySettings(thresholds=HUMANTRAK_10_25, primary=ScoreMethod.MEAN)
    out = summarise(patient, VISITS[:1], settings).to_json_dict()
    r = row(out, 0)
    assert r["lsi_pct"] is None and r["left_n"] == 200 and r["right_n"] == 175
    assert r["asymmetry_pct"] == pytest.approx(12.5)
    assert r["flag"] == "amber" and r["flag_label"] == "difference ≥ 10%"
    assert any("Involved side not set" in n for n in r["notes"])
    assert out["settings"]["asymmetry_preset"] == "humantrak_10_25"


def test_positions_are_never_pooled() -> None:
    visit = VisitFacts(dt.date(2026, 1, 1), 70.0, (
        gmed("left", 200), gmed("right", 180),
        TestFacts("gluteus_medius", "left", "hip_abd_supine_long", "make", 0.8, (90.0,))))
    rows = summarise(PATIENT, [visit]).to_json_dict()["visits"][0]["muscles"]
    assert sorted(r["position"] for r in rows) == ["hip_abd_sidelying_short", "hip_abd_supine_long"]


def test_bad_stored_force_raises_domain_error_only_in_the_row_notes() -> None:
    visit = VisitFacts(dt.date(2026, 1, 1), 70.0, (gmed("left", 200), gmed("right", 0.0)))
    r = row(summarise(PATIENT, [visit]).to_json_dict(), 0)
    assert r["asymmetry_pct"] is None and any("above zero" in n for n in r["notes"])
    with pytest.raises(DomainError):
        summarise(PATIENT, [VisitFacts(dt.date(2026, 1, 1), 70.0, (gmed("up", 200),))])
