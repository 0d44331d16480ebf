"""Norms: Ramskov 2014 (clinical.md §6.1) and Harbo 2012 (§6.3), loaded from db/reference."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from hiptrack.domain.errors import DomainError
from hiptrack.domain.norms import (
    NormResult,
    NormTables,
    age_on,
    evaluate_norm,
    harbo_result,
    load_default_norm_tables,
    load_ramskov,
    normal_percentile,
    ramskov_result,
)
from hiptrack.paths import resource_path


@pytest.fixture(scope="module")
def tables() -> NormTables:
    return load_default_norm_tables()


def test_every_norm_row_cites_its_source() -> None:
    for name in ("norms_ramskov2014.csv", "norms_harbo2012.csv"):
        with open(resource_path("db", "reference", name), encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows
        for row in rows:
            assert row["source"] and "doi" in row and (row["doi"] or row["pmid"])


@pytest.mark.parametrize(("sex", "age", "expected"), [("female", 40, 1.400), ("male", 40, 1.615), ("female", 60, 1.300)])
def test_clinical_6_1_ramskov_expected(tables: NormTables, sex: str, age: int, expected: float) -> None:
    assert tables.ramskov[0].expected(age, sex) == pytest.approx(expected, abs=1e-9)


def test_clinical_6_1_ramskov_z_woman_40_at_1_05(tables: NormTables) -> None:
    r = ramskov_result(tables.ramskov[0], 1.05, 40, "female")
    assert r.available and r.kind == "z_score"
    assert r.z == pytest.approx(-0.989, abs=5e-4)
    assert r.percentile == pytest.approx(normal_percentile(-0.98870), abs=0.01)
    assert r.percentile == pytest.approx(16.1, abs=0.1)


def test_clinical_6_1_ramskov_bands_are_plus_minus_0_354(tables: NormTables) -> None:
    norm = tables.ramskov[0]
    assert ramskov_result(norm, 1.754, 40, "female").z == pytest.approx(1.0, abs=1e-6)
    assert ramskov_result(norm, 0.907, 40, "male").z == pytest.approx(-2.0, abs=1e-6)


def test_normal_percentile() -> None:
    assert normal_percentile(0) == 50.0
    assert normal_percentile(-1.6449) == pytest.approx(5.0, abs=0.01)


def test_clinical_6_3_harbo_man_188_0(tables: NormTables) -> None:
    man = next(h for h in tables.harbo if h.sex == "male")
    assert man.predicted(40, 1.80, 80) == pytest.approx(188.0, abs=1e-9)


def test_clinical_6_3_harbo_woman_131_55(tables: NormTables) -> None:
    woman = next(h for h in tables.harbo if h.sex == "female")
    assert woman.predicted(40, 1.65, 65) == pytest.approx(131.55, abs=1e-9)


def test_clinical_6_3_harbo_150_of_188_is_79_8_percent_below(tables: NormTables) -> None:
    man = next(h for h in tables.harbo if h.sex == "male")
    r = harbo_result(man, 150, 40, 1.80, 80)
    assert r.percent_predicted == pytest.approx(79.8, abs=0.05)
    assert r.band == "below"
    assert harbo_result(man, 188.0 * 0.9, 40, 1.80, 80).band == "within"  # 90 is green (Harbo app)
    assert harbo_result(man, 188.0 * 1.1, 40, 1.80, 80).band == "within"
    assert harbo_result(man, 188.0 * 1.11, 40, 1.80, 80).band == "above"


def _abd(tables: NormTables, **over: object) -> NormResult:
    args: dict[str, object] = dict(action="hip_abduction", position="hip_abd_sidelying_short", method="break",
                                   sex="female", age_years=40, height_m=1.65, mass_kg=70.0, force_n=200.0,
                                   lever_m=0.35)
    args.update(over)
    return evaluate_norm(tables, **args)  # type: ignore[arg-type]


def test_evaluate_ramskov_through_nm_per_kg(tables: NormTables) -> None:
    r = _abd(tables)  # 200 N × 0.35 m / 70 kg = 1.000 Nm/kg against 1.400
    assert r.available and r.observed == pytest.approx(1.0)
    assert r.z == pytest.approx((1.0 - 1.4) / 0.354)


@pytest.mark.parametrize(
    ("over", "why"),
    [({"method": "make"}, "eccentric"), ({"position": "hip_abd_supine_long"}, "no norm for this position (Supine, long lever)"),
     ({"lever_m": None}, "lever arm"), ({"mass_kg": None}, "body mass"), ({"age_years": None}, "age"),
     ({"sex": "other"}, "female and male")],
)
def test_no_reference_instead_of_a_guess(tables: NormTables, over: dict[str, object], why: str) -> None:
    r = _abd(tables, **over)
    assert not r.available and r.z is None and r.expected is None
    assert r.reason is not None and r.reason.startswith("no reference") and why in r.reason


def test_harbo_needs_its_own_device_and_then_its_listed_position(tables: NormTables) -> None:
    """Harbo's hip-extension equation is isokinetic (Biodex): it answers only a test declared to
    be one, and even then only in its listed position and ages."""
    kw = dict(action="hip_extension", method="make", sex="male", age_years=40, height_m=1.80, mass_kg=80.0,
              force_n=150 / 0.4, lever_m=0.4)
    hhd = evaluate_norm(tables, position="hip_ext_prone_knee90_short", **kw)  # type: ignore[arg-type]
    assert not hhd.available and "isokinetic" in (hhd.reason or "")
    man = next(h for h in tables.harbo if h.sex == "male")
    assert (man.device, man.contraction) == ("isokinetic_dynamometer", "concentric")
    assert man.caveat and "Biodex" in man.caveat


def test_no_norm_at_all_for_an_unknown_action(tables: NormTables) -> None:
    r = _abd(tables, action="hip_flexion")
    assert not r.available


def test_age_on() -> None:
    assert age_on(dt.date(1986, 3, 5), dt.date(2026, 3, 4)) == 39
    assert age_on(dt.date(1986, 3, 4), dt.date(2026, 3, 4)) == 40
    with pytest.raises(DomainError):
        age_on(dt.date(2026, 3, 5), dt.date(2026, 3, 4))


def test_malformed_table_raises_domain_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("norm_id,action\nx,hip_abduction\n", encoding="utf-8")
    with pytest.raises(DomainError, match="malformed"):
        load_ramskov(bad)
    with pytest.raises(DomainError, match="cannot be read"):
        load_ramskov(tmp_path / "absent.csv")
