"""The home-exercise handout as a patient receives it (issue 14): a drawing of each built-in
exercise, how often to do it, when to stop and call, and whom to call; the clinic's contact in the
header of every document; and the default report file name."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from hiptrack import paths
from hiptrack import settings as S
from hiptrack.reports.build import report_file_name
from hiptrack.storage.database import Database
from hiptrack.storage.settings_store import save_clinic_setting
from tests.unit.reports import data as D
from tests.unit.reports.test_reports import make_pdf

ACCENT = (0x1F, 0x6F, 0xB2)  # the moving limb in every drawing (ui/illustrations/draw_exercises.py)


def _catalog_codes() -> list[str]:
    catalog = json.loads(paths.resource_path("db", "reference", "exercises.json").read_text(encoding="utf-8"))
    return [e["code"] for e in catalog["exercises"]]


def _accent_pixels(pdf: Path, page: int, tmp_path: Path) -> int:
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix)],
                   check=True)
    image = QImage(str(next(tmp_path.glob(f"page{page}*.png"))))
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - ACCENT[0]) < 30 and abs(c.green() - ACCENT[1]) < 30 and abs(c.blue() - ACCENT[2]) < 30:
                count += 1
    return count


def test_every_exercise_of_the_article_has_a_drawing_qt_can_render(qapp) -> None:  # type: ignore[no-untyped-def]
    codes = _catalog_codes()
    assert len(codes) == 5
    for code in codes:
        svg = paths.illustration_path(code)
        assert svg is not None, f"no drawing for {code}"
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid(), code
        assert renderer.viewBoxF().width() > 2 * renderer.viewBoxF().height()  # two panels side by side
    assert paths.illustration_path("clinic_made_up_exercise") is None


def test_handout_shows_drawings_schedule_stop_line_and_contact(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        save_clinic_setting(s, S.CLINIC_NAME, "Harbour Physio")
        save_clinic_setting(s, S.CLINIC_PHONE, "01234 567890")
        save_clinic_setting(s, S.CLINIC_EMAIL, "desk@harbour.example")
        save_clinic_setting(s, S.CLINIC_ADDRESS, "1 Quay Street\nPortsmouth")
        pid = D.standard_patient(s)
    out = tmp_path / "h.pdf"
    _, text = make_pdf(sqlite_db, pid, "program", out)
    assert "on the days shown" not in text  # the old text promised days the handout never showed
    assert text.count("1 Starting position") == 2 and text.count("2 End position") == 2
    assert "How often: 5 times a week Each time: 3 × 10, hold 2 s, each side" in text
    assert "Each time: 3 × 12, each side, ankle weight 1.0 kg" in text
    assert "Stop and call us if an exercise causes sharp pain" in text
    assert "Questions about your exercises? Contact Harbour Physio: 01234 567890 or desk@harbour.example." in text
    assert "1 Quay Street Portsmouth · 01234 567890 · desk@harbour.example" in text
    assert _accent_pixels(out, 1, tmp_path) > 50  # the drawing itself was painted, not only its captions


def test_contact_line_heads_the_clinician_and_patient_documents_too(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        save_clinic_setting(s, S.CLINIC_NAME, "Harbour Physio")
        save_clinic_setting(s, S.CLINIC_PHONE, "01234 567890")
        pid = D.standard_patient(s)
    for kind in ("clinician", "patient"):
        _, text = make_pdf(sqlite_db, pid, kind, tmp_path / f"{kind}.pdf")
        assert text.startswith("Harbour Physio 01234 567890"), kind


def test_handout_without_contact_details_says_whom_to_ask(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    _, text = make_pdf(sqlite_db, pid, "program", tmp_path / "h.pdf")
    assert "Questions about your exercises? Contact your physiotherapist." in text


@pytest.mark.parametrize(("chart", "expected"), [
    ("HT-01004", "HT-01004_2026-11-20_clinician.pdf"),
    (" ht/01 4 ", "ht-01-4_2026-11-20_clinician.pdf"),
    ("..", "patient_2026-11-20_clinician.pdf"),
])
def test_default_report_file_name(chart: str, expected: str) -> None:
    assert report_file_name(chart, dt.date(2026, 11, 20), "clinician") == expected
    assert report_file_name("HT-01004", dt.date(2026, 11, 20), "program") == "HT-01004_2026-11-20_handout.pdf"


@pytest.mark.parametrize(("instrument", "value", "expected"), [
    ("nprs", 2.0, "2"), ("nprs", 2.5, "3"), ("odi", 37.78, "38"), ("psfs", 2.6667, "2.7"), ("psfs", 3.0, "3"),
])
def test_scores_are_written_as_the_instrument_is_scored(instrument: str, value: float, expected: str) -> None:
    from hiptrack.reports.wording import score_text
    assert score_text(instrument, value) == expected


def test_patient_sentences_have_no_grammar_slips() -> None:
    from hiptrack.domain.exercise_program import RecentAdherence
    from hiptrack.reports.wording import adherence_sentence, outcome_sentence

    assert adherence_sentence(RecentAdherence(1, 5, 5)) == ("Over the past week you did 5 of your 5 planned exercise "
                                                           "sessions (100%).")
    assert adherence_sentence(RecentAdherence(2, 5, 10)).startswith("Over the past 2 weeks")  # type: ignore[union-attr]
    assert adherence_sentence(None) is None
    day = dt.date(2026, 11, 20)
    sentence = outcome_sentence("psfs", 2.6667, 2.6667, None, None, day, day)
    assert sentence == "Your everyday activities score was 2.7 out of 10 on 20 November 2026."


def test_score_change_cannot_be_misread_where_the_comma_is_the_decimal_mark(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                                             tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "c.pdf")
    assert "−4 points (50 % better)" in text
    assert "−4, 50 %" not in text  # read as −4.50 % in most of Europe


def test_no_internal_identifier_reaches_a_document(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Norm ids, position codes and our own notes' section marks are for us, not for a chart."""
    import re

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    for kind in ("clinician", "patient", "program"):
        _, text = make_pdf(sqlite_db, pid, kind, tmp_path / f"{kind}.pdf")
        identifiers = re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b|clinical\.md|real-world\.md|§\s?\d", text)
        assert identifiers == [], (kind, identifiers)
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "c.pdf")
    assert "Ramskov 2014 is an eccentric test; a make test is isometric" in text


