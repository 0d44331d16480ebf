"""Home exercise program: catalog, prescriptions, log entries, adherence and progression.

The built-in catalog ships in `db/reference/exercises.json` (text per locale, English fallback).
`sync_catalog()` runs at start-up and inserts the built-in exercises the database lacks, by code;
it never touches an existing row, so a clinic's edits survive upgrades. Built-in rows store the
English text; `list_exercises(locale=...)` shows the translation for every field the clinic has
not edited. Exercises the clinic adds are `is_custom` with codes prefixed `clinic_`, so they can
never clash with a built-in code added later.

Prescriptions, log entries and progression decisions are clinical records: every insert and
update is written to the audit trail by `hiptrack.storage.audit`, and nothing is deleted (ended
or voided instead).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from hiptrack import paths
from hiptrack.domain import exercise_program as ep
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.audit import session_actor
from hiptrack.storage.errors import ConcurrentEdit, StorageError, ValidationError
from hiptrack.storage.models import (
    AuditEvent,
    Exercise,
    ExerciseLogEntry,
    Patient,
    Prescription,
    ProgressionDecision,
)

log = logging.getLogger(__name__)

TEXT_FIELDS = ("name", "target_muscles", "setup", "movement", "hold", "common_mistakes")
CUSTOM_PREFIX = "clinic_"
FALLBACK_LOCALE = "en"


# --- catalog ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseFields:
    """An exercise as edited by a clinician (or read from the catalog file)."""

    name: str
    target_muscles: str = ""
    setup: str = ""
    movement: str = ""
    hold: str = ""
    common_mistakes: str = ""
    default_sets: int = 3
    default_reps: int = 10
    default_hold_s: float = 0.0
    default_sessions_per_week: int = 5
    progression_rule: str | None = None
    progression_params: Mapping[str, Any] = field(default_factory=dict)
    progression_text: str = ""


@dataclass(frozen=True)
class CatalogEntry:
    code: str
    fields: ExerciseFields


@dataclass(frozen=True)
class ExerciseInfo:
    id: int
    code: str
    fields: ExerciseFields
    is_custom: bool  # added by the clinic
    edited: bool  # a built-in exercise whose text the clinic changed
    archived: bool
    version: int = 1  # pass back to update_exercise to detect another room's edit

    @property
    def label(self) -> str:
        return f"{self.fields.name} (clinic's own)" if self.is_custom else self.fields.name


def localised(value: Any, locale: str = FALLBACK_LOCALE) -> str:
    """Pick `locale` ("pt_BR"), then its language ("pt"), then English from {"en": ..., ...}."""
    if isinstance(value, str):
        return value
    if not isinstance(value, Mapping):
        return ""
    for key in (locale, locale.split("_")[0].split("-")[0], FALLBACK_LOCALE):
        text = value.get(key)
        if isinstance(text, str) and text.strip():
            return text
    return ""


def _catalog_problems(item: Any, index: int) -> list[str]:
    where = f"exercise #{index + 1}"
    if not isinstance(item, Mapping):
        return [f"{where} is not an object"]
    problems: list[str] = []
    code = item.get("code")
    if not isinstance(code, str) or not re.fullmatch(r"[a-z][a-z0-9_]{1,47}", code):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{where}: code {code!r} must be lower-case "
                                                           "letters, digits and _"),
                               where=where, code=code))
    where = f"exercise '{code}'"
    for name in (*TEXT_FIELDS, ):
        value = item.get(name)
        if not isinstance(value, Mapping) or not localised(value, FALLBACK_LOCALE):
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{where}: '{name}' needs English text "
                                                               "({{\"en\": ...}})"),
                                   where=where, name=name))
    dosage = item.get("dosage")
    if not isinstance(dosage, Mapping) or not all(k in dosage for k in ("sets", "reps", "hold_s", "sessions_per_week")):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{where}: dosage needs sets, reps, hold_s and "
                                                           "sessions_per_week"),
                               where=where))
    progression = item.get("progression") or {}
    # Punctuation only: not marked, but each rule problem (a marked text) is still translated.
    problems += [Phrase("{where}: {problem}", where=where, problem=p) for p in ep.rule_problems(progression.get("rule"), progression.get("params") or {})]
    return problems


def load_catalog(locale: str = FALLBACK_LOCALE, path: Path | None = None) -> list[CatalogEntry]:
    """The built-in exercises, with text in `locale` where translated and English elsewhere."""
    path = path or paths.resource_path("db", "reference", "exercises.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "The exercise catalog {name} cannot be read: "
                                                              "{exc}"),
                                  name=path.name, exc=exc)) from exc
    items = data.get("exercises") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "The exercise catalog {name} has no "
                                                              "'exercises' list"),
                                  name=path.name))
    problems = [p for i, item in enumerate(items) for p in _catalog_problems(item, i)]
    codes = [item.get("code") for item in items]
    problems += [f"exercise code '{c}' appears more than once" for c in sorted({c for c in codes if codes.count(c) > 1})]
    if problems:
        raise StorageError(f"The exercise catalog {path.name} is invalid: " + "; ".join(problems))
    entries = []
    for item in items:
        dosage, progression = item["dosage"], item.get("progression") or {}
        texts = {name: localised(item[name], locale) for name in TEXT_FIELDS}
        entries.append(CatalogEntry(item["code"], ExerciseFields(
            **texts,
            default_sets=int(dosage["sets"]), default_reps=int(dosage["reps"]),
            default_hold_s=float(dosage["hold_s"]), default_sessions_per_week=int(dosage["sessions_per_week"]),
            progression_rule=progression.get("rule"), progression_params=dict(progression.get("params") or {}),
            progression_text=localised(progression.get("text") or {}, locale),
        )))
    return entries


def _apply_exercise(row: Exercise, f: ExerciseFields) -> None:
    for name in TEXT_FIELDS:
        setattr(row, name, getattr(f, name).strip())
    row.default_sets = f.default_sets
    row.default_reps = f.default_reps
    row.default_hold_s = f.default_hold_s
    row.default_sessions_per_week = f.default_sessions_per_week
    row.progression_rule = f.progression_rule or None
    row.progression_params = dict(f.progression_params)
    row.progression_text = f.progression_text.strip()


def sync_catalog(session: Session, path: Path | None = None) -> list[str]:
    """Insert the built-in exercises missing from the database (by code); returns their codes.

    Existing rows are never changed, so a clinic's edits to a built-in exercise are kept.
    Call at start-up, after migrations.
    """
    existing = set(session.scalars(select(Exercise.code)))
    added = []
    for entry in load_catalog(FALLBACK_LOCALE, path):
        if entry.code in existing:
            continue
        row = Exercise(code=entry.code, is_custom=False, archived=False)
        _apply_exercise(row, entry.fields)
        session.add(row)
        added.append(entry.code)
    if added:
        session.flush()
        log.info("exercise catalog: added %d built-in exercises", len(added))
    return added


def _fields_of(row: Exercise) -> ExerciseFields:
    return ExerciseFields(
        name=row.name, target_muscles=row.target_muscles, setup=row.setup, movement=row.movement, hold=row.hold,
        common_mistakes=row.common_mistakes, default_sets=row.default_sets, default_reps=row.default_reps,
        default_hold_s=row.default_hold_s, default_sessions_per_week=row.default_sessions_per_week,
        progression_rule=row.progression_rule, progression_params=dict(row.progression_params or {}),
        progression_text=row.progression_text,
    )


def _catalog_texts(locale: str) -> dict[str, tuple[ExerciseFields, ExerciseFields]]:
    """code → (English fields, localised fields); empty if the file cannot be read."""
    try:
        english = {e.code: e.fields for e in load_catalog(FALLBACK_LOCALE)}
        local = {e.code: e.fields for e in load_catalog(locale)}
    except (StorageError, FileNotFoundError):
        log.warning("exercise catalog unreadable; showing database text only", exc_info=True)
        return {}
    return {code: (english[code], local[code]) for code in english}


def _info(row: Exercise, catalog: Mapping[str, tuple[ExerciseFields, ExerciseFields]]) -> ExerciseInfo:
    f = _fields_of(row)
    edited = False
    if not row.is_custom and row.code in catalog:
        english, local = catalog[row.code]
        texts = {}
        for name in (*TEXT_FIELDS, "progression_text"):
            mine = getattr(f, name)
            if mine == getattr(english, name):
                texts[name] = getattr(local, name)  # unedited: show the translation
            else:
                texts[name] = mine
                edited = True
        edited = edited or (f.progression_rule, dict(f.progression_params)) != (
            english.progression_rule, dict(english.progression_params))
        f = replace(f, **texts)
    return ExerciseInfo(row.id, row.code, f, row.is_custom, edited, row.archived, row.version)


def list_exercises(session: Session, locale: str = FALLBACK_LOCALE, include_archived: bool = False) -> list[ExerciseInfo]:
    """Built-in exercises first (catalog order by name), then the clinic's own."""
    stmt = select(Exercise).order_by(Exercise.is_custom, Exercise.name, Exercise.id)
    if not include_archived:
        stmt = stmt.where(Exercise.archived.is_(False))
    catalog = _catalog_texts(locale)
    return [_info(row, catalog) for row in session.scalars(stmt)]


