"""DeviceSession.disconnect_device with a reader that does not stop in time (issue 17).

Before: the session dropped its only reference to the still-running reader; PySide6 then destroyed
a running QThread, which aborts the process ("QThread: Destroyed while thread is still running")."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from hiptrack.acquisition import session as session_module
from hiptrack.acquisition.reader import DeviceConfig, DeviceReader
from hiptrack.acquisition.session import DeviceSession

pytestmark = pytest.mark.timeout(60)


class StuckReader(DeviceReader):
    """A reader whose driver is stuck in a blocking read until the test lets it go."""

    release = threading.Event()
    entered = threading.Event()

    def run(self) -> None:
        self.entered.set()
        self.release.wait(30.0)  # bounded: never hangs the test run


def test_a_reader_that_outlives_the_stop_wait_is_kept_until_it_finishes(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(session_module, "DeviceReader", StuckReader)
    StuckReader.release.clear()
    StuckReader.entered.clear()
    device = DeviceSession()
    device.stop_wait_ms = 50
    device.connect_device(DeviceConfig("mark10", "/dev/null-gauge", rate_hz=50.0))
    assert StuckReader.entered.wait(10.0)
    captured: list[object] = []
    device.trial_captured.connect(captured.append)
    reader_ref = weakref.ref(device.reader)  # type: ignore[arg-type]
    device.disconnect_device()
    gc.collect()
    reader = reader_ref()
    assert reader is not None and reader.isRunning()  # kept alive, not destroyed while running
    assert device.stopping_readers == 1 and not device.connected
    reader.trial_captured.emit("late")  # a stuck reader's late trial never reaches the session
    with qtbot.waitSignal(reader.finished, timeout=10_000):
        StuckReader.release.set()
    assert reader.wait(10_000)
    qtbot.waitUntil(lambda: device.stopping_readers == 0, timeout=10_000)
    assert captured == []
