"""Patients and their body-mass history: create, edit, archive, list for searching."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from hiptrack import log as hlog
from hiptrack.domain.patient_rules import PatientFields, PatientRow, body_mass_problems, patient_problems
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.errors import ConcurrentEdit, StorageError, UnknownPatient, ValidationError
from hiptrack.storage.models import BodyMass, Patient
from hiptrack.storage.types import utcnow


@dataclass(frozen=True)
class PatientDetails:
    id: int
    fields: PatientFields
    archived: bool
    latest_mass_kg: float | None
    latest_mass_on: dt.date | None
    version: int


def list_patients(session: Session, include_archived: bool = False) -> list[PatientRow]:
    """Every listed patient, ordered by name, for the patient list (see `_list_statement`)."""
    stmt = _list_statement(include_archived)
    connection = session.connection()
    # Straight from the driver's cursor: at 100,000 patients SQLAlchemy's row objects and type
    # processing cost three times the query itself. The statement has no parameters.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(stmt.compile(dialect=connection.dialect)))
        return [_patient_row(*row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def _list_statement(include_archived: bool) -> Select[int, str, str, str, dt.date, bool]:
    stmt = select(
        Patient.id, Patient.chart_number, Patient.last_name, Patient.first_name, Patient.date_of_birth,
        Patient.archived,
    ).order_by(func.lower(Patient.last_name), func.lower(Patient.first_name), Patient.id)
    if not include_archived:
        stmt = stmt.where(Patient.archived.is_(False))
    return stmt


def _patient_row(patient_id: int, chart: str, last: str, first: str, born: dt.date | str, archived: object) -> PatientRow:
    # SQLite hands back the ISO text of a date and 0/1 for a boolean; PostgreSQL the typed values.
    return PatientRow(patient_id, chart, last, first, dt.date.fromisoformat(born) if isinstance(born, str) else born,
                      bool(archived))


def _clean(fields: PatientFields) -> PatientFields:
    return replace(
        fields,
        chart_number=fields.chart_number.strip(),
        last_name=fields.last_name.strip(),
        first_name=fields.first_name.strip(),
        notes=fields.notes.strip(),
    )


def chart_key(chart_number: str) -> str:
    """The form chart numbers are compared in: 'ht-01004 ' and 'HT-01004' are one chart."""
    return chart_number.strip().casefold()


def same_chart(chart_number: str) -> ColumnElement[bool]:
    """A WHERE clause matching every stored chart number equal to this one up to case and spaces.

    Python's casefold and SQL lower() agree on the ASCII letters, digits and dashes clinics use;
    stored numbers are already trimmed (migration 0011 and every write since)."""
    return func.lower(func.trim(Patient.chart_number)) == chart_key(chart_number)


def _check(session: Session, fields: PatientFields, patient_id: int | None, today: dt.date) -> None:
    problems = patient_problems(fields, today)
    if fields.chart_number:
        clashes = session.scalars(select(Patient).where(same_chart(fields.chart_number), Patient.id != (patient_id or -1)))
        for clash in clashes:
            if clash.chart_number == fields.chart_number:
                problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Chart number {chart} is already used by another "
                                                                   "patient"), chart=fields.chart_number))
            else:
                problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Chart number {chart} is already used by another "
                                                                   "patient (as {stored})"),
                                       chart=fields.chart_number, stored=clash.chart_number))
            break
    if problems:
        raise ValidationError(problems)


def _apply(patient: Patient, fields: PatientFields) -> None:
    patient.chart_number = fields.chart_number
    patient.last_name = fields.last_name
    patient.first_name = fields.first_name
    assert fields.date_of_birth is not None
    patient.date_of_birth = fields.date_of_birth
    patient.sex = fields.sex
    patient.height_m = fields.height_m
    patient.dominant_leg = fields.dominant_leg
    patient.involved_side = fields.involved_side
    patient.notes = fields.notes


def create_patient(
    session: Session, fields: PatientFields, body_mass_kg: float | None = None, today: dt.date | None = None
) -> int:
    today = today or dt.date.today()
    fields = _clean(fields)
    _check(session, fields, None, today)
    mass_problems = body_mass_problems(body_mass_kg)
    if mass_problems:
        raise ValidationError(mass_problems)
    patient = Patient()
    _apply(patient, fields)
    session.add(patient)
    session.flush()
    if body_mass_kg is not None:
        session.add(BodyMass(patient_id=patient.id, measured_on=today, mass_kg=body_mass_kg, source="measured"))
    hlog.redact(fields.chart_number, fields.last_name, fields.first_name)
    return patient.id


def update_patient(
    session: Session, patient_id: int, fields: PatientFields, expected_version: int | None = None,
    today: dt.date | None = None,
) -> None:
    patient = get_patient(session, patient_id)
    if expected_version is not None and patient.version != expected_version:
        raise ConcurrentEdit(QT_TRANSLATE_NOOP(
            "Labels", "This patient was changed on another workstation since you opened it. Reopen and edit again."))
    fields = _clean(fields)
    _check(session, fields, patient_id, today or dt.date.today())
    _apply(patient, fields)
    hlog.redact(fields.chart_number, fields.last_name, fields.first_name)


def set_archived(session: Session, patient_id: int, archived: bool) -> None:
    patient = get_patient(session, patient_id)
    patient.archived = archived
    patient.archived_at = utcnow() if archived else None


def get_patient(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Patient id {id} does not exist"), id=patient_id))
    return patient


def find_by_chart(session: Session, chart_number: str) -> Patient | None:
    """The patient with this chart number, whatever its case or surrounding spaces; an exact match
    first where an old database still holds near-duplicates (migration 0011 reports them)."""
    matches = list(session.scalars(select(Patient).where(same_chart(chart_number)).order_by(Patient.id)))
    exact = [p for p in matches if p.chart_number == chart_number.strip()]
    best = exact or matches
    return best[0] if best else None


def chart_number_near_duplicates(session: Session) -> list[tuple[int, ...]]:
    """Groups of patient ids whose chart numbers differ only in case or spaces (kept, never merged)."""
    groups: dict[str, list[int]] = {}
    for patient_id, chart in session.execute(select(Patient.id, Patient.chart_number).order_by(Patient.id)):
        groups.setdefault(chart_key(chart), []).append(patient_id)
    return [tuple(ids) for ids in groups.values() if len(ids) > 1]


def require_by_chart(session: Session, chart_number: str) -> Patient:
    """The patient with this chart number, or a StorageError that says there is none."""
    patient = find_by_chart(session, chart_number)
    if patient is None:
        raise UnknownPatient(Phrase(QT_TRANSLATE_NOOP("Labels", "no patient with chart number {chart}"),
                                    chart=chart_number))
    return patient


def patient_details(session: Session, patient_id: int) -> PatientDetails:
    p = get_patient(session, patient_id)
    hlog.redact(p.chart_number, p.last_name, p.first_name)
    latest = latest_body_mass(session, patient_id)
    return PatientDetails(
        id=p.id,
        fields=PatientFields(
            p.chart_number, p.last_name, p.first_name, p.date_of_birth, p.sex, p.height_m, p.dominant_leg,
            p.involved_side, p.notes,
        ),
        archived=p.archived,
        latest_mass_kg=latest.mass_kg if latest else None,
        latest_mass_on=latest.measured_on if latest else None,
        version=p.version,
    )


def latest_body_mass(session: Session, patient_id: int, on_or_before: dt.date | None = None) -> BodyMass | None:
    stmt = select(BodyMass).where(BodyMass.patient_id == patient_id, BodyMass.voided.is_(False))
    if on_or_before is not None:
        stmt = stmt.where(BodyMass.measured_on <= on_or_before)
    return session.scalar(stmt.order_by(BodyMass.measured_on.desc(), BodyMass.id.desc()).limit(1))


def record_body_mass(
    session: Session, patient_id: int, mass_kg: float, measured_on: dt.date, visit_id: int | None = None
) -> int:
    problems = body_mass_problems(mass_kg)
    if problems:
        raise ValidationError(problems)
    get_patient(session, patient_id)
    entry = BodyMass(patient_id=patient_id, mass_kg=mass_kg, measured_on=measured_on, visit_id=visit_id,
                     source="measured")
    session.add(entry)
    session.flush()
    return entry.id


def body_mass_history(session: Session, patient_id: int) -> list[tuple[dt.date, float]]:
    rows = session.execute(
        select(BodyMass.measured_on, BodyMass.mass_kg)
        .where(BodyMass.patient_id == patient_id, BodyMass.voided.is_(False))
        .order_by(BodyMass.measured_on, BodyMass.id)
    )
    return [(d, m) for d, m in rows]
