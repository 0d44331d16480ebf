"""Everything a report or the progress charts show, gathered from storage as plain data.

No drawing here: `render.py` lays the data out on paper, `charts.py` draws it, and the
GUI's progress page plots the same series. Every number comes from
`hiptrack.storage.results.patient_summary` (strength), `hiptrack.storage.outcomes.score_history`
(outcome scores) and `hiptrack.storage.exercises` (program and adherence); this module only
selects, orders and labels. Its labels are translated here (context "Report"; the domain's own texts
with `label()`), so documents and the progress page receive them in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QLocale
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hiptrack import settings as S
from hiptrack.domain import exercise_program as ep
from hiptrack.domain.norms import HARBO_HIGH_PCT, HARBO_LOW_PCT, LOW_Z
from hiptrack.domain.positions import POSITIONS, test_title
from hiptrack.domain.references import short_citation
from hiptrack.domain.summary import MuscleSummary, PatientSummary, RowKey, VisitSummary, mdc_for
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.domain.units import from_newtons
from hiptrack.reports import formatting as F
from hiptrack.reports import wording
from hiptrack.reports.translation import label, translate
from hiptrack.storage.audit import patient_data_version
from hiptrack.storage.errors import StorageError
from hiptrack.storage.exercise_pictures import Picture, exercise_picture
from hiptrack.storage.exercises import (
    PrescriptionRow,
    get_exercise,
    list_prescriptions,
    logged_resistance,
    patient_adherence,
)
from hiptrack.storage.models import Clinician, Patient, StrengthTest, Visit
from hiptrack.storage.outcomes import ScoreRow, score_history
from hiptrack.storage.patients import get_patient
from hiptrack.storage.results import norm_tables, patient_summary
from hiptrack.storage.settings_store import load_clinic_settings
from hiptrack.storage.visit_reports import VisitReportRow, current_report

log = logging.getLogger(__name__)

T = TypeVar("T")

# metric code → (title, summary field stem, unit label). "n" is shown in the clinic's display unit.
# The titles are marked, and translated where shown (metric_title).
METRICS: dict[str, tuple[str, str, str]] = {
    "n": (QT_TRANSLATE_NOOP("Report", "Force"), "n", "N"),
    "n_per_kg": (QT_TRANSLATE_NOOP("Report", "Force per body mass"), "n_per_kg", "N/kg"),
    "nm": (QT_TRANSLATE_NOOP("Report", "Torque"), "nm", "N·m"),
    "nm_per_kg": (QT_TRANSLATE_NOOP("Report", "Torque per body mass"), "nm_per_kg", "N·m/kg"),
}


def metric_title(metric: str) -> str:
    """"Force", "Torque per body mass" … in the reader's language."""
    return translate("Report", METRICS[metric][0])  # the titles are marked in METRICS


class ReportError(Exception):
    """A report cannot be made (unknown visit date, ...); the message can be shown as it stands."""


# --- plain data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClinicHeader:
    name: str
    logo_path: str
    address: str = ""
    phone: str = ""
    email: str = ""

    @property
    def contact_line(self) -> str:
        """Address, phone and e-mail on one line, leaving out what the clinic has not set."""
        parts = [" ".join(self.address.split()), self.phone.strip(), self.email.strip()]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class PatientInfo:
    id: int
    chart_number: str
    last_name: str
    first_name: str
    date_of_birth: dt.date
    sex: str | None
    height_m: float | None
    involved_side: str | None
    dominant_leg: str | None
    notes: str

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


@dataclass(frozen=True)
class TestSetup:
    muscle: str
    side: str
    position: str
    position_title: str
    set_up: str
    pad: str
    method: str
    lever_arm_m: float | None
    fixation: str
    device: str
    accepted_trials: int
    rejected_trials: int
    lever_source: str = "unknown"  # hiptrack.domain.provenance.Source


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: float
    error: float | None = None  # ± half-width (the MDC) in the series' unit
    beyond_mdc: bool | None = None  # change against the previous visit exceeds the MDC
    mark: str = ""  # why the value is not a measurement of that day (typical lever, carried-forward mass)


@dataclass(frozen=True)
class Band:
    day: dt.date
    low: float
    high: float


