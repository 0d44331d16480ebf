"""Garbage on the line over a pty: stray control bytes, letter-salad units."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptrack.devices.drivers import open_driver
from hiptrack.devices.protocols import Mark10Parser
from hiptrack.devices.protocols.base import MAX_UNITS
from hiptrack.devices.simulators import ForceProfile, Mark10Simulator
from tests.faults.device_rig import read_until

pytestmark = pytest.mark.timeout(60)


def test_mark10_lines_after_xon_xoff_or_nul_are_read_not_dropped(tmp_path: Path) -> None:
    with (Mark10Simulator(ForceProfile(capacity_n=500.0), link=tmp_path / "gauge", seed=1) as sim,
          open_driver("mark10", sim.path) as drv):
        sim.send_raw(b"\r\n\x11123.4 N\r\n\x13\x00-45.6 N\r\n\x00\x00\x117.5 N\r\n\x13*10\r\n")
        samples = read_until(drv, lambda got: len(got) >= 3)
        assert [s.signed_n for s in samples] == [123.4, -45.6, 7.5]
        # The error reply behind an XOFF is still an error, not identification text.
        assert [r.kind for r in drv.replies][-1:] == ["error"]


def test_a_new_unit_spelling_on_every_line_does_not_grow_the_parser_without_bound() -> None:
    parser = Mark10Parser()
    parser.reset(synced=True)
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines = b"".join(
        f"1.0 q{letters[i % 26]}{letters[(i // 26) % 26]}{letters[(i // 676) % 26]}\r\n".encode()
        for i in range(5000)
    )
    assert parser.feed(lines) == []  # none of them is a force unit
    assert parser.rejected == 5000
    assert len(parser._factors) <= MAX_UNITS
    assert [r.value_n for r in parser.feed(b"2.5 N\r\n")] == [2.5]
