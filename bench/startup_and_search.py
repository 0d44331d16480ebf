"""Benchmark: cold start to the visible main window, and patient-search latency, on 10,000 patients.

    .venv/bin/python bench/startup_and_search.py [--patients 10000] [--runs 5]

Cold start is measured in fresh processes from interpreter start to the main window being shown
and painted (offscreen platform unless DISPLAY is set), on an already-migrated SQLite database, so
it includes imports, the start-up backup, the schema check and loading the patient list.
Search latency is the time from a keystroke's text change to the filtered list being laid out.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import time, sys
t0 = float(sys.argv[1])
from hiptrack import settings as S
from hiptrack.gui.application import create_application, open_prepared_database
from hiptrack.gui.main_window import MainWindow
app = create_application()
db = open_prepared_database(sys.argv[2])
w = MainWindow(db, S.WorkstationSettings(__import__('pathlib').Path(sys.argv[3])))
w.show()
app.processEvents()
w.repaint()
print(f"{time.time() - t0:.4f} {w.model.total}")
"""


def make_database(path: Path, patients: int) -> str:
    from hiptrack import paths
    from hiptrack.storage.database import Database
    from hiptrack.storage.demo import bulk_patients, populate_demo
    from hiptrack.storage.migrate import prepare_database

    url = paths.sqlite_url(path)
    db = Database(url)
    prepare_database(db)
    with db.session() as s:
        populate_demo(s, patients=10)
        bulk_patients(s, patients - 10)
    db.dispose()
    return url


def cold_start(url: str, runs: int, folder: Path) -> list[float]:
    env = {**os.environ, "HIPTRACK_HOME": str(folder / "home")}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(time.time()), url, str(folder / "ws.json")],
                             capture_output=True, text=True, env=env, check=True).stdout.split()
        times.append(float(out[0]))
    return times


def search_latency(url: str) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hiptrack import settings as S
    from hiptrack.gui.application import create_application, open_prepared_database
    from hiptrack.gui.main_window import MainWindow

    app = create_application()
    db = open_prepared_database(url)
    window = MainWindow(db, S.WorkstationSettings(Path(tempfile.mkdtemp()) / "ws.json"))
    window.show()
    app.processEvents()
    samples = []
    for query in ("m", "mo", "mor", "more", "moreau", "moreau a", "", "b00", "b0004", "b000421", "", "lind", "j"):
        start = time.perf_counter()
        window.search.setText(query)
        app.processEvents()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-bench-"))
    os.environ["HIPTRACK_HOME"] = str(folder / "home")
    url = make_database(folder / "bench.sqlite3", args.patients)
    starts = cold_start(url, args.runs, folder)
    searches = search_latency(url)
    ms = [s * 1000 for s in searches]
    print(f"patients: {args.patients}")
    print(f"cold start to visible main window: median {statistics.median(starts):.2f} s, "
          f"min {min(starts):.2f} s, max {max(starts):.2f} s ({args.runs} runs)")
    print(f"search latency per keystroke: median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms "
          f"({len(ms)} keystrokes)")


if __name__ == "__main__":
    main()