def get_exercise(session: Session, exercise_id: int, locale: str = FALLBACK_LOCALE) -> ExerciseInfo:
    row = session.get(Exercise, exercise_id)
    if row is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Exercise id {exercise_id} does not exist"),
                                  exercise_id=exercise_id))
    return _info(row, _catalog_texts(locale))


def exercise_problems(f: ExerciseFields) -> list[str]:
    problems: list[str] = []
    if not f.name.strip():
        problems.append(QT_TRANSLATE_NOOP("Labels", "The exercise needs a name"))
    if len(f.name.strip()) > 120:
        problems.append(QT_TRANSLATE_NOOP("Labels", "The exercise name is longer than 120 characters"))
    if len(f.target_muscles.strip()) > 200:
        problems.append(QT_TRANSLATE_NOOP("Labels", "Target muscles are longer than 200 characters"))
    problems += ep.dosage_problems(ep.Dosage(f.default_sets, f.default_reps, f.default_hold_s,
                                             sessions_per_week=f.default_sessions_per_week))
    problems += ep.rule_problems(f.progression_rule, f.progression_params)
    return problems


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug[: 48 - len(CUSTOM_PREFIX) - 4] or "exercise"


def create_custom_exercise(session: Session, f: ExerciseFields) -> int:
    """Add one of the clinic's own exercises (marked is_custom)."""
    problems = exercise_problems(f)
    clash = session.scalar(select(Exercise.id).where(Exercise.name == f.name.strip(), Exercise.archived.is_(False)))
    if clash is not None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "An exercise called '{name}' already exists"),
                               name=f.name.strip()))
    if problems:
        raise ValidationError(problems)
    base = CUSTOM_PREFIX + _slug(f.name)
    code, n = base, 1
    existing = set(session.scalars(select(Exercise.code).where(Exercise.code.like(f"{base}%"))))
    while code in existing:
        n += 1
        code = f"{base}_{n}"
    row = Exercise(code=code, is_custom=True, archived=False, created_by=session_actor(session).clinician_id)
    _apply_exercise(row, f)
    session.add(row)
    session.flush()
    log.info("exercise id=%d added to the clinic's catalog", row.id)
    return row.id


