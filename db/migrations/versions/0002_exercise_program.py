"""Home exercise program and outcome scores

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import hiptrack.storage.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exercises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('target_muscles', sa.String(length=200), nullable=False),
    sa.Column('setup', sa.Text(), nullable=False),
    sa.Column('movement', sa.Text(), nullable=False),
    sa.Column('hold', sa.Text(), nullable=False),
    sa.Column('common_mistakes', sa.Text(), nullable=False),
    sa.Column('default_sets', sa.Integer(), nullable=False),
    sa.Column('default_reps', sa.Integer(), nullable=False),
    sa.Column('default_hold_s', sa.Float(), nullable=False),
    sa.Column('default_sessions_per_week', sa.Integer(), nullable=False),
    sa.Column('progression_rule', sa.String(length=48), nullable=True),
    sa.Column('progression_params', sa.JSON(), nullable=False),
    sa.Column('progression_text', sa.Text(), nullable=False),
    sa.Column('is_custom', sa.Boolean(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['clinicians.id'], name=op.f('fk_exercises_created_by_clinicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exercises')),
    sa.UniqueConstraint('code', name=op.f('uq_exercises_code'))
    )

    op.create_table('outcome_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('instrument', sa.String(length=8), nullable=False),
    sa.Column('version', sa.String(length=16), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('total', sa.Float(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("instrument IN ('nprs', 'odi', 'psfs')", name=op.f('ck_outcome_scores_instrument')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_outcome_scores_patient_id_patients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['clinicians.id'], name=op.f('fk_outcome_scores_recorded_by_clinicians')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_outcome_scores_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_scores'))
    )

    with op.batch_alter_table('outcome_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_scores_patient_id'), ['patient_id'], unique=False)

    op.create_table('prescriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('exercise_id', sa.Integer(), nullable=False),
    sa.Column('sides', sa.String(length=10), nullable=False),
    sa.Column('sets', sa.Integer(), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('hold_s', sa.Float(), nullable=False),
    sa.Column('resistance_kind', sa.String(length=16), nullable=False),
    sa.Column('resistance_level', sa.String(length=40), nullable=True),
    sa.Column('resistance_kg', sa.Float(), nullable=True),
    sa.Column('sessions_per_week', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('prescribed_by', sa.Integer(), nullable=True),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("sides IN ('left', 'right', 'both', 'bilateral')", name=op.f('ck_prescriptions_sides')),
    sa.CheckConstraint("status IN ('active', 'ended', 'voided')", name=op.f('ck_prescriptions_status')),
    sa.CheckConstraint('sets > 0 AND reps > 0 AND sessions_per_week > 0', name=op.f('ck_prescriptions_dosage')),
    sa.ForeignKeyConstraint(['exercise_id'], ['exercises.id'], name=op.f('fk_prescriptions_exercise_id_exercises')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_prescriptions_patient_id_patients')),
    sa.ForeignKeyConstraint(['prescribed_by'], ['clinicians.id'], name=op.f('fk_prescriptions_prescribed_by_clinicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prescriptions'))
    )

    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prescriptions_patient_id'), ['patient_id'], unique=False)

    op.create_table('exercise_log_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('prescription_id', sa.Integer(), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=False),
    sa.Column('done_as_prescribed', sa.Boolean(), nullable=False),
    sa.Column('side', sa.String(length=10), nullable=True),
    sa.Column('sets_done', sa.Integer(), nullable=True),
    sa.Column('reps_done', sa.Integer(), nullable=True),
    sa.Column('hold_s', sa.Float(), nullable=True),
    sa.Column('resistance_level', sa.String(length=40), nullable=True),
    sa.Column('resistance_kg', sa.Float(), nullable=True),
    sa.Column('pain_during', sa.Integer(), nullable=True),
    sa.Column('difficulty', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('import_key', sa.String(length=200), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("source IN ('manual', 'quick', 'import')", name=op.f('ck_exercise_log_entries_source')),
    sa.CheckConstraint('difficulty IS NULL OR (difficulty >= 0 AND difficulty <= 10)', name=op.f('ck_exercise_log_entries_difficulty')),
    sa.CheckConstraint('pain_during IS NULL OR (pain_during >= 0 AND pain_during <= 10)', name=op.f('ck_exercise_log_entries_pain')),
    sa.ForeignKeyConstraint(['prescription_id'], ['prescriptions.id'], name=op.f('fk_exercise_log_entries_prescription_id_prescriptions')),
    sa.ForeignKeyConstraint(['recorded_by'], ['clinicians.id'], name=op.f('fk_exercise_log_entries_recorded_by_clinicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exercise_log_entries')),
    sa.UniqueConstraint('import_key', name=op.f('uq_exercise_log_entries_import_key'))
    )

    with op.batch_alter_table('exercise_log_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_log_entries_performed_on'), ['performed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_exercise_log_entries_prescription_id'), ['prescription_id'], unique=False)

    op.create_table('progression_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('prescription_id', sa.Integer(), nullable=False),
    sa.Column('suggested_on', sa.Date(), nullable=False),
    sa.Column('rule', sa.String(length=48), nullable=False),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', hiptrack.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('accepted', 'dismissed')", name=op.f('ck_progression_decisions_decision')),
    sa.ForeignKeyConstraint(['decided_by'], ['clinicians.id'], name=op.f('fk_progression_decisions_decided_by_clinicians')),
    sa.ForeignKeyConstraint(['prescription_id'], ['prescriptions.id'], name=op.f('fk_progression_decisions_prescription_id_prescriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progression_decisions'))
    )

    with op.batch_alter_table('progression_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progression_decisions_prescription_id'), ['prescription_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('progression_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progression_decisions_prescription_id'))

    op.drop_table('progression_decisions')

    with op.batch_alter_table('exercise_log_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_log_entries_prescription_id'))
        batch_op.drop_index(batch_op.f('ix_exercise_log_entries_performed_on'))

    op.drop_table('exercise_log_entries')

    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prescriptions_patient_id'))

    op.drop_table('prescriptions')

    with op.batch_alter_table('outcome_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_scores_patient_id'))

    op.drop_table('outcome_scores')

    op.drop_table('exercises')
