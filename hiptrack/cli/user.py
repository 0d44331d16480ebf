"""`hiptrack user add | list | disable | enable | reset-password`: accounts for admins and scripted installs.

A password is never an argument (it would show in the shell history and in `ps`): it is read from
standard input when that is not a terminal (one line), otherwise prompted for twice without echo.
Each change is an audit event, made as the operating-system user running the command.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptrack.cli.common import fail, open_database, storage_failure

if TYPE_CHECKING:  # the storage stack loads when a command runs, not to print the help
    from hiptrack.storage.database import Database

ROLE_CHOICES = ("admin", "clinician", "assistant")


def register(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser("user", help="clinician accounts: add, list, disable, reset a password")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="create an account (password from standard input or a prompt)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help='display name, e.g. "J. Lee, PT"')
    add.add_argument("--role", required=True, choices=ROLE_CHOICES)
    add.set_defaults(func=cmd_add)
    listing = actions.add_parser("list", help="every account, its role and whether it is active")
    listing.set_defaults(func=cmd_list)
    for name, active in (("disable", False), ("enable", True)):
        p = actions.add_parser(name, help=f"{name} an account (accounts are never deleted)")
        p.add_argument("username")
        p.set_defaults(func=cmd_set_active, active=active)
    reset = actions.add_parser("reset-password", help="set a new password (from standard input or a prompt)")
    reset.add_argument("username")
    reset.set_defaults(func=cmd_reset)


def read_password(prompt: str = "Password") -> str | None:
    """One line from a pipe, or the same password typed twice at a terminal; None if they differ."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != first:
        return None
    return first


def _run(args: argparse.Namespace, action: Callable[[Database], str]) -> int:
    from hiptrack.storage.errors import StorageError, ValidationError

    try:
        db, _report = open_database(args)
        message = action(db)
    except ValidationError as exc:
        return fail("; ".join(exc.problems))
    except StorageError as exc:
        return storage_failure(exc)
    print(message)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from hiptrack.storage.accounts import add_account

    password = read_password()
    if password is None:
        return fail("the two passwords differ; no account was created")

    def add(db: Database) -> str:
        add_account(db, args.username, args.name, args.role, password)
        return f"Account {args.username.strip().lower()} ({args.role}) created."

    return _run(args, add)


def cmd_list(args: argparse.Namespace) -> int:
    from hiptrack.storage.accounts import list_accounts

    def listing(db: Database) -> str:
        lines = [f"{'USER':<20} {'ROLE':<10} {'STATE':<9} NAME"]
        lines += [f"{a.username:<20} {a.role:<10} {'active' if a.active else 'disabled':<9} {a.display_name}"
                  + ("" if a.has_password else "  (no password: cannot sign in)") for a in list_accounts(db)]
        return "\n".join(lines)

    return _run(args, listing)


def cmd_set_active(args: argparse.Namespace) -> int:
    from hiptrack.storage.accounts import set_active

    def change(db: Database) -> str:
        set_active(db, args.username, args.active)
        return f"Account {args.username} {'enabled' if args.active else 'disabled'}."

    return _run(args, change)


def cmd_reset(args: argparse.Namespace) -> int:
    from hiptrack.storage.accounts import reset_password

    password = read_password("New password")
    if password is None:
        return fail("the two passwords differ; the password was not changed")

    def reset(db: Database) -> str:
        reset_password(db, args.username, password)
        return f"Password of {args.username} reset."

    return _run(args, reset)
