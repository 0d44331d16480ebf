"""Patient identity: sex may be unrecorded; chart numbers trimmed, near-duplicates reported

Sex used to default to "female" in the patient dialog and that guess fed the norms. From now on it
may be left unrecorded (NULL) and the norms then say "no reference".

Chart numbers are now trimmed and compared case-insensitively. Existing chart numbers with stray
spaces are trimmed where that collides with no other patient; chart numbers that differ only in
case or spaces are reported (by patient id, never by the number itself: logs hold no identifiers)
and left for a clinician to resolve. Nothing is merged: two rows may really be two people.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

log = logging.getLogger("hiptrack.migrations")


def upgrade() -> None:
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.alter_column('sex', existing_type=sa.String(length=10), nullable=True)
    conn = op.get_bind()
    patients = sa.table('patients', sa.column('id', sa.Integer), sa.column('chart_number', sa.String))
    rows = conn.execute(sa.select(patients.c.id, patients.c.chart_number)).all()
    taken = {chart for _id, chart in rows}
    for patient_id, chart in rows:
        trimmed = chart.strip()
        if trimmed != chart and trimmed and trimmed not in taken:
            conn.execute(sa.update(patients).where(patients.c.id == patient_id).values(chart_number=trimmed))
            taken.discard(chart)
            taken.add(trimmed)
    groups: dict[str, list[int]] = {}
    for patient_id, chart in rows:
        groups.setdefault(chart.strip().casefold(), []).append(patient_id)
    for ids in groups.values():
        if len(ids) > 1:
            log.warning("chart numbers of patients id=%s differ only in case or spaces; they were not merged: "
                        "check them and correct or archive one", ", id=".join(str(i) for i in sorted(ids)))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE patients SET sex = 'other' WHERE sex IS NULL"))
    if conn.dialect.name == "sqlite":
        # Restoring NOT NULL would rebuild the patients table, which every clinical table references;
        # a downgrade may run with foreign keys on. The column stays nullable and holds no NULL.
        return
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.alter_column('sex', existing_type=sa.String(length=10), nullable=False)
