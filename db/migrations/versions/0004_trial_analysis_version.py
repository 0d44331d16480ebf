"""Trials carry their force-time analysis version, onset and notes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Trials recorded before this revision were analysed by definition 1 (a peak net of the first
0.3 s, a 20 N onset, an assumed 50 Hz clock); they are marked so, and `hiptrack db reanalyse`
recomputes them from their raw traces.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('trials', schema=None) as batch_op:
        batch_op.add_column(sa.Column('analysis_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('onset_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('analysis_notes', sa.String(length=500), nullable=True))
    op.execute("UPDATE trials SET analysis_version = 1 WHERE entry = 'stream' AND trace IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('trials', schema=None) as batch_op:
        batch_op.drop_column('analysis_notes')
        batch_op.drop_column('onset_s')
        batch_op.drop_column('analysis_version')
