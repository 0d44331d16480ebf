"""An exercise's picture on screen: the shipped start/end drawing with its two captions, or the
clinic's own SVG, PNG or JPEG; scaled to the width it is given, keeping its proportions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from hiptrack.storage.exercise_pictures import Picture


class PictureWidget(QWidget):
    def __init__(self, picture: Picture, max_width: int = 640, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        self.max_width = max_width
        self.renderer: QSvgRenderer | None = None
        self.image: QImage | None = None
        if picture.is_vector:
            renderer = QSvgRenderer(QByteArray(picture.data))
            self.renderer = renderer if renderer.isValid() else None
        else:
            image = QImage.fromData(picture.data)
            self.image = None if image.isNull() else image
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def readable(self) -> bool:
        """False when Qt could not decode the picture; the caller then shows the text alone."""
        return self.renderer is not None or self.image is not None

    def _aspect(self) -> float:
        if self.renderer is not None:
            view = self.renderer.viewBoxF()
            return view.height() / max(view.width(), 1.0)
        if self.image is not None:
            return self.image.height() / max(self.image.width(), 1)
        return 0.0

    def _caption_height(self) -> int:
        return self.fontMetrics().height() + 4 if self.picture.shipped else 0

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        return int(min(width, self.max_width) * self._aspect()) + self._caption_height()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(self.max_width, self.heightForWidth(self.max_width))

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        width = min(self.width(), self.max_width)
        height = width * self._aspect()
        target = QRectF(0, 0, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.renderer is not None:
            self.renderer.render(painter, target)
        elif self.image is not None:
            painter.drawImage(target, self.image)
        if self.picture.shipped:
            captions = (self.tr("1  Starting position"), self.tr("2  End position"))
            for i, caption in enumerate(captions):
                painter.drawText(QRectF(i * width / 2, height + 2, width / 2, self._caption_height()),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), caption)
        painter.end()
