"""The results panel fits a 1280×800 screen for one muscle (issue 17, "Results at a glance"): bars,
table, trial overlay and footnotes of the first muscle are all in view on the Strength page without
scrolling, at the app's own font and stylesheet."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect

from hiptrack.acquisition.segmenter import TrialCapture
from hiptrack.domain.positions import BATTERIES, Muscle
from hiptrack.domain.provenance import Provenance, Source
from hiptrack.gui.main_window import MainWindow
from hiptrack.operations.recording import RecordingSettings, TrialRecorder
from hiptrack.storage.database import Database
from hiptrack.storage.demo import make_curve
from hiptrack.storage.visits import start_visit
from tests.gui.test_german import german  # noqa: F401  (a fixture)
from tests.unit.operations.test_recording import MARK10, Muscles, Plan
from tests.unit.reports import data as D

pytestmark = pytest.mark.timeout(120)

VISIT_DAY = dt.date(2026, 11, 18)


def streamed(peak_n: float, rng: random.Random) -> TrialCapture:
    """A make test as the simulated Mark-10 streams it at 100 Hz (hiptrack.storage.demo's curve)."""
    t, f = make_curve(peak_n, 100.0, rng)
    return TrialCapture(t + 50.0, f, np.zeros(t.size, dtype=bool), onset_index=0, declared_rate_hz=100.0)


@dataclass(frozen=True)
class MeasuredPlan(Plan):
    """Both lever arms measured at this visit, as a clinic does."""

    def setup_for(self, muscle: Muscle) -> Muscles:
        position = self.battery.position_of(muscle)
        return Muscles(muscle, position, "make", 0.40 if muscle is Muscle.GLUTEUS_MEDIUS else 0.38,
                       lever=Provenance(Source.MEASURED))


def finished_visit(db: Database) -> tuple[int, int]:
    """Three earlier visits, then one recorded trial by trial with traces: both muscles, three counted
    trials per side, one trial rejected for pain; finished."""
    with db.session() as s:
        pid = D.standard_patient(s, "FIT-1")
        vid = start_visit(s, pid, VISIT_DAY, None, "standard_hip", body_mass_kg=70.0)
    rng = random.Random(17)
    rec = TrialRecorder(db, pid, vid, MeasuredPlan(BATTERIES["standard_hip"]), RecordingSettings())
    peaks = {("gluteus_medius", "left"): 196.0, ("gluteus_medius", "right"): 214.0,
             ("gluteus_maximus", "left"): 252.0, ("gluteus_maximus", "right"): 266.0}
    rejected = False
    while (step := rec.current) is not None:
        base = peaks[(step.muscle.value, step.side.value)]
        lever = rec.lever_arm_for(step)
        rec.record_capture(streamed(rng.gauss(base, base * 0.04), rng), lever_arm_m=lever, device=MARK10)
        if not rejected and step.side.value == "left":
            rec.reject_pending("pain")  # a rejected trial is drawn too, dashed and grey
            rejected = True
            continue
        rec.accept_pending()
    rec.finish()
    return pid, vid


def on_strength_page(window: MainWindow, pid: int) -> None:
    window.resize(1280, 800)
    window.reload_patients()
    assert window.select_patient(pid)
    window.tabs.setCurrentWidget(window.strength)


@pytest.fixture(params=["English", "German"])
def language(request: pytest.FixtureRequest) -> None:
    """English, and German (longer words) as the shipped catalogue installs it."""
    if request.param == "German":
        request.getfixturevalue("german")


def test_one_muscles_results_fit_a_1280_by_800_screen(app_look: None, language: None, main_window: MainWindow,  # type: ignore[no-untyped-def]
                                                      qtbot) -> None:
    pid, _vid = finished_visit(main_window.db)
    on_strength_page(main_window, pid)
    panel = main_window.strength.last_results
    qtbot.waitUntil(lambda: len(panel.blocks) == 2)
    qtbot.wait(50)  # the layout settles
    assert main_window.size().height() <= 800 and main_window.size().width() <= 1280
    first, second = panel.blocks
    assert panel.verticalScrollBar().value() == 0
    view = QRect(QPoint(0, 0), panel.viewport().size())
    shown = QRect(first.mapTo(panel.viewport(), QPoint(0, 0)), first.size())
    assert view.contains(shown), f"the first muscle's block {shown} leaves the viewport {view}"
    # Every part of it is inside: the bars and table, the footnotes, the overlay and its caption.
    text = first.body.text()
    assert "class='bars'" in text and "[1]" in text and text.count("<tr>") >= 10  # bars and the table
    assert first.overlay is not None and set(first.overlay.plots) == {"left", "right"}
    for part in (first.body, first.overlay, first.overlay.graphs, first.overlay.caption):
        assert part.isVisible() and view.contains(QRect(part.mapTo(panel.viewport(), QPoint(0, 0)), part.size()))
    assert first.body.height() >= first.body.heightForWidth(first.body.width()), "the table is cut off"
    assert first.overlay.caption.height() >= first.overlay.caption.heightForWidth(first.overlay.caption.width())
    # Scrolling is for the second muscle: it starts below the first, whose block is whole above.
    assert second.y() >= first.y() + first.height()


def test_the_overlay_draws_each_sides_trials_aligned_and_the_rejected_one_dashed(
        main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pid, _vid = finished_visit(main_window.db)
    on_strength_page(main_window, pid)
    panel = main_window.strength.last_results
    qtbot.waitUntil(lambda: len(panel.blocks) == 2)
    overlay = panel.blocks[0].overlay
    assert overlay is not None
    left = overlay.curves["left"]
    assert [(t.number, t.status) for t, _c in left] == [(1, "not counted"), (2, "counted"), (3, "counted"),
                                                        (4, "counted")]
    for trial, curve in left + overlay.curves["right"]:
        xs, _ys = curve.getData()
        assert xs[0] < 0 < xs[-1]  # t = 0 at each trial's onset, inside the drawn trace
        dashed = curve.opts["pen"].style().name == "DashLine"
        assert dashed == (trial.status != "counted")
    assert "trial 1 not counted: pain" in overlay.caption.text()
    assert "RFD 0–100 and 0–200 ms" in overlay.caption.text() and "aligned at onset" in overlay.caption.text()


def test_without_traces_no_empty_plots_are_drawn_and_the_trials_are_listed(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Seen on the demo: a visit whose trials hold no trace drew two empty, shaded plots."""
    with main_window.db.session() as s:
        pid = D.standard_patient(s, "NT-1")  # trials typed in, no traces
    on_strength_page(main_window, pid)
    panel = main_window.strength.last_results
    qtbot.waitUntil(lambda: len(panel.blocks) == 2)
    block = panel.blocks[0]
    assert block.overlay is None and block.no_traces is not None
    text = block.no_traces.text()
    assert "No trial traces to overlay" in text and "trials 1, 2, 3: no trace" in text
    assert "Solid: counted" not in text  # no legend for lines that are not drawn
