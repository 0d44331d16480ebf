"""Issue 14: a German-locale clinic gets hiptrack in German, from the catalogue that ships.

The other translation tests use a probe catalogue of a few texts; these install the real
`ui/translations/hiptrack_de.qm` the way the app does (`install_translator` with the locale) and
check what a German user would see: the menus, tabs and a dialog in German, mnemonics that still
do not collide once the German words chose their letters, and a PDF with German headings and a
decimal comma. A fixture restores English afterwards, so every other test still runs in English.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMenu

from hiptrack.gui.main_window import MainWindow
from hiptrack.reports.translation import install_translator, translate, translations_dir
from tests.gui.test_keyboard import mnemonic, mnemonics_in

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German locale and the shipped catalogue, as the app installs them; English again afterwards."""
    before = QLocale()
    QLocale.setDefault(GERMAN)
    translator = install_translator(qapp)
    assert translator is not None, "the shipped German catalogue did not load"
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_the_catalogue_loads_for_german_and_falls_back_silently_otherwise(qapp: QApplication) -> None:
    assert (translations_dir() / "hiptrack_de.qm").is_file()
    for locale in (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), QLocale.c(),
                   QLocale(QLocale.Language.French, QLocale.Country.France)):
        assert install_translator(qapp, locale) is None, locale.name()
        assert translate("MainWindow", "&File") == "&File"
    austrian = install_translator(qapp, QLocale(QLocale.Language.German, QLocale.Country.Austria))
    assert austrian is not None  # de_AT falls back to the de catalogue
    try:
        assert translate("MainWindow", "&File") == "&Datei"
    finally:
        qapp.removeTranslator(austrian)
    assert translate("MainWindow", "&File") == "&File"


def test_the_main_window_speaks_german(german: None, main_window: MainWindow) -> None:
    menus = [action.text() for action in main_window.menuBar().actions()]
    tabs = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert menus == ["&Datei", "&Untersuchung", "Daten&bank", "&Hilfe"]
    assert tabs == ["&Übersicht", "&Kraftmessung", "Übun&gen", "&Verlauf"]
    file_menu = main_window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Neuer Patient…" in [a.text() for a in file_menu.actions()]
    assert main_window.search.placeholderText().startswith("Name oder Pat.-Nr. suchen")
    assert main_window.banner.text() == "Kein Patient ausgewählt"
    assert main_window.device_label.text() == "○ Kein Dynamometer verbunden"
    assert main_window.db_label.text().startswith("SQLite-Datei ")


def test_device_messages_are_german_whole_sentences(german: None) -> None:
    """The reader's statuses are marked sentences with values (Phrase): label() translates them whole."""
    from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceState, DeviceStatus
    from hiptrack.devices.errors import DeviceError
    from hiptrack.gui.device_bar import status_text

    reader = DeviceReader(DeviceConfig("mark10", "/dev/ttyUSB0", 115200))
    silent = reader._silent_message(DeviceError("no data"))
    assert silent.startswith("No readings from /dev/ttyUSB0 at 115200 baud")  # still English underneath
    assert status_text(DeviceStatus(DeviceState.SILENT, silent)).startswith(
        "▲ Keine Messwerte von /dev/ttyUSB0 mit 115200 Baud für Protokoll mark10: Prüfen Sie")
    connecting = DeviceStatus(DeviceState.CONNECTING, reader.config.label)
    assert status_text(connecting) == "◌ mark10 an /dev/ttyUSB0"


def test_german_mnemonics_do_not_collide(german: None, main_window: MainWindow) -> None:
    """The German words chose new letters: no two on one page, and none twice in one menu."""
    for menu_action in main_window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        keys: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if mnemonic(action.text()):
                keys[mnemonic(action.text()) or ""].append(action.text())
        assert {k: v for k, v in keys.items() if len(v) > 1} == {}, menu_action.text()
    window_wide = [(mnemonic(a.text()) or "", a.text()) for a in main_window.menuBar().actions()]
    window_wide += [(mnemonic(main_window.tabs.tabText(i)) or "", main_window.tabs.tabText(i))
                    for i in range(main_window.tabs.count())]
    window_wide += mnemonics_in(main_window.splitter.widget(0))
    for index in range(main_window.tabs.count()):
        seen: dict[str, list[str]] = defaultdict(list)
        for key, text in window_wide + mnemonics_in(main_window.tabs.widget(index)):
            if key:
                seen[key].append(text)
        assert {k: v for k, v in seen.items() if len(v) > 1} == {}, main_window.tabs.tabText(index)


