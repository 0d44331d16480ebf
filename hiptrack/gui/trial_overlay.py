"""One muscle's trials drawn over each other per side, aligned at onset (t = 0 at each trial's onset).

The data is plain (hiptrack.domain.overlay, served by hiptrack.storage.overlays): onset, peaks and
the RFD windows are the analysis's own, never recomputed here. Counted trials are solid lines in the
side's colour; trials not counted (rejected, auto-rejected, awaiting a decision) are dashed and grey;
each trial's number sits at its peak. Trials that cannot be drawn are listed under the plots with why.
pyqtgraph is imported when the first overlay is drawn, not at start-up (it takes about a second).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiptrack.domain.overlay import COUNTED, AlignedTrial, SideOverlay
from hiptrack.domain.units import from_newtons
from hiptrack.reports.translation import label

if TYPE_CHECKING:
    import pyqtgraph as pg


def _load_pyqtgraph() -> None:
    global pg
    import pyqtgraph as pg

SIDE_COLOURS = {"left": "#1f5fa8", "right": "#c0561b"}  # as the bars and the Progress charts
NOT_COUNTED_COLOUR = "#8a8a8a"
RFD_BRUSHES = ((255, 196, 0, 70), (255, 196, 0, 30))  # 0–100 ms darker than 100–200 ms
LEAD_S = 0.3  # shown before onset: the rest the onset was traced back to


def side_name(side: str) -> str:
    names = {"left": QCoreApplication.translate("TrialOverlay", "Left"),
             "right": QCoreApplication.translate("TrialOverlay", "Right")}
    return names.get(side, side)


@dataclass
class _SidePlot:
    """One side's plot and the items it keeps: fed with each visit's trials, the extra ones hidden."""

    plot: pg.PlotItem
    regions: list[pg.LinearRegionItem] = field(default_factory=list)
    curves: list[pg.PlotDataItem] = field(default_factory=list)
    peaks: list[pg.PlotDataItem] = field(default_factory=list)


class TrialOverlay(QWidget):
    """Kept from one muscle or patient to the next (`show_sides`): the plots and their curves are
    fed with `setData`, as making the plots cost most of a patient switch (issue 13)."""

    def __init__(self, sides: Mapping[str, SideOverlay], unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _load_pyqtgraph()
        self.unit = unit
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setBackground("w")
        # As tall as the table beside it, never taller: one muscle's block fits a 1280×800 screen.
        self.graphs.setMinimumHeight(220)
        self.graphs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, list[tuple[AlignedTrial, pg.PlotDataItem]]] = {}
        self._sides: dict[str, _SidePlot] = {}
        self._arrangement: tuple[tuple[str, ...], str] | None = None
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.caption.setObjectName("overlayCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphs, 1)
        layout.addWidget(self.caption)
        self.show_sides(sides, unit)

    def show_sides(self, sides: Mapping[str, SideOverlay], unit: str) -> None:
        """Draw these trials instead of the ones shown."""
        # A side with nothing to draw gets no empty plot: the caption lists its trials and why.
        shown = tuple(side for side in ("left", "right") if side in sides and any(t.drawn for t in sides[side].trials))
        if self._arrangement != (shown, unit):  # other sides or another unit: other plots and axis labels
            self._arrange(shown, unit)
        self.curves = {}
        for side in shown:
            self._fill(side, sides[side])
        self.caption.setText(caption_html(sides))

    def forget(self) -> None:
        """Hold no trials (the overlay is hidden): nothing of a previous patient stays in it."""
        for side, kept in self._sides.items():
            for item in (*kept.curves, *kept.peaks):
                item.setData([], [])
                item.hide()
            self.curves[side] = []
        self.caption.clear()

    def _arrange(self, shown: tuple[str, ...], unit: str) -> None:
        self.graphs.clear()
        self.unit = unit
        self.plots, self._sides = {}, {}
        for index, side in enumerate(shown):
            plot = self._plot(index, side, last=index == len(shown) - 1)
            self.plots[side] = plot
            self._sides[side] = _SidePlot(plot)
        if len(self.plots) == 2:
            self.plots["right"].setXLink(self.plots["left"])
            self.plots["right"].setYLink(self.plots["left"])  # one scale: the sides compare at a glance
        self._arrangement = (shown, unit)

    def _plot(self, row: int, side: str, *, last: bool) -> pg.PlotItem:
        plot = self.graphs.addPlot(row=row, col=0)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMouseEnabled(x=True, y=False)  # the wheel zooms time (the RFD windows); force follows the data
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        # The side names the axis (no title row): the height goes to the curves.
        plot.setLabel("left", f"{side_name(side)} ({self.unit})", color=SIDE_COLOURS[side])
        if last:
            plot.setLabel("bottom", QCoreApplication.translate("TrialOverlay", "seconds from onset"))
        else:
            plot.getAxis("bottom").setStyle(showValues=False)  # the plot below, time-linked, shows them
        plot.addItem(pg.InfiniteLine(0.0, angle=90, pen=pg.mkPen("#444444", style=Qt.PenStyle.DashLine)))
        return plot

    def _fill(self, side: str, overlay: SideOverlay) -> None:
        kept = self._sides[side]
        start = 0.0
        for index, (window, brush) in enumerate(zip(overlay.rfd_windows_s, RFD_BRUSHES, strict=False)):
            if index == len(kept.regions):
                region = pg.LinearRegionItem((start, window), movable=False, brush=pg.mkBrush(*brush),
                                             pen=pg.mkPen(None))
                region.setZValue(-10)
                kept.plot.addItem(region)
                kept.regions.append(region)
            kept.regions[index].setRegion((start, window))
            kept.regions[index].show()
            start = window
        for region in kept.regions[len(overlay.rfd_windows_s):]:
            region.hide()
        scale = from_newtons(1.0, self.unit)  # units are linear in N
        drawn = [t for t in overlay.trials if t.drawn]
        self.curves[side] = []
        for index, trial in enumerate(drawn):
            assert trial.t_s is not None and trial.force_n is not None
            if index == len(kept.curves):
                kept.curves.append(kept.plot.plot([], [], connect="finite"))
                kept.peaks.append(kept.plot.plot([], [], pen=None, symbol="o", symbolSize=7))
            curve, peak = kept.curves[index], kept.peaks[index]
            counted = trial.status == COUNTED
            colour = SIDE_COLOURS[side] if counted else NOT_COUNTED_COLOUR
            curve.setPen(pg.mkPen(colour, width=2 if counted else 1.5,
                                  style=Qt.PenStyle.SolidLine if counted else Qt.PenStyle.DashLine))
            keep = trial.t_s >= -LEAD_S
            curve.setData(trial.t_s[keep], trial.force_n[keep] * scale, connect="finite")
            curve.setZValue(1 if counted else 0)  # counted trials on top
            curve.show()
            self.curves[side].append((trial, curve))
            if trial.peak_t_s is not None and trial.peak_n is not None:
                # A dot, not a number: a side's peaks lie close together on the plateau and numbers collide.
                peak.setData([trial.peak_t_s], [trial.peak_n * scale], pen=None, symbol="o", symbolSize=7,
                             symbolPen=pg.mkPen("#222222"), symbolBrush=pg.mkBrush(colour if counted else "w"))
                peak.setZValue(2)
                peak.show()
            else:
                peak.setData([], [])
                peak.hide()
        for item in (*kept.curves[len(drawn):], *kept.peaks[len(drawn):]):
            item.setData([], [])
            item.hide()
        end = max(float(t.t_s[-1]) for t in drawn if t.t_s is not None)
        kept.plot.setXRange(-LEAD_S, end, padding=0.02)


def drawable(sides: Mapping[str, SideOverlay]) -> bool:
    return any(t.drawn for overlay in sides.values() for t in overlay.trials)


def caption_html(sides: Mapping[str, SideOverlay]) -> str:
    """The legend, in words (what a line style means), and every trial that is not drawn, with why."""
    from hiptrack.gui.trial_screen import reason_text  # the usual reject reasons in the reader's language

    lines: list[str] = []
    if drawable(sides):  # nothing drawn: no legend for lines that are not there
        lines.append(QCoreApplication.translate(
            "TrialOverlay", "Trials aligned at onset (dashed line, t = 0). Solid: counted; dashed grey: not counted; "
            "dot: peak; shaded: RFD 0–100 and 0–200 ms."))
    for side in ("left", "right"):
        overlay = sides.get(side)
        if overlay is None:
            continue
        notes = []
        listed: dict[str, list[int]] = {}  # why → trial numbers: "trials 1, 2, 3: no trace (typed in)"
        for trial in overlay.trials:
            if not trial.drawn:
                status = "" if trial.status == COUNTED else f", {reason_text(trial.reason or trial.status)}"
                listed.setdefault(f"{label(trial.missing or '')}{status}", []).append(trial.number)
            elif trial.status != COUNTED:
                notes.append(QCoreApplication.translate("TrialOverlay", "trial {n} not counted: {why}").format(
                    n=trial.number, why=reason_text(trial.reason or "")))
        for why, numbers in listed.items():
            text = (QCoreApplication.translate("TrialOverlay", "trial {n}: {why}") if len(numbers) == 1
                    else QCoreApplication.translate("TrialOverlay", "trials {n}: {why}"))
            notes.append(text.format(n=", ".join(str(n) for n in numbers), why=why))
        if notes:
            lines.append(f"{side_name(side)}: " + "; ".join(notes))
    return "<br>".join(html.escape(line) for line in lines)


__all__ = ["TrialOverlay", "caption_html"]
