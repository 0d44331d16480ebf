"""Building old-schema databases for migration tests (and the installer smoke test)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from hiptrack.storage.database import Database
from hiptrack.storage.migrate import upgrade

FIXTURE_SQL = Path(__file__).resolve().parents[2] / "data" / "schema_0001_fixture.sql"


def build_schema_0001_database(db: Database) -> None:
    """Migrate an empty database to 0001 and fill it as a hiptrack 0.1 clinic would have."""
    upgrade(db, "0001")
    statements = [s.strip() for s in FIXTURE_SQL.read_text().split(";") if s.strip()]
    with db.engine.begin() as conn:
        for statement in statements:
            lines = [line for line in statement.splitlines() if not line.lstrip().startswith("--")]
            conn.execute(text("\n".join(lines)))
        if conn.dialect.name == "postgresql":
            # Explicit ids above leave the sequences behind; a real 0.1 database would not be.
            for table in ("clinicians", "patients", "visits", "body_mass_measurements", "strength_tests",
                          "trials", "audit_events"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"))
