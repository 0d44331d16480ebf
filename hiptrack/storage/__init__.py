"""Storage layer: SQLAlchemy models, database set-up, migrations and repositories. No Qt here."""

from hiptrack.storage import audit as _audit  # noqa: F401  (registers the audit and no-delete session hooks)
from hiptrack.storage import limits as _limits  # noqa: F401  (registers the text-limit session hook)
