"""`hiptrack check`: a headless self-test for installers and support.

Opens and migrates the database, builds the main window offscreen, and exits 0. Any failure is
reported as one line on stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import os


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="headless self-test: open and migrate the database, build the window")
    parser.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    # Before Qt is imported: the check must work on a machine with no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hiptrack.cli.common import fail, open_database, storage_failure
    from hiptrack.storage.errors import StorageError

    try:
        db, report = open_database(args)
    except StorageError as exc:
        return storage_failure(exc)
    try:
        from hiptrack.gui.application import build_main_window_for_check

        build_main_window_for_check(db)
    except Exception as exc:  # the point of a self-test is to report anything at all
        return fail(f"the main window could not be built: {type(exc).__name__}: {exc}", 3)
    finally:
        db.dispose()
    print(f"ok: {db.description}, schema {report.current_revision if report else '?'}")
    return 0
