"""Sign-in at start, the automatic lock, switching user, what each role sees, and the audit viewer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget

from hiptrack import settings as S
from hiptrack.gui.dialogs.audit_dialog import AuditDialog
from hiptrack.gui.sign_in import SignInDialog, attach_signed_in_session
from hiptrack.storage.accounts import add_account, sign_in
from hiptrack.storage.database import Database
from tests.unit.reports import data as D

ADMIN_PW, CLIN_PW, ASST_PW = "admin password", "clinician password", "assistant password"


@pytest.fixture
def accounts(sqlite_db: Database) -> Database:
    add_account(sqlite_db, "boss", "B. Oss", "admin", ADMIN_PW)
    add_account(sqlite_db, "jlee", "J. Lee, PT", "clinician", CLIN_PW)
    add_account(sqlite_db, "asst", "A. Sist", "assistant", ASST_PW)
    return sqlite_db


@pytest.fixture
def signed_in_window(qtbot, accounts: Database, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from hiptrack.gui.main_window import MainWindow

    with accounts.session() as s:
        D.standard_patient(s, "R-1")
    accounts.actor = sign_in(accounts, "jlee", CLIN_PW)
    window = MainWindow(accounts, S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(window)
    attach_signed_in_session(window, accounts)
    window.show()
    yield window
    lock = window.auto_lock
    if lock.dialog is not None:
        lock.dialog.close()
    QApplication.instance().removeEventFilter(lock)


def visible_texts() -> str:
    texts = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, QLabel | QLineEdit):
                texts.append(widget.text())
            if isinstance(widget, QTableView) and widget.model() is not None:
                model = widget.model()
                texts += [str(model.index(r, c).data()) for r in range(model.rowCount())
                          for c in range(model.columnCount())]
        texts.append(top.windowTitle())
    return "\n".join(texts)


def test_first_start_creates_the_first_admin(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.first_admin and "first account" in dialog.windowTitle()
    dialog.username.setText("boss")
    dialog.display_name.setText("B. Oss")
    dialog.password.setText(ADMIN_PW)
    dialog.again.setText("something else")
    assert not dialog.submit() and "differ" in dialog.message.text()
    dialog.again.setText(ADMIN_PW)
    assert dialog.submit()
    assert dialog.actor is not None and dialog.actor.role == "admin" and dialog.actor.name == "B. Oss"


def test_wrong_passwords_are_named_then_throttled(qtbot, accounts: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(accounts)
    qtbot.addWidget(dialog)
    assert not dialog.first_admin
    dialog.username.setText("jlee")
    for _ in range(3):
        dialog.password.setText("guess")
        assert not dialog.submit()
    assert "not right" in dialog.message.text()
    dialog.password.setText(CLIN_PW)
    assert not dialog.submit() and "Try again in" in dialog.message.text()


def test_idle_lock_hides_patient_data_and_the_same_user_resumes(signed_in_window) -> None:  # type: ignore[no-untyped-def]
    window = signed_in_window
    assert window.select_patient(window.model.row_at(0).id)
    QApplication.processEvents()
    assert "Example" in visible_texts()  # the patient's last name, before the lock
    lock = window.auto_lock
    lock.timer.timeout.emit()  # the idle time elapsed (no waiting in tests)
    QApplication.processEvents()
    assert lock.is_locked and not window.isVisible() and lock.dialog is not None and lock.dialog.isVisible()
    assert "Example" not in visible_texts() and "R-1" not in visible_texts()
    assert lock.dialog.username.text() == "jlee"
    lock.dialog.password.setText(CLIN_PW)
    assert lock.dialog.submit()
    QApplication.processEvents()
    assert window.isVisible() and not lock.is_locked
    assert window.db.actor.name == "J. Lee, PT"


def test_another_user_signing_in_switches_user_and_role(signed_in_window) -> None:  # type: ignore[no-untyped-def]
    window = signed_in_window
    strength_tab = window.tabs.indexOf(window.strength)
    assert window.tabs.isTabVisible(strength_tab)
    assert not any(a.isVisible() for a in window.admin_actions)  # a clinician sees no admin entries
    assert not window.exercises.prescribe_button.isHidden() and not window.progress.assessment_button.isHidden()
    window.auto_lock.lock()
    dialog = window.auto_lock.dialog
    dialog.username.setText("asst")
    dialog.password.setText(ASST_PW)
    assert dialog.submit()
    assert window.db.actor.name == "A. Sist" and window.db.actor.role == "assistant"
    assert not window.tabs.isTabVisible(strength_tab) and not window.action_new.isVisible()
    # What an assistant may not change is hidden, not only refused: prescribing, the catalog,
    # progression decisions and the assessment and plan; logging and scores stay.
    for name in ("prescribe_button", "edit_button", "end_button", "void_button", "catalog_button",
                 "accept_button", "dismiss_button"):
        assert getattr(window.exercises, name).isHidden(), name
    assert window.progress.assessment_button.isHidden()
    assert not window.exercises.quick_button.isHidden() and not window.exercises.nprs_button.isHidden()
    caption = window.findChild(QLabel, "signedInUser")
    assert caption is not None and caption.text() == "A. Sist (Assistant)"


def test_idle_time_follows_the_clinic_setting(signed_in_window) -> None:  # type: ignore[no-untyped-def]
    lock = signed_in_window.auto_lock
    assert lock.timer.interval() == 5 * 60_000  # the default
    signed_in_window.clinic_settings_changed.emit({S.AUTO_LOCK_MINUTES.key: 2})
    assert lock.timer.interval() == 2 * 60_000


def test_audit_viewer_filters_by_patient_and_exports(qtbot, accounts: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with accounts.session() as s:
        D.standard_patient(s, "R-1")
        D.add_patient(s, "OTHER-2")
    dialog = AuditDialog(accounts)
    qtbot.addWidget(dialog)
    everyone = len(dialog.rows)
    dialog.chart.setText("R-1")
    dialog.refresh()
    assert 0 < len(dialog.rows) < everyone and {r.chart_number for r in dialog.rows} == {"R-1"}
    assert dialog.table.rowCount() == len(dialog.rows)
    out = tmp_path / "audit.csv"
    dialog.export_csv(out)
    assert out.read_text(encoding="utf-8").count("\n") == len(dialog.rows) + 1
    dialog.chart.setText("NOPE")
    dialog.refresh()
    assert "NOPE" in dialog.status.text()


def test_the_audit_export_is_the_rows_shown_whatever_was_typed_since(qtbot, accounts: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Show R-1, then type another chart without pressing Show: the file holds R-1's rows, the ones on
    screen, and the export is recorded against R-1, not against a chart whose rows nobody saw."""
    from sqlalchemy import select

    from hiptrack.storage.models import AuditEvent

    with accounts.session() as s:
        shown_id = D.standard_patient(s, "R-1")
        typed_id = D.add_patient(s, "OTHER-2")
    dialog = AuditDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.chart.setText("R-1")
    dialog.refresh()
    shown = [dialog.table.item(i, 5).text() for i in range(dialog.table.rowCount())]
    assert shown and set(shown) == {"R-1"}
    for typed in ("OTHER-2", "", "NOPE"):
        dialog.chart.setText(typed)
        out = tmp_path / f"audit-{typed or 'all'}.csv"
        dialog.export_csv(out)
        lines = out.read_text(encoding="utf-8").splitlines()[1:]
        assert len(lines) == len(shown) and all(",R-1," in line for line in lines), typed
    with accounts.session() as s:
        exported = list(s.scalars(select(AuditEvent.patient_id).where(AuditEvent.action == "export")))
    assert exported == [shown_id] * 3 and typed_id not in exported


def test_the_visit_is_recorded_by_the_signed_in_user_not_chosen(qtbot, signed_in_window) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.dialogs.visit_dialog import VisitDialog

    dialog = VisitDialog(signed_in_window.db, "standard_hip", 70.0, {})
    qtbot.addWidget(dialog)
    assert [dialog.clinician.itemText(i) for i in range(dialog.clinician.count())] == ["J. Lee, PT"]
    assert not dialog.clinician.isEnabled() and dialog.add_clinician_button.isHidden()
