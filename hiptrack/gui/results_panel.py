"""The results of one visit, per muscle: scores, normalised values, asymmetry, norms and change.

Every number comes from the domain summary (hiptrack.storage.results.patient_summary); this module
only words and formats them. Flags carry a word and a symbol, never colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from hiptrack.domain.asymmetry import SIDE_TITLES, SIDE_WORDS
from hiptrack.domain.norms import bare_reason
from hiptrack.domain.overlay import SideOverlay
from hiptrack.domain.positions import POSITIONS
from hiptrack.domain.summary import PROVENANCE_MARK, MuscleSummary, VisitSummary
from hiptrack.domain.units import from_newtons
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import label, translate

if TYPE_CHECKING:
    from hiptrack.gui.trial_overlay import TrialOverlay

OverlayKey = tuple[str, str, str]  # (muscle, position, method), as hiptrack.storage.overlays keys them
OVERLAY_WIDTH = 310

FLAG_COLOURS = {"green": "#1b7f3b", "amber": "#9a6700", "red": "#b42318"}


def fmt(value: float | None, decimals: int = 1, suffix: str = "") -> str:
    return "—" if value is None else F.number(value, decimals) + suffix


def force_text(value_n: float | None, unit: str) -> str:
    return "—" if value_n is None else f"{F.number(from_newtons(value_n, unit), 1)} {unit}"


def muscle_name(muscle: str) -> str:
    """'Gluteus medius', 'Gluteus maximus' (a muscle not known here: its code in words)."""
    if muscle == "gluteus_medius":
        return translate("ResultsPanel", "Gluteus medius")
    if muscle == "gluteus_maximus":
        return translate("ResultsPanel", "Gluteus maximus")
    return muscle.replace("_", " ").capitalize()


def side_title(side: str) -> str:
    """'Left' / 'Right' (a table's column, a bar's name)."""
    return label(SIDE_TITLES.get(side, side))


def side_word(side: str | None) -> str:
    """'left' / 'right' inside a sentence."""
    return label(SIDE_WORDS.get(side or "", side or ""))


def basis_word(basis: str | None) -> str:
    """The quantity an asymmetry compared, inside a sentence: 'force' or 'torque'."""
    if basis == "torque":
        return translate("ResultsPanel", "torque")
    return translate("ResultsPanel", "force")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 31st; each English ending is a text of its own, so a
    language writes its own ("{n}." in German) without a placeholder the English source lacks."""
    ending = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if ending == "st":
        text = translate("ResultsPanel", "{n}st")
    elif ending == "nd":
        text = translate("ResultsPanel", "{n}nd")
    elif ending == "rd":
        text = translate("ResultsPanel", "{n}rd")
    else:
        text = translate("ResultsPanel", "{n}th")
    return text.format(n=n)


