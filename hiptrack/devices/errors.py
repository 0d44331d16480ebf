"""Device errors a user can cause; each message names the problem and can be shown as it stands."""

from __future__ import annotations


class DeviceError(Exception):
    """Base of every error raised by hiptrack.devices."""


class DeviceDisconnected(DeviceError):
    """The port went away (unplugged cable, powered-off USB gauge, closed pseudo-terminal)."""

    def __init__(self, port: str, detail: str = "") -> None:
        self.port = port
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"device disconnected: {port}{suffix}")


class DeviceSilent(DeviceError):
    """Nothing at all arrives: wrong baud rate, wrong protocol, gauge in a menu or switched off."""

    def __init__(self, port: str, protocol: str, baud: int | None, seconds: float) -> None:
        self.port, self.protocol, self.baud, self.seconds = port, protocol, baud, seconds
        at = f" at {baud} baud" if baud else ""
        super().__init__(
            f"no reply from {port}{at} for {seconds:.1f} s (protocol {protocol}): wrong baud rate or "
            "protocol, gauge switched off or showing a menu?"
        )


class ProtocolMismatch(DeviceError):
    """Bytes arrive but none of them form a valid reading: usually a wrong baud rate or protocol."""

    def __init__(self, port: str, protocol: str, baud: int | None, detail: str = "") -> None:
        self.port, self.protocol, self.baud = port, protocol, baud
        at = f" at {baud} baud" if baud else ""
        suffix = f" ({detail})" if detail else ""
        super().__init__(
            f"no valid data from {port}{at} for protocol {protocol} — check the baud rate and protocol{suffix}"
        )
