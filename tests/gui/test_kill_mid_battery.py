"""Killing the app mid-battery loses at most the trial in progress (issue 5, "Nothing lost").

A child process runs the real trial screen against a simulated gauge on a pseudo-terminal,
records and accepts three trials, starts a fourth, and is killed with SIGKILL while that trial is
being recorded. The parent then reopens the database as the app would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from hiptrack import settings as S
from hiptrack.acquisition.session import DeviceSession
from hiptrack.gui.strength_page import StrengthPage
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial, Visit

pytestmark = pytest.mark.timeout(120)

CHILD = r"""
import datetime as dt, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceState
from hiptrack.acquisition.session import DeviceSession
from hiptrack.devices.simulators import ForceProfile, Mark10Simulator
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.domain.positions import BATTERIES, POSITIONS
from hiptrack.gui.application import create_application
from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitSetup
from hiptrack.gui.strength_page import StrengthPage
from hiptrack.gui.trial_screen import Phase
from hiptrack.storage.patients import create_patient
from hiptrack.storage.startup import open_and_prepare
from hiptrack.storage.visits import start_visit

url, folder = sys.argv[1], Path(sys.argv[2])
app = create_application()
db, _ = open_and_prepare(url)
with db.session() as s:
    pid = create_patient(s, PatientFields("K-1", "Kill", "Test", dt.date(1980, 1, 1), "female"))
sim = Mark10Simulator(ForceProfile(capacity_n=500.0), link=folder / "gauge", seed=5).serve()
session = DeviceSession()
session.connect_device(DeviceConfig("mark10", sim.path, rate_hz=50.0))
clinic = {x.key: x.default for x in S.clinic_settings()}
clinic[S.REST_SECONDS.key] = 0
page = StrengthPage(db, session, S.WorkstationSettings(folder / "ws.json"), clinic)
page.set_patient(pid)
battery = BATTERIES["standard_hip"]
setup = VisitSetup(dt.date.today(), None, 70.0, None, battery, tuple(
    MuscleSetup(m, battery.position_of(m), "make", 0.4, "hand") for m in battery.muscles))
with db.session() as s:
    visit_id = start_visit(s, pid, setup.visit_date, None, battery.code, 70.0)
page._open_screen(visit_id, setup)
screen = page.screen_widget

def wait(condition, seconds=15.0):
    end = time.monotonic() + seconds
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            sys.exit("timed out")

wait(lambda: session.status.state is DeviceState.STREAMING)
for peak in (200.0, 180.0, 210.0):
    wait(lambda: screen.phase is Phase.READY)
    end = time.monotonic() + 0.7
    wait(lambda: time.monotonic() > end)
    sim.start_trial(peak_n=peak, duration_s=1.0, rise_s=0.3, release_s=0.2)
    wait(lambda: screen.phase is Phase.REVIEW)
    screen.accept_trial()
wait(lambda: screen.phase is Phase.READY)
sim.start_trial(peak_n=220.0, duration_s=6.0, rise_s=0.3)
wait(lambda: screen.phase is Phase.RECORDING)
print("RECORDING", flush=True)
wait(lambda: False, 60.0)
"""


def test_killed_mid_trial_keeps_every_finished_trial_and_resumes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    env = {**os.environ, "HIPTRACK_HOME": str(tmp_path / "home")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, url, str(tmp_path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "RECORDING", child.stderr.read() if child.stderr else ""
        time.sleep(0.5)
        child.send_signal(signal.SIGKILL)  # no clean-up of any kind, as when power fails
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    db = Database(url)
    with db.session() as s:
        visit = s.scalar(select(Visit))
        trials = s.scalars(select(Trial).order_by(Trial.id)).all()
    assert visit is not None and visit.status == "in_progress"
    assert [t.accepted for t in trials] == [True, True, True]  # only the trial in progress is lost
    assert all(t.trace is not None for t in trials)

    clinic = {x.key: x.default for x in S.clinic_settings()}
    page = StrengthPage(db, DeviceSession(), S.WorkstationSettings(tmp_path / "ws2.json"), clinic)
    qtbot.addWidget(page)
    page.set_patient(visit.patient_id)
    assert "3 trials saved" in page.resume_label.text()
    page.resume_visit()
    assert page.screen_widget is not None
    assert page.screen_widget.step_label.text().startswith("Gluteus medius · RIGHT · trial 2")
    page.set_patient(None)
    db.dispose()
