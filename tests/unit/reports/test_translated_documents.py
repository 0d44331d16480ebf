"""Documents really go through Qt's translation at runtime (issue 14, "Translations ready").

A tiny catalogue holding a few of the documents' texts (contexts Report, Wording, Charts) and of
the domain's marked texts (Labels) is compiled with pyside6-lrelease and installed: the PDF and the
patient's sentences then read German where the catalogue has a translation, and English elsewhere.
Without a translator (every other test) the English text is unchanged.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hiptrack.domain import exercise_program as ep
from hiptrack.domain.patient_rules import date_of_birth_problems
from hiptrack.domain.provenance import Provenance, Source
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.reports import wording
from hiptrack.reports.translation import error_text, label
from hiptrack.storage.database import Database
from tests.unit.reports import data as D
from tests.unit.reports.test_reports import make_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "ui" / "translations"))
import update as translations_update  # ui/translations/update.py, not a package

GERMAN = {
    "Report": {
        "Clinician summary": "Klinische Zusammenfassung",
        "Test set-up at this visit": "Testaufbau bei diesem Besuch",
        "Page {number} of {total}": "Seite {number} von {total}",
        "Signed electronically by {who} in hiptrack on {when} (version {n}).":
            "Elektronisch unterschrieben von {who} in hiptrack am {when} (Version {n}).",
    },
    "Labels": {
        "Side-lying, short lever": "Seitenlage, kurzer Hebel",
        "Gluteus medius (hip abduction)": "Gluteus medius (Hüftabduktion)",
        "make": "Make-Test",
        "difference ≥ {pct:g}%": "Differenz ≥ {pct:g} %",
        "carried forward from {date}": "übernommen vom {date}",
        "typical value, not measured": "Richtwert, nicht gemessen",
        "each side": "jede Seite",
        "hold {seconds:g} s": "{seconds:g} s halten",
        "Date of birth {date} is in the future": "Geburtsdatum {date} liegt in der Zukunft",
        "started under {level:.0f} N load": "Beginn unter {level:.0f} N Last",
    },
    "Wording": {
        "Your left hip is {pct}% weaker than your right": "Ihre linke Hüfte ist {pct} % schwächer als die rechte",
        "{sentence}.": "{sentence}.",
    },
    "Charts": {"Left": "Links"},
}


def _catalogue(path: Path, messages: dict[str, dict[str, str]]) -> Path:
    contexts = "".join(
        f"<context><name>{escape(name)}</name>" + "".join(
            f"<message><source>{escape(src)}</source><translation>{escape(dst)}</translation></message>"
            for src, dst in texts.items()) + "</context>"
        for name, texts in messages.items())
    ts = path.with_suffix(".ts")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">{contexts}</TS>',
                  encoding="utf-8")
    translations_update.release(ts, path)
    return path


@pytest.fixture
def german(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The tiny German catalogue installed, and the German locale (decimal comma, day first)."""
    translator = QTranslator()
    assert translator.load(str(_catalogue(tmp_path / "tiny_de.qm", GERMAN)))
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_a_domain_phrase_is_translated_whole_with_its_values_in_the_locale(german) -> None:  # type: ignore[no-untyped-def]
    carried = Provenance(Source.CARRIED_FORWARD, dt.date(2026, 10, 1)).text(dt.date(2026, 10, 21))
    assert carried == "carried forward from 2026-10-01"  # the domain keeps its English
    assert label(carried) == "übernommen vom 01.10.2026"
    assert label(Provenance(Source.TYPICAL).text(dt.date(2026, 10, 21))) == "Richtwert, nicht gemessen"
    assert label("a text nobody marked") == "a text nobody marked"


class _OwnText(Exception):
    def __str__(self) -> str:
        return "its own words"


def test_an_error_message_is_shown_translated_and_keeps_its_english(german) -> None:  # type: ignore[no-untyped-def]
    phrase = Phrase(QT_TRANSLATE_NOOP("Labels", "Date of birth {date} is in the future"), date=dt.date(2030, 1, 2))
    exc = ValueError(phrase)
    assert str(exc) == "Date of birth 2030-01-02 is in the future"  # logs, CLI and tests keep English
    assert error_text(exc) == "Geburtsdatum 02.01.2030 liegt in der Zukunft"
    assert error_text(LookupError(QT_TRANSLATE_NOOP("Labels", "each side"))) == "jede Seite"
    assert error_text(RuntimeError("a text nobody marked")) == "a text nobody marked"


