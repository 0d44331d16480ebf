"""Creating the QApplication, the crash dialog, and the start-up sequence for the GUI."""

from __future__ import annotations

import gc
import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hiptrack import APP_DISPLAY_NAME, APP_NAME, ORGANISATION, __version__, paths
from hiptrack import settings as S
from hiptrack.reports.translation import error_text, install_translator, label, translate

# The main window's frame is painted before the storage layer is imported (run_window): only Qt and
# plain-data modules are imported here at the top.
if TYPE_CHECKING:
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.gui.startup_backup import StartupBackup
    from hiptrack.storage.database import Actor, Database

    # Opens the database after the frame is painted and says who works: the database and the
    # signed-in actor, or None when the user quit at the sign-in. Raises StorageError or StartupRefused.
    Prepare = Callable[[MainWindow], tuple[Database, Actor] | None]

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


def show_startup_error(title: str, message: str, parent: QWidget | None = None) -> None:
    create_application()
    QMessageBox.critical(parent, title, message)


class StartupRefused(Exception):
    """Start-up cannot go on for a reason the user must read (`title`, `message`); exit code 2."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(message)
        self.title, self.message = title, message


@dataclass
class _Started:
    """What the start-up left to close when the event loop ends."""

    window: MainWindow
    db: Database | None = None
    backup: StartupBackup | None = None
    exit_code: int | None = None  # set when start-up itself ended the app

    def close(self, loop_code: int) -> int:
        if self.backup is not None:
            self.backup.wait()
        if self.window.attached:
            self.window.session.shutdown()
        if self.db is not None:
            self.db.dispose()
        return self.exit_code if self.exit_code is not None else loop_code


def open_prepared_database(url: str, backup: bool = True) -> Database:
    """Migrate (with a pre-migration backup when one is due); the routine start-up backup is left
    to `start_backup_after_show`, so that the window does not wait for it."""
    from hiptrack.storage.startup import open_and_prepare

    return open_and_prepare(url, backup=backup, startup_backup=False)[0]


def open_database_for_window(url: str) -> Database:
    """The full start-up integrity check (16 ms at 10,000 patients, 0.25 s at 100,000) starts on a
    worker thread while the engine is set up; opening the database then takes its verdict."""
    from hiptrack.storage.startup import start_integrity_check

    start_integrity_check(url)
    return open_prepared_database(url)


def run_gui(url: str) -> int:
    """Open the clinic's database and show the main window until the user quits."""
    app = create_application()
    sys.excepthook = handle_exception

    def prepare(window: MainWindow) -> tuple[Database, Actor] | None:
        from hiptrack.gui.sign_in import sign_in_at_start

        db = open_database_for_window(url)
        actor = sign_in_at_start(db, window)  # nobody sees a patient before signing in
        if actor is None:
            db.dispose()
            return None
        return db, actor

    return run_window(app, prepare, backup=True)


def run_window(app: QApplication, prepare: Prepare, backup: bool = False,
               simulator_folder: Path | None = None) -> int:
    """Show the main window's frame at once, then open the database (`prepare`) from the event loop
    and build the pages on it; run until the user quits. Returns the exit code.

    The frame (patient list, search box, "Opening the database…") needs only Qt; the storage layer,
    the device stack and the pages take about 0.9 s to import, so the clinician sees the window in
    about a fifth of the time (bench/startup_and_search.py). The start-up backup runs after the
    pages are built, on a worker thread (gui/startup_backup.py)."""
    from hiptrack.gui.main_window import MainWindow

    window = MainWindow(None, S.WorkstationSettings())
    window.show()
    app.processEvents()  # painted before anything heavy is imported
    started = _Started(window)
    QTimer.singleShot(0, lambda: _finish_start(app, started, prepare, backup, simulator_folder))
    return started.close(int(app.exec()))


def _finish_start(app: QApplication, started: _Started, prepare: Prepare, backup: bool,
                  simulator_folder: Path | None) -> None:
    _guarded(app, started, lambda: _open_and_list(app, started, prepare, backup, simulator_folder))


def _guarded(app: QApplication, started: _Started, step: Callable[[], None]) -> None:
    """Run a start-up step; a failure ends the start with a message naming it, instead of leaving
    the frame saying "Opening the database…" for ever."""
    from hiptrack.storage.errors import StorageError

    try:
        step()
    except StartupRefused as exc:
        _end_start(app, started, 2, exc.title, exc.message)
    except StorageError as exc:
        log.error("database could not be opened: %s", type(exc).__name__)
        _end_start(app, started, 2, translate("Application", "hiptrack cannot open the database"), error_text(exc))
    except Exception:
        handle_exception(*sys.exc_info())
        _end_start(app, started, 1)


