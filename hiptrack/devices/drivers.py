"""Drivers: one open serial port, one protocol state machine, samples in newtons out.

A driver owns the request/response or streaming state of one gauge. It is not thread-safe: the
acquisition layer runs every call (read_samples, tare, stop_stream) on its own reader thread.

    drv = open_driver("mark10", "/dev/ttyUSB0")      # or PROTOCOLS["mark10"].open(port, baud)
    drv.start_stream(50)                             # device stream, or host polling if none
    while running:
        try:
            batch = drv.read_samples(timeout=0.05)    # [] when nothing arrived in time
        except DeviceSilent: ...                      # nothing valid for `silence_s`; keep looping
        except DeviceDisconnected: drv.reconnect()    # raises PortUnavailable until it is back

Every port error is an OSError (pyserial's SerialException is one, and `in_waiting` raises a plain
OSError on a Linux unplug, devices.md §8.2), and all of them become DeviceDisconnected. Samples
parsed from the same read are returned first; the error is raised by the next call.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections import deque
from collections.abc import Callable
from typing import Any, ClassVar

import serial

from hiptrack.devices.errors import DeviceDisconnected, DeviceError, DeviceSilent, ProtocolMismatch
from hiptrack.devices.plausibility import DEFAULT_LIMIT_N, DISPLAY_MARGIN, mark10_capacity_n
from hiptrack.devices.protocols import (
    ImadaParser,
    LineParser,
    LutronParser,
    Mark10Parser,
    Parser,
    Reading,
    Reply,
    ShimpoParser,
)
from hiptrack.devices.protocols.line import DEFAULT_IGNORE, DEFAULT_PATTERN
from hiptrack.devices.samples import DeviceInfo, Sample
from hiptrack.devices.units import newtons_per
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

# How long one blocking read may wait. Short, so a reader thread notices stop requests quickly,
# long enough that an idle port costs ~50 wake-ups a second.
READ_SLICE_S = 0.02
NAN = float("nan")


class PortUnavailable(DeviceDisconnected):
    """The port cannot be opened (absent, unplugged, busy); reconnect loops treat it as still gone."""

    def __init__(self, port: str, detail: str) -> None:
        DeviceError.__init__(self, Phrase(QT_TRANSLATE_NOOP("Labels", "cannot open {port}: {detail}"),
                                          port=port, detail=detail))
        self.port = port


class Driver:
    """Base driver. Subclasses set the class attributes and override the protocol hooks."""

    protocol: ClassVar[str] = ""
    default_baud: ClassVar[int] = 9600
    probe_bauds: ClassVar[tuple[int, ...]] = ()
    polarity: ClassVar[float] = 1.0  # multiplies the wire value so that a push reads positive
    poll_request: ClassVar[bytes] = b""  # read-only request for one reading; b"" = output only
    stream_rates: ClassVar[tuple[float, ...]] = ()  # rates the device streams at by itself
    default_rate: ClassVar[float] = 10.0
    default_limit_n: ClassVar[float] = DEFAULT_LIMIT_N  # plausibility limit when nothing better is known

    def __init__(
        self,
        port: serial.SerialBase,
        *,
        invert: bool = False,
        capacity_n: float | None = None,
        silence_s: float = 2.0,
        reply_timeout_s: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        url: str | None = None,
        open_kwargs: dict[str, Any] | None = None,
        parser: Parser | None = None,
    ) -> None:
        self.port = port
        self.url = url or str(getattr(port, "port", None) or "serial port")
        self._open_kwargs = open_kwargs
        self.parser = parser or self.make_parser()
        self.invert = invert
        # Readings beyond the plausibility limit are invalid, never forces (devices/plausibility.py):
        # the capacity the gauge identifies itself with, else this clinic/user limit, else the default.
        self.capacity_n = capacity_n
        self.identified_capacity_n: float | None = None
        self.invalid_total = 0  # implausible readings received (not finite or beyond the limit)
        self.last_invalid_n: float | None = None
        self.silence_s = silence_s
        self.reply_timeout_s = reply_timeout_s
        self.clock = clock
        self.mode = "idle"  # "idle", "stream" (device streams) or "poll" (host requests each reading)
        self.rate: float | None = None
        self.offset_n = 0.0  # host-side tare, subtracted from the push-positive value
        self.replies: deque[Reply] = deque(maxlen=64)
        self.timeouts = 0  # poll requests that got no reply in time
        self.samples_total = 0
        self._interval = 0.0
        self._outstanding: float | None = None
        self._next_poll = 0.0
        self._t_last = -math.inf
        self._recent: deque[float] = deque(maxlen=10)
        self._pending_error: DeviceError | None = None
        self._tare_next = False
        self._arm_watchdog(armed=self.free_running)
        if port.timeout is None or port.timeout > READ_SLICE_S:
            port.timeout = READ_SLICE_S  # never block a reader thread for long

    # ---- construction -------------------------------------------------------------------------

    @classmethod
    def make_parser(cls) -> Parser:
        raise NotImplementedError

    @property
    def free_running(self) -> bool:
        return not self.poll_request and not self.stream_rates

    @property
    def limit_n(self) -> float:
        """Largest magnitude accepted as a force, in newtons."""
        if self.identified_capacity_n is not None:
            return self.identified_capacity_n * DISPLAY_MARGIN
        return self.capacity_n if self.capacity_n is not None else self.default_limit_n

    @property
    def limit_source(self) -> str:
        """Where limit_n comes from, for messages: the gauge's capacity, a setting or the default."""
        if self.identified_capacity_n is not None:
            return Phrase(QT_TRANSLATE_NOOP("Labels", "the gauge's {capacity:.0f} N capacity + 10 %"),
                          capacity=self.identified_capacity_n)
        return (QT_TRANSLATE_NOOP("Labels", "the set limit") if self.capacity_n is not None
                else QT_TRANSLATE_NOOP("Labels", "the default limit"))

    @property
    def baud(self) -> int | None:
        return getattr(self.port, "baudrate", None)

    @classmethod
    def open(cls, port: str, baud: int | None = None, *, rtscts: bool = False, **options: Any) -> Driver:
        """Open `port` (a device path, COM name or pyserial URL such as loop:// or socket://)."""
        kwargs: dict[str, Any] = {"baudrate": baud or cls.default_baud, "rtscts": rtscts}
        drv = cls(_open_port(port, kwargs), url=port, open_kwargs=kwargs, **options)
        drv.after_open()
        return drv

    def after_open(self) -> None:
        """Hook: what a protocol does once the port is open (nothing by default)."""

    def close(self) -> None:
        # Closing a port whose device is gone may fail; it is closed either way.
        with contextlib.suppress(OSError):
            self.port.close()

    def __enter__(self) -> Driver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reconnect(self) -> None:
        """Reopen the same path (after an unplug) and restore streaming; PortUnavailable if still gone."""
        if self._open_kwargs is None:
            raise DeviceError(Phrase(QT_TRANSLATE_NOOP("Labels", "cannot reconnect {port}: the driver was given an open "
                                                                 "port"), port=self.url))
        self.close()
        self.port = _open_port(self.url, self._open_kwargs)
        self.port.timeout = READ_SLICE_S
        self.parser.reset()
        self._outstanding = None
        self._pending_error = None
        mode, rate = self.mode, self.rate
        self.mode = "idle"
        self.after_open()
        if mode != "idle":
            self.start_stream(rate)
        self._arm_watchdog(armed=mode != "idle" or self.free_running)

    # ---- acquisition --------------------------------------------------------------------------

    def start_stream(self, rate: float | None = None) -> float | None:
        """Start continuous readings; returns the rate in use (None when the device sets it)."""
        rate = rate or self.rate or self.default_rate
        if self.stream_rates:
            chosen = min((r for r in self.stream_rates if r >= rate), default=max(self.stream_rates))
            self._begin_device_stream(chosen)
            self.mode, self.rate = "stream", chosen
        elif self.poll_request:
            self._sync_idle()
            self.mode, self.rate = "poll", rate
            self._next_poll = self.clock()
        else:
            self.mode, self.rate = "stream", None
        self._interval = 1.0 / self.rate if self.rate else 0.0
        self._arm_watchdog(armed=True)
        return self.rate

    def stop_stream(self) -> None:
        if self.mode == "stream" and self.stream_rates:
            self._end_device_stream()
        self.mode = "idle"
        self._outstanding = None
        self._arm_watchdog(armed=self.free_running)

    def poll(self) -> None:
        """Ask for one reading now; read_samples() collects the reply. No-op for output-only gauges."""
        if self.poll_request:
            self._send_poll(self.clock())

    def read_samples(self, timeout: float = 0.1) -> list[Sample]:
        """Samples that arrived within `timeout` seconds (returns as soon as a batch is complete)."""
        if self._pending_error is not None:
            err, self._pending_error = self._pending_error, None
            raise err
        out: list[Sample] = []
        deadline = self.clock() + timeout
        while True:
            now = self.clock()
            self._service_poll(now)
            try:
                data = self._read_chunk(now, deadline)
            except OSError as exc:
                err = DeviceDisconnected(self.url, str(exc))
                if out:
                    self._pending_error = err
                    return out
                raise err from exc
            now = self.clock()
            if data:
                self._bytes_since_valid += len(data)
                rejected = self.parser.rejected
                out.extend(self._to_samples(self.parser.feed(data), now))
                if self.parser.rejected != rejected:
                    self._outstanding = None  # a garbled reply is still the reply: ask again now
                self._drain_replies()
                if out:
                    return out
            if now >= deadline:
                break
        self._watchdog(now)
        return out

    def tare(self) -> None:
        """Zero the gauge: the device's own zero command where there is one, else a host-side offset."""
        self._tare_host()

    def identify(self) -> DeviceInfo:
        """What the gauge says about itself; DeviceSilent/ProtocolMismatch if it does not answer."""
        self.confirm()
        return DeviceInfo(self.protocol)

    # ---- internals ----------------------------------------------------------------------------

    def _read_chunk(self, now: float, deadline: float) -> bytes:
        waiting = self.port.in_waiting
        if waiting:
            return bytes(self.port.read(waiting))
        if self.mode == "poll" and self._outstanding is None:
            # Nothing is owed to us: sleep until the next poll instead of blocking in read().
            time.sleep(max(0.0, min(self._next_poll - now, deadline - now, READ_SLICE_S)))
            return b""
        data = bytes(self.port.read(1))
        if data:
            more = self.port.in_waiting
            if more:
                data += self.port.read(more)
        return data

    def _to_samples(self, readings: list[Reading], now: float) -> list[Sample]:
        k = len(readings)
        if not k:
            return []
        self._last_valid = now
        self._bytes_since_valid = 0
        if self._outstanding is not None:
            self._outstanding = None
        self.samples_total += k
        sign = -self.polarity if self.invert else self.polarity
        limit = self.limit_n
        offset = self.offset_n
        step = self._interval
        t_floor = self._t_last
        out: list[Sample] = []
        for i, (value, overload) in enumerate(readings):
            # A burst read at once holds samples spread over time: back-date them by the stream
            # interval, never before the previous batch, so timestamps stay non-decreasing.
            t = now - (k - 1 - i) * step if step else now
            if t < t_floor:
                t = t_floor
            if overload:
                out.append(Sample(t, NAN, True, NAN))
                continue
            if not abs(value) <= limit:  # also catches NaN and infinity
                self.invalid_total += 1
                self.last_invalid_n = value
                out.append(Sample(t, NAN, False, NAN, True))
                continue
            pushed = value * sign
            self._recent.append(pushed)
            signed = pushed - offset
            out.append(Sample(t, abs(signed), False, signed))
        self._t_last = out[-1].t
        if self._tare_next:
            self._tare_next = False
            self.offset_n = self._recent[-1] if self._recent else 0.0
        return out

    def _drain_replies(self) -> None:
        replies = self.parser.take_replies()
        if not replies:
            return
        self.replies.extend(replies)
        if self._outstanding is not None:
            self._outstanding = None  # an error or ack still answers the request
        if any(r.kind != "info" for r in replies):
            self._bytes_since_valid = 0  # acks and protocol errors prove the protocol is right
        for reply in replies:
            self._on_reply(reply)

    def _on_reply(self, reply: Reply) -> None:
        """Hook for protocol-specific replies (a Mark-10 refusing AOUT, for example)."""

    def _service_poll(self, now: float) -> None:
        if self.mode != "poll":
            return
        if self._outstanding is not None:
            if now - self._outstanding < self.reply_timeout_s:
                return
            # No reply in time: drop any half reply so the next one parses from its first byte.
            self.timeouts += 1
            self._outstanding = None
            self.parser.reset(synced=True)
        if now >= self._next_poll:
            self._send_poll(now)
            self._next_poll = max(self._next_poll + self._interval, now)

    def _send_poll(self, now: float) -> None:
        if not self.parser.synced:
            # The gauge is idle between request and reply, so a fresh reply starts a line.
            self.parser.reset(synced=True)
        self._write(self.poll_request)
        self._outstanding = now

    def _write(self, data: bytes) -> None:
        try:
            self.port.write(data)
        except OSError as exc:
            raise DeviceDisconnected(self.url, str(exc)) from exc

    def _arm_watchdog(self, armed: bool) -> None:
        self._watchdog_armed = armed
        self._last_valid = self.clock()
        self._bytes_since_valid = 0

    def _watchdog(self, now: float) -> None:
        if not self._watchdog_armed or now - self._last_valid < self.silence_s:
            return
        quiet_for = now - self._last_valid
        garbage = self._bytes_since_valid
        self._last_valid = now  # re-arm: report once per silence period, not on every call
        self._bytes_since_valid = 0
        if garbage:
            raise ProtocolMismatch(
                self.url, self.protocol, self.baud, f"{garbage} bytes in {quiet_for:.1f} s, none valid"
            )
        raise DeviceSilent(self.url, self.protocol, self.baud, quiet_for)

    def _flush_input(self) -> None:
        try:
            self.port.reset_input_buffer()
        except OSError as exc:
            raise DeviceDisconnected(self.url, str(exc)) from exc

    def _sync_idle(self) -> None:
        """Flush input; if the line then stays quiet briefly, the next byte starts a frame."""
        self._flush_input()
        time.sleep(0.03)
        try:
            quiet = not self.port.in_waiting
        except OSError as exc:
            raise DeviceDisconnected(self.url, str(exc)) from exc
        if not quiet:
            self._flush_input()
        self.parser.reset(synced=quiet or None)

    def _begin_device_stream(self, rate: float) -> None:
        raise NotImplementedError

    def _end_device_stream(self) -> None:
        raise NotImplementedError

    def _tare_host(self) -> None:
        if self._recent:
            self.offset_n = sum(self._recent) / len(self._recent)
        else:
            self._tare_next = True  # no reading yet: the next one becomes zero

    def _request(self, command: bytes, timeout: float | None = None) -> tuple[list[Reading], list[Reply]]:
        """Send `command` while idle and wait for the first reading or reply."""
        if self.mode != "idle":
            raise DeviceError(f"{self.protocol}: stop the stream before sending {command!r}")
        timeout = self.reply_timeout_s if timeout is None else timeout
        if command:
            self._sync_idle()
            self._write(command)
        deadline = self.clock() + timeout
        readings: list[Reading] = []
        replies: list[Reply] = []
        while self.clock() < deadline and not (readings or replies):
            try:
                data = self._read_chunk(self.clock(), deadline)
            except OSError as exc:
                raise DeviceDisconnected(self.url, str(exc)) from exc
            if data:
                self._bytes_since_valid += len(data)
                readings.extend(self.parser.feed(data))
                replies.extend(self.parser.take_replies())
        self.replies.extend(replies)
        return readings, replies

    def confirm(self, timeout: float = 1.0) -> list[Reading]:
        """Readings that prove the protocol (by request, or by listening to an output-only gauge).

        An ack or a protocol error (`*10`, `E`) also proves it, with no reading. Raises DeviceSilent
        when nothing arrives and ProtocolMismatch when bytes arrive that are not this protocol.
        """
        was = self.mode
        if was != "idle":
            self.stop_stream()
        self._bytes_since_valid = 0
        readings, replies = self._request(self.poll_request, timeout)
        if not readings and not self.poll_request:
            readings, replies = self._request(b"", timeout)  # a second frame for free-running gauges
        if was != "idle":
            self.start_stream(self.rate)
        if readings or any(r.kind in ("ack", "error") for r in replies):
            return readings
        if self._bytes_since_valid:
            raise ProtocolMismatch(self.url, self.protocol, self.baud,
                                   QT_TRANSLATE_NOOP("Labels", "the reply is not in this protocol"))
        raise DeviceSilent(self.url, self.protocol, self.baud, timeout)


