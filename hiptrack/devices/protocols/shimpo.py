"""Shimpo FG-7000 / OEM "AWESOME" replies (devices.md §3.1): `b"-123.45 N\r"`, acks `b"R\x06"`.

Pull carries no sign and push a `-`, the opposite of Mark-10; the driver applies that polarity.
Replies end in CR only. Acks (`R\x06` to a zero, `RP<n>` to a unit change) carry no terminator,
so they are cut out of the stream before lines are split. Torque units and MPa are not forces
and are rejected. The serial overload marker is NOT FOUND; `OVER` (configurable) is assumed.
"""

from __future__ import annotations

import re

from hiptrack.devices.protocols.base import OVERLOAD, Parser, Reading

_LINE = re.compile(rb"\n?(?: ?(-?\d+(?:\.\d+)?) ([A-Za-z]+)\r|([^\r]*)\r)")
_ACK = re.compile(rb"R\x06|RP[\x01-\x0c]")


class ShimpoParser(Parser):
    name = "shimpo"
    needs_sync = True  # the 100 Hz stream can be joined mid-line

    def __init__(self, overload_marker: bytes = b"OVER") -> None:
        super().__init__()
        self.overload_marker = overload_marker
        self.last_unit = b""

    def _skip_partial(self, buf: bytes) -> bytes:
        buf = self._cut_acks(buf)
        return super()._skip_partial(buf)

    def _cut_acks(self, buf: bytes) -> bytes:
        if b"R" not in buf:
            return buf
        for ack in _ACK.findall(buf):
            self.reply("ack", ack)
        return _ACK.sub(b"", buf)

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        buf = self._cut_acks(buf)
        end = buf.rfind(b"\r") + 1
        if not end:
            return [], buf
        out: list[Reading] = []
        unit = b""
        for value, unit_text, other in _LINE.findall(buf, 0, end):
            if value:
                f = self.factor(unit_text)
                if f is None:
                    self.rejected += 1
                    continue
                unit = unit_text
                out.append(Reading(float(value) * f, False))
            else:
                text = other.strip(b"\n ")
                if text and text.lstrip(b"-").startswith(self.overload_marker):
                    out.append(OVERLOAD)
                elif text:
                    self.rejected += 1
        if unit:
            self.last_unit = unit
        return out, buf[end:]