@dataclass
class StrengthSeries:
    key: RowKey
    title: str
    metric: str
    unit: str
    left: list[Point] = field(default_factory=list)
    right: list[Point] = field(default_factory=list)
    norm: list[Band] = field(default_factory=list)
    norm_label: str = ""
    mdc_label: str = ""


@dataclass
class AsymmetryPoint:
    day: dt.date
    pct: float
    weaker_side: str | None
    flag: str | None
    symbol: str | None


@dataclass
class AsymmetrySeries:
    key: RowKey
    title: str
    points: list[AsymmetryPoint] = field(default_factory=list)


@dataclass(frozen=True)
class ProgramItem:
    prescription: PrescriptionRow
    dosage_text: str
    setup: str
    movement: str
    hold: str
    common_mistakes: str
    target_muscles: str
    picture: Picture | None = None  # the clinic's picture or the shipped start/end drawing


@dataclass
class ReportData:
    clinic: ClinicHeader
    patient: PatientInfo
    generated_on: dt.date
    as_of: dt.date  # the chosen visit's date, or today
    display_unit: str
    summary: PatientSummary
    current: VisitSummary | None
    previous: VisitSummary | None
    baseline: VisitSummary | None
    visit_requested: bool
    visit_notes: str
    setups: list[TestSetup]
    outcomes: list[ScoreRow]
    adherence: list[ep.WeekAdherence]  # oldest first
    resistance: list[tuple[dt.date, float]]  # (week, heaviest logged resistance kg)
    program: list[ProgramItem]
    statements: list[str]  # what is missing, said once in words (no tests, one side, no mass)
    visit_id: int | None = None  # the visit the report is about (the latest with results, else the latest)
    tester: str = ""  # the clinician who tested at this visit ("" when not recorded)
    visit_report: VisitReportRow | None = None  # assessment, plan, signature (newest version)

    @property
    def has_tests(self) -> bool:
        return self.current is not None


# --- labels --------------------------------------------------------------------------------------


def row_title(key: RowKey) -> str:
    """The test's title in words, in the reader's language."""
    return label(test_title(*key))


def row_key(row: MuscleSummary) -> RowKey:
    return row.key()


def unit_label(metric: str, display_unit: str) -> str:
    return display_unit if metric == "n" else METRICS[metric][2]


def metric_value(row: MuscleSummary, side: str, metric: str, display_unit: str = "N") -> float | None:
    """One side's value in `metric` as the summary computed it (forces in the display unit)."""
    return row.side_value(side, METRICS[metric][1], display_unit)


def format_change(change: dict[str, Any] | None, display_unit: str = "N") -> str:
    """"+3.5 N·m ✱ beyond MDC 10.9" / "+1.2 N · within MDC 35.1" / "—"."""
    if not change:
        return F.DASH
    delta = float(change.get("delta") or 0.0)
    unit = change.get("unit") or "N"
    mdc = change.get("mdc")
    if unit == "N":
        delta = from_newtons(delta, display_unit)
        mdc = None if mdc is None else from_newtons(mdc, display_unit)
        shown = display_unit
    else:
        shown = "N·m"
    text = F.signed(delta, 1, shown)
    if change.get("beyond_mdc") is True:
        return translate("Report", "{change} ✱ beyond MDC {mdc}").format(change=text, mdc=F.number(mdc))
    if change.get("beyond_mdc") is False:
        return translate("Report", "{change} · within MDC {mdc}").format(change=text, mdc=F.number(mdc))
    return translate("Report", "{change} (no MDC)").format(change=text)


# --- chart series --------------------------------------------------------------------------------


def short_source(source: str | None) -> str:
    """"Harbo T, Brincks J, … 2012;112:267" → "Harbo 2012" (chart legends have one line)."""
    return short_citation(source)


