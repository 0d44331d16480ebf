"""Progress on one timeline: strength, asymmetry, exercise adherence and resistance, pain and ODI.

Linked pyqtgraph panels share the time axis: zooming or panning one moves them all, and a
crosshair shows every panel's values at the visit nearest the mouse. The series are those of
`hiptrack.reports.build` (the same numbers as the PDFs): strength per muscle and side in the
chosen metric with ± MDC error bars where the MDC is in that unit and the norm band where a norm
applies; asymmetry with the clinic's threshold bands.

Also here: PNG/SVG export of the charts, the three PDF reports, and the full-screen patient view.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.gui.dialogs.visit_report_dialog import VisitReportDialog
from hiptrack.gui.patient_view import PatientView, ensure_pin_exists
from hiptrack.gui.refresh_when_shown import RefreshWhenShown
from hiptrack.reports import charts as rc
from hiptrack.reports import formatting as F
from hiptrack.reports.build import (
    METRICS,
    ReportData,
    ReportDataCache,
    ReportError,
    asymmetry_series,
    load_report_data,
    metric_title,
    report_file_name,
    strength_series,
    unit_label,
)
from hiptrack.reports.render import write_report
from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.audit import record_access
from hiptrack.storage.database import Database
from hiptrack.storage.errors import StorageError

if TYPE_CHECKING:
    import pyqtgraph as pg
    import pyqtgraph.exporters

log = logging.getLogger(__name__)


def _load_pyqtgraph() -> None:
    """pyqtgraph takes about a second to import: it is loaded when the charts are first drawn,
    not at start-up."""
    global pg
    import pyqtgraph as pg
    import pyqtgraph.exporters  # noqa: F401  (registers the image exporter)

SIDE_STYLE = {  # colour, symbol, line style: sides differ by more than colour
    "left": ("#1f5fa8", "o", Qt.PenStyle.SolidLine),
    "right": ("#c0561b", "s", Qt.PenStyle.DashLine),
}
MUSCLE_COLOURS = ("#6a3d9a", "#1b7f6b", "#8c6d1f", "#444444")
BAND_BRUSHES = {"green": (46, 160, 67, 40), "amber": (230, 160, 0, 60), "red": (210, 50, 40, 50)}
TITLE_SIZE = "10pt"  # the panels' title type


def locale_tick(spec_format: str, moment: dt.datetime) -> str:
    """pyqtgraph's strftime tick format with the month and weekday names in the reader's language
    ("%b" → "Sept." in German); the numbers as strftime writes them."""
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    text = spec_format.replace("%b", locale.monthName(moment.month, short))
    text = text.replace("%a", locale.dayName(moment.isoweekday(), short))
    return moment.strftime(text)


def grid_line_rect(p1: QPointF, p2: QPointF) -> QRectF | None:
    """The pixels a 1-pixel square-capped horizontal or vertical line covers, as a rectangle;
    None for a slanted line."""
    if p1.y() == p2.y():
        return QRectF(min(p1.x(), p2.x()) - 0.5, p1.y() - 0.5, abs(p2.x() - p1.x()) + 1.0, 1.0)
    if p1.x() == p2.x():
        return QRectF(p1.x() - 0.5, min(p1.y(), p2.y()) - 0.5, 1.0, abs(p2.y() - p1.y()) + 1.0)
    return None


class _FillTranslucentLines:
    """Draw an axis's translucent grid lines as filled 1-pixel rectangles.

    Qt's raster engine blends a translucent line pixel by pixel: the five panels' grids took about
    75 ms of every paint, most of a patient switch's painting (issue 13). A filled rectangle of the
    same colour covers the same pixels (the line is one pixel wide, its square caps half a pixel
    long) and is blended a row at a time."""

    def drawPicture(self, p: QPainter, axisSpec: Any, tickSpecs: list[Any], textSpecs: Any) -> None:  # pyqtgraph override
        lines = []
        for pen, p1, p2 in tickSpecs:
            rect = grid_line_rect(p1, p2)
            if (rect is not None and pen.color().alpha() < 255 and pen.style() == Qt.PenStyle.SolidLine
                    and pen.widthF() <= 1.0):
                p.fillRect(rect, pen.color())
            else:
                lines.append((pen, p1, p2))
        super().drawPicture(p, axisSpec, lines, textSpecs)  # type: ignore[misc]


@functools.cache
def _axis_class() -> type:
    """The panels' left and right axes: pyqtgraph's, with the grid filled (`_FillTranslucentLines`)."""
    return type("PanelAxis", (_FillTranslucentLines, pg.AxisItem), {})


@functools.cache
def _date_axis_class() -> type:
    """A DateAxisItem naming months and weekdays in the reader's language: pyqtgraph's own uses
    strftime, which writes the C locale's English names whatever the app's language."""

    class LocaleDateAxis(_FillTranslucentLines, pg.DateAxisItem):
        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # pyqtgraph override
            spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
            if spec is None or ("%b" not in spec.format and "%a" not in spec.format):
                return list(super().tickStrings(values, scale, spacing))
            return [locale_tick(spec.format, dt.datetime.fromtimestamp(v, dt.UTC)) for v in values]

    return LocaleDateAxis


def ts(day: dt.date) -> float:
    """A date as the UTC timestamp of its noon (the axis shows UTC: no time-zone shift of a day)."""
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()


# Marked here, translated where shown (ProgressPage._redraw).
MARKED_POINTS = QT_TRANSLATE_NOOP("ProgressPage", "Points marked † rest on a typical lever arm or a body mass "
                                  "carried forward from an earlier date, not on a measurement of that day; hover a "
                                  "point for why.")


def side_name(side: str) -> str:
    """"Left" or "Right", as a legend and the readout name a side."""
    return translate("ProgressPage", "Left") if side == "left" else translate("ProgressPage", "Right")


def threshold(value: float) -> str:
    """A clinic's cut-off as the legend writes it: "10", "12.5" (the locale's decimal mark)."""
    return F.number(value, 0 if float(value).is_integer() else 1)


class Panel:
    """One plot and the values it shows, for the hover text."""

    def __init__(self, plot: pg.PlotItem, title: str, unit: str, line: pg.InfiniteLine) -> None:
        self.plot, self.title, self.unit, self.line = plot, title, unit, line
        self.values: dict[str, dict[float, float]] = {}  # series label → {timestamp: value}
        self.marks: dict[str, dict[float, str]] = {}  # series label → {timestamp: why it is not measured}

    def add_values(self, label: str, xs: list[float], ys: list[float], marks: list[str] | None = None) -> None:
        self.values.setdefault(label, {}).update(zip(xs, ys, strict=True))
        marked = {x: m for x, m in zip(xs, marks or [], strict=False) if m}
        if marked:
            self.marks.setdefault(label, {}).update(marked)

    def text_near(self, x: float, tolerance_s: float) -> str | None:
        """This panel's values at its own point nearest `x` (within the tolerance), with the date."""
        parts, why = [], []
        for series, points in self.values.items():
            if not points:
                continue
            nearest = min(points, key=lambda p: abs(p - x))
            if abs(nearest - x) <= tolerance_s:
                day = dt.datetime.fromtimestamp(nearest, dt.UTC).date()
                mark = self.marks.get(series, {}).get(nearest, "")
                dagger = " †" if mark else ""
                value = F.number(points[nearest], 1) + (f" {self.unit}" if self.unit else "")
                parts.append(f"{series} {value}{dagger} ({F.date_in_words(day)})")
                if mark:
                    why.append(f"† {series.lower()}: {label(mark)}")
        if not parts:
            return None
        text = f"{self.title.split(' — ')[0].split(' (')[0]}: " + ", ".join(parts)
        return text + (f" ({'; '.join(why)})" if why else "")


