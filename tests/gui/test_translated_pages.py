"""Issue 14: the pages show their texts through Qt's translator, so a catalogue changes what is shown.

Each test installs a probe catalogue of a few of a page's texts (German made up for the test, the
real catalogue is filled in by translators) and builds the page: it must show the translation,
with the values still filled in. Without a translator (every other test) the pages speak English.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.patient_banner import PatientBanner, identity_text
from hiptrack.gui.visit_guard import leave_question
from hiptrack.gui.welcome import WelcomePanel
from tests.gui.catalogue import installed_catalogue
from tests.gui.test_progress_page import show_progress_page

PATIENT = PatientFields("HT-01004", "Dubois", "Marie", dt.date(1961, 5, 2), None, involved_side="left")


def test_the_welcome_speaks_the_catalogue(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with installed_catalogue(tmp_path, {
        ("WelcomePanel", "Welcome to hiptrack"): "Willkommen bei hiptrack",
        ("WelcomePanel", "Connect a gauge"): "Messgerät verbinden",
        ("WelcomePanel", "not set yet"): "noch nicht festgelegt",
    }):
        panel = WelcomePanel()
        qtbot.addWidget(panel)
        panel.show_progress("", gauge_connected=False)
    assert panel.gauge.text() == "Messgerät verbinden"
    assert panel.clinic_state.text() == "noch nicht festgelegt"
    assert "Willkommen bei hiptrack" in [w.text() for w in panel.findChildren(type(panel.clinic_state))]


def test_the_banner_translates_whole_phrases_and_keeps_the_values(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with installed_catalogue(tmp_path, {
        ("PatientBanner", "No patient selected"): "Kein Patient ausgewählt",
        ("PatientBanner", "chart {chart}"): "Akte {chart}",
        ("PatientBanner", "born {date} ({age} y)"): "geb. {date} ({age} J.)",
        ("PatientBanner", "involved side: {side}"): "betroffene Seite: {side}",
        ("Labels", "left"): "links",
    }):
        banner = PatientBanner()
        qtbot.addWidget(banner)
        empty = banner.text()
        text = identity_text(PATIENT, dt.date(2026, 11, 30))
    assert empty == "Kein Patient ausgewählt"
    assert text == "Dubois, Marie  ·  Akte HT-01004  ·  geb. 1961-05-02 (65 J.)  ·  betroffene Seite: links"


def test_leaving_a_visit_is_asked_in_the_catalogue_s_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    english = leave_question("Dubois, Marie", 7, 12)
    source = ("Leave {name}'s visit? {accepted} of {planned} trials are recorded; you can resume it later. "
              "Until it is finished, its results are shown as unfinished and not compared with other visits.")
    with installed_catalogue(tmp_path, {("VisitGuard", source): "Besuch von {name} verlassen? {accepted} von "
                                        "{planned} Versuchen sind gespeichert."}):
        german = leave_question("Dubois, Marie", 7, 12)
    assert english.startswith("Leave Dubois, Marie's visit? 7 of 12 trials are recorded")
    assert german == "Besuch von Dubois, Marie verlassen? 7 von 12 Versuchen sind gespeichert."


def test_the_device_bar_speaks_the_catalogue(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack import settings as S
    from hiptrack.acquisition.session import DeviceSession
    from hiptrack.gui.device_bar import DeviceBar

    monkeypatch.setattr("hiptrack.devices.ports.list_ports", lambda: [])
    with installed_catalogue(tmp_path, {
        ("DeviceBar", "Connect"): "Verbinden",
        ("DeviceBar", "{baud} baud"): "{baud} Baud",
        ("DeviceBar", "Arduino / HX711 (one number per line)"): "Arduino / HX711 (eine Zahl pro Zeile)",
        ("DeviceBar", "■ Choose the serial port the dynamometer is plugged into."): "■ Seriellen Anschluss wählen.",
    }):
        bar = DeviceBar(DeviceSession(), S.WorkstationSettings(tmp_path / "ws.json"))
        qtbot.addWidget(bar)
        bar.toggle_connection()
    assert bar.connect_button.text() == "Verbinden"
    assert bar.baud.itemText(1) == "9600 Baud"
    assert bar.protocol.itemText(bar.protocol.findData("line")) == "Arduino / HX711 (eine Zahl pro Zeile)"
    assert bar.state_label.text() == "■ Seriellen Anschluss wählen."


def test_the_start_up_backup_reports_in_the_catalogue_s_words(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    from hiptrack.gui.startup_backup import StartupBackup

    window = QMainWindow()
    qtbot.addWidget(window)
    with installed_catalogue(tmp_path, {("StartupBackup", "Start-up backup failed: {problem}"):
                                        "Sicherung beim Start fehlgeschlagen: {problem}"}):
        StartupBackup(window, sqlite_db)._on_failed("disk full")
    assert window.statusBar().currentMessage() == "Sicherung beim Start fehlgeschlagen: disk full"


def test_sign_in_speaks_the_catalogue(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from hiptrack.gui.sign_in import SignInDialog

    with installed_catalogue(tmp_path, {
        ("SignInDialog", "Create and sign in"): "Anlegen und anmelden",
        ("SignInDialog", "The two passwords differ"): "Die beiden Passwörter sind verschieden",
    }):
        dialog = SignInDialog(sqlite_db)  # an empty database: the first admin is created
        qtbot.addWidget(dialog)
        dialog.username.setText("boss")
        dialog.password.setText("a long password")
        dialog.again.setText("another password")
        assert not dialog.submit()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Anlegen und anmelden"
    assert dialog.findChild(QLabel, "signInMessage").text() == "Die beiden Passwörter sind verschieden"


def test_the_overview_and_patient_list_speak_the_catalogue(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from hiptrack.gui.overview_page import OverviewPage
    from hiptrack.gui.patient_list import PatientListModel
    from hiptrack.storage.visits import list_visits
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
        statuses = {v.status for v in list_visits(s, pid)}
    assert "completed" in statuses
    with installed_catalogue(tmp_path, {
        ("OverviewPage", "Body mass"): "Körpermasse",
        ("OverviewPage", "{mass} kg on {date}"): "{mass} kg am {date}",
        ("OverviewPage", "completed"): "abgeschlossen",
        ("PatientListModel", "Date of birth"): "Geburtsdatum",
    }):
        page = OverviewPage(sqlite_db)
        qtbot.addWidget(page)
        page.set_patient(pid)
        page.refresh()
        header = PatientListModel().headerData(2, Qt.Orientation.Horizontal)
    mass_title = page.facts.labelForField(page._fact_labels["body_mass"])
    assert mass_title is not None and mass_title.text() == "Körpermasse"
    assert " kg am " in page._fact_labels["body_mass"].text()
    visit_statuses = [page.visit_table.item(r, 1).text() for r in range(page.visit_table.rowCount())]
    assert "abgeschlossen" in visit_statuses
    assert header == "Geburtsdatum"


def test_the_patient_view_speaks_the_catalogue(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.patient_view import PatientView
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    with installed_catalogue(tmp_path, {
        ("PatientView", "{first_name}, here is your progress"): "{first_name}, so geht es voran",
        ("PatientView", "Your progress"): "Ihr Fortschritt",
    }):
        view = PatientView(sqlite_db, pid)
        qtbot.addWidget(view)
    view._unlocked = True
    assert view.title.text() == "Ada, so geht es voran"
    assert view.windowTitle() == "Ihr Fortschritt"


def test_an_optional_field_says_not_recorded_in_the_catalogue_s_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.widgets import optional_spin

    with installed_catalogue(tmp_path, {("Widgets", "not recorded"): "nicht erfasst"}):
        spin = optional_spin(10)
    assert spin.specialValueText() == "nicht erfasst"


def test_the_main_window_speaks_the_catalogue(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack import settings as S
    from hiptrack.gui.main_window import MainWindow
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        D.standard_patient(s)
    with installed_catalogue(tmp_path, {
        ("MainWindow", "&Strength testing"): "&Kraftmessung",
        ("MainWindow", "&File"): "&Datei",
        ("MainWindow", "1 patient"): "1 Patient",
        ("MainWindow", "{shown} of 1 patient"): "{shown} von 1 Patient",
    }):
        window = MainWindow(sqlite_db, S.WorkstationSettings(tmp_path / "ws.json"))
        qtbot.addWidget(window)
        listed = window.count_label.text()
        window.search.setText("nobody by this name")
        searched = window.count_label.text()
    assert window.tabs.tabText(window.tabs.indexOf(window.strength)) == "&Kraftmessung"
    assert window.menuBar().actions()[0].text() == "&Datei"
    assert (listed, searched) == ("1 Patient", "0 von 1 Patient")


def test_the_patient_count_is_english_without_a_catalogue(main_window) -> None:  # type: ignore[no-untyped-def]
    assert main_window._count_text(12, 12) == "12 patients"
    assert main_window._count_text(1, 1) == "1 patient"
    assert main_window._count_text(3, 12) == "3 of 12 patients"
    assert main_window._count_text(0, 1) == "0 of 1 patient"


def test_the_progress_page_speaks_the_catalogue_and_the_locale(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from hiptrack.gui.progress_page import ts
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        with installed_catalogue(tmp_path, {
            ("ProgressPage", "Save as PNG…"): "Als PNG speichern…",
            ("ProgressPage", "Left"): "Links",
            ("ProgressPage", "Home exercise adherence (%) and ankle weight (kg)"):
                "Übungstreue (%) und Gewichtsmanschette (kg)",
        }):
            page = show_progress_page(qtbot, sqlite_db, pid)
            page.set_metric("n")
            hover = page.hover_text(ts(D.dt.date(2026, 9, 21)))
    finally:
        QLocale.setDefault(before)
    assert page.export_png_button.text() == "Als PNG speichern…"
    assert "Links 170,0 N (22. Sept. 2026)" in hover  # the catalogue's side, the locale's number and date
    assert any(p.title == "Übungstreue (%) und Gewichtsmanschette (kg)" for p in page.panels)


def test_a_date_editor_writes_the_date_as_the_locale_does(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from hiptrack.gui.widgets import date_edit

    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        edit = date_edit(dt.date(2026, 11, 3))
        qtbot.addWidget(edit)
    finally:
        QLocale.setDefault(before)
    assert edit.text() == "03.11.2026"


def _trial_screen(qtbot, db):  # type: ignore[no-untyped-def]
    from hiptrack import settings as S
    from hiptrack.acquisition.session import DeviceSession
    from hiptrack.domain.positions import BATTERIES
    from hiptrack.gui.dialogs.visit_dialog import MuscleSetup, VisitSetup
    from hiptrack.gui.trial_screen import TrialScreen
    from hiptrack.storage.patients import create_patient
    from hiptrack.storage.visits import start_visit

    with db.session() as s:
        pid = create_patient(s, PatientFields("T-1", "Trial", "Tess", dt.date(1980, 1, 1), "female"))
        vid = start_visit(s, pid, dt.date.today(), None, "standard_hip", body_mass_kg=70.0)
    battery = BATTERIES["standard_hip"]
    setup = VisitSetup(dt.date.today(), None, 70.0, None, battery, tuple(
        MuscleSetup(m, battery.position_of(m), "make", 0.4, "hand") for m in battery.muscles))
    clinic = {setting.key: setting.default for setting in S.clinic_settings()}
    clinic[S.REST_SECONDS.key] = 0
    screen = TrialScreen(db=db, session=DeviceSession(), patient_id=pid, visit_id=vid, setup=setup, clinic=clinic)
    qtbot.addWidget(screen)
    return screen


def test_the_trial_screen_speaks_the_catalogue(qtbot, sqlite_db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.unit.operations.test_recording import capture

    offered: list[list[str]] = []

    def choose(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "Schmerz", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with installed_catalogue(tmp_path, {
        ("TrialScreen", "{muscle} · {side} · trial {number} of {planned}"): "{muscle} · {side} · Versuch {number} von {planned}",
        ("TrialScreen", "LEFT"): "LINKS",
        ("TrialScreen", "Accept  [Enter]"): "Übernehmen  [Enter]",
        ("TrialScreen", "pain"): "Schmerz",
        ("TrialScreen", "✓ accepted"): "✓ übernommen",
    }):
        screen = _trial_screen(qtbot, sqlite_db)
        try:
            title = screen.step_label.text()
            screen._on_trial_captured(capture(180.0))
            screen.accept_trial()
            screen._on_trial_captured(capture(150.0))
            screen.reject_trial()
            statuses = [screen.trials.item(r, 3).text() for r in range(screen.trials.rowCount())]
        finally:
            screen.detach()
    assert title.startswith("Gluteus medius · LINKS · Versuch 1 von")
    assert screen.buttons["accept"].text() == "Übernehmen  [Enter]"
    assert "Schmerz" in offered[0]
    assert statuses[0] == "✓ übernommen" and statuses[1] == "✗ Schmerz"
    with sqlite_db.session() as s:  # stored in English whatever the language shown
        from hiptrack.storage.models import Trial

        reasons = [t.reject_reason for t in s.query(Trial).all() if t.reject_reason]
    assert reasons == ["pain"]


def test_the_usual_reject_reasons_include_the_redo_reason_as_stored() -> None:
    from hiptrack.gui.trial_screen import REJECT_REASONS, reason_text, stored_reason
    from hiptrack.operations.recording import REDO_REASON

    assert REDO_REASON in REJECT_REASONS
    assert stored_reason(reason_text("pain")) == "pain" and stored_reason("pulled a hamstring") == "pulled a hamstring"


def test_the_results_speak_the_catalogue_and_the_locale(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from hiptrack.gui.results_panel import ResultsPanel, muscle_html
    from tests.gui.test_results_bars import row

    change = {"delta": -3.75, "unit": "N", "beyond_mdc": True, "mdc": 2.5}
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        with installed_catalogue(tmp_path, {
            ("ResultsPanel", "Primary score"): "Hauptwert",
            ("ResultsPanel", "{muscle} — {position}, make test"): "{muscle} — {position}, Make-Test",
            ("ResultsPanel", "{difference}, {side} weaker"): "{difference}, {side} schwächer",
            ("ResultsPanel", "{change} ◆ beyond MDC {mdc}"): "{change} ◆ jenseits des MDC {mdc}",
            ("Labels", "left"): "links",
            ("Labels", "Left"): "Links",
        }):
            panel = ResultsPanel()
            qtbot.addWidget(panel)
            panel.setHtml(muscle_html(row(change={"previous": {"left": change}}), "N"))
            text = panel.toPlainText()
    finally:
        QLocale.setDefault(before)
    assert "Gluteus medius — " in text and ", Make-Test" in text
    assert "Hauptwert" in text and "150,0 N" in text
    assert "25,0 %, links schwächer" in text
    assert "\u22123,8 N ◆ jenseits des MDC 2,5" in text  # a real minus and the German decimal comma


def test_the_strength_page_speaks_the_catalogue(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack import settings as S
    from hiptrack.acquisition.session import DeviceSession
    from hiptrack.gui.strength_page import StrengthPage

    clinic = {setting.key: setting.default for setting in S.clinic_settings()}
    with installed_catalogue(tmp_path, {
        ("StrengthPage", "Start a &visit  [Ctrl+T]"): "Besuch &beginnen  [Strg+T]",
        ("StrengthPage", "Select a patient to test"): "Patienten zum Testen wählen",
    }):
        page = StrengthPage(sqlite_db, DeviceSession(), S.WorkstationSettings(tmp_path / "ws.json"), clinic)
        qtbot.addWidget(page)
        page.refresh()
    assert page.start_button.text() == "Besuch &beginnen  [Strg+T]"
    assert page.heading.text() == "Patienten zum Testen wählen"


def test_the_device_status_line_speaks_the_catalogue_and_the_locale(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The acquisition layer's status messages are Phrases: the device bar shows them translated whole,
    with the count and the limit in the reader's locale, while their English text stays the same."""
    from types import SimpleNamespace

    from PySide6.QtCore import QLocale

    from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceState, DeviceStatus
    from hiptrack.acquisition.session import NO_DEVICE
    from hiptrack.gui.device_bar import status_text

    reader = DeviceReader(DeviceConfig("mark10", "/dev/ttyUSB0"))
    driver = SimpleNamespace(invalid_total=2, limit_source="the clinic's limit", limit_n=1500.0)
    message = reader._streaming_message(driver)
    assert message == ("mark10 on /dev/ttyUSB0: receiving; 2 implausible readings ignored (not a number, or beyond "
                       "the clinic's limit, 1500 N)")
    source = ("{device}: receiving; {invalid} implausible readings ignored (not a number, or beyond {limit}, "
              "{limit_n:.0f} N)")
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        with installed_catalogue(tmp_path, {
            ("Labels", "{protocol} on {port}"): "{protocol} an {port}",
            ("Labels", source): "{device}: empfängt; {invalid} unplausible Werte verworfen (über {limit_n:.0f} N)",
            ("Labels", "No dynamometer connected"): "Kein Dynamometer verbunden",
        }):
            streaming = status_text(DeviceStatus(DeviceState.STREAMING, message))
            stopped = status_text(DeviceStatus(DeviceState.STOPPED, NO_DEVICE))
    finally:
        QLocale.setDefault(before)
    assert streaming == "● mark10 an /dev/ttyUSB0: empfängt; 2 unplausible Werte verworfen (über 1500 N)"
    assert stopped == "○ Kein Dynamometer verbunden"


