"""Results at a glance (issue 17): left and right as bars of the quantity the asymmetry compared,
the weaker side named in the flag's colour."""

from __future__ import annotations

import re

from hiptrack.domain.summary import MuscleSummary
from hiptrack.gui.results_panel import ResultsPanel, bars_html


def row(**kw: object) -> MuscleSummary:
    base = dict(muscle="gluteus_medius", action="hip_abduction", position="hip_abd_sidelying_short", method="make",
                left_n=150.0, right_n=200.0, asymmetry_pct=25.0, weaker_side="left", flag="red",
                flag_label="difference ≥ 20%", flag_symbol="■", asymmetry_basis="force")
    base.update(kw)
    return MuscleSummary(**base)  # type: ignore[arg-type]


def widths(text: str) -> list[int]:
    return [int(w) for w in re.findall(r"<td width='(\d+)%' height='12' bgcolor", text)]


def test_bars_are_proportional_and_the_weaker_side_is_named_in_the_flag_colour() -> None:
    text = bars_html(row(), "N")
    assert widths(text) == [75, 100]
    assert "<b style='color:#b42318'>Left</b>" in text and "150.0 N" in text and "200.0 N" in text


def test_bars_follow_torque_when_the_asymmetry_was_judged_on_torque() -> None:
    """200 N at 0.35 m against 200 N at 0.45 m: equal forces, unequal torques (issue 11)."""
    text = bars_html(row(left_n=200.0, right_n=200.0, left_nm=70.0, right_nm=90.0, asymmetry_pct=22.2,
                         asymmetry_basis="torque"), "N")
    assert widths(text) == [78, 100] and "70.0 N·m" in text and "90.0 N·m" in text


def test_one_side_only_draws_no_bars(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert bars_html(row(right_n=None, asymmetry_pct=None, weaker_side=None, flag=None), "N") == ""
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.setHtml(bars_html(row(), "N"))
    assert "Left" in panel.toPlainText() and "200.0 N" in panel.toPlainText()


def test_a_citation_or_reason_is_said_once_under_the_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: each citation once, as a footnote, not in every column."""
    from hiptrack.gui.results_panel import muscle_html

    why = "no reference: Ramskov 2014 is an eccentric test; a make test is isometric"
    norm = {"available": False, "reason": why}
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.setHtml(muscle_html(row(norm={"left": norm, "right": norm}), "N"))
    text = panel.toPlainText()
    assert text.count("Ramskov 2014 is an eccentric test") == 1
    assert text.count("no reference [1]") == 2
    source = "Ramskov D et al. Normative values of eccentric hip abduction strength. 2014"
    z = {"available": True, "kind": "z_score", "z": -0.5, "percentile": 31.0, "source": source}
    panel.setHtml(muscle_html(row(norm={"left": z, "right": {**z, "z": 0.1, "percentile": 54.0}}), "N"))
    text = panel.toPlainText()
    assert text.count(source) == 1 and "z \u22120.50 (31st percentile) [1]" in text and "z +0.10 (54th percentile) [1]" in text
