"""hiptrack.domain stays pure: no Qt, SQLAlchemy or serial, even transitively (ARCHITECTURE.md)."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("PySide6", "pyqtgraph", "sqlalchemy", "serial", "alembic")

# Every module of the package, including ones added later, in a fresh interpreter.
CODE = f"""
import importlib, pkgutil, sys
import hiptrack.domain as pkg
names = [m.name for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
assert len(names) >= 12, names
print(",".join(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r}))
"""


def test_domain_imports_no_qt_sqlalchemy_or_serial() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
