"""Simulator machinery shared by every protocol: a pty, a thread, pacing, faults, unplug/replug.

The simulator writes to the master side of a pseudo-terminal; the app opens the slave path with
pyserial exactly as it would open /dev/ttyUSB0 (devices.md §8.2). Rules that make that reliable:
- the slave is put in raw mode at once (a cooked pty echoes and turns CR into LF);
- the thread waits in select() with short timeouts and never blocks in os.read(master), so an
  unplug (closing the master) really hangs up the app's port;
- every file-descriptor operation happens on the simulator thread; unplug()/replug() from another
  thread only ask for it, which avoids closing an fd that the thread is about to use;
- bytes written before the app opens the port are lost (pyserial flushes input on open), so tests
  open the port first and then trigger trials, banners (`opened()`) or streams.

With `link=PATH`, PATH is a symlink to the current pty. An unplug removes it (as a pulled USB cable
removes its device node); a replug makes a new pty (with a new /dev/pts number) and points the link
at it, so the app reconnects by the same path.

Time comes from `clock` (default time.monotonic). A test that judges timing passes a VirtualClock
and moves it with `advance()`: the simulator then emits exactly the readings due at each virtual
instant, however late its thread runs, so no verdict depends on how busy the machine is.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import select
import threading
import time
import tty
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from hiptrack.devices.simulators.profile import ForceModel, ForceProfile, Trial

FAULTS = ("garbage", "drop", "silence", "unplug")
# Line noise that cannot form a reading in any supported grammar: no digits, letters, signs,
# points, spaces, terminators, STX or ACK. Bytes like these come from a wrong baud rate or a
# marginal cable. A burst that did contain digits and terminators could split a text line into
# two valid-looking ones; no checksum-less text protocol can tell that apart (see tests).
GARBAGE_ALPHABET = bytes(
    b for b in range(256) if not (chr(b).isalnum() or b in b"+-. \t\r\n\x02\x06:*") or b >= 0x80
)
MAX_PENDING_OUT = 64 * 1024
MAX_BACKLOG_S = 5.0


class VirtualClock:
    """Seconds that move only when `advance()` is called: timing tests on virtual time."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("virtual time never goes backwards")
        with self._lock:
            self._now += seconds
            return self._now