def _open_port(url: str, kwargs: dict[str, Any]) -> serial.SerialBase:
    options = dict(kwargs, timeout=READ_SLICE_S, write_timeout=1.0)
    if os.name == "posix" and "://" not in url:
        options["exclusive"] = True  # a second program reading the same gauge would steal bytes
    try:
        return serial.serial_for_url(url, **options)
    except (OSError, ValueError) as exc:
        raise PortUnavailable(url, str(exc)) from exc


# ---- protocols ---------------------------------------------------------------------------------


class Mark10Driver(Driver):
    """Mark-10 GCL2 (devices.md §1): `?` polling or AOUTn streaming, compression positive."""

    protocol = "mark10"
    default_baud = 115200
    probe_bauds = (115200, 9600, 19200, 38400, 57600)
    polarity = 1.0
    poll_request = b"?\r"
    stream_rates = (1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 125.0, 250.0)
    default_rate = 50.0

    def __init__(self, port: serial.SerialBase, *, num_unit: str = "N", poll_only: bool = False, **kw: Any):
        super().__init__(port, parser=Mark10Parser(num_unit=num_unit), **kw)
        # Series 4, 3i and TT03 answer `?` only: poll them instead of asking for AOUT.
        self.poll_only = poll_only
        self._stream_asked_at: float | None = None

    @classmethod
    def make_parser(cls) -> Parser:
        return Mark10Parser()

    def start_stream(self, rate: float | None = None) -> float | None:
        if self.poll_only:
            return self._start_polling(rate)
        return super().start_stream(rate)

    def _start_polling(self, rate: float | None) -> float | None:
        rate = rate or self.rate or self.default_rate
        self._sync_idle()
        self.mode, self.rate, self._interval = "poll", rate, 1.0 / rate
        self._next_poll = self.clock()
        self._arm_watchdog(armed=True)
        return rate

    def _begin_device_stream(self, rate: float) -> None:
        self._sync_idle()
        self._write(f"AOUT{int(rate)}\r".encode())
        self._stream_asked_at = self.clock()

    def _end_device_stream(self) -> None:
        self._write(b"AOUT0\r")
        self._stream_asked_at = None

    def _on_reply(self, reply: Reply) -> None:
        # A gauge without AOUT answers `*10`: fall back to polling at the rate asked for.
        if reply.kind == "error" and self._stream_asked_at is not None and self.mode == "stream":
            self._stream_asked_at = None
            self.poll_only = True
            self._start_polling(self.rate)

    def tare(self) -> None:
        self._write(b"Z\r")  # zeroes and clears peaks; silent on the gauges documented
        self.offset_n = 0.0

    def identify(self) -> DeviceInfo:
        self.confirm()
        was = self.mode
        if was != "idle":
            self.stop_stream()
        firmware = None
        listing = self._text_reply(b"LIST\r")
        if listing:
            fields = listing.split(";")
            firmware = fields[0] or None
            if len(fields) > 1 and newtons_per(fields[1]) is not None:
                self.parser_num_unit(fields[1])
        model = self._text_reply(b"RM\r")
        self.identified_capacity_n = mark10_capacity_n(model)
        info = DeviceInfo(
            self.protocol,
            model=model,
            serial=self._text_reply(b"RS\r"),
            firmware=firmware,
            capacity_n=self.identified_capacity_n,
        )
        if was != "idle":
            self.start_stream(self.rate)
        return info

    def parser_num_unit(self, unit: str) -> None:
        """The unit of NUM-format lines (which print none); LIST reports it."""
        assert isinstance(self.parser, Mark10Parser)
        self.parser.num_unit = unit

    def _text_reply(self, command: bytes) -> str | None:
        assert isinstance(self.parser, Mark10Parser)
        self.parser.text_mode = True
        try:
            _, replies = self._request(command, 0.3)
        finally:
            self.parser.text_mode = False
        for reply in replies:
            if reply.kind == "info":
                return reply.text.strip() or None
        return None  # `*NN`: not supported by this series


