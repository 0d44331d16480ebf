"""Two workstations at once: one test row per muscle, side, position and method at a visit;
optimistic locking of prescriptions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

Before this revision two workstations saving the first trial of a muscle at the same moment could
create two test rows, and the trials under the second never reached summaries. Such duplicates
are merged here (trials moved to the oldest row and numbered after its own; the emptied row is
voided, never deleted) before the unique index makes them impossible.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SLOT = ['visit_id', 'muscle', 'side', 'position', 'method']


def _merge_duplicate_tests() -> None:
    bind = op.get_bind()
    groups = bind.execute(sa.text(
        "SELECT visit_id, muscle, side, position, method, MIN(id) FROM strength_tests WHERE NOT voided "
        "GROUP BY visit_id, muscle, side, position, method HAVING COUNT(*) > 1"
    )).fetchall()
    for visit_id, muscle, side, position, method, keeper in groups:
        duplicates = bind.execute(sa.text(
            "SELECT id FROM strength_tests WHERE NOT voided AND visit_id = :v AND muscle = :m AND side = :s "
            "AND position = :p AND method = :t AND id <> :k ORDER BY id"
        ), {"v": visit_id, "m": muscle, "s": side, "p": position, "t": method, "k": keeper}).scalars().all()
        for duplicate in duplicates:
            trials = bind.execute(sa.text(
                "SELECT id FROM trials WHERE test_id = :d ORDER BY recorded_at, id"), {"d": duplicate}).scalars().all()
            for trial_id in trials:
                number = bind.execute(sa.text(
                    "SELECT COALESCE(MAX(trial_number), 0) + 1 FROM trials WHERE test_id = :k"), {"k": keeper}).scalar()
                bind.execute(sa.text("UPDATE trials SET test_id = :k, trial_number = :n WHERE id = :i"),
                             {"k": keeper, "n": number, "i": trial_id})
            bind.execute(sa.text("UPDATE strength_tests SET voided = :t WHERE id = :d"), {"t": True, "d": duplicate})


def upgrade() -> None:
    _merge_duplicate_tests()
    with op.batch_alter_table('strength_tests', schema=None) as batch_op:
        batch_op.create_index('uq_strength_tests_slot', SLOT, unique=True,
                              sqlite_where=sa.text('NOT voided'), postgresql_where=sa.text('NOT voided'))
    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('strength_tests', schema=None) as batch_op:
        batch_op.drop_index('uq_strength_tests_slot', sqlite_where=sa.text('NOT voided'),
                            postgresql_where=sa.text('NOT voided'))
