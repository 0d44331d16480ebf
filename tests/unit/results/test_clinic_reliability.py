"""The clinic's own SD and ICC replace the published MDC (clinical.md §2.5: SD 40 N, ICC 0.90 →
SEM 12.65 N, MDC95 35.06 N)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hiptrack import settings as S
from hiptrack.domain.asymmetry import Flag, percent_difference
from hiptrack.domain.errors import DomainError
from hiptrack.storage.database import Database
from hiptrack.storage.patients import require_by_chart
from hiptrack.storage.results import clinic_reliability, patient_summary, reliability_entry, summary_settings
from hiptrack.storage.results_import import import_results
from hiptrack.storage.settings_store import save_clinic_setting
from tests.unit.results.test_results_import import row, write

TODAY = dt.date(2026, 11, 23)


def test_clinic_figures_decide_what_counts_as_a_real_change(db: Database, tmp_path: Path) -> None:
    rows = [
        row(side="left", trial="1", peak_force="200"), row(side="right", trial="1", peak_force="200"),
        row(visit_date="2026-03-20", side="left", trial="1", peak_force="236"),   # +36 N > 35.06
        row(visit_date="2026-03-20", side="right", trial="1", peak_force="230"),  # +30 N < 35.06
    ]
    with db.session() as s:
        import_results(s, write(tmp_path, *rows), today=TODAY)
        save_clinic_setting(s, S.CLINIC_RELIABILITY,
                            [{"position": "hip_abd_sidelying_short", "sd": 40.0, "icc": 0.90, "unit": "N"}])
    with db.session() as s:
        summary = patient_summary(s, require_by_chart(s, "H-1").id).to_json_dict()
    change = summary["visits"][1]["muscles"][0]["change"]["previous"]
    assert change["left"]["unit"] == "N" and change["left"]["mdc"] == pytest.approx(35.06, abs=0.01)
    assert change["left"]["beyond_mdc"] is True and change["right"]["beyond_mdc"] is False
    assert "clinic: SD 40 N, ICC 0.9" in change["left"]["source"]


def test_bad_entries_are_refused_or_ignored() -> None:
    with pytest.raises(DomainError, match=r"ICC 1\.5 is outside 0–1"):
        reliability_entry({"position": "x", "sd": 40, "icc": 1.5})
    with pytest.raises(DomainError, match="must be N or Nm"):
        reliability_entry({"position": "x", "sd": 40, "icc": 0.9, "unit": "kgf"})
    stored = [{"position": "a", "sd": 40, "icc": 0.9}, {"position": "b", "sd": "lots", "icc": 0.9}, {"sd": 1}]
    assert list(clinic_reliability({S.CLINIC_RELIABILITY.key: stored})) == ["a"]


@pytest.mark.parametrize(("edge", "flag"), [(None, Flag.RED), ("inclusive", Flag.RED), ("exclusive", Flag.AMBER)])
def test_the_clinic_chooses_whether_exactly_20_percent_is_red(edge: str | None, flag: Flag) -> None:
    """Issue 11 item 9: the domain supports both readings of the red edge (the product rule "red
    from 20 %", and Sapega's "> 20 %"); the clinic setting now chooses between them."""
    clinic = {} if edge is None else {S.ASYMMETRY_RED_EDGE.key: edge}
    thresholds = summary_settings(clinic).thresholds
    assert percent_difference(100.0, 80.0, thresholds).flag is flag  # exactly 20.0 %
    assert percent_difference(100.0, 79.0, thresholds).flag is Flag.RED
    assert thresholds.name == "sapega_10_20"