def test_a_percentile_is_written_with_the_catalogue_s_ordinal(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.results_panel import norm_text

    z = {"available": True, "kind": "z_score", "z": -0.5, "percentile": 31.0, "source": "Ramskov 2014"}
    assert norm_text(z).startswith("z \u22120.50 (31st percentile)")
    with installed_catalogue(tmp_path, {
        ("ResultsPanel", "{n}st"): "{n}.",
        ("ResultsPanel", "z {z} ({percentile} percentile) {source}"): "z {z} ({percentile} Perzentile) {source}",
    }):
        german = norm_text(z)
    assert german.startswith("z \u22120.50 (31. Perzentile)")


def test_the_time_axis_names_months_in_the_locale_s_language(qtbot, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from hiptrack.gui.progress_page import ts
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    page = show_progress_page(qtbot, sqlite_db, pid)
    axis = page.panels[0].plot.getAxis("bottom")
    low, high = ts(dt.date(2026, 8, 1)), ts(dt.date(2026, 12, 31))

    def month_ticks() -> list[str]:
        levels = axis.tickValues(low, high, 800)  # also picks pyqtgraph's zoom level for this range
        spacing, values = next((sp, v) for sp, v in levels if 25 * 86400 < sp < 32 * 86400)
        return list(axis.tickStrings(values, 1.0, spacing))

    assert "Sep" in month_ticks() and "Oct" in month_ticks()
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        german = month_ticks()
    finally:
        QLocale.setDefault(before)
    assert "Okt." in german and "Oct" not in german


def test_the_overlay_says_why_a_trial_is_not_drawn_in_the_catalogue_s_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.domain.overlay import COUNTED, TraceInput, side_overlay
    from hiptrack.gui.trial_overlay import caption_html

    typed = TraceInput(1, COUNTED, None, "manual", None, None, None)
    lost = TraceInput(2, COUNTED, None, "stream", None, None, None)
    sides = {"left": side_overlay("left", [typed, lost])}
    assert "trial 1: no trace (typed in)" in caption_html(sides) and "trial 2: no trace stored" in caption_html(sides)
    with installed_catalogue(tmp_path, {
        ("Labels", "no trace (typed in)"): "keine Kurve (eingetippt)",
        ("Labels", "no trace stored"): "keine Kurve gespeichert",
    }):
        german = caption_html(sides)
    assert "trial 1: keine Kurve (eingetippt)" in german and "trial 2: keine Kurve gespeichert" in german
