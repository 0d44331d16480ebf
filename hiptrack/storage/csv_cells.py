"""Spreadsheet formula injection in CSV files (OWASP "CSV Injection").

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel and LibreOffice when a clinician opens the export. Names, reasons and even the gauge's own
model and serial text reach our exports, so such cells get a leading `'` (shown by spreadsheets
as plain text); numbers are written untouched. Importing strips that prefix again, so an export
imported back gives the same text. A text that itself starts with quotes before a trigger gets
one more quote, so the mapping stays reversible.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value and value.lower().lstrip("+-") not in ("inf", "infinity", "nan")


def _needs_quote(value: str) -> bool:
    return value.lstrip(QUOTE).startswith(FORMULA_TRIGGERS) and not _is_number(value)


def protect(value: str) -> str:
    """The cell as written to a CSV file: text that a spreadsheet would run gets a leading `'`."""
    return QUOTE + value if _needs_quote(value) else value


def unprotect(value: str) -> str:
    """The inverse of `protect`, for cells read from a CSV file."""
    if value.startswith(QUOTE) and _needs_quote(value[1:]):
        return value[1:]
    return value