class Footnotes:
    """Citations and reasons said once under the table, referred to as [1], [2] in the cells: a
    source or a 'no reference' reason is the same for both sides and need not fill both columns."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def cite(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)
        return f"[{self.texts.index(text) + 1}]"

    def html(self) -> str:
        if not self.texts:
            return ""
        items = "<br>".join(f"[{n}] {html.escape(t)}" for n, t in enumerate(self.texts, start=1))
        return f"<p style='color:#555'>{items}</p>"


def norm_text(norm: dict[str, Any] | None, notes: Footnotes | None = None) -> str:
    notes = notes or Footnotes()
    if not norm:
        return "—"
    if not norm.get("available"):
        why = label(bare_reason(norm.get("reason")))
        none = translate("ResultsPanel", "no reference")
        return f"{none} {notes.cite(why)}" if why else none
    source = notes.cite(label(str(norm.get("source"))) if norm.get("source")
                        else translate("ResultsPanel", "source not recorded"))
    if norm.get("kind") == "z_score":
        percentile = round(norm["percentile"])
        return translate("ResultsPanel", "z {z} ({percentile} percentile) {source}").format(
            z=F.signed(norm["z"], 2), percentile=ordinal(percentile), source=source)
    return translate("ResultsPanel", "{percent} % of predicted ({band}) {source}").format(
        percent=F.number(norm["percent_predicted"], 0), band=label(str(norm.get("band") or "")), source=source)


def lsi_versus_flag_html(row: MuscleSummary) -> str:
    """Say in words why the LSI passes while the asymmetry flag is red: the involved side is the
    stronger one, so the index (involved ÷ uninvolved) is high and the difference is the other way."""
    if not row.lsi_pass or row.flag != "red" or row.lsi_pct is None or row.lsi_pct < 100.0:
        return ""
    text = translate("ResultsPanel", "<p><b>Why the LSI passes while the difference is red:</b> the involved side is "
                     "the stronger one here (LSI {lsi} %), so the index clears the pass mark, but the uninvolved "
                     "{side} side is weaker by {difference} %. Look at the uninvolved side too.</p>")
    return text.format(lsi=F.number(row.lsi_pct, 0), side=html.escape(side_word(row.weaker_side)),
                       difference=F.number(row.asymmetry_pct or 0, 0))


def change_text(change: dict[str, Any] | None, notes: Footnotes | None = None) -> str:
    if not change:
        return "—"
    delta = F.signed(change["delta"], 1, change.get("unit", ""))
    if change.get("beyond_mdc") is True:
        return translate("ResultsPanel", "{change} ◆ beyond MDC {mdc}").format(change=delta,
                                                                               mdc=F.number(change["mdc"], 1))
    if change.get("beyond_mdc") is False:
        return translate("ResultsPanel", "{change} (within MDC {mdc})").format(change=delta,
                                                                               mdc=F.number(change["mdc"], 1))
    if notes is not None:  # the same for every change of this test: said once, under the table
        why = translate("ResultsPanel", "no MDC for this test: a change cannot be judged against measurement error")
        return f"{delta} {notes.cite(why)}"
    return translate("ResultsPanel", "{change} (no MDC for this test)").format(change=delta)


def flag_html(row: MuscleSummary) -> str:
    if row.asymmetry_pct is None:
        return "—"
    colour = FLAG_COLOURS.get(row.flag or "", "#333333")
    difference = F.percent(row.asymmetry_pct, 1)
    if row.weaker_side:
        difference = translate("ResultsPanel", "{difference}, {side} weaker").format(
            difference=difference, side=side_word(row.weaker_side))
    flag = html.escape(label(row.flag_label or ""))
    return (f"<span style='color:{colour}; font-weight:600'>{html.escape(row.flag_symbol or '')} "
            f"{html.escape(difference)} — {flag}</span>")


SIDE_COLOURS = {"left": "#1f5fa8", "right": "#c0561b"}  # the Progress charts' left and right


def bars_html(row: MuscleSummary, unit: str) -> str:
    """Left and right as bars of the quantity the asymmetry compared (torque when the lever arms
    differ), the weaker side named in the flag's colour: the side-to-side picture at a glance."""
    torque = row.asymmetry_basis == "torque"
    values = {side: getattr(row, f"{side}_nm" if torque else f"{side}_n") for side in ("left", "right")}
    if any(v is None for v in values.values()):
        return ""
    top = max(float(v) for v in values.values() if v is not None) or 1.0
    rows = []
    for side, value in values.items():
        assert value is not None
        width = max(2, round(100 * float(value) / top))
        colour = SIDE_COLOURS[side]
        shown = f"{F.number(value, 1)} N·m" if torque else force_text(value, unit)
        weaker = row.weaker_side == side and row.flag not in (None, "green")
        name = html.escape(side_title(side))
        name = f"<b style='color:{FLAG_COLOURS.get(row.flag or '', '#333')}'>{name}</b>" if weaker else name
        # Qt's rich text honours cell widths, not a nested table's own width: the bar is one cell.
        rest = f"<td width='{100 - width}%'></td>" if width < 100 else ""  # i18n: markup
        rows.append(f"<tr><td width='14%'>{name}</td><td width='66%'>"  # i18n: markup
                    f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                    f"<td width='{width}%' height='12' bgcolor='{colour}'>&nbsp;</td>{rest}</tr></table></td>"
                    f"<td>{html.escape(shown)}</td></tr>")
    return f"<table class='bars' width='100%' cellspacing='2' cellpadding='0'>{''.join(rows)}</table>"  # i18n: markup


