"""The three PDF reports, read back with pdftotext; the layout rules; the plain-language wording."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from hiptrack import settings as S
from hiptrack.domain.summary import MuscleSummary
from hiptrack.reports import charts, wording
from hiptrack.reports.build import ReportError, load_report_data, strength_series
from hiptrack.reports.render import Context, Spacer, Table, Text, heading, paginate, write_report
from hiptrack.storage.database import Database
from hiptrack.storage.settings_store import save_clinic_setting
from tests.unit.reports import data as D

TODAY = dt.date(2026, 11, 20)


def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def make_pdf(db: Database, patient_id: int, kind: str, out: Path, visit: dt.date | None = None) -> tuple[int, str]:
    with db.session() as s:
        data = load_report_data(s, patient_id, visit, today=TODAY)
    pages = write_report(data, kind, out)
    return pages, flat(pdf_text(out))


@pytest.fixture
def standard(db: Database) -> int:
    with db.session() as s:
        return D.standard_patient(s)


# --- the three kinds, on both engines ------------------------------------------------------------


def test_clinician_summary_has_setup_results_flags_change_program_scores_and_notes(
        qapp, db: Database, standard: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages, text = make_pdf(db, standard, "clinician", tmp_path / "c.pdf")
    assert pages >= 2
    for expected in (
        "Clinician summary", "Example, Ada", "R-1", "Visit 2026-10-21",
        # the visit's set-up
        "Test set-up at this visit", "Side-lying, short lever", "0.40 m", "belt", "Mark-10 M5-100", "(+1 rejected)",
        # results with flags as word + symbol, LSI with the involved side
        "Results", "190.0", "212.0", "10.4 % left weaker", "▲ difference ≥ 10%", "✓ difference < 10%", "89.6 % below",
        # norms and normalised values
        "Normalised values and norms", "no reference", "isokinetic",
        # change vs previous and baseline with MDC marks
        "vs previous visit", "vs baseline", "✱ beyond MDC 12.9", "within MDC 12.9", "vs 2026-08-20",
        # charts, program, adherence, outcomes, notes
        "Progress charts", "Side-to-side difference", "Home exercise program", "Clamshell", "3 × 10, hold 2 s",
        "Adherence, latest weeks", "Outcome scores", "Numeric pain rating", "MCIC reached", "Tolerated testing well",
        "Chronic low back pain since 2024",
    ):
        assert expected in text, expected
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_patient_summary_speaks_plain_language(qapp, db: Database, standard: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, text = make_pdf(db, standard, "patient", tmp_path / "p.pdf")
    assert "Your progress" in text and "Ada Example" in text
    assert "Lifting your leg out to the side" in text
    assert "Your left hip is 10% weaker than your right; last month it was 18%." in text
    assert "This is more than the measurement error, so it is a real change." in text
    assert "Your pain was 8 out of 10 at the start and 4 out of 10" in text
    for jargon in ("LSI", "MDC", "asymmetry", "Nm/kg"):
        assert jargon not in text, jargon


def test_home_exercise_handout_lists_dosage_and_catalog_text(qapp, db: Database, standard: int,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    _, text = make_pdf(db, standard, "program", tmp_path / "h.pdf")
    assert "Your home exercises" in text and "For Ada Example" in text
    assert "1. Clamshell" in text and "How often: 5 times a week Each time: 3 × 10, hold 2 s, each side" in text
    assert "Each time: 3 × 12, each side, ankle weight 1.0 kg" in text
    assert "Starting position" in text and "Watch out for" in text and "Slow and controlled." in text
    assert "Tick each day you exercised" in text


def test_report_as_of_an_earlier_visit_and_unknown_visit(qapp, db: Database, standard: int,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    _, text = make_pdf(db, standard, "clinician", tmp_path / "c.pdf", visit=dt.date(2026, 9, 22))
    assert "Visit 2026-09-22" in text and "2026-10-21" not in text.split("Visit history")[0]
    with db.session() as s, pytest.raises(ReportError, match="no visit on 2026-09-23"):
        load_report_data(s, standard, dt.date(2026, 9, 23), today=TODAY)


# --- edge cases: each stated in words, never a crash ---------------------------------------------


@pytest.mark.parametrize("kind", ["clinician", "patient", "program"])
def test_patient_without_tests(qapp, sqlite_db: Database, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.add_patient(s, "E-1")
    pages, text = make_pdf(sqlite_db, pid, kind, tmp_path / f"{kind}.pdf")
    assert pages == 1 and "Page 1 of 1" in text
    expected = {"clinician": "No strength tests recorded yet.", "patient": "No strength tests have been recorded yet.",
                "program": "No home exercises are prescribed at the moment."}[kind]
    assert expected in text


def test_single_side_and_missing_body_mass(qapp, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        pid = D.add_patient(s, "ONE-1", involved=None)
        D.add_visit(s, pid, dt.date(2026, 10, 1), {("gluteus_medius", "left"): [180.0, 175.0, 182.0]}, mass=None)
    _, clinician = make_pdf(db, pid, "clinician", tmp_path / "c.pdf")
    assert "Only the left side was tested for Gluteus medius (hip abduction)" in clinician
    assert "asymmetry and LSI are not computed" in clinician
    assert "Body mass not recorded for this visit: N/kg and Nm/kg are not computed" in clinician
    assert "Body mass at visit not recorded" in clinician
    _, patient = make_pdf(db, pid, "patient", tmp_path / "p.pdf")
    assert "Only your left side was tested this time, so your two sides cannot be compared yet." in patient
    assert "Your body weight was not recorded at this visit" in patient


def test_clinic_header_name_and_logo(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    assert image.save(str(logo))
    with sqlite_db.session() as s:
        save_clinic_setting(s, S.CLINIC_NAME, "Harbour Physio")
        save_clinic_setting(s, S.CLINIC_LOGO, str(logo))
        pid = D.standard_patient(s)
    out = tmp_path / "c.pdf"
    _, text = make_pdf(sqlite_db, pid, "clinician", out)
    assert text.startswith("Harbour Physio") and "Harbour Physio · Clinician summary" in text
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines + the logo: charts are vectors, not images


def test_charts_are_vectors_not_images(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    out = tmp_path / "c.pdf"
    make_pdf(sqlite_db, pid, "clinician", out)
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # only the header of the listing: no raster at all


def test_long_history_paginates_with_numbered_pages(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.long_history_patient(s, years=2)
    pages, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "c.pdf")
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    assert "12 earlier visits are shown in the charts only." in text


# --- layout rules --------------------------------------------------------------------------------


def test_a_heading_never_ends_a_page(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(595, 842, QImage.Format.Format_RGB32)  # 72 dpi: one unit per point
    ctx = Context(image, 595, 842)
    blocks = []
    for n in range(40):
        blocks += [heading(f"Section {n}"), Text("A paragraph of text. " * (n % 7 + 1)), Spacer(6)]
    pages = paginate(ctx, blocks)
    assert len(pages) > 2
    for page in pages:
        assert not page[-1][0].keep_with_next, "a heading was left at the bottom of a page"
        assert all(y + block.measure(ctx) <= ctx.bottom + 0.5 for block, y in page if not isinstance(block, Table))


def test_long_tables_continue_under_a_repeated_header(qapp) -> None:  # type: ignore[no-untyped-def]
    from hiptrack.reports.render import Cell

    image = QImage(595, 842, QImage.Format.Format_RGB32)
    ctx = Context(image, 595, 842)
    table = Table([("Date", 1.0), ("Value", 1.0)], [[Cell(f"row {i}"), Cell(str(i))] for i in range(150)])
    pages = paginate(ctx, [heading("History"), table])
    assert len(pages) >= 3
    tables = [b for page in pages for b, _ in page if isinstance(b, Table)]
    assert sum(len(t.rows) for t in tables) == 150
    assert [t.continued for t in tables] == [False] + [True] * (len(tables) - 1)


# --- wording and chart data ----------------------------------------------------------------------


def _row(**kw: object) -> MuscleSummary:
    base: dict[str, object] = {"muscle": "gluteus_medius", "action": "hip_abduction",
                               "position": "hip_abd_sidelying_short", "method": "make"}
    base.update(kw)
    return MuscleSummary(**base)  # type: ignore[arg-type]


def test_asymmetry_sentence_matches_the_issue_example() -> None:
    now = _row(left_n=164.0, right_n=200.0, asymmetry_pct=18.0, weaker_side="left")
    before = _row(left_n=146.0, right_n=200.0, asymmetry_pct=27.0, weaker_side="left")
    sentence = wording.asymmetry_sentence(now, dt.date(2026, 10, 20), before, dt.date(2026, 9, 18))
    assert sentence == "Your left hip is 18% weaker than your right; last month it was 27%."
    swapped = _row(left_n=200.0, right_n=190.0, asymmetry_pct=5.0, weaker_side="right")
    assert wording.asymmetry_sentence(swapped, dt.date(2026, 10, 20), before, dt.date(2026, 3, 2)) == (
        "Your right hip is 5% weaker than your left; on 2 March 2026 your left hip is 27% weaker than your right.")
    assert "Only your right side" in wording.asymmetry_sentence(_row(right_n=150.0), dt.date(2026, 1, 1))


def test_change_sentence_shows_both_visits_in_the_page_unit() -> None:
    change = {"baseline": {"left": {"delta": 20.0, "previous": 150.0, "current": 170.0, "unit": "N",
                                    "beyond_mdc": True}}}
    first = _row(left_n=150.0, left_nm=60.0)
    now = _row(left_n=170.0, left_nm=68.0, change=change)
    in_kgf = wording.change_sentence(now, "left", "baseline", "kgf", first)
    assert in_kgf is not None and "(15 kgf then, 17 kgf now)" in in_kgf  # 150 N and 170 N in kgf
    in_nm = wording.change_sentence(now, "left", "baseline", "Nm", first)
    assert in_nm is not None and "(60 N·m then, 68 N·m now)" in in_nm
    no_earlier = wording.change_sentence(now, "left", "baseline", "N", None)
    assert no_earlier is not None and "(— then, 170 N now)" in no_earlier


def test_same_test_finds_the_row_of_the_same_muscle_position_and_method() -> None:
    abduction = _row(left_n=1.0)
    other_method = _row(method="break")
    other_position = _row(position="hip_abd_supine")
    rows = [other_method, other_position, abduction]
    assert wording.same_test(rows, _row()) is abduction
    assert wording.same_test([other_method], _row()) is None


def test_when_phrase() -> None:
    assert wording.when_phrase(dt.date(2026, 1, 1), dt.date(2026, 1, 8)) == "last week"
    assert wording.when_phrase(dt.date(2026, 1, 1), dt.date(2026, 2, 2)) == "last month"
    assert wording.when_phrase(dt.date(2026, 1, 1), dt.date(2026, 6, 1)) == "on 1 January 2026"


def test_strength_series_per_metric_with_mdc_bars_and_norm_band(db: Database, standard: int) -> None:
    from hiptrack.storage.results import patient_summary

    with db.session() as s:
        summary = patient_summary(s, standard)
    nm = {x.key[0]: x for x in strength_series(summary, "nm")}
    abd, ext = nm["gluteus_medius"], nm["gluteus_maximus"]
    assert [p.value for p in abd.left] == pytest.approx([60.0, 68.0, 76.0])  # 150/170/190 N × 0.40 m
    assert abd.left[0].error == pytest.approx(12.9, abs=0.05)  # the side-lying MDC is in N·m
    assert abd.left[2].beyond_mdc is False and not ext.norm  # Harbo is isokinetic: no norm for an HHD test
    force = {x.key[0]: x for x in strength_series(summary, "n", "lbf")}
    assert force["gluteus_medius"].unit == "lbf"
    assert force["gluteus_medius"].left[0].value == pytest.approx(150.0 / 4.4482216152605)
    assert force["gluteus_medius"].left[0].error is None  # MDC in N·m: no bars in the force view
    per_kg = {x.key[0]: x for x in strength_series(summary, "n_per_kg")}
    assert per_kg["gluteus_medius"].left[0].value == pytest.approx(150.0 / 70.0)


def test_the_chart_and_the_setup_table_write_a_side_with_the_same_letter(qapp, db: Database, standard: int) -> None:  # type: ignore[no-untyped-def]
    """One function writes "L" / "R": beside the asymmetry chart's points and in the set-up table's trial counts."""
    from hiptrack.reports.build import asymmetry_series
    from hiptrack.reports.render import _trial_count
    from hiptrack.storage.results import patient_summary

    with db.session() as s:
        summary = patient_summary(s, standard)
    spec = charts.asymmetry_chart(asymmetry_series(summary), summary)
    assert {letter for series in spec.series for letter in series.point_labels} == {charts.side_letter("left")}
    assert _trial_count("left", 3, 1) == "L 3 (+1 rejected)" and _trial_count("right", 2, 0) == "R 2"
    assert charts.side_letter("left") == "L" and charts.side_letter(None) == ""


def test_date_and_value_ticks() -> None:
    ticks = charts.date_ticks(dt.date(2021, 11, 1), dt.date(2026, 11, 1))
    assert [label for _, label in ticks] == ["2022", "2023", "2024", "2025", "2026"]
    months = charts.date_ticks(dt.date(2026, 8, 10), dt.date(2026, 11, 25))
    assert [label for _, label in months] == ["Sep 2026", "Oct 2026", "Nov 2026"]
    assert charts.nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert re.match(r"\d", charts.date_ticks(dt.date(2026, 1, 1), dt.date(2026, 1, 20))[0][1])


def test_clinician_pdf_marks_a_typical_lever_and_a_carried_forward_mass(
        qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: torque and N/kg resting on a typical lever arm or an old body mass are marked in
    the PDF, with the reason and the date of the mass."""
    from sqlalchemy import select as sa_select

    from hiptrack.storage.models import StrengthTest

    with sqlite_db.session() as s:
        pid = D.add_patient(s, "M-1")
        D.add_visit(s, pid, dt.date(2026, 1, 5), {("gluteus_medius", "left"): [200.0]}, mass=70.0)
        visit = D.add_visit(s, pid, dt.date(2026, 10, 5), {("gluteus_medius", "left"): [210.0],
                                                          ("gluteus_medius", "right"): [205.0]}, mass=None)
        for test in s.scalars(sa_select(StrengthTest).where(StrengthTest.visit_id == visit)):
            test.lever_source, test.lever_measured_on = "typical", None
    _, text = make_pdf(sqlite_db, pid, "clinician", tmp_path / "m.pdf")
    assert "carried forward from 2026-01-05" in text and "older than the clinic's limit" in text
    assert "† typical" in text and "rests on a typical lever arm (0.4 m)" in text
    assert "Left N/kg: rests on a body mass carried forward from 2026-01-05" in text