def update_exercise(
    session: Session, exercise_id: int, f: ExerciseFields, expected_version: int | None = None
) -> None:
    """Edit any exercise, built-in or the clinic's own; `sync_catalog` will not undo it. With
    `expected_version` (the version read when the editor opened), an edit saved meanwhile on
    another workstation is refused instead of overwritten."""
    row = session.get(Exercise, exercise_id)
    if row is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Exercise id {exercise_id} does not exist"),
                                  exercise_id=exercise_id))
    problems = exercise_problems(f)
    clash = session.scalar(select(Exercise.id).where(
        Exercise.name == f.name.strip(), Exercise.id != exercise_id, Exercise.archived.is_(False)))
    if clash is not None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "An exercise called '{name}' already exists"),
                               name=f.name.strip()))
    if problems:
        raise ValidationError(problems)
    _bump_version(session, row, expected_version)
    _apply_exercise(row, f)


def _bump_version(session: Session, row: Exercise, expected_version: int | None) -> None:
    """One atomic UPDATE: it matches no row when another room's edit bumped the version first."""
    stmt = update(Exercise).where(Exercise.id == row.id)
    if expected_version is not None:
        stmt = stmt.where(Exercise.version == expected_version)
    result = session.execute(stmt.values(version=Exercise.version + 1).execution_options(synchronize_session=False))
    if getattr(result, "rowcount", 1) != 1:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP("Labels", "This exercise was changed on another workstation since you opened "
                                        "it. Reopen it and apply your change again.")
        )
    session.expire(row, ["version"])


def set_exercise_archived(session: Session, exercise_id: int, archived: bool) -> None:
    """Hide an exercise from the prescribe list; existing prescriptions keep it."""
    row = session.get(Exercise, exercise_id)
    if row is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Exercise id {exercise_id} does not exist"),
                                  exercise_id=exercise_id))
    row.archived = archived