def grouped_mark_notes(lines: list[str]) -> list[str]:
    """"† Left torque: typical lever" and "† Right torque: typical lever" said once, as "† Left
    torque, Right torque: typical lever": the same reason need not fill one line per value."""
    groups: dict[str, list[str]] = {}
    out: list[str | tuple[str]] = []
    for line in lines:
        what, sep, why = line.removeprefix(f"{PROVENANCE_MARK} ").partition(": ")
        if not line.startswith(PROVENANCE_MARK) or not sep:
            out.append(line)
            continue
        if why not in groups:
            groups[why] = []
            out.append((why,))
        groups[why].append(what)
    return [item if isinstance(item, str) else f"{PROVENANCE_MARK} {', '.join(groups[item[0]])}: {item[0]}"
            for item in out]


def muscle_title(row: MuscleSummary) -> str:
    """'Gluteus medius — Side-lying, short lever, make test'."""
    position = label(POSITIONS[row.position].title) if row.position in POSITIONS else row.position
    if row.method == "make":
        text = translate("ResultsPanel", "{muscle} — {position}, make test")
    elif row.method == "break":
        text = translate("ResultsPanel", "{muscle} — {position}, break test")
    else:
        text = translate("ResultsPanel", "{muscle} — {position}, {method} test")
    return text.format(muscle=muscle_name(row.muscle), position=position, method=row.method)


def muscle_html(row: MuscleSummary, unit: str) -> str:
    return f"<h3>{html.escape(muscle_title(row))}</h3>{muscle_body_html(row, unit)}"


def muscle_body_html(row: MuscleSummary, unit: str) -> str:
    """A muscle's bars, table, footnotes, asymmetry and LSI: everything under its title."""
    footnotes = Footnotes()
    high = translate("ResultsPanel", " ▲ high")
    change_titles = {"previous": translate("ResultsPanel", "Change vs previous"),
                     "baseline": translate("ResultsPanel", "Change vs baseline")}
    lines = [
        (translate("ResultsPanel", "Primary score"), force_text(row.left_n, unit), force_text(row.right_n, unit)),
        ("N/kg", fmt(row.left_n_per_kg, 2) + row.mark("left_n_per_kg"),
         fmt(row.right_n_per_kg, 2) + row.mark("right_n_per_kg")),
        (translate("ResultsPanel", "Torque (Nm)"), fmt(row.left_nm) + row.mark("left_nm"),
         fmt(row.right_nm) + row.mark("right_nm")),
        ("Nm/kg", fmt(row.left_nm_per_kg, 2) + row.mark("left_nm_per_kg"),
         fmt(row.right_nm_per_kg, 2) + row.mark("right_nm_per_kg")),
        (translate("ResultsPanel", "Trial CV"), fmt(row.cv_left_pct, 1, " %") + (high if row.cv_left_exceeds else ""),
         fmt(row.cv_right_pct, 1, " %") + (high if row.cv_right_exceeds else "")),
        (translate("ResultsPanel", "Norm"), norm_text((row.norm or {}).get("left"), footnotes) + row.mark("norm_left"),
         norm_text((row.norm or {}).get("right"), footnotes) + row.mark("norm_right")),
    ] + [
        (change_titles[kind], *(change_text(c, footnotes) + row.change_mark(c)
                                for c in ((row.change.get(kind) or {}).get(side) for side in ("left", "right"))))
        for kind in ("previous", "baseline")
    ]
    body = "".join(
        f"<tr><td nowrap>{html.escape(a)}</td><td>{html.escape(b)}</td><td>{html.escape(c)}</td></tr>"  # i18n: markup
        for a, b, c in lines
    )
    lsi = ""
    if row.lsi_pct is not None:
        verdict = (translate("ResultsPanel", "✓ at or above the pass mark") if row.lsi_pass
                   else translate("ResultsPanel", "▲ below the pass mark"))
        lsi = translate("ResultsPanel", "<p>Limb symmetry index (involved ÷ uninvolved, by {basis}): "
                        "<b>{lsi}</b>{mark} {verdict}</p>").format(
            basis=basis_word(row.asymmetry_basis), lsi=F.percent(row.lsi_pct, 1), mark=row.mark("lsi_pct"),
            verdict=verdict)
        lsi += lsi_versus_flag_html(row)
    # The domain's notes, translated before the same reasons are grouped into one line.
    marked = grouped_mark_notes([label(n) for n in row.mark_notes()])
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in [*marked, *(label(n) for n in row.notes)])
    asymmetry = (translate("ResultsPanel", "Asymmetry by {basis}").format(basis=basis_word(row.asymmetry_basis))
                 if row.asymmetry_basis else translate("ResultsPanel", "Asymmetry"))
    return (
        f"{bars_html(row, unit)}"  # i18n: markup
        f"<table cellspacing='0' cellpadding='2' border='0' width='100%'>"
        f"<tr><th align='left'></th><th align='left'>{html.escape(side_title('left'))}</th>"
        f"<th align='left'>{html.escape(side_title('right'))}</th></tr>{body}</table>"
        f"{footnotes.html()}"
        f"<p>{html.escape(asymmetry)}: {flag_html(row)}"
        f"{html.escape(row.mark('asymmetry_pct'))}</p>{lsi}"
        + (f"<ul style='color:#555'>{notes}</ul>" if notes else "")  # i18n: markup
    )


