"""CLINIC-scope settings (declared in hiptrack.settings) stored in the shared database."""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hiptrack.settings import BY_KEY, Scope, Setting, clinic_settings
from hiptrack.storage.models import ClinicSetting


def load_clinic_settings(session: Session) -> dict[str, Any]:
    """Every clinic setting's value: stored values that still validate, defaults otherwise."""
    values: dict[str, Any] = {s.key: s.default for s in clinic_settings()}
    for row in session.scalars(select(ClinicSetting)):
        setting = BY_KEY.get(row.key)
        if setting is None or setting.scope is not Scope.CLINIC:
            continue
        # A value from an older or newer version that no longer fits keeps the default.
        with contextlib.suppress(TypeError, ValueError):
            values[row.key] = setting.validate(row.value)
    return values


def save_clinic_setting(session: Session, setting: Setting, value: Any) -> None:
    if setting.scope is not Scope.CLINIC:
        raise ValueError(f"{setting.key} is not a clinic setting")
    value = setting.validate(value)
    row = session.get(ClinicSetting, setting.key)
    if row is None:
        session.add(ClinicSetting(key=setting.key, value=value))
    else:
        row.value = value
