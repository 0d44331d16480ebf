"""Benchmark: switching between two patients with 60 visits each, on every tab.

    .venv/bin/python bench/patient_switch.py [--years 5] [--switches 10]

Two patients (tests/unit/reports/data.py `long_history_patient`: monthly visits, both muscles and
sides, 3 trials each, scores and exercise logs), every trial with a 5 s raw trace at 1 kHz as a
gauge records it. The main window is shown (offscreen unless DISPLAY is set); for each tab the
selection alternates between the two patients and the time from the selection to the window
being painted is measured, with the SQL statements issued. Printed per tab: median and max
milliseconds and statements per switch. The Strength, Exercises and Progress pages keep each
patient's data until the database shows a change: each is timed going back to a patient and, cache
emptied before each switch, as a first view. No reference applies (the goal is an absolute 150 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def switches(window: Any, app: Any, ids: list[int], statements: list[str], count: int,
             cache: Any) -> tuple[list[float], list[int]]:
    """Alternate the selection `count` times: milliseconds to the painted window, SQL statements."""
    window.select_patient(ids[1])
    app.processEvents()
    times, counts = [], []
    for n in range(count):
        if cache is not None:
            cache.clear()
        statements.clear()
        started = time.perf_counter()
        window.select_patient(ids[n % 2])
        app.processEvents()
        window.repaint()
        times.append((time.perf_counter() - started) * 1000)
        counts.append(len(statements))
    return times, counts


class PageCaches:
    """Every per-patient cache of a page, emptied together (Exercises keeps one per inner tab)."""

    def __init__(self, caches: list[Any]) -> None:
        self.caches = caches

    def clear(self) -> None:
        for cache in self.caches:
            cache.clear()


def page_cache(page: Any) -> PageCaches | None:
    """The page's per-patient data caches (Progress: `report_cache`, Strength: `data_cache`,
    Exercises: one per inner tab), or None."""
    from hiptrack.reports.build import PatientDataCache
    caches = [value for value in vars(page).values() if isinstance(value, PatientDataCache)]
    return PageCaches(caches) if caches else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--switches", type=int, default=10)
    parser.add_argument("--no-freeze", action="store_true",
                        help="leave out the app's gc.freeze() after start-up (to measure what it does)")
    args = parser.parse_args()

    import numpy as np
    from sqlalchemy import event, update

    from hiptrack import paths
    from hiptrack import settings as S
    from hiptrack.gui.application import create_application, freeze_start_up_objects
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.storage.database import Database
    from hiptrack.storage.migrate import prepare_database
    from hiptrack.storage.models import Trial
    from hiptrack.storage.startup import load_reference_data
    from hiptrack.storage.traces import encode_trace
    from tests.unit.reports.data import long_history_patient

    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("HIPTRACK_HOME", tmp)
        db = Database(paths.sqlite_url(Path(tmp) / "bench.sqlite3"))
        prepare_database(db)
        load_reference_data(db)
        with db.session() as s:
            ids = [long_history_patient(s, chart=f"LONG-{n}", years=args.years, seed=n) for n in (1, 2)]
            t = np.arange(0, 5.0, 0.001)
            force = 200 * np.clip(np.sin(t / 5 * np.pi), 0, None) + np.random.default_rng(1).normal(0, 0.5, t.size)
            s.execute(update(Trial).values(trace=encode_trace(t, force), trace_sample_rate_hz=1000.0,
                                           trace_sample_count=t.size))
        window = MainWindow(db, S.WorkstationSettings(Path(tmp) / "ws.json"))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        if not args.no_freeze:
            freeze_start_up_objects()  # as the app does once its pages are built
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        print(f"two patients with {12 * args.years} visits each, 12 trials per visit with 5 s traces at 1 kHz")
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats
            window.tabs.setCurrentIndex(int(os.environ["BENCH_PROFILE"]))
            app.processEvents()
            for warm in (ids[1], ids[0], ids[1]):  # the page's first drawing (imports, widgets) is not a switch
                window.select_patient(warm)
                app.processEvents()
            cache = page_cache(window.tabs.currentWidget())
            if cache is not None and os.environ.get("BENCH_FIRST_VIEW"):
                cache.clear()  # profile a first view: the report data are made
            cProfile.runctx("window.select_patient(ids[0]); app.processEvents(); window.repaint()", globals(), locals(), "/tmp/sw.prof")
            pstats.Stats("/tmp/sw.prof").sort_stats("cumulative").print_stats(30)
            return 0
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            name = window.tabs.tabText(tab).replace("&", "")
            # A page that keeps each patient's data until it changes is timed twice:
            # going back to a patient, and seeing a patient first (or after a change), cache emptied.
            cache = page_cache(window.tabs.widget(tab))
            for label, forget in ((name, None), (f"{name}, first view", cache)) if cache else ((name, None),):
                times, counts = switches(window, app, ids, statements, args.switches, forget)
                print(f"{label:<30} switch median {statistics.median(times):6.1f} ms, max {max(times):6.1f} ms, "
                      f"{statistics.median(counts):.0f} SQL statements")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