def no_results_html() -> str:
    return translate("ResultsPanel", "<p>No accepted trials yet at this visit.</p>")


def caveat_html() -> str:
    return translate("ResultsPanel", "<p style='color:#555'>Fixed asymmetry cut-offs are poorly supported: healthy "
                     "people differ by up to 23–40 % between sides (Bohannon &amp; Andrews 1999). Act on "
                     "differences that are consistent and beyond measurement error.</p>")


def visit_header_html(visit: VisitSummary) -> str:
    mass = (f"{F.number(visit.body_mass_kg, 1)} kg" if visit.body_mass_kg
            else translate("ResultsPanel", "not recorded (N/kg and Nm/kg left out)"))
    if visit.body_mass_note:
        mass += f" ({html.escape(label(visit.body_mass_note))})"
    if visit.complete:
        text = translate("ResultsPanel", "<p>Visit {date} · body mass {mass}</p>")
    else:
        text = translate("ResultsPanel", "<p>Visit {date} · body mass {mass} · <b>unfinished</b>: partial results, "
                         "not compared with earlier visits</p>")
    return text.format(date=F.date(visit.date), mass=mass)


def visit_html(visit: VisitSummary | None, unit: str) -> str:
    if visit is None or not visit.muscles:
        return no_results_html()
    return visit_header_html(visit) + "".join(muscle_html(m, unit) for m in visit.muscles) + caveat_html()


