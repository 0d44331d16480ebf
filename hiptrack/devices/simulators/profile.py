"""Simulated isometric force: make and break curves, tremor, noise, resolution and capacity.

A make test is a push the patient holds against a fixed gauge: a smooth rise, a plateau with
physiological tremor (8-12 Hz, about 1 % of the force), then a release. A break test ends the other
way: the examiner overpowers the patient, the force peaks, then falls away suddenly.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from hiptrack.devices.units import newtons_per

KINDS = ("make", "break")


@dataclass
class ForceProfile:
    """What the simulated gauge is like. Forces in newtons; `resolution` in the display unit."""

    capacity_n: float = 500.0  # beyond it the gauge reports overload
    resolution: float = 0.1  # smallest step the display shows, in `unit`
    unit: str = "N"  # display unit: N, kN, mN, kgf, gf, lbf, ozf
    noise_n: float = 0.2  # standard deviation of the electrical noise, always present
    tremor_hz: float = 10.0  # physiological tremor centre frequency
    tremor_fraction: float = 0.01  # tremor amplitude as a fraction of the force held
    direction: str = "push"  # what the patient does to the gauge: "push" (make test) or "pull"

    def __post_init__(self) -> None:
        if newtons_per(self.unit) is None:
            raise ValueError(f"{self.unit!r} is not a force unit")
        if self.direction not in ("push", "pull"):
            raise ValueError("direction must be 'push' or 'pull'")
        if self.resolution <= 0 or self.capacity_n <= 0:
            raise ValueError("resolution and capacity must be positive")

    @property
    def newtons_per_unit(self) -> float:
        return newtons_per(self.unit) or 1.0

    @property
    def decimals(self) -> int:
        return max(0, math.ceil(-math.log10(self.resolution) - 1e-9))

    def quantize(self, value: float) -> float:
        """`value` (in `unit`) rounded to the display resolution, as the gauge would print it."""
        return round(round(value / self.resolution) * self.resolution, self.decimals)


@dataclass(frozen=True)
class Trial:
    """One contraction, starting at host monotonic time `start`. `force(t)` has no noise or tremor."""

    start: float
    peak_n: float
    kind: str = "make"
    duration_s: float = 3.0
    rise_s: float = 0.6
    release_s: float = 0.3

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"trial kind must be one of {KINDS}")

    @property
    def end(self) -> float:
        return self.start + self.duration_s + (0.0 if self.kind == "make" else 0.35)

    def force(self, t: float) -> float:
        x = t - self.start
        if x <= 0 or t >= self.end:
            return 0.0
        return self._make(x) if self.kind == "make" else self._break(x)

    def _make(self, x: float) -> float:
        d, rise, release = self.duration_s, min(self.rise_s, self.duration_s / 3), self.release_s
        if x < rise:  # half-cosine: no kink at the onset, like a real contraction
            return self.peak_n * (1 - math.cos(math.pi * x / rise)) / 2
        hold_end = d - release
        if x < hold_end:
            # The plateau drifts a few percent and peaks mid-hold; the configured peak is its maximum.
            u = (x - rise) / max(hold_end - rise, 1e-9)
            return self.peak_n * (1 - 0.04 * (2 * u - 1) ** 2)
        u = min((x - hold_end) / release, 1.0)
        return self.peak_n * 0.96 * (1 + math.cos(math.pi * u)) / 2

    def _break(self, x: float) -> float:
        peak_at = self.duration_s
        if x < peak_at:  # the examiner pushes harder until the patient gives way
            u = x / peak_at
            return self.peak_n * (1 - math.cos(math.pi * u)) / 2
        # Sudden give: down to a third within 60 ms, then let go over ~0.3 s.
        y = x - peak_at
        if y < 0.06:
            return self.peak_n * (1 - 0.67 * y / 0.06)
        return max(0.0, self.peak_n * 0.33 * (1 - (y - 0.06) / 0.29))


class ForceModel:
    """Trials plus tremor and noise: the force the gauge feels at any instant (push positive)."""

    def __init__(self, profile: ForceProfile, rng: random.Random) -> None:
        self.profile = profile
        self.rng = rng
        self.trials: list[Trial] = []
        self._phase = rng.random() * 2 * math.pi
        self._freq = profile.tremor_hz

    def add(self, trial: Trial) -> None:
        self.trials = [t for t in self.trials if t.end > trial.start] + [trial]

    def active(self, t: float) -> bool:
        return any(tr.start <= t < tr.end for tr in self.trials)

    def clean(self, t: float) -> float:
        return sum(tr.force(t) for tr in self.trials)

    def force(self, t: float) -> float:
        p = self.profile
        f = self.clean(t)
        if f > 0 and p.tremor_fraction:
            # Physiological tremor wanders in frequency (8-12 Hz); a slow random walk of the
            # frequency keeps the spectrum from being a single line.
            self._freq = min(12.0, max(8.0, self._freq + self.rng.gauss(0, 0.05)))
            f += p.tremor_fraction * f * math.sin(2 * math.pi * self._freq * t + self._phase)
        if p.noise_n:
            f += self.rng.gauss(0, p.noise_n)
        return f if p.direction == "push" else -f
