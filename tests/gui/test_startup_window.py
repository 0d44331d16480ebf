"""The app's start-up, as `hiptrack` runs it, in fresh processes: the main window is on screen before
the storage layer is even imported; the database is opened and the pages are built after that
first paint; nobody sees a patient before signing in; and quitting at the sign-in leaves cleanly."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hiptrack import paths
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.storage.accounts import add_account
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database
from hiptrack.storage.patients import create_patient

HEAVY = {"sqlalchemy", "alembic", "numpy", "pyqtgraph", "serial"}

# At the event loop's first turn (a timer queued before start-up): which windows are visible and
# which heavy libraries are loaded. Then the process ends at once; nothing was written yet.
FIRST_TURN = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hiptrack.gui import application

HEAVY = set(sys.argv[2].split(","))

def first_turn():
    shown = sorted(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
    loaded = sorted({m.split(".")[0] for m in sys.modules} & HEAVY)
    print("SHOWN:", " ".join(shown))
    print("LOADED:", " ".join(loaded))
    sys.stdout.flush()
    os._exit(0)

application.create_application()
QTimer.singleShot(0, first_turn)
if sys.argv[1] == "demo":
    application.run_demo(patients=2, simulator=False)
else:
    application.run_gui(sys.argv[1])
"""

# The whole start: sign in through the real dialog (recording what the window showed meanwhile),
# wait for the list, report what the window holds, then close it like the user would.
SIGN_IN_AND_LIST = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hiptrack.gui import application

password = sys.argv[2]

def poll():
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.gui.sign_in import SignInDialog
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    window = next((w for w in windows if isinstance(w, MainWindow)), None)
    dialog = next((w for w in windows if isinstance(w, SignInDialog)), None)
    if dialog is not None:
        print("AT SIGN-IN: window", window is not None, "patients", window.model.total if window else -1,
              "pages", len(window.pages) if window else -1)
        if password == "-":
            dialog.reject()
            return
        dialog.username.setText("admin")
        dialog.password.setText(password)
        dialog.submit()
    elif window is not None and window.model.total and window.attached:
        print("LISTED:", window.model.total, "pages", len(window.pages), "title", window.windowTitle())
        window.close()
        return
    QTimer.singleShot(20, poll)

application.create_application()
QTimer.singleShot(0, poll)
print("EXIT:", application.run_gui(sys.argv[1]))
"""


def _clinic(tmp_path: Path, patients: int = 3) -> str:
    url = paths.sqlite_url(tmp_path / "clinic #1" / "hiptrack.sqlite3")  # an odd folder name on purpose
    (tmp_path / "clinic #1").mkdir()
    db = Database(url)
    prepare_database(db, backup=False)
    add_account(db, "admin", "A. Admin", "admin", "correct horse")
    with db.session() as s:
        for n in range(patients):
            create_patient(s, PatientFields(f"C-{n}", f"Last{n}", "First", dt.date(1970, 1, 1), "female"))
    db.dispose()
    return url


def _run(code: str, *args: str, home: Path) -> str:
    # Temporary folders (the demo's database) inside the test's own: FIRST_TURN ends with os._exit.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HIPTRACK_HOME": str(home), "TMPDIR": str(home.parent)}
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", ["hiptrack", "hiptrack demo"])
def test_the_main_window_is_shown_before_the_storage_layer_loads(tmp_path: Path, command: str) -> None:
    target = "demo" if command == "hiptrack demo" else _clinic(tmp_path)
    out = _run(FIRST_TURN, target, ",".join(sorted(HEAVY)), home=tmp_path / "home")
    assert "SHOWN: MainWindow" in out, out
    assert "LOADED: \n" in out, f"imported before the first paint: {out}"


def test_sign_in_comes_over_the_window_and_no_patient_is_listed_before_it(tmp_path: Path) -> None:
    out = _run(SIGN_IN_AND_LIST, _clinic(tmp_path), "correct horse", home=tmp_path / "home")
    # The window is there behind the sign-in, holding no patient and no page yet.
    assert "AT SIGN-IN: window True patients 0 pages 0" in out, out
    assert "LISTED: 3 pages 4" in out and "hiptrack.sqlite3" in out, out
    assert "EXIT: 0" in out, out


def test_quitting_at_the_sign_in_closes_the_app(tmp_path: Path) -> None:
    out = _run(SIGN_IN_AND_LIST, _clinic(tmp_path), "-", home=tmp_path / "home")
    assert "AT SIGN-IN: window True patients 0 pages 0" in out and "EXIT: 0" in out, out
    assert "LISTED" not in out


def test_a_failure_while_building_the_pages_ends_the_start_with_a_message(tmp_path: Path) -> None:
    """Not a frame that says "Opening the database…" for ever: the crash dialog, then exit code 1."""
    prelude = (
        "from hiptrack.gui import application as _app\n"
        "from hiptrack.gui.main_window import MainWindow as _MW\n"
        "def _boom(self): raise RuntimeError('pages could not be built')\n"
        "_MW.build_pages = _boom\n"
        "_app.handle_exception = lambda kind, value, tb: print('CRASH DIALOG:', value)\n"
    )
    out = _run(prelude + SIGN_IN_AND_LIST, _clinic(tmp_path), "correct horse", home=tmp_path / "home")
    assert "CRASH DIALOG: pages could not be built" in out and "EXIT: 1" in out, out
    assert "LISTED" not in out
