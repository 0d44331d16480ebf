"""The right patient, every time (issue 17): one current patient for the list, the banner and every
page; a battery in progress is never left without asking; an unfinished visit never reads as a
result. Each test drives the real main window the way a clinician would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.visit_dialog import VisitDialog
from hiptrack.gui.main_window import MainWindow
from hiptrack.gui.patient_banner import PatientBanner
from hiptrack.storage.models import Visit
from hiptrack.storage.patients import create_patient
from hiptrack.storage.visits import ensure_test, save_trial, start_visit
from tests.unit.reports import data as D

pytestmark = pytest.mark.timeout(120)


def add(window: MainWindow, chart: str, last: str, first: str, mass: float, involved: str = "left") -> int:
    with window.db.session() as s:
        return create_patient(s, PatientFields(chart, last, first, dt.date(1961, 5, 2), "female", 1.65, "right",
                                               involved), body_mass_kg=mass)


def choose(window: MainWindow, patient_id: int) -> None:
    window.reload_patients()
    assert window.select_patient(patient_id)
    assert window.current_patient_id == patient_id


def pages_patient(window: MainWindow) -> set[int | None]:
    return {page.patient_id for page in window.pages}  # type: ignore[attr-defined]


def test_a_filter_that_lists_only_another_patient_moves_every_page_to_that_patient(
        main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 1: the list showed B while the panel showed A, and the visit opened with A's mass."""
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    moreau = add(main_window, "HT-01005", "Moreau", "Luc", 88.0)
    choose(main_window, dubois)
    main_window.search.setText("moreau")
    assert main_window.model.rowCount() == 1
    assert main_window.current_patient_id == moreau
    assert pages_patient(main_window) == {moreau}
    assert "Moreau, Luc" in main_window.banner.text() and "HT-01005" in main_window.banner.text()
    assert main_window.overview.title.text().startswith("Moreau")
    seen: dict[str, str] = {}

    def look(dialog: VisitDialog) -> None:
        seen["mass"] = dialog.mass.text()
        seen["banner"] = dialog.findChild(PatientBanner).text()
        dialog.reject()

    on_modal(look)
    main_window.start_visit_anywhere()
    assert seen["mass"] == "88.0"
    assert "Moreau, Luc" in seen["banner"]


def test_a_filter_that_hides_the_current_patient_among_several_clears_it(main_window: MainWindow) -> None:
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    add(main_window, "HT-01005", "Moreau", "Luc", 88.0)
    add(main_window, "HT-01006", "Morel", "Anne", 70.0)
    choose(main_window, dubois)
    main_window.search.setText("mor")
    assert main_window.model.rowCount() == 2
    assert main_window.current_patient_id is None
    assert pages_patient(main_window) == {None}
    assert main_window.banner.text() == "No patient selected"
    assert not main_window.strength.start_button.isEnabled()
    # Clearing the search does not bring back a patient nobody chose.
    main_window.search.clear()
    assert main_window.current_patient_id is None


def test_the_banner_names_the_patient_on_every_page(main_window: MainWindow) -> None:
    """Issue 17 case 2: strength, visit dialog, trial screen and progress never showed the name."""
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0, involved="right")
    choose(main_window, dubois)
    today = dt.date.today()
    age = today.year - 1961 - ((today.month, today.day) < (5, 2))
    for index in range(main_window.tabs.count()):
        main_window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert main_window.banner.isVisible()
        text = main_window.banner.text()
        for part in ("Dubois, Marie", "chart HT-01004", "born 1961-05-02", f"({age} y)", "involved side: right"):
            assert part in text


