"""Device errors a user can cause; each message names the problem and can be shown as it stands."""

from __future__ import annotations

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase


class DeviceError(Exception):
    """Base of every error raised by hiptrack.devices."""


class DeviceDisconnected(DeviceError):
    """The port went away (unplugged cable, powered-off USB gauge, closed pseudo-terminal)."""

    def __init__(self, port: str, detail: str = "") -> None:
        self.port = port
        # Whole sentences for the translator; the detail is the operating system's own words.
        if detail:
            super().__init__(Phrase(QT_TRANSLATE_NOOP("Labels", "device disconnected: {port} ({detail})"),
                                    port=port, detail=detail))
        else:
            super().__init__(Phrase(QT_TRANSLATE_NOOP("Labels", "device disconnected: {port}"), port=port))


class DeviceSilent(DeviceError):
    """Nothing at all arrives: wrong baud rate, wrong protocol, gauge in a menu or switched off."""

    def __init__(self, port: str, protocol: str, baud: int | None, seconds: float) -> None:
        self.port, self.protocol, self.baud, self.seconds = port, protocol, baud, seconds
        if baud:
            template = QT_TRANSLATE_NOOP("Labels", "no reply from {port} at {baud} baud for {seconds:.1f} s (protocol "
                                                   "{protocol}): wrong baud rate or protocol, gauge switched off or "
                                                   "showing a menu?")
        else:
            template = QT_TRANSLATE_NOOP("Labels", "no reply from {port} for {seconds:.1f} s (protocol {protocol}): "
                                                   "wrong baud rate or protocol, gauge switched off or showing a menu?")
        super().__init__(Phrase(template, port=port, baud=baud, seconds=seconds, protocol=protocol))


class ProtocolMismatch(DeviceError):
    """Bytes arrive but none of them form a valid reading: usually a wrong baud rate or protocol."""

    def __init__(self, port: str, protocol: str, baud: int | None, detail: str = "") -> None:
        self.port, self.protocol, self.baud = port, protocol, baud
        super().__init__(Phrase(_MISMATCH[(bool(baud), bool(detail))], port=port, baud=baud, protocol=protocol,
                                detail=detail))


# With or without a baud rate, with or without a detail: four whole sentences for the translator.
_MISMATCH = {
    (True, False): QT_TRANSLATE_NOOP("Labels", "no valid data from {port} at {baud} baud for protocol {protocol} — "
                                               "check the baud rate and protocol"),
    (True, True): QT_TRANSLATE_NOOP("Labels", "no valid data from {port} at {baud} baud for protocol {protocol} — "
                                              "check the baud rate and protocol ({detail})"),
    (False, False): QT_TRANSLATE_NOOP("Labels", "no valid data from {port} for protocol {protocol} — check the "
                                                "baud rate and protocol"),
    (False, True): QT_TRANSLATE_NOOP("Labels", "no valid data from {port} for protocol {protocol} — check the baud "
                                               "rate and protocol ({detail})"),
}