def _norm_band(norm: dict[str, Any] | None, metric: str) -> tuple[float, float, str] | None:
    """The range the norm calls "within" in the metric's unit, or None when it does not apply.

    Ramskov (z score, Nm/kg): expected ± |LOW_Z| residual SDs, the same −1.5 SD edge the summary
    flags against. Harbo (% predicted, Nm): 90–110 % of predicted, the summary's band edges.
    """
    if not norm or not norm.get("available") or norm.get("expected") is None:
        return None
    expected = float(norm["expected"])
    if norm.get("kind") == "z_score" and metric == "nm_per_kg":
        sd = next((r.residual_sd for r in norm_tables().ramskov if r.norm_id == norm.get("norm_id")), None)
        if sd is None:
            return None
        return expected + LOW_Z * sd, expected - LOW_Z * sd, translate("Report", "norm ±{sd} SD ({source})").format(
            sd=F.number(abs(LOW_Z), 1), source=short_source(norm.get("source")))
    if norm.get("kind") == "percent_predicted" and metric == "nm":
        return (expected * HARBO_LOW_PCT / 100.0, expected * HARBO_HIGH_PCT / 100.0,
                translate("Report", "norm {low}–{high} % predicted ({source})").format(
                    low=F.number(HARBO_LOW_PCT, 0), high=F.number(HARBO_HIGH_PCT, 0),
                    source=short_source(norm.get("source"))))
    return None


def strength_series(summary: PatientSummary, metric: str, display_unit: str = "N") -> list[StrengthSeries]:
    """One series per muscle/position/method, both sides, oldest first; MDC error bars where the
    MDC is in the metric's unit (N for force, N·m for torque), the norm band where a norm applies."""
    out: dict[RowKey, StrengthSeries] = {}
    for visit in summary.visits:
        for row in visit.muscles:
            key = row_key(row)
            series = out.get(key)
            if series is None:
                series = out[key] = StrengthSeries(key, row_title(key), metric, unit_label(metric, display_unit))
            mdc, mdc_unit, _source = mdc_for(row.position, summary.settings)
            error: float | None = None
            if mdc is not None and mdc_unit == "N" and metric == "n":
                error = from_newtons(mdc, display_unit)
            elif mdc is not None and mdc_unit == "Nm" and metric == "nm":
                error = mdc
            if error is not None:
                series.mdc_label = translate("Report", "bars: ± MDC {mdc} {unit}").format(
                    mdc=F.number(error, 1), unit=series.unit)
            elif mdc is None:
                series.mdc_label = translate("Report", "no MDC known for this set-up (enter the clinic's SD and ICC)")
            else:
                series.mdc_label = translate("Report", "MDC is in {unit}: bars shown in that view").format(
                    unit="N·m" if mdc_unit == "Nm" else "N")
            for side in ("left", "right"):
                value = metric_value(row, side, metric, display_unit)
                if value is None:
                    continue
                prev = (row.change.get("previous") or {}).get(side)
                beyond = prev.get("beyond_mdc") if prev else None
                mark = row.marks.get(f"{side}_{METRICS[metric][1]}", "")
                getattr(series, side).append(Point(visit.date, value, error, beyond, mark))
            for side in ("left", "right"):
                band = _norm_band(row.norm.get(side), metric)
                if band is not None:
                    series.norm.append(Band(visit.date, band[0], band[1]))
                    series.norm_label = band[2]
                    break
    return list(out.values())


def asymmetry_series(summary: PatientSummary) -> list[AsymmetrySeries]:
    out: dict[RowKey, AsymmetrySeries] = {}
    for visit in summary.visits:
        for row in visit.muscles:
            if row.asymmetry_pct is None:
                continue
            key = row_key(row)
            series = out.setdefault(key, AsymmetrySeries(key, row_title(key)))
            series.points.append(AsymmetryPoint(visit.date, row.asymmetry_pct, row.weaker_side, row.flag,
                                                row.flag_symbol))
    return list(out.values())


# --- loading -------------------------------------------------------------------------------------


def patient_info(patient: Patient) -> PatientInfo:
    return PatientInfo(patient.id, patient.chart_number, patient.last_name, patient.first_name,
                       patient.date_of_birth, patient.sex, patient.height_m, patient.involved_side,
                       patient.dominant_leg, patient.notes or "")


def clinic_header(clinic: dict[str, Any]) -> ClinicHeader:
    def text(setting: S.Setting) -> str:
        return str(clinic.get(setting.key) or "")

    return ClinicHeader(text(S.CLINIC_NAME), text(S.CLINIC_LOGO), text(S.CLINIC_ADDRESS), text(S.CLINIC_PHONE),
                        text(S.CLINIC_EMAIL))


FILE_KINDS = {"clinician": "clinician", "patient": "patient", "program": "handout", "referral": "referral"}