def test_each_problem_of_a_refused_record_is_translated(german) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.storage.errors import ValidationError

    born = Phrase(QT_TRANSLATE_NOOP("Labels", "Date of birth {date} is in the future"), date=dt.date(2030, 1, 2))
    exc = ValidationError([born, QT_TRANSLATE_NOOP("Labels", "each side")])
    assert str(exc) == "Date of birth 2030-01-02 is in the future; each side"
    assert error_text(exc) == "Geburtsdatum 02.01.2030 liegt in der Zukunft; jede Seite"


def test_an_error_that_is_not_one_text_is_shown_as_it_stands(german) -> None:  # type: ignore[no-untyped-def]
    assert error_text(OSError(2, "each side")) == "[Errno 2] each side"
    assert error_text(_OwnText("each side")) == "its own words"
    assert error_text(ValueError("each side", 3)) == "('each side', 3)"
    assert error_text(ValueError()) == ""
    assert error_text(ValueError(3)) == "3"


def test_a_translation_that_does_not_fit_its_values_falls_back_to_english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = {"Labels": {"carried forward from {date}": "übernommen vom {datum}"}}
    translator = QTranslator()
    assert translator.load(str(_catalogue(tmp_path / "broken.qm", broken)))
    QCoreApplication.installTranslator(translator)
    try:
        phrase = Phrase(QT_TRANSLATE_NOOP("Labels", "carried forward from {date}"), date=dt.date(2026, 10, 1))
        assert label(phrase) == "carried forward from 2026-10-01"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_patient_sentence_is_translated(german) -> None:  # type: ignore[no-untyped-def]
    row = MuscleSummary("gluteus_medius", "hip_abduction", "hip_abd_sidelying_short", "make", left_n=164.0,
                        right_n=200.0, asymmetry_pct=18.0, weaker_side="left")
    assert wording.asymmetry_sentence(row, dt.date(2026, 10, 20)) == "Ihre linke Hüfte ist 18 % schwächer als die rechte."


def test_the_clinician_pdf_prints_the_installed_translation(german, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "de.pdf")
    for expected in ("Klinische Zusammenfassung", "Testaufbau bei diesem Besuch", "Seite 1 von",
                     "Gluteus medius (Hüftabduktion) — Seitenlage, kurzer Hebel, Make-Test", "Differenz ≥ 10 %"):
        assert expected in text, expected
    for english in ("Clinician summary", "Test set-up at this visit", "Side-lying, short lever", "Page 1 of"):
        assert english not in text, english


def test_a_dosage_and_a_form_problem_are_translated_part_by_part(german) -> None:  # type: ignore[no-untyped-def]
    dosage = ep.format_dosage(ep.Dosage(3, 10, hold_s=2.5))
    assert dosage == "3 × 10, hold 2.5 s, each side, 5×/week"
    assert label(dosage) == "3 × 10, 2,5 s halten, jede Seite, 5×/week"  # untranslated parts stay English
    problem = date_of_birth_problems(dt.date(2030, 1, 2), dt.date(2026, 11, 20))[0]
    assert label(problem) == "Geburtsdatum 02.01.2030 liegt in der Zukunft"


def test_joined_parts_are_one_text_whose_parts_translate_each(german) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.domain.translatable import joined

    marked = Phrase(QT_TRANSLATE_NOOP("Labels", "started under {level:.0f} N load"), level=150.0)
    text = joined("; ", [marked, "a {brace} kept", "plain"])
    assert text == "started under 150 N load; a {brace} kept; plain"
    assert label(text) == "Beginn unter 150 N Last; a {brace} kept; plain"
    assert joined("{/}", ["a", "b"]) == "a{/}b" and label(joined(", ", [])) == ""


def test_the_analysis_note_of_a_new_trial_is_translated(german) -> None:  # type: ignore[no-untyped-def]
    """The trial screen shows a just-recorded trial's note with label(); stored, it stays English."""
    import numpy as np

    from hiptrack.domain.forcetime import analyse_trace

    t = np.arange(0, 3.0, 1 / 80)
    result = analyse_trace(np.interp(t, [0, 0.6, 0.9, 2.5, 2.7, 3.0], [150, 150, 300, 300, 0, 0]), 80.0)
    assert result.note_text() == "started under 150 N load"
    assert label(result.note_text()) == "Beginn unter 150 N Last"
