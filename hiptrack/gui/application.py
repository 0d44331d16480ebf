"""Creating the QApplication, the crash dialog, and the start-up sequence for the GUI."""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from hiptrack import APP_DISPLAY_NAME, APP_NAME, ORGANISATION, __version__, paths
from hiptrack import settings as S
from hiptrack.reports.translation import error_text, install_translator, label, translate
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.startup import open_and_prepare, start_integrity_check

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    # The base size is set on the application font, not in the stylesheet, so that screens that
    # need larger type (the patient view) can still set their own fonts.
    font = app.font()
    font.setPointSizeF(10.5)
    app.setFont(font)
    app.setStyleSheet(load_stylesheet())
    qInstallMessageHandler(_qt_message_to_log)
    install_translator(app)
    return app


def load_stylesheet() -> str:
    try:
        return paths.resource_path("ui", "styles", "hiptrack.qss").read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet missing; using Qt defaults")
        return ""


def _qt_message_to_log(kind: QtMsgType, _context: object, message: str) -> None:
    # Qt's warnings are mostly platform chatter (e.g. offscreen size hints): keep them in the
    # log file, off the terminal, where they would bury a one-line failure reason.
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.INFO}.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def handle_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log an unhandled exception and tell the user, instead of vanishing.

    Data already saved is safe: every recording is committed as it happens.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("unhandled exception", exc_info=(kind, value, tb))
    if QApplication.instance() is None:
        return
    message = translate("Application", "Something went wrong: {problem}\n\nEverything already recorded has been "
                                       "saved. The details are in the log file:\n{folder}")
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Application", "hiptrack: unexpected error"),
                      message.format(problem=f"{type(value).__name__}: {value}", folder=paths.log_dir()))
    box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def show_startup_error(title: str, message: str) -> None:
    create_application()
    QMessageBox.critical(None, title, message)


def open_prepared_database(url: str, backup: bool = True) -> Database:
    """Migrate (with a pre-migration backup when one is due); the routine start-up backup is left
    to `start_backup_after_show`, so that the window does not wait for it."""
    return open_and_prepare(url, backup=backup, startup_backup=False)[0]


def open_database_for_window(url: str) -> Database:
    """The start-up integrity check runs on a worker thread while the main window's modules are
    imported (about 0.4 s); then the database is opened, taking the check's verdict."""
    start_integrity_check(url)
    from hiptrack.gui import main_window  # noqa: F401  (imported while the check runs)

    return open_prepared_database(url)


def run_gui(url: str) -> int:
    """Open the clinic's database and show the main window until the user quits."""
    app = create_application()
    sys.excepthook = handle_exception
    try:
        db = open_database_for_window(url)
    except StorageError as exc:
        log.error("database could not be opened: %s", type(exc).__name__)
        show_startup_error(translate("Application", "hiptrack cannot open the database"), error_text(exc))
        print(f"hiptrack: {exc}", file=sys.stderr)
        return 2
    return _show_main_window(app, db, backup=True)


def _show_main_window(app: QApplication, db: Database, simulator_folder: Path | None = None,
                      backup: bool = False, signed_in: Actor | None = None) -> int:
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.gui.sign_in import attach_signed_in_session, sign_in_at_start
    from hiptrack.gui.startup_backup import start_backup_after_show

    actor = signed_in or sign_in_at_start(db)  # nobody sees a patient before signing in
    if actor is None:
        db.dispose()
        return 0
    db.actor = actor
    # The window is painted before the patient list is read (gui/patient_list_loader.py).
    window = MainWindow(db, S.WorkstationSettings(), load_patients_in_background=True)
    attach_signed_in_session(window, db)
    if simulator_folder is not None:
        attach_demo_simulator(window, simulator_folder)
    window.show()
    started_backup = start_backup_after_show(window, db) if backup else None
    code = app.exec()
    if started_backup is not None:
        started_backup.wait()
    window.session.shutdown()
    db.dispose()
    return int(code)


