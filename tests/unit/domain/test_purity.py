"""hiptrack.domain stays pure: no Qt, SQLAlchemy or serial, even transitively (ARCHITECTURE.md)."""

from __future__ import annotations

import subprocess
import sys

MODULES = ("errors", "units", "stats", "forcetime", "normalise", "asymmetry", "reliability", "norms",
           "outcomes", "positions", "records", "summary")
FORBIDDEN = ("PySide6", "pyqtgraph", "sqlalchemy", "serial", "alembic")


def test_domain_imports_no_qt_sqlalchemy_or_serial() -> None:
    code = (
        "import sys\n"
        + "".join(f"import hiptrack.domain.{m}\n" for m in MODULES)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
