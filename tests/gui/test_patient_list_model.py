"""The patient list at clinic scale: a virtual model over plain rows, and a search index that is
built once and answers exactly what a plain scan of every name and chart number would."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QTableView

from hiptrack.domain.patient_rules import PatientRow
from hiptrack.gui import patient_list
from hiptrack.gui.patient_list import PatientListModel

LAST = ("Moreau", "Lindqvist-Moreau", "Nakamura", "Ødegaard", "Dubois", "Okafor", "Ivanova", "Çelik")
FIRST = ("José", "Amelia", "Noah", "Zoë", "Kenji", "Ingrid", "Mateo", "Ana")


def _rows(n: int, seed: int = 7) -> list[PatientRow]:
    rng = random.Random(seed)
    return [
        PatientRow(i, f"B{i:06d}", rng.choice(LAST), rng.choice(FIRST), dt.date(1950 + i % 50, 1 + i % 12, 1),
                   i % 97 == 0)
        for i in range(1, n + 1)
    ]


def _plain_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _reference(rows: list[PatientRow], query: str) -> list[int]:
    terms = _plain_fold(query).split()
    keys = [_plain_fold(f"{r.chart_number} {r.last_name} {r.first_name} {r.first_name} {r.last_name}") for r in rows]
    return [r.id for r, key in zip(rows, keys, strict=True) if all(t in key for t in terms)]


def _shown(model: PatientListModel) -> list[int]:
    return [model.row_at(i).id for i in range(model.rowCount())]  # type: ignore[union-attr]


def test_typing_deleting_and_pasting_find_exactly_what_a_full_scan_finds() -> None:
    rows = _rows(3000)
    model = PatientListModel()
    model.set_rows(rows)
    # Keystrokes as a receptionist makes them: growing, backspacing, a second word, a paste, a clear.
    queries = ["m", "mo", "mor", "more", "moreau", "moreau j", "moreau jo", "moreau jos", "moreau jose", "moreau jo",
               "moreau", "mor", "", "b0001", "b00012", "b000123", "  ", "zoe", "zoë ødeg", "odegaard zo", "celik",
               "ÇELIK ana", "B0029", "-moreau", "x", "", "lindqvist-moreau noah", "a", "an", "ana"]
    for query in queries:
        model.set_filter(query)
        assert _shown(model) == _reference(rows, query), query


def test_the_index_is_built_once_and_kept_when_the_same_patients_are_reloaded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(2000)
    model = PatientListModel()
    model.set_rows(rows)
    calls = []
    real = patient_list._fold
    monkeypatch.setattr(patient_list, "_fold", lambda text: calls.append(text) or real(text))
    # The periodic refresh reloads the list; one patient was renamed meanwhile.
    renamed = [*rows[:-1], PatientRow(rows[-1].id, rows[-1].chart_number, "Renamed", "Ruth", rows[-1].date_of_birth,
                                      False)]
    model.set_rows(renamed)
    assert len([c for c in calls if " " in c]) == 1, "only the changed patient is folded again"
    model.set_filter("renamed ruth")
    assert _shown(model) == [rows[-1].id]


def test_row_of_finds_a_visible_patient_and_not_a_filtered_out_one() -> None:
    rows = _rows(5000)
    model = PatientListModel()
    model.set_rows(rows)
    model.set_filter("b004")
    assert model.row_of(4321) is not None and model.row_at(model.row_of(4321)).id == 4321  # type: ignore[arg-type,union-attr]
    assert model.row_of(1234) is None


class _CountingModel(PatientListModel):
    """Records which rows the view asks about (Qt calls the Python override of data())."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[int] = set()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        self.asked.add(index.row())
        return super().data(index, role)


def test_100000_patients_are_shown_without_creating_an_item_per_patient(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _CountingModel()
    assert isinstance(model, QAbstractTableModel)
    model.set_rows(_rows(100_000))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    model.set_filter("mo")
    view.grab()  # paints the viewport: every visible cell is asked for
    assert model.rowCount() > 10_000
    assert 0 < len(model.asked) < 500, f"the view asked for {len(model.asked)} rows: the model is not virtual"
