"""Clinicians and their PINs, as the clinic sets them up."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from hiptrack.gui.dialogs.clinicians_dialog import CliniciansDialog
from hiptrack.storage.clinicians import any_pin_matches
from hiptrack.storage.database import Database


def answers(monkeypatch, *values: str) -> None:  # type: ignore[no-untyped-def]
    queue = list(values)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (queue.pop(0), True))


def test_add_a_clinician_and_set_a_pin(qtbot, sqlite_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = CliniciansDialog(sqlite_db)
    qtbot.addWidget(dialog)
    answers(monkeypatch, "Sam Okafor, PT", "sokafor")
    dialog.add()
    assert dialog.list.count() == 1 and "no PIN" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    answers(monkeypatch, "246802", "246803")
    dialog.set_pin()
    assert warnings == ["The two PINs differ; nothing was changed."]
    answers(monkeypatch, "12", "12")
    dialog.set_pin()
    assert "6 to 12 digits" in warnings[-1]
    answers(monkeypatch, "246802", "246802")
    dialog.set_pin()
    assert "PIN set" in dialog.list.item(0).text()
    with sqlite_db.session() as s:
        assert any_pin_matches(s, "246802") and not any_pin_matches(s, "246803")