def _open_and_list(app: QApplication, started: _Started, prepare: Prepare, backup: bool,
                   simulator_folder: Path | None) -> None:
    window = started.window
    opened = prepare(window)
    if opened is None:  # quit at the sign-in
        _end_start(app, started, 0)
        return
    db, actor = opened
    db.actor = actor
    started.db = db
    # The patient list is read on a worker thread (gui/patient_list_loader.py) while the GUI thread
    # waits for it, up to LIST_HEAD_START_MS, before building the pages: the clinic sees its list
    # about 0.6 s sooner, and a list that takes longer (100,000 patients) arrives while they build.
    window.use_database(db)
    window.reload_patients_in_background()
    build = _Once(lambda: _guarded(app, started, lambda: _build_pages(started, backup, simulator_folder)))
    window.patients_loaded.connect(build)
    QTimer.singleShot(LIST_HEAD_START_MS, build)


LIST_HEAD_START_MS = 300


class _Once:
    """A slot that runs its action the first time it is called (whichever signal comes first)."""

    def __init__(self, action: Callable[[], None]) -> None:
        self._action: Callable[[], None] | None = action

    def __call__(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


def _build_pages(started: _Started, backup: bool, simulator_folder: Path | None) -> None:
    from hiptrack.gui.sign_in import attach_signed_in_session
    from hiptrack.gui.startup_backup import start_backup_after_show

    window, db = started.window, started.db
    if not window.isVisible() or db is None:
        return  # closed meanwhile
    window.build_pages()
    attach_signed_in_session(window, db)
    if simulator_folder is not None:
        attach_demo_simulator(window, simulator_folder)
    if backup:
        started.backup = start_backup_after_show(window, db)
    freeze_start_up_objects()


def freeze_start_up_objects() -> None:
    """Take what start-up made (modules, classes, the pages' widgets and their Python wrappers, some
    160,000 objects that live as long as the app) out of the cyclic garbage collector's sight.

    Otherwise every full collection walks them all: 55–80 ms, falling in about one patient switch
    in ten (bench/README.md). Reference counting still frees them as usual."""
    gc.freeze()


def _end_start(app: QApplication, started: _Started, code: int, title: str = "", message: str = "") -> None:
    """Start-up cannot go on: say why (when there is something to say), close the frame, leave."""
    if message:
        show_startup_error(title, message, started.window)
        print(f"hiptrack: {message}", file=sys.stderr)
    started.exit_code = code
    # Hidden rather than closed: closing the last window queues Qt's own quit, which would end the
    # next event loop instead (a dialog's, when the app is embedded in a test run).
    started.window.hide()
    app.exit(code)


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
    app = create_application()
    sys.excepthook = handle_exception
    # The throwaway database and the simulator's link live here, and go when the demo ends.
    with tempfile.TemporaryDirectory(prefix="hiptrack-demo-", ignore_cleanup_errors=True) as scratch:
        folder = Path(scratch)

        def prepare(window: MainWindow) -> tuple[Database, Actor]:
            from hiptrack.storage.errors import StorageError

            # The first launch of the day builds the demo database (about 1.5 s): say so.
            window.opening.setText(translate("Application", "Preparing the demo patients…"))
            window.opening.repaint()
            try:
                db = _open_demo_database(folder, patients, database)
                actor = demo_sign_in(db)
            except StorageError as exc:
                raise StartupRefused(translate("Application", "hiptrack demo"), error_text(exc)) from exc
            log.info("demo database ready with %d patients", patients)
            return db, actor

        return run_window(app, prepare, simulator_folder=folder if simulator else None)


def _open_demo_database(folder: Path, patients: int, database: str | None) -> Database:
    """A copy of the cached demo file in `folder`, or `database` filled with demo patients (refused
    when it already holds patients: the demo never mixes invented patients with real ones)."""
    from hiptrack.storage.demo import populate_demo
    from hiptrack.storage.demo_cache import copy_demo_database, patient_count

    if database is None:
        copy_demo_database(folder / "demo.sqlite3", patients)
        return open_prepared_database(paths.sqlite_url(folder / "demo.sqlite3"), backup=False)
    db = open_prepared_database(database, backup=False)
    held = patient_count(db)
    if held:
        db.dispose()
        message = (translate("Application", "The {database} already holds 1 patient; the demo only "
                             "fills an empty database. Nothing was changed.") if held == 1 else
                   translate("Application", "The {database} already holds {count} patients; the demo "
                             "only fills an empty database. Nothing was changed."))
        raise StartupRefused(translate("Application", "hiptrack demo"),
                             message.format(database=label(db.description), count=held))
    with db.session() as s:
        populate_demo(s, patients=patients)
    return db


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