class RichLabel(QLabel):
    """A word-wrapped rich-text label that lays out its text once per width.

    Laying out a muscle's table takes 1–2.5 ms, and Qt's layouts ask a label's height for the same
    width several times per change, and its size hint, which tries out widths of its own: 27 ms of a
    patient switch went to the two muscles' tables (issue 13). Heights are kept per width until the
    text, its format or the font changes; the size hint is the height at the label's own width,
    which is the one it is shown at (the layouts place it by stretch and height for width)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self.setText(text)

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:
        width = max(self.width(), self.minimumSizeHint().width())
        return QSize(width, self.heightForWidth(width))


def rich_label(text: str, object_name: str = "") -> QLabel:
    widget = RichLabel(text)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if object_name:
        widget.setObjectName(object_name)
    return widget


def no_trace_html(sides: Mapping[str, SideOverlay]) -> str:
    from hiptrack.gui.trial_overlay import caption_html  # the same words as under a drawn overlay

    return caption_html(sides).replace("<br>", " · ")


class MuscleBlock(QFrame):
    """One muscle's results: title; bars, table and footnotes beside the overlay of each side's trials.

    Kept from one visit (or patient) to the next and given the next muscle's results with `show_row`:
    building the labels and the overlay's plots anew cost most of a patient switch (issue 13)."""

    def __init__(self, row: MuscleSummary, unit: str, sides: Mapping[str, SideOverlay] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("muscleBlock")
        self.title = rich_label("", "muscleTitle")
        self.body = rich_label("")
        self._columns = QHBoxLayout()
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.addWidget(self.body, 1)
        self._overlay: TrialOverlay | None = None  # made when a muscle first has traces to draw
        self._no_traces = rich_label("")
        self._no_traces.hide()
        # What is on screen: None when hidden, so no caller reads a previous muscle's overlay or words.
        self.overlay: TrialOverlay | None = None
        self.no_traces: QLabel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(self._columns)
        layout.addWidget(self._no_traces)
        self.show_row(row, unit, sides)

    def show_row(self, row: MuscleSummary, unit: str, sides: Mapping[str, SideOverlay] | None) -> None:
        from hiptrack.gui.trial_overlay import TrialOverlay, drawable

        self.title.setText(f"<b>{html.escape(muscle_title(row))}</b>")
        self.body.setText(muscle_body_html(row, unit))
        if sides and drawable(sides):
            if self._overlay is None:
                self._overlay = TrialOverlay(sides, unit)
                self._overlay.setFixedWidth(OVERLAY_WIDTH)  # the table keeps the rest, its rows on one line
                self._columns.addWidget(self._overlay)
            else:
                self._overlay.show_sides(sides, unit)
                self._overlay.show()
            self.overlay = self._overlay
        elif self._overlay is not None:
            self._overlay.hide()
            self._overlay.forget()  # a hidden overlay holds no trace of the previous muscle
            self.overlay = None
        if sides and not drawable(sides):  # nothing to draw (typed in, imported, recorded before traces were kept)
            words = " · ".join((html.escape(self.tr("No trial traces to overlay.")), no_trace_html(sides)))
            self._no_traces.setText(f"<span style='color:#555'>{words}</span>")  # i18n: markup only
            self._no_traces.show()
            self.no_traces = self._no_traces
        else:
            self._no_traces.hide()
            self._no_traces.clear()
            self.no_traces = None


class ResultsPanel(QScrollArea):
    """A visit's results, one block per muscle. Given the visit's trial overlays (plain data from
    hiptrack.storage.overlays), each block draws them beside its table; without, the table fills it.

    The labels and blocks are kept and given new texts and data: a new block per muscle, with its
    plots, was built and laid out on every patient switch (issue 13)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(380)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.content.setObjectName("resultsContent")
        self.content.setAutoFillBackground(True)
        self.content.setBackgroundRole(QPalette.ColorRole.Base)
        self._layout = QVBoxLayout(self.content)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.message = rich_label("")  # instead of results: none yet, or why they cannot be computed
        self.header = rich_label("")
        self.caveat = rich_label("")
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.caveat)
        self._layout.addStretch(1)
        self.setWidget(self.content)
        self.blocks: list[MuscleBlock] = []
        self.clear()

    def clear(self) -> None:
        for shown in (self.message, self.header, self.caveat):
            shown.hide()
            shown.clear()
        self._keep_blocks(0)

    def _keep_blocks(self, count: int) -> None:
        """Drop the blocks past the first `count`, at once: none of them is found or shown again."""
        for block in self.blocks[count:]:
            self._layout.removeWidget(block)
            block.setParent(None)
            block.deleteLater()
        del self.blocks[count:]

    def _say(self, text: str, text_format: Qt.TextFormat) -> None:
        self.clear()
        self.message.setTextFormat(text_format)
        self.message.setText(text)
        self.message.show()

    def setHtml(self, text: str) -> None:  # the QTextBrowser calls it replaced, kept for callers
        self._say(text, Qt.TextFormat.RichText)

    def setPlainText(self, text: str) -> None:
        self._say(text, Qt.TextFormat.PlainText)

    def toPlainText(self) -> str:
        """What the panel says, as text (the overlays' captions included). A label put aside is
        emptied (`clear`, `MuscleBlock.show_row`), a block dropped leaves the panel at once."""
        texts = []
        for shown in self.content.findChildren(QLabel):
            if not shown.text():
                continue
            if shown.textFormat() == Qt.TextFormat.PlainText:
                texts.append(shown.text())
            else:
                document = QTextDocument()
                document.setHtml(shown.text())
                texts.append(document.toPlainText())
        return "\n".join(texts)

    def show_visit(self, visit: VisitSummary | None, unit: str,
                   overlays: Mapping[OverlayKey, Mapping[str, SideOverlay]] | None = None) -> None:
        if visit is None or not visit.muscles:
            self.setHtml(no_results_html())
            return
        self.message.hide()
        self.message.clear()
        self.header.setText(visit_header_html(visit))
        self.header.show()
        for index, row in enumerate(visit.muscles):
            sides = (overlays or {}).get((row.muscle, row.position, row.method))
            if index < len(self.blocks):
                self.blocks[index].show_row(row, unit, sides)
            else:
                block = MuscleBlock(row, unit, sides)
                self.blocks.append(block)
                self._layout.insertWidget(2 + index, block)  # after the message and the header
        self._keep_blocks(len(visit.muscles))
        self.caveat.setText(caveat_html())
        self.caveat.show()
