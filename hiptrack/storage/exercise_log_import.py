"""CSV import of home-exercise logs (columns documented in docs/exercise_log_csv.md).

All or nothing: every row is checked before anything is written; one bad row and the file imports
nothing, and the report names every bad row by line number with every reason. Each imported row
gets a natural key (patient id, exercise code, date, side) in `ExerciseLogEntry.import_key`, so
importing the same file again adds nothing: those rows are counted as already imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage import exercises as ex
from hiptrack.storage.csv_cells import unprotect
from hiptrack.storage.errors import StorageError
from hiptrack.storage.models import Exercise, ExerciseLogEntry, Prescription
from hiptrack.storage.patients import find_by_chart

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("chart_number", "performed_on", "exercise_code")
OPTIONAL_COLUMNS = (
    "side", "sets_done", "reps_done", "hold_s", "resistance_kg", "resistance_level", "pain_during", "difficulty",
    "notes", "done_as_prescribed",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
SIDE_ALIASES = {"l": "left", "r": "right", "b": "both", "left": "left", "right": "right", "both": "both",
                "bilateral": "bilateral"}
YES = {"1", "yes", "y", "true"}
NO = {"0", "no", "n", "false"}


class ImportFileError(StorageError):
    """The file as a whole cannot be read: encoding, header, empty."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(self.problems)


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    already_imported: int = 0
    bad_rows: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.bad_rows

    def summary(self) -> str:
        if not self.ok:
            return (f"Nothing imported: {len(self.bad_rows)} of {self.rows} rows have problems.\n"
                    + "\n".join(f"  {p}" for p in self.bad_rows))
        return f"{self.rows} rows: {self.imported} imported, {self.already_imported} already imported before."


@dataclass(frozen=True)
class _Parsed:
    line: int
    prescription: Prescription
    fields: ex.LogFields
    key: str


def decode(data: bytes, name: str = "the file") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            Phrase(QT_TRANSLATE_NOOP("Labels", "{name} is not UTF-8 text (byte 0x{data:02x} on line "
                                               "{line}). Save it as \"CSV UTF-8\" in your spreadsheet "
                                               "program and import it again."),
                   name=name, data=data[exc.start], line=line)
        ) from exc


def _rows(text: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFileError(Phrase(QT_TRANSLATE_NOOP("Labels", "{name} is empty; expected a header "
                                                                     "row ({REQUIRED_COLUMNS}, …)"),
                                         name=name, REQUIRED_COLUMNS=', '.join(REQUIRED_COLUMNS)))
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportFileError(Phrase(QT_TRANSLATE_NOOP("Labels", "{name} is not valid CSV near line "
                                                                 "{line_num}: {exc}"),
                                     name=name, line_num=reader.line_num, exc=exc)) from exc
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in COLUMNS]
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    problems = []
    if missing:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "missing column(s) {missing}"),
                               missing=', '.join(missing)))
    if unknown:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "unknown column(s) {values} (allowed: {COLUMNS})"),
                               values=', '.join(repr(c) for c in unknown), COLUMNS=', '.join(COLUMNS)))
    if repeated:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "column(s) {repeated} appear more than once"),
                               repeated=', '.join(repeated)))
    if problems:
        raise ImportFileError(f"{name}: " + "; ".join(problems) + ". See docs/exercise_log_csv.md.")
    return columns, rows


def _int(value: str, label: str, problems: list[str]) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} '{value}' is not a whole number"),
                               label=label, value=value))
        return None


def _float(value: str, label: str, problems: list[str]) -> float | None:
    if not value:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} '{value}' is not a number"),
                               label=label, value=value))
        return None


