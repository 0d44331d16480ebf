"""`hiptrack device list | probe | read`: serial gauges from the command line.

`read` prints one JSON object per sample and line: {"t": seconds since the first sample,
"force_n": newtons (the magnitude), "signed_n": newtons with the sign (a push positive, a pull
negative, after `--invert`), "overload": false}; an overloaded sample
is {"t": ..., "force_n": null, "overload": true}, never a number; an implausible reading (not
finite, or beyond the gauge's capacity or `--capacity`, default 5,000 N) is
{"t": ..., "force_n": null, "overload": false, "invalid": true}. Every line is valid JSON (no
`Infinity` or `NaN`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from typing import TYPE_CHECKING, Any

from hiptrack.devices.names import PROTOCOL_NAMES

if TYPE_CHECKING:
    from hiptrack.devices.drivers import Driver
    from hiptrack.devices.samples import Sample

EXIT_ERROR = 1
EXIT_NO_PORT = 2
EXIT_NO_DATA = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    device = subparsers.add_parser("device", help="serial dynamometers: list ports, probe, read samples")
    sub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)

    ls = sub.add_parser("list", help="serial ports with their USB identity and known gauges")
    ls.add_argument("--json", action="store_true", help="one JSON object per port")
    ls.add_argument("--probe", action="store_true", help="also probe each port (read-only requests)")
    ls.set_defaults(func=cmd_list)

    pr = sub.add_parser("probe", help="find the protocol and baud rate on a port (read-only requests)")
    pr.add_argument("--port", required=True, help="device path, COM name or pyserial URL")
    pr.set_defaults(func=cmd_probe)

    rd = sub.add_parser("read", help="print samples as JSON lines")
    rd.add_argument(
        "--port", required=True, help="device path, COM name or pyserial URL (socket://host:port)"
    )
    rd.add_argument("--protocol", required=True, choices=PROTOCOL_NAMES, help="gauge protocol")
    rd.add_argument("--baud", type=int, help="baud rate (default: the protocol's usual one)")
    stop = rd.add_mutually_exclusive_group()
    stop.add_argument("--count", type=int, help="stop after N samples")
    stop.add_argument("--seconds", type=float, help="stop after S seconds")
    rd.add_argument("--rate", type=float, help="samples per second to ask for (streaming or polling)")
    rd.add_argument("--timeout", type=float, default=3.0, help="seconds without valid data before giving up")
    rd.add_argument("--invert", action="store_true", help="the gauge is mounted the other way round")
    rd.add_argument(
        "--capacity", type=_positive_newtons, metavar="N",
        help="report readings beyond N newtons as invalid (default: 5000)",
    )
    rd.add_argument("--unit", help="unit of readings that print none (Mark-10 NUM format, line devices)")
    rd.add_argument(
        "--pattern", help="line devices: regex with a named group (?P<value>...) and optional unit"
    )
    rd.add_argument("--tare", action="store_true", help="zero the gauge before reading")
    rd.set_defaults(func=cmd_read)


def _positive_newtons(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of newtons") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"the capacity must be a positive number of newtons, not {text!r}")
    return value


def _fail(message: str, code: int) -> int:
    print(f"hiptrack: {message}", file=sys.stderr)
    return code


# ---- list / probe -------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    # The drivers (and pyserial) load when a command runs, not to build the parser.
    from hiptrack.devices.ports import list_ports, probe_details

    ports = list_ports()
    for p in ports:
        found = probe_details(p.device, listen_s=0.5) if args.probe else None
        if args.json:
            row: dict[str, Any] = {
                "device": p.device,
                "description": p.description,
                "hwid": p.hwid,
                "usb_id": p.usb_id,
                "serial_number": p.serial_number,
                "manufacturer": p.manufacturer,
                "product": p.product,
                "known_device": p.known_device,
                "protocol": p.protocol,
            }
            if args.probe:
                row["probed_protocol"], row["probed_baud"] = found or (None, None)
            print(json.dumps(row))
        else:
            what = p.summary
            ident = f" [{p.usb_id}{' ' + p.serial_number if p.serial_number else ''}]" if p.usb_id else ""
            probed = f"  -> {found[0]} at {found[1]} baud" if found else ""
            print(f"{p.device}\t{what}{ident}{probed}")
    if not ports and not args.json:
        print("no serial ports found", file=sys.stderr)
    return 0


def cmd_probe(args: argparse.Namespace) -> int:
    from hiptrack.devices.ports import probe_details

    found = probe_details(args.port)
    if not found:
        return _fail(f"no known gauge protocol answered on {args.port} at any usual baud rate", EXIT_NO_DATA)
    print(json.dumps({"port": args.port, "protocol": found[0], "baud": found[1]}))
    return 0


# ---- read ---------------------------------------------------------------------------------------


def _driver_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"invert": args.invert, "capacity_n": args.capacity, "silence_s": args.timeout}
    if args.protocol == "mark10" and args.unit:
        options["num_unit"] = args.unit
    if args.protocol == "line":
        if args.unit:
            options["default_unit"] = args.unit
        if args.pattern:
            options["pattern"] = args.pattern
    return options


def format_sample(sample: Sample, t0: float) -> str:
    """One JSON object, exactly as json.dumps writes it, built without json.dumps (which cost
    more than reading and parsing together at 100,000 readings): repr() of a finite float is
    its JSON form."""
    t = round(sample.t - t0, 4)
    if sample.overload:
        return f'{{"t": {t!r}, "force_n": null, "overload": true}}'
    if sample.invalid:
        return f'{{"t": {t!r}, "force_n": null, "overload": false, "invalid": true}}'
    force, signed = round(sample.force_n, 6), round(sample.signed_n, 6)
    if not (math.isfinite(force) and math.isfinite(signed)):
        # A non-finite force here would be a bug; fail loudly rather than print Infinity.
        raise ValueError(f"non-finite force in a valid sample: {sample}")
    return f'{{"t": {t!r}, "force_n": {force!r}, "signed_n": {signed!r}, "overload": false}}'


def cmd_read(args: argparse.Namespace) -> int:
    from hiptrack.devices.drivers import PortUnavailable, open_driver
    from hiptrack.devices.errors import DeviceError

    try:
        drv = open_driver(args.protocol, args.port, args.baud, **_driver_options(args))
    except PortUnavailable as exc:
        return _fail(str(exc), EXIT_NO_PORT)
    except (DeviceError, ValueError) as exc:
        return _fail(str(exc), EXIT_ERROR)
    try:
        return _read_loop(drv, args)
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        return 0  # `| head`: the reader has what it wanted
    finally:
        try:
            if drv.mode != "idle":
                drv.stop_stream()
        except DeviceError:
            pass
        drv.close()


def _read_loop(drv: Driver, args: argparse.Namespace) -> int:
    from hiptrack.devices.errors import DeviceDisconnected, DeviceSilent, ProtocolMismatch

    baud = drv.baud
    no_data = (
        f"no valid data from {args.port} at {baud} baud for protocol {args.protocol} — "
        "check the baud rate and protocol"
    )
    try:
        drv.start_stream(args.rate)
        if args.tare:
            drv.tare()
    except DeviceDisconnected as exc:
        return _fail(str(exc), EXIT_ERROR)
    t0: float | None = None
    printed = 0
    started = time.monotonic()
    out = sys.stdout
    while True:
        if args.seconds is not None and time.monotonic() - started >= args.seconds:
            return 0
        try:
            batch = drv.read_samples(timeout=0.1)
        except (DeviceSilent, ProtocolMismatch) as exc:
            if printed == 0:
                return _fail(no_data, EXIT_NO_DATA)
            return _fail(f"{exc}", EXIT_ERROR)
        except DeviceDisconnected as exc:
            return _fail(f"{exc} after {printed} samples", EXIT_ERROR)
        if not batch:
            continue
        if t0 is None:
            t0 = batch[0].t
        if args.count is not None:
            batch = batch[: args.count - printed]
        out.write("\n".join([format_sample(s, t0) for s in batch]) + "\n")
        out.flush()
        printed += len(batch)
        if args.count is not None and printed >= args.count:
            return 0
