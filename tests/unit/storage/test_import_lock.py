"""A long import must not hold SQLite's write lock while it works (issue 16, item 5): it reads and
plans first and writes everything in one flush at the end, so a trial saved from another window
meanwhile goes through instead of failing after the busy timeout."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hiptrack.storage import results_import
from hiptrack.storage.database import Database, sqlite_path
from hiptrack.storage.results_import import import_results
from tests.unit.results.test_results_import import row, write

TODAY = dt.date(2026, 11, 23)


def test_import_takes_no_write_lock_until_its_final_write(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path, *(row(chart_number=f"H-{i}", side=side, trial=str(t), peak_force=str(150 + t))
                               for i in range(3) for side in ("left", "right") for t in (1, 2, 3)))
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    probes: list[str] = []
    planned = results_import._test

    def probe_then_plan(*args: object, **kwargs: object) -> object:
        # Another window saving a trial right now: with no wait allowed, it succeeds only if
        # the import holds no write lock at this moment.
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            probes.append("free")
        except sqlite3.OperationalError as exc:
            probes.append(str(exc))
        finally:
            other.close()
        return planned(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(results_import, "_test", probe_then_plan)
    with sqlite_db.session() as s:
        report = import_results(s, source, today=TODAY)
    assert report.trials_created == 18
    assert probes and set(probes) == {"free"}, f"the import held the write lock while planning: {probes[:3]}"