class _Lookup:
    """Caches patients, exercises and prescriptions for one file."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.patients: dict[str, int | None] = {}
        self.exercises = {code: eid for code, eid in session.execute(select(Exercise.code, Exercise.id))}
        self.prescriptions: dict[tuple[int, int], list[Prescription]] = {}

    def patient(self, chart: str) -> int | None:
        if chart not in self.patients:
            patient = find_by_chart(self.session, chart)
            self.patients[chart] = patient.id if patient is not None else None
        return self.patients[chart]

    def prescription(self, patient_id: int, exercise_id: int, day: dt.date) -> Prescription | None:
        key = (patient_id, exercise_id)
        if key not in self.prescriptions:
            self.prescriptions[key] = list(self.session.scalars(
                select(Prescription).where(Prescription.patient_id == patient_id,
                                           Prescription.exercise_id == exercise_id, Prescription.status != "voided")
                .order_by(Prescription.start_date.desc(), Prescription.id.desc())))
        for p in self.prescriptions[key]:
            if p.start_date <= day and (p.end_date is None or day <= p.end_date):
                return p
        return None


def _parse(values: dict[str, str], line: int, lookup: _Lookup, today: dt.date) -> tuple[_Parsed | None, list[str]]:
    problems: list[str] = []
    chart = values.get("chart_number", "")
    patient_id = lookup.patient(chart) if chart else None
    if not chart:
        problems.append(QT_TRANSLATE_NOOP("Labels", "chart_number is empty"))
    elif patient_id is None:
        problems.append(QT_TRANSLATE_NOOP("Labels", "no patient has this chart number"))
    day: dt.date | None = None
    raw_day = values.get("performed_on", "")
    try:
        day = dt.date.fromisoformat(raw_day)
        if len(raw_day) != 10:
            raise ValueError
    except ValueError:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "performed_on '{raw_day}' is not a date in the "
                                                           "form YYYY-MM-DD"),
                               raw_day=raw_day))
        day = None
    code = values.get("exercise_code", "")
    exercise_id = lookup.exercises.get(code)
    if not code:
        problems.append(QT_TRANSLATE_NOOP("Labels", "exercise_code is empty"))
    elif exercise_id is None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "exercise_code '{code}' is not in the catalog"),
                               code=code))
    side_raw = values.get("side", "").lower()
    side = SIDE_ALIASES.get(side_raw) if side_raw else None
    if side_raw and side is None:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "side '{values}' is not one of left, right, "
                                                           "both, bilateral (or L, R, B)"),
                               values=values['side']))
    done_raw = values.get("done_as_prescribed", "").lower()
    if done_raw and done_raw not in YES | NO:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "done_as_prescribed '{values}' is not yes or no"),
                               values=values['done_as_prescribed']))
    fields = ex.LogFields(
        performed_on=day or today, side=side,
        sets_done=_int(values.get("sets_done", ""), "sets_done", problems),
        reps_done=_int(values.get("reps_done", ""), "reps_done", problems),
        hold_s=_float(values.get("hold_s", ""), "hold_s", problems),
        resistance_level=values.get("resistance_level") or None,
        resistance_kg=_float(values.get("resistance_kg", ""), "resistance_kg", problems),
        pain_during=_int(values.get("pain_during", ""), "pain_during", problems),
        difficulty=_int(values.get("difficulty", ""), "difficulty", problems),
        notes=values.get("notes", ""),
        done_as_prescribed=done_raw in YES,
    )
    prescription = None
    if patient_id is not None and exercise_id is not None and day is not None:
        prescription = lookup.prescription(patient_id, exercise_id, day)
        if prescription is None:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "the patient has no prescription of "
                                                               "'{code}' covering {day}"),
                                   code=code, day=day.isoformat()))
    # Range checks shared with manual entry (pain 0–10, future dates, ...).
    problems += [p for p in ex.log_problems(fields, today, prescription) if day is not None or "Date" not in p]
    if problems or prescription is None or day is None:
        return None, problems
    key = f"csv:{patient_id}:{code}:{day.isoformat()}:{side or '-'}"
    return _Parsed(line, prescription, fields, key), []


def _existing_keys(session: Session, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i: i + 500]
        found.update(k for k in session.scalars(select(ExerciseLogEntry.import_key)
                                                .where(ExerciseLogEntry.import_key.in_(chunk))) if k)
    return found


def import_exercise_logs(
    session: Session, source: bytes | Path, today: dt.date | None = None, dry_run: bool = False,
    name: str | None = None,
) -> ImportReport:
    """Check every row, then import all of them, or none when any row has a problem.

    Raises ImportFileError when the file as a whole is unusable (encoding, header).
    """
    today = today or dt.date.today()
    if isinstance(source, Path):
        name = name or source.name
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ImportFileError(Phrase(QT_TRANSLATE_NOOP("Labels", "{source} cannot be read: {value}"),
                                         source=source, value=exc.strerror or exc)) from exc
    else:
        data = source
    name = name or "the file"
    columns, raw_rows = _rows(decode(data, name), name)
    lookup = _Lookup(session)
    report = ImportReport()
    parsed: list[_Parsed] = []
    first_line_of_key: dict[str, int] = {}
    for line, cells in raw_rows:
        if not any(c.strip() for c in cells):
            continue  # blank lines at the end of spreadsheet exports
        report.rows += 1
        if len(cells) != len(columns):
            report.bad_rows.append(RowProblem(line, (f"has {len(cells)} fields, the header has {len(columns)}",)))
            continue
        values = {c: unprotect(v).strip() for c, v in zip(columns, cells, strict=True)}
        row, problems = _parse(values, line, lookup, today)
        if row is not None and row.key in first_line_of_key:
            problems = [f"same patient, exercise, date and side as line {first_line_of_key[row.key]}"]
            row = None
        if row is None:
            report.bad_rows.append(RowProblem(line, tuple(problems)))
            continue
        first_line_of_key[row.key] = line
        parsed.append(row)
    if report.rows == 0:
        raise ImportFileError(Phrase(QT_TRANSLATE_NOOP("Labels", "{name} has a header but no rows"),
                                     name=name))
    if not report.ok:
        log.info("exercise log import refused: %d bad rows of %d", len(report.bad_rows), report.rows)
        return report
    existing = _existing_keys(session, [p.key for p in parsed])
    new = [p for p in parsed if p.key not in existing]
    report.already_imported = len(parsed) - len(new)
    if not dry_run:
        _insert(session, new, today)
    report.imported = len(new)
    log.info("exercise log import: %d rows, %d imported, %d already present%s", report.rows, report.imported,
             report.already_imported, " (dry run)" if dry_run else "")
    return report


def _insert(session: Session, rows: Iterable[_Parsed], today: dt.date) -> None:
    session.info["audit_action"] = "import"
    try:
        for row in rows:
            ex.log_entry(session, row.prescription.id, row.fields, today, source="import", import_key=row.key)
    finally:
        session.info.pop("audit_action", None)
