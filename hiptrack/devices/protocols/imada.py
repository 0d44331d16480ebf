"""Imada "D" protocol frames (devices.md §2.1): `b"+123.4NTO\r"`, acks `b"R\r"`, errors `b"E\r"`.

A frame is exactly 10 bytes: sign, 4 digits with one decimal point, unit N/K(kgf)/O(lbf), mode
T/P, judgement L/O/H/E, CR. Judgement E is overload. The fixed width is enforced, so a dropped
digit or sign cannot turn a damaged frame into a different number.
"""

from __future__ import annotations

import re

from hiptrack.devices.protocols.base import OVERLOAD, Parser, Reading
from hiptrack.devices.units import newtons_per

_FRAME = re.compile(rb"\n?(?:([+-](?=[\d.]{5}[NKO])\d+\.\d+)([NKO])[TP]([LOHE])\r|([^\r]*)\r)")
_LIMITS = re.compile(rb"E\d{8}")
_UNIT_N = {b"N": 1.0, b"K": newtons_per("kgf") or 0.0, b"O": newtons_per("lbf") or 0.0}
UNIT_NAMES = {b"N": "N", b"K": "kgf", b"O": "lbf"}


class ImadaParser(Parser):
    name = "imada"

    def __init__(self) -> None:
        super().__init__()
        self.last_unit = b""
        self.last_mode = b""

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        end = buf.rfind(b"\r") + 1
        if not end:
            return [], buf
        out: list[Reading] = []
        unit = b""
        for value, unit_code, judgement, other in _FRAME.findall(buf, 0, end):
            if value:
                unit = unit_code
                if judgement == b"E":
                    out.append(OVERLOAD)
                else:
                    out.append(Reading(float(value) * _UNIT_N[unit_code], False))
            else:
                self._other(other.strip(b"\n"))
        if unit:
            self.last_unit = unit
        return out, buf[end:]

    def _other(self, text: bytes) -> None:
        if text == b"R":
            self.reply("ack", text)
        elif text == b"E":
            self.reply("error", text)
        elif _LIMITS.fullmatch(text) or text == b"Gauge Started.":
            self.reply("info", text)
        elif text:
            self.rejected += 1
