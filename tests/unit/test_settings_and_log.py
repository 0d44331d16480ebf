"""Declared settings and the log's redaction of patient identifiers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hiptrack import log as hlog
from hiptrack import settings as S


def test_every_setting_is_declared_once_with_a_valid_default() -> None:
    keys = [s.key for s in S.ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in S.ALL_SETTINGS:
        assert setting.validate(setting.default) == setting.default


def test_validation_names_the_setting() -> None:
    with pytest.raises(ValueError, match="Trial CV limit"):
        S.CV_LIMIT_PCT.validate(80)
    with pytest.raises(ValueError, match="Display unit"):
        S.DISPLAY_UNIT.validate("stone")


def test_asymmetry_presets_follow_clinical_reference() -> None:
    assert S.asymmetry_thresholds({}) == (10.0, 20.0)  # Sapega default
    assert S.asymmetry_thresholds({"asymmetry_preset": "humantrak_10_25"}) == (10.0, 25.0)
    custom = {"asymmetry_preset": "custom", "asymmetry_amber_pct": 8.0, "asymmetry_red_pct": 18.0}
    assert S.asymmetry_thresholds(custom) == (8.0, 18.0)


def test_workstation_settings_survive_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "workstation.json"
    store = S.WorkstationSettings(path)
    store.set(S.LAST_PORT, "/dev/ttyUSB0")
    assert S.WorkstationSettings(path).get(S.LAST_PORT) == "/dev/ttyUSB0"
    path.write_text("{not json")
    assert S.WorkstationSettings(path).get(S.LAST_PORT) == ""


def test_log_file_never_contains_registered_identifiers(tmp_path: Path) -> None:
    log_path = hlog.configure(log_dir=tmp_path, to_stderr=False)
    assert log_path is not None
    hlog.redact("Okafor", "C-99881")
    logger = logging.getLogger("hiptrack.test")
    logger.warning("opened Okafor chart C-99881 (id=5)")
    try:
        raise ValueError("duplicate key C-99881")
    except ValueError:
        logger.exception("save failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text()
    assert "id=5" in text and "[redacted]" in text
    assert "Okafor" not in text and "C-99881" not in text
