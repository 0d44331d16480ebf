"""One reader thread per device, bridging a pyserial driver to Qt.

The thread owns the driver: it opens the port, streams, reconnects after an unplug, and runs the
GUI's requests (tare, manual start/stop) between reads, so no driver call ever happens on two
threads. Each batch goes into the ring buffer (for painting at the GUI's own rate) and through the
trial segmenter (so a trial is captured even if the GUI is busy), then out as plain data by
queued signals. Nothing here touches a widget.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np
from PySide6.QtCore import QThread, Signal

from hiptrack.acquisition.ring_buffer import RingBuffer
from hiptrack.acquisition.segmenter import SegmenterSettings, TrialCapture, TrialSegmenter
from hiptrack.devices.errors import DeviceDisconnected, DeviceError, ProtocolMismatch
from hiptrack.devices.samples import DeviceInfo, Sample
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase, message_of

log = logging.getLogger(__name__)


class DeviceState(Enum):
    CONNECTING = "connecting"
    STREAMING = "streaming"
    SILENT = "silent"  # port open, nothing valid arriving (wrong baud or protocol, gauge in a menu)
    DISCONNECTED = "disconnected"  # unplugged; retrying by itself
    STOPPED = "stopped"


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState
    message: str
    info: DeviceInfo | None = None


@dataclass(frozen=True)
class SampleBatch:
    times_s: np.ndarray
    forces_n: np.ndarray
    overload: np.ndarray
    invalid: np.ndarray  # implausible readings (forces NaN): shown as gaps, never part of a trial
    received_at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class DeviceConfig:
    protocol: str
    port: str
    baud: int | None = None
    rate_hz: float | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return Phrase(QT_TRANSLATE_NOOP("Labels", "{protocol} on {port}"), protocol=self.protocol, port=self.port)


def batch_from_samples(samples: list[Sample]) -> SampleBatch:
    """Signed forces, a push positive (hiptrack.devices.samples): a tension, or a rest reading
    below zero, must reach the analysis as it is, never as its magnitude (issue 11)."""
    return SampleBatch(
        np.fromiter((s.t for s in samples), float, len(samples)),
        np.fromiter((s.signed_n for s in samples), float, len(samples)),
        np.fromiter((s.overload for s in samples), bool, len(samples)),
        np.fromiter((s.invalid for s in samples), bool, len(samples)),
    )


class DeviceReader(QThread):
    """Reads one device until stop(); all signals carry plain data and arrive queued."""

    status_changed = Signal(object)  # DeviceStatus
    samples_arrived = Signal(object)  # SampleBatch
    trial_started = Signal(float)  # onset time (monotonic s)
    trial_captured = Signal(object)  # TrialCapture (complete, or cut short with a reason)

    RECONNECT_BACKOFF_S = (0.2, 0.5, 1.0, 2.0)

    def __init__(self, config: DeviceConfig, buffer: RingBuffer | None = None,
                 segmenter_settings: SegmenterSettings | None = None) -> None:
        super().__init__()
        self.config = config
        self.buffer = buffer or RingBuffer()
        self.segmenter = TrialSegmenter(segmenter_settings)
        self._stop = threading.Event()
        self._requests: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._state: DeviceState | None = None
        self._message: str | None = None
        self._info: DeviceInfo | None = None
        self.samples_total = 0

    # --- requests from the GUI thread (thread-safe) ---
    def stop(self) -> None:
        self._stop.set()

    def request_tare(self) -> None:
        self._requests.put(("tare", None))

    def request_start_trial(self) -> None:
        self._requests.put(("start", None))

    def request_stop_trial(self) -> None:
        self._requests.put(("stop", None))

    def set_armed(self, armed: bool) -> None:
        self._requests.put(("arm", armed))

    def set_segmenter_settings(self, settings: SegmenterSettings) -> None:
        self._requests.put(("settings", settings))

    # --- the thread ---
    def run(self) -> None:
        driver = None
        attempt = 0
        try:
            while not self._stop.is_set():
                if driver is None:
                    driver = self._open(attempt)
                    attempt = 0 if driver is not None else attempt + 1
                    continue
                self._handle_requests(driver)
                try:
                    samples = driver.read_samples(timeout=0.05)
                except DeviceDisconnected as exc:
                    self._on_disconnected(str(exc))
                    driver = self._reconnect(driver)
                    continue
                except DeviceError as exc:  # silent gauge, wrong baud rate or protocol
                    self._expire_trial()
                    self._set_state(DeviceState.SILENT, self._silent_message(exc))
                    continue
                except Exception:
                    # A bug must not silently end acquisition: log it, start the port afresh.
                    log.exception("unexpected error while reading the device")
                    self._set_state(DeviceState.DISCONNECTED, QT_TRANSLATE_NOOP(
                        "Labels", "Unexpected device error (details in the log); reopening the port…"))
                    driver.close()
                    driver = None
                    self._sleep(0.5)
                    continue
                if samples:
                    self._set_state(DeviceState.STREAMING, self._streaming_message(driver))
                    # The gauge's own output rate is the clock of its trials; a polled or
                    # free-running device declares none (a Mark-10 without AOUT falls back to
                    # polling late), so its trials are timed from host timestamps instead.
                    self.segmenter.declared_rate_hz = driver.rate if driver.mode == "stream" else None
                    self._deliver(batch_from_samples(samples))
                else:
                    self._expire_trial()
        finally:
            if driver is not None:
                with contextlib.suppress(DeviceError):  # a gone device cannot be told to stop
                    driver.stop_stream()
                driver.close()
            self._set_state(DeviceState.STOPPED, QT_TRANSLATE_NOOP("Labels", "Device closed"))

    def _open(self, attempt: int) -> Any:
        from hiptrack.devices.drivers import open_driver

        self._set_state(DeviceState.CONNECTING, Phrase(QT_TRANSLATE_NOOP("Labels", "Connecting to {device}…"),
                                                       device=self.config.label))
        try:
            driver = open_driver(self.config.protocol, self.config.port, self.config.baud, **self.config.options)
            driver.start_stream(self.config.rate_hz)
        except DeviceError as exc:
            self._set_state(DeviceState.DISCONNECTED, Phrase(QT_TRANSLATE_NOOP(
                "Labels", "Device not available: {problem}. Retrying…"), problem=message_of(exc)))
            self._sleep(self._backoff(attempt))
            return None
        try:
            info = driver.identify() if not driver.free_running else DeviceInfo(self.config.protocol)
        except DeviceError:
            info = DeviceInfo(self.config.protocol)  # identification is a courtesy; readings decide
        self._info = info
        self._set_state(DeviceState.CONNECTING, Phrase(QT_TRANSLATE_NOOP("Labels", "{device}: waiting for readings…"),
                                                       device=self.config.label), info)
        return driver

    def _reconnect(self, driver: Any) -> Any:
        attempt = 0
        while not self._stop.is_set():
            try:
                driver.reconnect()
            except DeviceError:
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            log.info("device reconnected (%s)", self.config.protocol)
            self._set_state(DeviceState.CONNECTING, Phrase(QT_TRANSLATE_NOOP(
                "Labels", "{device}: reconnected, waiting for readings…"), device=self.config.label))
            return driver
        return driver

    def _on_disconnected(self, detail: str) -> None:
        log.warning("device disconnected (%s)", self.config.protocol)
        partial = self.segmenter.interrupt("device disconnected mid-trial")
        if partial is not None:
            self.trial_captured.emit(partial)
        self._set_state(DeviceState.DISCONNECTED, QT_TRANSLATE_NOOP(
            "Labels", "Device disconnected. Samples recorded so far are kept; reconnecting by itself…"))

    def _expire_trial(self) -> None:
        """A trial whose gauge has gone quiet ends now as interrupted, not when data comes back."""
        partial = self.segmenter.expire(time.monotonic())
        if partial is not None:
            log.warning("device silent mid-trial; partial trial kept (%s)", self.config.protocol)
            self.trial_captured.emit(partial)

    def _streaming_message(self, driver: Any) -> str:
        # Whole sentences (marked for translation, shown through label()), values filled in after.
        invalid = getattr(driver, "invalid_total", 0)
        if not invalid:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "{device}: receiving"), device=self.config.label)
        template = (QT_TRANSLATE_NOOP("Labels", "{device}: receiving; 1 implausible reading ignored (not a number, "
                                                "or beyond {limit}, {limit_n:.0f} N)") if invalid == 1 else
                    QT_TRANSLATE_NOOP("Labels", "{device}: receiving; {invalid} implausible readings ignored (not a "
                                                "number, or beyond {limit}, {limit_n:.0f} N)"))
        return Phrase(template, device=self.config.label, invalid=invalid, limit=driver.limit_source,
                      limit_n=driver.limit_n)

    def _silent_message(self, exc: DeviceError) -> str:
        if isinstance(exc, ProtocolMismatch):
            return f"{str(exc)[:1].upper()}{str(exc)[1:]}."  # bytes arrive but none parse: it names baud and protocol
        if self.config.baud:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "No readings from {port} at {baud} baud for protocol {protocol}: "
                                                      "check that the gauge is on and shows its main screen, and the "
                                                      "baud rate and protocol."),
                          port=self.config.port, baud=self.config.baud, protocol=self.config.protocol)
        return Phrase(QT_TRANSLATE_NOOP("Labels", "No readings from {port} for protocol {protocol}: check that the "
                                                  "gauge is on and shows its main screen, and the baud rate and "
                                                  "protocol."), port=self.config.port, protocol=self.config.protocol)

    def _deliver(self, batch: SampleBatch) -> None:
        self.samples_total += len(batch.times_s)
        self.buffer.append(batch.times_s, batch.forces_n, batch.overload)
        if batch.invalid.any():
            log.warning("gauge sent %d implausible readings (%s)", int(batch.invalid.sum()), self.config.protocol)
        events = self.segmenter.feed(batch.times_s, batch.forces_n, batch.overload, batch.invalid)
        self.samples_arrived.emit(batch)
        for event in events:
            if isinstance(event, TrialCapture):
                self.trial_captured.emit(event)
            else:
                self.trial_started.emit(float(batch.times_s[0]))

    def _handle_requests(self, driver: Any) -> None:
        while True:
            try:
                kind, value = self._requests.get_nowait()
            except queue.Empty:
                return
            if kind == "tare":
                try:
                    driver.tare()
                except DeviceError as exc:
                    log.warning("tare failed: %s", exc)
            elif kind == "start":
                last = self.buffer.latest(0.0)[0]
                self.segmenter.start_now(float(last[-1]) if len(last) else time.monotonic())
                self.trial_started.emit(time.monotonic())
            elif kind == "stop":
                capture = self.segmenter.stop_now()
                if capture is not None:
                    self.trial_captured.emit(capture)
            elif kind == "arm":
                self.segmenter.armed = bool(value)
            elif kind == "settings":
                self.segmenter.settings = value

    def _set_state(self, state: DeviceState, message: str, info: DeviceInfo | None = None) -> None:
        if (state, message) == (self._state, self._message):
            return  # one status per change, not one per batch
        self._state, self._message = state, message
        self.status_changed.emit(DeviceStatus(state, message, info or self._info))

    def _backoff(self, attempt: int) -> float:
        """Seconds to wait before reopening: quick at first, then every 2 s while the port is gone."""
        return self.RECONNECT_BACKOFF_S[min(attempt, len(self.RECONNECT_BACKOFF_S) - 1)]

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)
