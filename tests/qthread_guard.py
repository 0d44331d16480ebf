"""Every QThread a test starts is remembered with where it was started; a thread still running
when its test ends fails that test, naming that place.

A QThread destroyed while running aborts the whole process on PySide6 6.11 ("Destroyed while thread
is still running"), which then kills the test run far from its cause. This catches the leak in the
test that made it.
"""

from __future__ import annotations

import traceback
import weakref
from typing import Any

GRACE_MS = 10_000  # a thread asked to stop gets this long to finish: generous, so load never decides

_started: list[tuple[weakref.ReferenceType[Any], str]] = []
_installed = False


def install() -> None:
    """Wrap QThread.start (once per process) to record each start."""
    global _installed
    if _installed:
        return
    from PySide6.QtCore import QThread

    original = QThread.start

    def start(self: QThread, *args: Any, **kwargs: Any) -> None:
        where = "".join(traceback.format_stack(limit=8)[:-1])
        _started.append((weakref.ref(self), where))
        original(self, *args, **kwargs)

    QThread.start = start  # type: ignore[method-assign]
    _installed = True


def still_running() -> list[str]:
    """Where each thread that outlived its test (and the grace wait) was started; forgets them all."""
    leaks = []
    for ref, where in _started:
        thread = ref()
        if thread is None:
            continue
        try:
            if thread.isRunning() and not thread.wait(GRACE_MS):
                leaks.append(f"{type(thread).__name__} started at:\n{where}")
        except RuntimeError:  # its C++ object is already gone: it was not left running
            continue
    _started.clear()
    return leaks
