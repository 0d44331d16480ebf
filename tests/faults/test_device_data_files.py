"""Damaged data at the edges of the device data path: a stored trace blob, odd import fields.

From the fault-injection run of issue 16: one corrupt trace blob aborted `export --traces` with a
zlib traceback; the import tracebacked on a field over 131,072 characters and on a trial number
`²`. Each must be a message naming the trial, or the line and field, and nothing else lost.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial
from hiptrack.storage.patients import find_by_chart
from hiptrack.storage.results_import import ImportFailed, import_results
from hiptrack.storage.traces import TraceCorrupt, decode_trace, encode_trace
from tests.integration.test_cli import hiptrack
from tests.integration.test_export_roundtrip import demo_database
from tests.unit.results.test_results_import import row, write

TODAY = dt.date(2026, 11, 23)


def _corrupt(blob: bytes) -> list[bytes]:
    """Damage seen on disk: a flipped byte in the zlib stream, a cut, a foreign blob, nothing."""
    flipped = bytearray(blob)
    flipped[12] ^= 0xFF
    return [bytes(flipped), blob[: len(blob) // 2], b"PNG\x00garbage", b"HT"]


def test_every_kind_of_damage_is_a_trace_corrupt_error() -> None:
    blob = encode_trace(np.linspace(0, 1, 200), np.linspace(0, 300, 200))
    for bad in _corrupt(blob):
        with pytest.raises(TraceCorrupt):
            decode_trace(bad)
    assert len(decode_trace(blob)[0]) == 200


def test_export_with_traces_names_the_damaged_trial_and_exports_the_rest(tmp_path: Path) -> None:
    damaged: list[int] = []

    def damage_one_trace(s: Session) -> None:
        traced = s.scalars(select(Trial).where(Trial.trace.is_not(None)).order_by(Trial.id)).all()
        assert len(traced) == 12 and traced[3].trace is not None
        damaged.append(traced[3].id)
        s.execute(update(Trial).where(Trial.id == traced[3].id).values(trace=_corrupt(traced[3].trace)[0]))

    url = demo_database(tmp_path, damage_one_trace)
    (bad_id,) = damaged
    out, traces = tmp_path / "p.csv", tmp_path / "traces"
    result = hiptrack("export", "--patient", "HT-01001", "--out", str(out), "--traces", str(traces), "--database", url)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "zlib" not in result.stderr
    assert "11 traces" in result.stdout and f"damaged and not written: trial {bad_id} (" in result.stdout
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {int(r["trial_id"]): r for r in csv.DictReader(fh)}
    assert rows[bad_id]["trace_file"] == ""  # the trial row is still exported, without a trace
    assert len(list(traces.iterdir())) == 11


def test_import_names_line_and_column_of_a_field_over_the_csv_limit(db: Database, tmp_path: Path) -> None:
    huge = "x" * 200_000
    path = write(tmp_path, row(trial="1"), row(trial="2", last_name=huge))
    with db.session() as s, pytest.raises(ImportFailed) as failed:
        import_results(s, path, today=TODAY)
    (problem,) = failed.value.problems
    assert "column last_name" in problem and "line 3" in problem and "200,000 characters" in problem
    with db.session() as s:
        assert find_by_chart(s, "H-1") is None  # all or nothing: nothing half-imported


@pytest.mark.parametrize("trial", ["²", "³", "1²", "9" * 5000])
def test_import_refuses_a_trial_number_int_cannot_read_with_a_message(
    db: Database, tmp_path: Path, trial: str
) -> None:
    path = write(tmp_path, row(trial="1"), row(trial=trial))
    with db.session() as s, pytest.raises(ImportFailed) as failed:
        import_results(s, path, today=TODAY)
    assert any(p.startswith("line 3: trial ") and "whole number" in p for p in failed.value.problems)
