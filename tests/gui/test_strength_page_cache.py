"""The Strength page's per-patient data (issue 13): going back to a patient reuses the summary and
the re-analysed traces, and a change made on another workstation shows on the next switch."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from hiptrack import settings as S
from hiptrack.domain.overlay import COUNTED, NOT_COUNTED
from hiptrack.reports.build import PatientDataCache
from hiptrack.storage import overlays
from hiptrack.storage.database import Database
from hiptrack.storage.models import StrengthTest, Trial, Visit
from hiptrack.storage.settings_store import save_clinic_setting
from tests.unit.reports import data as D

REJECTED_DAY = dt.date(2026, 10, 21)  # standard_patient's latest visit


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return D.patients_loaded(monkeypatch, overlays, "patient_summary")


def load(db: Database, cache: PatientDataCache[overlays.StrengthView], patient_id: int) -> overlays.StrengthView:
    with db.session() as s:
        return cache.load(s, patient_id)


def two_patients(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return D.standard_patient(s, "S-1"), D.standard_patient(s, "S-2")


def test_the_page_summarises_a_patient_once_while_nothing_changed(main_window, made: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Back and forth between two patients on the Strength tab: each is read once; a view (an access
    event of the audit trail) changes nothing."""
    a, b = two_patients(main_window.db)
    main_window.reload_patients()
    main_window.tabs.setCurrentWidget(main_window.strength)
    for pid in (a, b, a, b, a):
        assert main_window.select_patient(pid)
    assert made == [a, b]
    assert "Visit 2026-10-21" in main_window.strength.last_results.toPlainText()


def test_a_trial_rejected_on_another_workstation_shows_in_the_results_and_the_overlay(
        db: Database, other: Database, made: list[int]) -> None:
    """An update in place, the results and the overlay both: a cached overlay must never show the
    trial as counted once the table no longer counts it."""
    a, b = two_patients(db)
    cache = PatientDataCache(overlays.strength_view)
    before = load(db, cache, a)
    load(db, cache, b)
    assert before.latest is not None and before.overlays is not None
    key = ("gluteus_medius", "hip_abd_sidelying_short", "make")
    assert [t.status for t in before.overlays[key]["left"].trials] == [COUNTED, COUNTED, COUNTED, NOT_COUNTED]
    with other.session() as s:
        trial = s.scalars(select(Trial).join(StrengthTest).join(Visit).where(
            Visit.patient_id == a, Visit.visit_date == REJECTED_DAY, StrengthTest.muscle == "gluteus_medius",
            StrengthTest.side == "left", Trial.peak_force_n == 190.0)).one()
        trial.accepted = False
        trial.reject_reason = "pain"
    after = load(db, cache, a)
    assert after.latest is not None and after.overlays is not None
    left = next(m.left_n for m in after.latest.muscles if m.muscle == "gluteus_medius")
    was = next(m.left_n for m in before.latest.muscles if m.muscle == "gluteus_medius")
    assert left != was
    assert [t.status for t in after.overlays[key]["left"].trials] == [COUNTED, NOT_COUNTED, COUNTED, NOT_COUNTED]
    load(db, cache, b)  # another patient's change leaves this one's data as they were
    assert made == [a, b, a]


def test_a_visit_started_on_another_workstation_is_offered_for_resuming_on_the_next_switch(
        db: Database, other: Database) -> None:
    a, _b = two_patients(db)
    cache = PatientDataCache(overlays.strength_view)
    assert load(db, cache, a).unfinished is None
    from hiptrack.storage.visits import start_visit

    with other.session() as s:
        visit = start_visit(s, a, dt.date(2026, 11, 2), None, "standard_hip")
    assert (unfinished := load(db, cache, a).unfinished) is not None and unfinished.id == visit


