"""The clinic's own test batteries: add, edit and archive (built-in batteries stay as they are)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain.batteries import MAX_TRIALS_PER_SIDE, battery_from_dict, slug
from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import BATTERIES, MUSCLE_TITLES, POSITIONS, Muscle
from hiptrack.gui.dialogs.problems import ProblemsMixin, form_with_save, problems_label
from hiptrack.reports.translation import error_text, label


class BatteryEditor(QDialog, ProblemsMixin):
    """One battery definition; `definition` holds the result after Save."""

    def __init__(self, definition: dict[str, Any] | None, taken_codes: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Test battery"))
        self.taken_codes = taken_codes
        self.original = dict(definition or {})
        self.definition: dict[str, Any] | None = None
        self.title = QLineEdit(self.original.get("title", ""))
        self.trials = QSpinBox()
        self.trials.setRange(1, MAX_TRIALS_PER_SIDE)
        self.trials.setValue(int(self.original.get("trials_per_side", 3)))
        self.alternate = QCheckBox(self.tr("Alternate sides between trials (one side rests while the other works)"))
        self.alternate.setChecked(bool(self.original.get("alternate_sides", True)))
        self.method = QComboBox()
        self.method.addItem(self.tr("make"), "make")
        self.method.addItem(self.tr("break"), "break")
        self.method.setCurrentIndex(max(0, self.method.findData(self.original.get("method", "make"))))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.title)
        form.addRow(self.tr("&Trials per side"), self.trials)
        form.addRow("", self.alternate)
        form.addRow(self.tr("&Method"), self.method)
        self.muscles: dict[Muscle, tuple[QCheckBox, QComboBox]] = {}
        chosen = set(self.original.get("muscles", [m.value for m in Muscle]))
        positions = dict(self.original.get("positions", {}))
        for muscle in Muscle:
            check = QCheckBox(label(MUSCLE_TITLES[muscle]))
            check.setChecked(muscle.value in chosen)
            combo = QComboBox()
            for code, position in POSITIONS.items():
                if position.muscle is muscle:
                    combo.addItem(label(position.title), code)
            wanted = positions.get(muscle.value, BATTERIES["standard_hip"].position_of(muscle))
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(combo, 1)
            form.addRow(row)
            self.muscles[muscle] = (check, combo)
        self.problems = problems_label()
        form_with_save(self, form, self.problems, self._on_save)

    def collect(self) -> dict[str, Any]:
        code = self.original.get("code") or slug(self.title.text())
        return {
            "code": code, "title": self.title.text().strip(),
            "muscles": [m.value for m, (check, _c) in self.muscles.items() if check.isChecked()],
            "positions": {m.value: combo.currentData() for m, (check, combo) in self.muscles.items() if check.isChecked()},
            "trials_per_side": self.trials.value(), "alternate_sides": self.alternate.isChecked(),
            "method": self.method.currentData(), "archived": False,
        }

    def _on_save(self) -> None:
        data = self.collect()
        try:
            battery_from_dict(data)
        except DomainError as exc:
            self.show_problems([error_text(exc)])
            return
        if not self.original.get("code") and data["code"] in self.taken_codes:
            self.show_problems([self.tr("A battery called '{title}' already exists").format(title=data["title"])])
            return
        self.definition = data
        self.accept()


class BatteriesDialog(QDialog):
    """The list of the clinic's batteries; `definitions` is the new setting value after Save."""

    def __init__(self, definitions: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Test batteries"))
        self.setMinimumWidth(520)
        self.definitions = [dict(d) for d in definitions]
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        add = QPushButton(self.tr("&New…"))
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("&Edit…"))
        edit.clicked.connect(self.edit)
        archive = QPushButton(self.tr("&Archive"))
        archive.setToolTip(self.tr("Hide from new visits; unfinished visits that use it can still be resumed"))
        archive.clicked.connect(self.archive)
        side = QVBoxLayout()
        for button in (add, edit, archive):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        note = QLabel(self.tr("Built-in batteries cannot be changed. Batteries are shared by every workstation."))
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for code, battery in BATTERIES.items():
            item = QListWidgetItem(self.tr("{title}  (built-in)").format(title=label(battery.title)))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        for data in self.definitions:
            title = str(data.get("title", "?"))
            item = QListWidgetItem(self.tr("{title}  (archived)").format(title=title) if data.get("archived") else title)
            item.setData(Qt.ItemDataRole.UserRole, data.get("code"))
            self.list.addItem(item)

    def _selected(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((d for d in self.definitions if d.get("code") == code), None)

    def add(self) -> None:
        editor = BatteryEditor(None, {d["code"] for d in self.definitions} | set(BATTERIES), self)
        if editor.exec() and editor.definition:
            self.definitions.append(editor.definition)
            self.refresh()

    def edit(self) -> None:
        current = self._selected()
        if current is None:
            return
        editor = BatteryEditor(current, set(), self)
        if editor.exec() and editor.definition:
            current.update(editor.definition)
            self.refresh()

    def archive(self) -> None:
        current = self._selected()
        if current is None:
            return
        question = self.tr("Hide '{title}' from new visits?").format(title=current["title"])
        if QMessageBox.question(self, self.tr("Archive battery"), question) \
                == QMessageBox.StandardButton.Yes:
            current["archived"] = True
            self.refresh()
