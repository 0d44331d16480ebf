"""Pure protocol parsers: bytes in, readings (newtons, wire polarity) out. No I/O, no clock."""

from __future__ import annotations

from hiptrack.devices.protocols.base import Parser, Reading, Reply
from hiptrack.devices.protocols.imada import ImadaParser
from hiptrack.devices.protocols.line import LineParser
from hiptrack.devices.protocols.lutron import LutronParser
from hiptrack.devices.protocols.mark10 import Mark10Parser
from hiptrack.devices.protocols.shimpo import ShimpoParser

PARSERS: dict[str, type[Parser]] = {
    "mark10": Mark10Parser,
    "imada": ImadaParser,
    "shimpo": ShimpoParser,
    "lutron": LutronParser,
    "line": LineParser,
}

__all__ = [
    "PARSERS",
    "ImadaParser",
    "LineParser",
    "LutronParser",
    "Mark10Parser",
    "Parser",
    "Reading",
    "Reply",
    "ShimpoParser",
]