def report_file_name(chart_number: str, on: dt.date, kind: str) -> str:
    """The default file name of a report: `CHART_YYYY-MM-DD_kind.pdf`, safe on every file system.

    Characters a file system or a shell would trip over become '-', so a chart number such as
    "HT/01 4" still gives one plain file name.
    """
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in chart_number.strip()).strip(".") or "patient"
    return f"{safe}_{on.isoformat()}_{FILE_KINDS.get(kind, kind)}.pdf"


def trial_sources(test: StrengthTest) -> str:
    """Where a test's trials came from, so a typed-in or imported value is never credited to a device.

    All streamed: the device ("Mark-10 M5-100, s/n SN-42"). Otherwise each kind with its count,
    and typed-in values as the clinician read them off the gauge ("1 typed in (44 lbf)").
    """
    streamed = [t for t in test.trials if t.entry == "stream"]
    typed = [t for t in test.trials if t.entry == "manual"]
    imported = [t for t in test.trials if t.entry == "import"]
    if not typed and not imported:
        return _device(test)
    parts = []
    if streamed:
        parts.append(translate("Report", "{n} measured by {device}").format(n=len(streamed), device=_device(test)))
    if typed:
        readings = ", ".join(f"{F.general(t.reported_value)} {t.reported_unit}" for t in typed
                             if t.reported_value is not None and t.reported_unit)
        if readings:
            parts.append(translate("Report", "{n} typed in ({readings})").format(n=len(typed), readings=readings))
        else:
            parts.append(translate("Report", "{n} typed in").format(n=len(typed)))
    if imported:
        parts.append(translate("Report", "{n} imported from a file").format(n=len(imported)))
    return "; ".join(parts)


def _device(test: StrengthTest) -> str:
    serial = translate("Report", "s/n {serial}").format(serial=test.device_serial) if test.device_serial else None
    parts = [p for p in (test.device_model, serial) if p]
    return ", ".join(parts) or (test.device_protocol or translate("Report", "not recorded"))


def visit_setups(session: Session, visit_id: int) -> list[TestSetup]:
    tests = session.scalars(
        select(StrengthTest).where(StrengthTest.visit_id == visit_id, StrengthTest.voided.is_(False))
        .options(selectinload(StrengthTest.trials)).order_by(StrengthTest.muscle.desc(), StrengthTest.side)
    )
    out = []
    for t in tests:
        pos = POSITIONS.get(t.position)
        accepted = sum(1 for tr in t.trials if tr.accepted)
        out.append(TestSetup(
            t.muscle, t.side, t.position, label(pos.title) if pos else t.position, label(pos.set_up) if pos else "",
            label(pos.pad) if pos else "", t.method, t.lever_arm_m, t.fixation, trial_sources(t), accepted,
            len(t.trials) - accepted, t.lever_source,
        ))
    return out


def _statements(current: VisitSummary | None, has_visit: bool) -> list[str]:
    if current is None:
        return [translate("Report", "No strength tests recorded yet.") if not has_visit else
                translate("Report", "No accepted strength trials at this visit.")]
    out = []
    if current.body_mass_kg is None:
        out.append(wording.no_mass_clinician())
    for row in current.muscles:
        sides = [s for s in ("left", "right") if getattr(row, f"{s}_n") is not None]
        if len(sides) == 1:
            out.append(wording.one_side_clinician(sides[0], row_title(row_key(row))))
    return out


def _program(session: Session, patient_id: int, on: dt.date) -> list[ProgramItem]:
    items = []
    # The built-in exercises' text in the reader's language (exercises.json holds it per locale,
    # English where a language has none), as the Exercises page shows it.
    locale = QLocale().name()
    for p in list_prescriptions(session, patient_id, locale=locale):
        if not p.active_on(on):
            continue
        try:
            info = get_exercise(session, p.exercise_id, locale)
        except StorageError:
            log.warning("exercise id=%d of prescription id=%d missing", p.exercise_id, p.id)
            continue
        f = info.fields
        items.append(ProgramItem(p, p.dosage_text, f.setup, f.movement, f.hold, f.common_mistakes, f.target_muscles,
                                 exercise_picture(session, p.exercise_id)))
    return items


