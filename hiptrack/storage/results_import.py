"""Import of historical strength results from CSV (issue 3), all or nothing.

Columns (UTF-8, header row; extra columns are ignored so that `hiptrack export` files import):
chart_number, last_name, first_name, date_of_birth, sex, height_m, involved_side, visit_date,
body_mass_kg, muscle, side, position, method, lever_arm_m, trial, peak_force, unit; optionally
lever_source (as `hiptrack export` writes it: "typical" and "unknown" are kept, anything else is
recorded as "imported").

Every row is checked before anything is written. One bad row and nothing is imported; the report
names each bad row by its line number and says why. Two body masses for one patient and date, or
two lever arms within one test, are refused naming both rows (issue 11): there is no telling which
is right, and the first one silently winning would change every N/kg or torque after it. An empty
cell gives nothing and conflicts with nothing. Imported masses and levers are marked "imported". Rows already in the database (same patient,
visit date, muscle, side, position, method and trial number with the same force) are skipped, so
importing a file twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack import log as hlog
from hiptrack.domain.errors import DomainError, NothingImported
from hiptrack.domain.patient_rules import (
    body_mass_problems,
    date_of_birth_problems,
    height_problems,
    parse_date,
)
from hiptrack.domain.positions import ACTION_OF, parse_method, parse_muscle, position_for
from hiptrack.domain.result_columns import COLUMNS
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.domain.units import parse_unit, to_newtons
from hiptrack.storage.csv_cells import unprotect
from hiptrack.storage.models import BodyMass, Patient, StrengthTest, Trial, Visit
from hiptrack.storage.patients import chart_key, find_by_chart
from hiptrack.storage.types import utcnow

ALLOWED_UNITS = ("N", "kgf", "lbf")
# Forces above this are not a hip muscle on a hand-held dynamometer: almost surely a typing error.
MAX_PLAUSIBLE_FORCE_N = 3000.0
# Values closer than these are the same entry written with other digits (70 and 70.0 kg).
MASS_TOLERANCE_KG = 0.05
LEVER_TOLERANCE_M = 0.0005


class ImportFailed(NothingImported):
    """The file was rejected; `problems` holds one line per bad row."""


@dataclass(frozen=True)
class ResultRow:
    line: int
    chart_number: str
    last_name: str
    first_name: str
    date_of_birth: dt.date
    sex: str | None
    height_m: float | None
    involved_side: str | None
    visit_date: dt.date
    body_mass_kg: float | None
    muscle: str
    side: str
    position: str
    method: str
    lever_arm_m: float | None
    trial: int
    peak_force_n: float
    reported_value: float
    reported_unit: str
    lever_source: str = "imported"


@dataclass
class ImportReport:
    rows: int = 0
    patients_created: int = 0
    visits_created: int = 0
    trials_created: int = 0
    trials_already_present: int = 0
    body_masses_recorded: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.rows} rows: {self.patients_created} patients, {self.visits_created} visits and "
            f"{self.trials_created} trials created; {self.trials_already_present} trials were already present."
        )


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows as dicts; ImportFailed when the file cannot be read as UTF-8 CSV with our header."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed([f"{path}: cannot be read ({exc.strerror or exc})"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed([f"{path.name}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV"]) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportFailed([f"{path.name}: missing column(s) {', '.join(missing)} in the header row"])
    reader.fieldnames = header
    try:
        rows = [{k: unprotect(v or "").strip() for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise ImportFailed([_csv_problem(path.name, text, reader.line_num, header, exc)]) from exc
    if not rows:
        raise ImportFailed([f"{path.name}: no data rows after the header"])
    return rows


def _csv_problem(name: str, text: str, line: int, header: list[str], exc: csv.Error) -> str:
    """What is wrong with the file, naming the line and, for an over-long field, the column."""
    if "field larger than field limit" not in str(exc):
        return f"{name}: line {line} is not valid CSV ({exc})"
    limit = csv.field_size_limit()
    # Only on this error path: parse again without the limit to find which column overflowed.
    try:
        csv.field_size_limit(max(limit, len(text) + 1))
        locator = csv.reader(io.StringIO(text, newline=""))
        for record in locator:
            for column, value in zip(header, record, strict=False):
                if len(value) > limit:
                    return (f"{name}: line {locator.line_num}, column {column or '(unnamed)'}: the field is "
                            f"{len(value):,} characters long; the limit is {limit:,}")
    except csv.Error:
        pass
    finally:
        csv.field_size_limit(limit)
    return f"{name}: a field near line {line} is longer than {limit:,} characters"


def _optional_float(text: str, label: str, problems: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} '{text}' is not a number"),
                               label=label, text=text))
        return None
    if not math.isfinite(value):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{label} '{text}' is not a finite number"),
                               label=label, text=text))
        return None
    return value


def parse_row(line: int, raw: dict[str, str], today: dt.date) -> tuple[ResultRow | None, list[str]]:
    problems: list[str] = []
    for column in ("chart_number", "last_name", "first_name"):
        if not raw.get(column):
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "{column} is empty"),
                                   column=column))
    dob, dob_problem = parse_date(raw.get("date_of_birth", ""), "date_of_birth")
    if dob_problem:
        problems.append(dob_problem)
    else:
        problems += date_of_birth_problems(dob, today)
    visit, visit_problem = parse_date(raw.get("visit_date", ""), "visit_date")
    if visit_problem:
        problems.append(visit_problem)
    elif visit is not None and (visit > today or (dob is not None and visit < dob)):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "visit_date {visit} is in the future or before "
                                                           "the date of birth"),
                               visit=visit.isoformat()))
    sex: str | None = raw.get("sex", "").strip().lower() or None  # empty: not recorded (no norm applies)
    if sex not in ("female", "male", None):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "sex '{sex}' must be female, male or empty (not "
                                                           "recorded)"),
                               sex=raw.get('sex', '')))
    height = _optional_float(raw.get("height_m", ""), "height_m", problems)
    problems += height_problems(height)
    involved = raw.get("involved_side", "").lower() or None
    if involved not in (None, "left", "right"):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "involved_side '{raw}' must be left, right or "
                                                           "empty"),
                               raw=raw['involved_side']))
    mass = _optional_float(raw.get("body_mass_kg", ""), "body_mass_kg", problems)
    problems += body_mass_problems(mass)
    side = raw.get("side", "").lower()
    if side not in ("left", "right"):
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "side '{side}' must be left or right"),
                               side=raw.get('side', '')))
    muscle = position = method = ""
    try:
        parsed_muscle = parse_muscle(raw.get("muscle", ""))
        muscle = parsed_muscle.value
        position = position_for(parsed_muscle, raw.get("position", "")).code
    except DomainError as exc:
        problems.append(str(exc))
    try:
        method = parse_method(raw.get("method", "")).value
    except DomainError as exc:
        problems.append(str(exc))
    lever = _optional_float(raw.get("lever_arm_m", ""), "lever_arm_m", problems)
    if lever is not None and not 0.05 <= lever <= 1.2:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "lever_arm_m {lever:g} is outside 0.05–1.2 m"),
                               lever=lever))
    trial_text = raw.get("trial", "")
    # isascii(): "²" and other superscripts pass isdigit() but int() refuses them; the length keeps
    # int() from refusing a 5,000-digit number (Python limits str-to-int conversions).
    whole = trial_text.isascii() and trial_text.isdigit() and len(trial_text) <= 6
    trial = int(trial_text) if whole and int(trial_text) >= 1 else 0
    if not trial:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "trial '{trial_text}' must be a whole number "
                                                           "from 1"),
                               trial_text=trial_text))
    force_n, value, unit = _force(raw, problems)
    if problems:
        return None, problems
    assert dob is not None and visit is not None and force_n is not None and value is not None
    # A file that says its lever was a default keeps saying so; the import never upgrades it.
    lever_source = raw.get("lever_source", "").lower()
    return ResultRow(
        line, raw["chart_number"].strip(), raw["last_name"], raw["first_name"], dob, sex, height, involved, visit, mass,
        muscle, side, position, method, lever, trial, force_n, value, unit,
        lever_source if lever_source in ("typical", "unknown") else "imported",
    ), []


def _force(raw: dict[str, str], problems: list[str]) -> tuple[float | None, float | None, str]:
    unit_text = raw.get("unit", "")
    if unit_text not in ALLOWED_UNITS:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "unit '{unit_text}' must be one of "
                                                           "{ALLOWED_UNITS}"),
                               unit_text=unit_text, ALLOWED_UNITS=', '.join(ALLOWED_UNITS)))
        return None, None, unit_text
    value = _optional_float(raw.get("peak_force", ""), "peak_force", problems)
    if value is None:
        if not raw.get("peak_force"):
            problems.append(QT_TRANSLATE_NOOP("Labels", "peak_force is empty"))
        return None, None, unit_text
    if value <= 0:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "peak_force {value:g} must be above zero"),
                               value=value))
        return None, None, unit_text
    newtons = to_newtons(value, parse_unit(unit_text))
    if newtons > MAX_PLAUSIBLE_FORCE_N:
        problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "peak_force {value:g} {unit_text} "
                                                           "({newtons:.0f} N) is implausibly high"),
                               value=value, unit_text=unit_text, newtons=newtons))
        return None, None, unit_text
    return newtons, value, unit_text


def validate_rows(raw_rows: Iterable[dict[str, str]], today: dt.date) -> tuple[list[ResultRow], list[str]]:
    rows: list[ResultRow] = []
    problems: list[str] = []
    seen: dict[tuple, int] = {}
    people: dict[str, tuple] = {}
    masses: dict[tuple, tuple[float, int]] = {}
    levers: dict[tuple, tuple[float, int]] = {}
    for offset, raw in enumerate(raw_rows):
        line = offset + 2  # the header is line 1
        row, row_problems = parse_row(line, raw, today)
        problems += [f"line {line}: {p}" for p in row_problems]
        if row is None:
            continue
        key = (chart_key(row.chart_number), row.visit_date, row.muscle, row.side, row.position, row.method, row.trial)
        if key in seen:
            problems.append(Phrase(QT_TRANSLATE_NOOP("Labels", "line {line}: repeats trial {trial} already "
                                                               "given on line {seen}"),
                                   line=line, trial=row.trial, seen=seen[key]))
        seen.setdefault(key, line)
        problems += _conflicts(row, masses, levers)
        identity = (row.last_name.casefold(), row.first_name.casefold(), row.date_of_birth, row.sex)
        first = people.setdefault(chart_key(row.chart_number), (*identity, line))
        if first[:4] != identity:
            problems.append(
                Phrase(QT_TRANSLATE_NOOP("Labels", "line {line}: chart {chart_number} has a different "
                                                   "name, birth date or sex than on line {first}"),
                       line=line, chart_number=row.chart_number, first=first[4])
            )
        rows.append(row)
    return rows, problems


def _conflicts(row: ResultRow, masses: dict[tuple, tuple[float, int]],
               levers: dict[tuple, tuple[float, int]]) -> list[str]:
    """Rows of this file that disagree with an earlier row about the same mass or lever arm."""
    problems: list[str] = []
    if row.body_mass_kg is not None:
        mass, line = masses.setdefault((row.chart_number, row.visit_date), (row.body_mass_kg, row.line))
        if abs(mass - row.body_mass_kg) > MASS_TOLERANCE_KG:
            problems.append(
                Phrase(QT_TRANSLATE_NOOP("Labels", "line {line}: body_mass_kg {body_mass_kg:g} for chart "
                                                   "{chart_number} on {visit_date} conflicts with {mass:g} "
                                                   "kg on line {other_line}; give one mass per date"),
                       line=row.line, body_mass_kg=row.body_mass_kg, chart_number=row.chart_number, visit_date=row.visit_date.isoformat(), mass=mass, other_line=line)
            )
    if row.lever_arm_m is not None:
        key = (row.chart_number, row.visit_date, row.muscle, row.side, row.position, row.method)
        lever, line = levers.setdefault(key, (row.lever_arm_m, row.line))
        if abs(lever - row.lever_arm_m) > LEVER_TOLERANCE_M:
            problems.append(
                Phrase(QT_TRANSLATE_NOOP("Labels", "line {line}: lever_arm_m {lever_arm_m:g} conflicts "
                                                   "with {lever:g} m on line {other_line} for the same test "
                                                   "({muscle} {side}, {visit_date}); one test has one "
                                                   "lever arm"),
                       line=row.line, lever_arm_m=row.lever_arm_m, lever=lever, other_line=line, muscle=row.muscle, side=row.side, visit_date=row.visit_date.isoformat())
            )
    return problems


def import_results(session: Session, path: Path, today: dt.date | None = None) -> ImportReport:
    """Validate the whole file, then write it in the caller's transaction. ImportFailed on any problem."""
    return import_rows(session, read_csv(path), today or dt.date.today())


