"""`hiptrack demo`: the demo database is built once and copied per launch, and a real database
that already holds patients is never filled with invented ones."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hiptrack.gui import application
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage import demo_cache
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database

TODAY = dt.date(2026, 11, 23)


def _patients(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT chart_number, last_name FROM patients ORDER BY id").fetchall()


def test_demo_is_built_once_then_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[Path] = []
    real_build = demo_cache.build_demo_file
    monkeypatch.setattr(demo_cache, "build_demo_file", lambda path, *a: builds.append(path) or real_build(path, *a))
    first, second = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    assert demo_cache.copy_demo_database(first, 3, TODAY) is False
    assert demo_cache.copy_demo_database(second, 3, TODAY) is True
    assert len(builds) == 1
    assert _patients(first) == _patients(second) and len(_patients(first)) == 3
    # Changes made in one launch's copy never reach the cache or the next launch.
    with sqlite3.connect(first) as conn:
        conn.execute("UPDATE patients SET last_name = 'Changed'")
    conn.close()
    third = tmp_path / "three.sqlite3"
    demo_cache.copy_demo_database(third, 3, TODAY)
    assert _patients(third) == _patients(second)
    assert not list(demo_cache.cache_file(3, TODAY).parent.glob("*.partial"))


def test_a_new_app_version_builds_a_new_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_cache.copy_demo_database(tmp_path / "a.sqlite3", 2, TODAY)
    monkeypatch.setattr(demo_cache, "__version__", "99.0")
    assert demo_cache.copy_demo_database(tmp_path / "b.sqlite3", 2, TODAY) is False
    assert [p.name for p in demo_cache.cache_file(2, TODAY).parent.glob("demo-*")] == [
        demo_cache.cache_file(2, TODAY).name]


def test_demo_refuses_a_database_that_holds_patients(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.domain.patient_rules import PatientFields
    from hiptrack.storage.patients import create_patient

    path = tmp_path / "clinic.sqlite3"
    db = Database(f"sqlite:///{path}")
    prepare_database(db, backup=False)
    with db.session() as s:
        create_patient(s, PatientFields("C-1", "Real", "Rita", dt.date(1970, 1, 1), "female"))
    db.dispose()
    shown: list[str] = []
    monkeypatch.setattr(application, "show_startup_error", lambda _title, message, _parent=None: shown.append(message))
    built: list[object] = []
    monkeypatch.setattr(MainWindow, "attach_database", lambda window, *a, **k: built.append(window))
    assert application.run_demo(patients=2, simulator=False, database=f"sqlite:///{path}") == 2
    assert built == [], "the demo built its pages on a database of real patients"
    assert "already holds 1 patient" in shown[0] and "clinic.sqlite3" in shown[0]
    assert _patients(path) == [("C-1", "Real")]
