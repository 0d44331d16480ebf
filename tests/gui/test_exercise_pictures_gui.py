"""The exercise catalog shows each exercise's picture and lets a clinic attach its own (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hiptrack.gui.dialogs.exercise_dialogs import CatalogDialog
from hiptrack.storage import exercises as ex
from hiptrack.storage.database import Database
from hiptrack.storage.exercise_pictures import exercise_picture
from tests.unit.exercises.test_exercise_pictures import png_bytes


@pytest.fixture
def catalog(qtbot, sqlite_db: Database) -> CatalogDialog:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        ex.sync_catalog(s)
        ex.create_custom_exercise(s, ex.ExerciseFields(name="Monster walk", target_muscles="Gluteus medius"))
    dialog = CatalogDialog(sqlite_db, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def select(dialog: CatalogDialog, label: str) -> int:
    row = next(i for i, e in enumerate(dialog.exercises) if e.label.startswith(label))
    dialog.table.selectRow(row)
    return dialog.exercises[row].id


def test_built_in_shows_its_drawing_and_a_clinic_picture_is_attached_and_removed(  # type: ignore[no-untyped-def]
        catalog: CatalogDialog, sqlite_db: Database, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    select(catalog, "Clamshell")
    assert catalog.picture is not None and catalog.picture.picture.shipped
    assert not catalog.clear_picture_button.isEnabled()  # the shipped drawing is not the clinic's to remove
    walk = select(catalog, "Monster walk")
    assert catalog.picture is None
    photo = tmp_path / "monster walk #2.png"
    photo.write_bytes(png_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    qtbot.mouseClick(catalog.picture_button, Qt.MouseButton.LeftButton)
    with sqlite_db.session() as s:
        stored = exercise_picture(s, walk)
    assert stored is not None and stored.format == "png"
    select(catalog, "Monster walk")
    assert catalog.picture is not None and catalog.picture.readable and not catalog.picture.picture.shipped
    qtbot.mouseClick(catalog.clear_picture_button, Qt.MouseButton.LeftButton)
    with sqlite_db.session() as s:
        assert exercise_picture(s, walk) is None


@pytest.mark.parametrize(("content", "message"), [
    (b"not a picture at all", "not a PNG, JPEG or SVG"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "is damaged: it cannot be shown as a picture"),
])
def test_a_file_that_is_no_picture_is_refused_with_the_reason(  # type: ignore[no-untyped-def]
        catalog: CatalogDialog, sqlite_db: Database, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        content: bytes, message: str) -> None:
    walk = select(catalog, "Monster walk")
    bad = tmp_path / "photo.png"
    bad.write_bytes(content)
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    qtbot.mouseClick(catalog.picture_button, Qt.MouseButton.LeftButton)
    assert warnings and message in warnings[0]
    with sqlite_db.session() as s:
        assert exercise_picture(s, walk) is None
