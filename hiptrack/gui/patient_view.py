"""The full-screen patient view: one patient's progress in large type and plain words.

The words come from `hiptrack.reports.wording`, the same sentences as the patient PDF.

It is a kiosk: while it is up, every other window of the app (the main window with the patient
list, open dialogs) is hidden, not merely covered, so Alt+Tab, a window-manager close, Alt+F4 or
Esc cannot reveal another patient. Leaving needs the password or the PIN (6+ digits) of an
active clinician or admin (`clinician_unlocking`); the hidden windows come back only then.

Policy when nobody could unlock it yet: the view does not open until a PIN is set
(`ensure_pin_exists` asks for it, creating a clinician if the database has none). So a patient can
never leave without a clinician, and the clinic is never locked in by a view nobody can unlock.
After three wrong tries the prompt pauses for 30 seconds, doubling with each further pause, so
guessing online is slow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiptrack.gui.picture_widget import PictureWidget
from hiptrack.reports import wording
from hiptrack.reports.build import ProgramItem, load_report_data, patient_sections
from hiptrack.reports.translation import error_text, label
from hiptrack.storage.audit import record_patient_opened
from hiptrack.storage.clinicians import (
    add_clinician,
    clinician_unlocking,
    pin_problems,
    set_pin,
    someone_can_unlock,
    unlocking_clinicians,
)
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError, ValidationError

log = logging.getLogger(__name__)

MAX_TRIES = 3
PAUSE_MS = 30_000
MAX_PAUSE_MS = 15 * 60_000


def pin_is_set(db: Database) -> bool:
    """Whether some account that may unlock the view has a PIN or a password (an assistant's do not count)."""
    with db.session() as s:
        return someone_can_unlock(s)


class SetPinDialog(QDialog):
    """Choose (or create) a clinician and set the PIN that unlocks the patient view.

    Only accounts that may unlock are offered: an assistant's PIN would leave the view locked for good."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Set a clinician PIN"))
        with db.session() as s:
            self.clinicians = unlocking_clinicians(s)
        form = QFormLayout()
        intro = QLabel(self.tr("Leaving the patient view needs a clinician's PIN, and no clinician has one yet. "
                               "Set one now (6 to 12 digits)."))
        intro.setWordWrap(True)
        self.who = QComboBox()
        for c in self.clinicians:
            self.who.addItem(c.display_name, c.id)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Your name, e.g. J. Lee, PT"))
        if self.clinicians:
            form.addRow(self.tr("Clinician"), self.who)
        else:
            form.addRow(self.tr("Your name"), self.new_name)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _save(self) -> None:
        pin = self.pin.text().strip()
        problems = [label(p) for p in pin_problems(pin)]  # the storage layer's words, translated once marked
        if pin != self.again.text().strip():
            problems.append(self.tr("The two PINs differ"))
        if not self.clinicians and not self.new_name.text().strip():
            problems.append(self.tr("Your name is missing"))
        title = self.tr("Set a clinician PIN")
        if problems:
            QMessageBox.warning(self, title, "\n".join(problems))
            return
        try:
            with self.db.session() as s:
                if self.clinicians:
                    set_pin(s, int(self.who.currentData()), pin)
                else:
                    name = self.new_name.text().strip()
                    add_clinician(s, "".join(ch for ch in name.lower() if ch.isalnum()) or "clinician", name, pin)
        except ValidationError as exc:
            QMessageBox.warning(self, title, "\n".join(label(p) for p in exc.problems))
            return
        except StorageError as exc:
            QMessageBox.critical(self, title, error_text(exc))
            return
        self.accept()


def ensure_pin_exists(db: Database, parent: QWidget | None = None) -> bool:
    """True when some account that may unlock has a PIN or password (asking for a PIN if needed);
    False if the user declined."""
    if pin_is_set(db):
        return True
    return SetPinDialog(db, parent).exec() == QDialog.DialogCode.Accepted and pin_is_set(db)


class PatientView(QWidget):
    """A top-level window; `open_full_screen()` shows it. `left` is emitted after a correct PIN."""

    left = Signal()

    def __init__(self, db: Database, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.db = db
        self.patient_id = patient_id
        self._unlocked = False
        self._failures = 0
        self._pauses = 0
        self._paused = False
        self._prompting = False
        self._hidden_windows: list[QWidget] = []
        self.ask_pin: Callable[[], str | None] = self._ask_pin_dialog
        self.setWindowTitle(self.tr("Your progress"))
        self.setObjectName("patientView")
        self.setStyleSheet("#patientView, #patientViewBody { background: #fbfaf7; } QLabel { color: #1a1a1a; }")

        self.title = QLabel()
        self.title.setFont(self._font(30, bold=True))
        self.body = QWidget()
        self.body.setObjectName("patientViewBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.viewport().setStyleSheet("background: #fbfaf7;")
        self.leave_button = QPushButton(self.tr("Clinician: leave patient view…"))
        self.leave_button.setFlat(True)
        self.leave_button.clicked.connect(self.request_leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 20)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignRight)
        self.leave_shortcut = QShortcut(QKeySequence("Ctrl+Shift+L"), self)
        self.leave_shortcut.activated.connect(self.request_leave)
        self.refresh()

    @staticmethod
    def _font(size: int, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSize(size)
        font.setBold(bold)
        return font

    def refresh(self) -> None:
        with self.db.session() as s:
            data = load_report_data(s, self.patient_id)
        self.title.setText(self.tr("{first_name}, here is your progress").format(first_name=data.patient.first_name))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sentences: list[str] = []
        for heading, sentences in patient_sections(data):
            title = QLabel(heading)
            title.setFont(self._font(24, bold=True))
            title.setStyleSheet("color: #1f3f66; margin-top: 18px;")
            self.body_layout.addWidget(title)
            for sentence in sentences:
                text = QLabel(sentence)
                text.setWordWrap(True)
                text.setFont(self._font(20))
                self.body_layout.addWidget(text)
                self.sentences.append(sentence)
        self._add_exercises(data.program)
        self.body_layout.addStretch(1)

    def _add_exercises(self, program: list[ProgramItem]) -> None:
        """Each prescribed exercise with how often, what to do each time and its picture."""
        if not program:
            return
        heading = QLabel(self.tr("Your exercises"))
        heading.setFont(self._font(24, bold=True))
        heading.setStyleSheet("color: #1f3f66; margin-top: 18px;")
        self.body_layout.addWidget(heading)
        for item in program:
            name = QLabel(item.prescription.exercise_name)
            name.setFont(self._font(22, bold=True))
            self.body_layout.addWidget(name)
            for line in wording.exercise_lines(item.prescription.dosage):
                text = QLabel(line)
                text.setWordWrap(True)
                text.setFont(self._font(20))
                self.body_layout.addWidget(text)
                self.sentences.append(line)
            if item.picture is not None:
                picture = PictureWidget(item.picture, max_width=720)
                picture.setFont(self._font(14))  # the captions, readable from the chair
                if picture.readable:
                    self.body_layout.addWidget(picture)

    def open_full_screen(self) -> None:
        # Cover the whole screen even where the window manager ignores full-screen requests.
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.showFullScreen()
        self._hide_other_windows()
        self.raise_()
        self.activateWindow()
        record_patient_opened(self.db, self.patient_id, "patient_view")

    def _hide_other_windows(self) -> None:
        """Hide every other visible window, so that nothing showing other patients can be switched to."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and not self.isAncestorOf(widget):
                self._hidden_windows.append(widget)
                widget.hide()
        log.info("patient view: %d other window(s) hidden", len(self._hidden_windows))

    def _restore_other_windows(self) -> None:
        for widget in self._hidden_windows:
            widget.show()
        self._hidden_windows.clear()

    # --- leaving ---------------------------------------------------------------------------------

    def _ask_pin_dialog(self) -> str | None:
        pin, ok = QInputDialog.getText(self, self.tr("Leave patient view"), self.tr("Clinician password or PIN:"),
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None

    def request_leave(self) -> bool:
        """Ask for a clinician's password or PIN; leave on a correct one. Returns whether the view was left."""
        if self._prompting:
            return False
        if self._paused:
            QMessageBox.information(self, self.tr("Leave patient view"),
                                    self.tr("Too many wrong PINs. Try again in a moment."))
            return False
        self._prompting = True
        try:
            pin = self.ask_pin()
        finally:
            self._prompting = False
        if pin is None:
            return False
        with self.db.session() as s:
            clinician = clinician_unlocking(s, pin.strip())
        if clinician is None:
            self._failures += 1
            log.info("patient view: wrong password or PIN (%d)", self._failures)
            if self._failures >= MAX_TRIES:
                self._failures = 0
                self._paused = True
                QTimer.singleShot(self.pause_ms(), self._resume)
                self._pauses += 1
            QMessageBox.warning(self, self.tr("Leave patient view"), self.tr("That password or PIN is not right."))
            return False
        log.info("patient view: left by clinician id=%d", clinician)
        self._unlocked = True
        self._restore_other_windows()  # before closing: the app must never be left with no window
        self.close()
        self.left.emit()
        return True

    def pause_ms(self) -> int:
        """The next pause after MAX_TRIES wrong tries: 30 s, doubling, at most 15 minutes."""
        return int(min(MAX_PAUSE_MS, PAUSE_MS * 2 ** self._pauses))

    def _resume(self) -> None:
        self._paused = False

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self._unlocked:
            event.accept()
            return
        event.ignore()  # Alt+F4 and the like: only a PIN leaves
        QTimer.singleShot(0, self.request_leave)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.request_leave()
            return
        super().keyPressEvent(event)
