"""The clinic's accounts: who signs in with which role, and the PINs that close the patient view.

Admins add accounts, reset passwords and disable accounts; everyone else sees the list and may set
their own PIN only (the storage layer refuses the rest anyway, hiptrack.storage.roles).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptrack.reports.translation import error_text, label
from hiptrack.storage.accounts import add_account, list_accounts, reset_password, set_active
from hiptrack.storage.clinicians import set_pin
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.roles import ADMIN, ROLE_TITLES, ROLES

# Where a list row keeps whether its account is active (after its id and its user name).
_ACTIVE = Qt.ItemDataRole.UserRole + 2


class CliniciansDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Clinicians and PINs"))
        self.setMinimumWidth(520)
        self.is_admin = db.actor.role in (None, ADMIN)
        self.list = QListWidget()
        add = QPushButton(self.tr("&Add account…"))
        add.clicked.connect(self.add)
        pin = QPushButton(self.tr("Set &PIN…"))
        pin.clicked.connect(self.set_pin)
        reset = QPushButton(self.tr("&Reset password…"))
        reset.clicked.connect(self.reset_password)
        toggle = QPushButton(self.tr("&Disable or enable"))
        toggle.clicked.connect(self.toggle_active)
        side = QVBoxLayout()
        for button in (add, pin, reset, toggle):
            side.addWidget(button)
        for button in (add, reset, toggle):
            button.setVisible(self.is_admin)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        note = QLabel(self.tr("A clinician's password or PIN (6 to 12 digits) closes the patient view. Passwords and "
                              "PINs are stored only as Argon2id hashes: nobody can read them, an admin can set new ones."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for account in list_accounts(self.db):
            if not self.is_admin and account.id != self.db.actor.clinician_id:
                continue  # a non-admin manages their own PIN only
            item = QListWidgetItem(self._account_text(account.display_name, account.username,
                                                      label(ROLE_TITLES.get(account.role, account.role)),
                                                      account.has_pin, account.active))
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, account.username)
            item.setData(_ACTIVE, account.active)
            self.list.addItem(item)

    def _account_text(self, name: str, username: str, role: str, has_pin: bool, active: bool) -> str:
        """"J. Lee  (jlee, Clinician, PIN set)", with ", disabled" for a disabled account."""
        pin = self.tr("PIN set") if has_pin else self.tr("no PIN")
        if active:
            return self.tr("{name}  ({username}, {role}, {pin})").format(name=name, username=username, role=role, pin=pin)
        return self.tr("{name}  ({username}, {role}, {pin}, disabled)").format(
            name=name, username=username, role=role, pin=pin)

    def _password(self, title: str) -> str | None:
        return self._secret_twice(title, self.tr("Password (at least 8 characters):"),
                                  self.tr("The same password again:"),
                                  self.tr("The two passwords differ; nothing was changed."))

    def _secret_twice(self, title: str, prompt: str, again_prompt: str, differ: str) -> str | None:
        """A password or PIN typed twice, hidden; None (after saying `differ` when the two differ)
        when it was cancelled or mistyped, so a typo never becomes the new secret."""
        secret, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Password)
        if not ok:
            return None
        again, ok = QInputDialog.getText(self, title, again_prompt, QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if secret != again:
            QMessageBox.warning(self, title, differ)
            return None
        return secret

    def add(self) -> None:
        title = self.tr("Add account")
        name, ok = QInputDialog.getText(self, title, self.tr("Name as it should appear on reports:"))
        if not ok or not name.strip():
            return
        username, ok = QInputDialog.getText(self, title, self.tr("User name for signing in (letters and digits):"),
                                            text="".join(ch for ch in name.lower() if ch.isalnum())[:30])
        if not ok:
            return
        titles = [label(ROLE_TITLES[r]) for r in ROLES]
        role_title, ok = QInputDialog.getItem(self, title, self.tr("Role:"), titles, 1, False)
        if not ok:
            return
        password = self._password(title)
        if password is None:
            return
        try:
            add_account(self.db, username, name, ROLES[titles.index(role_title)], password)
        except ValidationError as exc:
            QMessageBox.warning(self, title, "\n".join(label(p) for p in exc.problems))
            return
        except StorageError as exc:
            QMessageBox.warning(self, title, error_text(exc))
            return
        self.refresh()

    def _selected_username(self, title: str) -> str | None:
        item = self.list.currentItem()
        if item is None:
            QMessageBox.information(self, title, self.tr("Select an account first."))
            return None
        return str(item.data(Qt.ItemDataRole.UserRole + 1))

    def reset_password(self) -> None:
        title = self.tr("Reset password")
        username = self._selected_username(title)
        password = self._password(title) if username else None
        if username is None or password is None:
            return
        try:
            reset_password(self.db, username, password)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, title, error_text(exc))
            return
        self.refresh()

    def toggle_active(self) -> None:
        title = self.tr("Disable or enable")
        username = self._selected_username(title)
        item = self.list.currentItem()
        if username is None or item is None:
            return
        # The state the row shows is the one the admin means to flip.
        try:
            set_active(self.db, username, not bool(item.data(_ACTIVE)))
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, title, error_text(exc))
            return
        self.refresh()

    def set_pin(self) -> None:
        title = self.tr("Set PIN")
        item = self.list.currentItem()
        if item is None:
            QMessageBox.information(self, title, self.tr("Select a clinician first."))
            return
        pin = self._secret_twice(title, self.tr("New PIN (6 to 12 digits):"), self.tr("The same PIN again:"),
                                 self.tr("The two PINs differ; nothing was changed."))
        if pin is None:
            return
        try:
            with self.db.session() as s:
                set_pin(s, int(item.data(Qt.ItemDataRole.UserRole)), pin)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, title, error_text(exc))
            return
        self.refresh()
