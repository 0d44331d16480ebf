"""The autouse QThread guard (tests/qthread_guard.py) names where a leaked thread was started."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from tests import qthread_guard


class Waiting(QThread):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait(30.0)


def start_a_thread_here(release: threading.Event) -> Waiting:
    thread = Waiting(release)
    thread.start()
    return thread


def test_a_running_thread_is_reported_with_where_it_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qthread_guard, "GRACE_MS", 20)
    release = threading.Event()
    thread = start_a_thread_here(release)
    try:
        leaks = qthread_guard.still_running()
        assert len(leaks) == 1
        assert "Waiting started at" in leaks[0] and "start_a_thread_here" in leaks[0]
    finally:
        release.set()
        assert thread.wait(10_000)
    assert qthread_guard.still_running() == []  # forgotten once reported
