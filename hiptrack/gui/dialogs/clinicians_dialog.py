"""The clinic's clinicians: who can be named on a visit, and the PINs that close the patient view."""

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

from hiptrack.storage.clinicians import add_clinician, list_clinicians, set_pin
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError


class CliniciansDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Clinicians")
        self.setMinimumWidth(460)
        self.list = QListWidget()
        add = QPushButton("&Add…")
        add.clicked.connect(self.add)
        pin = QPushButton("Set &PIN…")
        pin.clicked.connect(self.set_pin)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(pin)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        note = QLabel("A clinician's PIN closes the patient view. PINs are stored only as salted hashes.")
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
        with self.db.session() as s:
            rows = list_clinicians(s)
        for clinician in rows:
            pin = "PIN set" if clinician.has_pin else "no PIN"
            item = QListWidgetItem(f"{clinician.display_name}  ({clinician.username}, {pin})")
            item.setData(Qt.ItemDataRole.UserRole, clinician.id)
            self.list.addItem(item)

    def add(self) -> None:
        name, ok = QInputDialog.getText(self, "Add clinician", "Name as it should appear on reports:")
        if not ok or not name.strip():
            return
        username, ok = QInputDialog.getText(self, "Add clinician", "Short user name (letters and digits):",
                                            text="".join(ch for ch in name.lower() if ch.isalnum())[:30])
        if not ok:
            return
        try:
            with self.db.session() as s:
                add_clinician(s, username, name)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, "Add clinician", str(exc))
            return
        self.refresh()

    def set_pin(self) -> None:
        item = self.list.currentItem()
        if item is None:
            QMessageBox.information(self, "Set PIN", "Select a clinician first.")
            return
        pin, ok = QInputDialog.getText(self, "Set PIN", "New PIN (6 to 12 digits):", QLineEdit.EchoMode.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(self, "Set PIN", "The same PIN again:", QLineEdit.EchoMode.Password)
        if not ok:
            return
        if pin != again:
            QMessageBox.warning(self, "Set PIN", "The two PINs differ; nothing was changed.")
            return
        try:
            with self.db.session() as s:
                set_pin(s, int(item.data(Qt.ItemDataRole.UserRole)), pin)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, "Set PIN", str(exc))
            return
        self.refresh()