def import_rows(session: Session, raw_rows: Iterable[dict[str, str]], today: dt.date) -> ImportReport:
    """Validate all rows (COLUMNS, as text), then write them; the FHIR import comes this way too."""
    rows, problems = validate_rows(raw_rows, today)
    patients = _match_patients(session, rows, problems)
    if problems:
        raise ImportFailed(problems)
    session.info["audit_action"] = "import"
    report = ImportReport(rows=len(rows))
    try:
        _write(session, rows, patients, report)
    finally:
        session.info.pop("audit_action", None)
    return report


def _match_patients(session: Session, rows: list[ResultRow], problems: list[str]) -> dict[str, Patient | None]:
    found: dict[str, Patient | None] = {}
    for row in rows:
        if chart_key(row.chart_number) in found:
            continue
        patient = find_by_chart(session, row.chart_number)
        found[chart_key(row.chart_number)] = patient
        if patient is not None:
            hlog.redact(patient.chart_number, patient.last_name, patient.first_name)
            same = (patient.last_name.casefold(), patient.first_name.casefold(), patient.date_of_birth, patient.sex)
            if same != (row.last_name.casefold(), row.first_name.casefold(), row.date_of_birth, row.sex):
                problems.append(
                    Phrase(QT_TRANSLATE_NOOP("Labels", "line {line}: chart {chart_number} already belongs "
                                                       "to a patient with a different name, birth date or "
                                                       "sex"),
                           line=row.line, chart_number=row.chart_number)
                )
    return found


