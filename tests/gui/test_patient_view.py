"""The full-screen patient view: plain words, and leaving only with a clinician's PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from hiptrack.gui.patient_view import PatientView, SetPinDialog, ensure_pin_exists, pin_is_set
from hiptrack.storage.clinicians import add_clinician, list_clinicians
from hiptrack.storage.database import Database
from tests.unit.reports import data as D


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(f"hiptrack.gui.patient_view.QMessageBox.{name}", lambda *a, **k: None)


@pytest.fixture
def view(qtbot, sqlite_db: Database) -> PatientView:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
        add_clinician(s, "jlee", "J. Lee", pin="2468")
    widget = PatientView(sqlite_db, pid)
    qtbot.addWidget(widget)
    widget.ask_pin = lambda: None
    widget.open_full_screen()
    QApplication.processEvents()
    return widget


def test_plain_words_in_large_type(view: PatientView) -> None:
    assert view.title.text() == "Ada, here is your progress"
    assert "Your left hip is 10% weaker than your right; last month it was 18%." in view.sentences
    assert view.title.font().pointSize() >= 28
    assert view.isFullScreen() or view.windowState() & Qt.WindowState.WindowFullScreen


def test_leaving_needs_a_clinician_pin(view: PatientView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.ask_pin = lambda: "1111"
    assert not view.request_leave() and view.isVisible()
    view.ask_pin = lambda: None
    view.close()  # Alt+F4, the window manager's close button
    QApplication.processEvents()
    assert view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.isVisible()
    view.ask_pin = lambda: "2468"
    with qtbot.waitSignal(view.left):
        assert view.request_leave()
    assert not view.isVisible()


def test_three_wrong_pins_pause_the_prompt(view: PatientView) -> None:
    asked = []

    def wrong() -> str:
        asked.append(1)
        return "0000"

    view.ask_pin = wrong
    for _ in range(4):
        view.request_leave()
    assert len(asked) == 3 and view._paused
    view._resume()
    view.ask_pin = lambda: "2468"
    assert view.request_leave()


def test_a_clinic_without_pins_sets_one_before_the_view_opens(qtbot, sqlite_db: Database, on_modal) -> None:  # type: ignore[no-untyped-def]
    assert not pin_is_set(sqlite_db)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetPinDialog)
        dialog.new_name.setText("Sam Carter, PT")
        dialog.pin.setText("1357")
        dialog.again.setText("1357")
        dialog._save()

    on_modal(fill)
    assert ensure_pin_exists(sqlite_db)
    with sqlite_db.session() as s:
        rows = list_clinicians(s)
    assert [(r.display_name, r.has_pin) for r in rows] == [("Sam Carter, PT", True)]


def test_declining_to_set_a_pin_keeps_the_view_closed(qtbot, sqlite_db: Database, on_modal) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        add_clinician(s, "jlee", "J. Lee")  # no PIN
    on_modal(lambda dialog: dialog.reject())
    assert not ensure_pin_exists(sqlite_db)
