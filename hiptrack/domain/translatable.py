"""Marks fixed texts of the pure layers (labels, titles, reasons) for translation.

The domain may not import Qt, so it cannot translate. It marks a text with `QT_TRANSLATE_NOOP`
instead: pyside6-lupdate finds the call by its name and puts the text into `ui/translations/*.ts`,
and the screens and documents translate the marked text when they show it
(`hiptrack.reports.translation.label`). The call returns the English text unchanged, so the domain
keeps working, comparing and storing English.
"""

from __future__ import annotations

# The translation context of every marked domain text; `label()` looks texts up in it.
LABELS = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged; lupdate collects it under `context` (always "Labels" here)."""
    return text
