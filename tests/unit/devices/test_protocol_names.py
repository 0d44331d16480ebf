"""The protocol names the command line offers are a static tuple (so that `hiptrack --help` needs
no pyserial); they must stay exactly the drivers' and the simulators' registries."""

from __future__ import annotations

from hiptrack.devices.drivers import PROTOCOLS
from hiptrack.devices.names import FAULT_NAMES, PROTOCOL_NAMES
from hiptrack.devices.simulators import FAULTS, SIMULATORS


def test_protocol_names_are_the_drivers_registry() -> None:
    assert tuple(sorted(PROTOCOLS)) == PROTOCOL_NAMES


def test_every_protocol_has_a_simulator_under_the_same_name() -> None:
    assert tuple(sorted(SIMULATORS)) == PROTOCOL_NAMES


def test_fault_names_are_the_simulators_faults() -> None:
    assert tuple(FAULTS) == FAULT_NAMES