def test_the_patient_dialog_speaks_german(german: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.dialogs.patient_dialog import PatientDialog

    dialog = PatientDialog(lambda _fields, _mass: None)
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    assert form is not None
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(form.rowCount())]
    texts = [w.text() for w in labels if isinstance(w, QLabel)]
    assert dialog.windowTitle() == "Neuer Patient"
    assert {"&Patientennummer", "&Nachname", "&Vorname", "&Geburtsdatum"} <= set(texts), texts
    keys = [mnemonic(t) for t in texts if mnemonic(t)]
    assert len(keys) == len(set(keys)), texts



def test_the_overview_shows_each_visit_in_full(german: None, app_look: None, main_window: MainWindow,
                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    """German words are longer: "abgeschlossen" was cut to "abgeschlos…" in a fixed 100-px column."""
    from tests.unit.reports import data as D

    with main_window.db.session() as s:
        pid = D.standard_patient(s)
    main_window.reload_patients()
    main_window.select_patient(pid)
    main_window.tabs.setCurrentWidget(main_window.overview)
    table = main_window.overview.visit_table
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=10_000)
    assert table.item(0, 1).text() == "abgeschlossen"
    metrics = table.fontMetrics()
    for col in range(table.columnCount()):
        texts = [table.item(row, col).text() for row in range(table.rowCount())]
        texts.append(table.horizontalHeaderItem(col).text())
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert table.columnWidth(col) >= widest, (col, texts, table.columnWidth(col))


def test_a_german_pdf_has_german_headings_and_decimal_commas(german: None, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.reports.build import load_report_data
    from hiptrack.reports.render import write_report
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    with sqlite_db.session() as s:
        data = load_report_data(s, pid, None, today=dt.date(2026, 11, 20))
    out = tmp_path / "bericht.pdf"
    write_report(data, "clinician", out)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for heading in ("Therapeutenbericht", "Testaufbau bei dieser Untersuchung", "Ergebnisse", "Literatur"):
        assert heading in text
    assert "190,0" in text and "190.0" not in text  # the left gluteus medius peak, with a decimal comma
    assert "21.10.2026" in text  # the visit date in German order
    assert "dargestellt als Drehmoment (N·m)" in text  # a German noun keeps its capital in a sentence
    assert "Clinician summary" not in text and "Results" not in text


def test_the_german_handout_shows_the_catalog_s_german_text(german: None, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The built-in exercises carry German text (db/reference/exercises.json); the handout uses it."""
    from hiptrack.reports.build import load_report_data
    from hiptrack.reports.render import write_report
    from tests.unit.reports import data as D

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    with sqlite_db.session() as s:
        data = load_report_data(s, pid, None, today=dt.date(2026, 11, 20))
    out = tmp_path / "uebungen.pdf"
    write_report(data, "program", out)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Ihre Hausübungen" in text and "Wie oft: 5-mal pro Woche" in text
    assert "Clamshell (Muschel)" in text and "Legen Sie sich auf die Seite" in text
    assert "Lie on your side" not in text


def test_german_pages_leave_the_patient_list_its_width(german: None, app_look: None, main_window: MainWindow,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """Longer German words made the Strength page 1070 px wide at least (684 in English), the Progress
    page 1008 and Exercises 981: the window outgrew a 1280-px screen or squeezed the list to 255 px."""
    main_window.resize(1280, 800)
    qtbot.waitUntil(lambda: main_window.width() > 0)
    QApplication.processEvents()
    widest = max(main_window.tabs.widget(i).minimumSizeHint().width() for i in range(main_window.tabs.count()))
    assert main_window.width() == 1280
    assert widest <= 920, widest
    assert main_window.splitter.sizes()[0] >= 340, main_window.splitter.sizes()


def test_band_colours_are_german_on_paper_and_in_the_dialog(german: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A handout printed "Band yellow": the colour is stored in English (rules compare it) and was only
    translated inside the prescription dialog. A level the clinic typed itself stays as typed."""
    from hiptrack.domain.exercise_program import format_resistance
    from hiptrack.gui.dialogs.exercise_dialogs import band_combo
    from hiptrack.reports.translation import label

    assert label(format_resistance("band", "yellow", None)) == "Band gelb"
    assert label(format_resistance("band", "Theraband Gold", None)) == "Band Theraband Gold"
    combo = band_combo()
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == ["gelb", "rot", "grün", "blau", "schwarz"]
    assert combo.itemData(0) == "yellow"
