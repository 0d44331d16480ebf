"""Issue 14: the errors the lower layers raise reach the screen in the catalogue's words.

The storage and device layers raise with a marked text or a Phrase (English in `str(exc)`, which
logs, the CLI and tests keep); the screens show them through `label()` / `error_text()`. A probe
catalogue (German made up for the test) proves each path asks Qt at runtime and keeps the values.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceStatus
from hiptrack.acquisition.session import DeviceSession
from hiptrack.gui.device_bar import DeviceBar
from hiptrack.gui.dialogs.audit_dialog import AuditDialog
from hiptrack.gui.dialogs.reliability_dialog import ReliabilityDialog
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage.database import Database
from tests.gui.catalogue import installed_catalogue
from tests.gui.test_main_window import duplicate_chart_problems

GERMAN = {
    ("Labels", "Chart number {chart} is already used by another patient"): "Aktennummer {chart} ist schon vergeben",
    ("Labels", "no patient with chart number {chart}"): "kein Patient mit Aktennummer {chart}",
    ("Labels", "Patient id {id} does not exist"): "Patient Nr. {id} gibt es nicht",
    ("Labels", "Device not available: {problem}. Retrying…"): "Gerät nicht verfügbar: {problem}. Neuer Versuch…",
    ("Labels", "cannot open {port}: {detail}"): "{port} lässt sich nicht öffnen: {detail}",
}


def test_a_duplicate_chart_number_is_refused_in_the_catalogue_s_words(main_window: MainWindow, on_modal,  # type: ignore[no-untyped-def]
                                                                      tmp_path: Path) -> None:
    with installed_catalogue(tmp_path, GERMAN):
        problems = duplicate_chart_problems(main_window, on_modal)
    assert "Aktennummer C-1 ist schon vergeben" in problems
    assert "already used" not in problems


def test_a_vanished_patient_reaches_the_message_box_translated(main_window: MainWindow, monkeypatch,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    main_window.current_patient_id = 987  # deleted on another workstation meanwhile
    with installed_catalogue(tmp_path, GERMAN):
        main_window.edit_patient()
    assert shown == ["Patient Nr. 987 gibt es nicht"]


def test_an_unknown_chart_number_is_said_in_the_catalogue_s_words(qtbot, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AuditDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.chart.setText("HT-404")
    with installed_catalogue(tmp_path, GERMAN):
        dialog.refresh()
    assert dialog.status.text() == "kein Patient mit Aktennummer HT-404"


def test_a_port_that_cannot_be_opened_is_said_in_the_catalogue_s_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reader = DeviceReader(DeviceConfig("mark10", str(tmp_path / "no-such-tty"), 115200))
    statuses: list[DeviceStatus] = []
    reader.status_changed.connect(statuses.append)
    reader._stop.set()  # the retry pause after the failed open returns at once
    assert reader._open(0) is None
    bar = DeviceBar(DeviceSession(), S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(bar)
    with installed_catalogue(tmp_path, GERMAN):
        bar.show_status(statuses[-1])
    shown = bar.state_label.text()
    assert shown.startswith(f"■ Gerät nicht verfügbar: {tmp_path / 'no-such-tty'} lässt sich nicht öffnen: "), shown
    assert shown.endswith(". Neuer Versuch…")
    assert str(statuses[-1].message).startswith(f"Device not available: cannot open {tmp_path / 'no-such-tty'}: ")


def test_a_domain_refusal_in_a_dialog_is_said_in_the_catalogue_s_words(main_window: MainWindow, on_modal,  # type: ignore[no-untyped-def]
                                                                      tmp_path: Path) -> None:
    seen: list[str] = []

    def fill(dialog: ReliabilityDialog) -> None:
        _code, sd, icc, _unit = dialog.rows[0]
        sd.setText("12")
        icc.setText("1.5")
        dialog._on_save()
        seen.append(dialog.problems.text())
        dialog.reject()

    with installed_catalogue(tmp_path, {("Labels", "ICC {icc_value:g} is outside 0–1"): "ICC {icc_value:g} liegt "
                                        "außerhalb von 0–1"}):
        on_modal(fill)
        main_window.edit_reliability()
    assert "ICC 1.5 liegt außerhalb von 0–1" in seen[0]
