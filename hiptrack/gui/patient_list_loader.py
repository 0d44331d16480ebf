"""Reading the patient list on a worker thread, so that the window is painted before it arrives.

At 100,000 patients the query and the search index take about a second; at start-up the window is
shown first and the list follows, and the periodic refresh (other workstations' new patients) no
longer freezes the window each minute. Only plain data crosses the thread: the worker reads rows
through a storage function and builds a `PatientIndex` (pure Python); the model takes the finished
index on the GUI thread. A newer load, or a direct reload on the GUI thread, supersedes one still
running: its result is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from hiptrack.domain.patient_rules import PatientRow
from hiptrack.gui.patient_list import PatientIndex, PatientListModel
from hiptrack.reports.translation import error_text
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError

log = logging.getLogger(__name__)

# How long closing the window waits for a load still reading (the database is closed after it).
CLOSE_WAIT_S = 10.0

ReadRows = Callable[[Database, bool], list[PatientRow]]


class PatientListLoader(QObject):
    arrived = Signal(object)  # the PatientIndex of the newest load
    failed = Signal(str)  # a message naming the problem

    _finished = Signal(object, int)  # (PatientIndex, generation), from the worker
    _failed = Signal(str, int)

    def __init__(self, db: Database, model: PatientListModel, read_rows: ReadRows, parent: QObject) -> None:
        super().__init__(parent)
        self._db, self._model, self._read_rows = db, model, read_rows
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)

    def start(self, include_archived: bool) -> None:
        self._generation += 1
        self._thread = threading.Thread(target=self._run, args=(include_archived, self._generation),
                                        name="patient-list", daemon=True)
        self._thread.start()

    def supersede(self) -> None:
        """Drop the result of any load still running (the caller has newer rows)."""
        self._generation += 1

    def wait(self, timeout_s: float = CLOSE_WAIT_S) -> None:
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self, include_archived: bool, generation: int) -> None:
        try:
            rows = self._read_rows(self._db, include_archived)
            index = self._model.build_index(rows)
        except StorageError as exc:
            log.warning("patient list could not be read: %s", type(exc).__name__)  # i18n: a log line
            self._emit(self._failed, error_text(exc), generation)
            return
        except Exception as exc:  # a worker thread must report, never die silently
            log.exception("patient list could not be read")
            self._emit(self._failed, f"{type(exc).__name__}: {error_text(exc)}", generation)
            return
        self._emit(self._finished, index, generation)

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        # RuntimeError: the window was closed meanwhile, and nobody is waiting for the list.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)  # type: ignore[attr-defined]

    def _on_finished(self, index: PatientIndex, generation: int) -> None:
        if generation == self._generation:
            self.arrived.emit(index)

    def _on_failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self.failed.emit(message)
