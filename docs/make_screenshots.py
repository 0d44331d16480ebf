"""Real screenshots of hiptrack's screens for the README and docs/, taken on a virtual X screen.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_screenshots.py

The app runs on the demo database with the simulated Mark-10, in real windows; the script drives
a visit (a simulated patient pushes) and grabs the whole screen at each step.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("needs an X display: run under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-shots-"))
    os.environ["HIPTRACK_HOME"] = str(folder / "home")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hiptrack import paths
    from hiptrack import settings as S
    from hiptrack.domain.positions import BATTERIES, POSITIONS
    from hiptrack.domain.provenance import Provenance, Source
    from hiptrack.gui.application import attach_demo_simulator, create_application, open_prepared_database
    from hiptrack.gui.dialogs.patient_dialog import PatientDialog
    from hiptrack.gui.dialogs.settings_dialog import SettingsDialog
    from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitDialog, VisitSetup
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.gui.patient_banner import add_banner
    from hiptrack.storage.clinicians import set_pin
    from hiptrack.storage.demo import populate_demo
    from hiptrack.storage.patients import patient_details
    from hiptrack.storage.visits import start_visit

    app = create_application()
    db = open_prepared_database(paths.sqlite_url(folder / 'demo.sqlite3'))
    with db.session() as s:
        populate_demo(s, patients=14)
        set_pin(s, 1, "246813")
    window = MainWindow(db, S.WorkstationSettings(folder / "ws.json"))
    attach_demo_simulator(window, folder)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    OUT.mkdir(exist_ok=True)
    sim = window.session.simulator
    patient = window.model.row_at(2)
    assert patient is not None
    extra: dict[str, object] = {}

    def grab(name: str) -> None:
        app.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
        print(OUT / f"{name}.png")

    def tab(title: str) -> Callable[[], None]:
        def select() -> None:
            for i in range(window.tabs.count()):
                if window.tabs.tabText(i).replace("&", "") == title:
                    window.tabs.setCurrentIndex(i)
        return select

    def start_visit_screen() -> None:
        page = window.strength
        battery = BATTERIES["standard_hip"]
        muscles = tuple(MuscleSetup(m, battery.position_of(m), "make", POSITIONS[battery.position_of(m)].typical_lever_m,
                                    "hand", Provenance(Source.MEASURED)) for m in battery.muscles)
        setup = VisitSetup(dt.date.today(), 1, 74.0, 5, battery, muscles)
        with db.session() as s:
            visit_id = start_visit(s, patient.id, setup.visit_date, 1, battery.code, 74.0, 5)
        page._open_screen(visit_id, setup)

    def push(peak: float) -> Callable[[], None]:
        return lambda: sim.start_trial(peak_n=peak, kind="make", duration_s=3.0)  # type: ignore[union-attr]

    def accept() -> None:
        screen = window.strength.screen_widget
        if screen is not None:
            screen.accept_trial()
            screen.skip_rest()

    def show_dialog(name: str, build: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            dialog = build()
            extra[name] = dialog
            dialog.show()  # type: ignore[attr-defined]
            dialog.move(220, 90)  # type: ignore[attr-defined]
        return run

    def close_dialog(name: str) -> Callable[[], None]:
        return lambda: extra.pop(name).close()  # type: ignore[attr-defined]

    def visit_dialog() -> object:
        # A lever measured at the last visit is carried forward with its date; the other is typical (issue 11).
        dialog = VisitDialog(
            db, "standard_hip", 74.0, {"hip_abd_sidelying_short": (0.38, dt.date.today() - dt.timedelta(days=21))},
            parent=window, latest_mass_on=dt.date.today() - dt.timedelta(days=21))
        add_banner(dialog, db, patient.id)
        return dialog

    def welcome() -> None:
        """The first run: a second window on an empty database."""
        view = extra.pop("view", None)
        if view is not None:
            view.hide()  # type: ignore[attr-defined]
        empty = open_prepared_database(paths.sqlite_url(folder / "empty.sqlite3"))
        first = MainWindow(empty, S.WorkstationSettings(folder / "ws-empty.json"))
        extra["first"] = first
        first.resize(1280, 800)
        first.move(0, 0)
        first.show()

    def details() -> object:
        with db.session() as s:
            return patient_details(s, patient.id).fields

    steps: list[tuple[int, Callable[[], None] | None, str | None]] = [
        (300, lambda: window.select_patient(patient.id), "main_window"),
        (300, show_dialog("patient", lambda: PatientDialog(lambda f, m: None, details(), window)), "patient_dialog"),
        (100, close_dialog("patient"), None),
        (300, show_dialog("settings", lambda: SettingsDialog(window.clinic_settings, window)), "settings_dialog"),
        (100, close_dialog("settings"), None),
        (300, tab("Strength testing"), "strength_page"),
        (300, show_dialog("visit", visit_dialog), "visit_dialog"),
        (100, close_dialog("visit"), None),
        (300, start_visit_screen, None),
        (1200, push(205.0), None),
        (1500, None, "trial_recording"),
        (2500, None, "trial_review"),
        (100, accept, None),
        (1200, push(176.0), None),
        (4200, accept, None),
        (1200, push(214.0), None),
        (4200, accept, None),
        (300, lambda: window.strength.screen_widget and window.strength.screen_widget.accept_trial(), None),
        (1300, None, "trial_rest_results"),
        (300, tab("Exercises"), "exercise_page"),
        (300, tab("Progress"), "progress_page"),
        (600, lambda: extra.__setitem__("view", window.progress.open_patient_view()), "patient_view"),
        (600, welcome, "welcome"),
    ]

    def run(i: int = 0) -> None:
        if i == len(steps):
            view = extra.get("view")
            if view is not None:
                view.hide()  # type: ignore[attr-defined]
            window.session.shutdown()
            app.quit()
            return
        delay, action, name = steps[i]

        def after() -> None:
            if name:
                grab(name)
            run(i + 1)

        if action is not None:
            action()
        QTimer.singleShot(delay, after)

    QTimer.singleShot(500, run)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
