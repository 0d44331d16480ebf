"""A4 PDF layout with QPdfWriter and QPainter: the three reports of issue 7.

A report is a list of blocks (headings, paragraphs, tables, charts). `paginate` places them on
pages before anything is painted, so the footer can say "Page X of Y", a heading always moves to
the next page together with the start of what it introduces, and long tables continue on the
next page under a repeated header row. Charts are painted with QPainter straight onto the PDF
device, so they stay vectors.

QtGui only. A QGuiApplication must exist (fonts); `ensure_gui_application()` creates one.
Every text is translated (context "Report"; the domain's own texts with `label()`), so a document
prints in the language of the installed translator, with numbers and dates in the reader's locale.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from hiptrack import __version__
from hiptrack.domain import exercise_program as ep
from hiptrack.domain import references
from hiptrack.domain.asymmetry import SIDE_WORDS
from hiptrack.domain.positions import METHOD_WORDS
from hiptrack.domain.references import short_citation
from hiptrack.domain.summary import MuscleSummary
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.reports import charts, wording
from hiptrack.reports import formatting as F
from hiptrack.reports.build import (
    METRICS,
    ProgramItem,
    ReportData,
    ReportError,
    format_change,
    metric_value,
    patient_sections,
    patient_unit,
    row_key,
    row_title,
    strength_series,
)
from hiptrack.reports.translation import install_translator, label, translate
from hiptrack.storage.exercise_pictures import Picture
from hiptrack.storage.outcomes import describe_change
from hiptrack.storage.roles import ROLE_TITLES

log = logging.getLogger(__name__)

KINDS = ("clinician", "patient", "program", "referral")
# Marked here, translated where printed (title()).
TITLES = {"clinician": QT_TRANSLATE_NOOP("Report", "Clinician summary"),
          "patient": QT_TRANSLATE_NOOP("Report", "Your progress"),
          "program": QT_TRANSLATE_NOOP("Report", "Your home exercises"),
          "referral": QT_TRANSLATE_NOOP("Report", "Referral letter")}
DPI = 300
MARGIN_PT = 42.0
FONT_FAMILIES = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans"]
FLAG_TINTS = {"green": QColor(46, 160, 67, 40), "amber": QColor(230, 160, 0, 70), "red": QColor(210, 50, 40, 60)}
EARLIER_VISITS_SHOWN = 12


def title(kind: str) -> str:
    """A document's title in the reader's language."""
    return translate("Report", TITLES[kind])  # the titles are marked in TITLES


def ensure_gui_application() -> QGuiApplication:
    """Qt needs an application object for fonts; offscreen when no display is configured."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        install_translator(app)
    assert isinstance(app, QGuiApplication)
    return app


# --- styles and context --------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    size_pt: float = 9.5
    bold: bool = False
    colour: str = "#1a1a1a"
    before_pt: float = 0.0
    after_pt: float = 4.0
    italic: bool = False


BODY = Style()
SMALL = Style(8.0, colour="#444444", after_pt=3.0)
H1 = Style(17.0, True, before_pt=0.0, after_pt=6.0)
H2 = Style(12.5, True, colour="#1f3f66", before_pt=10.0, after_pt=5.0)
H3 = Style(10.5, True, before_pt=6.0, after_pt=3.0)
LARGE = Style(13.0, after_pt=7.0)
LARGE_H2 = Style(16.0, True, colour="#1f3f66", before_pt=14.0, after_pt=6.0)


class Context:
    def __init__(self, device: QPaintDevice, width: float, height: float) -> None:
        self.device = device
        self.unit = device.logicalDpiY() / 72.0
        self.page_w, self.page_h = width, height
        self.margin = MARGIN_PT * self.unit
        self.top = self.margin + 16 * self.unit  # room for the running header
        self.bottom = height - self.margin - 14 * self.unit  # room for the footer
        self.width = width - 2 * self.margin
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}

    def pt(self, value: float) -> float:
        return value * self.unit

    def font(self, style: Style) -> QFont:
        key = (style.size_pt, style.bold, style.italic)
        if key not in self._fonts:
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setPointSizeF(style.size_pt)
            font.setBold(style.bold)
            font.setItalic(style.italic)
            # No "ff"/"fi" ligatures: text copied or searched in the PDF reads "difference", not "diﬀerence".
            font.setFeature(QFont.Tag("liga"), 0)
            self._fonts[key] = font
        return self._fonts[key]

    def text_height(self, text: str, style: Style, width: float) -> float:
        fm = QFontMetricsF(self.font(style), self.device)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        return fm.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()


# --- blocks --------------------------------------------------------------------------------------


class Block:
    keep_with_next = False

    def measure(self, ctx: Context) -> float:
        raise NotImplementedError

    def min_height(self, ctx: Context) -> float:
        """The least of this block that may start a page (a table's header and first row)."""
        return self.measure(ctx)

    def split(self, ctx: Context, available: float) -> tuple[Block | None, Block | None]:
        return None, self

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        raise NotImplementedError


class Spacer(Block):
    def __init__(self, pt: float) -> None:
        self.pt_ = pt

    def measure(self, ctx: Context) -> float:
        return ctx.pt(self.pt_)

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        return


class Text(Block):
    def __init__(self, text: str, style: Style = BODY, keep_with_next: bool = False,
                 box: QColor | None = None) -> None:
        self.text, self.style, self.keep_with_next, self.box = text, style, keep_with_next, box

    def _pad(self, ctx: Context) -> float:
        return ctx.pt(5) if self.box is not None else 0.0

    def measure(self, ctx: Context) -> float:
        pad = self._pad(ctx)
        return (ctx.pt(self.style.before_pt) + ctx.text_height(self.text, self.style, ctx.width - 2 * pad)
                + 2 * pad + ctx.pt(self.style.after_pt))

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        pad = self._pad(ctx)
        y += ctx.pt(self.style.before_pt)
        h = ctx.text_height(self.text, self.style, ctx.width - 2 * pad)
        if self.box is not None:
            painter.fillRect(QRectF(x, y, ctx.width, h + 2 * pad), self.box)
        painter.setFont(ctx.font(self.style))
        painter.setPen(QColor(self.style.colour))
        painter.drawText(QRectF(x + pad, y + pad, ctx.width - 2 * pad, h + ctx.pt(2)),
                         int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), self.text)


def heading(text: str, style: Style = H2) -> Text:
    return Text(text, style, keep_with_next=True)


@dataclass
class Cell:
    text: str
    tint: QColor | None = None
    bold: bool = False


