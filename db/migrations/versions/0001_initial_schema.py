"""Initial schema: patients, clinicians, visits, body mass, strength tests and trials, audit, settings

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import hiptrack.storage.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('clinicians',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinicians')),
    sa.UniqueConstraint('username', name=op.f('uq_clinicians_username'))
    )

    op.create_table('patients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chart_number', sa.String(length=40), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('first_name', sa.String(length=120), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('height_m', sa.Float(), nullable=True),
    sa.Column('dominant_leg', sa.String(length=10), nullable=True),
    sa.Column('involved_side', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("dominant_leg IS NULL OR dominant_leg IN ('left', 'right')", name=op.f('ck_patients_dominant_leg')),
    sa.CheckConstraint("involved_side IS NULL OR involved_side IN ('left', 'right', 'both')", name=op.f('ck_patients_involved_side')),
    sa.CheckConstraint("sex IN ('female', 'male', 'other')", name=op.f('ck_patients_sex')),
    sa.CheckConstraint('height_m IS NULL OR (height_m > 0.5 AND height_m < 2.6)', name=op.f('ck_patients_height')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patients')),
    sa.UniqueConstraint('chart_number', name=op.f('uq_patients_chart_number'))
    )

    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patients_archived'), ['archived'], unique=False)
        batch_op.create_index('ix_patients_names', ['last_name', 'first_name'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('clinician_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('workstation', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=48), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['clinician_id'], ['clinicians.id'], name=op.f('fk_audit_events_clinician_id_clinicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_patient_id'), ['patient_id'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('clinician_id', sa.Integer(), nullable=True),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('battery_code', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('started_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('completed_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('in_progress', 'completed', 'voided')", name=op.f('ck_visits_status')),
    sa.ForeignKeyConstraint(['clinician_id'], ['clinicians.id'], name=op.f('fk_visits_clinician_id_clinicians')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_visits_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_visit_date'), ['visit_date'], unique=False)

    op.create_table('body_mass_measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('mass_kg', sa.Float(), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('mass_kg > 0', name=op.f('ck_body_mass_measurements_positive')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_body_mass_measurements_patient_id_patients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['clinicians.id'], name=op.f('fk_body_mass_measurements_recorded_by_clinicians')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_body_mass_measurements_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body_mass_measurements'))
    )

    with op.batch_alter_table('body_mass_measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_mass_measurements_patient_id'), ['patient_id'], unique=False)

    op.create_table('strength_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('muscle', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('position', sa.String(length=48), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('lever_arm_m', sa.Float(), nullable=True),
    sa.Column('fixation', sa.String(length=16), nullable=False),
    sa.Column('device_protocol', sa.String(length=24), nullable=True),
    sa.Column('device_model', sa.String(length=80), nullable=True),
    sa.Column('device_serial', sa.String(length=80), nullable=True),
    sa.Column('device_firmware', sa.String(length=40), nullable=True),
    sa.Column('context', sa.JSON(), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action IN ('hip_abduction', 'hip_extension')", name=op.f('ck_strength_tests_action')),
    sa.CheckConstraint("method IN ('make', 'break')", name=op.f('ck_strength_tests_method')),
    sa.CheckConstraint("muscle IN ('gluteus_medius', 'gluteus_maximus')", name=op.f('ck_strength_tests_muscle')),
    sa.CheckConstraint("side IN ('left', 'right')", name=op.f('ck_strength_tests_side')),
    sa.CheckConstraint('lever_arm_m IS NULL OR (lever_arm_m >= 0.05 AND lever_arm_m <= 1.2)', name=op.f('ck_strength_tests_lever')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_strength_tests_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strength_tests'))
    )

    with op.batch_alter_table('strength_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strength_tests_visit_id'), ['visit_id'], unique=False)

    op.create_table('trials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('test_id', sa.Integer(), nullable=False),
    sa.Column('trial_number', sa.Integer(), nullable=False),
    sa.Column('entry', sa.String(length=8), nullable=False),
    sa.Column('peak_force_n', sa.Float(), nullable=True),
    sa.Column('reported_value', sa.Float(), nullable=True),
    sa.Column('reported_unit', sa.String(length=8), nullable=True),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('reject_reason', sa.String(length=200), nullable=True),
    sa.Column('overload', sa.Boolean(), nullable=False),
    sa.Column('time_to_peak_s', sa.Float(), nullable=True),
    sa.Column('rfd_100_n_per_s', sa.Float(), nullable=True),
    sa.Column('rfd_200_n_per_s', sa.Float(), nullable=True),
    sa.Column('impulse_n_s', sa.Float(), nullable=True),
    sa.Column('trace', sa.LargeBinary(), nullable=True),
    sa.Column('trace_sample_rate_hz', sa.Float(), nullable=True),
    sa.Column('trace_sample_count', sa.Integer(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("entry IN ('stream', 'manual', 'import')", name=op.f('ck_trials_entry')),
    sa.CheckConstraint('accepted OR reject_reason IS NOT NULL', name=op.f('ck_trials_reject_reason')),
    sa.CheckConstraint('peak_force_n IS NULL OR peak_force_n >= 0', name=op.f('ck_trials_peak')),
    sa.ForeignKeyConstraint(['recorded_by'], ['clinicians.id'], name=op.f('fk_trials_recorded_by_clinicians')),
    sa.ForeignKeyConstraint(['test_id'], ['strength_tests.id'], name=op.f('fk_trials_test_id_strength_tests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trials')),
    sa.UniqueConstraint('test_id', 'trial_number', name='uq_trials_test_number')
    )

    with op.batch_alter_table('trials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trials_test_id'), ['test_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('trials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trials_test_id'))

    op.drop_table('trials')

    with op.batch_alter_table('strength_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strength_tests_visit_id'))

    op.drop_table('strength_tests')

    with op.batch_alter_table('body_mass_measurements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_mass_measurements_patient_id'))

    op.drop_table('body_mass_measurements')

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_visit_date'))
        batch_op.drop_index(batch_op.f('ix_visits_patient_id'))

    op.drop_table('visits')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_patient_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_occurred_at'))
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_events')

    op.drop_table('settings')

    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_index('ix_patients_names')
        batch_op.drop_index(batch_op.f('ix_patients_archived'))

    op.drop_table('patients')

    op.drop_table('clinicians')
