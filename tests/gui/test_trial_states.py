"""Honest trial states on the trial screen (issue 17, case 5): a trial awaiting a decision is
"pending" in the list, not "accepted"; the peak figure clears when the next trial is awaited; a
rejected trial is never shown as the current peak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog, QLabel

from hiptrack import settings as S
from hiptrack.acquisition.segmenter import TrialCapture
from hiptrack.acquisition.session import DeviceSession
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.domain.positions import BATTERIES
from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitSetup
from hiptrack.gui.trial_screen import Phase, TrialScreen
from hiptrack.storage.database import Database
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import start_visit
from tests.unit.operations.test_recording import capture

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def screen(qtbot, sqlite_db: Database) -> Iterator[TrialScreen]:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = create_patient(s, PatientFields("T-1", "Trial", "Tess", dt.date(1980, 1, 1), "female"))
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip", body_mass_kg=70.0)
    battery = BATTERIES["standard_hip"]
    setup = VisitSetup(dt.date.today(), None, 70.0, None, battery, tuple(
        MuscleSetup(m, battery.position_of(m), "make", 0.4, "hand") for m in battery.muscles))
    clinic = {setting.key: setting.default for setting in S.clinic_settings()}
    clinic[S.REST_SECONDS.key] = 0
    widget = TrialScreen(db=sqlite_db, session=DeviceSession(), patient_id=pid, visit_id=vid, setup=setup,
                         clinic=clinic)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.detach()


def statuses(screen: TrialScreen) -> list[str]:
    return [screen.trials.item(r, 3).text() for r in range(screen.trials.rowCount())]


def test_a_trial_awaiting_a_decision_is_pending_until_enter(screen: TrialScreen) -> None:
    screen._on_trial_captured(capture(180.0))
    assert screen.phase is Phase.REVIEW
    assert statuses(screen)[0].startswith("… pending")
    assert "accepted" not in statuses(screen)[0]
    assert screen.peak_figure.text() == "180.0" and "awaiting your decision" in screen.peak_caption.text()
    screen.accept_trial()
    assert statuses(screen)[0].startswith("✓ accepted")


def test_the_peak_clears_when_the_next_trial_is_awaited(screen: TrialScreen) -> None:
    screen._on_trial_captured(capture(180.0))
    screen.accept_trial()
    assert screen.phase is Phase.READY  # no rest in this test: the next side is awaited at once
    assert "RIGHT" in screen.step_label.text() or "trial 2" in screen.step_label.text()
    assert screen.peak_figure.text() == "—"


def test_a_rejected_trial_is_never_shown_as_the_peak(screen: TrialScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    screen._on_trial_captured(capture(180.0))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("pain", True))
    screen.reject_trial()
    assert screen.peak_figure.text() == "—"
    assert statuses(screen)[0] == "✗ pain"
    # An auto-rejected capture (cut short) shows no peak either.
    screen._on_trial_captured(capture(150.0, complete=False, reason="stopped by hand"))
    assert screen.peak_figure.text() == "—"


def reopened(qtbot, screen: TrialScreen) -> TrialScreen:  # type: ignore[no-untyped-def]
    """The app was killed and the battery resumed: a new screen on the same visit."""
    screen.detach()
    again = TrialScreen(db=screen.db, session=screen.session, patient_id=screen.patient_id, visit_id=screen.visit_id,
                        setup=screen.setup, clinic={S.REST_SECONDS.key: 0})
    qtbot.addWidget(again)
    again.show()
    return again


def test_a_trial_left_pending_by_a_crash_is_offered_for_a_decision_on_resume(qtbot, screen: TrialScreen) -> None:  # type: ignore[no-untyped-def]
    screen._on_trial_captured(capture(180.0))  # ...and the app dies before Enter or R
    again = reopened(qtbot, screen)
    assert again.phase is Phase.REVIEW
    assert showing(again, "awaiting the clinician's decision (not counted)")
    assert "Accept [Enter] or reject [R]" in again.phase_label.text()
    assert "awaiting the clinician's decision (not counted)" in statuses(again)[0]
    assert "accepted" not in statuses(again)[0]
    assert again.peak_figure.text() == "180.0" and "awaiting your decision" in again.peak_caption.text()
    assert again.run.progress[0] == 0 and again.buttons["accept"].isEnabled()
    again.accept_trial()
    assert statuses(again)[0].startswith("✓ accepted") and again.run.progress[0] == 1
    assert again.phase is Phase.READY and not showing(again, "awaiting the clinician's decision")
    again.detach()


def test_a_resumed_pending_trial_rejected_is_not_counted(qtbot, screen: TrialScreen,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    screen._on_trial_captured(capture(180.0))
    again = reopened(qtbot, screen)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("sub-maximal effort", True))
    again.reject_trial()
    assert statuses(again) == ["✗ sub-maximal effort"] and again.run.progress[0] == 0
    assert again.phase is Phase.READY and again.peak_figure.text() == "—"
    again.detach()


def test_the_strength_page_says_a_resumed_visit_has_a_trial_awaiting_a_decision(
        qtbot, screen: TrialScreen, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.strength_page import StrengthPage

    screen._on_trial_captured(capture(180.0))
    screen.detach()
    clinic = {setting.key: setting.default for setting in S.clinic_settings()}
    page = StrengthPage(screen.db, screen.session, S.WorkstationSettings(tmp_path / "ws.json"), clinic)
    qtbot.addWidget(page)
    page.show()
    page.set_patient(screen.patient_id)
    page.refresh()
    assert "1 trial is awaiting the clinician's decision (not counted)" in page.resume_label.text()
    page.resume_visit()
    assert page.screen_widget is not None and page.screen_widget.phase is Phase.REVIEW
    page.set_patient(None)


def showing(screen: TrialScreen, text: str) -> list[QLabel]:
    return [label for label in screen.findChildren(QLabel) if label.isVisible() and text in label.text()]


def pulled() -> TrialCapture:
    """A pull (the gauge mounted the wrong way round): auto-rejected with the longest reason there is."""
    pull = capture(250.0)
    return TrialCapture(pull.times_s, -pull.forces_n, pull.overload, onset_index=100)


def test_the_auto_reject_message_is_shown_whole(app_look: None, screen: TrialScreen, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Seen at 1280×800: the message in the column beside the curve was cut off at both ends."""
    screen.rest_seconds = 30
    screen.resize(915, 600)  # the trial screen's share of a 1280×800 main window
    screen._on_trial_captured(pulled())
    qtbot.wait(10)  # let the layout settle
    labels = showing(screen, "check how the gauge is mounted")
    assert labels, "the reason is on screen"
    for label in labels:
        assert "kept but not counted" in label.text() and "Repeat the trial" in label.text()
        assert label.wordWrap()
        assert label.height() >= label.heightForWidth(label.width()), "the text needs more height than it has"
        assert label.width() >= label.minimumSizeHint().width()
    clipped = [label.text() for label in screen.findChildren(QLabel) if label.isVisible() and label.wordWrap()
               and label.height() < label.heightForWidth(label.width())]
    assert not clipped, "nothing else on the screen is cut off either"
    screen._rest_timer.stop()


