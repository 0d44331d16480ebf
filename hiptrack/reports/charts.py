"""Time charts drawn with QPainter, so a PDF gets vectors (QtGui only: no widgets, no pyqtgraph).

`ChartSpec` is plain data (dates, values, bands); `draw_chart` paints it into a rectangle on any
QPaintDevice (a QPdfWriter page, or a QImage in tests). The spec builders turn report data into
charts: strength per muscle and side with MDC error bars and the norm band, asymmetry with the
clinic's threshold bands, pain/function and ODI, and adherence. Sides differ by colour AND by
marker and line style, so the charts survive black-and-white printing and colour blindness.
Titles, legends and notes are translated (context "Charts") when a spec is built; axis dates and
numbers follow the reader's locale.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from hiptrack.domain import references
from hiptrack.domain.summary import PatientSummary
from hiptrack.reports import formatting as F
from hiptrack.reports.build import AsymmetrySeries, ReportData, StrengthSeries
from hiptrack.reports.translation import translate

LEFT_COLOUR = QColor("#1f5fa8")
RIGHT_COLOUR = QColor("#c0561b")
MUSCLE_COLOURS = (QColor("#6a3d9a"), QColor("#1b7f6b"), QColor("#8c6d1f"), QColor("#444444"))
BAND_COLOURS = {"green": QColor(46, 160, 67, 38), "amber": QColor(230, 160, 0, 56), "red": QColor(210, 50, 40, 46)}
NORM_COLOUR = QColor(120, 120, 120, 45)


@dataclass
class Series:
    label: str
    points: list[tuple[dt.date, float]]
    colour: QColor
    marker: str = "circle"  # circle | square | triangle | diamond
    dashed: bool = False
    errors: list[float | None] = field(default_factory=list)  # ± per point
    filled: list[bool] = field(default_factory=list)  # False draws a hollow marker
    point_labels: list[str] = field(default_factory=list)
    bars: bool = False


@dataclass
class HBand:
    low: float
    high: float
    colour: QColor
    label: str


@dataclass
class TimeBand:
    points: list[tuple[dt.date, float, float]]
    colour: QColor
    label: str


@dataclass
class ChartSpec:
    title: str
    y_label: str
    series: list[Series] = field(default_factory=list)
    hbands: list[HBand] = field(default_factory=list)
    tbands: list[TimeBand] = field(default_factory=list)
    x_range: tuple[dt.date, dt.date] | None = None
    y_min: float | None = None
    y_max: float | None = None
    note: str = ""
    empty_text: str = ""  # "" says "No data yet"

    @property
    def is_empty(self) -> bool:
        return not any(s.points for s in self.series)


# --- scales --------------------------------------------------------------------------------------


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9 * step:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _aligned(day: dt.date, months: int) -> bool:
    if months < 12:
        return (day.month - 1) % months == 0
    return day.month == 1 and day.year % (months // 12) == 0


def _date_text(day: dt.date, pattern: str) -> str:
    """A tick label in the reader's language ("3 Nov", "Nov 2026"; "3. Nov." in German)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def date_ticks(start: dt.date, end: dt.date, max_ticks: int = 7) -> list[tuple[dt.date, str]]:
    span = (end - start).days
    if span <= 70:
        step = max(7, math.ceil(span / max_ticks / 7) * 7)
        first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        out = []
        day = first
        while day <= end:
            out.append((day, _date_text(day, translate("Charts", "d MMM", "a day on a time axis (QDate pattern)"))))
            day += dt.timedelta(days=step)
        return out
    for months in (1, 2, 3, 6, 12, 24, 60):
        day = _add_months(dt.date(start.year, start.month, 1), 1 if start.day > 1 else 0)
        while not _aligned(day, months):
            day = _add_months(day, 1)
        ticks = []
        while day <= end:
            ticks.append(day)
            day = _add_months(day, months)
        if len(ticks) <= max_ticks:
            pattern = "yyyy" if months >= 12 else translate("Charts", "MMM yyyy", "a month on a time axis (QDate pattern)")
            return [(d, _date_text(d, pattern)) for d in ticks]
    return [(start, str(start.year)), (end, str(end.year))]


# --- drawing -------------------------------------------------------------------------------------


