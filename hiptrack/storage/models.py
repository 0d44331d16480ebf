"""The clinical data model (SQLAlchemy 2.0 declarative style).

Units: forces in newtons, lengths in metres, masses in kilograms, durations in seconds.
Timestamps are timezone-aware (UTC). Calendar dates (visit date, date of birth) are plain dates.

Nothing clinical is hard-deleted in normal use: patients are archived, visits and log entries
voided, trials rejected with a reason (see `hiptrack.storage.database` for the guard).
`__repr__` methods show ids only, so that a stray log line never carries a name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from hiptrack.storage.errors import SignedReportLocked
from hiptrack.storage.types import UTCDateTime, utcnow

# Stable constraint names, so that migrations can address them on both engines.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SIDES = ("left", "right")
# Where a body mass or lever arm came from (hiptrack.domain.provenance). Rows from before
# migration 0003 are 'unknown': the old start-a-visit form saved defaults as measurements.
MASS_SOURCES = ("measured", "imported", "unknown")
LEVER_SOURCES = ("measured", "carried_forward", "typical", "imported", "unknown")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={getattr(self, 'id', None)}>"


def _in(column: str, values: tuple[str, ...], nullable: bool = False) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    check = f"{column} IN ({quoted})"
    return f"{column} IS NULL OR {check}" if nullable else check


class Clinician(Base):
    __tablename__ = "clinicians"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    # Hash of the PIN that unlocks the patient view; never the PIN itself.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Accounts (hiptrack.storage.accounts): role, Argon2id password hash, sign-in throttling.
    role: Mapped[str] = mapped_column(String(16), default="clinician", server_default="clinician")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[dt.datetime | None] = mapped_column()


class Patient(Base):
    __tablename__ = "patients"
    __table_args__ = (
        CheckConstraint(_in("sex", ("female", "male", "other")), name="sex"),
        CheckConstraint(_in("dominant_leg", SIDES, nullable=True), name="dominant_leg"),
        CheckConstraint(_in("involved_side", (*SIDES, "both"), nullable=True), name="involved_side"),
        CheckConstraint("height_m IS NULL OR (height_m > 0.5 AND height_m < 2.6)", name="height"),
        Index("ix_patients_names", "last_name", "first_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chart_number: Mapped[str] = mapped_column(String(40), unique=True)
    last_name: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str] = mapped_column(String(120))
    date_of_birth: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(10))  # None: not recorded (norms then do not apply)
    height_m: Mapped[float | None] = mapped_column(Float)
    dominant_leg: Mapped[str | None] = mapped_column(String(10))
    involved_side: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    archived_at: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Optimistic locking: two workstations editing one patient cannot silently overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    body_masses: Mapped[list[BodyMass]] = relationship(back_populates="patient", order_by="BodyMass.measured_on")
    visits: Mapped[list[Visit]] = relationship(back_populates="patient", order_by="Visit.visit_date")

    __mapper_args__ = {"version_id_col": version}


class BodyMass(Base):
    __tablename__ = "body_mass_measurements"
    __table_args__ = (
        CheckConstraint("mass_kg > 0", name="positive"),
        CheckConstraint(_in("source", MASS_SOURCES), name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    measured_on: Mapped[dt.date] = mapped_column(Date)
    mass_kg: Mapped[float] = mapped_column(Float)
    # A row is written only for a mass actually taken on `measured_on` (or imported as such);
    # a mass carried forward to a later visit is not copied, it is looked up (normalise.body_mass_on).
    source: Mapped[str] = mapped_column(String(16), server_default="unknown")
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    patient: Mapped[Patient] = relationship(back_populates="body_masses")
    visit: Mapped[Visit | None] = relationship()


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (CheckConstraint(_in("status", ("in_progress", "completed", "voided")), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    clinician_id: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    battery_code: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column()

    patient: Mapped[Patient] = relationship(back_populates="visits")
    tests: Mapped[list[StrengthTest]] = relationship(back_populates="visit", order_by="StrengthTest.id")


class StrengthTest(Base):
    """One muscle, one side, one position at one visit; its trials hang below it."""

    __tablename__ = "strength_tests"
    __table_args__ = (
        CheckConstraint(_in("muscle", ("gluteus_medius", "gluteus_maximus")), name="muscle"),
        CheckConstraint(_in("action", ("hip_abduction", "hip_extension")), name="action"),
        CheckConstraint(_in("side", SIDES), name="side"),
        CheckConstraint(_in("method", ("make", "break")), name="method"),
        CheckConstraint("lever_arm_m IS NULL OR (lever_arm_m >= 0.05 AND lever_arm_m <= 1.2)", name="lever"),
        # One live test per muscle, side, position and method at a visit, even when two workstations
        # save its first trial at the same moment (a voided test may be redone).
        Index("uq_strength_tests_slot", "visit_id", "muscle", "side", "position", "method", unique=True,
              sqlite_where=text("NOT voided"), postgresql_where=text("NOT voided")),
        CheckConstraint(_in("lever_source", LEVER_SOURCES), name="lever_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    muscle: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    side: Mapped[str] = mapped_column(String(8))
    position: Mapped[str] = mapped_column(String(48))
    method: Mapped[str] = mapped_column(String(8), default="make")
    lever_arm_m: Mapped[float | None] = mapped_column(Float)
    lever_source: Mapped[str] = mapped_column(String(16), server_default="unknown")
    # When the lever arm was measured: the visit date, or the earlier date it was carried from.
    lever_measured_on: Mapped[dt.date | None] = mapped_column(Date)
    fixation: Mapped[str] = mapped_column(String(16), default="hand")
    device_protocol: Mapped[str | None] = mapped_column(String(24))
    device_model: Mapped[str | None] = mapped_column(String(80))
    device_serial: Mapped[str | None] = mapped_column(String(80))
    device_firmware: Mapped[str | None] = mapped_column(String(40))
    # Provenance (style guide §6): thresholds, app version and units in force when recorded.
    context: Mapped[dict[str, Any]] = mapped_column(default=dict)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    visit: Mapped[Visit] = relationship(back_populates="tests")
    trials: Mapped[list[Trial]] = relationship(back_populates="test", order_by="Trial.trial_number")


class Trial(Base):
    __tablename__ = "trials"
    __table_args__ = (
        UniqueConstraint("test_id", "trial_number", name="uq_trials_test_number"),
        CheckConstraint("peak_force_n IS NULL OR peak_force_n >= 0", name="peak"),
        CheckConstraint(_in("entry", ("stream", "manual", "import")), name="entry"),
        CheckConstraint("accepted OR reject_reason IS NOT NULL", name="reject_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    test_id: Mapped[int] = mapped_column(ForeignKey("strength_tests.id"), index=True)
    trial_number: Mapped[int] = mapped_column(Integer)
    entry: Mapped[str] = mapped_column(String(8), default="stream")
    peak_force_n: Mapped[float | None] = mapped_column(Float)
    # What the device or the clinician reported, before conversion to newtons.
    reported_value: Mapped[float | None] = mapped_column(Float)
    reported_unit: Mapped[str | None] = mapped_column(String(8))
    accepted: Mapped[bool] = mapped_column(Boolean, default=True)
    reject_reason: Mapped[str | None] = mapped_column(String(200))
    overload: Mapped[bool] = mapped_column(Boolean, default=False)
    # Force-time metrics (None where the trace cannot yield them).
    time_to_peak_s: Mapped[float | None] = mapped_column(Float)
    rfd_100_n_per_s: Mapped[float | None] = mapped_column(Float)
    rfd_200_n_per_s: Mapped[float | None] = mapped_column(Float)
    impulse_n_s: Mapped[float | None] = mapped_column(Float)
    onset_s: Mapped[float | None] = mapped_column(Float)
    # hiptrack.domain.forcetime.ANALYSIS_VERSION of the figures above (None: typed in or imported);
    # `hiptrack db reanalyse` recomputes older ones from the raw trace.
    analysis_version: Mapped[int | None] = mapped_column(Integer)
    analysis_notes: Mapped[str | None] = mapped_column(String(500))  # "started under 150 N load"
    # Raw trace: see hiptrack.storage.traces for the compact encoding.
    trace: Mapped[bytes | None] = mapped_column(LargeBinary)
    # From analysis version 2: the device's declared rate (None: timed from the host times);
    # before, a rate estimated from the host times.
    trace_sample_rate_hz: Mapped[float | None] = mapped_column(Float)
    trace_sample_count: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    test: Mapped[StrengthTest] = relationship(back_populates="trials")


class Exercise(Base):
    __tablename__ = "exercises"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    target_muscles: Mapped[str] = mapped_column(String(200), default="")
    setup: Mapped[str] = mapped_column(Text, default="")
    movement: Mapped[str] = mapped_column(Text, default="")
    hold: Mapped[str] = mapped_column(Text, default="")
    common_mistakes: Mapped[str] = mapped_column(Text, default="")
    default_sets: Mapped[int] = mapped_column(Integer, default=3)
    default_reps: Mapped[int] = mapped_column(Integer, default=10)
    default_hold_s: Mapped[float] = mapped_column(Float, default=0.0)
    default_sessions_per_week: Mapped[int] = mapped_column(Integer, default=5)
    # A named rule from hiptrack.domain (e.g. "reps_then_weight"), with its parameters.
    progression_rule: Mapped[str | None] = mapped_column(String(48))
    progression_params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    progression_text: Mapped[str] = mapped_column(Text, default="")
    is_custom: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # The clinic's own picture of the exercise (PNG, JPEG or SVG), shown instead of the shipped drawing.
    picture: Mapped[bytes | None] = mapped_column(LargeBinary)
    picture_format: Mapped[str | None] = mapped_column(String(8))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    # Bumped by each edit (storage.exercises.update_exercise): a second room's edit of the same
    # exercise is refused. Not a mapper version_id_col, so that two workstations refreshing the
    # built-in catalog at start-up never fail on each other.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Prescription(Base):
    __tablename__ = "prescriptions"
    __table_args__ = (
        CheckConstraint(_in("sides", ("left", "right", "both", "bilateral")), name="sides"),
        CheckConstraint(_in("status", ("active", "ended", "voided")), name="status"),
        CheckConstraint("sets > 0 AND reps > 0 AND sessions_per_week > 0", name="dosage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    sides: Mapped[str] = mapped_column(String(10), default="both")
    sets: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int] = mapped_column(Integer)
    hold_s: Mapped[float] = mapped_column(Float, default=0.0)
    resistance_kind: Mapped[str] = mapped_column(String(16), default="none")  # none | band | ankle_weight
    resistance_level: Mapped[str | None] = mapped_column(String(40))  # band colour or level
    resistance_kg: Mapped[float | None] = mapped_column(Float)
    sessions_per_week: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="active")
    prescribed_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Optimistic locking, as for patients: one room's edit never silently overwrites another's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    exercise: Mapped[Exercise] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ExerciseLogEntry(Base):
    __tablename__ = "exercise_log_entries"
    __table_args__ = (
        CheckConstraint("pain_during IS NULL OR (pain_during >= 0 AND pain_during <= 10)", name="pain"),
        CheckConstraint("difficulty IS NULL OR (difficulty >= 0 AND difficulty <= 10)", name="difficulty"),
        CheckConstraint(_in("source", ("manual", "quick", "import")), name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    prescription_id: Mapped[int] = mapped_column(ForeignKey("prescriptions.id"), index=True)
    performed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    done_as_prescribed: Mapped[bool] = mapped_column(Boolean, default=False)
    side: Mapped[str | None] = mapped_column(String(10))
    sets_done: Mapped[int | None] = mapped_column(Integer)
    reps_done: Mapped[int | None] = mapped_column(Integer)
    hold_s: Mapped[float | None] = mapped_column(Float)
    resistance_level: Mapped[str | None] = mapped_column(String(40))
    resistance_kg: Mapped[float | None] = mapped_column(Float)
    pain_during: Mapped[int | None] = mapped_column(Integer)
    difficulty: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(8), default="manual")
    # Natural key of an imported row, so that importing a file twice adds nothing.
    import_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    prescription: Mapped[Prescription] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ProgressionDecision(Base):
    """A progression suggestion and what the clinician did with it."""

    __tablename__ = "progression_decisions"
    __table_args__ = (CheckConstraint(_in("decision", ("accepted", "dismissed")), name="decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prescription_id: Mapped[int] = mapped_column(ForeignKey("prescriptions.id"), index=True)
    suggested_on: Mapped[dt.date] = mapped_column(Date)
    rule: Mapped[str] = mapped_column(String(48))
    suggestion: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(10))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OutcomeScore(Base):
    __tablename__ = "outcome_scores"
    __table_args__ = (CheckConstraint(_in("instrument", ("nprs", "odi", "psfs")), name="instrument"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    instrument: Mapped[str] = mapped_column(String(8))
    version: Mapped[str] = mapped_column(String(16), default="")
    recorded_on: Mapped[dt.date] = mapped_column(Date)
    total: Mapped[float] = mapped_column(Float)
    # PSFS activities and their scores; ODI is stored as a total only (licensed questionnaire).
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class VisitReport(Base):
    """The clinician's assessment and plan for one visit, one row per revision.

    A draft may be edited; signing locks it. A later change makes the next revision, with the
    reason, so what a referrer or a chart received is never rewritten (issue 14).
    """

    __tablename__ = "visit_reports"
    __table_args__ = (
        CheckConstraint(_in("status", ("draft", "signed")), name="status"),
        CheckConstraint("revision >= 1", name="revision"),
        UniqueConstraint("visit_id", "revision", name="uq_visit_reports_visit_revision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    assessment: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    referrer: Mapped[str] = mapped_column(Text, default="")  # who a referral letter is addressed to
    reason: Mapped[str] = mapped_column(Text, default="")  # why this revision replaced a signed one
    status: Mapped[str] = mapped_column(String(10), default="draft")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[str | None] = mapped_column(String(120))
    signed_role: Mapped[str | None] = mapped_column(String(16))  # the signer's role when signing
    signed_by_clinician_id: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    signed_at: Mapped[dt.datetime | None] = mapped_column()

    visit: Mapped[Visit] = relationship()


class AuditEvent(Base):
    """Who changed what, when. Written by the session hook in hiptrack.storage.audit."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    clinician_id: Mapped[int | None] = mapped_column(ForeignKey("clinicians.id"))
    actor: Mapped[str] = mapped_column(String(120))  # clinician display name or OS user
    workstation: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(16))  # create | update | archive | void | import | view | print | export | sign_in …
    entity: Mapped[str] = mapped_column(String(48))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The hash chain (hiptrack.storage.audit_chain): the previous event's hash and this one's.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    event_hash: Mapped[str | None] = mapped_column(String(64))


class AuditChain(Base):
    """One row: the newest audit event's hash and the number of events, so that a trail cut short
    is detected. Its row lock serialises appends."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    event_count: Mapped[int] = mapped_column(Integer)


class ClinicSetting(Base):
    """CLINIC-scope settings (hiptrack.settings), shared by every workstation on this database."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# Tables whose rows are clinical records: never deleted through the ORM.
@event.listens_for(VisitReport, "before_update")
def _refuse_changes_to_signed_reports(mapper: object, connection: object, target: VisitReport) -> None:
    """A signed revision is what the chart and the referrer received: no code path changes it in place."""
    history = inspect(target).attrs.status.history
    was = history.deleted[0] if history.deleted else target.status
    if was == "signed":
        raise SignedReportLocked(f"Version {target.revision} of this report is signed and cannot be changed; "
                                 "save the change as a new version with its reason.")


CLINICAL_MODELS: tuple[type[Base], ...] = (
    Patient, BodyMass, Visit, StrengthTest, Trial, Prescription, ExerciseLogEntry,
    ProgressionDecision, OutcomeScore, VisitReport, AuditEvent,
)
