"""A gauge that reads the patient's effort as a pull (mounted for tension, or the other way round):
the trial screen says so and counts nothing (issue 11, device sign). On main the pull's magnitude
was stored as a push."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from hiptrack.devices.simulators import ForceProfile, Mark10Simulator
from hiptrack.gui.trial_screen import Phase
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial
from tests.gui.test_strength_workflow import page, session, start_visit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Mark10Simulator]:
    profile = ForceProfile(capacity_n=500.0, noise_n=0.2, direction="pull")
    with Mark10Simulator(profile, link=tmp_path / "gauge", seed=11) as simulator:
        yield simulator


def test_a_pull_is_kept_not_counted_and_named(qtbot, page, sim, on_modal, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    screen = start_visit(page, on_modal)
    qtbot.waitUntil(lambda: screen.phase is Phase.READY, timeout=10_000)
    qtbot.wait(700)  # a quiet rest before the contraction
    sim.start_trial(peak_n=200.0, kind="make", duration_s=1.0, rise_s=0.3, release_s=0.2)
    qtbot.waitUntil(lambda: screen.trials.rowCount() == 1, timeout=10_000)
    status = screen.trials.item(0, 3).text()
    assert status.startswith("✗") and "pull of" in status and "check how the gauge is mounted" in status
    assert screen.phase is Phase.READY and screen.run.progress[0] == 0
    with sqlite_db.session() as s:
        trial = s.scalars(select(Trial)).one()
    assert (trial.accepted, trial.peak_force_n) == (False, None) and "pull of" in (trial.reject_reason or "")