# --- prescriptions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PrescriptionFields:
    exercise_id: int
    sets: int
    reps: int
    start_date: dt.date
    hold_s: float = 0.0
    sides: str = "both"
    sessions_per_week: int = 5
    resistance_kind: str = "none"
    resistance_level: str | None = None
    resistance_kg: float | None = None
    end_date: dt.date | None = None
    notes: str = ""

    @property
    def dosage(self) -> ep.Dosage:
        return ep.Dosage(self.sets, self.reps, self.hold_s, self.sides, self.sessions_per_week,
                         self.resistance_kind, self.resistance_level, self.resistance_kg)


@dataclass(frozen=True)
class PrescriptionRow:
    id: int
    patient_id: int
    exercise_id: int
    exercise_code: str
    exercise_name: str
    exercise_is_custom: bool
    dosage: ep.Dosage
    start_date: dt.date
    end_date: dt.date | None
    status: str
    notes: str
    progression_text: str
    # The row's version when read: pass it back to update_prescription to detect another room's edit.
    version: int = 1

    @property
    def dosage_text(self) -> str:
        return ep.format_dosage(self.dosage)

    def fields(self) -> PrescriptionFields:
        d = self.dosage
        return PrescriptionFields(
            self.exercise_id, d.sets, d.reps, self.start_date, d.hold_s, d.sides, d.sessions_per_week,
            d.resistance_kind, d.resistance_level, d.resistance_kg, self.end_date, self.notes,
        )

    def active_on(self, day: dt.date) -> bool:
        return self.status != "voided" and self.start_date <= day and (self.end_date is None or day <= self.end_date)


def _dosage_of(p: Prescription) -> ep.Dosage:
    return ep.Dosage(p.sets, p.reps, p.hold_s, p.sides, p.sessions_per_week, p.resistance_kind,
                     p.resistance_level, p.resistance_kg)


def _prescription_problems(session: Session, f: PrescriptionFields) -> list[str]:
    problems = ep.dosage_problems(f.dosage)
    exercise = session.get(Exercise, f.exercise_id)
    if exercise is None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Exercise id {exercise_id} does not exist"),
                               exercise_id=f.exercise_id))
    if f.end_date is not None and f.end_date < f.start_date:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "End date {end_date} is before the start date "
                                                           "{start_date}"),
                               end_date=f.end_date.isoformat(), start_date=f.start_date.isoformat()))
    return problems


def _apply_prescription(p: Prescription, f: PrescriptionFields) -> None:
    p.exercise_id = f.exercise_id
    p.sides = f.sides
    p.sets = f.sets
    p.reps = f.reps
    p.hold_s = f.hold_s
    p.resistance_kind = f.resistance_kind
    p.resistance_level = (f.resistance_level or "").strip() or None if f.resistance_kind == "band" else None
    p.resistance_kg = f.resistance_kg if f.resistance_kind == "ankle_weight" else None
    p.sessions_per_week = f.sessions_per_week
    p.start_date = f.start_date
    p.end_date = f.end_date
    p.notes = f.notes.strip()


def prescribe(session: Session, patient_id: int, f: PrescriptionFields) -> int:
    if session.get(Patient, patient_id) is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Patient id {patient_id} does not exist"),
                                  patient_id=patient_id))
    problems = _prescription_problems(session, f)
    if problems:
        raise ValidationError(problems)
    p = Prescription(patient_id=patient_id, status="active", prescribed_by=session_actor(session).clinician_id)
    _apply_prescription(p, f)
    session.add(p)
    session.flush()
    log.info("prescription id=%d created for patient id=%d", p.id, patient_id)
    return p.id


def _get_prescription(session: Session, prescription_id: int) -> Prescription:
    p = session.get(Prescription, prescription_id)
    if p is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Prescription id {prescription_id} does not "
                                                              "exist"),
                                  prescription_id=prescription_id))
    return p


def _check_version(p: Prescription, expected_version: int | None) -> None:
    if expected_version is not None and p.version != expected_version:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP("Labels", "This prescription was changed on another workstation since you "
                                        "opened it. Reopen it and apply your change again.")
        )


def update_prescription(
    session: Session, prescription_id: int, f: PrescriptionFields, expected_version: int | None = None
) -> None:
    p = _get_prescription(session, prescription_id)
    _check_version(p, expected_version)
    if p.status == "voided":
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "This prescription was voided and can no longer be "
                                                       "edited"))
    problems = _prescription_problems(session, f)
    if problems:
        raise ValidationError(problems)
    _apply_prescription(p, f)


