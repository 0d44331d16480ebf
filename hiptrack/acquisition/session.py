"""The app's connection to one dynamometer: starts and stops reader threads, forwards their signals.

Pages connect to a DeviceSession once and keep their connections when the clinician switches
ports: the session re-wires each new reader to its own signals.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceState, DeviceStatus
from hiptrack.acquisition.ring_buffer import RingBuffer
from hiptrack.acquisition.segmenter import SegmenterSettings
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# Shown through label() (device_bar.status_text), like every status the reader sends.
NO_DEVICE = QT_TRANSLATE_NOOP("Labels", "No dynamometer connected")


def with_clinic_limit(config: DeviceConfig, clinic: Mapping[str, Any]) -> DeviceConfig:
    """`config` with the clinic's plausibility limit, unless it sets one itself.

    The capacity a gauge states in its identification still wins over this (devices/plausibility.py).
    """
    if config.options.get("capacity_n") is not None:
        return config
    limit = S.GAUGE_LIMIT_N.validate(clinic.get(S.GAUGE_LIMIT_N.key, S.GAUGE_LIMIT_N.default))
    return dataclasses.replace(config, options={**config.options, "capacity_n": limit})


class DeviceSession(QObject):
    stop_wait_ms = 5000  # how long disconnecting waits for a reader before leaving it to finish alone

    status_changed = Signal(object)  # DeviceStatus
    samples_arrived = Signal(object)  # SampleBatch
    trial_started = Signal(float)
    trial_captured = Signal(object)  # TrialCapture

    def __init__(self, parent: QObject | None = None, clinic: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.clinic: Mapping[str, Any] = clinic if clinic is not None else {}  # read at each connect
        self.buffer = RingBuffer()
        self.reader: DeviceReader | None = None
        self.config: DeviceConfig | None = None
        self.status = DeviceStatus(DeviceState.STOPPED, NO_DEVICE)
        self.segmenter_settings = SegmenterSettings()
        self.simulator: object | None = None  # a demo simulator kept alive with the session
        self._stopping: list[DeviceReader] = []  # readers that outlived the stop wait

    @property
    def connected(self) -> bool:
        return self.reader is not None

    def connect_device(self, config: DeviceConfig) -> None:
        self.disconnect_device()
        self.buffer.clear()
        config = with_clinic_limit(config, self.clinic)
        self.config = config
        reader = DeviceReader(config, self.buffer, self.segmenter_settings)
        reader.status_changed.connect(self._on_status)
        reader.samples_arrived.connect(self.samples_arrived)
        reader.trial_started.connect(self.trial_started)
        reader.trial_captured.connect(self.trial_captured)
        self.reader = reader
        log.info("connecting device (%s)", config.protocol)
        reader.start()

    def disconnect_device(self) -> None:
        reader, self.reader = self.reader, None
        if reader is None:
            return
        reader.stop()
        stopped = reader.wait(self.stop_wait_ms)
        wires: list[tuple[Any, Any]] = [(reader.status_changed, self._on_status)]
        if not stopped:
            # Whatever a stuck reader says later must never reach the next device or visit.
            wires += [(reader.samples_arrived, self.samples_arrived), (reader.trial_started, self.trial_started),
                      (reader.trial_captured, self.trial_captured)]
        for signal, slot in wires:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        if not stopped:
            # A driver stuck in a blocking read. Dropping the last reference here would destroy a
            # running QThread, which aborts the whole process: keep it until it has finished.
            log.error("device reader did not stop within %d ms; kept until it finishes", self.stop_wait_ms)
            self._stopping.append(reader)
            reader.finished.connect(lambda r=reader: self._forget(r))
            if reader.isFinished():  # finished between the wait and the connection
                self._forget(reader)
        self._on_status(DeviceStatus(DeviceState.STOPPED, NO_DEVICE))

    def _forget(self, reader: DeviceReader) -> None:
        if reader in self._stopping:
            self._stopping.remove(reader)

    @property
    def stopping_readers(self) -> int:
        """Readers asked to stop that have not finished yet (kept alive until they do)."""
        return len(self._stopping)

    def tare(self) -> None:
        if self.reader is not None:
            self.reader.request_tare()

    def start_trial(self) -> None:
        if self.reader is not None:
            self.reader.request_start_trial()

    def stop_trial(self) -> None:
        if self.reader is not None:
            self.reader.request_stop_trial()

    def set_armed(self, armed: bool) -> None:
        if self.reader is not None:
            self.reader.set_armed(armed)

    def set_segmenter_settings(self, settings: SegmenterSettings) -> None:
        self.segmenter_settings = settings
        if self.reader is not None:
            self.reader.set_segmenter_settings(settings)

    def shutdown(self) -> None:
        self.disconnect_device()
        stop = getattr(self.simulator, "stop", None)
        if callable(stop):
            stop()
        self.simulator = None

    def _on_status(self, status: DeviceStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
