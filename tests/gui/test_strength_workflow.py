"""A full test battery driven end to end against a simulated Mark-10 on a pseudo-terminal:
reject and redo, a CV prompt with an extra trial, an unplug and reconnect mid-battery, manual entry,
and resuming after the screen is closed, with every sample and decision found in the database."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceState
from hiptrack.acquisition.session import DeviceSession
from hiptrack.devices.simulators import ForceProfile, Mark10Simulator
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.visit_dialog import VisitDialog
from hiptrack.gui.strength_page import StrengthPage
from hiptrack.gui.trial_screen import Phase, TrialScreen
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial, Visit
from hiptrack.storage.patients import create_patient
from hiptrack.storage.traces import decode_trace

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Mark10Simulator]:
    with Mark10Simulator(ForceProfile(capacity_n=500.0, noise_n=0.2), link=tmp_path / "gauge", seed=11) as simulator:
        yield simulator


@pytest.fixture
def session(qtbot, sim: Mark10Simulator) -> Iterator[DeviceSession]:  # type: ignore[no-untyped-def]
    device = DeviceSession()
    with qtbot.waitSignal(device.status_changed, timeout=10_000,
                          check_params_cb=lambda s: s.state is DeviceState.STREAMING):
        device.connect_device(DeviceConfig("mark10", sim.path, rate_hz=50.0))
    yield device
    device.shutdown()
    qtbot.wait(50)


@pytest.fixture
def page(qtbot, sqlite_db: Database, session: DeviceSession, tmp_path: Path) -> StrengthPage:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = create_patient(s, PatientFields("S-1", "Varga", "Ingrid", dt.date(1979, 3, 9), "female", 1.68,
                                              "right", "left"))
    clinic = {setting.key: setting.default for setting in S.clinic_settings()}
    clinic[S.REST_SECONDS.key] = 0  # the rest countdown has its own test
    widget = StrengthPage(sqlite_db, session, S.WorkstationSettings(tmp_path / "ws.json"), clinic)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.set_patient(pid)
    return widget


def start_visit(page: StrengthPage, on_modal) -> TrialScreen:  # type: ignore[no-untyped-def]
    def fill(dialog: VisitDialog) -> None:
        dialog.mass.setText("70")
        for editor in dialog.editors:
            editor.lever_measured.setChecked(True)  # the clinician measured the levers
        dialog.pain.setValue(6)
        dialog._on_accept()

    on_modal(fill)
    page.start_new_visit()
    assert page.screen_widget is not None
    return page.screen_widget


def push(qtbot, sim: Mark10Simulator, screen: TrialScreen, peak: float) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: screen.phase is Phase.READY, timeout=10_000)
    qtbot.wait(700)  # a quiet moment before the push: the force-time metrics need a resting baseline
    sim.start_trial(peak_n=peak, kind="make", duration_s=1.0, rise_s=0.3, release_s=0.2)
    # waitUntil treats a None result as success, so the condition must be a real bool.
    qtbot.waitUntil(lambda: screen.phase is Phase.REVIEW and screen.pending_peak_n is not None, timeout=10_000)


def accept_with_enter(qtbot, screen: TrialScreen) -> None:  # type: ignore[no-untyped-def]
    """A real key press through Qt's shortcut map (the window must be active for shortcuts)."""
    window = screen.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    screen.trials.setFocus()
    qtbot.keyClick(screen.trials, Qt.Key.Key_Return)


