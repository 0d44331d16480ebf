"""Signing in at start, the automatic lock after idle time, and hiding what a role may not do.

- `sign_in_at_start` asks who is working (on a clinic's first start it creates the first admin)
  and returns the `Actor` the database then acts as: the signed-in user is "who" on every record
  and audit event.
- `AutoLock` watches the application's keyboard and mouse input. After the clinic's idle time
  (File › Clinic settings, default 5 minutes) it hides every window and shows a sign-in screen
  that names no patient. The same user resumes where they were; another user signing in
  switches the session to themselves.
- `apply_role` hides menu entries and tabs the signed-in role may not use. The storage layer
  refuses those changes anyway (hiptrack.storage.roles); hiding only spares the user a refusal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hiptrack import settings as S
from hiptrack.reports.translation import error_text, label
from hiptrack.storage.accounts import SignInRefused, add_account, needs_first_admin, role_title, sign_in
from hiptrack.storage.audit import record_event
from hiptrack.storage.database import Actor, Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.roles import ADMIN, ASSISTANT

log = logging.getLogger(__name__)

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class SignInDialog(QDialog):
    """User name and password; on a clinic's first start, the first admin account instead."""

    def __init__(self, db: Database, locked_by: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.first_admin = needs_first_admin(db)
        self.setWindowTitle(self.tr("hiptrack: create the first account") if self.first_admin
                            else self.tr("hiptrack: sign in"))
        self.setObjectName("signInDialog")
        self.setMinimumWidth(420)
        intro = QLabel(self._intro(locked_by))
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. J. Lee, PT"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        if self.first_admin:
            form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        if self.first_admin:
            form.addRow(self.tr("Password again"), self.again)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create and sign in") if self.first_admin else self.tr("Sign in"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Quit hiptrack"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if locked_by:
            self.username.setText(locked_by)
            self.password.setFocus()

    def _intro(self, locked_by: str | None) -> str:
        if self.first_admin:
            return self.tr("Welcome. Create the clinic's first account: an administrator, who can then add an "
                           "account for each clinician (File › Accounts, or `hiptrack user add`). "
                           "The password needs at least 8 characters.")
        if locked_by:
            return self.tr("hiptrack was locked after a while without use. Sign in to continue; signing in as "
                           "someone else switches the session to them.")
        return self.tr("Who is working? Sign in with your hiptrack account.")

    def submit(self) -> bool:
        """Check what was typed; accept the dialog on success. Returns whether it succeeded."""
        username, password = self.username.text().strip(), self.password.text()
        try:
            if self.first_admin:
                if password != self.again.text():
                    raise ValidationError([self.tr("The two passwords differ")])
                add_account(self.db, username, self.display_name.text(), ADMIN, password)
            self.actor = sign_in(self.db, username, password)
        except ValidationError as exc:
            # The storage layer's words; label() translates those it marks.
            self.message.setText("\n".join(label(p) for p in exc.problems))
            return False
        except SignInRefused as exc:
            self.message.setText(error_text(exc))
            self.password.clear()
            return False
        except StorageError as exc:
            self.message.setText(error_text(exc))
            return False
        self.accept()
        return True


def sign_in_at_start(db: Database, parent: QWidget | None = None) -> Actor | None:
    """Ask who is working (over the main window's frame, which shows no patient yet); None when the
    user quits instead."""
    dialog = SignInDialog(db, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


ASSISTANT_HIDDEN_EXERCISE_BUTTONS = ("prescribe_button", "edit_button", "end_button", "void_button", "catalog_button",
                                     "accept_button", "dismiss_button")


def apply_role(window: Any, role: str | None) -> None:
    """Hide what `role` may not do in the main window (None: command-line tools, everything shown)."""
    admin = role in (None, ADMIN)
    for action in getattr(window, "admin_actions", []):
        action.setVisible(admin)
    assistant = role == ASSISTANT
    for action in (getattr(window, "action_new", None), getattr(window, "action_edit", None),
                   getattr(window, "action_archive", None)):
        if action is not None:
            action.setVisible(not assistant)
    tabs, strength = getattr(window, "tabs", None), getattr(window, "strength", None)
    if tabs is not None and strength is not None:
        tabs.setTabVisible(tabs.indexOf(strength), not assistant)
    # An assistant logs exercises and records scores; prescribing, the catalog, progression
    # decisions and the visit's assessment and plan are a clinician's (storage.roles refuses them).
    for page, names in ((getattr(window, "exercises", None), ASSISTANT_HIDDEN_EXERCISE_BUTTONS),
                        (getattr(window, "progress", None), ("assessment_button",))):
        for name in names:
            button = getattr(page, name, None)
            if button is not None:
                button.setVisible(not assistant)


class AutoLock(QObject):
    """Locks the app after `idle_minutes` without keyboard or mouse input (see the module docstring)."""

    locked = Signal()
    resumed = Signal(str)  # the display name of whoever signed in

    def __init__(self, db: Database, on_switch: Callable[[Actor], None], idle_minutes: float,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.on_switch = on_switch
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        self.is_locked = False
        self.dialog: SignInDialog | None = None
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def set_idle_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if not self.is_locked and event.type() in _INPUT_EVENTS:
            self.timer.start()  # any input restarts the idle count
        return False

    def _patient_view_up(self) -> bool:
        from hiptrack.gui.patient_view import PatientView

        return any(isinstance(w, PatientView) and w.isVisible() for w in QApplication.topLevelWidgets())

    def lock(self) -> None:
        """Hide every window and ask for a sign-in (the patient view is already locked: left alone)."""
        if self.is_locked:
            return
        if self._patient_view_up():
            self.timer.start()
            return
        self.is_locked = True
        # While every window is hidden, the closing sign-in dialog must not count as the last window.
        QApplication.setQuitOnLastWindowClosed(False)
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        actor = self.db.actor
        try:
            with self.db.session() as s:
                record_event(s, "lock", "session", actor.clinician_id, reason="idle")
        except StorageError as exc:  # an unreachable server must not keep the screen unlocked
            log.warning("could not record the lock: %s", type(exc).__name__)
        log.info("locked after idle time")
        self.dialog = SignInDialog(self.db, locked_by=self._username_of(actor))
        self.dialog.setModal(False)
        self.dialog.accepted.connect(self._signed_in)
        self.dialog.rejected.connect(self._quit_requested)
        self.dialog.show()
        self.locked.emit()

    def _username_of(self, actor: Actor) -> str:
        from hiptrack.storage.accounts import list_accounts

        if actor.clinician_id is None:
            return ""
        try:
            return next((a.username for a in list_accounts(self.db) if a.id == actor.clinician_id), "")
        except StorageError:
            return ""

    def _signed_in(self) -> None:
        assert self.dialog is not None
        actor = self.dialog.actor
        self.dialog.deleteLater()
        self.dialog = None
        if actor is not None and actor.clinician_id != self.db.actor.clinician_id:
            log.info("user switched to clinician id=%s", actor.clinician_id)
            self.on_switch(actor)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.is_locked = False
        QApplication.setQuitOnLastWindowClosed(True)
        self.timer.start()
        self.resumed.emit(actor.name if actor else "")

    def _quit_requested(self) -> None:
        # "Quit hiptrack" on the lock screen: close without ever showing the windows again.
        log.info("quit from the lock screen")
        self._hidden = []
        QApplication.quit()


def attach_signed_in_session(window: Any, db: Database) -> AutoLock:
    """Show who is signed in, hide what their role may not do, and lock after the clinic's idle time."""
    caption = QLabel(role_caption(db.actor))
    caption.setObjectName("signedInUser")
    window.statusBar().addPermanentWidget(caption)
    apply_role(window, db.actor.role)

    def switch(actor: Actor) -> None:
        db.actor = actor
        caption.setText(role_caption(actor))
        apply_role(window, actor.role)

    lock = AutoLock(db, switch, idle_minutes_of(window.clinic_settings), window)
    window.clinic_settings_changed.connect(lambda values: lock.set_idle_minutes(idle_minutes_of(values)))
    window.auto_lock = lock
    return lock


def role_caption(actor: Actor) -> str:
    """'J. Lee, PT (Clinician)' for the status bar."""
    return f"{actor.name} ({label(role_title(actor.role))})"


def idle_minutes_of(clinic_settings: dict[str, Any]) -> float:
    return float(clinic_settings.get(S.AUTO_LOCK_MINUTES.key, S.AUTO_LOCK_MINUTES.default))
