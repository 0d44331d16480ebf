"""Parser throughput per protocol, against a plain pyserial readline()+float() loop, in one run.

    .venv/bin/python bench/parsers.py [--frames N]

For each protocol the same bytes go through three readers:
- baseline: pyserial on a pty, `read_until(terminator)` (readline() for LF protocols) then float(),
  the loop most hand-written gauge scripts use;
- parser: the hiptrack parser alone, fed 4 KiB chunks from memory (no I/O);
- driver: hiptrack's driver on the same pty (bulk reads + parse + Sample objects), which is what
  `hiptrack device read` and the acquisition thread run.
Ratios are against the baseline. The target is >= 10x for the driver.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
import tty
from collections.abc import Callable

import serial

from hiptrack.devices.drivers import PROTOCOLS, Driver
from hiptrack.devices.protocols import PARSERS

FRAMES: dict[str, Callable[[int], bytes]] = {
    "mark10": lambda i: (
        b"%d.%02d lbF\r\n" % (i % 200, i % 100) if i % 3 else b"-%d.%02d lbF\r\n" % (i % 50, i % 97)
    ),
    "imada": lambda i: b"%s%03d.%dNTO\r" % (b"+-"[i % 2 : i % 2 + 1], i % 1000, i % 10),
    "shimpo": lambda i: b"%s%d.%02d N\r" % (b"-" if i % 2 else b"", i % 500, i % 100),
    "lutron": lambda i: b"\x024159%d2%08d\r" % (i % 2, i % 100000),
    "line": lambda i: b"Reading: %d.%02d N\r\n" % (i % 300, i % 100),
}
TERMINATOR = {"mark10": b"\n", "imada": b"\r", "shimpo": b"\r", "lutron": b"\r", "line": b"\n"}


def baseline_value(protocol: str, line: bytes) -> float:
    """What a hand-written loop does with one line: the least work that yields a number."""
    if protocol == "lutron":
        return float(line[-9:-1])
    if protocol == "imada":
        return float(line[:6])
    if protocol == "line":
        return float(line.split()[1])
    return float(line.split()[0])


def stream(protocol: str, n: int) -> bytes:
    make = FRAMES[protocol]
    return b"".join(make(i) for i in range(n))


class Pty:
    """A raw pty whose master is fed from a thread with blocking writes (nothing is dropped)."""

    def __init__(self, data: bytes) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.data = data
        self.thread = threading.Thread(target=self._write, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _write(self) -> None:
        view = memoryview(self.data)
        while view:
            n = os.write(self.master, view[:4096])
            view = view[n:]

    def close(self) -> None:
        self.thread.join(timeout=5)
        os.close(self.master)
        os.close(self.slave)


def bench_baseline(protocol: str, data: bytes, n: int) -> float:
    pty = Pty(data)
    port = serial.Serial(pty.path, timeout=1.0)
    pty.start()
    term = TERMINATOR[protocol]
    t0 = time.perf_counter()
    got = 0
    while got < n:
        line = port.read_until(term) if term != b"\n" else port.readline()
        if not line:
            break
        baseline_value(protocol, line)
        got += 1
    elapsed = time.perf_counter() - t0
    port.close()
    pty.close()
    assert got == n, f"{protocol} baseline read {got}/{n}"
    return n / elapsed


def fresh_parser(protocol: str):  # type: ignore[no-untyped-def]
    parser = PARSERS[protocol]()
    parser.reset(synced=True)
    return parser


def bench_parser(protocol: str, data: bytes, n: int, repeat: int = 3) -> float:
    best = 0.0
    for _ in range(repeat):
        parser = fresh_parser(protocol)
        t0 = time.perf_counter()
        got = 0
        for i in range(0, len(data), 4096):
            got += len(parser.feed(data[i : i + 4096]))
        elapsed = time.perf_counter() - t0
        assert got == n, f"{protocol} parser read {got}/{n}"
        best = max(best, n / elapsed)
    return best


def bench_driver(protocol: str, data: bytes, n: int) -> float:
    pty = Pty(data)
    drv: Driver = PROTOCOLS[protocol].open(pty.path)
    drv.parser.reset(synced=True)
    pty.start()
    t0 = time.perf_counter()
    got = 0
    while got < n:
        batch = drv.read_samples(0.5)
        if not batch:
            break
        got += len(batch)
    elapsed = time.perf_counter() - t0
    drv.close()
    pty.close()
    assert got == n, f"{protocol} driver read {got}/{n}"
    return n / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=50_000, help="frames per protocol over the pty")
    ap.add_argument("--parser-frames", type=int, default=300_000, help="frames per protocol, parser only")
    args = ap.parse_args()
    print(
        f"{args.frames} frames over a pty per protocol; {args.parser_frames} frames in memory for the parser"
    )
    header = f"{'protocol':8} {'baseline/s':>12} {'parser/s':>12} {'x':>6} {'driver/s':>12} {'x':>6}"
    print(header)
    print("-" * len(header))
    for protocol in PARSERS:
        pty_data = stream(protocol, args.frames)
        mem_data = stream(protocol, args.parser_frames)
        base = bench_baseline(protocol, pty_data, args.frames)
        parse = bench_parser(protocol, mem_data, args.parser_frames)
        drive = bench_driver(protocol, pty_data, args.frames)
        print(
            f"{protocol:8} {base:12,.0f} {parse:12,.0f} {parse / base:6.1f} {drive:12,.0f} {drive / base:6.1f}"
        )


if __name__ == "__main__":
    main()