class ImadaDriver(Driver):
    """Imada DS2/DST/DSV/HTG2 "D" protocol (§2.1): polled only, `Z` zeroes (answered `R`)."""

    protocol = "imada"
    default_baud = 19200  # RS-232C; the USB (FTDI) cable runs at 256000 with RTS/CTS
    probe_bauds = (19200, 256000)
    polarity = 1.0  # which direction is "+" is NOT FOUND; a push is assumed positive
    poll_request = b"D\r"
    default_rate = 20.0

    @classmethod
    def make_parser(cls) -> Parser:
        return ImadaParser()

    @classmethod
    def open(
        cls, port: str, baud: int | None = None, *, rtscts: bool | None = None, **options: Any
    ) -> Driver:
        # The USB cable needs hardware flow control at 256000 baud ([DSTDSV]); RS-232C has none.
        baud = baud or cls.default_baud
        return super().open(port, baud, rtscts=(baud == 256000) if rtscts is None else rtscts, **options)

    def tare(self) -> None:
        self._write(b"Z\r")
        self.offset_n = 0.0

    def identify(self) -> DeviceInfo:
        self.confirm()
        assert isinstance(self.parser, ImadaParser)
        return DeviceInfo(self.protocol, model="DS2/DST/DSV/HTG2 (D protocol)")


