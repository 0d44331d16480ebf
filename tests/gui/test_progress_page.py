"""The progress page under pytest-qt: linked panels, the metric selector, hover, exports, PDFs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from hiptrack.gui.progress_page import ProgressPage, ts
from hiptrack.storage.clinicians import add_clinician
from hiptrack.storage.database import Database
from tests.unit.reports import data as D

ABD = "Gluteus medius (hip abduction) — Side-lying, short lever, make"
EXT = "Gluteus maximus (hip extension) — Prone, knee 90°, short lever, make"


def show_progress_page(qtbot, db: Database, patient_id: int,  # type: ignore[no-untyped-def]
                       size: tuple[int, int] | None = (1200, 1000)) -> ProgressPage:
    """A progress page on screen (its charts laid out at `size`), showing `patient_id`."""
    widget = ProgressPage(db)
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    widget.set_patient(patient_id)
    QApplication.processEvents()
    return widget


@pytest.fixture
def page(qtbot, sqlite_db: Database) -> ProgressPage:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
    return show_progress_page(qtbot, sqlite_db, pid)


def y_data(page: ProgressPage, title: str, side: str) -> list[float]:
    return list(page.strength_curves[(title, side)].yData)


def test_panels_share_the_time_axis(page: ProgressPage) -> None:
    assert len(page.panels) == 5  # two muscles, asymmetry, exercise, pain/ODI
    first = page.panels[0].plot.getViewBox()
    for panel in page.panels[1:]:
        assert panel.plot.getViewBox().linkedView(0) is first
    first.setXRange(ts(D.dt.date(2026, 9, 1)), ts(D.dt.date(2026, 10, 1)), padding=0)
    QApplication.processEvents()
    assert page.panels[-1].plot.getViewBox().viewRange()[0] == pytest.approx(first.viewRange()[0])


def test_metric_selector_changes_the_data_and_the_error_bars(page: ProgressPage) -> None:
    page.set_metric("n")
    assert y_data(page, ABD, "left") == [150.0, 170.0, 190.0]
    assert not page.error_bars  # the side-lying MDC is in N·m: no bars in the force view
    page.set_metric("nm")
    assert y_data(page, ABD, "left") == pytest.approx([60.0, 68.0, 76.0])
    bars = page.error_bars[(ABD, "left")]
    assert np.allclose(bars.opts["height"], 2 * 12.9, atol=0.1)
    assert EXT not in page.norm_bands  # Harbo is isokinetic: never a band for an HHD test
    page.set_metric("n_per_kg")
    assert y_data(page, ABD, "left") == pytest.approx([150 / 70, 170 / 70, 190 / 70])
    assert not page.norm_bands
    page.set_metric("nm_per_kg")
    assert y_data(page, ABD, "right") == pytest.approx([205 * 0.4 / 70, 208 * 0.4 / 70, 212 * 0.4 / 70])


def test_hover_shows_every_panels_values(page: ProgressPage) -> None:
    page.set_metric("n")
    text = page.hover_text(ts(D.dt.date(2026, 9, 21)))
    assert "Gluteus medius: Left 170.0 N (22 Sep 2026), Right 208.0 N (22 Sep 2026)" in text
    assert "Side-to-side difference: Gluteus medius 18.3 %" in text
    assert "NPRS 6.0" in text and "ODI 34.0" in text
    assert all(panel.line.isVisible() for panel in page.panels)


def test_export_png_and_svg(page: ProgressPage, tmp_path: Path) -> None:
    png = page.export_image(tmp_path / "charts.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = page.export_image(tmp_path / "charts.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<path" in svg  # vectors
    assert "Side-to-side difference" in svg


def test_pdf_buttons_write_reports(page: ProgressPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "handout"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    with qtbot.waitSignal(page.report_written) as blocker:
        page.handout_pdf.trigger()
    assert blocker.args == [str(tmp_path / "handout.pdf")]
    assert (tmp_path / "handout.pdf").read_bytes()[:5] == b"%PDF-"


def test_patient_without_tests_and_no_patient(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session() as s:
        pid = D.add_patient(s, "E-1")
    widget = ProgressPage(sqlite_db)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_patient(pid)
    assert "No strength tests recorded yet." in widget.notice.text()
    assert len(widget.panels) == 4 and not widget.strength_curves
    widget.set_patient(None)
    assert not widget.clinician_pdf.isEnabled() and not widget.panels


def test_f11_opens_the_patient_view_when_a_pin_exists(page: ProgressPage, qtbot,  # type: ignore[no-untyped-def]
                                                      sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        add_clinician(s, "jlee", "J. Lee", pin="246802")
    page.activateWindow()
    page.metric_box.setFocus()
    with qtbot.waitSignal(page.patient_view_opened):
        qtbot.keyClick(page.metric_box, Qt.Key.Key_F11)
    view = page.patient_view
    assert view is not None and view.isVisible()
    assert any("weaker than your right" in s for s in view.sentences)
    view.ask_pin = lambda: "246802"
    assert view.request_leave()
    assert not view.isVisible()


def test_patient_view_does_not_open_without_a_pin(page: ProgressPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hiptrack.gui.progress_page.ensure_pin_exists", lambda db, parent: False)
    monkeypatch.setattr("hiptrack.gui.progress_page.QMessageBox.information", lambda *a, **k: None)
    assert page.open_patient_view() is None and page.patient_view is None


def test_pdf_dialog_proposes_chart_date_and_kind(page: ProgressPage, qtbot,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (proposed.append(a[2]), ("", ""))[1])
    page.clinician_pdf.trigger()
    page.handout_pdf.trigger()
    assert page.data is not None
    chart, day = page.data.patient.chart_number, page.data.as_of.isoformat()
    assert proposed == [f"{chart}_{day}_clinician.pdf", f"{chart}_{day}_handout.pdf"]


def test_fhir_button_writes_a_bundle_of_this_patient(page: ProgressPage, qtbot,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import json

    target = tmp_path / "to the EHR"  # no suffix, a space: the page adds .json
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (proposed.append(a[2]), (str(target), ""))[1])
    with qtbot.waitSignal(page.report_written, timeout=10_000) as written:
        page.fhir_button.trigger()
    assert page.data is not None
    assert proposed == [f"{page.data.patient.chart_number}_{page.data.as_of.isoformat()}_fhir.json"]
    assert written.args == [str(tmp_path / "to the EHR.json")]
    bundle = json.loads((tmp_path / "to the EHR.json").read_text(encoding="utf-8"))
    patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert patient["identifier"][0]["value"] == page.data.patient.chart_number
    assert any(e["resource"]["resourceType"] == "Observation" for e in bundle["entry"])
    page.set_patient(None)
    assert not page.fhir_button.isEnabled()


def test_charts_read_at_a_glance_and_zoom_on_time_only(page: ProgressPage) -> None:
    """Issue 17: legends outside the data, one short axis title per axis, the wheel zooms time only
    (each y axis follows its data), and a reset view."""
    for panel in page.panels:
        box = panel.plot.getViewBox()
        assert box.state["mouseEnabled"] == [True, False]
        assert panel.plot.legend.parentItem() is panel.plot  # in the title row, not over the data
        assert len(panel.plot.getAxis("left").labelText) <= 5  # "N", "%", "0–10": no title runs into the next
    first = page.panels[0].plot.getViewBox()
    whole = first.viewRange()[0]
    first.scaleBy(x=0.5)  # what a turn of the wheel does
    assert first.viewRange()[0][1] - first.viewRange()[0][0] < (whole[1] - whole[0]) * 0.6
    assert page.panels[-1].plot.getViewBox().viewRange()[0] == first.viewRange()[0]  # time axes linked
    page.reset_view_button.click()
    assert first.viewRange()[0] == pytest.approx(whole)


def test_points_on_a_typical_lever_are_marked_on_the_charts(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: torque that rests on a typical lever arm is marked on screen; the Progress charts
    drew it as if it had been measured."""
    from sqlalchemy import select, update

    from hiptrack.storage.models import StrengthTest, Visit

    with sqlite_db.session() as s:
        pid = D.standard_patient(s)
        visits = select(Visit.id).where(Visit.patient_id == pid)
        s.execute(update(StrengthTest).where(StrengthTest.visit_id.in_(visits),
                                             StrengthTest.muscle == "gluteus_maximus").values(lever_source="typical"))
    widget = ProgressPage(sqlite_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 1000)
    widget.show()
    widget.set_patient(pid)
    QApplication.processEvents()
    widget.set_metric("nm")
    QApplication.processEvents()
    assert "Points marked † rest on a typical lever arm" in widget.notice.text()
    text = widget.hover_text(ts(D.dt.date(2026, 10, 21)))
    assert "Gluteus maximus: Left 100.0 N·m † (21 Oct 2026)" in text
    assert "rests on a typical lever arm (0.4 m), not a measured one" in text
    assert "Gluteus medius: Left 76.0 N·m (21 Oct 2026)" in text  # measured: no mark
    widget.set_metric("n")
    QApplication.processEvents()
    assert "†" not in widget.notice.text() and "†" not in widget.hover_text(ts(D.dt.date(2026, 10, 21)))


