"""Force-time analysis cost: one trial on the trial screen, and `hiptrack db reanalyse` in bulk.

    .venv/bin/python bench/forcetime.py [--trials 300]

Prints milliseconds per trace for 6 s make tests at 1 kHz (declared rate and burst-stamped), and
trials per second for re-analysis from stored traces on an SQLite database (decode, analyse,
write, audit). Figures only; no assertion depends on them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hiptrack.domain.forcetime import analyse_trace


def make_test(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(0, 6, 0.001)
    f = np.interp(t, [0, 0.5, 0.8, 5.0, 5.2, 6.0], [0, 0, 300, 300, 0, 0]) + rng.normal(0, 1.0, t.size)
    return t, f


def per_trace(runs: int = 50) -> None:
    t, f = make_test(np.random.default_rng(1))
    for label, rate, times in (("declared 1 kHz", 1000.0, None), ("burst-stamped", None, np.ceil(t / 0.016) * 0.016)):
        start = time.perf_counter()
        for _ in range(runs):
            analyse_trace(f, rate, t_s=times)
        print(f"analyse_trace, 6 s at 1 kHz, {label}: {(time.perf_counter() - start) / runs * 1000:.1f} ms")


def bulk(trials: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-bench-"))
    os.environ["HIPTRACK_HOME"] = str(folder)
    from hiptrack.domain.patient_rules import PatientFields
    from hiptrack.operations.reanalysis import reanalyse
    from hiptrack.storage.database import Database
    from hiptrack.storage.migrate import prepare_database
    from hiptrack.storage.patients import create_patient
    from hiptrack.storage.visits import ensure_test, save_trial, start_visit

    db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
    prepare_database(db)
    rng = np.random.default_rng(2)
    with db.session() as s:
        pid = create_patient(s, PatientFields("B-1", "Bench", "Trace", dt.date(1980, 1, 1), "female"))
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip")
        test = ensure_test(s, vid, muscle="gluteus_medius", side="left", position="side_lying_abduction",
                           method="make", lever_arm_m=0.4)
        for _ in range(trials):
            t, f = make_test(rng)
            save_trial(s, test, peak_force_n=150.0, entry="stream", times_s=t, forces_n=f, sample_rate_hz=None)
    start = time.perf_counter()
    report = reanalyse(db)
    elapsed = time.perf_counter() - start
    print(f"db reanalyse: {report.examined} trials in {elapsed:.1f} s, {report.examined / elapsed:.0f} trials/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=300)
    args = parser.parse_args()
    per_trace()
    bulk(args.trials)
