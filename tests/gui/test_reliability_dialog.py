"""Entering the clinic's own SD and ICC (clinical.md §2.5 vector: SD 40, ICC 0.90 → MDC 35.06)."""

from __future__ import annotations

from hiptrack import settings as S
from hiptrack.gui.dialogs.reliability_dialog import ReliabilityDialog
from hiptrack.gui.main_window import MainWindow


def test_entered_figures_show_their_mdc_and_are_saved(main_window: MainWindow, on_modal) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: ReliabilityDialog) -> None:
        _code, sd, icc, unit = dialog.rows[0]
        sd.setText("40")
        icc.setText("0,90")  # a decimal comma is accepted
        unit.setCurrentText("N")
        assert dialog.table.item(0, 5).text() == "35.1 N"
        _code, sd2, icc2, _unit2 = dialog.rows[1]
        sd2.setText("12")
        icc2.setText("1.5")
        dialog._on_save()
        assert "ICC 1.5 is outside 0–1" in dialog.problems.text() and dialog.isVisible()
        sd2.clear()
        icc2.clear()
        dialog._on_save()

    on_modal(fill)
    main_window.edit_reliability()
    stored = main_window.clinic_settings[S.CLINIC_RELIABILITY.key]
    assert stored == [{"position": "hip_abd_sidelying_short", "sd": 40.0, "icc": 0.9, "unit": "N"}]
