"""The signer's role on a signed visit report

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visit_reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signed_role', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit_reports', schema=None) as batch_op:
        batch_op.drop_column('signed_role')
