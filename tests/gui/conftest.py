"""GUI fixtures: a main window on a fresh migrated database, and a way to drive modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hiptrack import settings as S
from hiptrack.storage.database import Database


@pytest.fixture
def main_window(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from hiptrack.gui.main_window import MainWindow

    window = MainWindow(sqlite_db, S.WorkstationSettings(tmp_path / "ws.json"))
    # A battery left open by a test would make the window's close (at teardown) ask a question
    # that nobody answers: close the trial screen first.
    qtbot.addWidget(window, before_close_func=lambda w: w.strength.set_patient(None))
    window.show()
    yield window


@pytest.fixture
def on_modal(qtbot) -> Callable[[Callable[[QWidget], None]], None]:  # type: ignore[no-untyped-def]
    """Run `action(dialog)` on the next modal dialog that opens (for code that calls exec())."""

    def schedule(action: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, poll)
                return
            action(dialog)

        QTimer.singleShot(0, poll)

    return schedule


@pytest.fixture(autouse=True)
def close_patient_views() -> Iterator[None]:
    """A patient view refuses to close without a clinician (that is its point), so a test that leaves
    one open would leave it on screen for the next tests: unlock and close it after each test."""
    yield
    from hiptrack.gui.patient_view import PatientView

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PatientView):
            widget._unlocked = True
            widget.close()


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The application's own font and stylesheet (create_application sets them; the tests' QApplication
    has Qt's defaults), for tests about what fits on screen. Restored afterwards."""
    from hiptrack.gui.application import load_stylesheet

    font, sheet = qapp.font(), qapp.styleSheet()
    look = qapp.font()
    look.setPointSizeF(10.5)
    qapp.setFont(look)
    qapp.setStyleSheet(load_stylesheet())
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
