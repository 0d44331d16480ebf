"""Acquisition end to end: a simulated gauge on a pty -> DeviceSession -> a slot in the GUI thread.

    .venv/bin/python bench/acquisition_e2e.py [--seconds 60] [--rate 1000] [--protocol line]
                                              [--runs normal,busy]

The simulator (the real class from hiptrack.devices.simulators, on a real pseudo-terminal behind a
`link`) runs in a separate process, so the app process's CPU figure is the reader thread plus the
Qt main thread only. The parent runs what the app runs: a DeviceSession (DeviceReader thread,
pyserial, the protocol driver, ring buffer, segmenter) and a QCoreApplication event loop whose
main thread receives `samples_arrived` in a slot and, like the trial screen, copies the last 8 s
out of the ring buffer at 30 Hz.

Figures, over a window that starts 2 s after the first batch and lasts `--seconds`:
- lost: readings the simulator finished writing during the window that never reached the slot.
  Sent and received readings are matched by order (forces as printed on the wire, anchored on the
  first received readings); nothing is encoded in the values.
- latency: from the os.write() that completed a reading's line to the slot's start in the main
  thread. Both processes read CLOCK_MONOTONIC (system-wide on Linux). "reader" is the part up to
  the moment the reader thread built the batch; the rest is the queued signal to the GUI thread.
- CPU: process CPU time (os.times) over wall time, as % of one core; "GUI" is the main thread
  alone (RUSAGE_THREAD), the rest is the reader thread.
The "busy" run adds a QTimer that blocks the main thread for 50 ms every 200 ms: latency may grow,
losses must stay 0 and the reader's own latency must not move.

The simulator stamps `sent` with the scheduled time of a reading, not the time its bytes left;
a small mixin in the child records when os.write() actually completed each reading's bytes.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

OVERLOAD = -1.0  # received forces are magnitudes (>= 0), so -1 cannot collide with a reading
WARMUP_S = 2.0
DRAIN_S = 1.0
BUSY_EVERY_MS, BUSY_BLOCK_S = 200, 0.050
PAINT_EVERY_MS, PAINT_WINDOW_S = 33, 8.0
# pty ignores the baud rate; a real 1 kHz line device ("Reading: 123.4 N\r\n", ~17 bytes) would
# need at least 230400 baud, so the bench asks for that rather than the 9600 default.
BAUD = {"line": 230400}
RATE_KWARG = ("line", "lutron")  # simulators whose output rate is a constructor argument


# ---------------------------------------------------------------- the simulator process


class WriteTimes:
    """Mixin for a Simulator: when each reading's last byte was written to the pty master."""

    def init_write_times(self) -> None:
        self.sent: deque[tuple[float, float | None]] = deque()  # unbounded: 60 s x 1 kHz > nothing
        self.end_offset: list[int] = []  # byte offset (bytes_written scale) ending each reading; -1 = dropped
        self.write_t: list[float] = []
        self._done = 0

    def send(self, data: bytes) -> None:
        before = len(self._out)
        super().send(data)
        queued = len(self._out) > before
        end = self.bytes_written + len(self._out) if queued else -1
        while len(self.end_offset) < len(self.sent):
            self.end_offset.append(end)

    def _flush(self) -> None:
        t = time.monotonic()  # before the write: the latency includes the write call itself
        super()._flush()
        written = self.bytes_written
        offsets, times = self.end_offset, self.write_t
        while self._done < len(offsets) and offsets[self._done] <= written:
            times.append(t if offsets[self._done] >= 0 else float("nan"))
            self._done += 1


def simulator_process(conn: Connection, protocol: str, rate: float, link: str) -> None:
    from hiptrack.devices.simulators import SIMULATORS, ForceProfile

    base = SIMULATORS[protocol]
    cls: Any = type(f"Timed{base.__name__}", (WriteTimes, base), {})
    kwargs: dict[str, Any] = {"rate": rate} if protocol in RATE_KWARG else {}
    # Make and break contractions every 4 s, so the values on the wire look like a session.
    sim = cls(ForceProfile(capacity_n=500.0, noise_n=0.3), link=link, seed=11, demo_interval=4.0,
              demo_peak_n=200.0, demo_kinds=("make", "break"), **kwargs)
    sim.init_write_times()
    sim.serve()
    conn.send(("ready", sim.path))
    conn.recv()  # "stop"
    sim.stop()
    n = len(sim.write_t)
    sent = list(sim.sent)[:n]
    conn.send({
        "scheduled_t": np.array([t for t, _ in sent]),
        "write_t": np.array(sim.write_t),
        "value": np.array([OVERLOAD if v is None else abs(v) for _, v in sent]),
    })
    conn.close()