def end_prescription(session: Session, prescription_id: int, end_date: dt.date) -> None:
    """Stop a prescription after `end_date` (inclusive); its log stays."""
    p = _get_prescription(session, prescription_id)
    if p.status == "voided":
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "This prescription was voided and cannot be ended"))
    if end_date < p.start_date:
        raise ValidationError([f"End date {end_date.isoformat()} is before the start date {p.start_date.isoformat()}"])
    p.end_date = end_date
    p.status = "ended"


def void_prescription(session: Session, prescription_id: int) -> None:
    """Mark a prescription entered in error; it no longer counts for adherence."""
    _get_prescription(session, prescription_id).status = "voided"


def _row(p: Prescription, catalog: Mapping[str, tuple[ExerciseFields, ExerciseFields]]) -> PrescriptionRow:
    info = _info(p.exercise, catalog)
    return PrescriptionRow(
        id=p.id, patient_id=p.patient_id, exercise_id=p.exercise_id, exercise_code=info.code,
        exercise_name=info.label, exercise_is_custom=info.is_custom, dosage=_dosage_of(p),
        start_date=p.start_date, end_date=p.end_date, status=p.status, notes=p.notes,
        progression_text=info.fields.progression_text, version=p.version,
    )


def list_prescriptions(
    session: Session, patient_id: int, include_voided: bool = False, locale: str = FALLBACK_LOCALE
) -> list[PrescriptionRow]:
    """Active first, then ended; each group by start date."""
    stmt = select(Prescription).where(Prescription.patient_id == patient_id)
    if not include_voided:
        stmt = stmt.where(Prescription.status != "voided")
    rows = list(session.scalars(stmt.order_by(Prescription.start_date, Prescription.id)))
    catalog = _catalog_texts(locale)
    order = {"active": 0, "ended": 1, "voided": 2}
    return sorted((_row(p, catalog) for p in rows), key=lambda r: order[r.status])


def get_prescription(session: Session, prescription_id: int, locale: str = FALLBACK_LOCALE) -> PrescriptionRow:
    return _row(_get_prescription(session, prescription_id), _catalog_texts(locale))


def _active_on(session: Session, patient_id: int, day: dt.date) -> list[Prescription]:
    stmt = select(Prescription).where(
        Prescription.patient_id == patient_id, Prescription.status != "voided", Prescription.start_date <= day,
        (Prescription.end_date.is_(None)) | (Prescription.end_date >= day),
    ).order_by(Prescription.id)
    return list(session.scalars(stmt))


# --- log entries -----------------------------------------------------------------------------

LOG_SIDES = ("left", "right", "both", "bilateral")


@dataclass(frozen=True)
class LogFields:
    performed_on: dt.date
    side: str | None = None
    sets_done: int | None = None
    reps_done: int | None = None
    hold_s: float | None = None
    resistance_level: str | None = None
    resistance_kg: float | None = None
    pain_during: int | None = None
    difficulty: int | None = None
    notes: str = ""
    done_as_prescribed: bool = False


@dataclass(frozen=True)
class LogRow:
    id: int
    prescription_id: int
    exercise_name: str
    fields: LogFields
    source: str
    voided: bool
    version: int

    @property
    def summary(self) -> str:
        f = self.fields
        if f.done_as_prescribed:
            return "done as prescribed"
        parts = []
        if f.sets_done is not None or f.reps_done is not None:
            parts.append(f"{f.sets_done if f.sets_done is not None else '?'} × "
                         f"{f.reps_done if f.reps_done is not None else '?'}")
        if f.hold_s:
            parts.append(f"hold {f.hold_s:g} s")
        if f.resistance_level:
            parts.append(f"{f.resistance_level} band")
        if f.resistance_kg:
            parts.append(f"{f.resistance_kg:.1f} kg")
        return ", ".join(parts) or "done"


