"""Honest trial states on the trial screen (issue 17, case 5): a trial awaiting a decision is
"pending" in the list, not "accepted"; the peak figure clears when the next trial is awaited; a
rejected trial is never shown as the current peak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog

from hiptrack import settings as S
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
