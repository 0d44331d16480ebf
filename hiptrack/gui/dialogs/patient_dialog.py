"""Create or edit a patient. Problems are listed in words inside the dialog, which stays open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hiptrack.domain.patient_rules import PatientFields, body_mass_problems, parse_date, patient_problems
from hiptrack.gui.dialogs.problems import (
    ProblemsMixin,
    form_with_save,
    parse_number,
    problems_label,
    save_or_show,
)

NOT_RECORDED = "not recorded"
SaveCallback = Callable[[PatientFields, float | None], None]


class PatientDialog(QDialog, ProblemsMixin):
    def __init__(
        self, save: SaveCallback, fields: PatientFields | None = None, parent: QWidget | None = None,
        mass_label: str = "Body mass today (kg)",
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle("Edit patient" if fields else "New patient")
        self.setMinimumWidth(460)
        self.chart = QLineEdit()
        self.last_name = QLineEdit()
        self.first_name = QLineEdit()
        self.dob = QLineEdit()
        self.dob.setPlaceholderText("YYYY-MM-DD")
        self.sex = QComboBox()
        # No default: a guessed sex would select a norm equation (Harbo, Ramskov) for the wrong sex.
        self.sex.addItems([NOT_RECORDED, "female", "male", "other"])
        self.height_edit = QLineEdit()
        self.height_edit.setPlaceholderText("metres, e.g. 1.72")
        self.mass = QLineEdit()
        self.mass.setPlaceholderText("optional")
        self.dominant = QComboBox()
        self.dominant.addItems(["not recorded", "left", "right"])
        self.involved = QComboBox()
        self.involved.addItems(["not set", "left", "right", "both"])
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.problems = problems_label()

        form = QFormLayout()
        form.addRow("&Chart number", self.chart)
        form.addRow("&Last name", self.last_name)
        form.addRow("&First name", self.first_name)
        form.addRow("&Date of birth", self.dob)
        form.addRow("&Sex", self.sex)
        form.addRow("&Height (m)", self.height_edit)
        form.addRow(mass_label, self.mass)
        form.addRow("D&ominant leg", self.dominant)
        form.addRow("&Involved side", self.involved)
        form.addRow("&Notes", self.notes)
        form_with_save(self, form, self.problems, self._on_save_requested)
        if fields:
            self._fill(fields)

    def _fill(self, f: PatientFields) -> None:
        self.chart.setText(f.chart_number)
        self.last_name.setText(f.last_name)
        self.first_name.setText(f.first_name)
        self.dob.setText(f.date_of_birth.isoformat() if f.date_of_birth else "")
        self.sex.setCurrentText(f.sex or NOT_RECORDED)
        self.height_edit.setText(f"{f.height_m:.2f}" if f.height_m else "")
        self.dominant.setCurrentText(f.dominant_leg or "not recorded")
        self.involved.setCurrentText(f.involved_side or "not set")
        self.notes.setPlainText(f.notes)

    def collect(self) -> tuple[PatientFields, float | None, list[str]]:
        problems: list[str] = []
        dob: dt.date | None = None
        if self.dob.text().strip():
            dob, problem = parse_date(self.dob.text(), "Date of birth")
            if problem:
                problems.append(problem)
        height = parse_number(self.height_edit.text(), "Height", problems)
        mass = parse_number(self.mass.text(), "Body mass", problems)
        fields = PatientFields(
            chart_number=self.chart.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            date_of_birth=dob,
            sex=None if self.sex.currentIndex() == 0 else self.sex.currentText(),
            height_m=height,
            dominant_leg=None if self.dominant.currentIndex() == 0 else self.dominant.currentText(),
            involved_side=None if self.involved.currentIndex() == 0 else self.involved.currentText(),
            notes=self.notes.toPlainText(),
        )
        return fields, mass, problems

    def _on_save_requested(self) -> None:
        fields, mass, problems = self.collect()
        # Name every problem at once, not one per attempt.
        rule_problems = patient_problems(fields, dt.date.today()) + body_mass_problems(mass)
        if any(p.startswith("Date of birth '") for p in problems):
            rule_problems = [p for p in rule_problems if not p.startswith("Date of birth")]
        problems += rule_problems
        if problems:
            self.show_problems(problems)
            return
        if save_or_show(self, lambda: self._save(fields, mass)):
            self.accept()
