"""One formatting module for numbers and dates (issue 14): the reader's decimal mark and date order,
a four-digit year, a real minus sign, and signed changes that cannot be misread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from hiptrack.reports import formatting as F


@pytest.fixture
def locale_named() -> Iterator[object]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_c_locale_writes_iso_dates_and_points(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("C")
    assert F.date(dt.date(2026, 11, 3)) == "2026-11-03"
    assert F.number(1234.56) == "1234.6" and F.number(None) == "—"
    assert F.signed(15.44, 1, "N·m") == "+15.4 N·m" and F.signed(-3, 1, "N") == "−3.0 N"
    assert F.signed(0.04, 1, "N") == "±0.0 N"
    assert F.percent_change(3.84) == "3.8 % more" and F.percent_change(-3.84) == "3.8 % less"


def test_german_locale_uses_the_comma_and_a_four_digit_year(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("de_DE")
    assert F.number(1234.56) == "1234,6"  # no group separator: "1.234,6" would read as a thousand
    assert F.signed(-3.75, 2, "%") == "−3,75 %"
    assert F.date(dt.date(2026, 11, 3)) == "03.11.2026"


def test_us_dates_keep_the_year_whole(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_US")
    assert F.date(dt.date(2026, 11, 3)) == "11/3/2026"


def test_clinician_pdf_follows_the_locale(qapp, locale_named, sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.reports import data as D
    from tests.unit.reports.test_reports import make_pdf

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    locale_named("de_DE")
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "de.pdf")
    assert "Visit 21.10.2026" in text and "Gluteus medius (hip abduction) — Side-lying, short lever, make 190,0 212,0" in text
    assert "+4,0 N" in text and "190.0" not in text
    locale_named("C")
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "c.pdf")
    assert "Visit 2026-10-21" in text and "190.0 212.0" in text and "+4.0 N" in text


def test_date_editors_use_the_pattern_dates_are_written_in(locale_named) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    day = dt.date(2026, 11, 3)
    for name, pattern in (("C", "yyyy-MM-dd"), ("de_DE", "dd.MM.yyyy"), ("en_US", "M/d/yyyy")):
        locale_named(name)
        assert F.date_pattern() == pattern
        assert QLocale().toString(QDate(2026, 11, 3), F.date_pattern()) == F.date(day)


def test_date_and_time_follow_the_locale(locale_named) -> None:  # type: ignore[no-untyped-def]
    moment = dt.datetime(2026, 11, 3, 14, 5, 9)
    locale_named("C")
    assert F.date_time(moment) == "2026-11-03 14:05"
    assert F.date_time(moment, seconds=True) == "2026-11-03 14:05:09"
    locale_named("de_DE")
    assert F.date_time(moment, seconds=True) == "03.11.2026 14:05:09"
    locale_named("en_US")
    assert F.date_time(moment).startswith("11/3/2026 2:05") and F.date_time(moment).endswith("PM")
    assert F.date_time(None) == "—"


def test_a_date_in_words_keeps_the_locale_s_order_and_drops_the_weekday(locale_named) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 9, 2)
    locale_named("C")
    assert F.date_in_words(day) == "2 Sep 2026" and F.date_in_words(None) == "—"
    locale_named("en_US")
    assert F.date_in_words(day) == "Sep 2, 2026"
    locale_named("de_DE")
    assert F.date_in_words(day) == "2. Sept. 2026"
    locale_named("ja_JP")
    assert F.date_in_words(day) == "2026年9月2日"


def test_general_keeps_the_digits_a_value_has(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("C")
    assert F.general(44.0) == "44" and F.general(44.5) == "44.5" and F.general(-2.25) == "−2.25"
    locale_named("de_DE")
    assert F.general(44.5) == "44,5"