def test_with_no_rest_the_not_counted_message_stays_until_the_next_trial(screen: TrialScreen) -> None:
    """With the rest set to 0 s the message was replaced at once by 'Ready: ask for a maximal
    contraction', before anyone could read it."""
    screen._on_trial_captured(pulled())
    assert screen.phase is Phase.READY
    assert showing(screen, "kept but not counted") and showing(screen, "Ready: ask for a maximal contraction")
    screen._on_trial_started(1.0)  # the clinician starts the next trial
    assert not showing(screen, "kept but not counted")


def test_during_the_rest_the_peak_names_its_own_trial_not_the_next_step(screen: TrialScreen) -> None:
    """Seen against the simulated gauge: under 'Gluteus medius · RIGHT · trial 1 of 3' the rest
    showed the left trial's 180.0 captioned only 'accepted', which reads as the right side's."""
    screen.rest_seconds = 30
    screen._on_trial_captured(capture(180.0))
    screen.accept_trial()
    assert screen.phase is Phase.REST and "RIGHT" in screen.step_label.text()
    assert screen.peak_figure.text() == "180.0" and "left trial 1 accepted" in screen.peak_caption.text()
    screen._rest_timer.stop()


def test_the_trial_list_runs_in_recording_order_with_the_newest_trial_last(screen: TrialScreen) -> None:
    """Sides alternate (L1 R1 L2): the list grouped by side put L2, awaiting its decision, above R1,
    while the list scrolls to its bottom row to show the newest trial."""
    for peak in (180.0, 200.0):
        screen._on_trial_captured(capture(peak))
        screen.accept_trial()
    screen._on_trial_captured(capture(185.0))
    rows = [(screen.trials.item(r, 0).text(), screen.trials.item(r, 1).text()) for r in range(screen.trials.rowCount())]
    assert [number for _test, number in rows] == ["1", "1", "2"]
    assert rows[0][0].endswith("L") and rows[1][0].endswith("R") and rows[2][0].endswith("L")
    assert statuses(screen)[-1].startswith("… pending")


def test_finish_visit_asks_for_the_pending_decision_first(screen: TrialScreen) -> None:
    screen._on_trial_captured(capture(180.0))
    finished: list[int] = []
    screen.visit_finished.connect(finished.append)
    screen.finish_visit()
    assert not finished and screen.phase is Phase.REVIEW
    assert showing(screen, "accept it [Enter] or reject it [R] before finishing")
