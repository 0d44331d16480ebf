"""The reader thread against simulated gauges on real pseudo-terminals, through pyserial."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceState, DeviceStatus
from hiptrack.acquisition.segmenter import TrialCapture
from hiptrack.devices.simulators import ForceProfile, Mark10Simulator

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Mark10Simulator]:
    simulator = Mark10Simulator(ForceProfile(capacity_n=500.0, noise_n=0.3), link=tmp_path / "gauge", seed=3)
    with simulator:
        yield simulator


@pytest.fixture
def reader_for(qtbot):  # type: ignore[no-untyped-def]
    readers: list[DeviceReader] = []

    def make(config: DeviceConfig) -> DeviceReader:
        reader = DeviceReader(config)
        readers.append(reader)
        return reader

    yield make
    for reader in readers:
        reader.stop()
        reader.wait(5000)


def wait_for_state(qtbot, reader: DeviceReader, state: DeviceState, timeout: int = 10_000) -> DeviceStatus:  # type: ignore[no-untyped-def]
    seen: list[DeviceStatus] = []

    def check(status: DeviceStatus) -> bool:
        seen.append(status)
        return status.state is state

    with qtbot.waitSignal(reader.status_changed, timeout=timeout, check_params_cb=check):
        pass
    return seen[-1]


def test_trial_is_captured_from_a_streaming_gauge(qtbot, sim: Mark10Simulator, reader_for) -> None:  # type: ignore[no-untyped-def]
    reader = reader_for(DeviceConfig("mark10", sim.path, rate_hz=50))
    with qtbot.waitSignal(reader.status_changed, timeout=10_000,
                          check_params_cb=lambda s: s.state is DeviceState.STREAMING):
        reader.start()
    with qtbot.waitSignal(reader.trial_captured, timeout=15_000) as blocker:
        sim.start_trial(peak_n=250.0, kind="make", duration_s=2.0)
    capture: TrialCapture = blocker.args[0]
    assert capture.complete
    assert 240.0 <= capture.peak_n <= 262.0
    assert reader.buffer.total_written > 50


def test_unplug_mid_trial_keeps_samples_and_reconnects(qtbot, sim: Mark10Simulator, reader_for) -> None:  # type: ignore[no-untyped-def]
    reader = reader_for(DeviceConfig("mark10", sim.path, rate_hz=50))
    with qtbot.waitSignal(reader.status_changed, timeout=10_000,
                          check_params_cb=lambda s: s.state is DeviceState.STREAMING):
        reader.start()
    with qtbot.waitSignal(reader.trial_started, timeout=10_000):
        sim.start_trial(peak_n=200.0, duration_s=2.0)
    # Into the plateau by what the reader has read, not by a wall-clock wait a busy machine outruns.
    qtbot.waitUntil(lambda: float(np.nanmax(reader.buffer.latest(0.5)[1], initial=0.0)) > 150.0, timeout=10_000)
    with qtbot.waitSignal(reader.trial_captured, timeout=10_000) as partial:
        # Replugged after the contraction is over, so the next trial starts from rest.
        sim.inject("unplug", replug_after=2.5)
    capture: TrialCapture = partial.args[0]
    assert not capture.complete and "disconnected" in capture.reason
    assert len(capture.forces_n) > 10 and capture.peak_n > 100.0
    wait_for_state(qtbot, reader, DeviceState.STREAMING, timeout=15_000)
    with qtbot.waitSignal(reader.trial_captured, timeout=15_000) as after:
        sim.start_trial(peak_n=180.0, duration_s=1.5)
    assert after.args[0].complete and 170.0 <= after.args[0].peak_n <= 190.0


def test_wrong_protocol_says_so(qtbot, sim: Mark10Simulator, reader_for) -> None:  # type: ignore[no-untyped-def]
    reader = reader_for(DeviceConfig("imada", sim.path, baud=19200))
    reader.start()
    status = wait_for_state(qtbot, reader, DeviceState.SILENT, timeout=15_000)
    assert "check the baud rate and protocol" in status.message
