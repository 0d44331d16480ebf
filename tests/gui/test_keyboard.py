"""The main window from the keyboard (issue 17): Ctrl+T, F11 and Ctrl+F from any page, Enter in
the search box opens the single match only, and no two mnemonics collide on one page."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.visit_dialog import VisitDialog
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage.clinicians import add_clinician
from hiptrack.storage.patients import create_patient


def add(window: MainWindow, chart: str, last: str) -> int:
    with window.db.session() as s:
        pid = create_patient(s, PatientFields(chart, last, "Ann", dt.date(1970, 1, 1), "female"))
    window.reload_patients()
    return pid


def focus(window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus()
    QApplication.processEvents()


def test_ctrl_t_starts_a_visit_from_the_overview(main_window: MainWindow, qtbot, on_modal) -> None:  # type: ignore[no-untyped-def]
    pid = add(main_window, "K-1", "Keys")
    main_window.select_patient(pid)
    main_window.tabs.setCurrentWidget(main_window.overview)
    focus(main_window, main_window.overview.visit_table)
    opened: list[str] = []

    def close(dialog: VisitDialog) -> None:
        opened.append(type(dialog).__name__)
        dialog.reject()

    on_modal(close)
    qtbot.keyClick(main_window.overview.visit_table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: opened == ["VisitDialog"], timeout=10_000)
    assert main_window.tabs.currentWidget() is main_window.strength


def test_f11_opens_the_patient_view_from_the_search_box(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pid = add(main_window, "K-1", "Keys")
    with main_window.db.session() as s:
        add_clinician(s, "jlee", "J. Lee", pin="246813")
    main_window.select_patient(pid)
    focus(main_window, main_window.search)
    with qtbot.waitSignal(main_window.progress.patient_view_opened, timeout=10_000):
        qtbot.keyClick(main_window.search, Qt.Key.Key_F11)
    view = main_window.progress.patient_view
    assert view is not None
    view.ask_pin = lambda: "246813"
    assert view.request_leave()


def test_ctrl_f_reaches_the_search_from_a_page(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.tabs.setCurrentWidget(main_window.exercises)
    focus(main_window, main_window.tabs)
    qtbot.keyClick(main_window.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.search.hasFocus()


def test_enter_opens_the_single_match_and_never_guesses_among_several(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    moreau = add(main_window, "K-1", "Moreau")
    add(main_window, "K-2", "Morel")
    focus(main_window, main_window.search)
    qtbot.keyClicks(main_window.search, "mor")
    qtbot.keyClick(main_window.search, Qt.Key.Key_Return)
    assert main_window.current_patient_id is None  # two matches: the clinician chooses
    assert main_window.table.hasFocus()
    focus(main_window, main_window.search)
    qtbot.keyClicks(main_window.search, "eau")
    qtbot.keyClick(main_window.search, Qt.Key.Key_Return)
    assert main_window.current_patient_id == moreau
    assert not main_window.search.hasFocus()


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics_in(widget: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        out.append((mnemonic(child.text()) or "", child.text()))
    for box in widget.findChildren(QGroupBox):
        out.append((mnemonic(box.title()) or "", box.title()))
    for tabs in widget.findChildren(QTabWidget):
        out += [(mnemonic(tabs.tabText(i)) or "", tabs.tabText(i)) for i in range(tabs.count())]
    return [(key, text) for key, text in out if key]


def test_no_two_mnemonics_collide_on_any_page(main_window: MainWindow) -> None:
    window_wide = [(mnemonic(a.text()) or "", a.text()) for a in main_window.menuBar().actions()]
    window_wide += [(mnemonic(main_window.tabs.tabText(i)) or "", main_window.tabs.tabText(i))
                    for i in range(main_window.tabs.count())]
    window_wide += mnemonics_in(main_window.splitter.widget(0))
    for index in range(main_window.tabs.count()):
        seen: dict[str, list[str]] = defaultdict(list)
        for key, text in window_wide + mnemonics_in(main_window.tabs.widget(index)):
            if key:
                seen[key].append(text)
        clashes = {key: texts for key, texts in seen.items() if len(texts) > 1}
        assert clashes == {}, f"{main_window.tabs.tabText(index)}: {clashes}"


def test_no_label_shows_a_literal_ampersand(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A mnemonic "&" on a label without a buddy is drawn as an ampersand ("Body &mass today")."""
    from hiptrack.gui.dialogs.patient_dialog import PatientDialog
    from hiptrack.gui.dialogs.settings_dialog import SettingsDialog

    dialogs = [VisitDialog(main_window.db, "standard_hip", 70.0, {}), PatientDialog(lambda _f, _m: None),
               SettingsDialog(main_window.clinic_settings)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    literal = [label.text() for widget in [main_window, *dialogs] for label in widget.findChildren(QLabel)
               if mnemonic(label.text()) and label.buddy() is None and label.textFormat() != Qt.TextFormat.RichText
               and "<" not in label.text()]
    assert literal == []
