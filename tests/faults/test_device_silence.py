"""Silence inside a trial over a pty: the trial is interrupted and kept, never closed as complete.

In the fault-injection run a 30 s gap mid-trial closed the trial as complete when data came back,
with its impulse inflated about 16 times.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hiptrack.acquisition.reader import DeviceConfig, DeviceReader
from hiptrack.acquisition.segmenter import SegmenterSettings, TrialCapture, TrialSegmenter
from hiptrack.devices.drivers import open_driver
from hiptrack.devices.simulators import ForceProfile, Mark10Simulator, VirtualClock
from tests.faults.device_rig import into_a_trial_plateau, wait_until

pytestmark = pytest.mark.timeout(60)
STEP_S = 0.1  # virtual seconds per lock step: five readings at 50 Hz


def test_a_silence_mid_trial_interrupts_it_while_the_gauge_is_still_quiet(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sim = Mark10Simulator(ForceProfile(capacity_n=500.0, noise_n=0.2), link=tmp_path / "gauge", seed=5)
    with sim:
        reader = DeviceReader(DeviceConfig("mark10", sim.path, rate_hz=50))
        try:
            into_a_trial_plateau(qtbot, reader, sim, duration_s=8.0)
            # Silent for a minute: the trial must end well before data could come back.
            with qtbot.waitSignal(reader.trial_captured, timeout=15_000) as captured:
                sim.inject("silence", 60.0)
        finally:
            reader.stop()
            reader.wait(5000)
    capture: TrialCapture = captured.args[0]
    assert not capture.complete and "silent" in capture.reason
    assert capture.peak_n > 150.0  # what was recorded before the silence is kept


def test_data_returning_after_a_silence_does_not_close_one_long_complete_trial(tmp_path: Path) -> None:
    """Virtual time, lock-step: the simulator and the driver share a clock the test moves."""
    clock = VirtualClock()
    segmenter = TrialSegmenter(SegmenterSettings())
    events: list[TrialCapture | str] = []
    profile = ForceProfile(capacity_n=500.0, noise_n=0.2)
    with (Mark10Simulator(profile, seed=5, clock=clock) as sim,
          open_driver("mark10", sim.path, clock=clock, silence_s=1000.0) as drv):
        drv.start_stream(50)
        wait_until(lambda: sim.stream_rate == 50)
        sim.start_trial(peak_n=200.0, kind="make", duration_s=9.0, rise_s=0.3)
        for step in range(120):  # 12 virtual seconds
            if step == 15:
                sim.inject("silence", 4.0)  # from 1.5 s to 5.5 s, mid-plateau
            clock.advance(STEP_S)
            due = (step + 1) * 5
            wait_until(lambda: len(sim.sent) > due)  # noqa: B023 (called before the next step)
            samples = drv.read_samples(0.0)  # one read: virtual time does not move by itself
            if samples:
                events += segmenter.feed(
                    np.array([s.t for s in samples]),
                    np.array([s.force_n for s in samples]),
                    np.array([s.overload for s in samples]),
                    np.array([s.invalid for s in samples]),
                )
    captures = [e for e in events if isinstance(e, TrialCapture)]
    assert events.count("started") == 1 and len(captures) == 1, events
    (partial,) = captures
    assert not partial.complete and "silent for 4" in partial.reason
    assert partial.duration_s < 2.5 and partial.peak_n > 150.0
    # The force still held when data came back is the tail of the interrupted contraction, not a
    # new trial starting mid-contraction.
    assert np.diff(partial.times_s).max() < 1.5
