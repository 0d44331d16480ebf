"""The app shell as a clinician uses it: patients, search, archive, settings, window state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from hiptrack import settings as S
from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.patient_dialog import PatientDialog
from hiptrack.gui.dialogs.settings_dialog import SettingsDialog
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage.demo import bulk_patients
from hiptrack.storage.patients import create_patient


def fill(dialog: PatientDialog, **values: str) -> None:
    for name, value in values.items():
        widget = getattr(dialog, name)
        if hasattr(widget, "setCurrentText"):
            widget.setCurrentText(value)
        else:
            widget.setText(value)


def test_new_patient_with_problems_stays_open_then_saves(main_window: MainWindow, on_modal, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def drive(dialog: PatientDialog) -> None:
        fill(dialog, chart="C-77", last_name="Nakamura", first_name="Kenji", dob="1984-02-30", mass="720")
        dialog._on_save_requested()
        seen.append(dialog.problems.text())
        assert dialog.isVisible()
        fill(dialog, dob="1984-02-28", mass="72,5", height_edit="1.74")
        dialog._on_save_requested()

    on_modal(drive)
    main_window.new_patient()
    assert "Date of birth '1984-02-30' is not a real date" in seen[0]
    assert "Body mass 720 kg is outside the plausible range" in seen[0]
    assert main_window.model.rowCount() == 1
    assert main_window.model.row_at(0).chart_number == "C-77"  # type: ignore[union-attr]
    assert main_window.current_patient_id is not None
    assert "72.5 kg" in main_window.overview._fact_labels["body_mass"].text()


def duplicate_chart_problems(main_window: MainWindow, on_modal) -> str:  # type: ignore[no-untyped-def]
    """With C-1 filed, try New patient with C-1 again: the problems the dialog shows."""
    with main_window.db.session() as s:
        create_patient(s, PatientFields("C-1", "Existing", "Eva", dt.date(1970, 1, 1), "female"))
    main_window.reload_patients()
    seen: list[str] = []

    def drive(dialog: PatientDialog) -> None:
        fill(dialog, chart="C-1", last_name="New", first_name="Nils", dob="1980-01-01")
        dialog._on_save_requested()
        seen.append(dialog.problems.text())
        dialog.reject()

    on_modal(drive)
    main_window.new_patient()
    return seen[0]


def test_duplicate_chart_number_is_named_in_the_dialog(main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    assert "Chart number C-1 is already used by another patient" in duplicate_chart_problems(main_window, on_modal)
    assert main_window.model.total == 1


def test_search_by_name_or_chart_among_10000_patients(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with main_window.db.session() as s:
        bulk_patients(s, 10_000)
        create_patient(s, PatientFields("ZX-42", "Lindqvist-Moreau", "José", dt.date(1975, 3, 3), "male"))
    main_window.reload_patients()
    assert main_window.model.total == 10_001
    qtbot.keyClicks(main_window.search, "jose lindq")
    assert main_window.model.rowCount() == 1
    main_window.search.clear()
    qtbot.keyClicks(main_window.search, "zx-42")
    assert main_window.model.rowCount() == 1
    qtbot.keyClick(main_window.search, Qt.Key.Key_Return)
    assert main_window.current_patient_id == main_window.model.row_at(0).id  # type: ignore[union-attr]


def test_archive_hides_and_show_archived_brings_back(main_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with main_window.db.session() as s:
        pid = create_patient(s, PatientFields("C-5", "Walsh", "Quinn", dt.date(1990, 6, 1), "female"))
    main_window.reload_patients()
    main_window.select_patient(pid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    main_window.toggle_archive()
    assert main_window.model.rowCount() == 0
    main_window.show_archived.setChecked(True)
    assert main_window.model.rowCount() == 1
    assert "(archived)" in main_window.model.data(main_window.model.index(0, 1))


def test_settings_dialog_saves_clinic_settings(main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    def drive(dialog: SettingsDialog) -> None:
        unit = dialog._editors[S.DISPLAY_UNIT.key]
        unit.setCurrentIndex(unit.findData("lbf"))  # type: ignore[attr-defined]
        preset = dialog._editors[S.ASYMMETRY_PRESET.key]
        preset.setCurrentIndex(preset.findData("humantrak_10_25"))  # type: ignore[attr-defined]
        assert dialog._editors[S.ASYMMETRY_RED_PCT.key].value() == 25.0  # type: ignore[attr-defined]
        dialog.accept()

    on_modal(drive)
    main_window.edit_settings()
    assert main_window.clinic_settings["display_unit"] == "lbf"
    assert S.asymmetry_thresholds(main_window.clinic_settings) == (10.0, 25.0)


def test_custom_thresholds_must_be_ordered(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog({"asymmetry_preset": "custom", "asymmetry_amber_pct": 20.0, "asymmetry_red_pct": 10.0})
    qtbot.addWidget(dialog)
    assert dialog.problems() == ["The amber threshold must be below the red threshold"]


def test_window_state_is_remembered(main_window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1100, 640)
    main_window.splitter.setSizes([300, 800])
    main_window.close()
    again = MainWindow(main_window.db, S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(again)
    again.show()
    assert (again.size().width(), again.size().height()) == (1100, 640)
    assert abs(again.splitter.sizes()[0] - 300) <= 2


def test_unhandled_exception_is_logged_and_shown(qtbot, monkeypatch, hiptrack_home: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack import log as hlog
    from hiptrack.gui import application

    hlog.configure(to_stderr=False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise RuntimeError("sensor exploded")
    except RuntimeError as exc:
        application.handle_exception(type(exc), exc, exc.__traceback__)
    assert "sensor exploded" in shown[0] and "Everything already recorded has been saved" in shown[0]
    assert "RuntimeError: sensor exploded" in (hiptrack_home / "logs" / "hiptrack.log").read_text()
    assert QDialog  # imported for type context


def test_every_page_shows_every_demo_patient(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Demo data is what clinics first see; every page must open on every demo patient."""
    from hiptrack.storage.demo import populate_demo
    from hiptrack.storage.startup import load_reference_data

    load_reference_data(main_window.db)
    with main_window.db.session() as s:
        populate_demo(s, patients=6)
    main_window.reload_patients()
    for row in range(main_window.model.rowCount()):
        main_window.table.selectRow(row)
        for index in range(main_window.tabs.count()):
            main_window.tabs.setCurrentIndex(index)
            qtbot.wait(5)
    assert main_window.current_patient_id is not None


def test_the_log_never_names_a_patient(main_window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Open every page for every demo patient with logging at DEBUG, then look for their names,
    chart numbers and birth dates in the log file."""
    import logging
    import re

    from hiptrack import log as hlog
    from hiptrack.storage.demo import populate_demo
    from hiptrack.storage.patients import list_patients
    from hiptrack.storage.startup import load_reference_data

    log_path = hlog.configure(level=logging.DEBUG, log_dir=tmp_path / "logs", to_stderr=False)
    assert log_path is not None
    load_reference_data(main_window.db)
    with main_window.db.session() as s:
        populate_demo(s, patients=5)
        people = list_patients(s)
    main_window.reload_patients()
    for row in range(main_window.model.rowCount()):
        main_window.table.selectRow(row)
        for index in range(main_window.tabs.count()):
            main_window.tabs.setCurrentIndex(index)
            qtbot.wait(5)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text()
    assert "patient id=" in text  # the log does record which record was opened, by id
    for person in people:
        for secret in (person.chart_number, person.last_name, person.first_name, person.date_of_birth.isoformat()):
            assert not re.search(rf"\b{re.escape(secret)}\b", text), secret
    logging.getLogger().setLevel(logging.WARNING)
