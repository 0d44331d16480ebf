"""Hypothesis fuzzing of every parser.

The honest properties (random bytes CAN form a valid frame, e.g. b"\\n5\\r\\n" is a Mark-10 NUM line):
1. Any bytes, in any chunking: no exception, every reading is finite or a flagged overload, and
   chunking never changes the result.
2. Bytes from the line-noise alphabet (no digits, letters, signs, points, terminators, STX) never
   yield a reading.
3. Valid frames with line noise inserted anywhere, even inside frames: every reading is one of the
   frames' values, in order, and frames untouched by noise are all recovered.
4. Any bytes: the number of readings never exceeds what an independent strict grammar finds.
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hiptrack.devices.protocols import PARSERS, Parser, Reading
from hiptrack.devices.simulators import GARBAGE_ALPHABET

FUZZ = settings(max_examples=300, deadline=None)

FRAMES: dict[str, list[tuple[bytes, float]]] = {
    "mark10": [(b"-18.78 N\r\n", -18.78), (b"4.285 N\r\n", 4.285), (b"12.5 N\r\n", 12.5)],
    "imada": [(b"+123.4NTO\r", 123.4), (b"-012.3NTO\r", -12.3), (b"+000.0NPO\r", 0.0)],
    "shimpo": [(b"-123.45 N\r", -123.45), (b"0 N\r", 0.0), (b"7.5 N\r", 7.5)],
    "lutron": [(b"\x0241591200001234\r", -12.34), (b"\x0241590100000125\r", 12.5)],
    "line": [(b"Reading: 1.25 N\r\n", 1.25), (b"-3.5\r\n", -3.5), (b"42 N\n", 42.0)],
}
# Independent, deliberately simple grammars: an upper bound on frames in arbitrary bytes.
ORACLES = {
    "mark10": re.compile(rb"(?m)^[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*-?\d+(?:\.\d+)?(?: [A-Za-z]+)?\r?$|OVER"),
    "imada": re.compile(rb"[+-][\d.]{5}[NKO][TP][LOHE]\r"),
    "shimpo": re.compile(rb"-?\d+(?:\.\d+)? [A-Za-z]+\r|OVER"),
    "lutron": re.compile(rb"\x0241\d{13}\r"),
    "line": re.compile(rb"[-+]?\d+(?:\.\d+)?[ \t]*[A-Za-z]*[ \t]*(?:\r|\n)"),
}

protocols = st.sampled_from(sorted(PARSERS))
noise = st.binary(max_size=40).map(lambda b: bytes(GARBAGE_ALPHABET[x % len(GARBAGE_ALPHABET)] for x in b))


def fresh(name: str, synced: bool = True) -> Parser:
    parser = PARSERS[name]()
    if synced:
        parser.reset(synced=True)
    return parser


def feed_chunks(parser: Parser, data: bytes, cuts: list[int]) -> list[Reading]:
    out: list[Reading] = []
    start = 0
    for cut in sorted(c % (len(data) + 1) for c in cuts):
        out += parser.feed(data[start:cut])
        start = max(start, cut)
    out += parser.feed(data[start:])
    return out


def as_tuple(readings: list[Reading]) -> list[tuple[float, bool]]:
    return [(round(r.value_n, 9) if not r.overload else math.inf, r.overload) for r in readings]


@FUZZ
@given(name=protocols, data=st.binary(max_size=300), cuts=st.lists(st.integers(0, 300), max_size=6))
def test_random_bytes_never_crash_and_chunking_does_not_matter(
    name: str, data: bytes, cuts: list[int]
) -> None:
    whole = fresh(name).feed(data)
    chunked = feed_chunks(fresh(name), data, cuts)
    assert as_tuple(whole) == as_tuple(chunked)
    for r in whole:
        assert r.overload or math.isfinite(r.value_n)
    assert len(whole) <= len(ORACLES[name].findall(data))


@FUZZ
@given(name=protocols, data=st.lists(noise, max_size=10))
def test_line_noise_never_yields_a_reading(name: str, data: list[bytes]) -> None:
    parser = fresh(name)
    assert [r for chunk in data for r in parser.feed(chunk)] == []


@FUZZ
@given(
    name=protocols,
    picks=st.lists(st.integers(0, 2), min_size=1, max_size=12),
    bursts=st.lists(st.tuples(st.integers(0, 10_000), noise), max_size=5),
)
def test_noise_inside_frames_never_invents_a_reading(
    name: str, picks: list[int], bursts: list[tuple[int, bytes]]
) -> None:
    frames = [FRAMES[name][i % len(FRAMES[name])] for i in picks]
    stream = b"".join(f for f, _ in frames)
    touched: set[int] = set()
    # Insert from the back so earlier offsets stay valid; remember which frames got noise.
    for pos, burst in sorted(((p % (len(stream) + 1), b) for p, b in bursts), reverse=True):
        stream = stream[:pos] + burst + stream[pos:]
        if burst:
            touched.add(pos)
    parser = fresh(name)
    got = [round(r.value_n, 9) for r in parser.feed(stream)]
    expected = [round(v, 9) for _, v in frames]
    # Every reading is a sent value, in order (a subsequence of what was sent).
    it = iter(expected)
    assert all(any(g == e for e in it) for g in got)
    if not touched:
        assert got == expected
