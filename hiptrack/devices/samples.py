"""Plain data that leaves the device layer: samples in newtons and what a device says about itself.

Sign policy (one convention for every driver): each protocol's polarity is applied first, then the
driver's `invert` flag, so that a push (a make test presses the gauge) gives a positive `signed_n`.
`force_n` is the magnitude, `abs(signed_n)`, for displays that only want a size (`device read`).
The acquisition layer and the force-time analysis use `signed_n`: a pull is not a push, and a rest
reading below zero (a gauge zeroed under load) must not turn into a positive force (issue 11).
Host-side tare is applied to `signed_n` before the magnitude is taken.

An overloaded gauge never reports a force: `overload` is True and both forces are NaN, so a peak
or a mean computed without checking the flag comes out NaN rather than silently wrong. An
implausible reading (not finite, or beyond what the gauge can measure: a corrupted line, a lost
decimal point) is not a force either: `invalid` is True and both forces are NaN.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sample:
    t: float  # host time.monotonic() seconds when the bytes arrived (back-dated within a burst)
    force_n: float  # magnitude the patient produced, >= 0; NaN when overload
    overload: bool = False
    signed_n: float = 0.0  # push positive after polarity, invert and tare; NaN when overload
    invalid: bool = False  # not finite or beyond the plausibility limit: never a force


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    protocol: str  # command-line protocol name: mark10, imada, shimpo, lutron, line
    model: str | None = None
    serial: str | None = None
    firmware: str | None = None
    capacity_n: float | None = None  # rated capacity, when the identification states it
