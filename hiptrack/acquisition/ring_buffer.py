"""A fixed-size ring buffer of force samples, written by a reader thread and read by the GUI.

The reader appends whole batches under a lock held for microseconds; the GUI copies out the last
few seconds when it repaints. A slow GUI therefore never blocks the reader, and the reader never
waits for a paint.
"""

from __future__ import annotations

import threading

import numpy as np


class RingBuffer:
    def __init__(self, capacity: int = 120_000) -> None:
        self.capacity = capacity
        self._t = np.zeros(capacity)
        self._f = np.zeros(capacity)
        self._overload = np.zeros(capacity, dtype=bool)
        self._written = 0
        self._lock = threading.Lock()

    @property
    def total_written(self) -> int:
        return self._written

    def append(self, t: np.ndarray, force: np.ndarray, overload: np.ndarray) -> None:
        n = len(t)
        if n == 0:
            return
        if n > self.capacity:  # keep only what fits
            t, force, overload = t[-self.capacity:], force[-self.capacity:], overload[-self.capacity:]
            n = self.capacity
        with self._lock:
            start = self._written % self.capacity
            first = min(n, self.capacity - start)
            self._t[start:start + first] = t[:first]
            self._f[start:start + first] = force[:first]
            self._overload[start:start + first] = overload[:first]
            if first < n:
                rest = n - first
                self._t[:rest] = t[first:]
                self._f[:rest] = force[first:]
                self._overload[:rest] = overload[first:]
            self._written += n

    def latest(self, seconds: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of the samples of the last `seconds` (by sample time), oldest first."""
        with self._lock:
            count = min(self._written, self.capacity)
            if count == 0:
                return np.empty(0), np.empty(0), np.empty(0, dtype=bool)
            end = self._written % self.capacity
            last_t = self._t[(end - 1) % self.capacity]
            # Copy only a tail long enough to cover `seconds` (doubling from 1,024 samples), not the
            # whole buffer: the GUI asks 30 times a second for a few seconds out of a minute or more.
            n = min(count, 1024)
            while n < count and self._t[(end - n) % self.capacity] >= last_t - seconds:
                n = min(count, 2 * n)
            idx = (np.arange(end - n, end)) % self.capacity
            t, f, o = self._t[idx], self._f[idx], self._overload[idx]
        keep = t >= t[-1] - seconds
        return t[keep], f[keep], o[keep]

    def clear(self) -> None:
        with self._lock:
            self._written = 0
