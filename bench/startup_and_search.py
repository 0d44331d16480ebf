"""Benchmark: `hiptrack --help`, cold start, `hiptrack demo` and patient search, each beside a
reference measured in the same run (the ratio is the figure that counts on a shared machine).

    .venv/bin/python bench/startup_and_search.py [--patients 10000] [--runs 5]

- help: `python -m hiptrack --help` as a process, against `python -c "import PySide6.QtWidgets"`.
- cold start: fresh processes from launch to the main window shown and painted (offscreen unless
  DISPLAY is set) on an already-migrated SQLite database of --patients patients (imports, schema
  check, catalog check, patient list; the start-up backup runs after the window, as in the app),
  against a bare PySide6 window with a table, in a fresh process too.
- demo: what `hiptrack demo --no-simulator` does up to its painted window: the first launch of
  the day builds and caches the demo database, later launches copy it. Same reference.
- search: in one process, the time from a keystroke's text change to the list laid out.
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
from typing import Any

BARE = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication([])
w = QMainWindow()
table = QTableWidget(20, 3)
for r in range(20):
    for c in range(3):
        table.setItem(r, c, QTableWidgetItem(f"{r},{c}"))
w.setCentralWidget(table)
w.show()
app.processEvents()
w.repaint()
print(f"{time.time() - t0:.4f}")
"""

DEMO = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hiptrack.gui import application

def shown():
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.repaint()
    print(f"{time.time() - t0:.4f}", flush=True)
    QApplication.instance().quit()

app = application.create_application()
QTimer.singleShot(0, shown)
application.run_demo(patients=12, simulator=False)
"""

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


def _env(folder: Path) -> dict[str, str]:
    env = {**os.environ, "HIPTRACK_HOME": str(folder / "home")}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def timed_child(code: str, *args: str, folder: Path) -> float:
    """Seconds from launching a fresh interpreter to the first number the child prints."""
    out = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True,
                         env=_env(folder), check=True).stdout.strip().splitlines()
    return float(out[-1].split()[0])  # the child's last line; the app may print a notice before it


def process_time(argv: list[str], folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=_env(folder), check=True)
    return time.perf_counter() - started


def cold_start(url: str, runs: int, folder: Path) -> list[float]:
    return [timed_child(CHILD, url, str(folder / "ws.json"), folder=folder) for _ in range(runs)]


def interleaved(runs: int, figure: Any, reference: Any) -> tuple[list[float], list[float]]:
    """Figure and reference alternately, so that both meet the same machine load."""
    figures, references = [], []
    for _ in range(runs):
        figures.append(figure())
        references.append(reference())
    return figures, references


def report(label: str, figures: list[float], references: list[float], reference_label: str) -> None:
    ratios = [f / r for f, r in zip(figures, references, strict=True)]
    print(f"{label}: median {statistics.median(figures):.2f} s (min {min(figures):.2f}, max {max(figures):.2f}); "
          f"{reference_label}: median {statistics.median(references):.2f} s; "
          f"ratio median {statistics.median(ratios):.2f}x (min {min(ratios):.2f}x, max {max(ratios):.2f}x)")


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
    print(f"patients: {args.patients}; {args.runs} runs of each figure, interleaved with its reference")

    def bare() -> float:
        return timed_child(BARE, folder=folder)

    help_times, qt_times = interleaved(
        args.runs, lambda: process_time([sys.executable, "-m", "hiptrack", "--help"], folder),
        lambda: process_time([sys.executable, "-c", "import PySide6.QtWidgets"], folder))
    report("hiptrack --help", help_times, qt_times, 'python -c "import PySide6.QtWidgets"')
    starts, bares = interleaved(args.runs, lambda: timed_child(CHILD, url, str(folder / "ws.json"), folder=folder),
                                bare)
    report("cold start to the painted main window", starts, bares, "bare PySide6 window with a table")
    first_demo = timed_child(DEMO, folder=folder)
    demos, demo_bares = interleaved(args.runs, lambda: timed_child(DEMO, folder=folder), bare)
    print(f"hiptrack demo, first launch of the day (builds the cache): {first_demo:.2f} s")
    report("hiptrack demo to its painted window (cached)", demos, demo_bares, "bare PySide6 window with a table")
    searches = search_latency(url)
    ms = [s * 1000 for s in searches]
    print(f"search latency per keystroke: median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms "
          f"({len(ms)} keystrokes)")


if __name__ == "__main__":
    main()
