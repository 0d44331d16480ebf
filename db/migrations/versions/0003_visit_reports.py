"""Assessment, plan and signature per visit (signed clinician reports)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import hiptrack.storage.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visit_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('referrer', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', hiptrack.storage.types.UTCDateTime(), nullable=False),
    sa.Column('signed_by', sa.String(length=120), nullable=True),
    sa.Column('signed_by_clinician_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', hiptrack.storage.types.UTCDateTime(), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'signed')", name=op.f('ck_visit_reports_status')),
    sa.CheckConstraint('revision >= 1', name=op.f('ck_visit_reports_revision')),
    sa.ForeignKeyConstraint(['signed_by_clinician_id'], ['clinicians.id'],
                            name=op.f('fk_visit_reports_signed_by_clinician_id_clinicians')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_reports_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_reports')),
    sa.UniqueConstraint('visit_id', 'revision', name='uq_visit_reports_visit_revision')
    )
    with op.batch_alter_table('visit_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_reports_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visit_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_reports_visit_id'))
    op.drop_table('visit_reports')
