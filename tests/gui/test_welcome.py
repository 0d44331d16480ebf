"""The first run (issue 17): an empty database opens on a short welcome, each step one click away."""

from __future__ import annotations

import datetime as dt

from hiptrack.acquisition.reader import DeviceState
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.patient_dialog import PatientDialog
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage.patients import create_patient


def test_an_empty_database_opens_on_the_welcome_and_the_first_patient_leaves_it(
        main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    assert main_window.right.currentWidget() is main_window.welcome
    assert main_window.welcome.clinic_state.text() == "not set yet"
    assert main_window.welcome.gauge_state.text() == "not connected"

    def add_first(dialog: PatientDialog) -> None:
        dialog.chart.setText("W-1")
        dialog.last_name.setText("First")
        dialog.first_name.setText("Fay")
        dialog.dob.setText("1975-03-04")
        dialog._on_save_requested()

    on_modal(add_first)
    main_window.welcome.add_patient.click()
    assert main_window.right.currentWidget() is main_window.workspace
    assert main_window.current_patient_id is not None
    assert "First, Fay" in main_window.banner.text()


def test_a_database_with_patients_opens_on_the_pages(qtbot, sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack import settings as S

    with sqlite_db.session() as s:
        create_patient(s, PatientFields("W-1", "Some", "One", dt.date(1970, 1, 1), None))
    window = MainWindow(sqlite_db, S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(window)
    assert window.right.currentWidget() is window.workspace


def test_the_simulated_gauge_is_one_click_away(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(main_window.session.status_changed, timeout=15_000,
                          check_params_cb=lambda status: status.state is DeviceState.STREAMING):
        main_window.welcome.simulator.click()
    assert main_window.session.simulator is not None
    assert main_window.tabs.currentWidget() is main_window.strength
    assert main_window.right.currentWidget() is main_window.workspace
