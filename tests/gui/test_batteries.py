"""Defining a clinic battery in the GUI and starting a visit with it."""

from __future__ import annotations

from hiptrack import settings as S
from hiptrack.domain.positions import Muscle
from hiptrack.gui.dialogs.battery_dialog import BatteriesDialog, BatteryEditor
from hiptrack.gui.dialogs.visit_dialog import VisitDialog
from hiptrack.gui.main_window import MainWindow


def test_clinic_battery_is_saved_shared_and_offered_for_visits(main_window: MainWindow, on_modal, qtbot) -> None:  # type: ignore[no-untyped-def]
    def define(dialog: BatteriesDialog) -> None:
        def fill(editor: BatteryEditor) -> None:
            editor.title.setText("Abductors only")
            editor.trials.setValue(2)
            check, _combo = editor.muscles[Muscle.GLUTEUS_MAXIMUS]
            check.setChecked(False)
            editor._on_save()

        on_modal(fill)
        dialog.add()
        assert [d["title"] for d in dialog.definitions] == ["Abductors only"]
        dialog.accept()

    on_modal(define)
    main_window.edit_batteries()
    stored = main_window.clinic_settings[S.CUSTOM_BATTERIES.key]
    assert stored[0]["code"] == "clinic_abductors_only" and stored[0]["muscles"] == ["gluteus_medius"]

    from hiptrack.domain.batteries import all_batteries

    dialog = VisitDialog(main_window.db, "clinic_abductors_only", 70.0, {}, batteries=all_batteries(stored))
    qtbot.addWidget(dialog)
    assert dialog.battery.currentData() == "clinic_abductors_only"
    assert [e.muscle for e in dialog.editors] == [Muscle.GLUTEUS_MEDIUS]
    dialog.editors[0].lever_measured.setChecked(True)  # measured, so no typical-lever question
    dialog._on_accept()
    assert dialog.result_setup is not None and dialog.result_setup.battery.trials_per_side == 2


def test_an_empty_battery_is_refused_in_the_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = BatteryEditor(None, set())
    qtbot.addWidget(editor)
    editor.title.setText("Nothing")
    for check, _combo in editor.muscles.values():
        check.setChecked(False)
    editor._on_save()
    assert editor.definition is None and "tests no muscle" in editor.problems.text()
