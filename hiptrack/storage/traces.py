"""Compact storage of raw force traces.

A trace is stored as one blob: a small header, then zlib-compressed little-endian float32 force
samples in newtons and float32 sample times in seconds from the first sample. float32 keeps
0.01 N resolution up to ~100 kN, well beyond any dynamometer; zlib is in the standard library and
typically halves the size. A 5 s trial at 1 kHz takes about 20–30 kB.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np

MAGIC = b"HTR1"
# The onset threshold of a test that kept none (recorded before tests kept theirs): the setting's default.
DEFAULT_ONSET_THRESHOLD_N = 20.0
_HEADER = struct.Struct("<4sI")  # magic, sample count


class RecordedTrial(Protocol):
    """What `recorded_inputs` reads of a trial: a `Trial` or a plain row of these columns."""

    @property
    def trace_sample_rate_hz(self) -> float | None: ...

    @property
    def analysis_version(self) -> int | None: ...


class TraceCorrupt(ValueError):
    """A stored trace blob that cannot be read back (bit rot, a truncated write, a foreign blob)."""


def encode_trace(times_s: np.ndarray, forces_n: np.ndarray) -> bytes:
    times = np.asarray(times_s, dtype=np.float64)
    forces = np.asarray(forces_n, dtype="<f4")
    if times.shape != forces.shape or times.ndim != 1:
        raise ValueError("a trace needs one time per force sample")
    relative = (times - times[0]).astype("<f4") if len(times) else times.astype("<f4")
    payload = zlib.compress(forces.tobytes() + relative.tobytes(), level=6)
    return _HEADER.pack(MAGIC, len(forces)) + payload


def decode_trace(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(times in s from the first sample, forces in N) as float64 arrays; TraceCorrupt if unreadable."""
    try:
        magic, count = _HEADER.unpack_from(blob)
    except struct.error as exc:
        raise TraceCorrupt("trace is shorter than its header") from exc
    if magic != MAGIC:
        raise TraceCorrupt("not a hiptrack trace")
    try:
        # Never inflate more than the header promises: a damaged stream must not fill the memory.
        inflater = zlib.decompressobj()
        raw = inflater.decompress(blob[_HEADER.size:], 8 * count + 1)
    except zlib.error as exc:
        raise TraceCorrupt(f"trace data is damaged ({exc})") from exc
    if len(raw) != 8 * count or not inflater.eof:
        raise TraceCorrupt("trace is truncated or damaged")
    forces = np.frombuffer(raw, dtype="<f4", count=count).astype(np.float64)
    times = np.frombuffer(raw, dtype="<f4", offset=4 * count, count=count).astype(np.float64)
    return times, forces


def recorded_inputs(trial: RecordedTrial, test_context: Mapping[str, Any] | None) -> tuple[float | None, float]:
    """(declared sample rate in Hz or None, onset threshold in N): what a stored trace is analysed
    with again, so its onset and figures are the ones it was recorded with.

    From analysis version 2 the stored rate is the device's declared rate; before, a host estimate,
    which is not passed on (the analysis estimates the time base itself). The threshold is the one
    the trial's test was recorded with, the default where it kept none (or a value of none)."""
    declared = trial.trace_sample_rate_hz if (trial.analysis_version or 1) >= 2 else None
    threshold = float((test_context or {}).get("onset_threshold_n") or DEFAULT_ONSET_THRESHOLD_N)
    return declared, threshold