def test_full_battery_with_reject_redo_cv_prompt_and_unplug(qtbot, page, sim, on_modal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("pain", True))
    questions: list[str] = []

    def answer_yes(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    screen = start_visit(page, on_modal)
    assert screen.step_label.text().startswith("Gluteus medius · LEFT · trial 1")

    # Gluteus medius. L1 is rejected for pain, then redone; L2's first attempt is redone by key D.
    push(qtbot, sim, screen, 240.0)
    assert 225 <= screen.pending_peak_n <= 255
    screen.reject_trial()
    push(qtbot, sim, screen, 150.0)
    accept_with_enter(qtbot, screen)
    qtbot.waitUntil(lambda: screen.step_label.text().startswith("Gluteus medius · RIGHT · trial 1"), timeout=5000)
    for peak in (200.0,):
        push(qtbot, sim, screen, peak)
        screen.accept_trial()
    push(qtbot, sim, screen, 120.0)
    screen.redo_trial()
    for peak in (180.0, 210.0, 210.0):  # L2, R2, L3 → left 150/180/210: CV 16.7 % > 15 % (clinical.md §2.2)
        push(qtbot, sim, screen, peak)
        screen.accept_trial()
    # Nominal 150/180/210 give CV 16.7 %; the simulated gauge adds tremor, and which samples a
    # loaded machine captures moves each stored peak by a few newtons, so the CV is judged in a band.
    cv = re.search(r"CV (\d+\.\d) %", questions[0]) if questions else None
    assert cv is not None and 15.0 < float(cv.group(1)) < 19.0, questions
    assert "above the 15 % limit" in questions[0]
    assert screen.step_label.text().startswith("Gluteus medius · LEFT · trial 4")
    for peak in (190.0, 190.0):  # L4 (extra), R3
        push(qtbot, sim, screen, peak)
        screen.accept_trial()

    # Gluteus maximus. The gauge is unplugged in the middle of L1; the part recorded is kept.
    assert screen.step_label.text().startswith("Gluteus maximus · LEFT · trial 1")
    qtbot.waitUntil(lambda: screen.phase is Phase.READY, timeout=5000)
    sim.start_trial(peak_n=300.0, duration_s=1.5, rise_s=0.3)
    qtbot.waitUntil(lambda: screen.phase is Phase.RECORDING, timeout=5000)
    qtbot.wait(500)
    sim.inject("unplug", replug_after=2.5)
    qtbot.waitUntil(lambda: "disconnected" in screen.device_label.text().lower(), timeout=5000)
    qtbot.waitUntil(lambda: page.session.status.state is DeviceState.STREAMING, timeout=15_000)
    for peak in (300.0, 280.0, 310.0, 290.0, 305.0, 285.0):
        push(qtbot, sim, screen, peak)
        screen.accept_trial()
    assert screen.phase is Phase.DONE
    screen.finish_visit()
    assert page.screen_widget is None

    with page.db.session() as s:
        visit = s.scalar(select(Visit))
        trials = s.scalars(select(Trial).order_by(Trial.id)).all()
        assert visit is not None and visit.status == "completed"
        rejected = [(t.reject_reason, t.entry) for t in trials if not t.accepted]
        assert ("pain", "stream") in rejected
        assert ("redo requested by clinician", "stream") in rejected
        partial = next(t for t in trials if t.reject_reason == "device disconnected mid-trial")
        _times, forces = decode_trace(partial.trace)  # type: ignore[arg-type]
        assert len(forces) > 10 and forces.max() > 100  # the samples recorded before the unplug are kept
        assert sum(t.accepted for t in trials) == 13
        streamed = [t for t in trials if t.accepted]
        assert all(t.trace is not None and t.trace_sample_rate_hz for t in streamed)
        assert all(t.time_to_peak_s is not None for t in streamed), [(t.peak_force_n, t.time_to_peak_s, t.rfd_100_n_per_s) for t in streamed]
    text = page.last_results.toPlainText()
    assert "Asymmetry" in text and "Limb symmetry index" in text


def test_manual_entry_and_resume_after_the_screen_is_closed(qtbot, page, sim, on_modal) -> None:  # type: ignore[no-untyped-def]
    screen = start_visit(page, on_modal)
    push(qtbot, sim, screen, 200.0)
    screen.accept_trial()

    def type_peak(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.value.setValue(40.8)
        dialog.unit.setCurrentText("lbf")
        dialog.accept()

    on_modal(type_peak)
    screen.manual_entry()
    assert screen.step_label.text().startswith("Gluteus medius · LEFT · trial 2")
    # The app is closed mid-battery; reopening the patient offers the unfinished visit.
    page.set_patient(None)
    assert page.screen_widget is None
    with page.db.session() as s:
        patient_id = s.scalar(select(Visit.patient_id))
    page.set_patient(patient_id)
    assert page.resume_button.isVisible() and "2 trials saved" in page.resume_label.text()
    page.resume_visit()
    resumed = page.screen_widget
    assert resumed is not None and resumed.step_label.text().startswith("Gluteus medius · LEFT · trial 2")
    with page.db.session() as s:
        manual = s.scalar(select(Trial).where(Trial.entry == "manual"))
        assert manual is not None and manual.reported_unit == "lbf"
        assert manual.peak_force_n == pytest.approx(181.4874419)  # 40.8 lbf × 4.4482216152605 N


def test_rest_countdown_disarms_and_can_be_skipped(qtbot, page, sim, on_modal) -> None:  # type: ignore[no-untyped-def]
    page.clinic[S.REST_SECONDS.key] = 30
    screen = start_visit(page, on_modal)
    push(qtbot, sim, screen, 200.0)
    screen.accept_trial()
    assert screen.phase is Phase.REST and "Rest 0:30" in screen.phase_label.text()
    qtbot.wait(1100)
    assert "Rest 0:29" in screen.phase_label.text()
    screen.skip_rest()
    assert screen.phase is Phase.READY
