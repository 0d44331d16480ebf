"""Helpers the device fault tests share (not a conftest: tests/faults/conftest.py is the storage suite's)."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from hiptrack.acquisition.reader import DeviceReader, DeviceState
from hiptrack.devices.drivers import Driver
from hiptrack.devices.samples import Sample
from hiptrack.devices.simulators import Simulator

WAIT_S = 10.0  # generous bound for another thread to act: a verdict never rests on how long it took


def wait_until(condition: Callable[[], bool], seconds: float = WAIT_S) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the simulator or the driver"
        time.sleep(0.005)


def read_until(drv: Driver, done: Callable[[list[Sample]], bool], seconds: float = WAIT_S) -> list[Sample]:
    """Samples until `done(samples)`, within a bounded number of reads."""
    samples: list[Sample] = []
    deadline = time.monotonic() + seconds
    while not done(samples):
        assert time.monotonic() < deadline, f"timed out after {len(samples)} samples"
        samples += drv.read_samples(0.05)
    return samples


def into_a_trial_plateau(qtbot, reader: DeviceReader, sim: Simulator, duration_s: float) -> None:  # type: ignore[no-untyped-def]
    """Start `reader`, wait for streaming, start a 200 N trial and wait until its plateau is read."""
    with qtbot.waitSignal(reader.status_changed, timeout=10_000,
                          check_params_cb=lambda s: s.state is DeviceState.STREAMING):
        reader.start()
    with qtbot.waitSignal(reader.trial_started, timeout=10_000):
        sim.start_trial(peak_n=200.0, kind="make", duration_s=duration_s, rise_s=0.3)
    qtbot.waitUntil(lambda: float(np.nanmax(reader.buffer.latest(0.5)[1], initial=0.0)) > 150.0, timeout=10_000)
