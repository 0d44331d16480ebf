"""Mark-10 GCL2 replies (devices.md §1): `b"-18.78 lbF\r\n"`, `b"12.34\r\n"` (NUM), `b"*10\r\n"`.

Compression is positive and tension negative; a `+` is never printed, so a leading `+` is rejected.
Lines end in CRLF; a line needs its LF to count, which also keeps CR-only replies from other
protocols (Shimpo, Imada) from being mistaken for Mark-10 during probing.
What `?` returns while overloaded is NOT FOUND: a line starting with `OVER` (the display text) is
taken as overload, and drivers check plausibility (hiptrack.devices.plausibility).
Stray control bytes before a line (XON/XOFF from a flow-controlled link, a NUL from a line glitch)
are skipped: they cannot be part of a reading, and dropping the whole line would lose it.
"""

from __future__ import annotations

import re

from hiptrack.devices.protocols.base import OVERLOAD, Parser, Reading

# One alternation per line: a reading, else the whole line as "other". findall() walks line by line
# because every alternative ends at a LF.
# C0 control bytes other than TAB, LF and CR, and DEL: never part of a Mark-10 reply.
CONTROL = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_LINE = re.compile(
    rb"(?:[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*(-?\d+(?:\.\d+)?)(?: ([A-Za-z]+))?\r?\n)|([^\n]*)\n"
)
_ERROR = re.compile(rb"\*\d\d\r?")
_OVER = re.compile(rb"-?OVER\b")


class Mark10Parser(Parser):
    name = "mark10"
    needs_sync = True  # AOUT streams can be joined mid-line

    def __init__(self, num_unit: str = "N") -> None:
        super().__init__()
        # NUM format prints no unit: the driver learns it from LIST or the user says which.
        self.num_unit = num_unit
        self.last_unit = b""
        # Identification replies (RS serial numbers are digits) must stay text, not readings.
        self.text_mode = False

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        end = buf.rfind(b"\n") + 1
        if not end:
            return [], buf
        if self.text_mode:
            for line in buf[:end].split(b"\n"):
                text = line.rstrip(b"\r").lstrip(CONTROL)
                if text:
                    self.reply("error" if _ERROR.fullmatch(text) else "info", text)
            return [], buf[end:]
        out: list[Reading] = []
        append = out.append
        num_factor = self.factor(self.num_unit.encode())
        unit = b""
        for value, unit_text, other in _LINE.findall(buf, 0, end):
            if value:
                if unit_text:
                    unit = unit_text
                    f = self.factor(unit_text)
                    if f is None:  # torque unit or corrupted text: not a force reading
                        self.rejected += 1
                        continue
                else:
                    f = num_factor
                    if f is None:
                        self.rejected += 1
                        continue
                append(Reading(float(value) * f, False))
            elif (special := self._other(other)) is not None:
                append(special)
        if unit:
            self.last_unit = unit
        return out, buf[end:]

    def _other(self, line: bytes) -> Reading | None:
        """An error, an overload or identification text (RM, RS, LIST replies); never a force."""
        text = line.rstrip(b"\r").lstrip(CONTROL)
        if not text:
            return None
        if _ERROR.fullmatch(text):
            self.reply("error", text)
        elif _OVER.match(text):
            return OVERLOAD
        else:
            self.rejected += 1
            self.reply("info", text)
        return None
