"""Accounts (role, password, sign-in throttling) and the append-only, hash-chained audit trail

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hiptrack.storage import audit_chain

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('clinicians', sa.Column('role', sa.String(length=16), server_default='clinician', nullable=False))
    op.add_column('clinicians', sa.Column('password_hash', sa.String(length=200), nullable=True))
    op.add_column('clinicians', sa.Column('failed_sign_ins', sa.Integer(), server_default='0', nullable=False))
    op.add_column('clinicians', sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('audit_events', sa.Column('prev_hash', sa.String(length=64), nullable=True))
    op.add_column('audit_events', sa.Column('event_hash', sa.String(length=64), nullable=True))
    op.create_table('audit_chain',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain'))
    )
    conn = op.get_bind()
    # Events written before this version join the chain as they are, then become permanent.
    audit_chain.rebuild_chain(conn)
    audit_chain.install_guards(conn)


def downgrade() -> None:
    conn = op.get_bind()
    audit_chain.drop_guards(conn)
    op.drop_table('audit_chain')
    with op.batch_alter_table('audit_events') as batch:
        batch.drop_column('event_hash')
        batch.drop_column('prev_hash')
    with op.batch_alter_table('clinicians') as batch:
        batch.drop_column('last_failed_at')
        batch.drop_column('failed_sign_ins')
        batch.drop_column('password_hash')
        batch.drop_column('role')
