"""Assessment and plan from the Progress page (issue 14), driven as a clinician would: write,
save a draft, sign, find it locked, change it with a reason, and print the referral letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hiptrack.gui.progress_page import ProgressPage
from hiptrack.storage.database import Database
from hiptrack.storage.visit_reports import report_history
from tests.gui.test_progress_page import show_progress_page
from tests.unit.reports import data as D


@pytest.fixture
def page(qtbot, sqlite_db: Database) -> ProgressPage:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    return show_progress_page(qtbot, sqlite_db, pid, size=None)


def test_write_sign_lock_and_change_with_a_reason(page: ProgressPage, qtbot, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = page.open_assessment()
    assert dialog is not None and page.data is not None
    assert dialog.patient_line.text() == f"<b>Example, Ada (R-1)</b> · visit {page.data.current.date.isoformat()}"  # type: ignore[union-attr]
    assert dialog.state.text() == "Not written yet." and not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.assessment, "Left hip abductors weaker.")
    qtbot.keyClicks(dialog.plan, "Progress the band.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.state.text() == "Version 1: draft, not signed." and dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.state.text().startswith("Version 1, signed by Test Clinician")
    assert dialog.plan.isReadOnly() and not dialog.save_button.isEnabled() and not dialog.reason.isVisible()

    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert not dialog.plan.isReadOnly() and dialog.reason.isVisible()
    dialog.plan.setPlainText("Add lateral step down.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problems.isVisible() and "Give the reason for the change" in dialog.problems.text()
    qtbot.keyClicks(dialog.reason, "reviewed with the patient")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.problems.isVisible() and dialog.state.text() == "Version 2: draft, not signed."
    with sqlite_db.session() as s:
        history = report_history(s, page.data.visit_id)  # type: ignore[arg-type]
    assert [(r.revision, r.plan, r.status) for r in history] == [
        (1, "Progress the band.", "signed"), (2, "Add lateral step down.", "draft")]


def test_referral_letter_button_names_a_missing_referrer(page: ProgressPage, qtbot,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    page.referral_pdf.trigger()
    assert messages == ["No referrer is entered for this visit: write the name and address under "
                        "Assessment and plan… first."]
    assert asked == []  # no file name is asked for a letter that cannot be written
