"""Provenance of lever arms and body masses (issue 11)

Where a lever arm or body mass came from: measured at the visit, carried forward from an earlier
date, a typical value, or imported. Rows recorded before this revision did not keep it: the
start-a-visit form saved pre-filled typical levers and old masses as that day's measurement, so
nothing in them tells a measurement from a default. They are back-filled as 'unknown', never as
'measured'.

SQLite takes ADD COLUMN with an inline CHECK; that avoids batch mode, whose table rebuild would
drop strength_tests under the trials that reference it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

MASS_SOURCES = "'measured', 'imported', 'unknown'"
LEVER_SOURCES = "'measured', 'carried_forward', 'typical', 'imported', 'unknown'"
CHECKED = (
    ('body_mass_measurements', 'source', MASS_SOURCES),
    ('strength_tests', 'lever_source', LEVER_SOURCES),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table, column, allowed in CHECKED:
        name = f'ck_{table}_{column}'
        if sqlite:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(16) DEFAULT 'unknown' NOT NULL "
                       f"CONSTRAINT {name} CHECK ({column} IN ({allowed}))")
        else:
            op.add_column(table, sa.Column(column, sa.String(length=16), server_default='unknown', nullable=False))
            op.create_check_constraint(name, table, f'{column} IN ({allowed})')
    op.add_column('strength_tests', sa.Column('lever_measured_on', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('strength_tests', 'lever_measured_on')
    for table, column, _allowed in CHECKED:
        if op.get_bind().dialect.name != 'sqlite':
            op.drop_constraint(f'ck_{table}_{column}', table, type_='check')
        op.drop_column(table, column)
