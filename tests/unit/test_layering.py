"""What import-linter (the contracts in pyproject.toml, run by ./dev test) cannot state, checked in a
fresh interpreter so that every import counts, third-party ones included: Qt pulled in through a
third-party package, and the QtCore-only / no-QtWidgets rules (submodules of one external package)."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = [
    "hiptrack.domain",
    "hiptrack.devices",
    "hiptrack.storage",
    "hiptrack.settings",
    "hiptrack.paths",
    "hiptrack.log",
    "hiptrack.operations",
    "hiptrack.fhir",
]


def _loaded_after_import(package: str) -> set[str]:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.') if hasattr(pkg, '__path__') else []:\n"
        "    importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("package", QT_FREE)
def test_lower_layers_import_no_qt(package: str) -> None:
    loaded = _loaded_after_import(package)
    offenders = sorted(m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"})
    assert not offenders, f"{package} pulls in Qt: {offenders[:5]}"


def test_fhir_imports_no_sql_and_no_serial() -> None:
    """hiptrack.fhir is a namespace package (no __init__.py), which import-linter does not see."""
    loaded = _loaded_after_import("hiptrack.fhir")
    offenders = sorted(m for m in loaded if m.split(".")[0] in {"sqlalchemy", "alembic", "serial", "psycopg"})
    assert not offenders, f"hiptrack.fhir pulls in {offenders[:5]}"


def test_acquisition_and_reports_stay_off_widgets() -> None:
    for package, forbidden in (
        ("hiptrack.acquisition", {"PySide6.QtWidgets", "PySide6.QtGui", "pyqtgraph"}),
        ("hiptrack.reports", {"PySide6.QtWidgets", "pyqtgraph"}),
    ):
        loaded = _loaded_after_import(package)
        assert not (loaded & forbidden), f"{package} imports {sorted(loaded & forbidden)}"
