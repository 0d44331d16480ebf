"""Serial ports with their USB identity, known gauges, and read-only protocol probing (§8.3).

Probing never changes a gauge: it listens first (Lutron frames and sketches talk by themselves),
then sends only read requests: `?\\r` (Mark-10), `D\\r` (Imada), `?` (Shimpo). Never Z, Q, SAVE or a
unit command: a probe must not zero a gauge holding a patient's load or switch it off.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass

import serial
from serial.tools import list_ports as _list_ports

from hiptrack.devices.drivers import PROTOCOLS, READ_SLICE_S
from hiptrack.devices.protocols import ImadaParser, LineParser, LutronParser, Mark10Parser, ShimpoParser

# (VID, PID) -> (protocol, name). Only IDs that belong to one maker's gauge: generic FTDI or
# Prolific IDs say nothing about what is behind the adapter.
KNOWN_DEVICES: dict[tuple[int, int], tuple[str, str]] = {
    (0x1412, 0x0200): ("imada", "Imada DSV/DST series (USB)"),
}
ADAPTER_HINTS: dict[tuple[int, int], str] = {
    (0x0403, 0x6001): "FTDI serial adapter (Nextech, Dillon or a cable-connected gauge)",
    (0x0403, 0x6015): "FTDI FT-X serial adapter",
    (0x067B, 0x2303): "Prolific serial adapter (used with Shimpo RS-232 cables)",
}
READ_ONLY_REQUESTS: dict[str, bytes] = {"mark10": b"?\r", "imada": b"D\r", "shimpo": b"?"}


@dataclass(frozen=True, slots=True)
class PortInfo:
    device: str
    description: str
    hwid: str
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    manufacturer: str | None = None
    product: str | None = None
    known_device: str | None = None  # e.g. "Imada DSV/DST series (USB)"
    protocol: str | None = None  # the protocol a known device speaks
    hint: str | None = None  # what a generic adapter usually carries

    @property
    def summary(self) -> str:
        """What is plugged in, in words: the gauge we recognise, an adapter's usual load, or the
        system's description. pyserial says "n/a" when the system gives none (a built-in or virtual
        port), which reads like an error, so that case is said in full."""
        if self.known_device or self.hint:
            return str(self.known_device or self.hint)
        if self.description and self.description.strip().lower() not in ("n/a", ""):
            return self.description
        return "no description from the system (a built-in or virtual serial port; not a recognised gauge)"

    @property
    def usb_id(self) -> str | None:
        return f"{self.vid:04X}:{self.pid:04X}" if self.vid is not None and self.pid is not None else None


def list_ports() -> list[PortInfo]:
    """Every serial port the OS reports, USB identity included (pseudo-terminals are not listed)."""
    found = []
    for p in sorted(_list_ports.comports(), key=lambda p: p.device):
        key = (p.vid, p.pid) if p.vid is not None and p.pid is not None else None
        known = KNOWN_DEVICES.get(key) if key else None
        found.append(
            PortInfo(
                device=p.device,
                description=p.description or "",
                hwid=p.hwid or "",
                vid=p.vid,
                pid=p.pid,
                serial_number=p.serial_number,
                manufacturer=p.manufacturer,
                product=p.product,
                known_device=known[1] if known else None,
                protocol=known[0] if known else None,
                hint=ADAPTER_HINTS.get(key) if key else None,
            )
        )
    return found


def probe(port: str, *, listen_s: float = 1.0, reply_s: float = 0.3) -> str | None:
    """The protocol spoken on `port` (mark10, imada, shimpo, lutron, line), or None."""
    found = probe_details(port, listen_s=listen_s, reply_s=reply_s)
    return found[0] if found else None


def probe_details(port: str, *, listen_s: float = 1.0, reply_s: float = 0.3) -> tuple[str, int] | None:
    """(protocol, baud) found on `port`, trying each protocol's usual baud rates; None if nothing."""
    for baud in _candidate_bauds():
        try:
            link = _open(port, baud)
        except (OSError, ValueError):
            return None  # the port itself is missing or busy: no baud rate will help
        try:
            found = _probe_at(link, baud, listen_s, reply_s)
        except OSError:
            return None
        finally:
            with contextlib.suppress(OSError):
                link.close()
        if found:
            return found, baud
    return None


def _candidate_bauds() -> list[int]:
    # Every protocol's default first (most gauges keep it), then the alternatives.
    bauds = list(dict.fromkeys(cls.default_baud for cls in PROTOCOLS.values()))
    for cls in PROTOCOLS.values():
        bauds.extend(b for b in cls.probe_bauds if b not in bauds)
    return bauds


def _open(port: str, baud: int) -> serial.SerialBase:
    options: dict[str, object] = {"baudrate": baud, "timeout": READ_SLICE_S, "write_timeout": 1.0}
    if os.name == "posix" and "://" not in port:
        options["exclusive"] = True
    return serial.serial_for_url(port, **options)


def _speaks_at(protocol: str, baud: int) -> bool:
    cls = PROTOCOLS[protocol]
    return baud == cls.default_baud or baud in cls.probe_bauds


def _probe_at(link: serial.SerialBase, baud: int, listen_s: float, reply_s: float) -> str | None:
    heard = _collect(link, listen_s)
    if heard:
        return _classify_stream(heard)
    for protocol, request in READ_ONLY_REQUESTS.items():
        if not _speaks_at(protocol, baud):
            continue
        link.reset_input_buffer()
        link.write(request)
        if _answers(protocol, _collect(link, reply_s, stop_early=True)):
            return protocol
    return None


def _collect(link: serial.SerialBase, seconds: float, stop_early: bool = False) -> bytes:
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        chunk = link.read(link.in_waiting or 1)
        data += chunk
        if stop_early and data.endswith((b"\r", b"\n", b"\x06")) and not link.in_waiting:
            break
    return data


def _answers(protocol: str, reply: bytes) -> bool:
    if protocol == "mark10":
        parser: Mark10Parser | ImadaParser | ShimpoParser = Mark10Parser()
        parser.reset(synced=True)
    elif protocol == "imada":
        parser = ImadaParser()
    else:
        parser = ShimpoParser()
        parser.reset(synced=True)
    readings = parser.feed(reply)
    errors = [r for r in parser.take_replies() if r.kind in ("error", "ack")]
    # Imada answers an unknown command with a bare "E": only a frame proves the D protocol.
    return bool(readings) or (protocol == "mark10" and bool(errors))


def _classify_stream(data: bytes) -> str | None:
    """A gauge that talks by itself: which grammar do its bytes follow?

    Whatever the baud rate tried, well-formed frames prove it right (at a wrong rate a UART
    delivers garbage), so the grammar alone decides.
    """
    if LutronParser().feed(data):
        return "lutron"
    if b"\n" not in data:
        return "shimpo" if ShimpoParser().feed(data) else None  # CR-only lines
    mark10 = Mark10Parser()
    if mark10.feed(data) and mark10.last_unit.endswith(b"F"):
        return "mark10"  # "lbF", "kgF": the capital F is Mark-10's own spelling
    # A Mark-10 streaming in N or NUM format looks like any sketch; the line driver reads it.
    return "line" if LineParser().feed(data) else None
