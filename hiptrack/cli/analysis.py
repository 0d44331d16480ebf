"""`hiptrack analyse TRACE.csv` and `hiptrack db reanalyse`: the one force-time analysis
(hiptrack.domain.forcetime) from the command line.

`analyse` reads the trace CSV that `hiptrack export --traces` writes (columns t_s, force_n; a
missing force, written as nan, is an overloaded sample) and needs no database.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

from hiptrack.cli.common import fail

MAX_SAMPLES = 2_000_000  # 30 minutes at 1 kHz: far beyond any trial
_REQUIRED = ("t_s", "force_n")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "analyse", help="force-time metrics of one trace CSV (t_s,force_n), as the trial screen computes them",
        description="Peak, onset, time to peak, RFD 0-100/0-200 ms and impulse of one trace, by the definitions "
        "in docs/force_time.md (Maffiuletti et al. 2016). Metrics the trace cannot support are withheld with "
        "the reason.")
    p.add_argument("trace", type=Path, metavar="TRACE.csv", help="a trace written by `hiptrack export --traces`")
    p.add_argument("--rate", type=float, metavar="HZ",
                   help="the device's declared sample rate (default: time the samples by their t_s column)")
    p.add_argument("--onset-s", type=float, metavar="S", dest="onset_s",
                   help="impose the onset (seconds on the trace's clock), e.g. one marked by hand")
    p.add_argument("--threshold", type=float, metavar="N", default=20.0,
                   help="force above rest that starts a contraction (default 20 N, the clinic default)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_analyse)


class TraceFileError(Exception):
    """The trace file cannot be read; the message names the file, the line and the problem."""


def read_trace_csv(path: Path) -> tuple[list[float], list[float]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in _REQUIRED if c not in header]
            if missing:
                raise TraceFileError(f"{path}: no {' and '.join(missing)} column (found: {', '.join(header) or 'nothing'})")
            ti, fi = header.index("t_s"), header.index("force_n")
            times: list[float] = []
            forces: list[float] = []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                if len(times) >= MAX_SAMPLES:
                    raise TraceFileError(f"{path}: more than {MAX_SAMPLES:,} samples; not a single trial")
                line = reader.line_num
                try:
                    t, f = float(row[ti]), float(row[fi])
                except (IndexError, ValueError):
                    raise TraceFileError(f"{path}, line {line}: t_s and force_n must be numbers "
                                         f"(got {','.join(row)[:60]!r})") from None
                if not math.isfinite(t) or math.isinf(f):
                    raise TraceFileError(f"{path}, line {line}: a time must be a finite number, a force finite "
                                         "or nan (overload)")
                times.append(t)
                forces.append(f)
    except FileNotFoundError:
        raise TraceFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TraceFileError(f"{path}: cannot be read as a CSV trace ({exc})") from None
    return times, forces


def cmd_analyse(args: argparse.Namespace) -> int:
    import numpy as np

    from hiptrack.domain.errors import DomainError
    from hiptrack.domain.forcetime import ForceTimeSettings, analyse_trace

    try:
        times, forces = read_trace_csv(args.trace)
        force = np.asarray(forces, dtype=np.float64)
        result = analyse_trace(force, args.rate, t_s=times, overload=np.isnan(force), onset_s=args.onset_s,
                               settings=ForceTimeSettings(onset_threshold_n=args.threshold))
    except (TraceFileError, DomainError) as exc:
        return fail(str(exc))
    out = result.to_json_dict()
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    units = {"peak_force_n": "N", "onset_s": "s", "time_to_peak_s": "s", "rfd_100_n_per_s": "N/s",
             "rfd_200_n_per_s": "N/s", "impulse_n_s": "N·s"}
    for name, unit in units.items():
        value = out[name]
        shown = f"{value:.3f} {unit}" if value is not None else f"— ({out['withheld'][name]})"
        print(f"{name:<17}{shown}")
    rate = f" {out['sample_rate_hz']:.1f} Hz" if out["sample_rate_hz"] else ""
    print(f"{'time base':<17}{out['time_base']}{rate}; analysis version {out['analysis_version']}")
    for note in out["notes"]:
        print(f"{'note':<17}{note}")
    return 0


def cmd_reanalyse(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import database_url, storage_failure
    from hiptrack.operations.reanalysis import reanalyse
    from hiptrack.storage.database import Actor
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.migrate import backup_sqlite
    from hiptrack.storage.startup import open_and_prepare, refuse_missing_file

    actor = Actor.from_os()
    actor = Actor(name=f"{actor.name} (hiptrack db reanalyse)", clinician_id=None, workstation=actor.workstation)
    try:
        refuse_missing_file(database_url(args))  # nothing to re-analyse in a database that does not exist
        db, _report = open_and_prepare(database_url(args), actor=actor)
        if not args.dry_run and db.is_sqlite:
            backup = backup_sqlite(db, "pre-reanalyse")
            if backup:
                print(f"Backup: {backup}")
        report = reanalyse(db, everything=args.all, dry_run=args.dry_run)
    except StorageError as exc:
        return storage_failure(exc)
    for line in report.lines():
        print(line)
    return 0
