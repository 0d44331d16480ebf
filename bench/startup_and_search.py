"""Benchmark: `hiptrack --help`, cold start, `hiptrack demo` and patient search, each beside a
reference measured in the same run (the ratio is the figure that counts on a shared machine).

    .venv/bin/python bench/startup_and_search.py [--patients 10000] [--runs 5]

- help: `python -m hiptrack --help` as a process, against `python -c "import PySide6.QtWidgets"`.
- cold start: fresh processes, as `hiptrack` starts (application.run_window, minus the sign-in
  dialog), on an already-migrated SQLite database of --patients patients: to the main window's
  frame shown and painted (offscreen unless DISPLAY is set), and to the patient list there and
  searchable (imports, integrity and schema checks, catalog check, pages built, list read; the
  start-up backup runs after, as in the app); against a bare PySide6 window with a table, in a
  fresh process too.
- demo: what `hiptrack demo --no-simulator` does up to its painted window: the first launch of
  the day builds and caches the demo database, later launches copy it. Same reference.
- search: in one process, the time from a keystroke's text change to the list laid out.

The app paints its window's frame before the storage layer is imported, and the patient list
arrives after the pages are built (read on a worker thread), so both moments are printed: the
painted window, and the list there and searchable.
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

# The three moments, as the child process sees them: run_window has shown the frame (the event loop's
# first turn: a timer queued before start-up), the patient list has arrived, the pages are built.
# Printed once both have happened: painted, list, ready, patient count.
MARKS = (
    "marks = {}",
    "def first_turn():",
    "    window = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, 'pages_built'))",
    "    window.repaint()",
    "    marks['painted'] = time.time() - t0",
    "    window.patients_loaded.connect(lambda: mark(window, 'list'))",
    "    window.pages_built.connect(lambda: mark(window, 'ready'))",
    "def mark(window, what):",
    "    marks.setdefault(what, time.time() - t0)",
    "    if 'list' in marks and 'ready' in marks:",
    "        print(f\"{marks['painted']:.4f} {marks['list']:.4f} {marks['ready']:.4f} {window.model.total}\", flush=True)",
    "        window.close()",
)

DEMO = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hiptrack.gui import application
""" + "\n".join(MARKS) + r"""
app = application.create_application()
QTimer.singleShot(0, first_turn)
application.run_demo(patients=12, simulator=False)
"""

# As the app starts (application.run_gui, without the sign-in dialog): the main window's frame shown
# and painted, then from the event loop the database opened (integrity check on a worker), the
# patient list read on its worker thread, and the pages built once it is there (or after 300 ms).
CHILD = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hiptrack.gui import application
""" + "\n".join(MARKS) + r"""
url = sys.argv[2]
app = application.create_application()

def prepare(window):
    from hiptrack.storage.database import Actor
    return application.open_database_for_window(url), Actor.from_os()

QTimer.singleShot(0, first_turn)
application.run_window(app, prepare, backup=True)
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


def child_times(code: str, *args: str, folder: Path) -> list[float]:
    """Seconds from launching a fresh interpreter to each number on the child's last line."""
    out = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True,
                         env=_env(folder), check=True).stdout.strip().splitlines()
    return [float(x) for x in out[-1].split()]  # the child's last line; the app may print a notice before it


def timed_child(code: str, *args: str, folder: Path) -> float:
    return child_times(code, *args, folder=folder)[0]


def process_time(argv: list[str], folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=_env(folder), check=True)
    return time.perf_counter() - started


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
    starts, listed, ready, bares = [], [], [], []
    for _ in range(args.runs):  # the app's start and the bare window alternately
        painted, listed_at, ready_at, total = child_times(CHILD, url, folder=folder)
        assert int(total) == args.patients, f"the window listed {total:.0f} patients"
        starts.append(painted)
        listed.append(listed_at)
        ready.append(ready_at)
        bares.append(bare())
    report("cold start to the painted main window", starts, bares, "bare PySide6 window with a table")
    report("cold start to the patient list searchable", listed, bares, "bare PySide6 window with a table")
    report("cold start to the pages built (window ready)", ready, bares, "bare PySide6 window with a table")
    first_demo = child_times(DEMO, folder=folder)
    demos, demo_listed, demo_ready, demo_bares = [], [], [], []
    for _ in range(args.runs):
        painted, listed_at, ready_at, _total = child_times(DEMO, folder=folder)
        demos.append(painted)
        demo_listed.append(listed_at)
        demo_ready.append(ready_at)
        demo_bares.append(bare())
    print(f"hiptrack demo, first launch of the day (builds the cache): painted {first_demo[0]:.2f} s, "
          f"list {first_demo[1]:.2f} s, ready {first_demo[2]:.2f} s")
    report("hiptrack demo to its painted window (cached)", demos, demo_bares, "bare PySide6 window with a table")
    report("hiptrack demo to its patient list (cached)", demo_listed, demo_bares, "bare PySide6 window with a table")
    report("hiptrack demo to its pages built (cached)", demo_ready, demo_bares, "bare PySide6 window with a table")
    searches = search_latency(url)
    ms = [s * 1000 for s in searches]
    print(f"search latency per keystroke: median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms "
          f"({len(ms)} keystrokes)")


if __name__ == "__main__":
    main()