def _font(painter: QPainter, size_pt: float, bold: bool = False) -> QFont:
    font = QFont(painter.font())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _marker(painter: QPainter, centre: QPointF, kind: str, r: float) -> None:
    if kind == "square":
        painter.drawRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
    elif kind == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - r * 1.2),
                                       QPointF(centre.x() - r * 1.1, centre.y() + r * 0.8),
                                       QPointF(centre.x() + r * 1.1, centre.y() + r * 0.8)]))
    elif kind == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - r * 1.3), QPointF(centre.x() + r * 1.3, centre.y()),
                                       QPointF(centre.x(), centre.y() + r * 1.3), QPointF(centre.x() - r * 1.3, centre.y())]))
    else:
        painter.drawEllipse(centre, r, r)


def _y_extent(spec: ChartSpec) -> tuple[float, float]:
    values: list[float] = []
    for s in spec.series:
        for i, (_, v) in enumerate(s.points):
            err = s.errors[i] if i < len(s.errors) and s.errors[i] is not None else 0.0
            values += [v - (err or 0.0), v + (err or 0.0)]
    for tb in spec.tbands:
        for _, lo, hi in tb.points:
            values += [lo, hi]
    low = spec.y_min if spec.y_min is not None else (min(values) if values else 0.0)
    high = spec.y_max if spec.y_max is not None else (max(values) if values else 1.0)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0  # one point: ±10 % around it
    if spec.y_min is None and values:
        low -= pad
    if spec.y_max is None and values:
        high += pad
    for band in spec.hbands:
        if spec.y_max is None:
            high = max(high, min(band.low * 1.25, band.high) if math.isinf(band.high) else high)
    if high <= low:
        high = low + 1.0
    return low, high


def _x_extent(spec: ChartSpec) -> tuple[dt.date, dt.date]:
    if spec.x_range is not None:
        return spec.x_range
    days = [d for s in spec.series for d, _ in s.points]
    if not days:
        today = dt.date.today()
        return today - dt.timedelta(days=30), today
    lo, hi = min(days), max(days)
    if (hi - lo).days < 14:
        lo, hi = lo - dt.timedelta(days=7), hi + dt.timedelta(days=7)
    return lo, hi


