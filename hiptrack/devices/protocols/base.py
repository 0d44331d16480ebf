"""What every protocol parser shares: bytes in, readings out, replies on the side.

Parsers are pure (no I/O, no clock) and incremental: `feed()` takes whatever bytes the port had,
keeps an incomplete frame for the next call, and returns the readings completed by this chunk.
They never invent a reading: a frame is accepted only when it matches the documented grammar in
full; anything else is counted in `rejected` and skipped up to the next terminator or start byte.
Speed matters (a bulk read may hold hundreds of frames), so each parser runs one compiled regex
over the complete part of the buffer instead of looping over bytes in Python.
"""

from __future__ import annotations

from typing import NamedTuple

from hiptrack.devices.units import newtons_per_bytes

# Longest run of bytes without a terminator worth keeping: longer is garbage (wrong baud rate).
MAX_PENDING = 4096
MAX_REPLIES = 256
# Distinct unit spellings remembered per parser: a session uses one or two, but a noisy line can
# print a new letter salad ("Nx", "lbFq", ...) on every reading for hours.
MAX_UNITS = 32


class Reading(NamedTuple):
    value_n: float  # newtons, signed as the protocol reports it (wire polarity); NaN when overload
    overload: bool


class Reply(NamedTuple):
    kind: str  # "ack", "error" or "info" (identification text, banners, limit replies)
    text: str


OVERLOAD = Reading(float("nan"), True)


class Parser:
    """Base class; subclasses implement `_parse(buffer) -> (readings, unconsumed tail)`."""

    name = "base"
    # Free-running text streams can be joined mid-line: the first partial line must not count.
    needs_sync = False

    def __init__(self) -> None:
        self._buf = b""
        self.replies: list[Reply] = []
        self.rejected = 0  # frames or lines that did not match the grammar
        self.synced = not self.needs_sync
        self._factors: dict[bytes, float | None] = {}

    def reset(self, synced: bool | None = None) -> None:
        """Forget buffered bytes (the driver flushed the port). `synced=True`: the next byte starts a frame."""
        self._buf = b""
        self.synced = (not self.needs_sync) if synced is None else synced

    def reply(self, kind: str, text: bytes) -> None:
        # Bounded: a parser fed garbage for hours without a driver draining it must not grow.
        if len(self.replies) >= MAX_REPLIES:
            del self.replies[: MAX_REPLIES // 2]
        self.replies.append(Reply(kind, text.decode("ascii", "replace")))

    def take_replies(self) -> list[Reply]:
        replies, self.replies = self.replies, []
        return replies

    def feed(self, data: bytes) -> list[Reading]:
        buf = self._buf + data if self._buf else data
        if not self.synced:
            buf = self._skip_partial(buf)
            if not self.synced:
                self._buf = b""
                return []
        readings, self._buf = self._parse(buf)
        if len(self._buf) > MAX_PENDING:
            self.rejected += 1
            self._buf = b""
        return readings

    def _skip_partial(self, buf: bytes) -> bytes:
        # Drop everything up to and including the first terminator: that line may lack its start.
        cut = max(buf.find(b"\n"), buf.find(b"\r"))
        if cut < 0:
            return b""
        self.synced = True
        return buf[cut + 1 :]

    def _parse(self, buf: bytes) -> tuple[list[Reading], bytes]:
        raise NotImplementedError

    def factor(self, unit: bytes) -> float | None:
        """Newtons per `unit`; cached per parser because a session repeats one unit forever."""
        try:
            return self._factors[unit]
        except KeyError:
            if len(self._factors) >= MAX_UNITS:
                self._factors.clear()  # bounded: the real unit is back in the cache on its next line
            f = self._factors[unit] = newtons_per_bytes(unit)
            return f
