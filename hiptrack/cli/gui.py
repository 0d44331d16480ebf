"""Launching the app: `hiptrack` (the clinic's database) and `hiptrack demo` (a throwaway one)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", help="open the app (the default when no command is given)")
    gui.set_defaults(func=run_gui_command)
    demo = subparsers.add_parser(
        "demo", help="open the app on a throwaway database of demo patients with a simulated dynamometer"
    )
    demo.add_argument("--patients", type=int, default=12, help="number of demo patients (default 12)")
    demo.add_argument("--no-simulator", action="store_true", help="do not start the simulated dynamometer")
    demo.set_defaults(func=run_demo_command)


def run_gui_command(args: argparse.Namespace) -> int:
    from hiptrack.cli.common import database_url
    from hiptrack.gui.application import run_gui

    return run_gui(database_url(args))


def run_demo_command(args: argparse.Namespace) -> int:
    from hiptrack.gui.application import run_demo

    return run_demo(
        patients=args.patients, simulator=not args.no_simulator, database=getattr(args, "database", None)
    )