def _resistance(session: Session, patient_id: int, until: dt.date) -> list[tuple[dt.date, float]]:
    weeks: dict[dt.date, float] = {}
    for day, kg in logged_resistance(session, patient_id, until):
        monday = ep.week_start(day)
        weeks[monday] = max(weeks.get(monday, 0.0), kg)
    return sorted(weeks.items())


def visit_dates(session: Session, patient_id: int) -> list[dt.date]:
    return list(session.scalars(
        select(Visit.visit_date).where(Visit.patient_id == patient_id, Visit.status != "voided")
        .order_by(Visit.visit_date).distinct()
    ))


def load_report_data(session: Session, patient_id: int, visit_date: dt.date | None = None,
                     today: dt.date | None = None, program: bool = True) -> ReportData:
    """Everything the three reports need, as of `visit_date` (default: the latest visit).

    `program=False` leaves the home program out (`ReportData.program` empty): the progress charts
    do not show it, and it costs a query per exercise for the catalog text and picture."""
    today = today or dt.date.today()
    patient = get_patient(session, patient_id)
    clinic = load_clinic_settings(session)
    visit_row: Visit | None = None
    if visit_date is not None:
        visit_row = session.scalar(
            select(Visit).where(Visit.patient_id == patient_id, Visit.visit_date == visit_date,
                                Visit.status != "voided").order_by(Visit.id.desc()).limit(1))
        if visit_row is None:
            raise ReportError(f"no visit on {visit_date.isoformat()} for this patient")
    everything = patient_summary(session, patient_id, up_to=visit_date, clinic=clinic)
    # A document never presents a half-done battery as a result: unfinished visits are left out and named.
    summary = PatientSummary(everything.settings, everything.completed)
    unfinished = [v.date for v in everything.visits if not v.complete]
    visits = summary.visits
    current: VisitSummary | None = None
    if visits and (visit_date is None or visits[-1].date == visit_date):
        current = visits[-1]
    earlier = [v for v in visits if current is None or v.date < current.date]
    previous = earlier[-1] if earlier else None
    baseline = earlier[0] if earlier else None
    if visit_row is None and current is not None and current.visit_id is not None:
        visit_row = session.get(Visit, current.visit_id)
    if visit_row is None:
        visit_row = session.scalar(
            select(Visit).where(Visit.patient_id == patient_id, Visit.status == "completed")
            .order_by(Visit.visit_date.desc(), Visit.id.desc()).limit(1))
    as_of = visit_date or today
    adherence = sorted((w for w in patient_adherence(session, patient_id, today=as_of)), key=lambda w: w.week_start)
    outcomes = [s for s in score_history(session, patient_id) if s.recorded_on <= as_of]
    return ReportData(
        clinic=clinic_header(clinic),
        patient=patient_info(patient),
        generated_on=today,
        as_of=as_of,
        display_unit=str(clinic.get(S.DISPLAY_UNIT.key) or "N"),
        summary=summary,
        current=current,
        previous=previous,
        baseline=baseline,
        visit_requested=visit_date is not None,
        visit_notes=(visit_row.notes or "") if visit_row is not None else "",
        setups=visit_setups(session, visit_row.id) if visit_row is not None else [],
        outcomes=outcomes,
        adherence=adherence,
        resistance=_resistance(session, patient_id, as_of),
        program=_program(session, patient_id, as_of) if program else [],
        statements=_statements(current, visit_row is not None) + [wording.unfinished_visit(d) for d in unfinished],
        visit_id=visit_row.id if visit_row is not None else None,
        tester=_tester(session, visit_row),
        visit_report=current_report(session, visit_row.id) if visit_row is not None else None,
    )


