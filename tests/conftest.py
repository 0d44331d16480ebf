"""Shared test set-up: offscreen Qt, an isolated HIPTRACK_HOME, database URLs for both engines."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HIPTRACK_HOME", os.path.join(os.environ.get("TMPDIR", "/tmp"), "hiptrack-test-home"))