# ---------------------------------------------------------------- the app process


@dataclass
class Window:
    t0: float = 0.0
    t1: float = 0.0
    cpu0: float = 0.0
    cpu1: float = 0.0
    gui0: float = 0.0
    gui1: float = 0.0


def cpu_now() -> tuple[float, float]:
    t = os.times()
    r = resource.getrusage(resource.RUSAGE_THREAD)  # called on the main thread: the GUI thread
    return t.user + t.system, r.ru_utime + r.ru_stime


def run_app(link: str, protocol: str, rate: float, seconds: float, busy: bool) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot

    from hiptrack.acquisition.reader import DeviceConfig, SampleBatch
    from hiptrack.acquisition.session import DeviceSession

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    main_tid = threading.get_native_id()
    window = Window()
    failure: list[str] = []

    class Sink(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.batches: list[tuple[float, float, np.ndarray, np.ndarray]] = []
            self.off_main = 0

        @Slot(object)
        def on_batch(self, batch: SampleBatch) -> None:
            delivered = time.monotonic()
            if threading.get_native_id() != main_tid:
                self.off_main += 1
            self.batches.append((delivered, batch.received_at, batch.forces_n, batch.overload))
            if len(self.batches) == 1:
                later(WARMUP_S, start_window)

    timers: list[QTimer] = []

    def later(seconds: float, then: Any) -> None:
        # Precise: coarse Qt timers may fire 5 % early, and the window must last `seconds`.
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setSingleShot(True)
        timer.timeout.connect(then)
        timer.start(round(seconds * 1000))
        timers.append(timer)

    def start_window() -> None:
        window.t0 = time.monotonic()
        window.cpu0, window.gui0 = cpu_now()
        later(seconds, end_window)

    def end_window() -> None:
        window.t1 = time.monotonic()
        window.cpu1, window.gui1 = cpu_now()
        later(DRAIN_S, app.quit)  # readings still in flight at t1

    def give_up() -> None:
        if not sink.batches:
            failure.append("no samples within 15 s")
            app.quit()

    session = DeviceSession()
    sink = Sink()
    session.samples_arrived.connect(sink.on_batch)
    paint = QTimer()
    paint.timeout.connect(lambda: session.buffer.latest(PAINT_WINDOW_S))
    paint.start(PAINT_EVERY_MS)
    blocker = QTimer()
    blocker.setTimerType(Qt.TimerType.PreciseTimer)
    blocker.timeout.connect(lambda: time.sleep(BUSY_BLOCK_S))
    if busy:
        blocker.start(BUSY_EVERY_MS)
    later(15.0, give_up)
    session.connect_device(DeviceConfig(protocol, link, BAUD.get(protocol), rate_hz=rate))
    app.exec()
    paint.stop()
    blocker.stop()
    session.shutdown()
    if failure:
        raise SystemExit(f"{protocol}: {failure[0]} (status: {session.status.message})")
    delivered = np.concatenate([np.full(len(f), d) for d, _, f, _ in sink.batches])
    built = np.concatenate([np.full(len(f), r) for _, r, f, _ in sink.batches])
    values = np.concatenate([np.where(o, OVERLOAD, f) for _, _, f, o in sink.batches])
    return {"window": window, "delivered_t": delivered, "built_t": built, "value": values,
            "batches": np.array([d for d, _, _, _ in sink.batches]), "off_main": sink.off_main}


# ---------------------------------------------------------------- matching and figures


def match(sent: np.ndarray, received: np.ndarray, anchor: int = 64) -> np.ndarray:
    """For each received reading, the index of the sent reading it is (-1: matches none).

    Order matching: the received stream must be the sent stream from some offset on. Where it is
    not (a reading lost or garbled), re-anchor on the next `anchor` received readings.
    """
    out = np.full(len(received), -1)
    i = j = 0
    while i < len(received):
        k = _find(sent, received[i:i + anchor], j)
        if k < 0:
            i += 1
            continue
        n = min(len(received) - i, len(sent) - k)
        same = np.isclose(received[i:i + n], sent[k:k + n], rtol=0, atol=1e-6)
        run = n if same.all() else int(np.argmin(same))
        out[i:i + run] = np.arange(k, k + run)
        i, j = i + run, k + run
        if run == 0:
            i += 1
    return out


def _find(sent: np.ndarray, probe: np.ndarray, start: int) -> int:
    m = len(probe)
    if m == 0 or len(sent) - start < m:
        return -1
    windows = np.lib.stride_tricks.sliding_window_view(sent[start:], m)
    hits = np.flatnonzero(np.all(np.abs(windows - probe) < 1e-6, axis=1))
    return start + int(hits[0]) if len(hits) else -1


def figures(sim: dict[str, Any], app: dict[str, Any]) -> dict[str, float]:
    w: Window = app["window"]
    seconds = w.t1 - w.t0
    write_t = sim["write_t"]
    in_window = (write_t >= w.t0) & (write_t <= w.t1)
    idx = match(sim["value"], app["value"])
    matched = idx >= 0
    got = np.zeros(len(write_t), bool)
    got[idx[matched]] = True
    hit = matched & in_window[np.maximum(idx, 0)]
    latency = (app["delivered_t"][hit] - write_t[idx[hit]]) * 1000
    reader = (app["built_t"][hit] - write_t[idx[hit]]) * 1000
    batches = app["batches"]
    return {
        "seconds": seconds,
        "sent": int(in_window.sum()),
        "delivered": int(hit.sum()),
        "lost": int((in_window & ~got).sum()),
        "unmatched": int((~matched).sum()),
        "batches_s": float(((batches >= w.t0) & (batches <= w.t1)).sum() / seconds),
        "median": float(np.median(latency)) if len(latency) else float("nan"),
        "p99": float(np.percentile(latency, 99)) if len(latency) else float("nan"),
        "max": float(latency.max()) if len(latency) else float("nan"),
        "reader_p99": float(np.percentile(reader, 99)) if len(reader) else float("nan"),
        "cpu": 100 * (w.cpu1 - w.cpu0) / seconds,
        "gui_cpu": 100 * (w.gui1 - w.gui0) / seconds,
        "off_main": app["off_main"],
        "sched_p99": float(np.percentile((write_t - sim["scheduled_t"])[in_window], 99) * 1000),
    }


def run(protocol: str, rate: float, seconds: float, busy: bool) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-e2e-"))
    link = str(folder / "gauge")
    ctx = mp.get_context("spawn")  # a clean child: no Qt state inherited by fork
    ours, theirs = ctx.Pipe()
    child = ctx.Process(target=simulator_process, args=(theirs, protocol, rate, link), daemon=True)
    child.start()
    try:
        if not ours.poll(30):
            raise SystemExit("the simulator process did not start")
        ours.recv()
        app = run_app(link, protocol, rate, seconds, busy)
        ours.send("stop")
        sim = ours.recv()
        child.join(10)
    finally:
        if child.is_alive():
            child.terminate()
        shutil.rmtree(folder, ignore_errors=True)
    return figures(sim, app)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--rate", type=float, default=1000.0, help="readings per second asked of the gauge")
    ap.add_argument("--protocol", default="line", choices=("line", "mark10", "imada", "shimpo", "lutron"))
    ap.add_argument("--runs", default="normal,busy", help="comma list of: normal, busy")
    args = ap.parse_args(argv)
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if not runs or set(runs) - {"normal", "busy"}:
        ap.error("--runs takes normal, busy or both")

    print(f"acquisition end to end: {args.protocol} simulator on a pty (separate process) -> DeviceSession "
          f"-> slot in the Qt main thread; {args.rate:g}/s asked, {args.seconds:g} s window, "
          f"{os.cpu_count()} cores")
    head = (f"{'run':<7}{'rate/s':>8}{'sent':>8}{'deliv.':>8}{'lost':>6}{'batch/s':>9}"
            f"{'lat med':>9}{'p99':>7}{'max':>7}{'reader p99':>12}{'CPU %':>7}{'GUI %':>7}")
    print(head)
    print("-" * len(head))
    notes: list[str] = []
    worst = 0
    for name in runs:
        f = run(args.protocol, args.rate, args.seconds, busy=name == "busy")
        print(f"{name:<7}{f['sent'] / f['seconds']:>8.1f}{f['sent']:>8}{f['delivered']:>8}{f['lost']:>6}"
              f"{f['batches_s']:>9.0f}{f['median']:>9.2f}{f['p99']:>7.2f}{f['max']:>7.1f}"
              f"{f['reader_p99']:>12.2f}{f['cpu']:>7.1f}{f['gui_cpu']:>7.1f}", flush=True)
        worst = max(worst, f["lost"])
        if f["unmatched"]:
            notes.append(f"{name}: {f['unmatched']} received readings match nothing the simulator sent")
        if f["off_main"]:
            notes.append(f"{name}: {f['off_main']} batches reached the slot outside the main thread")
        notes.append(f"{name}: simulator write lag behind its schedule p99 {f['sched_p99']:.2f} ms")
    print("latency in ms, from the simulator's write to the slot in the main thread; "
          "reader = write to batch built on the reader thread; CPU = % of one core (reader + GUI threads)")
    for note in notes:
        print("note:", note)
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
