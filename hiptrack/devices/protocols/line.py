"""Generic line devices: Arduino/HX711 rigs and gauges whose reply text is not documented (§5).

Each line (CR, LF or CRLF) is matched in full against a regex with a named group `value` and an
optional `unit`; lines matching the ignore regex (banners such as "HX711 scale demo", "Readings:")
are skipped quietly. No unit means `default_unit`. A unit that is not a force is rejected rather
than guessed. `scale` multiplies the value (raw ADC counts from an uncalibrated sketch).
"""

from __future__ import annotations

import re

from hiptrack.devices.protocols.base import Parser, Reading

# Always capture the sign; accept "Reading: 1.2 lbs", "12.34", "12.34 N".
DEFAULT_PATTERN = r"(?:Reading:[ \t]*)?(?P<value>[-+]?\d+(?:\.\d+)?)[ \t]*(?P<unit>[A-Za-z]+)?[ \t]*"
DEFAULT_IGNORE = r"(?i)(?:HX711.*|Readings?:?\s*|\s*)"
_TERMINATORS = re.compile(rb"\r\n|\r|\n")


class LineParser(Parser):
    name = "line"
    needs_sync = True  # free-running: the port is usually opened mid-line

    def __init__(
        self,
        pattern: str = DEFAULT_PATTERN,
        ignore: str | None = DEFAULT_IGNORE,
        default_unit: str = "N",
        scale: float = 1.0,
    ) -> None:
        super().__init__()
        self.pattern = re.compile(pattern.encode())
        if "value" not in self.pattern.groupindex:
            raise ValueError("the line pattern needs a named group (?P<value>...)")
        self._unit_group = self.pattern.groupindex.get("unit")
        self.ignore = re.compile(ignore.encode()) if ignore else None
        self.scale = scale
        factor = self.factor(default_unit.encode())
        if factor is None:
            raise ValueError(f"{default_unit!r} is not a force unit")
        self.default_factor = factor * scale
        self.last_unit = default_unit.encode()

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        end = max(buf.rfind(b"\n"), buf.rfind(b"\r")) + 1
        if not end:
            return [], buf
        out: list[Reading] = []
        value_group = self.pattern.groupindex["value"]
        unit_group = self._unit_group
        fullmatch = self.pattern.fullmatch
        for line in _TERMINATORS.split(buf[:end]):
            if not line:
                continue
            m = fullmatch(line)
            if m is None:
                self._other(line)
                continue
            unit = m.group(unit_group) if unit_group else None
            if unit:
                f = self.factor(unit)
                if f is None:
                    self.rejected += 1
                    continue
                f *= self.scale
                self.last_unit = unit
            else:
                f = self.default_factor
            try:
                out.append(Reading(float(m.group(value_group)) * f, False))
            except (TypeError, ValueError):  # a custom pattern whose value group caught non-numbers
                self.rejected += 1
        return out, buf[end:]

    def _other(self, line: bytes) -> None:
        if self.ignore is not None and self.ignore.fullmatch(line):
            self.reply("info", line)
        else:
            self.rejected += 1
