"""The `hiptrack` command line. Each subcommand lives in its own module with a `register()`.

Every subcommand accepts `--database URL`; HIPTRACK_DATABASE_URL works too; otherwise the
embedded SQLite file in the platform data folder is used.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from hiptrack import __version__

# Modules that add subcommands; a module missing from a partial checkout is skipped.
SUBCOMMAND_MODULES = (
    "hiptrack.cli.gui",
    "hiptrack.cli.check",
    "hiptrack.cli.db",
    "hiptrack.cli.device",
    "hiptrack.cli.simulate",
    "hiptrack.cli.summary",
    "hiptrack.cli.importer",
    "hiptrack.cli.exercise_logs",
    "hiptrack.cli.report",
    "hiptrack.cli.export",
    "hiptrack.cli.analysis",
    "hiptrack.cli.fhir",
    "hiptrack.cli.audit",
    "hiptrack.cli.user",
)


def _add_database_option(parser: argparse.ArgumentParser, top_level: bool) -> None:
    # On subparsers the default is SUPPRESS, so `hiptrack --database X db info` keeps X.
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None if top_level else argparse.SUPPRESS,
        help="database URL (sqlite:///FILE or postgresql://user@host/db); default: $HIPTRACK_DATABASE_URL "
        "or the SQLite file in the data folder",
    )


def _walk_subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found.append(sub)
                found.extend(_walk_subparsers(sub))
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hiptrack",
        description="Hip strength testing and rehabilitation tracking. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"hiptrack {__version__}")
    _add_database_option(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(subparsers)
    for sub in _walk_subparsers(parser):
        if not any("--database" in a.option_strings for a in sub._actions):
            _add_database_option(sub, top_level=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from hiptrack.private_files import restrict_umask

    restrict_umask()  # patient data, exports and logs: readable by this user only
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    if handler is None:
        from hiptrack.cli.gui import run_gui_command

        return run_gui_command(args)
    return int(handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