def draw_chart(painter: QPainter, rect: QRectF, spec: ChartSpec, unit: float) -> None:
    """Paint `spec` into `rect`. `unit` = device units per typographic point (1/72 in)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    title_font = _font(painter, 9.5, bold=True)
    small = _font(painter, 7.5)
    fm_small = QFontMetricsF(small, painter.device())
    fm_title = QFontMetricsF(title_font, painter.device())
    painter.setFont(title_font)
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), fm_title.height()),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     fm_title.elidedText(spec.title, Qt.TextElideMode.ElideRight, rect.width()))
    top = rect.top() + fm_title.height() + 2 * unit
    legend_h = _draw_legend(painter, QRectF(rect.left(), top, rect.width(), rect.height()), spec, small, unit)
    top += legend_h + 3 * unit
    bottom_text = fm_small.height() * (2.2 if spec.note else 1.2)
    left_axis = fm_small.horizontalAdvance("00000.0") + fm_small.height() + 6 * unit
    plot = QRectF(rect.left() + left_axis, top, rect.width() - left_axis - 6 * unit,
                  rect.bottom() - top - bottom_text - 4 * unit)
    if plot.height() < 20 * unit:
        painter.restore()
        return
    painter.setPen(QPen(QColor("#999999"), 0.6 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)  # the legend leaves a marker brush set
    painter.drawRect(plot)
    if spec.is_empty:
        painter.setFont(_font(painter, 9))
        painter.setPen(QColor("#666666"))
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, spec.empty_text or translate("Charts", "No data yet"))
        painter.restore()
        return
    x0, x1 = _x_extent(spec)
    y0, y1 = _y_extent(spec)
    span_days = max((x1 - x0).days, 1)

    def px(day: dt.date) -> float:
        return plot.left() + (day - x0).days / span_days * plot.width()

    def py(value: float) -> float:
        return plot.bottom() - (value - y0) / (y1 - y0) * plot.height()

    painter.save()
    painter.setClipRect(plot)
    for band in spec.hbands:
        hi = y1 if math.isinf(band.high) else band.high
        painter.fillRect(QRectF(plot.left(), py(hi), plot.width(), py(band.low) - py(hi)), band.colour)
    for tband in spec.tbands:
        pts = sorted(tband.points)
        if not pts:
            continue
        if len(pts) == 1:
            d, lo, hi = pts[0]
            pts = [(d - dt.timedelta(days=5), lo, hi), (d + dt.timedelta(days=5), lo, hi)]
        path = QPainterPath(QPointF(px(pts[0][0]), py(pts[0][2])))
        for d, _, hi in pts[1:]:
            path.lineTo(px(d), py(hi))
        for d, lo, _ in reversed(pts):
            path.lineTo(px(d), py(lo))
        path.closeSubpath()
        painter.fillPath(path, tband.colour)
    painter.restore()

    # grid and axes
    painter.setFont(small)
    for value in nice_ticks(y0, y1):
        y = py(value)
        if not plot.top() - 0.5 <= y <= plot.bottom() + 0.5:
            continue
        painter.setPen(QPen(QColor("#e3e3e3"), 0.4 * unit))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#444444"))
        label = F.general(value if abs(value) >= 10 or value == 0 else float(f"{value:.2g}"))
        painter.drawText(QRectF(rect.left(), y - fm_small.height() / 2, left_axis - 3 * unit, fm_small.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
    for day, label in date_ticks(x0, x1):
        x = px(day)
        painter.setPen(QPen(QColor("#e3e3e3"), 0.4 * unit))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(QColor("#444444"))
        w = fm_small.horizontalAdvance(label) + 2 * unit
        painter.drawText(QRectF(x - w / 2, plot.bottom() + 1.5 * unit, w, fm_small.height()),
                         Qt.AlignmentFlag.AlignCenter, label)
    painter.save()
    painter.translate(rect.left() + fm_small.height() * 0.1, plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), fm_small.height()),
                     Qt.AlignmentFlag.AlignCenter, spec.y_label)
    painter.restore()
    if spec.note:
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(plot.left(), plot.bottom() + fm_small.height() * 1.15, plot.width(), fm_small.height()),
                         Qt.AlignmentFlag.AlignLeft, spec.note)
    for band in spec.hbands:
        if band.label:
            mid = (band.low + (y1 if math.isinf(band.high) else min(band.high, y1))) / 2
            if y0 <= mid <= y1:
                painter.setPen(QColor("#555555"))
                painter.drawText(QRectF(plot.right() - 60 * unit, py(mid) - fm_small.height() / 2, 58 * unit,
                                        fm_small.height()), Qt.AlignmentFlag.AlignRight, band.label)

    painter.save()
    painter.setClipRect(plot.adjusted(-4 * unit, -4 * unit, 4 * unit, 4 * unit))
    for s in spec.series:
        _draw_series(painter, s, px, py, plot, unit, small, span_days)
    painter.restore()
    painter.restore()


def _draw_series(painter: QPainter, s: Series, px: Callable[[dt.date], float], py: Callable[[float], float], plot: QRectF, unit: float,
                 small: QFont, span_days: int) -> None:
    pts = sorted(range(len(s.points)), key=lambda i: s.points[i][0])
    if s.bars:
        width = max(plot.width() * 5 / span_days, 0.6 * unit)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(s.colour))
        base = py(0.0)
        for i in pts:
            day, value = s.points[i]
            x = px(day)
            painter.drawRect(QRectF(x, py(value), width, base - py(value)))
        return
    pen = QPen(s.colour, 1.1 * unit)
    if s.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    for n, i in enumerate(pts):
        day, value = s.points[i]
        point = QPointF(px(day), py(value))
        if n == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    painter.drawPath(path)
    err_pen = QPen(s.colour, 0.6 * unit)
    cap = 2.0 * unit
    many = len(pts) > 30
    for i in pts:
        day, value = s.points[i]
        x, y = px(day), py(value)
        err = s.errors[i] if i < len(s.errors) else None
        if err:
            painter.setPen(err_pen)
            painter.drawLine(QPointF(x, py(value - err)), QPointF(x, py(value + err)))
            painter.drawLine(QPointF(x - cap, py(value - err)), QPointF(x + cap, py(value - err)))
            painter.drawLine(QPointF(x - cap, py(value + err)), QPointF(x + cap, py(value + err)))
        painter.setPen(QPen(s.colour, 0.8 * unit))
        filled = s.filled[i] if i < len(s.filled) else True
        painter.setBrush(QBrush(s.colour) if filled else QBrush(QColor("white")))
        _marker(painter, QPointF(x, y), s.marker, (1.3 if many else 1.9) * unit)
        if i < len(s.point_labels) and s.point_labels[i] and not many:
            painter.setFont(small)
            painter.setPen(s.colour)
            painter.drawText(QRectF(x - 8 * unit, y - 11 * unit, 16 * unit, 8 * unit), Qt.AlignmentFlag.AlignCenter,
                             s.point_labels[i])


def _draw_legend(painter: QPainter, rect: QRectF, spec: ChartSpec, font: QFont, unit: float) -> float:
    """Legend entries left to right, wrapping; returns the height used."""
    fm = QFontMetricsF(font, painter.device())
    entries: list[tuple[str, Series | TimeBand | None]] = [(s.label, s) for s in spec.series if s.label]
    entries += [(tb.label, tb) for tb in spec.tbands if tb.label]
    if not entries:
        return 0.0
    painter.setFont(font)
    x, y = rect.left(), rect.top()
    line_h = fm.height() * 1.15
    for text, item in entries:
        w = 16 * unit + fm.horizontalAdvance(text) + 10 * unit
        if x + w > rect.right() and x > rect.left():
            x, y = rect.left(), y + line_h
        cy = y + line_h / 2
        if isinstance(item, Series):
            pen = QPen(item.colour, 1.1 * unit)
            if item.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            if item.bars:
                painter.fillRect(QRectF(x + 2 * unit, cy - 3 * unit, 10 * unit, 6 * unit), item.colour)
            else:
                painter.setPen(pen)
                painter.drawLine(QPointF(x, cy), QPointF(x + 14 * unit, cy))
                painter.setPen(QPen(item.colour, 0.8 * unit))
                painter.setBrush(QBrush(item.colour))
                _marker(painter, QPointF(x + 7 * unit, cy), item.marker, 1.9 * unit)
        elif isinstance(item, TimeBand):
            painter.fillRect(QRectF(x, cy - 3.5 * unit, 14 * unit, 7 * unit), item.colour)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(x + 16 * unit, y, fm.horizontalAdvance(text) + 4 * unit, line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x += w
    return y + line_h - rect.top()


# --- spec builders -------------------------------------------------------------------------------


def strength_chart(series: StrengthSeries, x_range: tuple[dt.date, dt.date] | None = None) -> ChartSpec:
    spec = ChartSpec(title=series.title, y_label=series.unit, x_range=x_range)
    sides = (("left", translate("Charts", "Left"), LEFT_COLOUR, "circle", False),
             ("right", translate("Charts", "Right"), RIGHT_COLOUR, "square", True))
    for side, side_label, colour, marker, dashed in sides:
        points = getattr(series, side)
        spec.series.append(Series(
            label=side_label, points=[(p.day, p.value) for p in points], colour=colour, marker=marker,
            dashed=dashed, errors=[p.error for p in points], filled=[p.beyond_mdc is not False for p in points],
        ))
    if series.norm:
        spec.tbands.append(TimeBand([(b.day, b.low, b.high) for b in series.norm], NORM_COLOUR, series.norm_label))
    notes = [series.mdc_label] if series.mdc_label else []
    notes.append(translate("Charts", "hollow marker: change vs previous visit within MDC"))
    spec.note = "; ".join(notes)
    return spec


def asymmetry_chart(all_series: Sequence[AsymmetrySeries], summary: PatientSummary,
                    x_range: tuple[dt.date, dt.date] | None = None) -> ChartSpec:
    t = summary.settings.thresholds
    spec = ChartSpec(title=translate("Charts", "Side-to-side difference (%), weaker side marked L / R"), y_label="%",
                     x_range=x_range, y_min=0.0)
    spec.hbands = [
        HBand(0.0, t.amber_pct, BAND_COLOURS["green"], f"< {F.general(t.amber_pct)}%"),
        HBand(t.amber_pct, t.red_pct, BAND_COLOURS["amber"], f"≥ {F.general(t.amber_pct)}%"),
        HBand(t.red_pct, math.inf, BAND_COLOURS["red"], f"{'≥' if t.red_includes_edge else '>'} {F.general(t.red_pct)}%"),
    ]
    highest = max([p.pct for s in all_series for p in s.points] + [t.red_pct * 1.3])
    spec.y_max = highest * 1.1
    markers = ("circle", "square", "triangle", "diamond")
    for i, s in enumerate(all_series):
        spec.series.append(Series(
            label=s.title.split(" — ")[0], points=[(p.day, p.pct) for p in s.points],
            colour=MUSCLE_COLOURS[i % len(MUSCLE_COLOURS)], marker=markers[i % len(markers)], dashed=bool(i % 2),
            point_labels=[side_letter(p.weaker_side) for p in s.points],
        ))
    spec.note = translate("Charts", "Bands: the clinic's thresholds. Fixed cut-offs are poorly supported "
                                    "({source}).").format(source=references.BOHANNON_1999.short)
    spec.empty_text = translate("Charts", "Needs both sides tested")
    return spec


def side_letter(side: str | None) -> str:
    """"L" / "R" as the reader's language abbreviates a side: beside a chart's point (the weaker side)
    and in the PDF's set-up table; "" when there is no side."""
    if side == "left":
        return translate("Charts", "L", "left side, one letter")
    if side == "right":
        return translate("Charts", "R", "right side, one letter")
    return (side or "")[:1].upper()


