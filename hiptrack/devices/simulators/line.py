"""Arduino/HX711 line-device simulator (devices.md §5, §9).

Sends a banner when the port opens (and when serving starts), then one line per reading at `rate`
(HX711: 10 or 80 per second) in `fmt`, which gets `value`, `unit` and `decimals`. Input is
ignored (a sketch that only prints). `not_ready_every=N` prints "HX711 not ready." every N lines.
"""

from __future__ import annotations

from typing import Any

from hiptrack.devices.simulators.base import Simulator

DEFAULT_FORMAT = "Reading: {value:.{decimals}f} {unit}\r\n"
DEFAULT_BANNER = b"HX711 scale demo\r\nReadings:\r\n"


class LineSimulator(Simulator):
    protocol = "line"
    default_rate = 80.0
    keeps_stream_on_replug = True

    def __init__(
        self,
        *args: Any,
        rate: float | None = None,
        fmt: str = DEFAULT_FORMAT,
        banner: bytes = DEFAULT_BANNER,
        not_ready_every: int = 0,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rate = rate or self.default_rate
        self.fmt = fmt
        self.banner = banner
        self.not_ready_every = not_ready_every
        self._lines = 0

    def serve(self) -> Simulator:
        super().serve()
        self.start_stream(self.rate)
        return self

    def _plug(self) -> None:
        super()._plug()
        if self.stream_rate is None and self._thread is not None:
            self.start_stream(self.rate)

    def on_open(self) -> None:
        self.send(self.banner)

    def emit(self, now: float) -> None:
        self._lines += 1
        if self.not_ready_every and self._lines % self.not_ready_every == 0:
            self.send(b"HX711 not ready.\r\n")
            return
        value, _ = self.reading(now)
        text = self.fmt.format(value=value, unit=self.profile.unit, decimals=self.profile.decimals)
        self.send(text.encode())