@dataclass
class Table(Block):
    columns: list[tuple[str, float]]  # (title, relative width)
    rows: list[list[Cell]]
    style: Style = field(default_factory=lambda: Style(8.3, after_pt=0.0))
    header: bool = True
    after_pt: float = 6.0
    continued: bool = False
    keep_together: bool = False  # short tables (the tick sheet) move whole to the next page

    def _widths(self, ctx: Context) -> list[float]:
        total = sum(w for _, w in self.columns)
        return [ctx.width * w / total for _, w in self.columns]

    def _row_height(self, ctx: Context, cells: Sequence[Cell], style: Style) -> float:
        pad = ctx.pt(2.5)
        heights = [ctx.text_height(c.text, Style(style.size_pt, style.bold or c.bold), w - 2 * pad)
                   for c, w in zip(cells, self._widths(ctx), strict=True)]
        return max([*heights, 0.0]) + 2 * pad

    def _header_style(self) -> Style:
        return Style(self.style.size_pt, True, "#1a1a1a", after_pt=0.0)

    def _header_height(self, ctx: Context) -> float:
        if not self.header:
            return 0.0
        titles = [Cell(self._title(i, t)) for i, (t, _) in enumerate(self.columns)]
        return self._row_height(ctx, titles, self._header_style())

    def _title(self, i: int, text: str) -> str:
        if i == 0 and self.continued:
            return translate("Report", "{column} (cont.)").format(column=text)
        return text

    def _heights(self, ctx: Context) -> list[float]:
        return [self._row_height(ctx, row, self.style) for row in self.rows]

    def measure(self, ctx: Context) -> float:
        return self._header_height(ctx) + sum(self._heights(ctx)) + ctx.pt(self.after_pt)

    def min_height(self, ctx: Context) -> float:
        if self.keep_together:
            return self.measure(ctx)
        heights = self._heights(ctx)
        return self._header_height(ctx) + (heights[0] if heights else 0.0)

    def split(self, ctx: Context, available: float) -> tuple[Block | None, Block | None]:
        if self.keep_together and self.measure(ctx) <= ctx.bottom - ctx.top:
            return None, self
        used = self._header_height(ctx)
        count = 0
        for h in self._heights(ctx):
            if used + h > available:
                break
            used += h
            count += 1
        if count == 0:
            return None, self
        first = Table(self.columns, self.rows[:count], self.style, self.header, 0.0, self.continued)
        rest = Table(self.columns, self.rows[count:], self.style, self.header, self.after_pt, True)
        return first, rest

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        widths = self._widths(ctx)
        pad = ctx.pt(2.5)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
        line = QPen(QColor("#c8c8c8"), ctx.pt(0.5))
        if self.header:
            h = self._header_height(ctx)
            painter.fillRect(QRectF(x, y, ctx.width, h), QColor("#e8edf3"))
            painter.setFont(ctx.font(self._header_style()))
            painter.setPen(QColor("#1a1a1a"))
            cx = x
            for i, ((title, _), w) in enumerate(zip(self.columns, widths, strict=True)):
                painter.drawText(QRectF(cx + pad, y + pad, w - 2 * pad, h), flags, self._title(i, title))
                cx += w
            y += h
        for row, h in zip(self.rows, self._heights(ctx), strict=True):
            cx = x
            for cell, w in zip(row, widths, strict=True):
                if cell.tint is not None:
                    painter.fillRect(QRectF(cx, y, w, h), cell.tint)
                style = Style(self.style.size_pt, cell.bold or self.style.bold, self.style.colour)
                painter.setFont(ctx.font(style))
                painter.setPen(QColor(style.colour))
                painter.drawText(QRectF(cx + pad, y + pad, w - 2 * pad, h), flags, cell.text)
                cx += w
            painter.setPen(line)
            painter.drawLine(QRectF(x, y + h, ctx.width, 0).topLeft(), QRectF(x, y + h, ctx.width, 0).topRight())
            y += h


class Chart(Block):
    def __init__(self, specs: Sequence[charts.ChartSpec], height_pt: float = 190.0) -> None:
        self.specs, self.height_pt = list(specs), height_pt

    def measure(self, ctx: Context) -> float:
        return ctx.pt(self.height_pt + 8)

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        gap = ctx.pt(14)
        w = (ctx.width - gap * (len(self.specs) - 1)) / len(self.specs)
        for i, spec in enumerate(self.specs):
            charts.draw_chart(painter, QRectF(x + i * (w + gap), y, w, ctx.pt(self.height_pt)), spec, ctx.unit)


class Illustration(Block):
    """An exercise's picture: the shipped two-panel drawing (vectors, with a caption per panel) or
    the clinic's own SVG, PNG or JPEG.

    The shipped drawings carry no text; their captions come from the document, so they are in the
    reader's words and language rather than baked into the SVG.
    """

    def __init__(self, picture: Picture, captions: tuple[str, str] | None, width_pt: float = 330.0) -> None:
        self.renderer: QSvgRenderer | None = None
        self.image: QImage | None = None
        if picture.is_vector:
            self.renderer = QSvgRenderer(QByteArray(picture.data))
            if not self.renderer.isValid():
                raise ValueError("the exercise's SVG picture cannot be read")
        else:
            self.image = QImage.fromData(picture.data)
            if self.image.isNull():
                raise ValueError("the exercise's picture cannot be read")
        self.captions, self.width_pt = captions, width_pt
        self.keep_with_next = True  # a picture stays on the page of the text it illustrates

    def _aspect(self) -> float:
        if self.renderer is not None:
            view = self.renderer.viewBoxF()
            return view.height() / max(view.width(), 1.0)
        assert self.image is not None
        return self.image.height() / max(self.image.width(), 1)

    def _size(self, ctx: Context) -> tuple[float, float]:
        w = min(ctx.pt(self.width_pt), ctx.width)
        h = w * self._aspect()
        if h > ctx.pt(220):  # a tall photo must not take the page: fit it in 220 pt of height
            w, h = w * ctx.pt(220) / h, ctx.pt(220)
        return w, h

    def measure(self, ctx: Context) -> float:
        return self._size(ctx)[1] + (ctx.pt(18) if self.captions else ctx.pt(6))

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        w, h = self._size(ctx)
        if self.renderer is not None:
            self.renderer.render(painter, QRectF(x, y, w, h))
        elif self.image is not None:
            painter.drawImage(QRectF(x, y, w, h), self.image)
        if not self.captions:
            return
        painter.setFont(ctx.font(SMALL))
        painter.setPen(QColor("#333333"))
        half = w / 2
        for i, caption in enumerate(self.captions):
            painter.drawText(QRectF(x + i * half, y + h + ctx.pt(2), half, ctx.pt(12)),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), caption)