class PatientDataCache(Generic[T]):
    """Data of the last few patients, made by `make(session, patient_id, today)` and reused while
    nothing it reads has changed: the one cache of the patient pages (issue 13).

    A patient switch summarises years of visits (about a tenth of a second for 60), and going back
    and forth between patients is what the pages are used for. Every `load` asks the database first
    (`patient_data_version`, one query), so a visit another workstation saved, a trial rejected in
    place or a changed clinic setting shows on the next switch; the day and the language are part
    of the key, as the data is "as of today" and its labels are translated."""

    def __init__(self, make: Callable[[Session, int, dt.date], T], size: int = 8,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self._make = make
        self._size = size
        self._today = today
        self._entries: OrderedDict[int, tuple[Hashable, T]] = OrderedDict()

    def load(self, session: Session, patient_id: int) -> T:
        """This patient's data as `make` gives it for today."""
        today = self._today()
        # The version is read before the data: data newer than its version is merely read again.
        # metric_title("n") is a word of the catalogue in force: another translator installed, and
        # the labels are made again.
        key = (patient_data_version(session, patient_id), today, QLocale().name(), metric_title("n"))
        entry = self._entries.get(patient_id)
        if entry is not None and entry[0] == key:
            self._entries.move_to_end(patient_id)
            return entry[1]
        data = self._make(session, patient_id, today)
        self._entries[patient_id] = (key, data)
        self._entries.move_to_end(patient_id)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return data

    def clear(self) -> None:
        self._entries.clear()


class ReportDataCache(PatientDataCache[ReportData]):
    """The progress charts' report data. Without the home program (`load_report_data(program=False)`):
    a document loads its own data."""

    def __init__(self, size: int = 8, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(_chart_data, size, today)


def _chart_data(session: Session, patient_id: int, today: dt.date) -> ReportData:
    # Looked up at each call (not bound once): tests count the loads by replacing load_report_data.
    return load_report_data(session, patient_id, today=today, program=False)


def _tester(session: Session, visit: Visit | None) -> str:
    """The display name of the clinician who tested at the visit ("" when none was recorded)."""
    if visit is None or visit.clinician_id is None:
        return ""
    clinician = session.get(Clinician, visit.clinician_id)
    return clinician.display_name if clinician is not None else ""


def previous_row(data: ReportData, row: MuscleSummary) -> tuple[MuscleSummary | None, dt.date | None]:
    """The same muscle/position/method at the visit before the current one (for "last month it was…")."""
    key = row_key(row)
    for visit in reversed(data.summary.visits):
        if data.current is not None and visit.date >= data.current.date:
            continue
        for other in visit.muscles:
            if row_key(other) == key and other.asymmetry_pct is not None:
                return other, visit.date
    return None, None


def latest_outcomes(rows: Sequence[ScoreRow]) -> dict[str, tuple[ScoreRow, ScoreRow]]:
    """instrument → (first, latest) score, for the plain-language summary."""
    out: dict[str, tuple[ScoreRow, ScoreRow]] = {}
    for r in rows:
        if r.voided:
            continue
        first = out.get(r.instrument, (r, r))[0]
        out[r.instrument] = (first, r)
    return out


def patient_sections(data: ReportData) -> list[tuple[str, list[str]]]:
    """(heading, sentences) in reading order: what the patient PDF and the patient view say.

    Here rather than in wording.py: wording turns plain values into words and imports nothing of
    this module, so the two no longer import each other."""
    sections: list[tuple[str, list[str]]] = []
    if data.current is None:
        sections.append((translate("Report", "Strength"), [wording.no_tests()]))
    else:
        unit = patient_unit(data)
        for row in data.current.muscles:
            earlier, earlier_on = previous_row(data, row)
            baseline = wording.same_test(data.baseline.muscles if data.baseline else [], row)
            sections.append((wording.movement(row.muscle), wording.muscle_paragraph(
                row, data.current.date, earlier, earlier_on, unit, baseline)))
        if data.current.body_mass_kg is None:
            sections.append((translate("Report", "Body weight"), [wording.no_mass()]))
    feel: list[str] = []
    for instrument, (first, latest) in latest_outcomes(data.outcomes).items():
        change = latest.vs_baseline
        feel.append(wording.outcome_sentence(instrument, first.total, latest.total,
                                             change.mcic_reached if change else None,
                                             change.improved if change else None, first.recorded_on,
                                             latest.recorded_on))
    if feel:
        sections.append((translate("Report", "How you feel"), feel))
    sentence = wording.adherence_sentence(ep.recent_adherence(data.adherence))
    if sentence:
        sections.append((translate("Report", "Your home exercises"), [sentence]))
    return sections


def patient_unit(data: ReportData) -> str:
    """The one unit a patient reads (wording.patient_unit) for this report's visits."""
    return wording.patient_unit([row for visit in data.summary.visits for row in visit.muscles], data.display_unit)
