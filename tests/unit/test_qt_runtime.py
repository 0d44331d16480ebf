"""Guards against Qt binding releases with defects that would crash hiptrack."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(float)


def test_emitting_a_signal_does_not_leak_or_steal_references() -> None:
    """PySide6 6.12.0 decrements True's reference count on every emit(); after a few thousand
    signals the interpreter aborts ("bool_dealloc: deallocating True or False"). The acquisition
    thread emits dozens of signals a second, so such a release must never be installed."""
    emitter = _Emitter()
    emitter.happened.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.happened.emit(1.0)
    # A handful of references may come and go elsewhere; the defect removes one per emit.
    assert abs(sys.getrefcount(True) - before) < 20
