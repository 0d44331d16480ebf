"""The exercise page as a clinician uses it: prescribe, log (quick and detailed), adherence,
progression, catalog and outcome scores."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget
from sqlalchemy import select

from hiptrack.domain.patient_rules import PatientFields
from hiptrack.gui.dialogs.exercise_dialogs import (
    CatalogDialog,
    ExerciseEditDialog,
    LogDialog,
    OutcomeDialog,
    PrescriptionDialog,
)
from hiptrack.gui.exercise_page import ExercisePage
from hiptrack.gui.widgets import to_qdate
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.models import Exercise
from hiptrack.storage.patients import create_patient

TODAY = dt.date(2026, 11, 26)  # Thursday of ISO week 48
MONDAY = dt.date(2026, 11, 23)


def cells(table: QTableView, row: int) -> list[str]:
    """The texts a row shows (a QTableWidget, or a view on a model such as the exercise log)."""
    model = table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def column(table: QTableView, col: int) -> list[str]:
    model = table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.fixture
def patient(sqlite_db: Database) -> int:
    with sqlite_db.session() as s:
        ex.sync_catalog(s)
        return create_patient(s, PatientFields("G-7", "Lindqvist", "Elias", dt.date(1979, 6, 1), "male", 1.82,
                                               "right", "right", ""), today=TODAY)


@pytest.fixture
def page(qtbot, sqlite_db: Database, patient: int) -> ExercisePage:  # type: ignore[no-untyped-def]
    widget = ExercisePage(sqlite_db, locale="en_GB")
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_patient(patient)
    return widget


def prescribe(db: Database, patient: int, code: str, sets: int, reps: int, per_week: int = 5) -> int:
    with db.session() as s:
        eid = s.scalar(select(Exercise.id).where(Exercise.code == code))
        assert eid is not None
        return ex.prescribe(s, patient, ex.PrescriptionFields(eid, sets, reps, MONDAY, hold_s=2,
                                                              sessions_per_week=per_week))


def test_no_patient_disables_the_page(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    widget = ExercisePage(sqlite_db)
    qtbot.addWidget(widget)
    assert not widget.isEnabled() and widget.title.text() == "No patient selected"


def test_prescribe_through_the_dialog(page: ExercisePage, on_modal) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, PrescriptionDialog)
        dialog.exercise.setCurrentIndex(dialog.exercise.findText("Side-lying hip abduction"))
        assert (dialog.sets.value(), dialog.reps.value(), dialog.hold.value()) == (3, 10, 2)  # catalog defaults
        assert "ankle weight once 15" in dialog.about.text()
        dialog.resistance.setCurrentIndex(dialog.resistance.findData("ankle_weight"))
        dialog.kg.setValue(0.0)
        dialog.has_end.setChecked(True)
        dialog.end.setDate(dialog.start.date().addDays(-1))
        dialog._on_save_requested()
        seen.append(dialog.problems.text())
        assert dialog.isVisible()
        dialog.kg.setValue(1.0)
        dialog.has_end.setChecked(False)
        dialog.sides.setCurrentIndex(dialog.sides.findData("left"))
        dialog.reps.setValue(12)
        dialog._on_save_requested()

    on_modal(drive)
    page.prescribe_button.click()
    assert "ankle weight needs a mass" in seen[0] and "before the start date" in seen[0]
    assert page.program_table.rowCount() == 1
    row = cells(page.program_table, 0)
    assert row[0] == "Side-lying hip abduction"
    assert row[1] == "3 × 12, hold 2 s, left side, ankle weight 1.0 kg, 5×/week"
    assert row[2:5] == [TODAY.isoformat(), "open", "active"]


def test_quick_log_by_shortcut_and_adherence(qtbot, page: ExercisePage, sqlite_db: Database, patient: int) -> None:  # type: ignore[no-untyped-def]
    prescribe(sqlite_db, patient, "clamshell", 3, 12)
    prescribe(sqlite_db, patient, "lateral_step_down", 2, 8, per_week=3)
    page.refresh()
    changed: list[int] = []
    page.program_changed.connect(changed.append)
    page.log_day.setDate(page.log_day.date().addDays(-3))  # Monday
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.program_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut animates the click, which lands a moment later.
    qtbot.waitUntil(lambda: page.log_status.text() == "Logged 2 exercises as done 2026-11-23.")
    assert changed == [patient]
    page.log_day.setDate(page.log_day.date().addDays(3))  # today
    page.quick_button.click()
    assert page.log_status.text() == "Logged 2 exercises as done today."
    page.quick_button.click()
    assert "already logged" in page.log_status.text()
    page.tabs.setCurrentIndex(1)  # the Log tab: it is read and filled when shown (issue 13)
    assert page.log_table.model().rowCount() == 4
    assert set(column(page.log_table, 3)) == {"done as prescribed"}
    # Week 48 so far (Mon–Thu), counted as prescribed: clamshell 2 of 5, the step down 2 of 3 → 4 of 8.
    week = cells(page.adherence_table, 0)
    assert week[0] == "2026-W48" and week[2:] == ["4", "8", "50 % so far"]
    assert "This week so far: 4 of 8 sessions" in page.adherence_summary.text()
    assert column(page.program_table, 5) == ["2 of 5 sessions", "2 of 3 sessions"]


def test_detailed_log_edit_and_void(page: ExercisePage, sqlite_db: Database, patient: int, on_modal,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    prescribe(sqlite_db, patient, "cook_hip_lift", 3, 10)
    page.refresh()
    page.program_table.selectRow(0)

    def detailed(dialog: QWidget) -> None:
        assert isinstance(dialog, LogDialog)
        assert (dialog.sets.value(), dialog.reps.value()) == (3, 10)  # starts from the prescription
        dialog.side.setCurrentIndex(dialog.side.findData("left"))
        dialog.reps.setValue(8)
        dialog.pain.setValue(4)
        dialog.difficulty.setValue(7)
        dialog.notes.setPlainText("hamstring cramp")
        dialog._on_save_requested()

    on_modal(detailed)
    page.detail_button.click()
    page.tabs.setCurrentIndex(1)  # the Log tab: it is read and filled when shown (issue 13)
    assert page.log_table.model().rowCount() == 1
    assert cells(page.log_table, 0)[:8] == [TODAY.isoformat(), "Cook hip lift", "Left", "3 × 8, hold 2 s", "4/10",
                                            "7/10", "detailed", "hamstring cramp"]

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, LogDialog)
        assert dialog.pain.value() == 4
        dialog.pain.setValue(0)  # corrected: no pain after all
        dialog._on_save_requested()

    page.log_table.selectRow(0)
    on_modal(edit)
    page.edit_entry_button.click()
    assert cells(page.log_table, 0)[4] == "0/10"
    with sqlite_db.session() as s:
        entry_id = ex.list_log_entries(s, patient)[0].id
        history = ex.record_history(s, "exercise_log_entries", entry_id)
    assert [h.action for h in history] == ["create", "update"]
    assert history[1].changes["pain_during"] == {"old": 4, "new": 0}

    monkeypatch.setattr(page, "confirm", lambda *_a: True)
    page.log_table.selectRow(0)
    page.void_entry_button.click()
    assert page.log_table.model().rowCount() == 0


def test_progression_suggestion_accept(page: ExercisePage, sqlite_db: Database, patient: int) -> None:
    prescribe(sqlite_db, patient, "sidelying_hip_abduction", 3, 15)
    page.refresh()
    assert page.suggestion_table.isHidden() and not page.no_suggestions.isHidden()
    for day in (MONDAY, MONDAY + dt.timedelta(days=1)):
        page.log_day.setDate(to_qdate(day))
        page.quick_button.click()
    assert page.suggestion_table.rowCount() == 1
    assert "add 0.5 kg ankle weight" in cells(page.suggestion_table, 0)[1]
    page.suggestion_table.selectRow(0)
    page.accept_button.click()
    assert page.suggestion_table.rowCount() == 0
    assert "ankle weight 0.5 kg" in cells(page.program_table, 0)[1]


def test_catalog_add_clinic_exercise_then_prescribe_it(page: ExercisePage, sqlite_db: Database, on_modal) -> None:  # type: ignore[no-untyped-def]
    catalog = CatalogDialog(sqlite_db, "en", page)
    assert catalog.table.rowCount() == 5 and set(column(catalog.table, 1)) == {"built-in"}

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ExerciseEditDialog)
        dialog.name.setText("Monster walk")
        dialog.target.setText("Gluteus medius")
        dialog.params.setText("{not json")
        dialog._on_save_requested()
        assert "Rule parameters must be written like" in dialog.problems.text()
        dialog.rule.setCurrentIndex(dialog.rule.findData("reps_then_band"))
        dialog.params.setText('{"reps": 20, "levels": ["red", "green"]}')
        dialog._on_save_requested()

    on_modal(add)
    catalog.add_button.click()
    assert catalog.table.rowCount() == 6
    assert cells(catalog.table, 5)[:2] == ["Monster walk (clinic's own)", "clinic's own"]
    catalog.close()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, PrescriptionDialog)
        index = dialog.exercise.findText("Monster walk (clinic's own)")
        assert index >= 0
        dialog.exercise.setCurrentIndex(index)
        dialog._on_save_requested()

    on_modal(choose)
    page.prescribe_button.click()
    assert cells(page.program_table, 0)[0] == "Monster walk (clinic's own)"


def test_outcome_scores_with_mcic_marked_in_words(page: ExercisePage, on_modal) -> None:  # type: ignore[no-untyped-def]
    def nprs(value: int, back_days: int):  # type: ignore[no-untyped-def]
        def drive(dialog: QWidget) -> None:
            assert isinstance(dialog, OutcomeDialog)
            dialog.day.setDate(dialog.day.date().addDays(-back_days))
            dialog.rating.setValue(value)
            dialog._on_save_requested()
        return drive

    page.tabs.setCurrentIndex(2)  # the Outcome scores tab: read and filled when shown (issue 13)
    on_modal(nprs(7, 28))
    page.nprs_button.click()
    on_modal(nprs(5, 0))
    page.nprs_button.click()

    def psfs(dialog: QWidget) -> None:
        assert isinstance(dialog, OutcomeDialog)
        dialog.activities[0][0].setText("Stairs")
        dialog.activities[0][1].setValue(3)
        dialog._on_save_requested()
        assert "PSFS needs 3 to 5 activities (got 1)" in dialog.problems.text()
        for i, (name, score) in enumerate((("Running", 5), ("Sitting", 4))):
            dialog.activities[i + 1][0].setText(name)
            dialog.activities[i + 1][1].setValue(score)
        assert dialog.mean.text().startswith("4.0 of 10")
        dialog._on_save_requested()

    on_modal(psfs)
    page.psfs_button.click()
    rows = [cells(page.score_table, r) for r in range(page.score_table.rowCount())]
    nprs_latest = next(r for r in rows if r[1] == "NPRS" and r[0] == TODAY.isoformat())
    # clinical.md §7: 7 → 5 reaches the 2-point MCIC although 28.6 % < 30 %.
    assert nprs_latest[2] == "5 / 10"
    assert nprs_latest[3] == "−2 points (29 % better)  ✔ MCIC reached"
    psfs_row = next(r for r in rows if r[1] == "PSFS")
    assert psfs_row[2] == "4.0  (Stairs 3, Running 5, Sitting 4)" and psfs_row[3] == "baseline"


def test_odi_and_nprs_have_no_prefilled_score(page: ExercisePage, on_modal) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: a score nobody typed must never be saved as a measurement."""
    seen: list[str] = []

    def save_untouched(dialog: QWidget) -> None:
        assert isinstance(dialog, OutcomeDialog)
        shown = dialog.odi if dialog.instrument == "odi" else dialog.rating
        seen.append(shown.text())
        dialog._on_save_requested()
        seen.append(dialog.problems.text())
        assert dialog.isVisible()
        dialog.reject()

    page.tabs.setCurrentIndex(2)  # the Outcome scores tab: read and filled when shown (issue 13)
    on_modal(save_untouched)
    page.odi_button.click()
    on_modal(save_untouched)
    page.nprs_button.click()
    assert seen[0] == "not entered" and "Enter the" in seen[1]
    assert seen[2] == "not entered" and "Enter the" in seen[3]
    assert page.score_table.rowCount() == 0


