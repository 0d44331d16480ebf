"""Serial dynamometers and force gauges: parsers, drivers, port discovery, pty simulators.

pyserial only, never Qt (tests/unit/test_layering.py). The acquisition layer builds on:

    from hiptrack.devices import open_driver, DeviceDisconnected, DeviceSilent
    drv = open_driver("mark10", "/dev/ttyUSB0")   # protocol names: mark10 imada shimpo lutron line
    drv.start_stream(50)
    batch = drv.read_samples(timeout=0.05)         # list[Sample]; Sample(t, force_n, overload, signed_n, invalid)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hiptrack.devices.drivers import DEFAULT_BAUD, PROTOCOLS, Driver, PortUnavailable, open_driver
    from hiptrack.devices.errors import DeviceDisconnected, DeviceError, DeviceSilent, ProtocolMismatch
    from hiptrack.devices.ports import PortInfo, list_ports, probe, probe_details
    from hiptrack.devices.samples import DeviceInfo, Sample

# The names below load on first use (PEP 562): importing a submodule such as
# hiptrack.devices.names or .simulators runs this file, and must not pull in pyserial with the
# drivers (the CLI's help lists protocol names without it).
_HOME = {
    **dict.fromkeys(("DEFAULT_BAUD", "PROTOCOLS", "Driver", "PortUnavailable", "open_driver"), "drivers"),
    **dict.fromkeys(("DeviceDisconnected", "DeviceError", "DeviceSilent", "ProtocolMismatch"), "errors"),
    **dict.fromkeys(("PortInfo", "list_ports", "probe", "probe_details"), "ports"),
    **dict.fromkeys(("DeviceInfo", "Sample"), "samples"),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)


__all__ = [
    "DEFAULT_BAUD",
    "PROTOCOLS",
    "DeviceDisconnected",
    "DeviceError",
    "DeviceInfo",
    "DeviceSilent",
    "Driver",
    "PortInfo",
    "PortUnavailable",
    "ProtocolMismatch",
    "Sample",
    "list_ports",
    "open_driver",
    "probe",
    "probe_details",
]