@pytest.mark.parametrize("opener", ["prescribe", "log", "score"])
def test_every_dialog_that_records_exercise_data_shows_the_banner(main_window: MainWindow, on_modal,  # type: ignore[no-untyped-def]
                                                                  opener: str) -> None:
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    choose(main_window, dubois)
    page = main_window.exercises
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        banner = dialog.findChild(PatientBanner)
        seen.append(banner.text() if banner else "")
        seen.append(dialog.windowTitle())
        dialog.reject()  # type: ignore[attr-defined]

    if opener == "log":
        with main_window.db.session() as s:
            D.add_program(s, dubois, today_minus(30), today_minus(1))
        page.refresh()
        page.program_table.selectRow(0)
        on_modal(look)
        page._on_detailed_log()
    elif opener == "score":
        on_modal(look)
        page._on_record_score("odi")
    else:
        on_modal(look)
        page._on_prescribe()
    assert "Dubois, Marie" in seen[0] and "HT-01004" in seen[0]
    assert seen[1].endswith("— Dubois, Marie")


def today_minus(days: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=days)


def test_hover_readout_is_cleared_when_another_patient_is_selected(main_window: MainWindow) -> None:
    """Issue 17 case 3: the readout under the charts kept the first patient's values."""
    with main_window.db.session() as s:
        first = D.standard_patient(s, "R-1")
        second = D.add_patient(s, "R-2", last="Other", first="Olga")
    choose(main_window, first)
    main_window.tabs.setCurrentWidget(main_window.progress)
    QApplication.processEvents()
    box = main_window.progress.panels[0].plot.getViewBox()
    main_window.progress._on_mouse_moved(box.sceneBoundingRect().center())
    assert "Left" in main_window.progress.hover.text()
    choose(main_window, second)
    assert main_window.progress.hover.text().strip() == ""
    main_window.progress._on_mouse_moved(QPointF(-50, -50))  # outside every panel: stays empty
    assert main_window.progress.hover.text().strip() == ""


# --- guarded visits ------------------------------------------------------------------------------

def battery_with_one_trial(window: MainWindow, patient_id: int) -> int:
    with window.db.session() as s:
        visit_id = start_visit(s, patient_id, dt.date.today(), None, "standard_hip", 61.0)
        test_id = ensure_test(s, visit_id, muscle="gluteus_medius", side="left", position="hip_abd_sidelying_short",
                              method="make", lever_arm_m=0.4)
        save_trial(s, test_id, peak_force_n=151.0, entry="manual")
    return visit_id


def answer_next_question(on_modal, button: QMessageBox.StandardButton, seen: list[str]):  # type: ignore[no-untyped-def]
    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(button).click()

    on_modal(act)


def test_clicking_another_patient_during_a_battery_asks_first(main_window: MainWindow, on_modal, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 4: one stray click closed the trial screen with no warning."""
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    moreau = add(main_window, "HT-01005", "Moreau", "Luc", 88.0)
    choose(main_window, dubois)
    visit_id = battery_with_one_trial(main_window, dubois)
    main_window.strength.resume_visit()
    screen = main_window.strength.screen_widget
    assert screen is not None
    seen: list[str] = []
    answer_next_question(on_modal, QMessageBox.StandardButton.No, seen)
    row = main_window.model.row_of(moreau)
    assert row is not None
    qtbot.mouseClick(main_window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=main_window.table.visualRect(main_window.model.index(row, 0)).center())
    assert seen and seen[0].startswith("Leave Dubois's visit? 1 of 12 trials are recorded; you can resume it later")
    assert main_window.current_patient_id == dubois
    assert main_window.strength.screen_widget is screen
    assert [r.row() for r in main_window.table.selectionModel().selectedRows()] == [main_window.model.row_of(dubois)]
    # Yes: the screen closes, the visit stays unfinished for resuming.
    answer_next_question(on_modal, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(main_window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=main_window.table.visualRect(main_window.model.index(row, 0)).center())
    assert len(seen) == 2
    assert main_window.current_patient_id == moreau
    assert main_window.strength.screen_widget is None
    with main_window.db.session() as s:
        assert s.get(Visit, visit_id).status == "in_progress"  # type: ignore[union-attr]


def test_a_search_that_would_hide_the_patient_under_test_asks_and_can_be_refused(
        main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    add(main_window, "HT-01005", "Moreau", "Luc", 88.0)
    choose(main_window, dubois)
    battery_with_one_trial(main_window, dubois)
    main_window.strength.resume_visit()
    seen: list[str] = []
    answer_next_question(on_modal, QMessageBox.StandardButton.No, seen)
    main_window.search.setText("moreau")
    assert seen and "Dubois" in seen[0]
    assert main_window.current_patient_id == dubois
    assert main_window.search.text() == ""  # back to a list that shows the patient under test
    assert main_window.model.row_of(dubois) is not None
    assert main_window.strength.screen_widget is not None


def test_a_search_that_hides_the_patient_under_test_asks_once_when_the_clinician_agrees(
        main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Yes to "Leave Dubois's visit?" moves to the only match, without asking the same thing again
    (the selection handler used to ask a second time after the filter had asked)."""
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    moreau = add(main_window, "HT-01005", "Moreau", "Luc", 88.0)
    choose(main_window, dubois)
    battery_with_one_trial(main_window, dubois)
    main_window.strength.resume_visit()
    asked: list[str] = []

    def answer_yes(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_yes))
    main_window.search.setText("moreau")
    assert len(asked) == 1 and asked[0].startswith("Leave Dubois's visit?"), asked
    assert main_window.current_patient_id == moreau
    assert pages_patient(main_window) == {moreau}
    assert main_window.strength.screen_widget is None


