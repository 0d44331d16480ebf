"""The full-screen patient view: plain words, a kiosk that hides every other window, and leaving only
with a clinician's password or 6-digit PIN."""

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
        add_clinician(s, "jlee", "J. Lee", pin="246802")
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
    view.ask_pin = lambda: "111111"
    assert not view.request_leave() and view.isVisible()
    view.ask_pin = lambda: None
    view.close()  # Alt+F4, the window manager's close button
    QApplication.processEvents()
    assert view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.isVisible()
    view.ask_pin = lambda: "246802"
    with qtbot.waitSignal(view.left):
        assert view.request_leave()
    assert not view.isVisible()


def test_three_wrong_pins_pause_the_prompt(view: PatientView) -> None:
    asked = []

    def wrong() -> str:
        asked.append(1)
        return "000000"

    view.ask_pin = wrong
    for _ in range(4):
        view.request_leave()
    assert len(asked) == 3 and view._paused
    view._resume()
    view.ask_pin = lambda: "246802"
    assert view.request_leave()


def test_a_clinic_without_pins_sets_one_before_the_view_opens(qtbot, sqlite_db: Database, on_modal) -> None:  # type: ignore[no-untyped-def]
    assert not pin_is_set(sqlite_db)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetPinDialog)
        dialog.new_name.setText("Sam Carter, PT")
        dialog.pin.setText("135790")
        dialog.again.setText("135790")
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


def test_main_window_is_hidden_while_the_patient_view_is_up(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Alt+Tab cannot bring back a hidden window: the patient list is not there to switch to."""
    from hiptrack.storage.accounts import add_account

    db = main_window.db
    with db.session() as s:
        pid = D.standard_patient(s)
    add_account(db, "boss", "B. Oss", "admin", "correct horse battery")
    main_window.reload_patients()
    assert main_window.select_patient(pid)
    view = main_window.progress.open_patient_view()
    assert view is not None
    QApplication.processEvents()
    assert not main_window.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [view]
    view.ask_pin = lambda: None
    view.close()  # the window manager's close button, Alt+F4
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert view.isVisible() and not main_window.isVisible()
    view.ask_pin = lambda: "1234"  # a short PIN never unlocks, whatever is stored
    assert not view.request_leave() and not main_window.isVisible()
    view.ask_pin = lambda: "correct horse battery"  # the admin's password
    assert view.request_leave()
    assert main_window.isVisible() and not view.isVisible()


def test_an_assistant_cannot_leave_the_patient_view(view: PatientView) -> None:
    from hiptrack.storage.accounts import add_account

    add_account(view.db, "boss", "B. Oss", "admin", "correct horse battery")
    add_account(view.db, "asst", "A. Sist", "assistant", "assistant password")
    view.ask_pin = lambda: "assistant password"
    assert not view.request_leave() and view.isVisible()


def test_pauses_grow_after_each_round_of_wrong_tries(view: PatientView) -> None:
    view.ask_pin = lambda: "999999"
    pauses = []
    for _ in range(3):
        pauses.append(view.pause_ms())
        for _ in range(3):
            view.request_leave()
        view._resume()
    assert pauses == [30_000, 60_000, 120_000]


def test_an_assistants_pin_alone_does_not_open_a_view_nobody_can_leave(qtbot, sqlite_db: Database, on_modal) -> None:  # type: ignore[no-untyped-def]
    """Only the assistant has a PIN, and assistants cannot unlock: the view must ask for a clinician's PIN
    first, offering only accounts that may unlock, and that PIN must then open the way out."""
    from hiptrack.storage.models import Clinician

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
        add_clinician(s, "jlee", "J. Lee")  # no PIN, no password
        assistant = s.get(Clinician, add_clinician(s, "asst", "A. Sist", pin="246802"))
        assert assistant is not None
        assistant.role = "assistant"
    assert not pin_is_set(sqlite_db)
    offered: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetPinDialog)
        offered.extend(dialog.who.itemText(i) for i in range(dialog.who.count()))
        dialog.pin.setText("135790")
        dialog.again.setText("135790")
        dialog._save()

    on_modal(fill)
    assert ensure_pin_exists(sqlite_db)
    assert offered == ["J. Lee"]
    view = PatientView(sqlite_db, pid)
    qtbot.addWidget(view)
    view.open_full_screen()
    view.ask_pin = lambda: "246802"  # the assistant's PIN
    assert not view.request_leave()
    view.ask_pin = lambda: "135790"
    assert view.request_leave()
