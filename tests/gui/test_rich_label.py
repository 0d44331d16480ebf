"""The results' rich-text labels keep their heights per width (issue 13); a kept height must never
outlive the text or font it was measured for, or a table would be cut off or float in space."""

from __future__ import annotations

from hiptrack.gui.results_panel import RichLabel, rich_label


def test_a_new_text_a_new_format_or_a_new_font_is_measured_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = rich_label("<p>one line</p>")
    qtbot.addWidget(label)
    assert isinstance(label, RichLabel)
    short = label.heightForWidth(300)
    assert label.heightForWidth(300) == short  # asked again: the kept height
    long_text = "<p>" + " ".join(["a longer text that wraps"] * 40) + "</p>"
    label.setText(long_text)
    taller = label.heightForWidth(300)
    assert taller > 3 * short
    label.setTextFormat(label.textFormat())  # any format change: measured again, the same text the same height
    assert label.heightForWidth(300) == taller
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.heightForWidth(300) > 1.5 * taller
    label.clear()
    assert label.heightForWidth(300) < short
    # Its size hint is its height at the width it is shown at.
    label.setText(long_text)
    label.resize(400, 10)
    assert label.sizeHint().width() == 400 and label.sizeHint().height() == label.heightForWidth(400)