# The kept items of the panels (KeptPlot), made once with their style; the data come per patient.

def _side_curve(side: str) -> pg.PlotDataItem:
    colour, symbol, style = SIDE_STYLE[side]
    return pg.PlotDataItem(pen=pg.mkPen(colour, width=2, style=style), symbol=symbol, symbolSize=8,
                           symbolPen=pg.mkPen(colour))


def _dagger(colour: str) -> pg.TextItem:
    return pg.TextItem("†", color=colour, anchor=(-0.3, 0.9))


def _error_bars(colour: str) -> pg.ErrorBarItem:
    return pg.ErrorBarItem(beam=0, pen=pg.mkPen(colour, width=1))


def _band_region(colour: str) -> pg.LinearRegionItem:
    region = pg.LinearRegionItem(orientation="horizontal", movable=False, brush=pg.mkBrush(*BAND_BRUSHES[colour]),
                                 pen=pg.mkPen(None))
    region.setZValue(-10)
    return region


def _asymmetry_curve(n: int) -> pg.PlotDataItem:
    colour = MUSCLE_COLOURS[n % len(MUSCLE_COLOURS)]
    return pg.PlotDataItem(pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine if n % 2 else Qt.PenStyle.SolidLine),
                           symbol="ost"[n % 3], symbolBrush=colour, symbolPen=colour, symbolSize=8)


def _outcome_curve(colour: str, symbol: str) -> pg.PlotDataItem:
    return pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbol=symbol, symbolBrush=colour, symbolPen=colour,
                           symbolSize=8)


