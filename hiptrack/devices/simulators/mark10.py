"""Mark-10 GCL2 simulator (devices.md §1, §9): `?` family, FULL/NUM, units, Z/CLR, AOUTn, LIST.

Unverified on hardware, so configurable: the reply to `?` while overloaded (`overload_reply`,
default the display text "OVER"), and whether setting commands answer (silent by default).
`series4=True` accepts only `?`, MEM, STA and CLRMEM; `in_menu=True` ignores input and sends nothing.
"""

from __future__ import annotations

from typing import Any

from hiptrack.devices.simulators.base import Simulator
from hiptrack.devices.units import newtons_per

UNIT_COMMANDS = {"LB": "lbF", "OZ": "ozF", "KG": "kgF", "G": "gF", "N": "N", "MN": "mN", "KN": "kN"}
WIRE_UNITS = {"n": "N", "kn": "kN", "mn": "mN", "lbf": "lbF", "ozf": "ozF", "kgf": "kgF", "gf": "gF"}
AOUT_RATES = (1, 2, 5, 10, 25, 50, 125, 250)


class Mark10Simulator(Simulator):
    protocol = "mark10"

    def __init__(
        self,
        *args: Any,
        overload_reply: bytes = b"OVER",
        series4: bool = False,
        in_menu: bool = False,
        model: str = "M5-100",
        serial_number: str = "3141592",
        firmware: str = "V1.00",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.overload_reply = overload_reply
        self.series4 = series4
        self.in_menu = in_menu
        self.model_name, self.serial_number, self.firmware = model, serial_number, firmware
        self.unit = WIRE_UNITS[self.profile.unit.lower()]
        self.full = True
        self.display_mode = "CUR"
        self.invert_polarity = False
        self.omit_sign = False
        self.peak_compression = 0.0
        self.peak_tension = 0.0
        self.aout = 0
        self._inbuf = b""

    # Commands end in CR or CRLF; LF is ignored (devices.md §1.2).
    def handle_input(self, data: bytes, now: float) -> None:
        if self.in_menu:
            return
        self._inbuf += data.replace(b"\n", b"")
        while b"\r" in self._inbuf:
            line, _, self._inbuf = self._inbuf.partition(b"\r")
            if line:
                self.commands.append(line)
                self._command(line.decode("latin-1"), now)
        if len(self._inbuf) > 256:
            self._inbuf = b""

    def _command(self, cmd: str, now: float) -> None:
        if self.series4 and cmd not in ("?", "MEM", "STA", "CLRMEM"):
            self._reply("*10")
            return
        if cmd in ("?", "?C", "?PT", "?PC"):
            self._send_reading(now, {"?": self.display_mode, "?C": "CUR", "?PT": "PT", "?PC": "PC"}[cmd])
        elif cmd in UNIT_COMMANDS:
            self.unit = UNIT_COMMANDS[cmd]
        elif cmd in ("CUR", "PT", "PC"):
            self.display_mode = cmd
        elif cmd == "CLR":
            self.peak_compression = self.peak_tension = 0.0
        elif cmd == "Z":
            self.tare_device()
            self.peak_compression = self.peak_tension = 0.0
        elif cmd in ("FULL", "NUM"):
            self.full = cmd == "FULL"
        elif cmd.startswith("AOUT") and cmd[4:].isdigit():
            self._aout(int(cmd[4:]))
        elif cmd[:4] in ("IPOL", "OPOL") and cmd[4:] in ("0", "1"):
            setattr(self, "invert_polarity" if cmd[0] == "I" else "omit_sign", cmd[4:] == "1")
        elif cmd == "LIST":
            fmt = "FULL" if self.full else "NUM"
            self._reply(
                f"{self.firmware};{self.unit.upper()};{self.display_mode};FLTC8;FLTP1;AOUT{self.aout:02d};"
                f"AOFF5;{fmt};MIT;POL;B0"
            )
        elif cmd in ("RN", "RM", "RV", "RS"):
            names = {"RN": "Mark-10", "RM": self.model_name, "RV": self.firmware, "RS": self.serial_number}
            self._reply(names[cmd])
        elif cmd in ("MEM", "STA", "CLRMEM"):
            pass  # memory layouts are NOT FOUND; nothing is stored
        elif cmd in ("?CW", "?CCW", "?A"):
            self._reply("*11")  # not applicable to a force gauge
        else:
            self._reply("*10")

    def _aout(self, n: int) -> None:
        if n == 0:
            self.aout = 0
            self.stream_rate = None
        elif n in AOUT_RATES:
            self.aout = n
            self.start_stream(float(n))
        else:
            self._reply("*12")

    def _reply(self, text: str) -> None:
        self.send(text.encode() + b"\r\n")

    def on_tick(self, now: float) -> None:
        # The gauge samples far faster than it reports; peaks come from that internal rate.
        with self._lock:
            force = self.model.clean(now) - self.zero_n
        value = force / self.profile.newtons_per_unit
        self.peak_compression = max(self.peak_compression, value)
        self.peak_tension = min(self.peak_tension, value)

    def emit(self, now: float) -> None:
        self._send_reading(now, self.display_mode)

    def _send_reading(self, now: float, mode: str) -> None:
        value, overload = self.reading(now)
        if overload and self.overload_reply:
            self.send(self.overload_reply + b"\r\n")
            return
        if mode == "PT":
            value = self.profile.quantize(self.peak_tension)
        elif mode == "PC":
            value = self.profile.quantize(self.peak_compression)
        value = self._in_unit(value)
        if self.invert_polarity:
            value = -value
        if self.omit_sign:
            value = abs(value)
        text = f"{value:.{self.profile.decimals}f}"
        if text.startswith("-") and float(text) == 0:
            text = text[1:]  # never "-0.0"
        self.send((f"{text} {self.unit}" if self.full else text).encode() + b"\r\n")

    def _in_unit(self, value: float) -> float:
        # reading() works in the profile unit; a unit command changes what is printed.
        if self.unit.lower() == self.profile.unit.lower():
            return value
        factor = newtons_per(self.unit) or 1.0
        return round(value * self.profile.newtons_per_unit / factor, self.profile.decimals)