def _write(session: Session, rows: list[ResultRow], patients: dict[str, Patient | None], report: ImportReport) -> None:
    """Plan every new row in memory, reading only rows that already exist, then write them all in
    one flush at the end: on SQLite the write lock is taken for that flush and the commit only,
    so a clinician saving trials meanwhile is not starved by a long import."""
    visits: dict[tuple[Patient, dt.date], Visit] = {}
    tests: dict[tuple, StrengthTest] = {}
    masses: set[tuple[Patient, dt.date]] = set()
    with session.no_autoflush:
        for row in rows:
            patient = patients.get(chart_key(row.chart_number))
            if patient is None:
                patient = Patient(
                    chart_number=row.chart_number, last_name=row.last_name, first_name=row.first_name,
                    date_of_birth=row.date_of_birth, sex=row.sex, height_m=row.height_m,
                    involved_side=row.involved_side, notes="",
                )
                session.add(patient)
                patients[chart_key(row.chart_number)] = patient
                report.patients_created += 1
                hlog.redact(row.chart_number, row.last_name, row.first_name)
            visit = _visit(session, patient, row.visit_date, visits, report)
            if row.body_mass_kg is not None:
                _body_mass(session, patient, visit, row, masses, report)
            test = _test(session, visit, row, tests)
            existing = None if test.id is None else session.scalar(
                select(Trial).where(Trial.test_id == test.id, Trial.trial_number == row.trial))
            if existing is not None:
                if existing.peak_force_n is not None and abs(existing.peak_force_n - row.peak_force_n) < 0.05:
                    report.trials_already_present += 1
                    continue
                raise ImportFailed([
                    f"line {row.line}: trial {row.trial} of this test is already recorded with a different force "
                    f"({existing.peak_force_n:.1f} N); nothing was imported"
                ])
            session.add(Trial(
                test=test, trial_number=row.trial, entry="import", peak_force_n=row.peak_force_n,
                reported_value=row.reported_value, reported_unit=row.reported_unit, accepted=True,
            ))
            report.trials_created += 1
    session.flush()