def test_switching_back_reuses_the_summary_and_shows_another_workstations_visit(
        qtbot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: going back to a patient does not summarise 60 visits again when nothing changed,
    and a visit saved in another room (its own Database, as another workstation) shows at once."""
    from hiptrack.storage import results
    from hiptrack.storage.database import Actor

    with sqlite_db.session() as s:
        a, b = D.standard_patient(s, "R-1"), D.standard_patient(s, "R-2")
    summarised: list[int] = []
    original = results.summarise
    monkeypatch.setattr(results, "summarise", lambda *args: summarised.append(1) or original(*args))
    widget = ProgressPage(sqlite_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 1000)
    widget.show()
    for patient in (a, b, a, b):
        widget.set_patient(patient)
        QApplication.processEvents()
    assert len(summarised) == 2
    other = Database(sqlite_db.url, actor=Actor(name="Other Clinician", workstation="room-2"))
    try:
        with other.session() as s:
            D.add_visit(s, a, D.dt.date(2026, 11, 19), {("gluteus_medius", "left"): [230.0, 231.0, 229.0],
                                                        ("gluteus_medius", "right"): [240.0, 238.0, 239.0]})
    finally:
        other.dispose()
    widget.set_patient(a)
    QApplication.processEvents()
    widget.set_metric("n")
    assert y_data(widget, ABD, "left")[-1] == 231.0
    assert "Left 231.0 N (19 Nov 2026)" in widget.hover_text(ts(D.dt.date(2026, 11, 19)))


def visible_items(page: ProgressPage) -> list[object]:
    """Every data item on screen in the charts (the panels and the ankle weight's own view box)."""
    import pyqtgraph as pg

    kinds = (pg.PlotDataItem, pg.TextItem, pg.ErrorBarItem, pg.BarGraphItem, pg.FillBetweenItem)
    return [item for item in page.graphs.scene().items() if isinstance(item, kinds) and item.isVisible()]


def test_a_switch_feeds_the_kept_chart_items_and_hides_what_the_next_patient_lacks(
        qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the curves are fed, not made again, per switch; and nothing of the previous
    patient stays on screen or in the hover readout where the next one has no data."""
    from sqlalchemy import select, update

    from hiptrack.storage.models import StrengthTest, Visit

    with sqlite_db.session() as s:
        a = D.standard_patient(s, "R-1")
        s.execute(update(StrengthTest).where(StrengthTest.visit_id.in_(select(Visit.id).where(Visit.patient_id == a)),
                                             StrengthTest.muscle == "gluteus_maximus").values(lever_source="typical"))
        b = D.add_patient(s, "R-2", last="Other")
        D.add_visit(s, b, D.dt.date(2026, 10, 1), {("gluteus_medius", "left"): [111.0, 112.0, 113.0],
                                                   ("gluteus_medius", "right"): [121.0, 122.0, 123.0]}, mass=80.0)
    widget = ProgressPage(sqlite_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 1000)
    widget.show()
    widget.set_metric("nm")
    widget.set_patient(a)
    QApplication.processEvents()
    curve = widget.strength_curves[(ABD, "left")]
    assert any(getattr(item, "textItem", None) and item.textItem.toPlainText() == "†" for item in visible_items(widget))
    assert widget.panels[3].plot.legend.items  # the ankle weight and adherence in the exercise legend

    widget.set_patient(b)
    QApplication.processEvents()
    assert len(widget.panels) == 4  # one strength panel, asymmetry, exercise, scores
    assert widget.strength_curves[(ABD, "left")] is curve  # fed with B's data, not made again
    assert list(curve.yData) == pytest.approx([113.0 * 0.4])  # the best trial, on the lever of 0.4 m

    def shown_in(panel: object) -> list[object]:
        return [item for item in visible_items(widget) if item.parentItem() is not None
                and item.getViewBox() is panel.plot.getViewBox()]  # type: ignore[attr-defined]

    strength, asymmetry, exercise, scores = widget.panels
    curves = [item for item in shown_in(strength) if hasattr(item, "yData")]
    assert sorted(float(item.yData[0]) for item in curves) == pytest.approx([45.2, 49.2])
    assert [len(item.yData) for item in shown_in(asymmetry) if hasattr(item, "yData")] == [1]  # one visit
    assert shown_in(exercise) == [] and shown_in(scores) == []  # B has no exercises and no scores
    assert len(curves) + len(shown_in(asymmetry)) + 2 == len(visible_items(widget))  # + B's two error bars
    assert not any(getattr(item, "textItem", None) and item.textItem.toPlainText() == "†"
                   for item in visible_items(widget))
    assert [len(panel.plot.legend.items) for panel in widget.panels] == [2, 1, 0, 0]
    assert "no scores recorded yet" in scores.plot.titleLabel.text
    assert "no exercises prescribed yet" in exercise.plot.titleLabel.text
    hover = widget.hover_text(ts(D.dt.date(2026, 10, 21)))
    assert "NPRS" not in hover and "Ankle weight" not in hover and "Gluteus maximus" not in hover

    widget.set_patient(a)
    QApplication.processEvents()
    assert widget.strength_curves[(ABD, "left")] is curve
    assert list(curve.yData) == pytest.approx([60.0, 68.0, 76.0])
    assert widget.panels[3].plot.legend.items
    assert "NPRS 4.0" in widget.hover_text(ts(D.dt.date(2026, 10, 21)))
    assert widget.panels[4].plot.titleLabel.text.startswith("Pain (NPRS 0–10)")
