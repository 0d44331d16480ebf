"""Every preference hiptrack has, declared once with its type, default and scope.

Two scopes:
- CLINIC settings are shared by every workstation on one database (stored in its `settings` table),
  so that all treatment rooms flag asymmetry with the same thresholds.
- WORKSTATION settings belong to one computer (a JSON file in the user's config folder):
  window layout, the last serial port.

This module imports no Qt and no SQL; `hiptrack.storage.settings_store` persists CLINIC values.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from hiptrack import paths
from hiptrack.domain.asymmetry import PRESETS as THRESHOLD_PRESETS
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class Scope(Enum):
    CLINIC = "clinic"
    WORKSTATION = "workstation"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    title: str
    scope: Scope
    kind: type
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    in_settings_form: bool = True  # False: edited by a dialog of its own

    def validate(self, value: Any) -> Any:
        """Coerce a stored value to this setting's type; raise ValueError naming the problem."""
        if self.kind is bool:
            if isinstance(value, str):
                value = value.lower() in {"1", "true", "yes", "on"}
            value = bool(value)
        elif self.kind is float:
            value = float(value)
        elif self.kind is int:
            value = int(value)
        elif self.kind is str:
            value = str(value)
        elif self.kind is list and not isinstance(value, list):
            raise ValueError(f"{self.title}: expected a list")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{self.title}: {value!r} is not one of {', '.join(map(str, self.choices))}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.title}: {value} is below the minimum of {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{self.title}: {value} is above the maximum of {self.maximum}")
        return value


# Titles and help texts a person reads in the settings form are marked for translation (shown with
# hiptrack.reports.translation.label); keys, choices and workstation settings are not language.

# Asymmetry presets (clinical.md §3), defined once in the domain: amber from, red from (%).
ASYMMETRY_PRESETS: dict[str, tuple[float, float]] = {
    name: (preset.amber_pct, preset.red_pct) for name, preset in THRESHOLD_PRESETS.items()
}
ASYMMETRY_PRESET_TITLES: dict[str, str] = {
    "sapega_10_20": QT_TRANSLATE_NOOP("Labels", "10 / 20 % (Sapega 1990)"),
    "moderate_10_15": QT_TRANSLATE_NOOP("Labels", "10 / 15 %"),
    "humantrak_10_25": QT_TRANSLATE_NOOP("Labels", "10 / 25 % (VALD HumanTrak)"),
    "custom": QT_TRANSLATE_NOOP("Labels", "Custom"),
}

DISPLAY_UNIT = Setting("display_unit", "N", QT_TRANSLATE_NOOP("Labels", "Display unit"), Scope.CLINIC, str, choices=("N", "kgf", "lbf"))
ASYMMETRY_PRESET = Setting(
    "asymmetry_preset", "sapega_10_20", QT_TRANSLATE_NOOP("Labels", "Asymmetry preset"), Scope.CLINIC, str,
    choices=(*ASYMMETRY_PRESETS, "custom"),
)
ASYMMETRY_AMBER_PCT = Setting(
    "asymmetry_amber_pct", 10.0, QT_TRANSLATE_NOOP("Labels", "Asymmetry amber from (%)"), Scope.CLINIC, float, minimum=1.0, maximum=50.0
)
ASYMMETRY_RED_PCT = Setting(
    "asymmetry_red_pct", 20.0, QT_TRANSLATE_NOOP("Labels", "Asymmetry red from (%)"), Scope.CLINIC, float, minimum=1.0, maximum=80.0
)
ASYMMETRY_RED_EDGE = Setting(
    "asymmetry_red_edge", "inclusive", QT_TRANSLATE_NOOP("Labels", "Asymmetry exactly at the red figure"), Scope.CLINIC, str,
    choices=("inclusive", "exclusive"),
    help=QT_TRANSLATE_NOOP("Labels", "Red from the figure (the product rule) or only above it (Sapega's and HumanTrak's wording '> 20 %')."),
)
MASS_MAX_AGE_DAYS = Setting(
    "body_mass_max_age_days", 30, QT_TRANSLATE_NOOP("Labels", "Flag a body mass older than (days)"), Scope.CLINIC, int, minimum=1, maximum=3650,
    help=QT_TRANSLATE_NOOP("Labels", "A mass carried forward from longer ago is flagged at the visit and beside N/kg and Nm/kg."),
)
LSI_PASS_PCT = Setting("lsi_pass_pct", 90.0, QT_TRANSLATE_NOOP("Labels", "LSI pass from (%)"), Scope.CLINIC, float, minimum=50.0, maximum=100.0)
CV_LIMIT_PCT = Setting(
    "cv_limit_pct", 15.0, QT_TRANSLATE_NOOP("Labels", "Trial CV limit (%)"), Scope.CLINIC, float, minimum=1.0, maximum=50.0,
    help=QT_TRANSLATE_NOOP("Labels", "Above this coefficient of variation another trial is offered (TUR Isoforce: 15 % large muscles)."),
)
PRIMARY_SCORE = Setting(
    "primary_score", "max", QT_TRANSLATE_NOOP("Labels", "Primary score per side"), Scope.CLINIC, str, choices=("max", "mean")
)
DEFAULT_BATTERY = Setting("default_battery", "standard_hip", QT_TRANSLATE_NOOP("Labels", "Default test protocol"), Scope.CLINIC, str)
TRIALS_PER_SIDE = Setting("trials_per_side", 3, QT_TRANSLATE_NOOP("Labels", "Trials per side"), Scope.CLINIC, int, minimum=1, maximum=6)
REST_SECONDS = Setting("rest_seconds", 30, QT_TRANSLATE_NOOP("Labels", "Rest between trials (s)"), Scope.CLINIC, int, minimum=0, maximum=300)
ONSET_THRESHOLD_N = Setting(
    "onset_threshold_n", 20.0, QT_TRANSLATE_NOOP("Labels", "Trial onset threshold (N)"), Scope.CLINIC, float, minimum=1.0, maximum=200.0
)
GAUGE_LIMIT_N = Setting(
    "gauge_limit_n", 5000.0, QT_TRANSLATE_NOOP("Labels", "Gauge plausibility limit (N)"), Scope.CLINIC, float, minimum=10.0, maximum=50_000.0,
    help=QT_TRANSLATE_NOOP("Labels", "A reading above this (or above the capacity the gauge states, which wins) is corrupt data, never a force: "
         "it is ignored, counted, and interrupts the trial it falls in."),
)
CUSTOM_BATTERIES = Setting(
    "custom_batteries", [], "Clinic test batteries", Scope.CLINIC, list, in_settings_form=False,
    help="Definitions checked by hiptrack.domain.batteries; edited in File → Test batteries…",
)
CLINIC_RELIABILITY = Setting(
    "clinic_reliability", [], "Clinic measurement error (SD and ICC per position)", Scope.CLINIC, list,
    in_settings_form=False,
    help="[{position, sd, icc, unit}]: replaces the published defaults; edited in File → Measurement error…",
)
AUTO_LOCK_MINUTES = Setting(
    "auto_lock_minutes", 5, QT_TRANSLATE_NOOP("Labels", "Lock after idle time (minutes)"), Scope.CLINIC, int, minimum=1, maximum=60,
    help=QT_TRANSLATE_NOOP("Labels", "Without keyboard or mouse input for this long, hiptrack hides every window and asks for a sign-in."),
)
CLINIC_NAME = Setting("clinic_name", "", QT_TRANSLATE_NOOP("Labels", "Clinic name (report header)"), Scope.CLINIC, str)
CLINIC_LOGO = Setting("clinic_logo_path", "", QT_TRANSLATE_NOOP("Labels", "Clinic logo file (report header)"), Scope.CLINIC, str)
# The clinic's contact details head every document and tell a patient whom to call about a handout.
CLINIC_ADDRESS = Setting("clinic_address", "", QT_TRANSLATE_NOOP("Labels", "Clinic address (report header)"), Scope.CLINIC, str)
CLINIC_PHONE = Setting("clinic_phone", "", QT_TRANSLATE_NOOP("Labels", "Clinic phone (report header, handout)"), Scope.CLINIC, str)
CLINIC_EMAIL = Setting("clinic_email", "", QT_TRANSLATE_NOOP("Labels", "Clinic e-mail (report header, handout)"), Scope.CLINIC, str)
FHIR_CHART_SYSTEM = Setting(
    "fhir_chart_system", "", QT_TRANSLATE_NOOP("Labels", "Chart number system URI (FHIR export)"), Scope.CLINIC, str,
    help=QT_TRANSLATE_NOOP("Labels", "The identifier system your health record uses for chart numbers (for example urn:oid:…); "
    "empty: hiptrack's own, which an EHR will not recognise"),
)

WINDOW_GEOMETRY = Setting("window_geometry", "", "Main window geometry", Scope.WORKSTATION, str)
WINDOW_STATE = Setting("window_state", "", "Main window state", Scope.WORKSTATION, str)
LAST_PORT = Setting("last_device_port", "", "Last dynamometer port", Scope.WORKSTATION, str)
LAST_PROTOCOL = Setting(
    "last_device_protocol", "mark10", "Last dynamometer protocol", Scope.WORKSTATION, str,
    choices=("mark10", "imada", "shimpo", "lutron", "line"),
)

ALL_SETTINGS: tuple[Setting, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Setting))
BY_KEY: dict[str, Setting] = {s.key: s for s in ALL_SETTINGS}


