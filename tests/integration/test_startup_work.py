"""What start-up does and does not do: the help needs no heavy library, read-only commands neither
create a database nor back one up. Real subprocesses, fresh interpreters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# pyserial too: the help lists the protocol names from a static tuple (hiptrack/devices/names.py).
HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "numpy", "pyqtgraph", "serial")


def _modules_after(argv: list[str]) -> tuple[set[str], str]:
    """Run the CLI's main() in a fresh interpreter and list the top-level packages it loaded."""
    code = (
        "import sys\n"
        "from hiptrack.app import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "print('@@', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         check=True).stdout
    help_text, _, loaded = out.rpartition("@@")
    return set(loaded.split()), help_text


@pytest.mark.parametrize("argv", [["--help"], ["device", "read", "--help"], ["simulate", "--help"], ["import", "--help"],
                                  ["--version"]])
def test_help_loads_no_qt_no_sql_no_numpy(argv: list[str]) -> None:
    loaded, text = _modules_after(argv)
    assert "usage: hiptrack" in text or text.startswith("hiptrack ")
    assert not loaded & set(HEAVY), f"`hiptrack {' '.join(argv)}` imported {sorted(loaded & set(HEAVY))}"


def test_help_still_lists_every_subcommand_and_the_import_columns() -> None:
    _loaded, text = _modules_after(["--help"])
    for command in ("demo", "check", "db", "device", "simulate", "summary", "import", "report", "export"):
        assert command in text
    _loaded, text = _modules_after(["import", "--help"])
    assert "chart_number" in text and "peak_force" in text


def _hiptrack(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "hiptrack", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=cwd)


READ_ONLY = [
    ("summary", "--patient", "P1"),
    ("export", "--patient", "P1", "--out", "out.csv"),
    ("report", "--patient", "P1", "--out", "out.pdf"),
    ("db", "info"),
    ("db", "backup"),
]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c[:2]))
def test_read_only_command_refuses_a_missing_database_and_creates_nothing(tmp_path: Path,
                                                                          command: tuple[str, ...]) -> None:
    # Three slashes where four were meant: a relative path, resolved against the current folder.
    work = tmp_path / "work"
    work.mkdir()
    result = _hiptrack(*command, "--database", "sqlite:///clinic/x.db", cwd=work)
    assert result.returncode != 0
    assert "clinic/x.db" in result.stderr and "no database" in result.stderr.lower(), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(work.iterdir()) == [], "a read-only command created files"


def test_read_only_commands_make_no_backup(tmp_path: Path) -> None:
    from hiptrack.storage.backups import backup_folder

    database = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{database}"
    assert _hiptrack("db", "upgrade", "--database", url).returncode == 0
    assert _hiptrack("check", "--database", url).returncode == 0  # a writing command does back up
    backups = backup_folder(database)
    before = sorted(backups.iterdir())
    assert before, "the check made no backup: this test would prove nothing"
    for command in READ_ONLY[:-1]:
        _hiptrack(*command, "--database", url, cwd=tmp_path)
    assert sorted(backups.iterdir()) == before


GUI_START = r"""
import sys
from pathlib import Path
from hiptrack import settings as S
from hiptrack.gui.application import create_application, open_prepared_database
from hiptrack.gui.main_window import MainWindow
from hiptrack.storage.demo_cache import copy_demo_database
folder = Path(sys.argv[1])
copy_demo_database(folder / "demo.sqlite3", 2)
app = create_application()
db = open_prepared_database(f"sqlite:///{folder / 'demo.sqlite3'}", backup=False)
window = MainWindow(db, S.WorkstationSettings(folder / "ws.json"))
window.show()
window.select_patient(window.model.row_at(0).id)
app.processEvents()
print("at start:", "pyqtgraph" in sys.modules)
window.tabs.setCurrentWidget(window.progress)
app.processEvents()
print("on the progress tab:", "pyqtgraph" in sys.modules, len(window.progress.panels) > 0)
"""


def test_pyqtgraph_loads_when_a_chart_is_first_shown_not_at_start(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", GUI_START, str(tmp_path)], capture_output=True, text=True, env=env,
                         timeout=180)
    assert out.returncode == 0, out.stderr
    assert "at start: False" in out.stdout
    assert "on the progress tab: True True" in out.stdout