def test_closing_the_window_during_a_battery_asks_first(main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    dubois = add(main_window, "HT-01004", "Dubois", "Marie", 61.0)
    choose(main_window, dubois)
    battery_with_one_trial(main_window, dubois)
    main_window.strength.resume_visit()
    seen: list[str] = []
    answer_next_question(on_modal, QMessageBox.StandardButton.No, seen)
    assert not main_window.close()
    assert main_window.isVisible() and seen and seen[0].startswith("Leave Dubois's visit?")
    answer_next_question(on_modal, QMessageBox.StandardButton.Yes, seen)
    assert main_window.close()


def test_an_unfinished_visit_is_never_the_latest_result(main_window: MainWindow) -> None:
    """Issue 17 case 4: after resuming, "Latest results" showed the one-trial visit as a decline."""
    with main_window.db.session() as s:
        pid = D.standard_patient(s, "R-1")
    choose(main_window, pid)
    battery_with_one_trial(main_window, pid)
    main_window.strength.refresh()
    text = main_window.strength.last_results.toPlainText()
    assert "Visit 2026-10-21" in text
    assert dt.date.today().isoformat() not in text
    assert main_window.strength.resume_button.isVisible() or not main_window.strength.isVisible()
    # The progress page leaves it out and says why.
    main_window.progress.refresh()
    assert main_window.progress.data is not None
    assert [v.date for v in main_window.progress.data.summary.visits][-1] == dt.date(2026, 10, 21)
    assert "unfinished" in main_window.progress.notice.text()


def test_the_patient_dialog_does_not_guess_sex(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 case 6: sex defaulted to female, and that choice fed the norms."""
    from hiptrack.gui.dialogs.patient_dialog import PatientDialog

    dialog = PatientDialog(lambda _fields, _mass: None)
    qtbot.addWidget(dialog)
    assert dialog.sex.currentText() == "not recorded"
    dialog.chart.setText("C-1")
    assert dialog.collect()[0].sex is None
    dialog.sex.setCurrentText("male")
    assert dialog.collect()[0].sex == "male"


def test_lsi_passing_while_the_difference_is_red_is_explained_in_words() -> None:
    """Issue 17: involved side the stronger one: LSI 135 % passes, the asymmetry is red (26 %)."""
    from hiptrack.domain.summary import MuscleSummary
    from hiptrack.gui.results_panel import muscle_html

    row = MuscleSummary("gluteus_medius", "hip_abduction", "hip_abd_sidelying_short", "make", left_n=270.0,
                        right_n=200.0, asymmetry_pct=25.9, weaker_side="right", flag="red", flag_label="difference ≥ 20 %",
                        flag_symbol="■", lsi_pct=135.0, lsi_pass=True)
    text = muscle_html(row, "N")
    assert "Why the LSI passes while the difference is red" in text
    assert "uninvolved right side is weaker by 26 %" in text
    row.lsi_pct, row.flag = 95.0, "amber"
    assert "Why the LSI passes" not in muscle_html(row, "N")
