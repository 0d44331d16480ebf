"""A clinic's own picture per exercise (issue 14): stored on both engines, checked without Qt,
shown in the handout instead of the shipped drawing, and a damaged one never costs the handout."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from hiptrack.storage import errors
from hiptrack.storage.database import Database
from hiptrack.storage.exercise_pictures import (
    MAX_PICTURE_BYTES,
    clear_exercise_picture,
    exercise_picture,
    set_exercise_picture,
    sniff_format,
)
from hiptrack.storage.exercises import (
    ExerciseFields,
    PrescriptionFields,
    create_custom_exercise,
    prescribe,
    sync_catalog,
)
from tests.unit.reports import data as D
from tests.unit.reports.test_reports import make_pdf


def png_bytes(width: int = 200, height: int = 120) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d03020"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def custom_exercise(db: Database, code_like: str = "clamshell") -> int:
    with db.session() as s:
        sync_catalog(s)
        return create_custom_exercise(s, ExerciseFields(name=f"Banded {code_like}", setup="Stand tall."))


@pytest.mark.parametrize(("data", "expected"), [
    (b"\x89PNG\r\n\x1a\n rest", "png"), (b"\xff\xd8\xff\xe0 rest", "jpeg"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
    (b"\xef\xbb\xbf<svg/>", "svg"), (b"GIF89a", None), (b"<html><svg/></html>", None), (b"", None),
])
def test_format_comes_from_the_first_bytes_not_the_name(data: bytes, expected: str | None) -> None:
    assert sniff_format(data) == expected


def test_picture_is_stored_replaced_and_cleared(qapp, db: Database) -> None:  # type: ignore[no-untyped-def]
    eid = custom_exercise(db)
    with db.session() as s:
        assert exercise_picture(s, eid) is None  # a clinic exercise never borrows a shipped drawing
        assert set_exercise_picture(s, eid, png_bytes()) == "png"
    with db.session() as s:
        picture = exercise_picture(s, eid)
        assert picture is not None and picture.format == "png" and not picture.shipped
        assert not QImage.fromData(picture.data).isNull()
        clear_exercise_picture(s, eid)
    with db.session() as s:
        assert exercise_picture(s, eid) is None


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"), (b"GIF89a....", "not a PNG, JPEG or SVG"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * MAX_PICTURE_BYTES, "the most a picture may be is 2 MB"),
])
def test_bad_pictures_are_refused_with_the_reason(db: Database, data: bytes, message: str) -> None:
    eid = custom_exercise(db)
    with pytest.raises(errors.ValidationError, match=message), db.session() as s:
        set_exercise_picture(s, eid, data)


def _prescribe(db: Database, patient: int, exercise_id: int) -> None:
    with db.session() as s:
        prescribe(s, patient, PrescriptionFields(exercise_id=exercise_id, sets=2, reps=8,
                                                 start_date=dt.date(2026, 8, 20)))


def _images(pdf: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return len(listing.strip().splitlines()) - 2


def test_handout_shows_the_clinics_picture(qapp, sqlite_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        patient = D.standard_patient(s)
    eid = custom_exercise(sqlite_db)
    _prescribe(sqlite_db, patient, eid)
    before = tmp_path / "before.pdf"
    _, text = make_pdf(sqlite_db, patient, "program", before)
    assert "Banded clamshell" in text and _images(before) == 0
    with sqlite_db.session() as s:
        set_exercise_picture(s, eid, png_bytes())
    after = tmp_path / "after.pdf"
    _, text = make_pdf(sqlite_db, patient, "program", after)
    assert _images(after) == 1  # the clinic's photo; the shipped drawings stay vectors
    assert text.count("2 End position") == 2  # captions only under hiptrack's own drawings


def test_a_damaged_picture_costs_the_picture_not_the_handout(qapp, sqlite_db: Database,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        patient = D.standard_patient(s)
    eid = custom_exercise(sqlite_db)
    _prescribe(sqlite_db, patient, eid)
    with sqlite_db.session() as s:
        set_exercise_picture(s, eid, png_bytes()[:40])  # a PNG cut short by a failed copy
    out = tmp_path / "h.pdf"
    _, text = make_pdf(sqlite_db, patient, "program", out)
    assert "Banded clamshell" in text and "Stand tall." in text and _images(out) == 0