def _visit(session: Session, patient: Patient, day: dt.date, cache: dict, report: ImportReport) -> Visit:
    key = (patient, day)
    if key not in cache:
        visit = None if patient.id is None else session.scalar(
            select(Visit).where(Visit.patient_id == patient.id, Visit.visit_date == day, Visit.status != "voided")
            .order_by(Visit.id).limit(1)
        )
        if visit is None:
            visit = Visit(patient=patient, visit_date=day, status="completed", completed_at=utcnow(),
                          notes="Imported results")
            session.add(visit)
            report.visits_created += 1
        cache[key] = visit
    return cache[key]


def _body_mass(session: Session, patient: Patient, visit: Visit, row: ResultRow, planned: set,
               report: ImportReport) -> None:
    """Record an imported mass once per patient and date, refusing one that disagrees with a mass
    already stored for that date (the file itself was checked in validate_rows)."""
    assert row.body_mass_kg is not None
    if (patient, visit.visit_date) in planned:
        return
    exists = None if patient.id is None else session.scalar(
        select(BodyMass).where(BodyMass.patient_id == patient.id, BodyMass.measured_on == visit.visit_date,
                               BodyMass.voided.is_(False)).order_by(BodyMass.id).limit(1)
    )
    if exists is not None and abs(exists.mass_kg - row.body_mass_kg) > MASS_TOLERANCE_KG:
        raise ImportFailed([
            f"line {row.line}: body_mass_kg {row.body_mass_kg:g} conflicts with {exists.mass_kg:g} kg already "
            f"recorded for {visit.visit_date.isoformat()}; nothing was imported"
        ])
    planned.add((patient, visit.visit_date))
    if exists is None:
        session.add(BodyMass(patient=patient, visit=visit, measured_on=visit.visit_date, mass_kg=row.body_mass_kg,
                             source="imported"))
        report.body_masses_recorded += 1


