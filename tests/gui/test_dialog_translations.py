"""The dialogs and the exercise page really speak through Qt's translator at run time (issue 14).

A tiny catalogue holding a few of the dialogs' texts is compiled with pyside6-lrelease and installed;
the dialogs then show the translated words, numbers and dates follow the locale, and what they
save is still the stored code, never the translated word. Without a translator (every other test)
the same dialogs speak English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from tests.gui.catalogue import installed_catalogue

# (context, English source) → test translation: the context is the class that calls self.tr, the
# literal context of translate(...), or "Labels" for texts the pure layers mark.
MESSAGES = {
    ("PatientDialog", "New patient"): "Neuer Patient",
    ("PatientDialog", "&Chart number"): "&Karteinummer",
    ("PatientDialog", "female"): "weiblich",
    ("PatientDialog", "not recorded"): "nicht erfasst",
    ("PatientDialog", "Height"): "Größe",
    ("Labels", "Body mass {mass:g} kg is outside the plausible range {low:g}–{high:g} kg"):
        "Körpergewicht {mass:g} kg liegt außerhalb des plausiblen Bereichs {low:g}–{high:g} kg",
    ("Problems", "Please correct:\n{problems}"): "Bitte korrigieren:\n{problems}",
    ("Problems", "{field} '{text}' is not a number"): "{field} „{text}“ ist keine Zahl",
    ("VisitDialog", "Start a visit"): "Besuch beginnen",
    ("VisitDialog", "carried forward from {date} ({n} days ago)"): "übernommen vom {date} (vor {n} Tagen)",
    ("_MuscleEditor", "belt"): "Gurt",
    ("SettingsDialog", "newtons (N)"): "Newton (N)",
    ("Labels", "Display unit"): "Anzeigeeinheit",
    ("Labels", "Clinician"): "Therapeut",
    ("CliniciansDialog", "no PIN"): "keine PIN",
    ("ExerciseDialogs", "Each side"): "Jede Seite",
    ("Labels", "red"): "rot",
    ("OutcomeDialog", "{mean} of 10 ({n} activities)"): "{mean} von 10 ({n} Aktivitäten)",
    ("AuditDialog", "Any user"): "Alle Benutzer",
    ("ExercisePage", "Progra&m"): "Progra&mm",
    ("ExercisePage", "No patient selected"): "Kein Patient ausgewählt",
    ("ExercisePage", "{done} of {prescribed} sessions"): "{done} von {prescribed} Einheiten",
    ("ExercisePage", "This week so far: {sessions}."): "Diese Woche bisher: {sessions}.",
    ("ExercisePage", "active"): "aktiv",
    ("ExercisePage", "open"): "offen",
    ("ExercisePage", "Logged {n} exercises as done {date}."): "{n} Übungen als erledigt am {date} eingetragen.",
    ("ExerciseLogModel", "quick"): "schnell",
}


@pytest.fixture
def german(qtbot, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The tiny catalogue installed and the German locale set, both undone afterwards."""
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        with installed_catalogue(tmp_path, MESSAGES):
            yield
    finally:
        QLocale.setDefault(before)