def test_a_second_log_of_one_exercise_on_one_day_asks_first(page: ExercisePage, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                             patient: int, on_modal) -> None:
    from PySide6.QtWidgets import QMessageBox

    prescribe(sqlite_db, patient, "clamshell", 3, 12)
    page.refresh()
    page.program_table.selectRow(0)
    page.log_day.setDate(to_qdate(TODAY))
    page.quick_button.click()
    questions: list[str] = []

    def log_again(dialog: QWidget) -> None:
        assert isinstance(dialog, LogDialog)

        def refuse(box: QMessageBox) -> None:
            questions.append(box.text())
            box.button(QMessageBox.StandardButton.No).click()

        on_modal(refuse)
        dialog._on_save_requested()
        questions.append(dialog.problems.text())
        dialog.reject()

    on_modal(log_again)
    page._on_detailed_log()
    assert "already logged for 2026-11-26" in questions[0] and "second time" in questions[0]
    assert "Not logged" in questions[1]
    page.tabs.setCurrentIndex(1)  # the Log tab: it is read and filled when shown (issue 13)
    assert page.log_table.model().rowCount() == 1


def test_editing_a_built_in_exercise_says_so_above_the_form_and_saves_with_save(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

    saved: list[ex.ExerciseFields] = []
    built_in = ex.ExerciseInfo(1, "clam", ex.ExerciseFields(name="Clamshell"), is_custom=False, edited=False,
                               archived=False)
    dialog = ExerciseEditDialog(saved.append, built_in)
    qtbot.addWidget(dialog)
    first = dialog.layout().itemAt(0).widget()
    assert isinstance(first, QLabel) and first.text().startswith("Built-in exercise")
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert [f.name for f in saved] == ["Clamshell"] and dialog.result() == QDialog.DialogCode.Accepted
    own = ExerciseEditDialog(saved.append, None)
    qtbot.addWidget(own)
    assert own.layout().itemAt(0).widget() is None  # the form comes first: no note for a new exercise
    own.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert own.result() == QDialog.DialogCode.Rejected and len(saved) == 1
