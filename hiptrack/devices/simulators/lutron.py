"""Lutron FG-5000/FG-6005SD and RS-Pro 111-3689 simulator (devices.md §4, §9).

Output only: a 16-byte frame at `rate` per second (the real rate is NOT FOUND; about 1 Hz is
usual), input ignored. `start_mid_frame=True` begins with the tail of a frame, as when the port is
opened while the gauge is talking. The serial overload marker is NOT FOUND: past capacity the
frame shows the capacity, and the driver's `capacity_n` check reports overload.
"""

from __future__ import annotations

from typing import Any

from hiptrack.devices.simulators.base import Simulator

UNIT_CODES = {"kgf": b"55", "kg": b"55", "lbf": b"56", "lb": b"56", "gf": b"57", "g": b"57", "ozf": b"58"}
UNIT_CODES["oz"] = b"58"
UNIT_CODES["n"] = b"59"


class LutronSimulator(Simulator):
    protocol = "lutron"
    default_rate = 2.0
    keeps_stream_on_replug = True

    def __init__(
        self, *args: Any, rate: float | None = None, start_mid_frame: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        code = UNIT_CODES.get(self.profile.unit.lower())
        if code is None:
            raise ValueError("a Lutron gauge shows kg, lb, g, oz or N")
        if self.profile.decimals > 3:
            raise ValueError("a Lutron frame carries at most 3 decimals")
        self.unit_code = code
        self.rate = rate or self.default_rate
        self.start_mid_frame = start_mid_frame
        self._first = True

    def serve(self) -> Simulator:
        super().serve()
        self.start_stream(self.rate)
        return self

    def _plug(self) -> None:
        super()._plug()
        self._first = True
        if self.stream_rate is None and self._thread is not None:
            self.start_stream(self.rate)

    def frame(self, value: float) -> bytes:
        dec = self.profile.decimals
        digits = min(round(abs(value) * 10**dec), 99_999_999)
        polarity = b"1" if value < 0 and digits else b"0"
        return b"\x0241" + self.unit_code + polarity + str(dec).encode() + b"%08d\r" % digits

    def emit(self, now: float) -> None:
        value, _ = self.reading(now)
        frame = self.frame(value)
        if self._first and self.start_mid_frame:
            self.sent.pop()  # the partial frame is not a reading the app can see
            frame = frame[self.rng.randint(1, len(frame) - 1) :]
        self._first = False
        self.send(frame)
