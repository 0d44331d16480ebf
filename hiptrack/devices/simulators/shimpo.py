"""Shimpo FG-7000 / OEM binary-command simulator (devices.md §3.1, §9).

Commands carry no terminator: `?` one reading, `?C\\x01` the displayed value, `?C\\x02`..`?C\\x05`
stream at 10/20/50/100 per second, `?C\\xff` stops, `PZ\\x00` zeroes (answered `R\\x06`), `SP<n>`
sets a unit (answered `RP<n>`; force codes are NOT FOUND, so the unit is kept). Replies end in CR;
pull prints no sign and push a `-`. The overload marker is NOT FOUND: `overload_reply` (default
"OVER") is sent instead of a value. `leading_space=True` pads readings with one space.
"""

from __future__ import annotations

from typing import Any

from hiptrack.devices.simulators.base import Simulator

STREAM_CODES = {0x02: 10.0, 0x03: 20.0, 0x04: 50.0, 0x05: 100.0}
WIRE_UNITS = {"n": "N", "kn": "kN", "mn": "mN", "kgf": "kgf", "gf": "gf", "lbf": "lbf", "ozf": "ozf"}


class ShimpoSimulator(Simulator):
    protocol = "shimpo"
    wire_sign = -1.0  # a push prints "-"

    def __init__(
        self, *args: Any, overload_reply: bytes = b"OVER", leading_space: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.overload_reply = overload_reply
        self.leading_space = leading_space
        self.unit = WIRE_UNITS[self.profile.unit.lower()]
        self._inbuf = b""

    def handle_input(self, data: bytes, now: float) -> None:
        buf = self._inbuf + data
        while buf:
            if buf.startswith(b"?C"):
                if len(buf) < 3:
                    break
                self.commands.append(buf[:3])
                self._stream_command(buf[2], now)
                buf = buf[3:]
            elif buf.startswith(b"?"):
                if buf == b"?" or buf.startswith(b"?\r") or buf[1:2] != b"C":
                    self.commands.append(b"?")
                    self._send_reading(now)
                    buf = buf[1:]
                else:
                    break
            elif buf.startswith((b"PZ", b"SP")):
                if len(buf) < 3:
                    break
                cmd, buf = buf[:3], buf[3:]
                self.commands.append(cmd)
                if cmd == b"PZ\x00":
                    self.tare_device()
                    self.send(b"R\x06")
                elif cmd.startswith(b"SP"):
                    self.send(b"RP" + cmd[2:3])
            elif buf[:1] in (b"P", b"S"):
                break  # first byte of a command still arriving
            else:
                buf = buf[1:]  # unknown byte (a probe's CR, noise): the gauge ignores it
        self._inbuf = buf[-8:]

    def _stream_command(self, code: int, now: float) -> None:
        if code == 0x01:
            self._send_reading(now)
        elif code in STREAM_CODES:
            self.start_stream(STREAM_CODES[code])
        elif code == 0xFF:
            self.stream_rate = None

    def emit(self, now: float) -> None:
        self._send_reading(now)

    def _send_reading(self, now: float) -> None:
        value, overload = self.reading(now)
        if overload and self.overload_reply:
            self.send(self.overload_reply + b"\r")
            return
        text = f"{value:.{self.profile.decimals}f}"
        if text.startswith("-") and float(text) == 0:
            text = text[1:]
        pad = " " if self.leading_space else ""
        self.send(f"{pad}{text} {self.unit}\r".encode())