class ShimpoDriver(Driver):
    """Shimpo FG-7000 / OEM binary commands (§3.1): push is `-`, streams at 10/20/50/100 per second."""

    protocol = "shimpo"
    default_baud = 38400
    probe_bauds = (38400, 9600, 19200)
    polarity = -1.0  # pull prints no sign, push prints "-": flip so a push reads positive
    poll_request = b"?"
    stream_rates = (10.0, 20.0, 50.0, 100.0)
    default_rate = 100.0
    _STREAM_CODES: ClassVar[dict[float, bytes]] = {
        10.0: b"\x02",
        20.0: b"\x03",
        50.0: b"\x04",
        100.0: b"\x05",
    }

    @classmethod
    def make_parser(cls) -> Parser:
        return ShimpoParser()

    def _begin_device_stream(self, rate: float) -> None:
        self._sync_idle()
        self._write(b"?C" + self._STREAM_CODES[rate])

    def _end_device_stream(self) -> None:
        self._write(b"?C\xff")

    def tare(self) -> None:
        self._write(b"PZ\x00")  # answered by R\x06, which the parser files as an ack
        self.offset_n = 0.0

    def identify(self) -> DeviceInfo:
        self.confirm()
        return DeviceInfo(self.protocol, model="FG-7000 / OEM binary protocol")


