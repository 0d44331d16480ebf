"""The dialogs' texts really pass through Qt's translator at run time (issue 14, "Translations ready").

A tiny catalogue holding a few of the dialogs' texts is compiled with pyside6-lrelease and installed;
the dialogs then show the translated words, numbers and dates follow the locale, and what they
save is still the stored code, never the translated word. Without a translator (every other test)
the same dialogs speak English.
"""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "ui" / "translations"))
import update as translations_update  # noqa: E402  (ui/translations/update.py, not a package)

# (context, English source, test translation): the context is the class that calls self.tr, the
# literal context of translate(...), or "Labels" for texts the pure layers mark.
MESSAGES = [
    ("PatientDialog", "New patient", "Neuer Patient"),
    ("PatientDialog", "&Chart number", "&Karteinummer"),
    ("PatientDialog", "female", "weiblich"),
    ("PatientDialog", "not recorded", "nicht erfasst"),
    ("PatientDialog", "Height", "Größe"),
    ("Problems", "Please correct:\n{problems}", "Bitte korrigieren:\n{problems}"),
    ("Problems", "{field} '{text}' is not a number", "{field} „{text}“ ist keine Zahl"),
    ("VisitDialog", "Start a visit", "Besuch beginnen"),
    ("VisitDialog", "carried forward from {date} ({n} days ago)", "übernommen vom {date} (vor {n} Tagen)"),
    ("_MuscleEditor", "belt", "Gurt"),
    ("SettingsDialog", "newtons (N)", "Newton (N)"),
    ("Labels", "Display unit", "Anzeigeeinheit"),
    ("Labels", "Clinician", "Therapeut"),
    ("CliniciansDialog", "{name}  ({username}, {role}, {pin})", "{name}  ({username}, {role}, {pin})"),
    ("CliniciansDialog", "no PIN", "keine PIN"),
    ("ExerciseDialogs", "Each side", "Jede Seite"),
    ("ExerciseDialogs", "red", "rot"),
    ("OutcomeDialog", "{mean} of 10 ({n} activities)", "{mean} von 10 ({n} Aktivitäten)"),
    ("AuditDialog", "Any user", "Alle Benutzer"),
]


def write_ts(path: Path, messages: list[tuple[str, str, str]]) -> None:
    root = ET.Element("TS", version="2.1", language="de_DE")
    contexts: dict[str, ET.Element] = {}
    for context, source, translation in messages:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


@pytest.fixture
def german(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The tiny catalogue installed and the German locale set, both undone afterwards."""
    ts_file, qm_file = tmp_path / "probe_de.ts", tmp_path / "probe_de.qm"
    write_ts(ts_file, MESSAGES)
    translations_update.release(ts_file, qm_file)
    translator = QTranslator()
    assert translator.load(str(qm_file))
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
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