class KeptPlot:
    """One panel's plot and its data items by role ("curve left", "errors right", "norm band" …),
    kept from one patient to the next and fed with new data.

    Creating a pyqtgraph curve builds its scatter item and symbol atlas, and adding an item to a
    plot walks the scene: new items per switch were most of drawing the panels (issue 13). An
    item this drawing does not use is hidden; a hidden item counts for no axis range and is not
    exported, and the hover readout reads only the values of this drawing (`Panel.values`)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.items: dict[str, Any] = {}
        self.used: set[str] = set()
        self.legend: list[tuple[Any, str]] = []  # (item, name) as the legend shows them
        self.wanted_legend: list[tuple[Any, str]] = []
        self.heading: tuple[str, str] = ("", "")  # (title, colour) on screen
        self.y_label = ""
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", style=Qt.PenStyle.DotLine))
        plot.addItem(self.line, ignoreBounds=True)
        # The ankle weight's own y axis: a view box in the scene, not in the layout, following the plot's.
        self.right_box: pg.ViewBox | None = None
        self.right_line: pg.PlotDataItem | None = None
        self._follow: Callable[[], None] | None = None
        self.right_used = False
        self._right_shown = False

    def begin(self) -> None:
        """Before drawing another patient (or metric): nothing is used yet."""
        self.used, self.wanted_legend, self.right_used = set(), [], False
        self.line.setVisible(False)

    def item(self, key: str, make: Callable[[], Any]) -> Any:
        """The item of this role, made and added to the plot the first time, shown."""
        found = self.items.get(key)
        if found is None:
            found = self.items[key] = make()
            self.plot.addItem(found)
        found.setVisible(True)
        self.used.add(key)
        return found

    def in_legend(self, item: Any, name: str) -> None:
        self.wanted_legend.append((item, name))

    def title(self, text: str, colour: str = "#222222") -> None:
        if self.heading != (text, colour):
            self.plot.setTitle(text, color=colour, size=TITLE_SIZE)
            self.heading = (text, colour)

    def left_label(self, text: str) -> None:
        if self.y_label != text:
            self.plot.setLabel("left", text)
            self.y_label = text

    def right_curve(self) -> pg.PlotDataItem:
        """The curve on the right-hand axis (kg), with its view box made the first time."""
        if self.right_box is None:
            box = pg.ViewBox()
            self.plot.scene().addItem(box)
            box.setXLink(self.plot)
            main = self.plot.getViewBox()

            def follow() -> None:
                box.setGeometry(main.sceneBoundingRect())
                box.linkedViewChanged(main, box.XAxis)

            main.sigResized.connect(follow)
            follow()
            self.right_box, self._follow = box, follow
            self.right_line = pg.PlotDataItem(pen=pg.mkPen("#8c510a", width=2), symbol="d", symbolBrush="#8c510a",
                                              symbolPen="#8c510a", symbolSize=7)
            box.addItem(self.right_line)
        assert self.right_line is not None
        self.right_used = True
        if not self._right_shown:
            self.right_box.setVisible(True)
            axis = self.plot.getAxis("right")
            axis.setStyle(showValues=True)
            axis.enableAutoSIPrefix(False)  # 0.5 kg must read 0.5, not "500 (×0.001)"
            axis.linkToView(self.right_box)
            axis.setLabel("kg")
            self._right_shown = True
        return self.right_line

    def finish(self) -> None:
        """Hide what this drawing did not use; the legend changes only when its entries do."""
        for key, found in self.items.items():
            if key not in self.used:
                found.setVisible(False)
        if self._right_shown and not self.right_used:
            assert self.right_box is not None
            self.right_box.setVisible(False)
            axis = self.plot.getAxis("right")
            axis.linkToView(self.plot.getViewBox())
            axis.setStyle(showValues=False)
            axis.showLabel(False)
            self._right_shown = False
        if [(id(i), n) for i, n in self.wanted_legend] != [(id(i), n) for i, n in self.legend]:
            self.plot.legend.clear()
            for found, name in self.wanted_legend:
                self.plot.legend.addItem(found, name)
            self.legend = self.wanted_legend

    def discard(self) -> None:
        """Before the plot leaves the layout: the right view box lives in the scene, not in the
        plot, and would outlive it (the next paint then crashes)."""
        if self.right_box is not None and self._follow is not None:
            self.plot.getViewBox().sigResized.disconnect(self._follow)
            self.right_box.clear()
            scene = self.right_box.scene()
            if scene is not None:
                scene.removeItem(self.right_box)
        self.plot.setXLink(None)


class ProgressPage(QWidget):
    """Signals: `report_written(path)` after a PDF is saved; `patient_view_opened(patient_id)`."""

    report_written = Signal(str)
    patient_view_opened = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_when_shown = RefreshWhenShown(self, self.refresh)
        self.db = db
        self.patient_id: int | None = None
        self.data: ReportData | None = None
        self.report_cache = ReportDataCache()  # a switch back to a patient reuses the summary
        self.patient_view: PatientView | None = None
        self.panels: list[Panel] = []
        self.strength_curves: dict[tuple[str, str], pg.PlotDataItem] = {}  # (muscle title, side) → curve
        self.error_bars: dict[tuple[str, str], pg.ErrorBarItem] = {}
        self.norm_bands: dict[str, pg.FillBetweenItem] = {}
        self._dates: list[float] = []
        # The panels' plots and their items are kept from one patient to the next and only their
        # data replaced: building a plot (axes, view box, legend) or a curve cost more of a
        # patient switch than the data (KeptPlot).
        self._plots: list[KeptPlot] = []

        self.metric_box = QComboBox()
        for code in METRICS:
            self.metric_box.addItem(metric_title(code), code)
        self.metric_box.setToolTip(self.tr("Strength metric: force, force per kg, torque or torque per kg"))
        self.metric_box.currentIndexChanged.connect(self._redraw)
        self.export_png_button = QPushButton(self.tr("Save as PNG…"))
        self.export_png_button.clicked.connect(lambda: self._export_dialog("png"))
        self.export_svg_button = QPushButton(self.tr("Save as SVG…"))
        self.export_svg_button.clicked.connect(lambda: self._export_dialog("svg"))
        # The documents sit in one menu: six buttons in a row made the page 820 px wide at least, so
        # the patient list could not keep its width on a 1100-pixel window.
        self.documents_button = QToolButton()
        self.documents_button.setText(self.tr("Doc&uments"))
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.documents_button)
        self.clinician_pdf = menu.addAction(self.tr("Clinician summary (PDF)…"), lambda: self._pdf_dialog("clinician"))
        self.patient_pdf = menu.addAction(self.tr("Patient progress summary (PDF)…"), lambda: self._pdf_dialog("patient"))
        self.handout_pdf = menu.addAction(self.tr("Home-exercise handout (PDF)…"), lambda: self._pdf_dialog("program"))
        self.referral_pdf = menu.addAction(self.tr("Referral letter (PDF)…"), lambda: self._pdf_dialog("referral"))
        menu.addSeparator()
        # For the clinic's health record (docs/fhir.md); `hiptrack fhir --import` reads it back.
        self.fhir_button = menu.addAction(self.tr("FHIR bundle for the health record…"), self._fhir_dialog)
        self.fhir_button.setToolTip(self.tr("Strength results as a FHIR R4 bundle for the clinic's electronic "
                                            "health record"))
        self.documents_button.setMenu(menu)
        self.assessment_button = QPushButton(self.tr("Assessment and plan…"))
        self.assessment_button.clicked.connect(self.open_assessment)
        self.patient_view_button = QPushButton(self.tr("Patient view (F11)"))
        self.patient_view_button.clicked.connect(self.open_patient_view)
        self.patient_view_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        self.patient_view_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.patient_view_shortcut.activated.connect(self.open_patient_view)

        # Two rows (chart controls, then documents), so the page fits a 1280-pixel laptop screen.
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Strength as")))
        bar.addWidget(self.metric_box)
        bar.addStretch(1)
        self.reset_view_button = QPushButton(self.tr("Reset view"))
        self.reset_view_button.setToolTip(self.tr("The mouse wheel zooms the time axis; this shows the whole "
                                                  "history again"))
        self.reset_view_button.clicked.connect(self.reset_view)
        for button in (self.reset_view_button, self.export_png_button, self.export_svg_button,
                       self.patient_view_button):
            bar.addWidget(button)
        documents = QHBoxLayout()
        documents.addWidget(self.assessment_button)
        documents.addWidget(self.documents_button)
        documents.addStretch(1)

        self.hover = QLabel(" ")
        self.hover.setObjectName("progressHover")
        self.hover.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self._graphs: pg.GraphicsLayoutWidget | None = None
        self._graphs_holder = QVBoxLayout()
        self._graphs_holder.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(documents)
        layout.addWidget(self.notice)
        layout.addLayout(self._graphs_holder, 1)
        layout.addWidget(self.hover)
        self.set_patient(None)

    # --- data ------------------------------------------------------------------------------------

    def set_patient(self, patient_id: int | None) -> None:
        self.patient_id = patient_id
        self.hover.setText(" ")  # the readout described the previous patient's chart
        for widget in (self.metric_box, self.export_png_button, self.export_svg_button, self.documents_button,
                       self.assessment_button, self.patient_view_button):
            widget.setEnabled(patient_id is not None)
        for action in (self.clinician_pdf, self.patient_pdf, self.handout_pdf, self.referral_pdf, self.fhir_button):
            action.setEnabled(patient_id is not None)
        if patient_id is None:
            self.data = None
            self.notice.setText(self.tr("No patient selected"))
            self._redraw()
            return
        self.refresh_when_shown.request()

    def refresh(self) -> None:
        if self.patient_id is None:
            return
        try:
            with self.db.session() as s:
                self.data = self.report_cache.load(s, self.patient_id)
        except StorageError as exc:
            self.data = None
            self.notice.setText(error_text(exc))
        else:
            self.notice.setText(" ".join(self.data.statements))
        self._redraw()

    @property
    def metric_code(self) -> str:
        return str(self.metric_box.currentData())

    def set_metric(self, code: str) -> None:
        self.metric_box.setCurrentIndex(self.metric_box.findData(code))

    # --- drawing ---------------------------------------------------------------------------------

    def _new_plot(self, row: int, title: str, y_label: str, unit: str, heading: tuple[str, str] | None = None,
                  ) -> tuple[Panel, KeptPlot]:
        """The panel of `row`, emptied; `heading`: (text, colour) above it when not `title`."""
        if row < len(self._plots):
            kept = self._plots[row]
        else:
            kept = KeptPlot(self._build_plot(row))
            self._plots.append(kept)
        kept.begin()
        kept.title(*(heading or (title, "#222222")))
        kept.left_label(y_label)
        panel = Panel(kept.plot, title, unit, kept.line)
        self.panels.append(panel)
        return panel, kept

    def _build_plot(self, row: int) -> pg.PlotItem:
        """A panel's plot with everything that does not depend on the patient."""
        graphs = self.graphs  # first: it imports pyqtgraph
        axis = _date_axis_class()(orientation="bottom", utcOffset=0)
        plot = graphs.addPlot(row=row, col=0, axisItems={"bottom": axis, "left": _axis_class()(orientation="left"),
                                                        "right": _axis_class()(orientation="right")})
        plot.titleLabel.setAttr("justify", "left")  # the legend takes the right of the title row
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        for name in ("left", "bottom"):
            plot.getAxis(name).setPen(pg.mkPen("#666666"))
            plot.getAxis(name).setTextPen(pg.mkPen("#333333"))
        # The legend sits in the title row, outside the data: parented to the plot, not its view box.
        legend = pg.LegendItem(offset=None, labelTextColor="#222222", colCount=4)
        legend.setParentItem(plot)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-48, -2))
        plot.legend = legend  # KeptPlot.finish fills it
        # The mouse wheel zooms and a drag pans the shared time axis only; each y axis keeps to its data.
        plot.setMouseEnabled(x=True, y=False)
        # Fixed axis widths on both sides keep the linked panels' time axes exactly aligned.
        plot.getAxis("left").setWidth(64)
        plot.showAxis("right")
        plot.getAxis("right").setWidth(44)
        plot.getAxis("right").setStyle(showValues=False)
        plot.getAxis("right").setPen(pg.mkPen("#666666"))
        if self._plots:
            plot.setXLink(self._plots[0].plot)
        return plot

    def _drop_plots(self, keep: int) -> None:
        """Remove the kept plots beyond the first `keep` (this patient has fewer panels)."""
        for kept in self._plots[keep:]:
            kept.discard()
            self.graphs.removeItem(kept.plot)
        del self._plots[keep:]

    @property
    def graphs(self) -> pg.GraphicsLayoutWidget:
        """The linked chart panels, built (and pyqtgraph imported) on first use."""
        if self._graphs is None:
            _load_pyqtgraph()
            self._graphs = pg.GraphicsLayoutWidget()
            self._graphs.setBackground("w")
            self._graphs.scene().sigMouseMoved.connect(self._on_mouse_moved)
            self._graphs_holder.addWidget(self._graphs)
        return self._graphs

    def _redraw(self) -> None:
        if self._graphs is None and self.data is None:
            return  # no charts yet and nothing to chart: pyqtgraph can wait
        self.panels = []
        self.strength_curves, self.error_bars, self.norm_bands = {}, {}, {}
        self._dates = []
        data = self.data
        if data is None:
            self._drop_plots(0)
            return
        row = 0
        metric = self.metric_code
        unit = unit_label(metric, data.display_unit)
        for series in strength_series(data.summary, metric, data.display_unit):
            self._strength_panel(row, series, unit)
            row += 1
        if not data.summary.visits:
            _panel, kept = self._new_plot(row, self.tr("Strength"), unit, unit)
            kept.item("empty", lambda: pg.TextItem(self.tr("No strength tests recorded yet"), color="#666666",
                                                   anchor=(0.5, 0.5)))
            kept.plot.setToolTip("")
            kept.finish()
            row += 1
        self._asymmetry_panel(row)
        self._exercise_panel(row + 1)
        self._outcome_panel(row + 2)
        self._drop_plots(len(self.panels))
        self.reset_view()
        self._dates = sorted({x for p in self.panels for v in p.values.values() for x in v})
        marked = any(p.marks for p in self.panels)
        marked_points = [translate("ProgressPage", MARKED_POINTS)] if marked else []
        self.notice.setText(" ".join([*data.statements, *marked_points]))

    def reset_view(self) -> None:
        """Back to the whole history on the shared time axis (after zooming with the wheel)."""
        x_range = rc.shared_x_range(self.data) if self.data is not None else None
        if x_range is not None and self.panels:
            self.panels[0].plot.setXRange(ts(x_range[0]), ts(x_range[1]), padding=0)

    def _strength_panel(self, row: int, series: Any, unit: str) -> None:
        heading = series.title
        if series.norm:  # named in the title rather than the legend: see below
            heading = self.tr("{series}   (grey band: {norm})").format(series=series.title,
                                                                       norm=label(series.norm_label))
        panel, kept = self._new_plot(row, series.title, unit, unit, (heading, "#222222"))
        for side in ("left", "right"):
            points = getattr(series, side)
            if not points:
                continue
            colour = SIDE_STYLE[side][0]
            xs = [ts(p.day) for p in points]
            ys = [p.value for p in points]
            filled, hollow = pg.mkBrush(colour), pg.mkBrush("w")
            brushes = [filled if p.beyond_mdc is not False else hollow for p in points]
            curve = kept.item(f"curve {side}", functools.partial(_side_curve, side))
            curve.setData(xs, ys, symbolBrush=brushes)
            kept.in_legend(curve, side_name(side))
            self.strength_curves[(series.title, side)] = curve
            marks = [p.mark for p in points]
            panel.add_values(side_name(side), xs, ys, marks)
            daggers = 0
            for x, y, mark in zip(xs, ys, marks, strict=True):
                if mark:  # not a measurement of that day: the dagger is on the chart, the reason on hover
                    dagger = kept.item(f"dagger {side} {daggers}", functools.partial(_dagger, colour))
                    dagger.setPos(x, y)
                    daggers += 1
            errors = [p.error for p in points]
            if all(e is not None for e in errors):
                bars = kept.item(f"errors {side}", functools.partial(_error_bars, colour))
                bars.setData(x=np.array(xs), y=np.array(ys), height=2 * np.array(errors, dtype=float))
                self.error_bars[(series.title, side)] = bars
        if series.norm:
            xs = [ts(b.day) for b in series.norm]
            # The edge curves are in the plot too: a FillBetweenItem whose curves are not in the scene
            # crashes the next paint.
            low = kept.item("norm low", lambda: pg.PlotDataItem(pen=pg.mkPen(None)))
            high = kept.item("norm high", lambda: pg.PlotDataItem(pen=pg.mkPen(None)))
            low.setData(xs, [b.low for b in series.norm])
            high.setData(xs, [b.high for b in series.norm])
            band = kept.item("norm band", lambda: self._norm_band(low, high))
            # Named in the title rather than the legend: a legend sample of a FillBetweenItem crashes
            # the next paint after the plot is cleared (pyqtgraph 0.14).
            self.norm_bands[series.title] = band
        values = [p.value + sign * (p.error or 0.0) for side in ("left", "right") for p in getattr(series, side)
                  for sign in (-1, 1)] + [v for b in series.norm for v in (b.low, b.high)]
        if values:  # a little room above and below the data and its error bars
            low_value, high_value = min(values), max(values)
            span = (high_value - low_value) or abs(high_value) * 0.2 or 1.0
            kept.plot.setYRange(low_value - 0.08 * span, high_value + 0.12 * span, padding=0)
        kept.plot.setToolTip(self.tr("{mdc}; a hollow marker means the change since the previous visit is "
                                     "within the MDC").format(mdc=label(series.mdc_label)) if series.mdc_label else "")
        kept.finish()

    @staticmethod
    def _norm_band(low: pg.PlotDataItem, high: pg.PlotDataItem) -> pg.FillBetweenItem:
        band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(120, 120, 120, 50))
        band.setZValue(-10)
        return band

    def _asymmetry_panel(self, row: int) -> None:
        assert self.data is not None
        t = self.data.summary.settings.thresholds
        title = self.tr("Side-to-side difference (%): ✓ below {amber}, ▲ from {amber}, ■ from {red} (clinic bands)")
        panel, kept = self._new_plot(row, title.format(amber=threshold(t.amber_pct), red=threshold(t.red_pct)),
                                     "%", "%")
        all_series = asymmetry_series(self.data.summary)
        top = max([p.pct for s in all_series for p in s.points] + [t.red_pct * 1.3]) * 1.35
        for low, high, colour in ((0, t.amber_pct, "green"), (t.amber_pct, t.red_pct, "amber"),
                                  (t.red_pct, top, "red")):
            region = kept.item(f"region {colour}", functools.partial(_band_region, colour))
            region.setRegion((low, high))
        for i, s in enumerate(all_series):
            xs = [ts(p.day) for p in s.points]
            ys = [p.pct for p in s.points]
            colour = MUSCLE_COLOURS[i % len(MUSCLE_COLOURS)]
            name = s.title.split(" — ")[0].split(" (")[0]  # short: the legend shares the title row
            curve = kept.item(f"asymmetry {i}", functools.partial(_asymmetry_curve, i))
            curve.setData(xs, ys)
            kept.in_legend(curve, name)
            panel.add_values(name.split(" (")[0], xs, ys)
        kept.plot.setYRange(0, top, padding=0)
        kept.plot.setToolTip("")
        kept.finish()

    def _exercise_panel(self, row: int) -> None:
        assert self.data is not None
        weeks = [w for w in self.data.adherence if w.percent is not None]
        title = self.tr("Home exercise adherence (%) and ankle weight (kg)")
        heading = (title, "#222222") if weeks or self.data.resistance else (
            self.tr("Home exercise adherence: no exercises prescribed yet"), "#666666")
        panel, kept = self._new_plot(row, title, "%", "", heading)
        if weeks:
            xs = [ts(w.week_start) + 3.5 * 86400 for w in weeks]
            ys = [float(w.percent or 0.0) for w in weeks]
            bars = kept.item("adherence", lambda: pg.BarGraphItem(x=[], height=[], width=6 * 86400,
                                                                  brush=pg.mkBrush("#4d9221"), pen=pg.mkPen(None)))
            bars.setOpts(x=xs, height=ys, width=6 * 86400)
            adherence = self.tr("Adherence %")
            kept.in_legend(bars, adherence)
            panel.add_values(adherence, [ts(w.week_start) for w in weeks], ys)
        kept.plot.setYRange(0, 135, padding=0)
        if self.data.resistance:
            line = kept.right_curve()
            xs = [ts(d) for d, _ in self.data.resistance]
            ys = [kg for _, kg in self.data.resistance]
            line.setData(xs, ys)
            assert kept.right_box is not None
            kept.right_box.setYRange(0, max(ys) * 1.5, padding=0)
            kept.in_legend(line, self.tr("Ankle weight (kg, right axis)"))
            panel.add_values(self.tr("Ankle weight kg"), xs, ys)
        kept.plot.setToolTip("")
        kept.finish()

    def _outcome_panel(self, row: int) -> None:
        assert self.data is not None
        styles = {"nprs": (self.tr("NPRS pain"), "#b2182b", "o", 1.0), "odi": (self.tr("ODI ÷ 10"), "#5e3c99", "s", 0.1),
                  "psfs": (self.tr("PSFS function"), "#2166ac", "t", 1.0)}
        by: dict[str, list[tuple[float, float]]] = {}
        for r in self.data.outcomes:
            if not r.voided and r.instrument in styles:
                by.setdefault(r.instrument, []).append((ts(r.recorded_on), r.total))
        title = self.tr("Pain (NPRS 0–10) and disability (ODI 0–100, shown ÷ 10)")
        heading = (title, "#222222") if by else (self.tr("Pain and ODI: no scores recorded yet"), "#666666")
        panel, kept = self._new_plot(row, title, "0–10", "", heading)
        for instrument, points in by.items():
            name, colour, symbol, scale = styles[instrument]
            xs = [x for x, _ in points]
            curve = kept.item(f"outcome {instrument}", functools.partial(_outcome_curve, colour, symbol))
            curve.setData(xs, [y * scale for _, y in points])
            kept.in_legend(curve, name)
            panel.add_values({"odi": "ODI", "nprs": "NPRS", "psfs": "PSFS"}[instrument], xs, [y for _, y in points])
        kept.plot.setYRange(0, 13, padding=0)
        kept.plot.setToolTip("")
        kept.finish()

    # --- hover -----------------------------------------------------------------------------------

    def hover_text(self, x: float) -> str:
        """Each panel's values nearest `x` (a timestamp), within 20 days; a crosshair on every panel."""
        if not self._dates:
            return " "
        nearest = min(self._dates, key=lambda d: abs(d - x))
        lines = []
        for panel in self.panels:
            panel.line.setPos(nearest)
            panel.line.setVisible(True)
            text = panel.text_near(nearest, 20 * 86400)
            if text:
                lines.append(text)
        return "   ·   ".join(lines) or " "

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for panel in self.panels:
            box = panel.plot.getViewBox()
            if box.sceneBoundingRect().contains(pos):
                self.hover.setText(self.hover_text(box.mapSceneToView(pos).x()))
                return

    # --- export ----------------------------------------------------------------------------------

    def export_image(self, path: Path) -> Path:
        """All panels as one PNG or SVG (by the suffix). The page must have been shown once."""
        QApplication.processEvents()
        scene = self.graphs.scene()
        if path.suffix.lower() == ".svg":
            # pyqtgraph 0.14's SVGExporter cannot parse the paths Qt 6.12's QSvgGenerator writes (it
            # fails even on an empty plot), so the scene is painted into a QSvgGenerator directly:
            # still vectors, and every item exactly as on screen.
            source = scene.sceneRect()
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(source.size().toSize())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(self.tr("hiptrack progress charts"))
            painter = QPainter(generator)
            try:
                painter.fillRect(QRectF(0, 0, source.width(), source.height()), Qt.GlobalColor.white)
                scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            finally:
                painter.end()
        else:
            exporter = pg.exporters.ImageExporter(scene)
            exporter.parameters()["width"] = max(1600, int(self.graphs.width() * 2))
            exporter.export(str(path))
        if not path.exists():
            raise OSError(f"{path} was not written")
        return path

    def _export_dialog(self, kind: str) -> None:
        title = self.tr("Save charts as PNG") if kind == "png" else self.tr("Save charts as SVG")
        proposed = f"progress.{kind}"  # i18n: a file name
        name, _ = QFileDialog.getSaveFileName(self, title, proposed, f"{kind.upper()} (*.{kind})")
        if not name:
            return
        path = Path(name) if name.lower().endswith(f".{kind}") else Path(f"{name}.{kind}")
        try:
            self.export_image(path)
        except OSError as exc:
            QMessageBox.critical(self, title, self.tr("Could not save {file}: {problem}").format(file=path.name,
                                                                                                 problem=error_text(exc)))

    def write_pdf(self, kind: str, path: Path, data: ReportData | None = None) -> int:
        if self.patient_id is None:
            raise ReportError("no patient selected")
        if data is None:
            with self.db.session() as s:
                data = load_report_data(s, self.patient_id)
        with self.db.session() as s:
            record_access(s, "print", self.patient_id, "pdf_report", kind=kind, file=path.name)
        pages = write_report(data, kind, path)
        self.report_written.emit(str(path))
        return pages

    def _pdf_dialog(self, kind: str) -> None:
        titles = {"clinician": self.tr("Clinician summary"), "patient": self.tr("Patient progress summary"),
                  "program": self.tr("Home-exercise handout"), "referral": self.tr("Referral letter")}
        if self.patient_id is None:
            return
        try:
            with self.db.session() as s:
                data = load_report_data(s, self.patient_id)
        except (StorageError, ReportError) as exc:
            QMessageBox.critical(self, titles[kind], self.tr("Could not prepare the report: {problem}").format(problem=error_text(exc)))
            return
        if kind == "referral" and (data.visit_report is None or not data.visit_report.referrer):
            QMessageBox.critical(self, titles[kind], self.tr("No referrer is entered for this visit: write the name "
                                                             "and address under Assessment and plan… first."))
            return
        # The dialog asks before replacing an existing file (Qt's default), so a filed report is kept.
        proposed = report_file_name(data.patient.chart_number, data.as_of, kind)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save {document}").format(document=titles[kind]), proposed,
                                              self.tr("PDF (*.pdf)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.write_pdf(kind, path, data)
            finally:
                QApplication.restoreOverrideCursor()
        except (OSError, StorageError, ReportError) as exc:
            QMessageBox.critical(self, titles[kind], self.tr("Could not write {file}: {problem}").format(
                file=path.name, problem=error_text(exc)))

    def open_assessment(self) -> VisitReportDialog | None:
        """The assessment and plan of the visit this page reports on (the latest with results)."""
        if self.data is None or self.data.visit_id is None:
            QMessageBox.information(self, self.tr("Assessment and plan"), self.tr(
                "This patient has no visit yet: start a visit on the Strength page first."))
            return None
        visit_date = self.data.current.date if self.data.current is not None else self.data.as_of
        dialog = VisitReportDialog(self.db, self.data.visit_id, f"{self.data.patient.display_name} "
                                   f"({self.data.patient.chart_number})", visit_date, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def write_fhir(self, path: Path) -> int:
        """The patient's FHIR bundle to `path`; returns the number of observations in it."""
        from hiptrack.storage.fhir_io import export_bundle, write_bundle

        if self.patient_id is None:
            raise ReportError("no patient selected")
        with self.db.session() as s:
            bundle = export_bundle(s, self.patient_id)
        write_bundle(bundle, path)
        self.report_written.emit(str(path))
        return sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")

    def _fhir_dialog(self) -> None:
        title = self.tr("FHIR bundle")
        if self.patient_id is None or self.data is None:
            return
        proposed = f"{self.data.patient.chart_number}_{self.data.as_of.isoformat()}_fhir.json"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save {document}").format(document=title), proposed,
                                              self.tr("FHIR JSON (*.json)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".json") else Path(f"{name}.json")
        try:
            self.write_fhir(path)
        except (StorageError, ReportError) as exc:
            QMessageBox.critical(self, title, self.tr("Could not write {file}: {problem}").format(
                file=path.name, problem=error_text(exc)))

    # --- patient view ----------------------------------------------------------------------------

    def open_patient_view(self) -> PatientView | None:
        if self.patient_id is None:
            return None
        if not ensure_pin_exists(self.db, self):
            QMessageBox.information(self, self.tr("Patient view"), self.tr(
                "The patient view needs a clinician PIN to leave it, so it opens once a PIN is set."))
            return None
        self.patient_view = PatientView(self.db, self.patient_id)
        self.patient_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.patient_view.left.connect(self._patient_view_left)
        self.patient_view.open_full_screen()
        self.patient_view_opened.emit(self.patient_id)
        return self.patient_view

    def _patient_view_left(self) -> None:
        self.patient_view = None