class LutronDriver(Driver):
    """Lutron FG-5000/FG-6005SD, RS-Pro 111-3689 (§4): output only, host-side tare."""

    protocol = "lutron"
    default_baud = 9600
    probe_bauds = (9600,)
    polarity = 1.0  # which direction prints polarity "1" is NOT FOUND; "0" (+) is assumed a push

    @classmethod
    def make_parser(cls) -> Parser:
        return LutronParser()

    def identify(self) -> DeviceInfo:
        self.confirm(timeout=2.5)  # frame rate NOT FOUND; 1 Hz is common, so wait for two frames
        return DeviceInfo(self.protocol, model="Lutron/RS-Pro 16-byte frame")


class LineDriver(Driver):
    """Arduino/HX711 rigs and other line-per-reading gauges (§5), configured by regex."""

    protocol = "line"
    default_baud = 9600
    probe_bauds = (9600, 57600, 115200)
    polarity = 1.0

    def __init__(
        self,
        port: serial.SerialBase,
        *,
        pattern: str = DEFAULT_PATTERN,
        ignore: str | None = DEFAULT_IGNORE,
        default_unit: str = "N",
        scale: float = 1.0,
        request: bytes = b"",
        rate_hz: float | None = None,
        **kw: Any,
    ) -> None:
        parser = LineParser(pattern=pattern, ignore=ignore, default_unit=default_unit, scale=scale)
        self._request_bytes = request
        super().__init__(port, parser=parser, **kw)
        # Free-running sketches do not say their rate; a known one lets bursts be back-dated.
        self._interval = 1.0 / rate_hz if rate_hz else 0.0
        self.rate = rate_hz

    @classmethod
    def make_parser(cls) -> Parser:
        return LineParser()

    @property
    def free_running(self) -> bool:
        return not self._request_bytes

    def _send_poll(self, now: float) -> None:
        self._write(self._request_bytes)
        self._outstanding = now

    def start_stream(self, rate: float | None = None) -> float | None:
        if not self._request_bytes:
            self.mode = "stream"
            self._arm_watchdog(armed=True)
            return self.rate
        rate = rate or self.rate or self.default_rate
        self.mode, self.rate, self._interval = "poll", rate, 1.0 / rate
        self._next_poll = self.clock()
        self._arm_watchdog(armed=True)
        return rate

    def poll(self) -> None:
        if self._request_bytes:
            self._send_poll(self.clock())

    def identify(self) -> DeviceInfo:
        was = self.mode
        if was != "idle":
            self.stop_stream()
        self._bytes_since_valid = 0
        readings, _ = self._request(self._request_bytes, 2.5)
        if not readings:
            readings, _ = self._request(b"", 2.5)
        if was != "idle":
            self.start_stream(self.rate)
        if not readings:
            if self._bytes_since_valid:
                raise ProtocolMismatch(self.url, self.protocol, self.baud,
                                       QT_TRANSLATE_NOOP("Labels", "no line matches the pattern"))
            raise DeviceSilent(self.url, self.protocol, self.baud, 5.0)
        return DeviceInfo(self.protocol, model="line device")


PROTOCOLS: dict[str, type[Driver]] = {
    "mark10": Mark10Driver,
    "imada": ImadaDriver,
    "shimpo": ShimpoDriver,
    "lutron": LutronDriver,
    "line": LineDriver,
}

DEFAULT_BAUD: dict[str, int] = {name: cls.default_baud for name, cls in PROTOCOLS.items()}


def driver_class(protocol: str) -> type[Driver]:
    try:
        return PROTOCOLS[protocol]
    except KeyError:
        known = ", ".join(PROTOCOLS)
        raise DeviceError(Phrase(QT_TRANSLATE_NOOP("Labels", "unknown protocol {protocol!r}: use one of {known}"),
                                 protocol=protocol, known=known)) from None


def open_driver(protocol: str, port: str, baud: int | None = None, **options: Any) -> Driver:
    """Open `port` with the driver for `protocol` (mark10, imada, shimpo, lutron, line)."""
    return driver_class(protocol).open(port, baud, **options)
