"""The columns of a strength-results CSV (`hiptrack import` reads them, `hiptrack export` writes
them first). Kept apart from the importer so that the command line can print them in its help
without loading SQLAlchemy."""

from __future__ import annotations

COLUMNS = (
    "chart_number", "last_name", "first_name", "date_of_birth", "sex", "height_m", "involved_side", "visit_date",
    "body_mass_kg", "muscle", "side", "position", "method", "lever_arm_m", "trial", "peak_force", "unit",
)