def test_a_visit_finished_on_another_workstation_becomes_the_latest_result_on_screen(
        main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Through the page: A, B, then A again after another workstation saved a visit of A's."""
    db = main_window.db
    other = D.other_workstation(db)
    a, b = two_patients(db)
    main_window.reload_patients()
    main_window.tabs.setCurrentWidget(main_window.strength)
    page = main_window.strength
    for pid in (a, b, a):
        assert main_window.select_patient(pid)
        qtbot.wait(1)
    assert "Visit 2026-10-21" in page.last_results.toPlainText()
    main_window.select_patient(b)
    with other.session() as s:
        D.add_visit(s, a, dt.date(2026, 11, 19), {("gluteus_medius", "left"): [200.0, 201.0, 199.0],
                                                  ("gluteus_medius", "right"): [210.0, 212.0, 211.0]})
    other.dispose()
    assert main_window.select_patient(a)
    text = page.last_results.toPlainText()
    assert "Visit 2026-11-19" in text and "Visit 2026-10-21" not in text


def test_a_clinic_setting_changed_on_another_workstation_is_read_on_the_next_switch(
        db: Database, other: Database) -> None:
    a, _b = two_patients(db)
    cache = PatientDataCache(overlays.strength_view)
    before = load(db, cache, a)
    with other.session() as s:
        save_clinic_setting(s, S.CV_LIMIT_PCT, 1.0)  # every trial set now varies too much
    after = load(db, cache, a)
    assert after is not before and after.latest is not None and before.latest is not None
    assert any(m.cv_left_exceeds for m in after.latest.muscles)
    assert not any(m.cv_left_exceeds for m in before.latest.muscles)


def drawn_points(overlay) -> int:  # type: ignore[no-untyped-def]
    """How many samples the overlay's plots hold, hidden items included."""
    return sum(len(item.getData()[0] if item.getData()[0] is not None else ())
               for plot in overlay.plots.values() for item in plot.listDataItems())


def test_the_kept_blocks_and_plots_show_only_the_patient_on_screen(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The blocks and plots are kept from one patient to the next (issue 13): one patient's traces,
    words or second muscle must never stay on screen, or in a hidden item, for the next."""
    from tests.gui.test_results_fit import VISIT_DAY, finished_visit, on_strength_page

    traced, _visit = finished_visit(main_window.db)  # traces, trial 1 on the left rejected for pain
    with main_window.db.session() as s:
        typed = D.standard_patient(s, "NT-2")  # typed in: nothing to draw
        one_muscle = D.add_patient(s, "ONE-1", last="Single")
        D.add_visit(s, one_muscle, dt.date(2026, 11, 3), {("gluteus_medius", "right"): [180.0, 182.0, 185.0]})
    on_strength_page(main_window, traced)
    panel = main_window.strength.last_results
    qtbot.waitUntil(lambda: len(panel.blocks) == 2)
    first, overlay = panel.blocks[0], panel.blocks[0].overlay
    assert overlay is not None
    seen = [(t.number, t.status) for t, _c in overlay.curves["left"]]
    samples = drawn_points(overlay)

    assert main_window.select_patient(typed)
    assert panel.blocks[0] is first and first.overlay is None and first.no_traces is not None
    assert drawn_points(overlay) == 0 and overlay.curves == {"left": [], "right": []}
    text = panel.toPlainText()
    assert "Visit 2026-10-21" in text and VISIT_DAY.isoformat() not in text
    assert "aligned at onset" not in text and "trial 1 not counted: pain" not in text

    assert main_window.select_patient(one_muscle)
    assert len(panel.blocks) == 1 and panel.blocks[0] is first
    text = panel.toPlainText()
    assert "Gluteus maximus" not in text and "Visit 2026-11-03" in text and "No trial traces" in text

    assert main_window.select_patient(traced)
    assert panel.blocks[0] is first and first.overlay is overlay and first.no_traces is None
    assert [(t.number, t.status) for t, _c in overlay.curves["left"]] == seen
    assert drawn_points(overlay) == samples
    for trial, curve in overlay.curves["left"] + overlay.curves["right"]:
        xs, _ys = curve.getData()
        assert xs[0] < 0 < xs[-1] and curve.isVisible()
        assert (curve.opts["pen"].style().name == "DashLine") == (trial.status != "counted")
    assert "trial 1 not counted: pain" in panel.toPlainText()


def test_an_overlay_of_one_side_after_two_draws_one_plot(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A muscle tested on one side only after one tested on both: the kept overlay is rearranged."""
    import numpy as np

    from hiptrack.domain.overlay import TraceInput, side_overlay
    from hiptrack.gui.trial_overlay import TrialOverlay

    t = np.arange(0, 3.0, 0.01)
    force = 200 * np.clip(np.sin((t - 0.5) / 2.0 * np.pi), 0, None)

    def sides(*names: str) -> dict[str, object]:
        return {side: side_overlay(side, [TraceInput(1, COUNTED, None, "stream", t, force, 100.0)]) for side in names}

    overlay = TrialOverlay(sides("left", "right"), "N")  # type: ignore[arg-type]
    qtbot.addWidget(overlay)
    assert set(overlay.plots) == {"left", "right"}
    overlay.show_sides(sides("right"), "N")  # type: ignore[arg-type]
    assert set(overlay.plots) == {"right"} and set(overlay.curves) == {"right"}
    assert len(overlay.graphs.ci.items) == 1  # the left plot is gone from the layout, not only hidden
    assert drawn_points(overlay) == len(overlay.curves["right"][0][1].getData()[0]) + 1  # the curve and its peak