def log_problems(f: LogFields, today: dt.date, prescription: Prescription | None = None) -> list[str]:
    problems: list[str] = []
    if f.performed_on > today:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Date {performed_on} is in the future"),
                               performed_on=f.performed_on.isoformat()))
    if prescription is not None:
        if prescription.status == "voided":
            problems.append(QT_TRANSLATE_NOOP("Labels", "The prescription was voided"))
        elif f.performed_on < prescription.start_date:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Date {performed_on} is before the "
                                                               "prescription started ({start_date})"),
                                   performed_on=f.performed_on.isoformat(), start_date=prescription.start_date.isoformat()))
        elif prescription.end_date is not None and f.performed_on > prescription.end_date:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Date {performed_on} is after the "
                                                               "prescription ended ({end_date})"),
                                   performed_on=f.performed_on.isoformat(), end_date=prescription.end_date.isoformat()))
    if f.side is not None and f.side not in LOG_SIDES:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Side must be one of {LOG_SIDES} (got '{side}')"),
                               LOG_SIDES=', '.join(LOG_SIDES), side=f.side))
    for label, value, hi in (("Sets", f.sets_done, 20), ("Repetitions", f.reps_done, 200)):
        if value is not None and not 0 <= value <= hi:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} done must be 0–{hi} (got {value})"),
                                   label=label, hi=hi, value=value))
    if f.hold_s is not None and not 0 <= f.hold_s <= 600:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Hold must be 0–600 s (got {hold_s:g})"),
                               hold_s=f.hold_s))
    if f.resistance_kg is not None and not 0 <= f.resistance_kg <= 25:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "Ankle weight must be 0–25 kg (got "
                                                           "{resistance_kg:g})"),
                               resistance_kg=f.resistance_kg))
    for label, value in (("Pain during", f.pain_during), ("Difficulty", f.difficulty)):
        if value is not None and not 0 <= value <= 10:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} must be 0–10 (got {value})"),
                                   label=label, value=value))
    return problems


def _apply_log(entry: ExerciseLogEntry, f: LogFields) -> None:
    entry.performed_on = f.performed_on
    entry.side = f.side
    entry.sets_done = f.sets_done
    entry.reps_done = f.reps_done
    entry.hold_s = f.hold_s
    entry.resistance_level = (f.resistance_level or "").strip() or None
    entry.resistance_kg = f.resistance_kg
    entry.pain_during = f.pain_during
    entry.difficulty = f.difficulty
    entry.notes = f.notes.strip()
    entry.done_as_prescribed = f.done_as_prescribed


def log_entry(
    session: Session, prescription_id: int, f: LogFields, today: dt.date | None = None, source: str = "manual",
    import_key: str | None = None,
) -> int:
    """A detailed entry for one exercise on one day."""
    p = _get_prescription(session, prescription_id)
    problems = log_problems(f, today or dt.date.today(), p)
    if problems:
        raise ValidationError(problems)
    # The relationship (not just the id) lets the audit hook file the event under the patient.
    entry = ExerciseLogEntry(prescription=p, source=source, import_key=import_key,
                             recorded_by=session_actor(session).clinician_id, voided=False)
    _apply_log(entry, f)
    session.add(entry)
    session.flush()
    return entry.id


def already_logged(session: Session, prescription_ids: Sequence[int], day: dt.date) -> set[int]:
    """Which of these prescriptions have a (not voided) log entry on `day`, in one query."""
    return set(session.scalars(select(ExerciseLogEntry.prescription_id).where(
        ExerciseLogEntry.prescription_id.in_(prescription_ids),
        ExerciseLogEntry.performed_on == day, ExerciseLogEntry.voided.is_(False))))


def log_done_as_prescribed(session: Session, patient_id: int, day: dt.date, today: dt.date | None = None) -> list[int]:
    """One action for a day: an entry "done as prescribed" for each prescription active that day.

    Prescriptions that already have an entry that day are skipped, so pressing the button twice
    adds nothing. Returns the new entry ids (empty when there was nothing to add).
    """
    today = today or dt.date.today()
    if day > today:
        raise ValidationError([f"Date {day.isoformat()} is in the future"])
    prescriptions = _active_on(session, patient_id, day)
    already = already_logged(session, [p.id for p in prescriptions], day)
    ids = []
    for p in prescriptions:
        if p.id in already:
            continue
        f = LogFields(performed_on=day, side=p.sides, sets_done=p.sets, reps_done=p.reps, hold_s=p.hold_s,
                      resistance_level=p.resistance_level, resistance_kg=p.resistance_kg, done_as_prescribed=True)
        ids.append(log_entry(session, p.id, f, today, source="quick"))
    log.info("quick log: %d entries for patient id=%d", len(ids), patient_id)
    return ids


def _get_entry(session: Session, entry_id: int) -> ExerciseLogEntry:
    entry = session.get(ExerciseLogEntry, entry_id)
    if entry is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Log entry id {entry_id} does not exist"),
                                  entry_id=entry_id))
    return entry


