"""A clinic's own picture per exercise

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('exercises', schema=None) as batch_op:
        batch_op.add_column(sa.Column('picture', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('picture_format', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('exercises', schema=None) as batch_op:
        batch_op.drop_column('picture_format')
        batch_op.drop_column('picture')
