"""Drivers over loop:// and a scripted port: sign policy, overload, tare, watchdog, disconnect."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
import serial

from hiptrack.devices.drivers import (
    DEFAULT_BAUD,
    PROTOCOLS,
    ImadaDriver,
    LineDriver,
    LutronDriver,
    Mark10Driver,
    ShimpoDriver,
    driver_class,
    open_driver,
)
from hiptrack.devices.errors import DeviceDisconnected, DeviceError, DeviceSilent, ProtocolMismatch

pytestmark = pytest.mark.timeout(30)


def loop() -> serial.SerialBase:
    return serial.serial_for_url("loop://", timeout=0.02)


def test_registry_names_and_default_bauds() -> None:
    assert sorted(PROTOCOLS) == ["imada", "line", "lutron", "mark10", "shimpo"]
    assert DEFAULT_BAUD == {"mark10": 115200, "imada": 19200, "shimpo": 38400, "lutron": 9600, "line": 9600}
    with pytest.raises(DeviceError, match="unknown protocol 'foo'"):
        driver_class("foo")


def test_push_reads_positive_for_every_protocol_polarity() -> None:
    # A push: Mark-10 prints compression positive, Shimpo prints push with "-".
    mark10 = Mark10Driver(loop())
    mark10.parser.reset(synced=True)
    mark10.port.write(b"12.5 N\r\n")
    shimpo = ShimpoDriver(loop())
    shimpo.parser.reset(synced=True)
    shimpo.port.write(b"-12.5 N\r")
    for drv in (mark10, shimpo):
        (s,) = drv.read_samples(0.5)
        assert (s.force_n, s.signed_n, s.overload) == (12.5, 12.5, False)


def test_pull_gives_the_same_magnitude_and_invert_flips_the_sign() -> None:
    drv = Mark10Driver(loop(), invert=True)
    drv.parser.reset(synced=True)
    drv.port.write(b"-20.0 N\r\n")
    (s,) = drv.read_samples(0.5)
    assert s.force_n == 20.0 and s.signed_n == 20.0


def test_overload_is_never_a_force() -> None:
    drv = ImadaDriver(loop())
    drv.port.write(b"+500.1NTE\r")
    (s,) = drv.read_samples(0.5)
    assert s.overload and math.isnan(s.force_n) and math.isnan(s.signed_n)


def test_readings_beyond_the_set_capacity_are_invalid_not_forces() -> None:
    drv = LutronDriver(loop(), capacity_n=100.0)
    drv.port.write(b"\x0241590100000500\r\x0241590100000999\r\x0241590100001001\r")
    samples = drv.read_samples(0.5)
    assert [(s.invalid, s.overload) for s in samples] == [(False, False), (False, False), (True, False)]
    assert math.isnan(samples[2].force_n) and math.isnan(samples[2].signed_n)
    assert drv.invalid_total == 1 and drv.last_invalid_n == pytest.approx(100.1)


def test_host_tare_for_output_only_gauges() -> None:
    drv = LutronDriver(loop())
    drv.port.write(b"\x0241590100000050\r" * 3)
    assert [s.force_n for s in drv.read_samples(0.5)] == [5.0, 5.0, 5.0]
    drv.tare()
    drv.port.write(b"\x0241590100000150\r")
    (s,) = drv.read_samples(0.5)
    assert s.force_n == pytest.approx(10.0)


def test_device_tare_commands() -> None:
    for cls, command in ((Mark10Driver, b"Z\r"), (ImadaDriver, b"Z\r"), (ShimpoDriver, b"PZ\x00")):
        port = loop()
        cls(port).tare()
        assert port.read(16) == command


def test_burst_timestamps_are_back_dated_and_non_decreasing() -> None:
    drv = LineDriver(loop(), rate_hz=100.0)
    drv.parser.reset(synced=True)
    drv.port.write(b"1\r\n2\r\n3\r\n4\r\n")
    batch = drv.read_samples(0.5)
    ts = [s.t for s in batch]
    assert ts == sorted(ts)
    assert ts[-1] - ts[0] == pytest.approx(0.03, abs=1e-9)


def test_silence_watchdog_and_protocol_mismatch() -> None:
    drv = LutronDriver(loop(), silence_s=0.2)
    with pytest.raises(DeviceSilent, match="no reply from loop://"):
        for _ in range(10):
            drv.read_samples(0.1)
    drv.port.write(b"-18.78 lbF\r\n" * 5)  # a Mark-10 on a port configured for Lutron
    with pytest.raises(ProtocolMismatch, match="check the baud rate and protocol"):
        for _ in range(10):
            drv.read_samples(0.1)


def test_polled_gauge_is_asked_at_the_rate_and_replies_complete_requests() -> None:
    drv = ImadaDriver(loop(), silence_s=5)
    drv.start_stream(20)
    got = drv.read_samples(0.1)  # loop:// echoes the D\r request: not a frame
    assert got == [] and drv.port.in_waiting == 0
    assert drv.mode == "poll" and drv.rate == 20


class FlakyPort:
    """A port that delivers some bytes, then fails like an unplugged USB adapter on Linux."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.timeout = 0.02
        self.port = "/dev/ttyFAKE"
        self.baudrate = 9600

    @property
    def in_waiting(self) -> int:
        if not self.chunks:
            raise OSError(5, "Input/output error")  # what in_waiting raises, not SerialException
        return len(self.chunks[0])

    def read(self, n: int) -> bytes:
        if not self.chunks:
            raise serial.SerialException("device reports readiness to read but returned no data")
        return self.chunks.pop(0)

    def write(self, data: bytes) -> int:
        raise serial.SerialException("write failed: [Errno 5] Input/output error")

    def close(self) -> None:
        pass


def test_disconnect_keeps_samples_then_raises() -> None:
    drv = LutronDriver(FlakyPort([b"\x0241590100000050\r"]))  # type: ignore[arg-type]
    assert [s.force_n for s in drv.read_samples(0.5)] == [5.0]
    with pytest.raises(DeviceDisconnected, match="device disconnected: /dev/ttyFAKE"):
        drv.read_samples(0.5)
    with pytest.raises(DeviceDisconnected):
        Mark10Driver(FlakyPort([])).tare()  # type: ignore[arg-type]


def test_open_missing_port_and_injected_port_cannot_reconnect() -> None:
    with pytest.raises(DeviceDisconnected, match="cannot open /dev/does-not-exist"):
        open_driver("mark10", "/dev/does-not-exist")
    drv = LutronDriver(loop())
    with pytest.raises(DeviceError, match="cannot reconnect"):
        drv.reconnect()


def test_open_by_url_sets_the_protocol_baud() -> None:
    drv = open_driver("imada", "loop://")
    assert drv.baud == 19200 and isinstance(drv, ImadaDriver)
    drv.close()
    usb = open_driver("imada", "loop://", 256000)
    assert usb.port.rtscts  # the Imada USB cable needs RTS/CTS at 256000
    usb.close()


def test_device_layer_imports_no_qt() -> None:
    code = (
        "import sys, hiptrack.devices.drivers, hiptrack.devices.ports, hiptrack.devices.simulators, "
        "hiptrack.cli.device, hiptrack.cli.simulate; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))]; "
        "sys.exit(bool(bad))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
