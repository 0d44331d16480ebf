"""Imada "D" protocol simulator (devices.md §2.1, §9): D frames, R acks, E errors, limits, Q.

Frames are 10 bytes with 4 digits: the decimal point sits where the capacity puts it (500 N ->
"123.4"). Overload is judgement `E`. `startup_line=True` sends "Gauge Started." when the port
opens (the USB cable does; whether RS-232 does is NOT FOUND). After `Q` the gauge acks (optional)
and goes silent, as a powered-off gauge would.
"""

from __future__ import annotations

import math
from typing import Any

from hiptrack.devices.simulators.base import Simulator
from hiptrack.devices.units import newtons_per

UNIT_LETTERS = {"n": b"N", "kgf": b"K", "lbf": b"O"}
LETTER_UNITS = {b"N": "N", b"K": "kgf", b"O": "lbf"}


class ImadaSimulator(Simulator):
    protocol = "imada"

    def __init__(
        self, *args: Any, startup_line: bool = True, ack_power_off: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if self.profile.unit.lower() not in UNIT_LETTERS:
            raise ValueError("an Imada gauge shows N, kgf or lbf")
        self.startup_line = startup_line
        self.ack_power_off = ack_power_off
        self.unit_letter = UNIT_LETTERS[self.profile.unit.lower()]
        self.peak_mode = False
        self.high_limit, self.low_limit = 9999, 0
        self.powered = True
        self.peak = 0.0
        self._inbuf = b""

    def on_open(self) -> None:
        if self.startup_line and self.powered:
            self.send(b"Gauge Started.\r")

    def handle_input(self, data: bytes, now: float) -> None:
        if not self.powered:
            return
        self._inbuf += data
        while b"\r" in self._inbuf:
            line, _, self._inbuf = self._inbuf.partition(b"\r")
            line = line.strip(b"\n")
            if line:
                self.commands.append(line)
                self._command(line, now)
        if len(self._inbuf) > 256:
            self._inbuf = b""

    def _command(self, cmd: bytes, now: float) -> None:
        if cmd == b"D":
            self.send(self._frame(now))
        elif cmd == b"Z":
            self.tare_device()
            self.peak = 0.0
            self.send(b"R\r")
        elif cmd in (b"T", b"P"):
            self.peak_mode = cmd == b"P"
            self.send(b"R\r")
        elif cmd in LETTER_UNITS:
            self.unit_letter = cmd
            self.send(b"R\r")
        elif cmd == b"E":
            self.send(b"E%04d%04d\r" % (self.high_limit, self.low_limit))
        elif cmd.startswith(b"E") and len(cmd) == 9 and cmd[1:].isdigit():
            self.high_limit, self.low_limit = int(cmd[1:5]), int(cmd[5:])
            self.send(b"R\r")
        elif cmd in (b"OM", b"OC0", b"OC1"):
            self.send(b"R\r")
        elif cmd == b"Q":
            if self.ack_power_off:
                self.send(b"R\r")
            self.powered = False
        else:
            self.send(b"E\r")

    def power_on(self) -> None:
        self.powered = True
        self.opened()

    def on_tick(self, now: float) -> None:
        with self._lock:
            self.peak = max(self.peak, abs(self.model.clean(now) - self.zero_n))

    def _decimals(self, unit_n: float) -> int:
        # 4 digits in all: the integer part takes what the capacity needs.
        whole = len(str(int(self.profile.capacity_n / unit_n)))
        return max(0, min(3, 4 - whole))

    def _frame(self, now: float) -> bytes:
        value, overload = self.reading(now)
        unit_n = self.profile.newtons_per_unit
        if self.unit_letter != UNIT_LETTERS[self.profile.unit.lower()]:
            new_n = newtons_per(LETTER_UNITS[self.unit_letter]) or 1.0
            value, unit_n = value * unit_n / new_n, new_n
        if self.peak_mode:
            value = math.copysign(self.peak / unit_n, value or 1.0)
        dec = self._decimals(unit_n)
        limit = 10 ** (4 - dec) - 10**-dec
        magnitude = min(abs(value), limit)
        sign = b"-" if value < 0 and round(magnitude, dec) != 0 else b"+"
        digits = f"{magnitude:0{5}.{dec}f}".encode() if dec else b"%04d." % round(magnitude)
        judgement = b"E" if overload else self._judge(magnitude)
        mode = b"P" if self.peak_mode else b"T"
        return sign + digits[:5] + self.unit_letter + mode + judgement + b"\r"

    def _judge(self, magnitude: float) -> bytes:
        if magnitude > self.high_limit:
            return b"H"
        if magnitude < self.low_limit:
            return b"L"
        return b"O"

    def emit(self, now: float) -> None:  # the D protocol has no stream; never called
        self.send(self._frame(now))