def outcome_charts(data: ReportData, x_range: tuple[dt.date, dt.date] | None = None) -> list[ChartSpec]:
    by: dict[str, list[tuple[dt.date, float]]] = {}
    for r in data.outcomes:
        if not r.voided:
            by.setdefault(r.instrument, []).append((r.recorded_on, r.total))
    pain = ChartSpec(title=translate("Charts", "Pain (NPRS) and function (PSFS)"), y_label="0–10",
                     x_range=x_range, y_min=0.0, y_max=10.0,
                     empty_text=translate("Charts", "No pain or function scores yet"))
    if "nprs" in by:
        pain.series.append(Series(translate("Charts", "NPRS pain (lower is better)"), by["nprs"], QColor("#b2182b"),
                                  "circle"))
    if "psfs" in by:
        pain.series.append(Series(translate("Charts", "PSFS function (higher is better)"), by["psfs"], QColor("#2166ac"),
                                  "triangle", dashed=True))
    odi = ChartSpec(title=translate("Charts", "Disability (ODI total)"), y_label="0–100", x_range=x_range, y_min=0.0,
                    y_max=100.0, empty_text=translate("Charts", "No ODI scores yet"))
    if "odi" in by:
        odi.series.append(Series(translate("Charts", "ODI (lower is better)"), by["odi"], QColor("#5e3c99"), "square"))
    return [pain, odi]


