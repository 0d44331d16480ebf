"""Clinic settings, built from the declarations in hiptrack.settings (one list, one form).

These values are shared by every workstation on the database, so the dialog says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptrack import settings as S
from hiptrack.domain.batteries import all_batteries
from hiptrack.reports.translation import label, translate


def choice_titles() -> dict[str, dict[Any, str]]:
    """The words shown for each choice of a setting, translated when the form is built."""
    return {
        S.ASYMMETRY_PRESET.key: {key: label(title) for key, title in S.ASYMMETRY_PRESET_TITLES.items()},
        S.ASYMMETRY_RED_EDGE.key: {"inclusive": translate("SettingsDialog", "red (red from the figure)"),
                                   "exclusive": translate("SettingsDialog", "amber (red only above it)")},
        S.DISPLAY_UNIT.key: {"N": translate("SettingsDialog", "newtons (N)"),
                             "kgf": translate("SettingsDialog", "kilogram-force (kgf)"),
                             "lbf": translate("SettingsDialog", "pound-force (lbf)")},
        S.PRIMARY_SCORE.key: {"max": translate("SettingsDialog", "best (maximum) of the accepted trials"),
                              "mean": translate("SettingsDialog", "mean of the accepted trials")},
    }


def battery_choices(values: dict[str, Any]) -> dict[str, str]:
    """Test batteries the clinic can pick as its default: built-in and its own."""
    custom = values.get(S.CUSTOM_BATTERIES.key, [])
    return {code: label(b.title) for code, b in all_batteries(custom, include_archived=False).items()}


class SettingsDialog(QDialog):
    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clinic settings"))
        self.setMinimumWidth(520)
        self._editors: dict[str, QWidget] = {}
        self._values = values
        self._choice_titles = choice_titles()
        form = QFormLayout()
        for setting in (s for s in S.clinic_settings() if s.in_settings_form):
            editor = self._editor_for(setting, values.get(setting.key, setting.default))
            self._editors[setting.key] = editor
            form.addRow(label(setting.title), editor)
            if setting.help:
                editor.setToolTip(label(setting.help))
        note = QLabel(self.tr(
            "These settings are shared by every workstation that uses this database.\n"
            "Fixed asymmetry cut-offs are poorly supported by evidence (Bohannon and Andrews 1999: healthy "
            "side differences up to 23–40 %); flags say 'difference ≥ X %', never 'abnormal'."
        ))
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        preset = self._editors[S.ASYMMETRY_PRESET.key]
        assert isinstance(preset, QComboBox)
        preset.currentIndexChanged.connect(self._on_preset_changed)
        self._on_preset_changed()

    def _editor_for(self, setting: S.Setting, value: Any) -> QWidget:
        choices = battery_choices(self._values) if setting is S.DEFAULT_BATTERY else None
        if setting.choices is not None or choices is not None:
            combo = QComboBox()
            titles = self._choice_titles.get(setting.key, {})
            for choice in (choices or {c: c for c in setting.choices or ()}):
                combo.addItem(titles.get(choice, (choices or {}).get(choice, str(choice))), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.kind is float:
            spin = QDoubleSpinBox()
            spin.setDecimals(1)
            spin.setRange(setting.minimum or 0.0, setting.maximum or 1e6)
            spin.setValue(float(value))
            return spin
        if setting.kind is int:
            ispin = QSpinBox()
            ispin.setRange(int(setting.minimum or 0), int(setting.maximum or 10**6))
            ispin.setValue(int(value))
            return ispin
        line = QLineEdit(str(value))
        return line

    def _on_preset_changed(self) -> None:
        preset = self._editors[S.ASYMMETRY_PRESET.key]
        assert isinstance(preset, QComboBox)
        custom = preset.currentData() == "custom"
        for key in (S.ASYMMETRY_AMBER_PCT.key, S.ASYMMETRY_RED_PCT.key):
            self._editors[key].setEnabled(custom)
            if not custom:
                amber, red = S.ASYMMETRY_PRESETS[preset.currentData()]
                spin = self._editors[key]
                assert isinstance(spin, QDoubleSpinBox)
                spin.setValue(amber if key == S.ASYMMETRY_AMBER_PCT.key else red)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, editor in self._editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QDoubleSpinBox | QSpinBox):
                result[key] = editor.value()
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text().strip()
        return result

    def problems(self) -> list[str]:
        values = self.values()
        if values[S.ASYMMETRY_AMBER_PCT.key] >= values[S.ASYMMETRY_RED_PCT.key]:
            return [self.tr("The amber threshold must be below the red threshold")]
        return []

    def accept(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        problems = self.problems()
        if problems:
            QMessageBox.warning(self, self.tr("Clinic settings"), "\n".join(problems))
            return
        super().accept()
