"""The GUI's start-up with a database it cannot use: a dialog naming the problem, a non-zero exit,
and nothing overwritten. Each case runs the real start-up in a fresh process in which only the
modal dialog is replaced by a print, so the test can read what the clinician would read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

SNIPPET = r"""
import sys
from PySide6.QtWidgets import QMessageBox
def shown(parent, title, text, *args, **kwargs):
    print("DIALOG:", title, "|", " ".join(str(text).split()))
    return QMessageBox.StandardButton.Ok
QMessageBox.critical = staticmethod(shown)
from hiptrack.gui.application import run_gui
print("EXIT:", run_gui(sys.argv[1]))
"""


def start_gui(url: str, home: Path, drop_root_rights: bool = False) -> str:
    cmd = [sys.executable, "-c", SNIPPET, url]
    if drop_root_rights and os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--", *cmd]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HIPTRACK_HOME": str(home)}
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    return result.stdout


def test_corrupt_database(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"not a database " * 100)
    out = start_gui(f"sqlite:///{path}", tmp_path / "home")
    assert "DIALOG: hiptrack cannot open the database" in out and "damaged or is not a hiptrack database" in out
    assert "EXIT: 2" in out
    assert path.read_bytes() == b"not a database " * 100


def test_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE other_program (x)").connection.commit()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = start_gui(f"sqlite:///{path}", tmp_path / "home")
    finally:
        holder.rollback()
        holder.close()
    assert "locked by another program" in out and "EXIT: 2" in out


def test_unreachable_postgres(tmp_path: Path) -> None:
    out = start_gui("postgresql://hiptrack@127.0.0.1:1/hiptrack", tmp_path / "home")
    assert "Cannot reach the PostgreSQL database 'hiptrack' on 127.0.0.1:1" in out and "EXIT: 2" in out


def test_read_only_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        out = start_gui(f"sqlite:///{folder}/hiptrack.sqlite3", tmp_path / "home", drop_root_rights=True)
    finally:
        folder.chmod(0o755)
    assert "is not writable" in out and "EXIT: 2" in out
    assert list(folder.iterdir()) == []
