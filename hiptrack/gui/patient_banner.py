"""The patient banner: who is being tested or recorded, above every page and every recording dialog.

A wrong-patient error is the costliest one this app can make, so the identity is shown in one
format everywhere: name, chart number, date of birth with age, and the involved side (which side
the LSI and the flags are about).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QBoxLayout, QDialog, QFormLayout, QLabel, QWidget

from hiptrack.domain.patient_rules import PatientFields, age_on
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.patients import patient_details


def no_patient_text() -> str:
    return translate("PatientBanner", "No patient selected")


def identity_text(fields: PatientFields, today: dt.date, archived: bool = False) -> str:
    """'Dubois, Marie · chart HT-01004 · born 1961-05-02 (64 y) · involved side: left'."""
    name = short_name(fields)
    if archived:
        name = translate("PatientBanner", "{name}  (archived)").format(name=name)
    parts = [name, translate("PatientBanner", "chart {chart}").format(chart=fields.chart_number)]
    if fields.date_of_birth is not None:
        parts.append(translate("PatientBanner", "born {date} ({age} y)").format(
            date=F.date(fields.date_of_birth), age=age_on(fields.date_of_birth, today)))
    side = label(fields.involved_side) if fields.involved_side else translate("PatientBanner", "not set")
    parts.append(translate("PatientBanner", "involved side: {side}").format(side=side))
    return "  ·  ".join(parts)


def short_name(fields: PatientFields) -> str:
    """The name as a question uses it: 'Dubois, Marie'."""
    return f"{fields.last_name}, {fields.first_name}"


class PatientBanner(QLabel):
    """One line naming the current patient; empty-looking but present when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(no_patient_text(), parent)
        self.setObjectName("patientBanner")
        self.setWordWrap(True)
        self.fields: PatientFields | None = None

    def show_patient(self, fields: PatientFields | None, archived: bool = False,
                     today: dt.date | None = None) -> None:
        self.fields = fields
        self.setProperty("empty", fields is None)
        self.setText(no_patient_text() if fields is None else identity_text(fields, today or dt.date.today(), archived))
        # The property drives the style sheet; re-polish so the change of look takes effect.
        self.style().unpolish(self)
        self.style().polish(self)

    def load(self, db: Database, patient_id: int | None) -> None:
        """Show this patient, read from the database (or "No patient selected")."""
        if patient_id is None:
            self.show_patient(None)
            return
        try:
            with db.session() as s:
                details = patient_details(s, patient_id)
        except StorageError as exc:
            self.show_patient(None)
            self.setText(self.tr("Patient id {id}: {problem}").format(id=patient_id, problem=error_text(exc)))
            return
        self.show_patient(details.fields, details.archived)


def add_banner(dialog: QDialog, db: Database, patient_id: int | None) -> PatientBanner:
    """Put the patient banner at the top of a dialog that records data for this patient, and name
    the patient in its title bar too (the title is what a window switcher shows)."""
    banner = PatientBanner(dialog)
    banner.load(db, patient_id)
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, banner)
    if banner.fields is not None:
        dialog.setWindowTitle(f"{dialog.windowTitle()} — {short_name(banner.fields)}")
    return banner
