"""The command line as an installer or a clinic admin uses it: real subprocesses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import postgres_url, reset_postgres


def hiptrack(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "hiptrack", *args], capture_output=True, text=True, env=full_env,
                          timeout=timeout)


def test_check_creates_and_migrates_the_default_database(hiptrack_home: Path) -> None:
    result = hiptrack("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
    assert (hiptrack_home / "data" / "hiptrack.sqlite3").exists()
    assert (hiptrack_home / "logs" / "hiptrack.log").exists()


def test_check_leaves_nothing_in_the_temp_folder(tmp_path: Path) -> None:
    # `check` builds the main window on scratch settings; every test run and installer check does this,
    # and the scratch folder used to stay behind in /tmp each time (issue 18).
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    result = hiptrack("check", env={"TMPDIR": str(private_tmp)})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in private_tmp.iterdir()) == []


def test_database_option_and_environment_variable(tmp_path: Path) -> None:
    by_option = tmp_path / "option.sqlite3"
    by_env = tmp_path / "env.sqlite3"
    assert hiptrack("db", "upgrade", "--database", f"sqlite:///{by_option}").returncode == 0
    assert hiptrack("--database", f"sqlite:///{by_option}", "db", "info").stdout.count("option.sqlite3") == 1
    assert hiptrack("db", "upgrade", env={"HIPTRACK_DATABASE_URL": f"sqlite:///{by_env}"}).returncode == 0
    result = hiptrack("db", "info", env={"HIPTRACK_DATABASE_URL": f"sqlite:///{by_env}"})
    assert result.returncode == 0 and "env.sqlite3" in result.stdout


def test_db_backup_writes_the_named_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    assert hiptrack("db", "upgrade", "--database", url).returncode == 0
    out = tmp_path / "copy.sqlite3"
    result = hiptrack("db", "backup", "--out", str(out), "--database", url)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    again = hiptrack("db", "backup", "--out", str(out), "--database", url)
    assert again.returncode != 0 and "already exists" in again.stderr


@pytest.mark.parametrize("command", [("check",), ("db", "upgrade"), ("db", "info"), ("db", "backup")])
def test_corrupt_database_fails_with_one_line_and_is_not_overwritten(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    result = hiptrack(*command, "--database", f"sqlite:///{path}")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged or is not a hiptrack database" in lines[0]
    assert path.read_bytes() == b"\x00garbage" * 1000


def test_unreachable_postgres_fails_with_one_line() -> None:
    result = hiptrack("check", "--database", "postgresql://hiptrack@127.0.0.1:1/hiptrack")
    assert result.returncode != 0
    assert "Cannot reach the PostgreSQL database 'hiptrack' on 127.0.0.1:1" in result.stderr


def test_locked_database_fails_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    assert hiptrack("db", "upgrade", "--database", f"sqlite:///{path}").returncode == 0
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = hiptrack("check", "--database", f"sqlite:///{path}")
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode != 0
    assert "locked by another program" in result.stderr


@pytest.mark.postgres
def test_check_on_postgres() -> None:
    url = postgres_url()
    reset_postgres(url)
    result = hiptrack("check", "--database", url)
    assert result.returncode == 0, result.stderr
    info = hiptrack("db", "info", "--database", url)
    assert "PostgreSQL database 'hiptrack_test'" in info.stdout


def test_schema_newer_than_app_fails(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    assert hiptrack("db", "upgrade", "--database", f"sqlite:///{path}").returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    result = hiptrack("check", "--database", f"sqlite:///{path}")
    assert result.returncode != 0 and "newer hiptrack" in result.stderr
