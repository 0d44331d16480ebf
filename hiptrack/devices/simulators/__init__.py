"""Simulated gauges on pseudo-terminals, for tests and demo mode (devices.md §9).

with Mark10Simulator(ForceProfile(capacity_n=500), link=tmp / "gauge") as sim:
    drv = open_driver("mark10", sim.path)          # open the port BEFORE asking for output
    drv.start_stream(50)
    sim.start_trial(peak_n=250, kind="make", duration_s=3)
    sim.inject("unplug", replug_after=1.0)          # or "garbage", "drop", "silence"

Timing tests pass `clock=VirtualClock()` and call `clock.advance(s)`: the readings are then fixed
by virtual time alone, not by how promptly the simulator thread runs.
"""

from __future__ import annotations

from hiptrack.devices.simulators.base import FAULTS, GARBAGE_ALPHABET, Simulator, VirtualClock
from hiptrack.devices.simulators.imada import ImadaSimulator
from hiptrack.devices.simulators.line import LineSimulator
from hiptrack.devices.simulators.lutron import LutronSimulator
from hiptrack.devices.simulators.mark10 import Mark10Simulator
from hiptrack.devices.simulators.profile import ForceModel, ForceProfile, Trial
from hiptrack.devices.simulators.shimpo import ShimpoSimulator

SIMULATORS: dict[str, type[Simulator]] = {
    "mark10": Mark10Simulator,
    "imada": ImadaSimulator,
    "shimpo": ShimpoSimulator,
    "lutron": LutronSimulator,
    "line": LineSimulator,
}

__all__ = [
    "FAULTS",
    "GARBAGE_ALPHABET",
    "SIMULATORS",
    "ForceModel",
    "ForceProfile",
    "ImadaSimulator",
    "LineSimulator",
    "LutronSimulator",
    "Mark10Simulator",
    "ShimpoSimulator",
    "Simulator",
    "Trial",
    "VirtualClock",
]