def test_patient_dialog_speaks_the_catalogue_and_saves_codes(qtbot, german) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFormLayout

    from hiptrack.domain.patient_rules import PatientFields
    from hiptrack.gui.dialogs.patient_dialog import PatientDialog

    dialog = PatientDialog(lambda _fields, _mass: None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Neuer Patient"
    assert dialog.findChild(QFormLayout).labelForField(dialog.chart).text() == "&Karteinummer"
    assert dialog.sex.currentText() == "nicht erfasst"
    dialog.sex.setCurrentIndex(dialog.sex.findText("weiblich"))
    dialog.height_edit.setText("1,7x")
    fields, _mass, problems = dialog.collect()
    assert fields.sex == "female"  # the stored code, not the German word
    assert problems == ["Größe „1.7x“ ist keine Zahl"]
    dialog.show_problems(problems)
    assert dialog.problems.text().startswith("Bitte korrigieren:\n• Größe")
    dialog.height_edit.setText("1,72")
    dialog.mass.setText("720")
    dialog._on_save_requested()  # the domain's rule, a Phrase, is shown in the catalogue's words
    assert "• Körpergewicht 720 kg liegt außerhalb des plausiblen Bereichs 20–300 kg" in dialog.problems.text()
    edited = PatientDialog(lambda _f, _m: None, PatientFields("C-1", "Doe", "Jo", None, "female", height_m=1.72))
    qtbot.addWidget(edited)
    assert edited.sex.currentText() == "weiblich" and edited.height_edit.text() == "1,72"


def test_visit_dialog_words_dates_and_stored_fixation(qtbot, german, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.dialogs.visit_dialog import VisitDialog

    today = dt.date.today()
    dialog = VisitDialog(sqlite_db, "standard_hip", 70.5, {}, latest_mass_on=today - dt.timedelta(days=3))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Besuch beginnen"
    assert dialog.mass.text() == "70,5"  # the German decimal comma, read back by parse_number
    day = today - dt.timedelta(days=3)
    assert dialog.mass_source.text() == f"übernommen vom {day:%d.%m.%Y} (vor 3 Tagen)"
    editor = dialog.editors[0]
    editor.fixation.setCurrentIndex(editor.fixation.findText("Gurt"))
    assert editor.setup().fixation == "belt"


def test_settings_clinicians_exercise_and_audit_texts_are_translated(qtbot, german, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QFormLayout

    from hiptrack import settings as S
    from hiptrack.gui.dialogs.audit_dialog import AuditDialog
    from hiptrack.gui.dialogs.clinicians_dialog import CliniciansDialog
    from hiptrack.gui.dialogs.exercise_dialogs import OutcomeDialog, band_combo, band_value, side_choices
    from hiptrack.gui.dialogs.settings_dialog import SettingsDialog
    from hiptrack.storage.accounts import add_account

    settings = SettingsDialog({})
    qtbot.addWidget(settings)
    form = settings.findChild(QFormLayout)
    unit_label = form.labelForField(settings._editors[S.DISPLAY_UNIT.key])
    assert unit_label.text() == "Anzeigeeinheit"
    unit = settings._editors[S.DISPLAY_UNIT.key]
    assert isinstance(unit, QComboBox) and unit.currentText() == "Newton (N)" and settings.values()["display_unit"] == "N"

    add_account(sqlite_db, "admin", "Admin", "admin", "correct horse")
    add_account(sqlite_db, "jlee", "J. Lee", "clinician", "correct horse")
    clinicians = CliniciansDialog(sqlite_db)
    qtbot.addWidget(clinicians)
    texts = [clinicians.list.item(i).text() for i in range(clinicians.list.count())]
    assert "J. Lee  (jlee, Therapeut, keine PIN)" in texts

    assert dict(side_choices())["both"] == "Jede Seite"
    band = band_combo()
    band.setCurrentIndex(band.findText("rot"))
    assert band_value(band) == "red"  # progression rules compare the stored English level name

    outcome = OutcomeDialog("psfs", lambda _d, _v: None, dt.date.today())
    qtbot.addWidget(outcome)
    for i, name in enumerate(("Stairs", "Walking", "Running")):
        outcome.activities[i][0].setText(name)
        outcome.activities[i][1].setValue(4)
    assert outcome.mean.text() == "4,0 von 10 (3 Aktivitäten)"

    audit = AuditDialog(sqlite_db)
    qtbot.addWidget(audit)
    assert audit.user.itemText(0) == "Alle Benutzer" and audit.current_filter().actor is None  # type: ignore[union-attr]


def test_exercise_page_speaks_the_catalogue(qtbot, german, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.domain.patient_rules import PatientFields
    from hiptrack.gui.exercise_page import ExercisePage
    from hiptrack.storage import exercises as ex
    from hiptrack.storage.patients import create_patient
    from tests.gui.test_exercise_page import MONDAY, TODAY, cells, column, prescribe

    with sqlite_db.session() as s:
        ex.sync_catalog(s)
        patient = create_patient(s, PatientFields("G-7", "Lindqvist", "Elias", dt.date(1979, 6, 1), "male"),
                                 today=TODAY)
    page = ExercisePage(sqlite_db, locale="en_GB")
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    assert page.tabs.tabText(0) == "Progra&mm" and page.title.text() == "Kein Patient ausgewählt"
    prescribe(sqlite_db, patient, "clamshell", 3, 12)
    prescribe(sqlite_db, patient, "lateral_step_down", 2, 8, per_week=3)
    page.set_patient(patient)
    page.refresh()
    page.log_day.setDate(page.log_day.date().addDays(-3))  # Monday
    page.quick_button.click()
    monday = f"{MONDAY:%d.%m.%Y}"  # the German date order, four-digit year
    assert page.log_status.text() == f"2 Übungen als erledigt am {monday} eingetragen."
    assert cells(page.program_table, 0)[2:5] == [monday, "offen", "aktiv"]
    assert column(page.program_table, 5) == ["1 von 5 Einheiten", "1 von 3 Einheiten"]
    assert page.adherence_summary.text() == "Diese Woche bisher: 2 von 8 Einheiten."
    assert set(column(page.log_table, 6)) == {"schnell"} and column(page.log_table, 0)[0] == monday
    assert page.log_day.displayFormat() == "dd.MM.yyyy"


def test_standard_buttons_speak_the_locale(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Save/Cancel/Close and Yes/No come from Qt's own catalogue, which hiptrack installs with its own."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from hiptrack.reports.translation import install_qt_translations

    app = QCoreApplication.instance()
    assert install_qt_translations(app, QLocale("en_GB")) is None  # English needs none
    translator = install_qt_translations(app, QLocale("de_DE"))
    assert translator is not None
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        save, cancel = (buttons.button(b) for b in (QDialogButtonBox.StandardButton.Save,
                                                     QDialogButtonBox.StandardButton.Cancel))
        assert (save.text().replace("&", ""), cancel.text().replace("&", "")) == ("Speichern", "Abbrechen")
    finally:
        app.removeTranslator(translator)
