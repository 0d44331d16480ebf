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

from hiptrack.domain.patient_rules import (
    PatientFields,
    body_mass_problems,
    date_of_birth_problems,
    parse_date,
    patient_problems,
)
from hiptrack.gui.dialogs.problems import (
    ProblemsMixin,
    form_with_save,
    parse_number,
    problems_label,
    save_or_show,
)
from hiptrack.reports import formatting as F

SaveCallback = Callable[[PatientFields, float | None], None]


class PatientDialog(QDialog, ProblemsMixin):
    def __init__(
        self, save: SaveCallback, fields: PatientFields | None = None, parent: QWidget | None = None,
        mass_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Edit patient") if fields else self.tr("New patient"))
        self.setMinimumWidth(460)
        self.chart = QLineEdit()
        self.last_name = QLineEdit()
        self.first_name = QLineEdit()
        self.dob = QLineEdit()
        self.dob.setPlaceholderText(self.tr("YYYY-MM-DD"))
        # Each choice shows words and holds the stored code, so a translation never reaches the database.
        self.sex = QComboBox()
        # No default: a guessed sex would select a norm equation (Harbo, Ramskov) for the wrong sex.
        for text, code in ((self.tr("not recorded"), None), (self.tr("female"), "female"),
                           (self.tr("male"), "male"), (self.tr("other"), "other")):
            self.sex.addItem(text, code)
        self.height_edit = QLineEdit()
        self.height_edit.setPlaceholderText(self.tr("metres, e.g. {example}").format(example=F.number(1.72, 2)))
        self.mass = QLineEdit()
        self.mass.setPlaceholderText(self.tr("optional"))
        self.dominant = QComboBox()
        for text, code in ((self.tr("not recorded"), None), (self.tr("left"), "left"), (self.tr("right"), "right")):
            self.dominant.addItem(text, code)
        self.involved = QComboBox()
        for text, code in ((self.tr("not set"), None), (self.tr("left"), "left"), (self.tr("right"), "right"),
                           (self.tr("both"), "both")):
            self.involved.addItem(text, code)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.problems = problems_label()

        form = QFormLayout()
        form.addRow(self.tr("&Chart number"), self.chart)
        form.addRow(self.tr("&Last name"), self.last_name)
        form.addRow(self.tr("&First name"), self.first_name)
        form.addRow(self.tr("&Date of birth"), self.dob)
        form.addRow(self.tr("&Sex"), self.sex)
        form.addRow(self.tr("&Height (m)"), self.height_edit)
        form.addRow(mass_label or self.tr("Body mass today (kg)"), self.mass)
        form.addRow(self.tr("D&ominant leg"), self.dominant)
        form.addRow(self.tr("&Involved side"), self.involved)
        form.addRow(self.tr("&Notes"), self.notes)
        form_with_save(self, form, self.problems, self._on_save_requested)
        if fields:
            self._fill(fields)

    def _fill(self, f: PatientFields) -> None:
        self.chart.setText(f.chart_number)
        self.last_name.setText(f.last_name)
        self.first_name.setText(f.first_name)
        self.dob.setText(f.date_of_birth.isoformat() if f.date_of_birth else "")
        for combo, code in ((self.sex, f.sex), (self.dominant, f.dominant_leg), (self.involved, f.involved_side)):
            combo.setCurrentIndex(max(0, combo.findData(code)) if code else 0)
        self.height_edit.setText(F.number(f.height_m, 2) if f.height_m else "")
        self.notes.setPlainText(f.notes)

    def collect(self) -> tuple[PatientFields, float | None, list[str]]:
        problems: list[str] = []
        dob: dt.date | None = None
        if self.dob.text().strip():
            dob, problem = parse_date(self.dob.text(), "")
            if problem:
                problems.append(self.tr("Date of birth '{text}' is not a real date in the form YYYY-MM-DD").format(
                    text=self.dob.text().strip()))
        height = parse_number(self.height_edit.text(), self.tr("Height"), problems)
        mass = parse_number(self.mass.text(), self.tr("Body mass"), problems)
        fields = PatientFields(
            chart_number=self.chart.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            date_of_birth=dob,
            sex=self.sex.currentData(),
            height_m=height,
            dominant_leg=self.dominant.currentData(),
            involved_side=self.involved.currentData(),
            notes=self.notes.toPlainText(),
        )
        return fields, mass, problems

    def _on_save_requested(self) -> None:
        fields, mass, problems = self.collect()
        # Name every problem at once, not one per attempt.
        today = dt.date.today()
        rule_problems = patient_problems(fields, today) + body_mass_problems(mass)
        if self.dob.text().strip() and fields.date_of_birth is None:
            # An unreadable date is already named; the rules would add that it is missing.
            missing = date_of_birth_problems(None, today)
            rule_problems = [p for p in rule_problems if p not in missing]
        problems += rule_problems
        if problems:
            self.show_problems(problems)
            return
        if save_or_show(self, lambda: self._save(fields, mass)):
            self.accept()
