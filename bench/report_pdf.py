"""Benchmark: the clinician PDF for a patient with 5 years of monthly visits.

    .venv/bin/python bench/report_pdf.py [--years 5] [--runs 5]

The patient (tests/unit/reports/data.py `long_history_patient`) has one visit a month, both
muscles, both sides, 3 trials each, NPRS and ODI at every visit, and two prescriptions with
exercise logs on about 70 % of weekdays. Each run is what `hiptrack report` does after opening the
database: load the report data (summary, outcomes, adherence, program) and lay out and write the
PDF. Printed: the median and range over the runs, split into loading and rendering, and the
page count. The first run (cold caches, font loading) is reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from hiptrack import paths
    from hiptrack.reports.build import load_report_data
    from hiptrack.reports.render import ensure_gui_application, write_report
    from hiptrack.storage.database import Database
    from hiptrack.storage.migrate import prepare_database
    from tests.unit.reports.data import long_history_patient

    ensure_gui_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("HIPTRACK_HOME", tmp)
        db = Database(paths.sqlite_url(Path(tmp) / "bench.sqlite3"))
        prepare_database(db)
        started = time.perf_counter()
        with db.session() as s:
            pid = long_history_patient(s, years=args.years)
        print(f"data: {12 * args.years} monthly visits made in {time.perf_counter() - started:.1f} s")
        loads, renders, totals = [], [], []
        pages = 0
        size = 0
        for run in range(args.runs + 1):
            out = Path(tmp) / f"report-{run}.pdf"
            t0 = time.perf_counter()
            with db.session() as s:
                data = load_report_data(s, pid)
            t1 = time.perf_counter()
            pages = write_report(data, "clinician", out)
            t2 = time.perf_counter()
            size = out.stat().st_size
            if run == 0:
                print(f"first run (cold): {t2 - t0:.3f} s (load {t1 - t0:.3f} s, render {t2 - t1:.3f} s)")
                continue
            loads.append(t1 - t0)
            renders.append(t2 - t1)
            totals.append(t2 - t0)
        db.dispose()
    print(f"clinician PDF, {12 * args.years} visits: median {statistics.median(totals):.3f} s "
          f"(min {min(totals):.3f}, max {max(totals):.3f}, {args.runs} runs); "
          f"load {statistics.median(loads):.3f} s + render {statistics.median(renders):.3f} s; "
          f"{pages} pages, {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
