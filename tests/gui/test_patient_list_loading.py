"""The patient list is read off the GUI thread at start-up and on the periodic refresh: the window
is painted first, the list arrives as plain data, and the search box works once it has."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from hiptrack import settings as S
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage import patients as patients_module
from hiptrack.storage.database import Database
from hiptrack.storage.demo import bulk_patients
from hiptrack.storage.patients import create_patient


def _record_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads the list is read on."""
    readers: list[str] = []
    real = patients_module.list_patients

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(patients_module, "list_patients", recording)
    return readers


def _window(qtbot, db: Database, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, S.WorkstationSettings(tmp_path / "ws.json"), load_patients_in_background=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.strength.set_patient(None))
    return window


def test_start_up_reads_the_list_on_a_worker_and_search_works_once_it_arrives(
        qtbot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        bulk_patients(s, 300)
        create_patient(s, PatientFields("Z-1", "Zyzzyva", "Anna", dt.date(1970, 1, 1), "female"))
    readers = _record_threads(monkeypatch)
    window = _window(qtbot, sqlite_db, tmp_path)
    # Typed before the list arrived: applied to it when it does.
    window.search.setText("zyzz")
    with qtbot.waitSignal(window.patients_loaded, timeout=20_000):
        window.show()
    assert readers and threading.main_thread().name not in readers
    assert window.model.total == 301
    assert window.model.rowCount() == 1 and window.model.row_at(0).chart_number == "Z-1"  # type: ignore[union-attr]
    assert window.right.currentWidget() is window.workspace  # not the empty-database welcome
    assert window.count_label.text() == "1 of 301 patients"


def test_the_welcome_waits_for_the_list(qtbot, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        bulk_patients(s, 5)
    window = _window(qtbot, sqlite_db, tmp_path)
    # Until the list has arrived, an empty model is no sign of an empty database.
    assert window.right.currentWidget() is not window.welcome
    assert "Loading" in window.count_label.text()
    with qtbot.waitSignal(window.patients_loaded, timeout=20_000):
        window.show()
    assert window.model.total == 5 and window.right.currentWidget() is window.workspace


def test_periodic_refresh_reads_off_the_gui_thread(qtbot, sqlite_db: Database, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sqlite_db, tmp_path)
    with qtbot.waitSignal(window.patients_loaded, timeout=20_000):
        window.show()
    with sqlite_db.session() as s:  # another workstation adds a patient
        create_patient(s, PatientFields("W-2", "Other", "Room", dt.date(1980, 1, 1), "male"))
    readers = _record_threads(monkeypatch)
    with qtbot.waitSignal(window.patients_loaded, timeout=20_000):
        window._refresh_timer.timeout.emit()
    assert readers and threading.main_thread().name not in readers
    assert window.model.total == 1


def test_a_direct_reload_supersedes_a_load_still_running(qtbot, sqlite_db: Database, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    release, finished = threading.Event(), threading.Event()
    real = patients_module.list_patients

    def slow_on_workers(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = real(*args, **kwargs)
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)  # the worker has read an empty list and is held here
            finished.set()
        return rows

    monkeypatch.setattr(patients_module, "list_patients", slow_on_workers)
    window = _window(qtbot, sqlite_db, tmp_path)
    window.show()
    with sqlite_db.session() as s:
        create_patient(s, PatientFields("N-1", "New", "Nora", dt.date(1990, 1, 1), "female"))
    window.reload_patients()  # e.g. after saving a new patient: the older load must not undo it
    assert window.model.total == 1
    release.set()
    assert finished.wait(10)
    qtbot.wait(200)  # the stale result's queued signal is delivered (and must be dropped)
    assert window.model.total == 1
