"""Shared test set-up: offscreen Qt, an isolated HIPTRACK_HOME per test, and database URLs for
both engines (SQLite in a temp folder; the PostgreSQL server named by HIPTRACK_TEST_DATABASE_URL,
which `./dev test` starts)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: tests never need a display. The offscreen screen is made the size of
# a clinic's desktop (its default, 800 × 600, is smaller than the main window's minimum).
_SCREEN = Path(__file__).resolve().parent / "data" / "offscreen_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

PG_ENV = "HIPTRACK_TEST_DATABASE_URL"


@pytest.fixture(autouse=True)
def no_qthread_left_running() -> Iterator[None]:
    """Fail a test that leaves a QThread running, naming where the thread was started."""
    from tests import qthread_guard

    qthread_guard.install()
    yield
    leaks = qthread_guard.still_running()
    if leaks:
        pytest.fail("a QThread is still running after the test:\n" + "\n".join(leaks), pytrace=False)


@pytest.fixture(autouse=True)
def hiptrack_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, backup, log and config folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("HIPTRACK_HOME", str(home))
    monkeypatch.delenv("HIPTRACK_DATABASE_URL", raising=False)
    return home


def postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the storage tests on PostgreSQL too")
        pytest.skip(f"{PG_ENV} not set (./dev test starts a throwaway PostgreSQL server)")
    return url


def reset_postgres(url: str) -> None:
    """Give each test an empty database by recreating the public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url = postgres_url()
    reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[object]:
    """A migrated database on each engine."""
    from hiptrack.storage.database import Actor, Database
    from hiptrack.storage.migrate import prepare_database

    database = Database(db_url, actor=Actor(name="Test Clinician", clinician_id=None, workstation="test-ws"))
    prepare_database(database)
    yield database
    database.dispose()


@pytest.fixture
def other(db: object) -> Iterator[object]:
    """Another workstation on the same database as `db`: its own engine, its own connections."""
    from tests.unit.reports.data import other_workstation

    database = other_workstation(db)  # type: ignore[arg-type]
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[object]:
    from hiptrack.storage.database import Actor, Database
    from hiptrack.storage.migrate import prepare_database

    database = Database(sqlite_url, actor=Actor(name="Test Clinician", workstation="test-ws"))
    prepare_database(database)
    yield database
    database.dispose()
