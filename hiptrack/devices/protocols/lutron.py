"""Lutron FG-5000/FG-6005SD and RS-Pro 111-3689 16-byte frames (devices.md §4).

`b"\x0241591200001234\r"`: STX, "41", unit ("55" kg, "56" lb, "57" g, "58" oz, "59" N), polarity
("0" +, "1" -), decimals "0"-"3", 8 digits, CR. Output only and continuous, so the port is often
opened mid-frame: parsing resynchronises on STX and only a complete, well-formed frame counts.
"""

from __future__ import annotations

import re

from hiptrack.devices.protocols.base import Parser, Reading
from hiptrack.devices.units import newtons_per

FRAME_LEN = 16
_FRAME = re.compile(rb"\x0241(5[5-9])([01])([0-3])(\d{8})\r")
UNIT_CODES = {b"55": "kg", b"56": "lb", b"57": "g", b"58": "oz", b"59": "N"}
_FACTOR = {code: newtons_per(name) or 0.0 for code, name in UNIT_CODES.items()}
_SCALE = {b"0": 1.0, b"1": 0.1, b"2": 0.01, b"3": 0.001}


class LutronParser(Parser):
    name = "lutron"

    def __init__(self) -> None:
        super().__init__()
        self.last_unit = b""

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        last = buf.rfind(b"\x02")
        if last < 0:
            if buf:
                self.rejected += 1
            return [], b""
        # An STX too close to the end may start a frame still arriving: keep it for next time.
        if len(buf) - last < FRAME_LEN:
            body, tail = buf[:last], buf[last:]
        else:
            body, tail = buf, b""
        found = _FRAME.findall(body)
        self.rejected += body.count(b"\x02") - len(found)
        out = [
            Reading((-1.0 if pol == b"1" else 1.0) * int(digits) * _SCALE[dec] * _FACTOR[unit], False)
            for unit, pol, dec, digits in found
        ]
        if found:
            self.last_unit = found[-1][0]
        return out, tail
