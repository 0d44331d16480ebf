"""The clinic's own test–retest figures (SD and ICC) per test position, replacing the defaults.

A change in strength counts as real only beyond the minimal detectable change of that test
(MDC95 = 1.96 × √2 × SD × √(1 − ICC)); clinics that have measured their own reliability enter it
here. Left empty, a position keeps the published default, or has none.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptrack.domain.errors import DomainError
from hiptrack.domain.positions import MUSCLE_TITLES, POSITIONS
from hiptrack.domain.reliability import default_for, mdc_from_sd_icc
from hiptrack.gui.dialogs.problems import ProblemsMixin, problems_label
from hiptrack.reports import formatting as F
from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.results import reliability_entry


def default_text(position: str) -> str:
    default = default_for(position)
    if default is None or default.mdc is None:
        return translate("ReliabilityDialog", "none published between sessions")
    return f"{F.number(default.mdc, 1)} {default.unit} ({default.source.split(',')[0]})"


class ReliabilityDialog(QDialog, ProblemsMixin):
    def __init__(self, entries: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Measurement error"))
        self.setMinimumWidth(860)
        by_position = {str(e.get("position")): e for e in entries}
        columns = [self.tr("Position"), self.tr("Default MDC"), self.tr("SD"), self.tr("ICC"), self.tr("SD unit"),
                   self.tr("Clinic MDC")]
        self.table = QTableWidget(len(POSITIONS), len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().hide()
        self.rows: list[tuple[str, QLineEdit, QLineEdit, QComboBox]] = []
        for row, (code, position) in enumerate(POSITIONS.items()):
            entry = by_position.get(code, {})
            muscle = label(MUSCLE_TITLES[position.muscle])
            self.table.setItem(row, 0, QTableWidgetItem(f"{muscle}: {label(position.title)}"))
            self.table.setItem(row, 1, QTableWidgetItem(default_text(code)))
            sd, icc = QLineEdit(str(entry.get("sd", ""))), QLineEdit(str(entry.get("icc", "")))
            sd.setPlaceholderText(self.tr("e.g. {example}").format(example=F.number(40, 0)))
            icc.setPlaceholderText(self.tr("e.g. {example}").format(example=F.number(0.90, 2)))
            unit = QComboBox()
            unit.addItems(["N", "Nm"])  # i18n: unit symbols, stored as chosen
            unit.setCurrentText(str(entry.get("unit", "N")))
            for column, widget in ((2, sd), (3, icc), (4, unit)):
                self.table.setCellWidget(row, column, widget)
            for widget in (sd, icc):
                widget.textChanged.connect(lambda _text, r=row: self._show_mdc(r))
            unit.currentIndexChanged.connect(lambda _i, r=row: self._show_mdc(r))
            self.rows.append((code, sd, icc, unit))
            self._show_mdc(row)
        self.table.resizeColumnsToContents()
        self.problems = problems_label()
        note = QLabel(self.tr(
            "MDC95 = 1.96 × √2 × SD × √(1 − ICC), the smallest change larger than the measurement error with 95 % "
            "confidence. A change in strength is marked as real only beyond it. Defaults must be between-session "
            "figures from the same kind of test; none is published for these hip tests yet, so without the clinic's "
            "own figures a change has no verdict."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.entries: list[dict[str, Any]] = []

    def _read(self, row: int) -> dict[str, Any] | None:
        code, sd, icc, unit = self.rows[row]
        if not sd.text().strip() and not icc.text().strip():
            return None
        entry = {"position": code, "sd": sd.text().strip().replace(",", "."),
                 "icc": icc.text().strip().replace(",", "."), "unit": unit.currentText()}
        checked = reliability_entry(entry)
        return {"position": code, "sd": checked.sd, "icc": checked.icc, "unit": checked.unit}

    def _show_mdc(self, row: int) -> None:
        try:
            entry = self._read(row)
            text = "" if entry is None else f"{F.number(mdc_from_sd_icc(entry['sd'], entry['icc']), 1)} {entry['unit']}"
        except (ValueError, DomainError):
            text = self.tr("check SD and ICC")
        self.table.setItem(row, 5, QTableWidgetItem(text))

    def _on_save(self) -> None:
        entries, problems = [], []
        for row, (code, *_widgets) in enumerate(self.rows):
            try:
                entry = self._read(row)
            except (ValueError, DomainError) as exc:
                why = error_text(exc) if isinstance(exc, DomainError) else self.tr("SD and ICC must be numbers")
                problems.append(f"{label(POSITIONS[code].title)}: {why}")
                continue
            if entry is not None:
                entries.append(entry)
        if problems:
            self.show_problems(problems)
            return
        self.entries = entries
        self.accept()
