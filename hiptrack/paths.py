"""Where hiptrack keeps its files, and the one way to find shipped resources.

Nothing here imports Qt, so the storage layer and the command line can use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from hiptrack import APP_NAME, ORGANISATION

# Tests and portable installs point every location below one folder.
HOME_OVERRIDE_ENV = "HIPTRACK_HOME"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, ORGANISATION, roaming=False)


def _home_override() -> Path | None:
    value = os.environ.get(HOME_OVERRIDE_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    """The folder holding the embedded database. It contains patient data."""
    home = _home_override()
    return home / "data" if home else Path(_dirs().user_data_dir)


def backup_dir() -> Path:
    """Backups of the default database (hiptrack.storage.backups.backup_folder: beside whichever
    database is open). Backups hold patient data too, so never a temp folder."""
    return data_dir() / "backups"


def log_dir() -> Path:
    home = _home_override()
    return home / "logs" if home else Path(_dirs().user_log_dir)


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(_dirs().user_config_dir)


def cache_dir() -> Path:
    """Files hiptrack can rebuild at any time (the prebuilt demo database: invented data only)."""
    home = _home_override()
    return home / "cache" if home else Path(_dirs().user_cache_dir)


def default_database_path() -> Path:
    return data_dir() / "hiptrack.sqlite3"


def default_database_url() -> str:
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    """The URL of an SQLite file, quoted so that `#`, `?`, `%41`, `@` or spaces in a folder name
    name that folder (string formatting would turn them into a fragment, a query or an escape)."""
    from sqlalchemy.engine import URL  # lazily: `hiptrack --help` needs no SQLAlchemy

    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def source_root() -> Path:
    """The repository root in a checkout, or the bundle folder when frozen by PyInstaller."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource below the repository root (`db/...`, `ui/...`).

    Every lookup of migrations, reference data, stylesheets and icons goes through here, so the
    checkout and the frozen bundle behave alike.
    """
    path = source_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"hiptrack resource missing: {'/'.join(parts)} (looked in {source_root()})")
    return path


def illustration_path(exercise_code: str) -> Path | None:
    """The shipped line drawing (start and end position) of a built-in exercise, if it has one.

    Clinic-defined exercises have no shipped drawing; callers show the text alone for them.
    """
    try:
        return resource_path("ui", "illustrations", f"{exercise_code}.svg")
    except FileNotFoundError:
        return None
