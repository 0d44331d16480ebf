"""A trial the analysis noted ('started under 150 N load') is named wherever a figure rests on it:
the summary behind every screen and `summary --json`, and the clinician PDF (issue 11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hiptrack.storage.database import Database
from hiptrack.storage.results import patient_summary
from hiptrack.storage.visits import DeviceProvenance, complete_visit, ensure_test, save_trial, start_visit
from tests.unit.reports import data as D
from tests.unit.reports.test_reports import make_pdf

NOTE = "started under 150 N load"


def test_analysis_notes_of_accepted_trials_reach_summary_and_pdf(qapp, db: Database,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    with db.session() as s:
        pid = D.add_patient(s, "LOAD-1")
        vid = start_visit(s, pid, dt.date(2026, 11, 20), None, "standard_hip", body_mass_kg=70.0)
        for side in ("left", "right"):
            test = ensure_test(s, vid, muscle="gluteus_medius", side=side, position="hip_abd_sidelying_short",
                               method="make", lever_arm_m=0.35, device=DeviceProvenance("mark10", "M5-100", "S1"))
            save_trial(s, test, peak_force_n=300.0, entry="stream", analysis_version=2,
                       analysis_notes=NOTE if side == "left" else None)
            save_trial(s, test, peak_force_n=280.0, entry="stream", analysis_version=2)
            rejected = save_trial(s, test, peak_force_n=500.0, entry="stream", analysis_version=2,
                                  analysis_notes="a knock", accepted=False, reject_reason="patient moved")
            assert rejected
        complete_visit(s, vid)  # an unfinished visit is left out of documents (issue 17)
    with db.session() as s:
        row = patient_summary(s, pid).visits[-1].muscles[0]
    assert f"Left trial 1: {NOTE}" in row.notes
    assert not any("a knock" in n for n in row.notes)  # a rejected trial rests under no figure
    assert row.to_json_dict()["notes"] == row.notes
    _, text = make_pdf(db, pid, "clinician", tmp_path / "c.pdf")
    assert f"Left trial 1: {NOTE}" in text
