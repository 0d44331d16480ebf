"""The results of one visit, per muscle: scores, normalised values, asymmetry, norms and change.

Every number comes from the domain summary (hiptrack.storage.results.patient_summary); this module
only words and formats them. Flags carry a word and a symbol, never colour alone.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from hiptrack.domain.positions import POSITIONS
from hiptrack.domain.summary import MuscleSummary, VisitSummary
from hiptrack.domain.units import from_newtons

FLAG_COLOURS = {"green": "#1b7f3b", "amber": "#9a6700", "red": "#b42318"}


def fmt(value: float | None, decimals: int = 1, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.{decimals}f}{suffix}"


def force_text(value_n: float | None, unit: str) -> str:
    return "—" if value_n is None else f"{from_newtons(value_n, unit):.1f} {unit}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 31st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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
        why = str(norm.get("reason") or "").removeprefix("no reference: ").removeprefix("no reference")
        return f"no reference {notes.cite(why)}" if why else "no reference"
    source = notes.cite(str(norm.get("source") or "source not recorded"))
    if norm.get("kind") == "z_score":
        return f"z {norm['z']:+.2f} ({ordinal(round(norm['percentile']))} percentile) {source}"
    return f"{norm['percent_predicted']:.0f} % of predicted ({norm.get('band') or ''}) {source}"


def lsi_versus_flag_html(row: MuscleSummary) -> str:
    """Say in words why the LSI passes while the asymmetry flag is red: the involved side is the
    stronger one, so the index (involved ÷ uninvolved) is high and the difference is the other way."""
    if not row.lsi_pass or row.flag != "red" or row.lsi_pct is None or row.lsi_pct < 100.0:
        return ""
    return ("<p><b>Why the LSI passes while the difference is red:</b> the involved side is the stronger "
            f"one here (LSI {row.lsi_pct:.0f} %), so the index clears the pass mark, but the uninvolved "
            f"{html.escape(row.weaker_side or '')} side is weaker by {row.asymmetry_pct or 0:.0f} %. Look at the "
            "uninvolved side too.</p>")


def change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return "—"
    unit = change.get("unit", "")
    delta = f"{change['delta']:+.1f} {unit}"
    if change.get("beyond_mdc") is True:
        return f"{delta} ◆ beyond MDC {change['mdc']:.1f}"
    if change.get("beyond_mdc") is False:
        return f"{delta} (within MDC {change['mdc']:.1f})"
    return f"{delta} (no MDC for this test)"


def flag_html(row: MuscleSummary) -> str:
    if row.asymmetry_pct is None:
        return "—"
    colour = FLAG_COLOURS.get(row.flag or "", "#333333")
    weaker = f", {row.weaker_side} weaker" if row.weaker_side else ""
    label = html.escape(row.flag_label or "")
    return (f"<span style='color:{colour}; font-weight:600'>{html.escape(row.flag_symbol or '')} "
            f"{row.asymmetry_pct:.1f} %{weaker} — {label}</span>")


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
        shown = f"{value:.1f} N·m" if torque else force_text(value, unit)
        weaker = row.weaker_side == side and row.flag not in (None, "green")
        label = f"<b style='color:{FLAG_COLOURS.get(row.flag or '', '#333')}'>{side.capitalize()}</b>" if weaker \
            else side.capitalize()
        # Qt's rich text honours cell widths, not a nested table's own width: the bar is one cell.
        rest = f"<td width='{100 - width}%'></td>" if width < 100 else ""
        rows.append(f"<tr><td width='14%'>{label}</td><td width='66%'>"
                    f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                    f"<td width='{width}%' height='12' bgcolor='{colour}'>&nbsp;</td>{rest}</tr></table></td>"
                    f"<td>{html.escape(shown)}</td></tr>")
    return f"<table class='bars' width='100%' cellspacing='2' cellpadding='0'>{''.join(rows)}</table>"


def muscle_html(row: MuscleSummary, unit: str) -> str:
    footnotes = Footnotes()
    position = POSITIONS[row.position].title if row.position in POSITIONS else row.position
    title = f"{row.muscle.replace('_', ' ').capitalize()} — {position}, {row.method} test"
    lines = [
        ("Primary score", force_text(row.left_n, unit), force_text(row.right_n, unit)),
        ("N/kg", fmt(row.left_n_per_kg, 2) + row.mark("left_n_per_kg"),
         fmt(row.right_n_per_kg, 2) + row.mark("right_n_per_kg")),
        ("Torque (Nm)", fmt(row.left_nm) + row.mark("left_nm"), fmt(row.right_nm) + row.mark("right_nm")),
        ("Nm/kg", fmt(row.left_nm_per_kg, 2) + row.mark("left_nm_per_kg"),
         fmt(row.right_nm_per_kg, 2) + row.mark("right_nm_per_kg")),
        ("Trial CV", fmt(row.cv_left_pct, 1, " %") + (" ▲ high" if row.cv_left_exceeds else ""),
         fmt(row.cv_right_pct, 1, " %") + (" ▲ high" if row.cv_right_exceeds else "")),
        ("Norm", norm_text((row.norm or {}).get("left"), footnotes) + row.mark("norm_left"),
         norm_text((row.norm or {}).get("right"), footnotes) + row.mark("norm_right")),
    ] + [
        (f"Change vs {kind}", *(change_text(c) + row.change_mark(c)
                                 for c in ((row.change.get(kind) or {}).get(side) for side in ("left", "right"))))
        for kind in ("previous", "baseline")
    ]
    body = "".join(
        f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td><td>{html.escape(c)}</td></tr>" for a, b, c in lines
    )
    lsi = ""
    if row.lsi_pct is not None:
        verdict = "✓ at or above the pass mark" if row.lsi_pass else "▲ below the pass mark"
        lsi = (f"<p>Limb symmetry index (involved ÷ uninvolved, by {row.asymmetry_basis or 'force'}): "
               f"<b>{row.lsi_pct:.1f} %</b>{row.mark('lsi_pct')} {verdict}</p>")
        lsi += lsi_versus_flag_html(row)
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in [*row.mark_notes(), *row.notes])
    return (
        f"<h3>{html.escape(title)}</h3>"
        f"{bars_html(row, unit)}"
        f"<table cellspacing='0' cellpadding='3' border='0' width='100%'>"
        f"<tr><th align='left'></th><th align='left'>Left</th><th align='left'>Right</th></tr>{body}</table>"
        f"{footnotes.html()}"
        f"<p>Asymmetry{' by ' + row.asymmetry_basis if row.asymmetry_basis else ''}: {flag_html(row)}"
        f"{html.escape(row.mark('asymmetry_pct'))}</p>{lsi}"
        + (f"<ul style='color:#555'>{notes}</ul>" if notes else "")
    )


def visit_html(visit: VisitSummary | None, unit: str) -> str:
    if visit is None or not visit.muscles:
        return "<p>No accepted trials yet at this visit.</p>"
    mass = f"{visit.body_mass_kg:.1f} kg" if visit.body_mass_kg else "not recorded (N/kg and Nm/kg left out)"
    if visit.body_mass_note:
        mass += f" ({html.escape(visit.body_mass_note)})"
    caveat = ("<p style='color:#555'>Fixed asymmetry cut-offs are poorly supported: healthy people differ by up to "
              "23–40 % between sides (Bohannon &amp; Andrews 1999). Act on differences that are consistent and "
              "beyond measurement error.</p>")
    unfinished = ("" if visit.complete else
                  " · <b>unfinished</b>: partial results, not compared with earlier visits")
    return (f"<p>Visit {visit.date.isoformat()} · body mass {mass}{unfinished}</p>"
            + "".join(muscle_html(m, unit) for m in visit.muscles) + caveat)


class ResultsPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(380)

    def show_visit(self, visit: VisitSummary | None, unit: str) -> None:
        self.setHtml(visit_html(visit, unit))
