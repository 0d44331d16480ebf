"""The patient view shows the patient's own exercises (issue 14): the same words as the handout
and the same start/end drawing, large enough to follow."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from hiptrack.gui.patient_view import PatientView
from hiptrack.gui.picture_widget import PictureWidget
from hiptrack.storage.database import Database
from tests.unit.reports import data as D


def test_exercises_with_schedule_and_drawings(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    view = PatientView(sqlite_db, pid)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    QApplication.processEvents()
    assert "How often: 5 times a week" in view.sentences
    assert "Each time: 3 × 10, hold 2 s, each side" in view.sentences
    pictures = view.body.findChildren(PictureWidget)
    assert len(pictures) == 2 and all(p.readable and p.picture.shipped for p in pictures)
    assert all(p.height() >= 200 for p in pictures)  # drawn large, not a thumbnail
    rendered = pictures[0].grab().toImage()
    accent = sum(1 for x in range(0, rendered.width(), 4) for y in range(0, rendered.height(), 4)
                 if rendered.pixelColor(x, y).name() in ("#1f6fb2", "#1f6eb2", "#1e6fb2"))
    assert accent > 0  # the moving limb was painted