class Simulator:
    """Base simulator. Subclasses implement `handle_input()` and `emit()` (one reading's bytes)."""

    protocol: ClassVar[str] = ""
    default_rate: ClassVar[float] = 10.0  # output rate of free-running gauges
    wire_sign: ClassVar[float] = 1.0  # how the protocol signs a push (Shimpo prints push as "-")
    keeps_stream_on_replug: ClassVar[bool] = False  # output-only gauges stream from power-on

    def __init__(
        self,
        profile: ForceProfile | None = None,
        *,
        link: str | os.PathLike[str] | None = None,
        demo_interval: float | None = None,
        demo_peak_n: float = 200.0,
        demo_kinds: tuple[str, ...] = ("make",),
        seed: int | None = None,
        garbage_rate: float = 0.3,
        drop_rate: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        # On virtual time every reading due is sent. On the wall clock, readings due while this
        # thread was starved (a busy machine) are sent late in a burst, as a real gauge's UART
        # buffer would deliver them, so the app still gets every reading; only a backlog longer
        # than MAX_BACKLOG_S (the computer slept) is skipped.
        self.virtual_time = isinstance(clock, VirtualClock)
        self.profile = profile or ForceProfile()
        self.rng = random.Random(seed)
        self.model = ForceModel(self.profile, self.rng)
        self.link = Path(link) if link is not None else None
        self.demo_interval = demo_interval
        self.demo_peak_n = demo_peak_n
        self.demo_kinds = demo_kinds
        self.garbage_rate = garbage_rate  # chance that an outgoing chunk gets a garbage burst
        self.drop_rate = drop_rate  # chance that each byte is dropped during a "drop" fault
        self.tty_path = ""
        self.stream_rate: float | None = None  # set while the gauge streams by itself
        self.zero_n = 0.0  # the gauge's own zero (tare), subtracted from the force it feels
        self.sent: deque[tuple[float, float | None]] = deque(maxlen=200_000)  # (t, N push+ or None)
        self.commands: deque[bytes] = deque(maxlen=1000)  # every command received, for tests
        self.bytes_written = 0
        self.bytes_dropped = 0
        self.plugged = False
        self._master = -1
        self._slave = -1
        self._out = bytearray()
        self._faults: dict[str, float] = {}
        self._next_emit = 0.0
        self._next_demo: float | None = None
        self._demo_count = 0
        self._replug_at: float | None = None
        self._lock = threading.RLock()
        self._requests: deque[tuple[str, threading.Event]] = deque()
        self._raw: deque[bytes] = deque()
        self._emitting_at: float | None = None  # the due time of the streamed reading being sent  # bytes a test asked to send as they stand
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ---- lifecycle ----------------------------------------------------------------------------

    @property
    def path(self) -> str:
        """What the app opens: the stable link when there is one, else the pty slave path."""
        return str(self.link) if self.link is not None else self.tty_path

    def serve(self) -> Simulator:
        """Open the pty and start the simulator thread; returns self."""
        self._plug()
        if self.demo_interval:
            self._next_demo = self.clock() + min(1.0, self.demo_interval)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"sim-{self.protocol}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        self._unplug_now()
        if self.link is not None:
            with contextlib.suppress(OSError):
                self.link.unlink()

    def __enter__(self) -> Simulator:
        return self.serve() if self._thread is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- controls (any thread) ----------------------------------------------------------------

    def opened(self) -> None:
        """Tell the simulator the app has opened the port (start-up lines, banners)."""
        self._ask("opened")

    def start_trial(
        self,
        peak_n: float | None = None,
        kind: str = "make",
        duration_s: float = 3.0,
        *,
        rise_s: float = 0.6,
        release_s: float = 0.3,
        delay_s: float = 0.0,
    ) -> Trial:
        """Begin a contraction now (or after `delay_s`); returns its description."""
        trial = Trial(
            self.clock() + delay_s,
            self.demo_peak_n if peak_n is None else peak_n,
            kind,
            duration_s,
            rise_s,
            release_s,
        )
        with self._lock:
            self.model.add(trial)
        return trial

    def inject(self, fault: str, duration_s: float = 1.0, *, replug_after: float | None = None) -> None:
        """Start a fault now: garbage bursts, dropped bytes or silence for `duration_s`, or an unplug.

        `unplug` takes effect at once; with `replug_after` a new pty appears that many seconds
        later (behind the same `link`).
        """
        if fault not in FAULTS:
            raise ValueError(f"fault must be one of {FAULTS}")
        if fault == "unplug":
            self.unplug()
            if replug_after is not None:
                with self._lock:
                    self._replug_at = self.clock() + replug_after
            return
        with self._lock:
            self._faults[fault] = self.clock() + duration_s

    def send_raw(self, data: bytes) -> None:
        """Send `data` as it stands, between readings (a corrupt line, stray control bytes)."""
        self._raw.append(data)  # deque appends are thread-safe; the simulator thread sends it

    def unplug(self) -> None:
        """Close the master now: the app's port is hung up, as when a USB cable is pulled."""
        self._ask("unplug")

    def replug(self) -> str:
        """A new pty (and re-pointed link); returns the path to open."""
        self._ask("replug")
        return self.path

    def force_now(self) -> float:
        with self._lock:
            return self.model.clean(self.clock())

    def sent_values(self) -> list[float | None]:
        """Forces (N, push positive, as quantised on the wire) of every reading sent; None = overload."""
        return [v for _, v in list(self.sent)]

    # ---- hooks for subclasses -----------------------------------------------------------------

    def handle_input(self, data: bytes, now: float) -> None:
        """Bytes the app wrote. Default: an output-only gauge ignores them."""

    def on_open(self) -> None:
        """What the gauge sends when the port opens (banner, start-up line)."""

    def emit(self, now: float) -> None:
        """Send one streamed reading for time `now`."""
        raise NotImplementedError

    def on_tick(self, now: float) -> None:
        """Called every loop pass (peak tracking)."""

    # ---- helpers for subclasses ---------------------------------------------------------------

    def reading(self, now: float) -> tuple[float, bool]:
        """(value in the display unit with the protocol's sign, overload) for time `now`; recorded."""
        with self._lock:
            force = self.model.force(now) - self.zero_n
        p = self.profile
        if abs(force) > p.capacity_n:
            self.sent.append((now, None))
            return math.copysign(p.capacity_n, force) / p.newtons_per_unit * self.wire_sign, True
        value = p.quantize(force / p.newtons_per_unit * self.wire_sign)
        self.sent.append((now, value * p.newtons_per_unit * self.wire_sign))
        return value, False

    def tare_device(self) -> None:
        """The gauge's own zero: what it feels now becomes 0."""
        with self._lock:
            self.zero_n = self.model.clean(self.clock())

    def send(self, data: bytes) -> None:
        """Queue bytes for the app, through whatever fault is active when the reading is due."""
        now = self.clock() if self._emitting_at is None else self._emitting_at
        if self._fault_active("silence", now):
            self.bytes_dropped += len(data)
            return
        if self._fault_active("drop", now):
            kept = bytes(b for b in data if self.rng.random() >= self.drop_rate)
            self.bytes_dropped += len(data) - len(kept)
            data = kept
        if self._fault_active("garbage", now) and self.rng.random() < self.garbage_rate:
            at = self.rng.randrange(len(data) + 1)
            data = data[:at] + self._garbage() + data[at:]
        if len(self._out) + len(data) > MAX_PENDING_OUT:
            self.bytes_dropped += len(data)  # the app is not reading: a real UART would overrun
            return
        self._out += data

    def _garbage(self) -> bytes:
        return bytes(self.rng.choice(GARBAGE_ALPHABET) for _ in range(self.rng.randint(1, 24)))

    def _fault_active(self, fault: str, now: float) -> bool:
        until = self._faults.get(fault)
        if until is None:
            return False
        if now >= until:
            self._faults.pop(fault, None)
            return False
        return True

    def start_stream(self, rate: float | None) -> None:
        self.stream_rate = rate
        self._next_emit = self.clock()

    # ---- the thread ---------------------------------------------------------------------------

    def _ask(self, request: str) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._do(request)
            return
        done = threading.Event()
        self._requests.append((request, done))
        done.wait(timeout=2.0)

    def _do(self, request: str) -> None:
        if request == "unplug":
            self._unplug_now()
        elif request == "replug":
            self._unplug_now()
            self._plug()
        elif request == "opened" and self.plugged:
            self.on_open()
            self._flush()

    def _run(self) -> None:
        while not self._stop.is_set():
            while self._requests:
                request, done = self._requests.popleft()
                self._do(request)
                done.set()
            now = self.clock()
            if self._replug_at is not None and now >= self._replug_at:
                self._replug_at = None
                self._do("replug")
            if not self.plugged:
                time.sleep(0.005)
                continue
            self._step(now)

    def _step(self, now: float) -> None:
        wait = 0.005
        if self.stream_rate:
            due_in = self._next_emit - now
            # On virtual time a reading "due in 1 µs" waits for advance(): do not spin on it.
            wait = (wait if due_in > 0 else 0.0) if self.virtual_time else min(wait, max(0.0, due_in))
        try:
            readable, _, _ = select.select([self._master], [], [], wait)
            data = os.read(self._master, 4096) if readable else b""
        except BlockingIOError:
            data = b""
        except OSError:
            data = b""  # EIO while no one holds the slave: nothing to read
        now = self.clock()
        if data and not self._fault_active("silence", now):
            self.handle_input(data, now)
        self._demo(now)
        self.on_tick(now)
        self._stream(now)
        while self._raw:
            self.send(self._raw.popleft())
        if self._faults.get("garbage") and not self.stream_rate and self.rng.random() < 0.02:
            self.send(b"")  # a quiet polled line still picks up noise now and then
        self._flush()

    def _stream(self, now: float) -> None:
        if not self.stream_rate:
            return
        period = 1.0 / self.stream_rate
        if now - self._next_emit > MAX_BACKLOG_S and not self.virtual_time:
            self._next_emit = now  # slept: do not replay minutes of readings
        while self._next_emit <= now:
            self._emitting_at = self._next_emit
            try:
                self.emit(self._next_emit)
            finally:
                self._emitting_at = None
            self._next_emit += period

    def _demo(self, now: float) -> None:
        if self._next_demo is None or now < self._next_demo or self.demo_interval is None:
            return
        if self.model.active(now):
            self._next_demo = now + 0.2  # never overlap trials: their forces would add up
            return
        kind = self.demo_kinds[self._demo_count % len(self.demo_kinds)]
        self._demo_count += 1
        peak = self.demo_peak_n * self.rng.uniform(0.85, 1.15)
        duration = min(4.0, max(1.0, self.demo_interval * 0.5))
        self.start_trial(peak, kind, duration)
        self._next_demo = now + self.demo_interval

    def _flush(self) -> None:
        if not self._out or not self.plugged:
            return
        try:
            n = os.write(self._master, self._out)
        except BlockingIOError:
            return
        except OSError:
            self._out.clear()
            return
        self.bytes_written += n
        del self._out[:n]

    def _plug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)  # before anyone reads: no echo, no CR -> LF translation
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        self.tty_path = os.ttyname(slave)
        self._out.clear()
        if self.link is not None:
            tmp = self.link.with_name(f".{self.link.name}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            os.symlink(self.tty_path, tmp)
            os.replace(tmp, self.link)  # atomic: the app never opens a half-made link
        self.plugged = True

    def _unplug_now(self) -> None:
        self.plugged = False
        if self.link is not None:
            # A pulled USB cable takes its device node with it. Were the link left pointing at the
            # freed /dev/pts number, a reconnect could open whatever pty reuses it (another
            # program's, or another test's on a busy machine) instead of failing until the replug.
            with contextlib.suppress(OSError):
                self.link.unlink()
        for fd in (self._master, self._slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = -1
        if not self.keeps_stream_on_replug:
            self.stream_rate = None  # a gauge that loses power forgets AOUT / ?C streaming
