"""`hiptrack device read --count N` as a whole process, against a plain pyserial readline() loop.

    .venv/bin/python bench/device_read.py [--count 100000] [--runs 3]

The same "line" protocol stream ("Reading: 123.45 N\\r\\n") is fed into a pseudo-terminal by a
thread writing as fast as the reader takes it (blocking writes: nothing is dropped). Reference:
pyserial's readline() + float() in this process, the loop most hand-written gauge scripts use,
with no start-up cost at all. Figure: `python -m hiptrack device read --protocol line --count N`
in a fresh process writing its JSON lines to /dev/null, from launch to exit (interpreter start,
imports, port set-up, reading, formatting, writing). The ratio is reference time / figure time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import serial

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parsers import Pty, baseline_value, stream


def readline_loop(data: bytes, count: int) -> float:
    pty = Pty(data)
    port = serial.Serial(pty.path, timeout=1.0)
    pty.start()
    started = time.perf_counter()
    got = 0
    while got < count:
        line = port.readline()
        if not line:
            break
        baseline_value("line", line)
        got += 1
    elapsed = time.perf_counter() - started
    port.close()
    pty.close()
    assert got == count, f"readline loop read {got}/{count}"
    return elapsed


def device_read(data: bytes, count: int) -> float:
    pty = Pty(data)
    # Generous slack: the driver may discard what was queued before it opened the port.
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "hiptrack", "device", "read", "--port", pty.path, "--protocol", "line",
             "--count", str(count)], stdout=sink, stderr=subprocess.PIPE, text=True)
        pty.start()
        _out, err = child.communicate(timeout=300)
    elapsed = time.perf_counter() - started
    os.close(pty.slave)  # the writer thread, blocked on a full pty, then fails and ends
    pty.thread.join(timeout=5)
    assert child.returncode == 0, err
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    data = stream("line", args.count + args.count // 5)
    ratios, refs, figures = [], [], []
    for _ in range(args.runs):
        ref = readline_loop(data, args.count)
        fig = device_read(data, args.count)
        refs.append(ref)
        figures.append(fig)
        ratios.append(ref / fig)
    print(f"{args.count} readings, {args.runs} runs")
    print(f"reference: pyserial readline() loop, in process   median {statistics.median(refs):.2f} s "
          f"({args.count / statistics.median(refs):,.0f} readings/s)")
    print(f"figure:    hiptrack device read, whole process    median {statistics.median(figures):.2f} s "
          f"({args.count / statistics.median(figures):,.0f} readings/s)")
    print(f"ratio (reference time / figure time): median {statistics.median(ratios):.1f}x, "
          f"min {min(ratios):.1f}x, max {max(ratios):.1f}x")


if __name__ == "__main__":
    main()