def test_the_last_paragraph_never_stands_alone_on_a_page(qapp) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: 'a final page holds one paragraph'. Whatever fills the pages before it, the last
    block shares its page with at least the one before it."""
    from hiptrack.reports.render import Context, Text, heading, paginate

    image = QImage(595, 842, QImage.Format.Format_RGB32)  # 72 dpi: one unit per point
    ctx = Context(image, 595, 842)
    alone = 0
    for filler in range(40, 90):
        blocks = [heading("Results")] + [Text(f"Line {n} of the findings.") for n in range(filler)]
        blocks += [Text("Settings: asymmetry bands 10 / 20 %."), Text("Signed electronically by J. Lee.")]
        pages = paginate(ctx, blocks)
        alone += len(pages[-1]) == 1
        assert len(pages[-1]) >= 2, f"{filler} filler lines left the last paragraph alone"
    assert alone == 0


def test_patient_pages_speak_one_unit(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: gluteus medius in N·m beside gluteus maximus in N confused patients. N·m only when
    every lever arm shown was measured on both sides; otherwise force throughout."""
    import re

    from sqlalchemy import select, update

    from hiptrack.storage.models import StrengthTest, Visit

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    _, text = make_pdf(sqlite_db, pid, "patient", tmp_path / "measured.pdf")
    assert set(re.findall(r"\d (N·m|N)\b", text)) == {"N·m"}  # every lever arm measured: torque
    with sqlite_db.session() as s:
        visits = select(Visit.id).where(Visit.patient_id == pid)
        s.execute(update(StrengthTest).where(StrengthTest.visit_id.in_(visits),
                                             StrengthTest.muscle == "gluteus_maximus").values(lever_source="typical"))
    _, text = make_pdf(sqlite_db, pid, "patient", tmp_path / "typical.pdf")
    units = set(re.findall(r"\d (N·m|N)\b", text))
    assert units == {"N"}, units  # one muscle's lever was a typical value: force for both muscles
