"""What the start-up integrity check and a checked backup cost, by database size.

    .venv/bin/python bench/storage_checks.py [--sizes 16 32 64 128] [--runs 3]

Builds hiptrack databases of about the given sizes in MB (patients, visits, tests and trials with
4 KB trace blobs, the shape a clinic's file grows into) and times, per size: `PRAGMA quick_check`,
`PRAGMA integrity_check` (what start-up runs up to hiptrack.storage.migrate.FULL_CHECK_MAX_BYTES)
and a whole checked backup (copy, integrity_check and row counts of the copy, rename). The page
cache is warm (the file was just written), as it is for a start right after the last session.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TRACE_BYTES = 4096
TRIALS_PER_MB = 1_000_000 // (TRACE_BYTES + 300)


def build(path: Path, size_mb: int) -> None:
    from hiptrack import paths
    from hiptrack.storage.database import Database
    from hiptrack.storage.demo import bulk_patients
    from hiptrack.storage.migrate import prepare_database

    db = Database(paths.sqlite_url(path))
    prepare_database(db, backup=False)
    trials = size_mb * TRIALS_PER_MB
    patients = max(trials // 30, 10)  # 5 visits x 2 sides x 3 trials each
    with db.session() as s:
        bulk_patients(s, patients)
    db.dispose()
    conn = sqlite3.connect(path)
    now = dt.datetime.now(dt.UTC).isoformat()
    with conn:
        test_id = 0
        for p in range(1, patients + 1):
            for v in range(5):
                visit = conn.execute(
                    "INSERT INTO visits (patient_id, visit_date, status, notes, started_at) VALUES (?, ?, 'completed', '', ?)",
                    (p, (dt.date(2024, 1, 1) + dt.timedelta(days=7 * v)).isoformat(), now)).lastrowid
                for side in ("left", "right"):
                    test_id = conn.execute(
                        "INSERT INTO strength_tests (visit_id, muscle, action, side, position, method, fixation, context, "
                        "voided, created_at) VALUES (?, 'gluteus_medius', 'hip_abduction', ?, 'hip_abd_sidelying_short', "
                        "'make', 'hand', '{}', 0, ?)", (visit, side, now)).lastrowid
                    conn.executemany(
                        "INSERT INTO trials (test_id, trial_number, entry, peak_force_n, accepted, overload, trace, "
                        "trace_sample_count, recorded_at) VALUES (?, ?, 'stream', 150, 1, 0, ?, 480, ?)",
                        [(test_id, n, os.urandom(TRACE_BYTES), now) for n in (1, 2, 3)])
    conn.close()


def timed(action: object, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[16, 32, 64, 128])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from hiptrack.storage.backups import write_backup

    print("| file | quick_check | integrity_check | checked backup |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("HIPTRACK_HOME", tmp)
        for size in args.sizes:
            path = Path(tmp) / f"clinic-{size}.sqlite3"
            build(path, size)
            with sqlite3.connect(path) as conn:
                quick = timed(lambda c=conn: c.execute("PRAGMA quick_check").fetchall(), args.runs)
                full = timed(lambda c=conn: c.execute("PRAGMA integrity_check").fetchall(), args.runs)
            counter = iter(range(10_000))
            backup = timed(lambda p=path, n=counter: write_backup(p, p.with_name(f"{p.stem}-b{next(n)}.sqlite3")), args.runs)
            print(f"| {path.stat().st_size / 1e6:.0f} MB | {quick:.2f} s | {full:.2f} s | {backup:.2f} s |")


if __name__ == "__main__":
    main()