def _test(session: Session, visit: Visit, row: ResultRow, cache: dict) -> StrengthTest:
    key = (visit, row.muscle, row.side, row.position, row.method)
    if key not in cache:
        test = None if visit.id is None else session.scalar(
            select(StrengthTest).where(
                StrengthTest.visit_id == visit.id, StrengthTest.muscle == row.muscle, StrengthTest.side == row.side,
                StrengthTest.position == row.position, StrengthTest.method == row.method,
                StrengthTest.voided.is_(False),
            ).order_by(StrengthTest.id).limit(1)
        )
        if test is None:
            test = StrengthTest(
                visit=visit, muscle=row.muscle, action=ACTION_OF[parse_muscle(row.muscle)].value, side=row.side,
                position=row.position, method=row.method, fixation="hand", context={"source": "import"},
            )
            session.add(test)
        cache[key] = test
    _test_lever(cache[key], row)
    return cache[key]


def _test_lever(test: StrengthTest, row: ResultRow) -> None:
    """The lever arm any row of this test gives (the file was checked for conflicts), or a refusal
    when it differs from the one already recorded for the test."""
    if row.lever_arm_m is None:
        return
    if test.lever_arm_m is None:
        test.lever_arm_m, test.lever_source = row.lever_arm_m, row.lever_source
        test.lever_measured_on = row.visit_date if row.lever_source == "imported" else None
    elif abs(test.lever_arm_m - row.lever_arm_m) > LEVER_TOLERANCE_M:
        raise ImportFailed([
            f"line {row.line}: lever_arm_m {row.lever_arm_m:g} conflicts with {test.lever_arm_m:g} m already "
            f"recorded for this test ({row.muscle} {row.side}, {row.visit_date.isoformat()}); nothing was imported"
        ])