def update_log_entry(
    session: Session, entry_id: int, f: LogFields, expected_version: int | None = None, today: dt.date | None = None
) -> None:
    """Correct an entry; the old values stay in the audit trail."""
    entry = _get_entry(session, entry_id)
    if entry.voided:
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "This log entry was voided and can no longer be "
                                                       "edited"))
    if expected_version is not None and entry.version != expected_version:
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "This log entry was changed on another workstation "
                                                       "since you opened it. Reopen it."))
    problems = log_problems(f, today or dt.date.today(), entry.prescription)
    if problems:
        raise ValidationError(problems)
    _apply_log(entry, f)


def void_log_entry(session: Session, entry_id: int) -> None:
    _get_entry(session, entry_id).voided = True


def _log_fields(e: Any) -> LogFields:
    """From an entry or from a row of its columns (same names)."""
    return LogFields(e.performed_on, e.side, e.sets_done, e.reps_done, e.hold_s, e.resistance_level, e.resistance_kg,
                     e.pain_during, e.difficulty, e.notes, e.done_as_prescribed)


def list_log_entries(
    session: Session, patient_id: int, since: dt.date | None = None, include_voided: bool = False,
    locale: str = FALLBACK_LOCALE,
) -> list[LogRow]:
    """Newest first.

    Years of daily logs run to thousands of entries: they are read as plain columns (no ORM
    objects), and each prescription's exercise name is worked out once."""
    e = ExerciseLogEntry
    stmt = (select(e.id, e.prescription_id, e.performed_on, e.side, e.sets_done, e.reps_done, e.hold_s,
                   e.resistance_level, e.resistance_kg, e.pain_during, e.difficulty, e.notes, e.done_as_prescribed,
                   e.source, e.voided, e.version)
            .join(Prescription, Prescription.id == e.prescription_id)
            .where(Prescription.patient_id == patient_id))
    if since is not None:
        stmt = stmt.where(e.performed_on >= since)
    if not include_voided:
        stmt = stmt.where(e.voided.is_(False))
    stmt = stmt.order_by(e.performed_on.desc(), e.id.desc())
    entries = session.execute(stmt).all()
    catalog = _catalog_texts(locale)
    names = {p.id: _info(p.exercise, catalog).label for p in session.scalars(
        select(Prescription).where(Prescription.id.in_({row.prescription_id for row in entries})))}
    return [LogRow(row.id, row.prescription_id, names[row.prescription_id], _log_fields(row), row.source,
                   row.voided, row.version) for row in entries]


def logged_resistance(session: Session, patient_id: int, until: dt.date) -> list[tuple[dt.date, float]]:
    """(day, kg) of every kept log entry with a weight, up to `until`, in no particular order.

    Two columns only: the Progress chart's weight line needs no log row, exercise name or catalog
    text, and building those for years of daily logs cost 40 ms of each patient switch."""
    e = ExerciseLogEntry
    stmt = (select(e.performed_on, e.resistance_kg)
            .join(Prescription, Prescription.id == e.prescription_id)
            .where(Prescription.patient_id == patient_id, e.voided.is_(False), e.resistance_kg.is_not(None),
                   e.performed_on <= until))
    return [(day, float(kg)) for day, kg in session.execute(stmt) if kg is not None]


@dataclass(frozen=True)
class HistoryEvent:
    occurred_at: dt.datetime
    actor: str
    action: str
    changes: Mapping[str, Any]


def record_history(session: Session, entity: str, entity_id: int) -> list[HistoryEvent]:
    """The audit trail of one record (e.g. "exercise_log_entries", 12), oldest first."""
    stmt = (select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.occurred_at, AuditEvent.id))
    return [HistoryEvent(a.occurred_at, a.actor, a.action, dict(a.changes)) for a in session.scalars(stmt)]


# --- adherence and progression ---------------------------------------------------------------


def _counts_as_done() -> ColumnElement[bool]:
    """`SessionRecord.counts_as_done` in SQL: done as prescribed, or neither 0 sets nor 0
    repetitions (a number not recorded counts, as `None != 0` does in Python)."""
    e = ExerciseLogEntry
    return or_(e.done_as_prescribed.is_(True),
               and_(func.coalesce(e.sets_done, 1) != 0, func.coalesce(e.reps_done, 1) != 0))


def _records(session: Session, prescription_id: int, since: dt.date | None) -> list[ep.SessionRecord]:
    """The entries the progression rules look at: kept, counted as done, logged after `since`.
    (The rules skip the others; five years of daily logs are about 1,000 entries a prescription.)"""
    e = ExerciseLogEntry
    stmt = select(e.performed_on, e.done_as_prescribed, e.sets_done, e.reps_done, e.pain_during,
                  e.difficulty).where(e.prescription_id == prescription_id, e.voided.is_(False), _counts_as_done())
    if since is not None:
        stmt = stmt.where(e.performed_on > since)
    return [ep.SessionRecord(*row) for row in session.execute(stmt)]


