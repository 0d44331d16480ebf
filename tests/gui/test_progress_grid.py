"""The Progress panels' grid: drawn as filled one-pixel rectangles, looking as pyqtgraph draws it.

Qt's raster engine blends a translucent line pixel by pixel; the five panels' grid lines took
about 75 ms of each paint of the page (issue 13). These tests hold the drawing to fills and the
result to pyqtgraph's own picture."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from hiptrack.gui.progress_page import ProgressPage
from hiptrack.storage.database import Database
from tests.gui.test_progress_page import show_progress_page
from tests.unit.reports import data as D


class RecordingPainter(QPainter):
    """Counts translucent lines and filled rectangles (pyqtgraph calls these from Python)."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.translucent_lines = 0
        self.fills = 0

    def drawLine(self, *args: Any) -> None:  # Qt's name
        if self.pen().color().alpha() < 255:
            self.translucent_lines += 1
        super().drawLine(*args)

    def fillRect(self, *args: Any) -> None:  # Qt's name
        self.fills += 1
        super().fillRect(*args)


@pytest.fixture
def page(qtbot, sqlite_db: Database) -> ProgressPage:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    return show_progress_page(qtbot, sqlite_db, pid)


def blank(axis: Any) -> QImage:
    size = axis.boundingRect().toAlignedRect().size()
    image = QImage(size.width() + 2, size.height() + 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def grid_axes(page: ProgressPage) -> list[Any]:
    axes = [panel.plot.getAxis(name) for panel in page.panels for name in ("left", "bottom")]
    assert axes and all(axis.grid for axis in axes)
    return axes


def draw(axis: Any, image: QImage, draw_picture: Any) -> RecordingPainter:
    painter = RecordingPainter(image)
    try:
        painter.translate(-axis.boundingRect().left() + 1, -axis.boundingRect().top() + 1)
        draw_picture(axis, painter, *axis.generateDrawSpecs(painter))
    finally:
        painter.end()
    return painter


def test_grid_lines_are_filled_not_blended_line_by_line(page: ProgressPage) -> None:
    for axis in grid_axes(page):
        painter = draw(axis, blank(axis), type(axis).drawPicture)
        assert painter.translucent_lines == 0
        assert painter.fills > 0


def ink(image: QImage) -> tuple[int, set[tuple[int, int]]]:
    total, inked = 0, set()
    for y in range(image.height()):
        for x in range(image.width()):
            darkness = 255 - image.pixelColor(x, y).red()
            if darkness:
                total += darkness
                inked.add((x, y))
    return total, inked


def test_the_grid_looks_as_pyqtgraph_draws_it(page: ProgressPage) -> None:
    axis = page.panels[0].plot.getAxis("left")
    ours, theirs = blank(axis), blank(axis)
    draw(axis, ours, type(axis).drawPicture)
    draw(axis, theirs, pg.AxisItem.drawPicture)
    our_ink, our_pixels = ink(ours)
    their_ink, their_pixels = ink(theirs)
    assert their_ink > 0
    assert abs(our_ink - their_ink) <= 0.02 * their_ink  # as much grid, as dark
    assert len(our_pixels ^ their_pixels) <= 0.05 * len(their_pixels)  # in the same places
