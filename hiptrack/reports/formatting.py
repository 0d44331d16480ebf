"""Numbers and dates as the reader's locale writes them, for documents and screens alike.

Qt's QLocale supplies the decimal mark and the date order (the default locale: the system's,
unless the app sets another). Group separators are left out, so "1.234" can never be read as a
thousand where the comma is the decimal mark. The "C" locale (a bare system, CI) writes dates as
ISO 8601. A signed value always carries its sign and unit ("+15.4 N·m", "−3.0 N") so a change
cannot be misread as a value.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

MINUS = "\u2212"  # a real minus sign: a hyphen in front of a number is easy to miss on paper
DASH = "—"  # a value that does not exist


def _locale() -> QLocale:
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def number(value: float | None, decimals: int = 1) -> str:
    """190.0 → "190.0" (or "190,0" where the comma is the decimal mark); None → "—"."""
    if value is None:
        return DASH
    text = _locale().toString(float(value), "f", decimals)
    return text.replace("-", MINUS)


def signed(value: float, decimals: int = 1, unit: str = "") -> str:
    """+15.4 → "+15.4 N·m"; −3 → "−3.0 N"; 0 → "±0.0 N"."""
    rounded = round(value, decimals)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else "±"
    text = sign + number(abs(value), decimals)
    return f"{text} {unit}".rstrip()


def percent(value: float | None, decimals: int = 0) -> str:
    """12.34 → "12 %"; None → "—"."""
    return DASH if value is None else f"{number(value, decimals)} %"


def percent_change(value: float, decimals: int = 1) -> str:
    """3.8 → "3.8 % more"; −3.8 → "3.8 % less": words, never a bare sign."""
    # QCoreApplication.translate directly: hiptrack.reports.translation imports this module.
    if round(value, decimals) == 0:
        return QCoreApplication.translate("Formatting", "no change")
    if value > 0:
        return QCoreApplication.translate("Formatting", "{pct} % more").format(pct=number(abs(value), decimals))
    return QCoreApplication.translate("Formatting", "{pct} % less").format(pct=number(abs(value), decimals))


def date(day: dt.date | None) -> str:
    """A date in the locale's short form with a four-digit year; ISO 8601 in the C locale."""
    if day is None:
        return DASH
    locale = _locale()
    if locale.language() == QLocale.Language.C:
        return day.isoformat()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")  # "03.11.26" is ambiguous in a chart kept for years
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def date_pattern() -> str:
    """The QDate pattern `date()` writes, for date editors: German → "dd.MM.yyyy", US English →
    "M/d/yyyy", the C locale → "yyyy-MM-dd" (always a four-digit year)."""
    locale = _locale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_time(moment: dt.datetime | None, seconds: bool = False) -> str:
    """A date and its clock time as the locale writes them: "03.11.2026 14:05" in German,
    "2026-11-03 14:05" in the C locale; with `seconds`, "14:05:09". None → "—".

    The time is shown as given (no time-zone conversion): the caller says which zone it is in.
    """
    if moment is None:
        return DASH
    locale = _locale()
    pattern = "HH:mm" if locale.language() == QLocale.Language.C else locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    clock = locale.toString(QTime(moment.hour, moment.minute, moment.second), pattern)
    return f"{date(moment.date())} {clock}"


def date_in_words(day: dt.date | None) -> str:
    """A date with the month's short name, for a chart's readout: "22 Sep 2026" in the C locale and
    British English, "Sep 22, 2026" in the US, "22. Sept. 2026" in German; None → "—".

    Qt has no medium date format: the locale's long one is taken without its weekday and with the
    month's short name, so the order and punctuation stay the locale's own.
    """
    if day is None:
        return DASH
    locale = _locale()
    pattern = re.sub(r"\s*[,،]?\s*d{4}\s*[,،.]?\s*", " ", locale.dateFormat(QLocale.FormatType.LongFormat))
    pattern = pattern.strip(" ,").replace("MMMM", "MMM")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def general(value: float) -> str:
    """A value with the digits it has, no more: 44.0 → "44", 44.5 → "44.5" ("44,5" with a decimal comma)."""
    return f"{value:g}".replace(".", _locale().decimalPoint()).replace("-", MINUS)