def _done_days(session: Session, prescription_ids: Sequence[int]) -> dict[int, set[dt.date]]:
    """Each prescription's days with an entry that counts as done: one row per day, no record built
    (adherence over years of daily logs read and discarded a record per entry)."""
    out: dict[int, set[dt.date]] = {pid: set() for pid in prescription_ids}
    if not prescription_ids:
        return out
    e = ExerciseLogEntry
    stmt = (select(e.prescription_id, e.performed_on)
            .where(e.prescription_id.in_(prescription_ids), e.voided.is_(False), _counts_as_done()).distinct())
    for prescription_id, day in session.execute(stmt):
        out[prescription_id].add(day)
    return out


def patient_adherence(
    session: Session, patient_id: int, today: dt.date | None = None, weeks: int | None = None
) -> list[ep.WeekAdherence]:
    """Weekly adherence, newest week first (rules in hiptrack.domain.exercise_program)."""
    prescriptions = list(session.scalars(select(Prescription).where(
        Prescription.patient_id == patient_id, Prescription.status != "voided")))
    periods = [ep.PrescriptionPeriod(p.id, p.sessions_per_week, p.start_date, p.end_date) for p in prescriptions]
    days = _done_days(session, [p.id for p in prescriptions])
    return ep.weekly_adherence(periods, days, today or dt.date.today(), weeks)


@dataclass(frozen=True)
class PendingSuggestion:
    prescription_id: int
    exercise_name: str
    suggestion: ep.Suggestion


def _last_decision_day(session: Session, prescription_id: int) -> dt.date | None:
    return session.scalar(select(ProgressionDecision.suggested_on).where(
        ProgressionDecision.prescription_id == prescription_id)
        .order_by(ProgressionDecision.suggested_on.desc()).limit(1))


def _suggestion_for(session: Session, p: Prescription) -> ep.Suggestion | None:
    exercise = p.exercise
    if not exercise.progression_rule:
        return None
    records = _records(session, p.id, _last_decision_day(session, p.id))
    return ep.evaluate_progression(exercise.progression_rule, exercise.progression_params or {}, _dosage_of(p), records)


def progression_suggestions(
    session: Session, patient_id: int, today: dt.date | None = None, locale: str = FALLBACK_LOCALE
) -> list[PendingSuggestion]:
    """Suggestions for the patient's active prescriptions whose rule is met since the last decision."""
    today = today or dt.date.today()
    catalog = _catalog_texts(locale)
    out = []
    for p in _active_on(session, patient_id, today):
        if p.status != "active":
            continue
        suggestion = _suggestion_for(session, p)
        if suggestion is not None:
            out.append(PendingSuggestion(p.id, _info(p.exercise, catalog).label, suggestion))
    return out


def decide_progression(session: Session, prescription_id: int, accept: bool, today: dt.date | None = None) -> int:
    """Record the clinician's decision; accepting applies the change to the prescription.

    The rule is evaluated again here, so a stale screen cannot apply an outdated suggestion.
    """
    today = today or dt.date.today()
    p = _get_prescription(session, prescription_id)
    suggestion = _suggestion_for(session, p) if p.status == "active" else None
    if suggestion is None:
        raise StorageError(QT_TRANSLATE_NOOP("Labels", "There is no progression suggestion for this "
                                                       "prescription any more. Refresh the page."))
    if accept:
        changes = dict(suggestion.changes)
        note = changes.pop("note", None)
        new = ep.apply_changes(_dosage_of(p), changes)
        p.sets, p.reps, p.hold_s = new.sets, new.reps, new.hold_s
        p.resistance_kind, p.resistance_level, p.resistance_kg = new.resistance_kind, new.resistance_level, new.resistance_kg
        line = f"{today.isoformat()}: {note or 'progressed'} ({suggestion.rule})."
        p.notes = f"{p.notes}\n{line}".strip()
    decision = ProgressionDecision(
        prescription_id=p.id, suggested_on=today, rule=suggestion.rule, suggestion=suggestion.text,
        decision="accepted" if accept else "dismissed", decided_by=session_actor(session).clinician_id,
    )
    session.add(decision)
    session.flush()
    log.info("progression %s for prescription id=%d", decision.decision, p.id)
    return decision.id