def adherence_chart(data: ReportData, x_range: tuple[dt.date, dt.date] | None = None) -> ChartSpec:
    spec = ChartSpec(title=translate("Charts", "Exercise adherence per week"), y_label="%", x_range=x_range,
                     y_min=0.0, y_max=110.0, empty_text=translate("Charts", "No home exercises prescribed yet"))
    points = [(w.week_start, w.percent) for w in data.adherence if w.percent is not None]
    spec.series.append(Series(translate("Charts", "% of planned sessions"), [(d, float(p)) for d, p in points],
                              QColor("#4d9221"), bars=True))
    return spec


def resistance_chart(data: ReportData, x_range: tuple[dt.date, dt.date] | None = None) -> ChartSpec:
    spec = ChartSpec(title=translate("Charts", "Ankle weight (heaviest per week)"), y_label="kg",
                     x_range=x_range, y_min=0.0, empty_text=translate("Charts", "No resistance logged"))
    spec.series.append(Series(translate("Charts", "Ankle weight"), list(data.resistance), QColor("#8c510a"), "diamond"))
    return spec


def shared_x_range(data: ReportData) -> tuple[dt.date, dt.date] | None:
    """One time axis for every chart of a report (the 'one timeline' of clinical.md §8)."""
    days = [v.date for v in data.summary.visits]
    days += [r.recorded_on for r in data.outcomes]
    days += [w.week_start for w in data.adherence]
    if not days:
        return None
    lo, hi = min(days), max(max(days), data.as_of if data.visit_requested else max(days))
    if (hi - lo).days < 28:
        lo, hi = lo - dt.timedelta(days=10), hi + dt.timedelta(days=10)
    else:
        pad = dt.timedelta(days=max(3, (hi - lo).days // 40))
        lo, hi = lo - pad, hi + pad
    return lo, hi
