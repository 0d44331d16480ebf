"""Pictures of exercises: the clinic's own image, else the drawing shipped for a built-in one.

The clinic may give any exercise its own picture (PNG, JPEG or SVG, at most 2 MB), kept in the
database so every workstation and every document shows the same one. Storage has no Qt, so it
checks what it can without decoding: the format from the file's first bytes and the size. The
screens and documents decode it and fall back to the text alone if Qt cannot read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hiptrack import paths
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase
from hiptrack.storage.errors import StorageError, ValidationError
from hiptrack.storage.models import Exercise

MAX_PICTURE_BYTES = 2_000_000
FORMATS = ("png", "jpeg", "svg")


@dataclass(frozen=True)
class Picture:
    format: str  # "png", "jpeg" or "svg"
    data: bytes
    shipped: bool  # hiptrack's own two-panel drawing (1 = start, 2 = end), which gets captions

    @property
    def is_vector(self) -> bool:
        return self.format == "svg"


def sniff_format(data: bytes) -> str | None:
    """The picture format from the file's first bytes, whatever the file is called."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return "svg"
    return None


def picture_problems(data: bytes) -> list[str]:
    if not data:
        return ["The picture file is empty"]
    if len(data) > MAX_PICTURE_BYTES:
        return [f"The picture is {len(data) / 1e6:.1f} MB; the most a picture may be is "
                f"{MAX_PICTURE_BYTES / 1e6:.0f} MB (save it smaller, e.g. 1000 pixels wide)"]
    if sniff_format(data) is None:
        return ["The file is not a PNG, JPEG or SVG picture"]
    return []


def _exercise(session: Session, exercise_id: int) -> Exercise:
    row = session.get(Exercise, exercise_id)
    if row is None:
        raise StorageError(Phrase(QT_TRANSLATE_NOOP("Labels", "Exercise {exercise_id} does not exist."),
                                  exercise_id=exercise_id))
    return row


def set_exercise_picture(session: Session, exercise_id: int, data: bytes) -> str:
    """Store the clinic's picture for an exercise; returns its format."""
    problems = picture_problems(data)
    if problems:
        raise ValidationError(problems)
    row = _exercise(session, exercise_id)
    fmt = sniff_format(data)
    row.picture, row.picture_format = data, fmt
    session.flush()
    return str(fmt)


def clear_exercise_picture(session: Session, exercise_id: int) -> None:
    row = _exercise(session, exercise_id)
    row.picture, row.picture_format = None, None
    session.flush()


def shipped_drawing(code: str) -> Picture | None:
    path = paths.illustration_path(code)
    return Picture("svg", path.read_bytes(), shipped=True) if path is not None else None


def exercise_picture(session: Session, exercise_id: int) -> Picture | None:
    """What to show for an exercise: the clinic's picture, else the shipped drawing, else nothing."""
    row = _exercise(session, exercise_id)
    if row.picture and row.picture_format in FORMATS:
        return Picture(row.picture_format, bytes(row.picture), shipped=False)
    if row.is_custom:
        return None  # a clinic exercise whose code happens to match a drawing must not borrow it
    return shipped_drawing(row.code)
