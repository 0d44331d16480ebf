"""`hiptrack simulate --protocol NAME`: a simulated gauge on a pseudo-terminal.

The first line on stdout is the path to open (flushed at once, so a parent process can read it);
the gauge then performs a trial every `--interval` seconds until SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from hiptrack.devices.names import FAULT_NAMES, PROTOCOL_NAMES

if TYPE_CHECKING:
    from hiptrack.devices.simulators import Simulator


def register(subparsers: argparse._SubParsersAction) -> None:
    sim = subparsers.add_parser("simulate", help="serve a simulated dynamometer on a pseudo-terminal")
    sim.add_argument("--protocol", required=True, choices=PROTOCOL_NAMES, help="protocol to speak")
    sim.add_argument("--peak", type=float, default=200.0, metavar="N", help="typical trial peak in newtons")
    sim.add_argument(
        "--interval", type=float, default=8.0, metavar="S", help="seconds between trials (0: none)"
    )
    sim.add_argument("--kind", choices=("make", "break", "both"), default="make", help="trial kind")
    sim.add_argument(
        "--rate", type=float, metavar="HZ", help="output rate of free-running gauges (lutron, line)"
    )
    sim.add_argument(
        "--noise", type=float, default=0.2, metavar="N", help="noise standard deviation, newtons"
    )
    sim.add_argument(
        "--capacity", type=float, default=500.0, metavar="N", help="overload beyond this, newtons"
    )
    sim.add_argument("--unit", default="N", help="display unit (N, kN, mN, kgf, gf, lbf, ozf)")
    sim.add_argument("--resolution", type=float, default=0.1, help="display resolution in --unit")
    sim.add_argument("--direction", choices=("push", "pull"), default="push", help="how the patient loads it")
    sim.add_argument("--fault", choices=FAULT_NAMES, help="inject this fault repeatedly")
    sim.add_argument("--fault-every", type=float, default=10.0, metavar="S", help="seconds between faults")
    sim.add_argument("--fault-duration", type=float, default=1.0, metavar="S", help="length of a fault")
    sim.add_argument("--replug-after", type=float, default=2.0, metavar="S", help="unplug: new pty after S")
    sim.add_argument("--link", type=Path, help="stable symlink to the pty (re-pointed on replug)")
    sim.add_argument("--seed", type=int, help="random seed, for reproducible runs")
    sim.add_argument("--seconds", type=float, help="stop by itself after S seconds")
    sim.set_defaults(func=cmd_simulate)


def build_simulator(args: argparse.Namespace, scratch: Path) -> Simulator:
    """The simulator `args` describe; `scratch` is a folder of the caller's that outlives it."""
    from hiptrack.devices.simulators import SIMULATORS, ForceProfile

    profile = ForceProfile(
        capacity_n=args.capacity,
        resolution=args.resolution,
        unit=args.unit,
        noise_n=args.noise,
        direction=args.direction,
    )
    link = args.link
    if link is None and args.fault == "unplug":
        # A replug makes a new /dev/pts/N: give the app a path that survives it.
        link = scratch / args.protocol
    options: dict[str, Any] = {
        "link": link,
        "seed": args.seed,
        "demo_interval": args.interval or None,
        "demo_peak_n": args.peak,
        "demo_kinds": ("make", "break") if args.kind == "both" else (args.kind,),
    }
    if args.protocol in ("lutron", "line") and args.rate:
        options["rate"] = args.rate
    return SIMULATORS[args.protocol](profile, **options)


def cmd_simulate(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="hiptrack-sim-") as scratch:
        try:
            sim = build_simulator(args, Path(scratch))
        except ValueError as exc:
            print(f"hiptrack: {exc}", file=sys.stderr)
            return 2
        return _run(sim, args)


def _run(sim: Simulator, args: argparse.Namespace) -> int:
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with sim:
            print(sim.path, flush=True)
            print(
                f"simulating {args.protocol} on {sim.tty_path}; trial every {args.interval:g} s; Ctrl-C stops",
                file=sys.stderr,
                flush=True,
            )
            _serve(sim, args, stop)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0


def _serve(sim: Simulator, args: argparse.Namespace, stop: threading.Event) -> None:
    started = time.monotonic()
    next_fault = started + args.fault_every if args.fault else None
    while not stop.wait(0.05):
        now = time.monotonic()
        if args.seconds is not None and now - started >= args.seconds:
            return
        if next_fault is None or now < next_fault:
            continue
        if args.fault == "unplug" and not sim.model.active(now) and now < next_fault + args.interval:
            continue  # wait for a trial so the unplug happens mid-trial
        sim.inject(args.fault, args.fault_duration, replug_after=args.replug_after)
        next_fault = now + args.fault_every