class ClinicBanner(Block):
    """Logo and clinic name (from the clinic settings), then the report's title."""

    def __init__(self, clinic_name: str, logo_path: str, title: str, subtitle: str, contact: str = "") -> None:
        self.clinic_name, self.title, self.subtitle, self.contact = clinic_name, title, subtitle, contact
        self.logo: QImage | None = None
        if logo_path:
            image = QImage(logo_path)
            if image.isNull():
                log.warning("clinic logo could not be read; the report is made without it")
            else:
                self.logo = image

    def measure(self, ctx: Context) -> float:
        return ctx.pt(62)

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float) -> None:
        logo_h = ctx.pt(40)
        text_x = x
        if self.logo is not None:
            ratio = self.logo.width() / max(self.logo.height(), 1)
            w = min(logo_h * ratio, ctx.pt(140))
            target = QRectF(x, y, w, w / ratio)
            painter.drawImage(target, self.logo)
            text_x = x + w + ctx.pt(10)
        painter.setPen(QColor("#1f3f66"))
        painter.setFont(ctx.font(Style(14, True)))
        name = self.clinic_name  # unset: the title alone (a patient must not read a settings hint)
        painter.drawText(QRectF(text_x, y, ctx.width - (text_x - x), ctx.pt(20)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        if self.contact:
            # Right of the clinic name: where a patient or a referrer reaches the clinic.
            painter.setFont(ctx.font(SMALL))
            painter.setPen(QColor("#444444"))
            painter.drawText(QRectF(text_x, y, ctx.width - (text_x - x), ctx.pt(20)),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self.contact)
        painter.setPen(QColor("#1a1a1a"))
        painter.setFont(ctx.font(H1))
        painter.drawText(QRectF(text_x, y + ctx.pt(20), ctx.width, ctx.pt(24)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.title)
        painter.setFont(ctx.font(SMALL))
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(x, y + ctx.pt(44), ctx.width, ctx.pt(12)),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self.subtitle)
        painter.setPen(QPen(QColor("#1f3f66"), ctx.pt(1.2)))
        painter.drawLine(QRectF(x, y + ctx.pt(58), ctx.width, 0).topLeft(), QRectF(x, y + ctx.pt(58), ctx.width, 0).topRight())


# --- pagination ----------------------------------------------------------------------------------

Placed = tuple[Block, float]


def _lead(ctx: Context, blocks: Sequence[Block], i: int) -> float:
    """Height that must fit on the page for block i to start there: a heading (keep_with_next)
    brings the beginning of what follows it."""
    block = blocks[i]
    if block.keep_with_next and i + 1 < len(blocks):
        return block.measure(ctx) + _lead(ctx, blocks, i + 1)
    return block.min_height(ctx)


def _keep_last_with_previous(blocks: Sequence[Block]) -> None:
    """The document's last block never stands alone on its page: the one before it comes along
    (a final page holding one paragraph looks like a page left over, and is easily lost)."""
    content = [b for b in blocks if not isinstance(b, Spacer)]
    if len(content) >= 2:
        content[-2].keep_with_next = True
        for block in blocks[blocks.index(content[-2]):-1]:
            block.keep_with_next = True  # a spacer in between passes the rule on


def paginate(ctx: Context, blocks: Sequence[Block]) -> list[list[Placed]]:
    pages: list[list[Placed]] = [[]]
    _keep_last_with_previous(blocks)
    queue = list(blocks)
    y = ctx.top
    while queue:
        block = queue[0]
        if isinstance(block, Spacer) and y == ctx.top:
            queue.pop(0)
            continue
        if y + _lead(ctx, queue, 0) > ctx.bottom and y > ctx.top:
            pages.append([])
            y = ctx.top
            continue
        queue.pop(0)
        height = block.measure(ctx)
        if y + height > ctx.bottom:
            first, rest = block.split(ctx, ctx.bottom - y)
            if first is not None and rest is not None:
                pages[-1].append((first, y))
                queue.insert(0, rest)
                pages.append([])
                y = ctx.top
                continue
            if y > ctx.top:
                queue.insert(0, block)
                pages.append([])
                y = ctx.top
                continue
        pages[-1].append((block, y))
        y += height
    return [p for p in pages if p] or [[]]


@dataclass
class Document:
    title: str
    running_header: str
    footer_left: str
    blocks: list[Block]


def render_pdf(document: Document, out: Path) -> int:
    """Write the PDF; returns the number of pages."""
    ensure_gui_application()
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(document.title)
    writer.setCreator(f"hiptrack {__version__}")
    size: QSizeF = writer.pageLayout().fullRectPixels(DPI).size().toSizeF()
    ctx = Context(writer, size.width(), size.height())
    pages = paginate(ctx, document.blocks)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {out}")
    try:
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            _furniture(ctx, painter, document, number, len(pages))
            for block, y in placed:
                block.draw(ctx, painter, ctx.margin, y)
    finally:
        painter.end()
    return len(pages)


def _furniture(ctx: Context, painter: QPainter, document: Document, number: int, total: int) -> None:
    painter.setFont(ctx.font(SMALL))
    painter.setPen(QColor("#666666"))
    flags = int(Qt.AlignmentFlag.AlignVCenter)
    if number > 1:
        painter.drawText(QRectF(ctx.margin, ctx.margin - ctx.pt(4), ctx.width, ctx.pt(12)),
                         flags | int(Qt.AlignmentFlag.AlignLeft), document.running_header)
        painter.setPen(QPen(QColor("#cccccc"), ctx.pt(0.5)))
        yl = ctx.margin + ctx.pt(9)
        painter.drawLine(QRectF(ctx.margin, yl, ctx.width, 0).topLeft(), QRectF(ctx.margin, yl, ctx.width, 0).topRight())
        painter.setPen(QColor("#666666"))
    y = ctx.page_h - ctx.margin
    painter.drawText(QRectF(ctx.margin, y, ctx.width * 0.75, ctx.pt(12)), flags | int(Qt.AlignmentFlag.AlignLeft),
                     document.footer_left)
    painter.drawText(QRectF(ctx.margin, y, ctx.width, ctx.pt(12)), flags | int(Qt.AlignmentFlag.AlignRight),
                     translate("Report", "Page {number} of {total}").format(number=number, total=total))


# --- shared pieces -------------------------------------------------------------------------------


def _side(side: str) -> str:
    """"left" / "right" in the reader's language."""
    return label(SIDE_WORDS.get(side, side))


def _num(value: float | None, fmt: str = ".1f") -> str:
    """A number in the reader's locale with the decimals of a format spec (".1f", ".2f")."""
    return F.number(value, int(fmt.strip(".f")))


def _age(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _banner(data: ReportData, kind: str) -> ClinicBanner:
    subtitle = translate("Report", "Prepared {date}").format(date=F.date(data.generated_on))
    if data.current is not None:
        subtitle = translate("Report", "Visit {date} · {prepared}").format(date=F.date(data.current.date),
                                                                          prepared=subtitle)
    return ClinicBanner(data.clinic.name, data.clinic.logo_path, title(kind), subtitle, data.clinic.contact_line)


def _document(data: ReportData, kind: str, blocks: list[Block]) -> Document:
    p = data.patient
    clinic = data.clinic.name or "hiptrack"
    return Document(
        title=f"{title(kind)} — {p.display_name}",
        running_header=f"{clinic} · {title(kind)} · {p.display_name} ({p.chart_number})",
        footer_left=translate("Report", "{patient} · chart {chart} · {date}").format(
            patient=p.display_name, chart=p.chart_number, date=F.date(data.generated_on)),
        blocks=blocks,
    )


def _facts_table(pairs: list[tuple[str, str]]) -> Table:
    rows = []
    for i in range(0, len(pairs), 2):
        chunk = pairs[i:i + 2] + [("", "")] * (2 - len(pairs[i:i + 2]))
        rows.append([Cell(chunk[0][0], bold=True), Cell(chunk[0][1]), Cell(chunk[1][0], bold=True), Cell(chunk[1][1])])
    return Table([("", 1.1), ("", 2.0), ("", 1.1), ("", 2.0)], rows, Style(8.8, after_pt=0.0), header=False)


def _flag_cell(row: MuscleSummary) -> Cell:
    if not row.flag_label:
        return Cell("—")
    return Cell(f"{row.flag_symbol} {label(row.flag_label)}", FLAG_TINTS.get(row.flag or ""))


def _norm_text(norm: dict | None) -> str:
    if not norm:
        return F.DASH
    if not norm.get("available"):
        return translate("Report", "no reference")
    cite = short_citation(norm.get("source"))
    band = label(str(norm.get("band")))
    if norm.get("kind") == "z_score":
        return translate("Report", "z {z} ({band}) vs {expected} Nm/kg, {source}").format(
            z=F.signed(norm["z"], 2), band=band, expected=F.number(norm.get("expected", 0), 2), source=cite)
    return translate("Report", "{pct} predicted ({band}), {source}").format(
        pct=F.percent(norm.get("percent_predicted", 0)), band=band, source=cite)


def _chart_metric(data: ReportData) -> str:
    """Torque when lever arms were recorded (the default MDCs are in N·m), else force."""
    for visit in data.summary.visits:
        for row in visit.muscles:
            if row.left_nm is not None or row.right_nm is not None:
                return "nm"
    return "n"


def _strength_charts(data: ReportData, metric: str, x_range: tuple[dt.date, dt.date] | None) -> list[Block]:
    blocks: list[Block] = []
    for series in strength_series(data.summary, metric, data.display_unit):
        blocks.append(Chart([charts.strength_chart(series, x_range)], 175))
    return blocks


# --- clinician summary ---------------------------------------------------------------------------


def clinician_blocks(data: ReportData) -> list[Block]:
    p = data.patient
    unit = data.display_unit
    blocks: list[Block] = [_banner(data, "clinician")]
    not_recorded = translate("Report", "not recorded")
    mass = not_recorded
    if data.current is not None and data.current.body_mass_kg is not None:
        mass = f"{F.number(data.current.body_mass_kg)} kg"
        if data.current.body_mass_note:
            mass += f" ({label(data.current.body_mass_note)})"
    facts = [
        (translate("Report", "Patient"), p.display_name), (translate("Report", "Chart number"), p.chart_number),
        (translate("Report", "Date of birth"), translate("Report", "{date} (age {age})").format(
            date=F.date(p.date_of_birth), age=_age(p.date_of_birth, data.as_of))),
        (translate("Report", "Sex"), _sex(p.sex) or not_recorded),
        (translate("Report", "Height"), f"{F.number(p.height_m, 2)} m" if p.height_m else not_recorded),
        (translate("Report", "Body mass at visit"), mass),
        (translate("Report", "Involved side"),
         _involved(p.involved_side) or translate("Report", "not set (LSI not computed)")),
        (translate("Report", "Dominant leg"), _side(p.dominant_leg) if p.dominant_leg else not_recorded),
        (translate("Report", "Visit"), F.date(data.current.date) if data.current else F.DASH),
        (translate("Report", "Visits with results"), str(len(data.summary.visits))),
        (translate("Report", "Tested by"), data.tester or not_recorded),
        (translate("Report", "Report"), _report_status(data)),
    ]
    blocks += [heading(translate("Report", "Patient")), _facts_table(facts)]
    if data.statements:
        blocks.append(Spacer(4))
        blocks.append(Text("\n".join(f"• {s}" for s in data.statements), Style(9.0, colour="#5a3d00"),
                           box=QColor("#fff4d6")))
    blocks += _setup_blocks(data)
    if data.current is not None:
        blocks += _results_blocks(data, unit)
    blocks += _chart_blocks(data)
    blocks += _program_blocks(data)
    blocks += _outcome_blocks(data)
    blocks += _notes_blocks(data)
    blocks += _assessment_blocks(data)
    blocks += _history_blocks(data, unit)
    settings = data.summary.settings
    primary = (translate("Report", "max", "the highest of the trials") if settings.primary.value == "max"
               else translate("Report", "mean", "the mean of the trials") if settings.primary.value == "mean"
               else settings.primary.value)
    blocks.append(Text(translate(
        "Report", "Settings: asymmetry bands {amber} / {red} %; primary score = {primary} of the accepted trials; "
                  "CV limit {cv} %. Asymmetry = (stronger − weaker) / stronger; fixed cut-offs are poorly supported "
                  "({source}), so bands read 'difference ≥ X %', never 'abnormal'. A change is marked ✱ only when it "
                  "exceeds the MDC of the same test.").format(
        amber=F.general(settings.thresholds.amber_pct), red=F.general(settings.thresholds.red_pct), primary=primary,
        cv=F.general(settings.cv_limit_pct), source=references.BOHANNON_1999.short), SMALL))
    blocks += _signature_blocks(data)
    blocks += _reference_list(data)
    return blocks


def _reference_list(data: ReportData) -> list[Block]:
    """The full citations behind the short ones in the text, each once, in order of first use."""
    cited = [references.BOHANNON_1999.full]  # the asymmetry bands note and the settings line
    if data.outcomes:
        cited.append(references.OSTELO_2008.full)
    rows = data.current.muscles if data.current is not None else []
    for m in rows:
        for side in ("left", "right"):
            norm = m.norm.get(side) or {}
            if norm.get("available") and norm.get("source"):
                cited.append(str(norm["source"]))
    unique = list(dict.fromkeys(cited))
    lines = "\n".join(f"{n}. {source}" for n, source in enumerate(unique, start=1))
    return [heading(translate("Report", "References"), H3), Text(lines, SMALL)]


def _report_status(data: ReportData) -> str:
    report = data.visit_report
    if report is None:
        return translate("Report", "no assessment or plan written")
    if report.signed:
        return translate("Report", "signed, version {n}").format(n=report.revision)
    return translate("Report", "DRAFT, not signed (version {n})").format(n=report.revision)


def _assessment_blocks(data: ReportData) -> list[Block]:
    report = data.visit_report
    if report is None:
        return []
    blocks: list[Block] = []
    for head, text in ((translate("Report", "Assessment"), report.assessment), (translate("Report", "Plan"), report.plan)):
        if text:
            blocks += [heading(head), Text(text, Style(10.0))]
    return blocks


def _signature_blocks(data: ReportData) -> list[Block]:
    """Who signed, when and which version; a draft says plainly that nobody has signed it."""
    report = data.visit_report
    lines = [translate("Report", "Tested by: {name}").format(name=data.tester or translate("Report", "not recorded"))]
    if report is None or not report.signed:
        lines.append(translate("Report", "Not signed: this report is a draft and is not valid as a clinical record."))
    else:
        signed_at = F.date_time(report.signed_at.astimezone()) if report.signed_at else F.DASH
        who = report.signed_by
        if report.signed_role:
            who = translate("Report", "{name} ({role})").format(
                name=who, role=label(ROLE_TITLES.get(report.signed_role, report.signed_role)))
        lines.append(translate("Report", "Signed electronically by {who} in hiptrack on {when} (version {n}).").format(
            who=who, when=signed_at, n=report.revision))
        if report.revision > 1:
            lines.append(translate("Report", "This version replaces version {n}: {reason}").format(
                n=report.revision - 1, reason=report.reason))
    block = Text("\n".join(lines), Style(10.0, after_pt=0), box=QColor("#f2f4f7"))
    return [heading(translate("Report", "Signature"), H3), block]


def _sex(sex: str | None) -> str:
    """The recorded sex in words ("" when not recorded)."""
    words = {"female": translate("Report", "female"), "male": translate("Report", "male"),
             "other": translate("Report", "other")}
    return words.get((sex or "").strip().lower(), sex or "")


def _involved(side: str | None) -> str:
    if (side or "").strip().lower() == "both":
        return translate("Report", "both")
    return _side(side) if side else ""


def _lever_source_words(source: str) -> str:
    """Beside the lever in the set-up table: a default must never read as a measurement (issue 11)."""
    if source == "typical":
        return "\n" + translate("Report", "† typical")
    if source == "carried_forward":
        return "\n" + translate("Report", "carried fwd", "carried forward, abbreviated for a narrow column")
    if source == "unknown":
        return "\n" + translate("Report", "source?", "where the lever arm came from is not recorded")
    return ""


def _setup_blocks(data: ReportData) -> list[Block]:
    """One row per set-up; left and right share a row when everything but the side is the same."""
    if not data.setups:
        return []
    groups: dict[tuple, list] = {}
    for s in data.setups:
        groups.setdefault((s.muscle, s.position, s.method, s.lever_arm_m, s.lever_source, s.fixation, s.device),
                          []).append(s)
    rows = []
    for (muscle, _pos, method, lever, lever_source, fixation, device), tests in groups.items():
        first = tests[0]
        trials = "\n".join(_trial_count(t.side, t.accepted_trials, t.rejected_trials) for t in tests)
        where = (translate("Report", "{position}. {set_up}; pad: {pad}").format(
            position=first.position_title, set_up=first.set_up, pad=first.pad) if first.set_up else first.position_title)
        rows.append([
            Cell(wording.muscle_name(muscle)), Cell(" + ".join(_side(t.side) for t in tests)), Cell(where),
            Cell(label(METHOD_WORDS.get(method, method))),
            Cell(f"{F.number(lever, 2)} m{_lever_source_words(lever_source)}" if lever
                 else translate("Report", "not measured")),
            Cell(_fixation(fixation)), Cell(device), Cell(trials),
        ])
    cols = [(translate("Report", "Muscle"), 1.4), (translate("Report", "Sides"), 0.8),
            (translate("Report", "Position"), 3.3), (translate("Report", "Method"), 0.95),
            (translate("Report", "Lever"), 0.8), (translate("Report", "Fixation"), 0.9),
            (translate("Report", "Device"), 1.5), (translate("Report", "Accepted trials"), 1.3)]
    return [heading(translate("Report", "Test set-up at this visit")), Table(cols, rows)]


def _trial_count(side: str, accepted: int, rejected: int) -> str:
    """"L 3 (+1 rejected)": a side's letter and its trials."""
    letter = charts.side_letter(side)
    if rejected:
        return translate("Report", "{side} {accepted} (+{rejected} rejected)").format(
            side=letter, accepted=accepted, rejected=rejected)
    return f"{letter} {accepted}"


def _fixation(fixation: str) -> str:
    words = {"hand": translate("Report", "hand", "the dynamometer held by the tester's hand"),
             "belt": translate("Report", "belt", "the dynamometer fixed with a belt")}
    return words.get(fixation, fixation)


def _strength_cells(m: MuscleSummary, unit: str) -> list[Cell]:
    """Muscle and position, left, right, asymmetry and flag: the key results of a visit."""
    return [
        Cell(row_title(row_key(m))), Cell(f"{_num(metric_value(m, 'left', 'n', unit))}"),
        Cell(f"{_num(metric_value(m, 'right', 'n', unit))}"),
        Cell(f"{_num(m.asymmetry_pct)} %{m.mark('asymmetry_pct')}"
             + ("\n" + _weaker(m.weaker_side) if m.weaker_side else "")
             + ("\n" + translate("Report", "by torque") if m.asymmetry_basis == "torque" else "")
             if m.asymmetry_pct is not None else F.DASH),
        _flag_cell(m),
    ]


def _weaker(side: str) -> str:
    """"left weaker" / "right weaker" as whole texts."""
    if side == "left":
        return translate("Report", "left weaker")
    if side == "right":
        return translate("Report", "right weaker")
    return side


def _results_blocks(data: ReportData, unit: str) -> list[Block]:
    assert data.current is not None
    rows, norm_rows, change_rows, notes = [], [], [], []
    for m in data.current.muscles:
        title = row_title(row_key(m))
        rows.append([
            *_strength_cells(m, unit),
            Cell(F.DASH if m.lsi_pct is None else F.percent(m.lsi_pct, 1) + " "
                 + (translate("Report", "pass", "the LSI reached the pass mark") if m.lsi_pass
                    else translate("Report", "below", "the LSI is below the pass mark"))),
            Cell(f"L {_num(m.cv_left_pct)} / R {_num(m.cv_right_pct)}"
                 + (" ▲" if m.cv_left_exceeds or m.cv_right_exceeds else "")),
            Cell(f"{m.left_trials} / {m.right_trials}"),
        ])
        norm_rows.append([
            Cell(title), Cell(f"L {_num(m.left_n_per_kg, '.2f')}{m.mark('left_n_per_kg')}\n"
                              f"R {_num(m.right_n_per_kg, '.2f')}{m.mark('right_n_per_kg')}"),
            Cell(f"L {_num(m.left_nm)}{m.mark('left_nm')}\nR {_num(m.right_nm)}{m.mark('right_nm')}"),
            Cell(f"L {_num(m.left_nm_per_kg, '.2f')}{m.mark('left_nm_per_kg')}\n"
                 f"R {_num(m.right_nm_per_kg, '.2f')}{m.mark('right_nm_per_kg')}"),
            Cell(f"L {_norm_text(m.norm.get('left'))}{m.mark('norm_left')}\n"
                 f"R {_norm_text(m.norm.get('right'))}{m.mark('norm_right')}"),
        ])
        for side in ("left", "right"):
            prev = (m.change.get("previous") or {}).get(side)
            base = (m.change.get("baseline") or {}).get(side)
            if prev is None and base is None:
                continue
            change_rows.append([
                Cell(title), Cell(_side(side)),
                Cell(format_change(prev, unit) + m.change_mark(prev) + _against(prev)),
                Cell(format_change(base, unit) + m.change_mark(base) + _against(base)),
            ])
        for n in [*m.mark_notes(), *m.notes]:
            line = f"{wording.muscle_name(m.muscle)}: {label(n)}"
            if line not in notes:
                notes.append(line)
        for side in ("left", "right"):
            norm = m.norm.get(side) or {}
            if norm.get("reason"):
                line = _norm_note(wording.muscle_name(m.muscle), side, label(norm["reason"]))
                if line not in notes:
                    notes.append(line)
    blocks: list[Block] = [
        heading(translate("Report", "Results")),
        Table([(_muscle_position(), 2.8), (_left_in(unit), 0.9), (_right_in(unit), 0.9),
               (translate("Report", "Asymmetry"), 1.3), (translate("Report", "Flag"), 1.6), ("LSI", 0.9),
               (translate("Report", "Trial CV %"), 1.3), (translate("Report", "Trials L/R"), 0.8)], rows),
        heading(translate("Report", "Normalised values and norms"), H3),
        Table([(_muscle_position(), 3.0), ("N/kg", 0.9), ("N·m", 0.9), ("N·m/kg", 0.9),
               (translate("Report", "Norm"), 3.3)], norm_rows),
    ]
    if change_rows:
        blocks += [heading(translate("Report", "Change against the previous visit and the baseline"), H3),
                   Table([(_muscle_position(), 3.0), (translate("Report", "Side"), 0.6),
                          (translate("Report", "vs previous visit"), 2.4), (translate("Report", "vs baseline"), 2.4)],
                         change_rows)]
    else:
        blocks.append(Text(translate("Report", "First visit with results: no change to report yet."), SMALL))
    if notes:
        blocks.append(Text(translate("Report", "Notes on the calculations:") + "\n" + "\n".join(f"• {n}" for n in notes),
                           SMALL))
    return blocks


def _against(change: dict | None) -> str:
    """"\nvs 2026-09-18": the visit a change was taken against, in the reader's date order."""
    if not change:
        return ""
    against = change.get("against")
    try:
        day = F.date(dt.date.fromisoformat(str(against)))
    except ValueError:
        day = str(against)
    return "\n" + translate("Report", "vs {date}").format(date=day)


def _norm_note(muscle: str, side: str, reason: str) -> str:
    if side == "left":
        return translate("Report", "{muscle}, left norm: {reason}").format(muscle=muscle, reason=reason)
    return translate("Report", "{muscle}, right norm: {reason}").format(muscle=muscle, reason=reason)


def _muscle_position() -> str:
    return translate("Report", "Muscle / position")


def _left_in(unit: str) -> str:
    return translate("Report", "Left ({unit})").format(unit=unit)


def _right_in(unit: str) -> str:
    return translate("Report", "Right ({unit})").format(unit=unit)


def _chart_blocks(data: ReportData) -> list[Block]:
    if not data.summary.visits and not data.outcomes and not data.adherence:
        return []
    x_range = charts.shared_x_range(data)
    metric = _chart_metric(data)
    blocks: list[Block] = [heading(translate("Report", "Progress charts"))]
    # One whole sentence per metric: lower-casing a translated title would write German "drehmoment".
    shown = (translate("Report", "Strength shown as torque ({unit}); all charts share one time axis.") if metric == "nm"
             else translate("Report", "Strength shown as force ({unit}); all charts share one time axis."))
    blocks.append(Text(shown.format(unit=METRICS[metric][2] if metric != "n" else data.display_unit),
                       SMALL, keep_with_next=True))
    blocks += _strength_charts(data, metric, x_range)
    from hiptrack.reports.build import asymmetry_series

    if data.summary.visits:
        blocks.append(Chart([charts.asymmetry_chart(asymmetry_series(data.summary), data.summary, x_range)], 165))
    blocks.append(Chart(charts.outcome_charts(data, x_range), 150))
    if data.adherence or data.program:
        specs = [charts.adherence_chart(data, x_range)]
        if data.resistance:
            specs.append(charts.resistance_chart(data, x_range))
        blocks.append(Chart(specs, 140))
    return blocks


def _program_blocks(data: ReportData) -> list[Block]:
    blocks: list[Block] = [heading(translate("Report", "Home exercise program"))]
    if not data.program:
        blocks.append(Text(translate("Report", "No home exercises prescribed at this date.")))
    else:
        rows = [[Cell(item.prescription.exercise_name), Cell(label(item.dosage_text)),
                 Cell(F.date(item.prescription.start_date)), Cell(item.prescription.notes or "")]
                for item in data.program]
        blocks.append(Table([(translate("Report", "Exercise"), 2.0), (translate("Report", "Dosage"), 3.0),
                             (translate("Report", "Since"), 1.0), (translate("Report", "Notes"), 2.5)], rows))
    recent = data.adherence[-6:]
    if recent:
        rows = [[Cell(translate("Report", "{week} (in progress)").format(week=w.label) if w.in_progress else w.label),
                 Cell(str(w.expected)), Cell(str(w.done)), Cell(label(ep.format_percent(w.percent)))]
                for w in reversed(recent)]
        blocks += [heading(translate("Report", "Adherence, latest weeks"), H3),
                   Table([(translate("Report", "Week"), 1.5), (translate("Report", "Planned sessions"), 1.2),
                          (translate("Report", "Done"), 1.0), (translate("Report", "Adherence"), 1.0)], rows)]
    return blocks


def _outcome_blocks(data: ReportData) -> list[Block]:
    blocks: list[Block] = [heading(translate("Report", "Outcome scores"))]
    scores = [s for s in data.outcomes if not s.voided]
    if not scores:
        return [*blocks, Text(translate("Report", "No outcome scores recorded yet."))]
    latest: dict[str, list] = {}
    for s in scores:
        latest.setdefault(s.instrument, []).append(s)
    rows = []
    for instrument in ("nprs", "odi", "psfs"):
        for s in latest.get(instrument, [])[-4:]:
            extra = f" ({label(str(s.details['band']))})" if s.details.get("band") else ""
            rows.append([Cell(label(s.title)), Cell(F.date(s.recorded_on)), Cell(f"{F.general(s.total)}{extra}"),
                         Cell(label(describe_change(s.vs_baseline))), Cell(label(describe_change(s.vs_previous)))])
    blocks.append(Table([(translate("Report", "Instrument"), 2.6), (translate("Report", "Date"), 1.0),
                         (translate("Report", "Score"), 1.0), (translate("Report", "vs baseline"), 2.0),
                         (translate("Report", "vs previous"), 2.0)], rows))
    blocks.append(Text(translate("Report", "The latest four scores of each instrument; MCIC per Ostelo 2008 (NPRS 2 points "
                                           "or 30 %, ODI 10 points or 30 %)."), SMALL))
    return blocks


def _notes_blocks(data: ReportData) -> list[Block]:
    parts = []
    if data.visit_notes.strip():
        parts.append(translate("Report", "Visit: {notes}").format(notes=data.visit_notes.strip()))
    if data.patient.notes.strip():
        parts.append(translate("Report", "Patient: {notes}").format(notes=data.patient.notes.strip()))
    if not parts:
        return []
    return [heading(translate("Report", "Notes")), Text("\n".join(parts))]


def _history_blocks(data: ReportData, unit: str) -> list[Block]:
    visits = data.summary.visits
    if len(visits) < 2:
        return []
    shown = visits[-EARLIER_VISITS_SHOWN:]
    rows = []
    for v in reversed(shown):
        for m in v.muscles:
            rows.append([Cell(F.date(v.date)), Cell(wording.muscle_name(m.muscle)),
                         Cell(_num(metric_value(m, "left", "n", unit))), Cell(_num(metric_value(m, "right", "n", unit))),
                         Cell(F.DASH if m.asymmetry_pct is None else _history_asymmetry(m)),
                         _flag_cell(m), Cell(F.DASH if v.body_mass_kg is None else F.number(v.body_mass_kg))])
    blocks: list[Block] = [heading(translate("Report", "Visit history")),
                           Table([(translate("Report", "Date"), 1.0), (translate("Report", "Muscle"), 2.2),
                                  (_left_in(unit), 0.9), (_right_in(unit), 0.9), (translate("Report", "Asymmetry"), 1.6),
                                  (translate("Report", "Flag"), 1.6), (translate("Report", "Mass kg"), 0.7)], rows)]
    earlier = len(visits) - len(shown)
    if earlier == 1:
        blocks.append(Text(translate("Report", "1 earlier visit is shown in the charts only."), SMALL))
    elif earlier > 1:
        blocks.append(Text(translate("Report", "{n} earlier visits are shown in the charts only.").format(n=earlier),
                           SMALL))
    return blocks


def _history_asymmetry(m: MuscleSummary) -> str:
    pct = F.percent(m.asymmetry_pct, 1)
    if m.weaker_side in ("left", "right"):
        return f"{pct} {_weaker(m.weaker_side)}"
    return translate("Report", "{pct} weaker", "asymmetry without a named weaker side").format(pct=pct)


# --- patient progress summary --------------------------------------------------------------------


def patient_blocks(data: ReportData) -> list[Block]:
    p = data.patient
    blocks: list[Block] = [_banner(data, "patient"), Text(f"{p.first_name} {p.last_name}", Style(14, True))]
    for title, sentences in patient_sections(data):
        blocks.append(heading(title, LARGE_H2))
        blocks += [Text(s, LARGE) for s in sentences]
    if len(data.summary.visits) >= 2:  # one point is not a trend
        x_range = charts.shared_x_range(data)
        blocks.append(heading(translate("Report", "Your strength over time"), LARGE_H2))
        blocks.append(Text(translate("Report", "Each point is one visit. The line with circles is your left side, the "
                                               "dashed line with squares your right side. Higher is stronger."),
                           BODY, keep_with_next=True))
        # The charts speak the same unit as the sentences above them (one unit per page).
        metric = "nm" if patient_unit(data) == "Nm" else "n"
        for series in strength_series(data.summary, metric, data.display_unit):
            spec = charts.strength_chart(series, x_range)
            spec.title = wording.movement(series.key[0])
            spec.note = ""
            for s in spec.series:
                s.errors = []
                s.filled = []
            blocks.append(Chart([spec], 170))
    blocks.append(Spacer(8))
    blocks.append(Text(translate("Report", "Questions about this summary? Ask your physiotherapist at your next visit."),
                       BODY))
    return blocks


# --- home exercise handout -----------------------------------------------------------------------


def stop_and_call() -> str:
    return translate("Report", "Stop and call us if an exercise causes sharp pain, pain that spreads down a leg, "
                               "numbness or tingling, or pain that is clearly worse the next day.")


def _exercise_picture(item: ProgramItem) -> list[Block]:
    """The exercise's picture: the shipped start/end drawing with captions, or the clinic's own."""
    if item.picture is None:
        return []
    captions = ((translate("Report", "1  Starting position"), translate("Report", "2  End position"))
                if item.picture.shipped else None)
    try:
        return [Illustration(item.picture, captions)]
    except ValueError as exc:
        # A damaged picture costs the handout its picture, never the handout itself.
        log.warning("exercise id=%d: %s; the handout shows the text alone", item.prescription.exercise_id, exc)
        return []


def program_blocks(data: ReportData) -> list[Block]:
    p = data.patient
    blocks: list[Block] = [_banner(data, "program"), Text(translate("Report", "For {name}").format(
        name=f"{p.first_name} {p.last_name}"), Style(13, True))]
    if not data.program:
        blocks.append(Text(translate("Report", "No home exercises are prescribed at the moment."), LARGE))
        return blocks
    blocks.append(Text(translate("Report", "Do each exercise as often as it says under its name, on days that suit you. "
                                           "Tick the chart at the end on each day you exercised."), BODY))
    blocks.append(Text(stop_and_call(), Style(10.5, True, "#8a1c12", after_pt=6), box=QColor("#fbeae8")))
    for n, item in enumerate(data.program, start=1):
        blocks.append(heading(f"{n}. {item.prescription.exercise_name}", Style(13.5, True, "#1f3f66", 12, 3)))
        blocks.append(Text("\n".join(wording.exercise_lines(item.prescription.dosage)),
                           Style(11.5, True, "#1a1a1a", after_pt=5), box=QColor("#eaf1f8"), keep_with_next=True))
        blocks.extend(_exercise_picture(item))
        for head, text in ((translate("Report", "Starting position"), item.setup),
                           (translate("Report", "Movement"), item.movement), (translate("Report", "Hold"), item.hold),
                           (translate("Report", "Watch out for"), item.common_mistakes),
                           (translate("Report", "Your notes"), item.prescription.notes)):
            if text and text.strip():
                blocks.append(Text(head, Style(10.5, True, after_pt=1), keep_with_next=True))
                blocks.append(Text(text.strip(), Style(10.5, after_pt=5)))
    blocks.append(heading(translate("Report", "Tick each day you exercised"), H3))
    days = _weekday_names()
    rows = [[Cell(translate("Report", "Week {n}").format(n=w))] + [Cell(" \n ") for _ in days] for w in range(1, 5)]
    blocks.append(Table([("", 1.2)] + [(d, 1.0) for d in days], rows, Style(10, after_pt=0), keep_together=True))
    blocks.append(Text(_contact_sentence(data), Style(10.5, after_pt=0)))
    return blocks


def _weekday_names() -> list[str]:
    """Monday to Sunday, abbreviated as the reader's language does ("Mon" … "Sun")."""
    return [translate("Report", "Mon"), translate("Report", "Tue"), translate("Report", "Wed"),
            translate("Report", "Thu"), translate("Report", "Fri"), translate("Report", "Sat"),
            translate("Report", "Sun")]


def _contact_sentence(data: ReportData) -> str:
    clinic = data.clinic
    who = clinic.name or translate("Report", "your physiotherapist")
    phone, email = clinic.phone.strip(), clinic.email.strip()
    if phone and email:
        how = translate("Report", "{phone} or {email}").format(phone=phone, email=email)
    else:
        how = phone or email
    if how:
        return translate("Report", "Questions about your exercises? Contact {who}: {how}.").format(who=who, how=how)
    return translate("Report", "Questions about your exercises? Contact {who}.").format(who=who)


# --- referral letter -----------------------------------------------------------------------------


def referral_blocks(data: ReportData) -> list[Block]:
    """One page to the referrer: who, the key results of the visit, the assessment and plan, signed."""
    report = data.visit_report
    if report is None or not report.referrer:
        raise ReportError("no referrer is entered for this visit: write it under Assessment and plan first")
    p = data.patient
    unit = data.display_unit
    blocks: list[Block] = [_banner(data, "referral")]
    blocks.append(Text(translate("Report", "To: {referrer}").format(referrer=report.referrer), Style(10.5, after_pt=2)))
    blocks.append(Text(translate("Report", "Re: {name}, born {born}, chart {chart}").format(
        name=f"{p.first_name} {p.last_name}", born=F.date(p.date_of_birth), chart=p.chart_number),
        Style(10.5, True, after_pt=8)))
    when = F.date(data.current.date) if data.current else F.date(data.as_of)
    if data.tester:
        thanks = translate("Report", "Thank you for referring this patient. Hip strength was measured with a hand-held "
                                     "dynamometer on {date} by {tester}. The key results:").format(
            date=when, tester=data.tester)
    else:
        thanks = translate("Report", "Thank you for referring this patient. Hip strength was measured with a hand-held "
                                     "dynamometer on {date}. The key results:").format(date=when)
    blocks.append(Text(thanks, Style(10.0, after_pt=5)))
    if data.current is not None and data.current.muscles:
        rows = [_strength_cells(m, unit) for m in data.current.muscles]
        blocks.append(Table([(_muscle_position(), 2.8), (_left_in(unit), 0.9), (_right_in(unit), 0.9),
                             (translate("Report", "Asymmetry"), 1.3), (translate("Report", "Flag"), 1.6)],
                            rows, Style(9.0, after_pt=0)))
    else:
        blocks.append(Text(translate("Report", "No strength results were recorded at this visit."), Style(10.0)))
    blocks += _assessment_blocks(data)
    blocks += _signature_blocks(data)
    return blocks


BUILDERS: dict[str, Callable[[ReportData], list[Block]]] = {
    "clinician": clinician_blocks,
    "patient": patient_blocks,
    "program": program_blocks,
    "referral": referral_blocks,
}


def write_report(data: ReportData, kind: str, out: Path) -> int:
    """Lay out and write one report; returns the page count."""
    if kind not in BUILDERS:
        raise ValueError(f"unknown report kind {kind!r} (use one of {', '.join(KINDS)})")
    document = _document(data, kind, BUILDERS[kind](data))
    pages = render_pdf(document, out)
    log.info("%s report written for patient id=%d: %d pages", kind, data.patient.id, pages)
    return pages
