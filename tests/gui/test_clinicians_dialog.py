"""Accounts and their PINs, as the clinic's admin sets them up, and a clinician setting their own PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from hiptrack.gui.dialogs.clinicians_dialog import CliniciansDialog
from hiptrack.storage.accounts import add_account, sign_in
from hiptrack.storage.clinicians import clinician_unlocking
from hiptrack.storage.database import Database


def answers(monkeypatch, *values: str) -> None:  # type: ignore[no-untyped-def]
    queue = list(values)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (queue.pop(0), True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (queue.pop(0), True))


def admin_dialog(qtbot, db: Database) -> CliniciansDialog:  # type: ignore[no-untyped-def]
    """The dialog as the clinic's admin (B. Oss, added first) opens it."""
    add_account(db, "boss", "B. Oss", "admin", "admin password")
    dialog = CliniciansDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def caught_warnings(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the warnings shown from now on, instead of modal boxes."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    return warnings


def test_add_an_account_and_set_a_pin(qtbot, sqlite_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = admin_dialog(qtbot, sqlite_db)
    answers(monkeypatch, "Sam Okafor, PT", "sokafor", "Clinician", "sam password", "sam password")
    dialog.add()
    assert dialog.list.count() == 2
    row = next(i for i in range(2) if "sokafor" in dialog.list.item(i).text())
    assert "Clinician" in dialog.list.item(row).text() and "no PIN" in dialog.list.item(row).text()
    dialog.list.setCurrentRow(row)
    warnings = caught_warnings(monkeypatch)
    answers(monkeypatch, "246802", "246803")
    dialog.set_pin()
    assert warnings == ["The two PINs differ; nothing was changed."]
    answers(monkeypatch, "1234", "1234")
    dialog.set_pin()
    assert "6 to 12 digits" in warnings[-1]
    answers(monkeypatch, "246802", "246802")
    dialog.set_pin()
    assert "PIN set" in dialog.list.item(row).text()
    with sqlite_db.session() as s:
        assert clinician_unlocking(s, "246802") is not None and clinician_unlocking(s, "246803") is None
    assert sign_in(sqlite_db, "sokafor", "sam password").role == "clinician"


def test_a_clinician_sees_only_their_own_account(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    add_account(sqlite_db, "boss", "B. Oss", "admin", "admin password")
    add_account(sqlite_db, "jlee", "J. Lee", "clinician", "jlee password")
    sqlite_db.actor = sign_in(sqlite_db, "jlee", "jlee password")
    dialog = CliniciansDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert [dialog.list.item(i).text().split("  ")[0] for i in range(dialog.list.count())] == ["J. Lee"]
    assert not dialog.is_admin


def test_disable_and_enable_flip_the_state_the_row_shows(qtbot, sqlite_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.dialogs import clinicians_dialog

    dialog = admin_dialog(qtbot, sqlite_db)
    add_account(sqlite_db, "jlee", "J. Lee", "clinician", "jlee password")
    dialog.refresh()
    reads: list[int] = []
    listed = clinicians_dialog.list_accounts
    monkeypatch.setattr(clinicians_dialog, "list_accounts", lambda db: reads.append(1) or listed(db))

    def jlee_row() -> int:
        return next(i for i in range(dialog.list.count()) if "jlee" in dialog.list.item(i).text())

    dialog.list.setCurrentRow(jlee_row())
    dialog.toggle_active()
    assert "disabled" in dialog.list.item(jlee_row()).text()
    assert len(reads) == 1  # the refresh after the change; the state to flip is the row's own
    dialog.list.setCurrentRow(jlee_row())
    dialog.toggle_active()
    assert "disabled" not in dialog.list.item(jlee_row()).text()
    assert sign_in(sqlite_db, "jlee", "jlee password").role == "clinician"


def test_a_reset_password_typed_differently_twice_changes_nothing(qtbot, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                   monkeypatch) -> None:
    dialog = admin_dialog(qtbot, sqlite_db)
    dialog.list.setCurrentRow(0)
    warnings = caught_warnings(monkeypatch)
    answers(monkeypatch, "new password 1", "new password 2")
    dialog.reset_password()
    assert warnings == ["The two passwords differ; nothing was changed."]
    answers(monkeypatch, "new password 1", "new password 1")
    dialog.reset_password()
    assert sign_in(sqlite_db, "boss", "new password 1").role == "admin"