def clinic_settings() -> tuple[Setting, ...]:
    return tuple(s for s in ALL_SETTINGS if s.scope is Scope.CLINIC)


def asymmetry_thresholds(values: Mapping[str, Any]) -> tuple[float, float]:
    """(amber, red) in % from a mapping of clinic setting values; presets win over the custom pair."""
    preset = values.get(ASYMMETRY_PRESET.key, ASYMMETRY_PRESET.default)
    if preset in ASYMMETRY_PRESETS:
        return ASYMMETRY_PRESETS[preset]
    return (
        float(values.get(ASYMMETRY_AMBER_PCT.key, ASYMMETRY_AMBER_PCT.default)),
        float(values.get(ASYMMETRY_RED_PCT.key, ASYMMETRY_RED_PCT.default)),
    )


class WorkstationSettings:
    """WORKSTATION-scope values in a small JSON file, written atomically.

    A damaged file is set aside and defaults are used: losing a window layout must never stop
    the app from starting.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "workstation.json"
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return raw if isinstance(raw, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("workstation settings unreadable (%s); using defaults", type(exc).__name__)
            return {}

    def get(self, setting: Setting) -> Any:
        assert setting.scope is Scope.WORKSTATION, setting.key
        if setting.key not in self._values:
            return setting.default
        try:
            return setting.validate(self._values[setting.key])
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        assert setting.scope is Scope.WORKSTATION, setting.key
        self._values[setting.key] = setting.validate(value)
        self._save()

    def _save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".workstation-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._values, fh, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError as exc:
            # Window layout is a convenience; a read-only config folder must not break a session.
            log.warning("could not save workstation settings: %s", exc.strerror or type(exc).__name__)
