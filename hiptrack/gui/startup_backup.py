"""The routine start-up backup, made after the main window is shown and off the GUI thread.

Copying a large SQLite file takes seconds; the clinician should not wait for it before seeing the
patient list. A pre-migration backup is different: it must exist before the schema changes, so
`prepare_database` still makes that one at once. Only plain data (a path, a message) crosses from
the worker thread, through queued signals.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QProgressBar

from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError
from hiptrack.storage.migrate import backup_sqlite, prune_startup_backups

log = logging.getLogger(__name__)

# How long quitting waits for a backup still being written before leaving it to finish alone.
QUIT_WAIT_S = 30.0


class StartupBackup(QObject):
    """Runs one start-up backup on a worker thread and shows its progress in the status bar."""

    backup_finished = Signal(str)  # the backup file, or "" when there was nothing to copy
    backup_failed = Signal(str)  # a message naming the problem

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._thread: threading.Thread | None = None
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)  # SQLite's copy gives no reliable total up front: a busy bar
        self._busy.setMaximumWidth(120)
        self._busy.setToolTip(self.tr("Backing up the database"))
        self._busy.hide()
        window.statusBar().addPermanentWidget(self._busy)
        self.backup_finished.connect(self._on_finished)
        self.backup_failed.connect(self._on_failed)

    def start(self) -> None:
        if not self._db.is_sqlite or self._thread is not None:
            return
        self._busy.show()
        self._window.statusBar().showMessage(self.tr("Backing up the database…"))
        self._thread = threading.Thread(target=self._run, name="startup-backup", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float = QUIT_WAIT_S) -> None:
        """Let a running backup finish before the process exits (bounded)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        try:
            out = backup_sqlite(self._db, "startup")
            prune_startup_backups(self._db)
        except StorageError as exc:
            log.warning("start-up backup failed: %s", type(exc).__name__)
            self.backup_failed.emit(error_text(exc))
            return
        except Exception as exc:  # a worker thread must report, never die silently
            log.exception("start-up backup failed")
            self.backup_failed.emit(f"{type(exc).__name__}: {error_text(exc)}")
            return
        self.backup_finished.emit(str(out) if out else "")

    def _on_finished(self, path: str) -> None:
        self._busy.hide()
        if path:
            size_mb = Path(path).stat().st_size / 1e6 if Path(path).exists() else 0.0
            message = self.tr("Database backed up ({size} MB): {file}").format(size=F.number(size_mb, 1),
                                                                               file=Path(path).name)
            self._window.statusBar().showMessage(message, 8000)
        else:
            self._window.statusBar().clearMessage()

    def _on_failed(self, message: str) -> None:
        self._busy.hide()
        self._window.statusBar().showMessage(self.tr("Start-up backup failed: {problem}").format(problem=message), 30_000)


def start_backup_after_show(window: QMainWindow, db: Database) -> StartupBackup:
    """Schedule the start-up backup for when the event loop runs, i.e. after the window is shown."""
    backup = StartupBackup(window, db)
    QTimer.singleShot(0, backup.start)
    return backup