def attach_demo_simulator(window: object, folder: Path) -> None:
    """Start a simulated Mark-10 on a pseudo-terminal and connect the window's device session to it."""
    from hiptrack.acquisition.reader import DeviceConfig
    from hiptrack.devices.simulators import ForceProfile, Mark10Simulator

    session = window.session  # type: ignore[attr-defined]
    simulator = Mark10Simulator(ForceProfile(capacity_n=500.0, noise_n=0.4), link=folder / "simulated-gauge")
    simulator.serve()
    session.simulator = simulator
    session.connect_device(DeviceConfig("mark10", simulator.path, rate_hz=50.0))
    log.info("demo: simulated Mark-10 connected")


def build_main_window_for_check(db: Database) -> None:
    """Build (and immediately discard) the main window, as `hiptrack check` does."""
    from hiptrack.gui.main_window import MainWindow

    app = create_application()
    # Scratch settings, so a check never changes the workstation's own; removed with the window.
    with tempfile.TemporaryDirectory(prefix="hiptrack-check-") as scratch:
        window = MainWindow(db, S.WorkstationSettings(Path(scratch) / "workstation.json"))
        window.show()
        app.processEvents()
        window.hide()
        window.deleteLater()
        app.processEvents()


def run_demo(patients: int = 12, simulator: bool = True, database: str | None = None) -> int:
    """The app on a throwaway database full of realistic demo patients.

    Without `database`, a copy of the cached demo file (built on the first launch of the day);
    with one, the demo is written into it, which is refused if it already holds patients."""
    from hiptrack.storage.demo import populate_demo
    from hiptrack.storage.demo_cache import copy_demo_database, patient_count

    app = create_application()
    sys.excepthook = handle_exception
    # The throwaway database and the simulator's link live here, and go when the demo ends.
    with tempfile.TemporaryDirectory(prefix="hiptrack-demo-", ignore_cleanup_errors=True) as scratch:
        folder = Path(scratch)
        try:
            if database is None:
                copy_demo_database(folder / "demo.sqlite3", patients)
                db = open_prepared_database(paths.sqlite_url(folder / "demo.sqlite3"), backup=False)
            else:
                db = open_prepared_database(database, backup=False)
                held = patient_count(db)
                if held:
                    db.dispose()
                    message = (translate("Application", "The {database} already holds 1 patient; the demo only "
                                         "fills an empty database. Nothing was changed.") if held == 1 else
                               translate("Application", "The {database} already holds {count} patients; the demo "
                                         "only fills an empty database. Nothing was changed."))
                    message = message.format(database=label(db.description), count=held)
                    show_startup_error(translate("Application", "hiptrack demo"), message)
                    print(f"hiptrack: {message}", file=sys.stderr)
                    return 2
                with db.session() as s:
                    populate_demo(s, patients=patients)
            actor = demo_sign_in(db)
        except StorageError as exc:
            show_startup_error(translate("Application", "hiptrack demo"), error_text(exc))
            return 2
        log.info("demo database ready with %d patients", patients)
        return _show_main_window(app, db, simulator_folder=folder if simulator else None, signed_in=actor)


DEMO_USER, DEMO_PASSWORD = "demo", "hiptrack-demo"


def demo_sign_in(db: Database) -> Actor:
    """The demo signs in by itself, as a demo admin (demo database only), and says the credentials
    the lock screen will ask for."""
    from hiptrack.storage.accounts import add_account, needs_first_admin, sign_in

    if needs_first_admin(db):
        add_account(db, DEMO_USER, "Demo Clinician", "admin", DEMO_PASSWORD)  # i18n: a name stored as data
    # The terminal speaks English, like the whole command line.
    print(f"hiptrack demo: signed in as '{DEMO_USER}' (password '{DEMO_PASSWORD}', asked after "  # i18n: terminal
          "5 idle minutes and to leave the patient view)")
    return sign_in(db, DEMO_USER, DEMO_PASSWORD)
