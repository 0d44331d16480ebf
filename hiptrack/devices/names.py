"""The names the command line offers for protocols and simulator faults, as plain tuples.

Building `hiptrack --help` must not import pyserial (about 50 ms) only to list five names; the
registries themselves live in drivers.py and simulators/, and tests/unit/devices/test_protocol_names.py
keeps these tuples equal to them.
"""

from __future__ import annotations

PROTOCOL_NAMES: tuple[str, ...] = ("imada", "line", "lutron", "mark10", "shimpo")
FAULT_NAMES: tuple[str, ...] = ("garbage", "drop", "silence", "unplug")
