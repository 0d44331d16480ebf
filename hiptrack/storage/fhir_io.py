"""FHIR R4 export and import of a patient's strength results (`hiptrack fhir`, issue 15).

Export: the patient summary (the numbers every screen shows) plus the accepted trials, gathered as
plain facts for `hiptrack.fhir.bundle`. Import: `hiptrack.fhir.read` checks every resource and
turns the bundle into the rows the CSV import records (results_import.import_rows), so both imports
validate and write alike, all or nothing; the visit's time and who measured it are kept so that
an export of the imported patient equals the bundle it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hiptrack import __version__
from hiptrack import settings as S
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.fhir import bundle as B
from hiptrack.fhir.codes import DEFAULT_CHART_SYSTEM
from hiptrack.fhir.read import BundleRefused, ReadBundle, read_bundle
from hiptrack.private_files import private_open
from hiptrack.storage.audit import record_access
from hiptrack.storage.errors import StorageError
from hiptrack.storage.models import BodyMass, Clinician, OutcomeScore, StrengthTest, Trial, Visit
from hiptrack.storage.patients import find_by_chart, get_patient
from hiptrack.storage.results import patient_summary
from hiptrack.storage.results_import import ImportFailed, ImportReport, import_rows
from hiptrack.storage.settings_store import load_clinic_settings
from hiptrack.storage.traces import TraceCorrupt, decode_trace


def _effective(visit: Visit, zone: dt.tzinfo | None) -> str:
    """The visit's start in local time (`zone`; None: this computer's) when it started on its own
    date, else the date alone: a visit entered afterwards (back-dated, imported from CSV) has no
    known time of day."""
    started = visit.started_at.astimezone(zone)
    return started.isoformat(timespec="seconds") if started.date() == visit.visit_date else visit.visit_date.isoformat()


def _recorder(session: Session, score: OutcomeScore, clinic: B.Performer) -> B.Performer:
    clinician = session.get(Clinician, score.recorded_by) if score.recorded_by is not None else None
    return B.Performer("Practitioner", clinician.display_name) if clinician is not None else clinic


def _performer(session: Session, visit: Visit, clinic: B.Performer) -> B.Performer:
    if visit.clinician_id is not None:
        clinician = session.get(Clinician, visit.clinician_id)
        if clinician is not None:
            return B.Performer("Practitioner", clinician.display_name)
    for test in visit.tests:
        named = (test.context or {}).get("performer")
        if isinstance(named, dict) and named.get("kind") in ("Practitioner", "Organization") and named.get("name"):
            return B.Performer(str(named["kind"]), str(named["name"]))
    return clinic


def _trace(trial: Trial) -> tuple[float, tuple[float, ...]] | None:
    """(ms between samples, forces) of a stored trace sampled at a known rate, else None."""
    if not trial.trace or not trial.trace_sample_rate_hz or trial.trace_sample_rate_hz <= 0:
        return None
    try:
        _times, forces = decode_trace(trial.trace)
    except TraceCorrupt:
        return None  # a damaged blob is reported by `hiptrack export`; the bundle goes without it
    return 1000.0 / trial.trace_sample_rate_hz, tuple(float(f) for f in forces.tolist())


def _side(row: MuscleSummary, side: str, test: StrengthTest, traces: bool) -> B.SideFacts | None:
    score = getattr(row, f"{side}_n")
    if score is None:
        return None
    trials = tuple(
        B.TrialFacts(t.trial_number, float(t.peak_force_n), t.time_to_peak_s, t.rfd_100_n_per_s, t.rfd_200_n_per_s,
                     _trace(t) if traces else None)
        for t in test.trials if t.accepted and t.peak_force_n is not None and t.peak_force_n > 0
    )
    device = " ".join(x for x in (test.device_model, test.device_serial and f"(serial {test.device_serial})") if x)
    return B.SideFacts(side=side, score_n=score, lever_arm_m=test.lever_arm_m, trials=trials,
                       nm=getattr(row, f"{side}_nm"), n_per_kg=getattr(row, f"{side}_n_per_kg"),
                       nm_per_kg=getattr(row, f"{side}_nm_per_kg"), device=device or None)


def bundle_facts(session: Session, patient_id: int, visit_date: dt.date | None = None,
                 now: dt.datetime | None = None, zone: dt.tzinfo | None = None,
                 traces: bool = False) -> B.BundleFacts:
    patient = get_patient(session, patient_id)
    clinic = load_clinic_settings(session)
    summary = patient_summary(session, patient_id)
    visits = {v.id: v for v in session.scalars(
        select(Visit).where(Visit.patient_id == patient_id)
        .options(selectinload(Visit.tests).selectinload(StrengthTest.trials)))}
    measured = {day: mass for day, mass in session.execute(
        select(BodyMass.measured_on, BodyMass.mass_kg)
        .where(BodyMass.patient_id == patient_id, BodyMass.voided.is_(False)).order_by(BodyMass.id))}
    clinic_performer = B.Performer("Organization", str(clinic.get(S.CLINIC_NAME.key) or "")
                                   or "Clinic (no name set in hiptrack's clinic settings)")
    out = []
    for vs in summary.completed:  # an unfinished battery is no result to send on
        visit = visits[vs.visit_id] if vs.visit_id is not None else None
        if visit is None or (visit_date is not None and vs.date != visit_date):
            continue
        tests = {(t.muscle, t.position, t.method, t.side): t for t in visit.tests if not t.voided}
        rows = []
        for row in vs.muscles:
            sides = tuple(s for s in (
                _side(row, side, tests[(row.muscle, row.position, row.method, side)], traces)
                for side in ("left", "right") if (row.muscle, row.position, row.method, side) in tests) if s)
            notes = list(row.notes)
            if vs.body_mass_kg is not None and vs.date not in measured:
                notes.append(f"Normalised with a body mass of {vs.body_mass_kg:g} kg measured before this visit "
                             "(carried forward)")
            rows.append(B.RowFacts(
                muscle=row.muscle, position=row.position, method=row.method, sides=sides,
                asymmetry_pct=row.asymmetry_pct, flag=row.flag, flag_label=row.flag_label, lsi_pct=row.lsi_pct,
                lsi_pass=row.lsi_pass, notes=tuple(notes)))
        out.append(B.VisitFacts(date=vs.date, effective=_effective(visit, zone),
                                performer=_performer(session, visit, clinic_performer),
                                body_mass_kg=measured.get(vs.date), rows=tuple(rows)))
    scores = tuple(
        B.ScoreFacts(row.instrument, row.recorded_on, row.total, _recorder(session, row, clinic_performer), row.version)
        for row in session.scalars(select(OutcomeScore).where(
            OutcomeScore.patient_id == patient_id, OutcomeScore.voided.is_(False))
            .order_by(OutcomeScore.recorded_on, OutcomeScore.id))
        if visit_date is None or row.recorded_on == visit_date)
    facts = B.PatientFacts(patient.chart_number, patient.last_name, patient.first_name, patient.date_of_birth,
                           patient.sex, patient.height_m, patient.involved_side)
    system = str(clinic.get(S.FHIR_CHART_SYSTEM.key) or "") or DEFAULT_CHART_SYSTEM
    return B.BundleFacts(facts, system, tuple(out), __version__, now or dt.datetime.now(dt.UTC), scores)


def export_bundle(session: Session, patient_id: int, visit_date: dt.date | None = None,
                  now: dt.datetime | None = None, zone: dt.tzinfo | None = None,
                  traces: bool = False) -> dict[str, Any]:
    bundle = B.build_bundle(bundle_facts(session, patient_id, visit_date, now, zone, traces))
    record_access(session, "export", patient_id, "fhir_bundle", visit=visit_date)
    return bundle


def write_bundle(bundle: dict[str, Any], out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp")
        with private_open(tmp) as fh:  # owner-only: the bundle holds the patient's identity
            fh.write(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n")
        tmp.replace(out)
    except OSError as exc:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "cannot write {out}: {value}"),
                                  out=out, value=exc.strerror or exc)) from exc


def read_bundle_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "cannot read {path}: {value}"),
                                  path=path, value=exc.strerror or exc)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleRefused([f"{path.name}: not JSON ({exc})"]) from exc


_LINE = re.compile(r"^line (\d+): ")


def import_bundle(session: Session, bundle: Any, today: dt.date | None = None) -> ImportReport:
    """Check every resource, then record the strength results in the caller's transaction.
    BundleRefused (naming the resources) on any problem; nothing is written then."""
    read = read_bundle(bundle)
    last_visit = session.scalar(select(func.max(Visit.id))) or 0
    last_test = session.scalar(select(func.max(StrengthTest.id))) or 0
    try:
        report = import_rows(session, read.rows, today or dt.date.today())
    except ImportFailed as exc:
        # The CSV import names rows by line; here the resource they came from says more.
        def resource(problem: str) -> str:
            m = _LINE.match(problem)
            index = int(m.group(1)) - 2 if m else -1
            return _LINE.sub(f"{read.sources[index]}: ", problem) if 0 <= index < len(read.sources) else problem
        raise BundleRefused([resource(p) for p in exc.problems]) from exc
    _keep_visit_details(session, read, last_visit, last_test)
    if read.scores_not_imported:
        report.notes.append(f"{read.scores_not_imported} outcome scores (NPRS, ODI, PSFS) in the bundle were not "
                            "imported: hiptrack imports strength results only; enter them on the Exercises page")
    return report


def _keep_visit_details(session: Session, read: ReadBundle, last_visit: int, last_test: int) -> None:
    """Visits this import created take the bundle's time; their tests remember who measured."""
    chart = read.rows[0]["chart_number"] if read.rows else None
    if chart is None:
        return
    # The same lookup the row import used: chart numbers compare without case or surrounding spaces.
    patient = find_by_chart(session, chart)
    if patient is None:
        return
    for visit in session.scalars(select(Visit).where(Visit.patient_id == patient.id, Visit.id > last_visit)):
        meta = read.visits.get(visit.visit_date)
        if meta is None:
            continue
        if len(meta.effective) > 10:
            visit.started_at = dt.datetime.fromisoformat(meta.effective)
        for test in visit.tests:
            if test.id <= last_test:
                continue
            test.context = {**(test.context or {}), "source": "fhir import",
                            "performer": {"kind": meta.performer_kind, "name": meta.performer_name}}
            key = (visit.visit_date, test.muscle, test.position, test.method, test.side)
            if key in read.devices:
                test.device_model = read.devices[key][:80]
            for trial in test.trials:
                for name, value in read.trial_metrics.get((key, trial.trial_number), {}).items():
                    setattr(trial, name, value)
    session.flush()
