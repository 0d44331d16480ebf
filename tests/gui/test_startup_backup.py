"""The start-up backup waits for the window and runs off the GUI thread; the status bar says so."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hiptrack import settings as S
from hiptrack.gui import startup_backup
from hiptrack.gui.application import open_prepared_database
from hiptrack.storage.backups import backup_folder
from hiptrack.storage.database import Database
from hiptrack.storage.migrate import prepare_database


def _backups(clinic_url: str) -> list[Path]:
    folder = backup_folder(Path(clinic_url.removeprefix("sqlite:///")))
    return sorted(folder.glob("*-startup.sqlite3")) if folder.exists() else []


@pytest.fixture
def clinic_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    db = Database(url)
    prepare_database(db, backup=False)
    db.dispose()
    return url


def test_backup_runs_after_the_window_is_shown_and_off_the_gui_thread(qtbot, clinic_url: str, tmp_path: Path,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.main_window import MainWindow

    db = open_prepared_database(clinic_url)
    assert _backups(clinic_url) == [], "the backup was made before the window could be shown"
    threads: list[int] = []
    real_backup = startup_backup.backup_sqlite

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real_backup(*args, **kwargs)

    monkeypatch.setattr(startup_backup, "backup_sqlite", recording)
    window = MainWindow(db, S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(window)
    window.show()
    backup = startup_backup.start_backup_after_show(window, db)
    assert _backups(clinic_url) == [] and threads == [], "scheduled, not run, before the event loop turns"
    with qtbot.waitSignal(backup.backup_finished, timeout=60_000) as finished:
        pass
    backup.wait()
    assert threads and threads[0] != threading.main_thread().ident
    assert [str(p) for p in _backups(clinic_url)] == [finished.args[0]]
    assert "backed up" in window.statusBar().currentMessage()
    db.dispose()


def test_a_failed_backup_is_named_in_the_status_bar(qtbot, clinic_url: str, tmp_path: Path,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.storage.errors import DatabaseReadOnly

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DatabaseReadOnly("Could not write the backup /backups/x: No space left on device")

    monkeypatch.setattr(startup_backup, "backup_sqlite", refuse)
    db = open_prepared_database(clinic_url)
    window = MainWindow(db, S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(window)
    window.show()
    backup = startup_backup.start_backup_after_show(window, db)
    with qtbot.waitSignal(backup.backup_failed, timeout=60_000):
        pass
    backup.wait()
    assert "No space left on device" in window.statusBar().currentMessage()
    db.dispose()
