"""Memory while acquiring at 1 kHz with the strength page open, in the app's own window.

    .venv/bin/python bench/acquisition_rss.py [--seconds 60] [--rate 1000]

A simulated line-protocol gauge (`hiptrack simulate --protocol line --rate R`, a make contraction
every 4 s) runs in its own process. This process opens the main window (offscreen unless DISPLAY
is set) on the demo database, selects a patient, starts a visit so that the trial screen with its
live plot is on the strength page, connects the device session, and samples its resident set size
(VmRSS) once a second. Printed: RSS before connecting, the maximum and the last sample, readings
received, and the RSS of a bare PySide6 window measured in a separate process of the same run as
the reference. Goal: under 250 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE_RSS = r"""
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QTableWidget(20, 3)); w.show(); app.processEvents()
print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmRSS')))
"""


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rate", type=float, default=1000.0)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from hiptrack import paths
    from hiptrack import settings as S
    from hiptrack.acquisition.reader import DeviceConfig, SampleBatch
    from hiptrack.gui.application import create_application, open_prepared_database
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.storage.demo_cache import copy_demo_database
    from hiptrack.storage.visits import start_visit

    reference = float(subprocess.run([sys.executable, "-c", BARE_RSS], capture_output=True, text=True,
                                     check=True).stdout) / 1024
    app = create_application()
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-rss-"))
    os.environ.setdefault("HIPTRACK_HOME", str(folder / "home"))
    copy_demo_database(folder / "demo.sqlite3", 12)
    db = open_prepared_database(paths.sqlite_url(folder / "demo.sqlite3"), backup=False)
    window = MainWindow(db, S.WorkstationSettings(folder / "ws.json"))
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentWidget(window.strength)
    patient_id = window.model.row_at(0).id  # type: ignore[union-attr]
    window.select_patient(patient_id)
    with db.session() as s:
        start_visit(s, patient_id, dt.date.today(), None, "standard_hip", 70.0, 3)
    window.strength.refresh()
    window.strength.resume_visit()
    assert window.strength.screen_widget is not None, "the trial screen did not open"
    app.processEvents()

    link = folder / "gauge"
    sim = subprocess.Popen([sys.executable, "-m", "hiptrack", "simulate", "--protocol", "line", "--rate",
                            str(args.rate), "--interval", "4", "--link", str(link)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert sim.stdout is not None
    sim.stdout.readline()  # the path: the gauge is up
    before = rss_mb()
    samples: list[float] = []
    received = [0]

    def on_batch(batch: SampleBatch) -> None:
        received[0] += len(batch.times_s)

    window.session.samples_arrived.connect(on_batch)
    window.session.connect_device(DeviceConfig("line", str(link), 230400, rate_hz=args.rate))
    sampler = QTimer()
    sampler.timeout.connect(lambda: samples.append(rss_mb()))
    sampler.start(1000)

    def stop() -> None:
        # Quitting closes the window, which asks before leaving a battery in progress (visit_guard):
        # nobody answers offscreen, so the trial screen is closed first.
        window.strength.set_patient(None)
        app.quit()

    QTimer.singleShot(int(args.seconds * 1000), stop)
    app.exec()
    window.session.shutdown()
    sim.terminate()
    sim.wait(10)
    print(f"{args.seconds:.0f} s at {args.rate:.0f} readings/s, strength page with the trial screen open; "
          f"{received[0]} readings received")
    print(f"RSS: {before:.0f} MB before connecting, max {max(samples):.0f} MB, last {samples[-1]:.0f} MB "
          f"(goal < 250 MB); reference, a bare PySide6 window: {reference:.0f} MB")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
