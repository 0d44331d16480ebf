"""`hiptrack db upgrade | backup | info`."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiptrack import __version__, paths
from hiptrack.cli.common import database_url, fail, storage_failure


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="back up, then migrate the database to this version's schema")
    up.set_defaults(func=cmd_upgrade)
    backup = db_sub.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument("--out", metavar="FILE", type=Path, help="backup file (default: timestamped, in the backup folder)")
    backup.set_defaults(func=cmd_backup)
    info = db_sub.add_parser("info", help="where the data lives, its schema and size")
    info.set_defaults(func=cmd_info)


def cmd_upgrade(args: argparse.Namespace) -> int:
    from hiptrack.storage.database import Database
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.migrate import prepare_database

    try:
        db = Database(database_url(args))
        report = prepare_database(db)
    except StorageError as exc:
        return storage_failure(exc)
    if report.migrated:
        print(f"Upgraded {db.description} from {report.previous_revision or 'empty'} to {report.current_revision}.")
    else:
        print(f"{db.description} is already at schema {report.current_revision}.")
    if report.backup:
        print(f"Backup: {report.backup}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from hiptrack.storage.database import Database
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.migrate import backup_sqlite, current_revision
    from hiptrack.storage.startup import refuse_missing_file

    try:
        refuse_missing_file(database_url(args))
        db = Database(database_url(args))
        current_revision(db)  # refuses damaged files before copying them
        if not db.is_sqlite:
            return fail(
                f"{db.description}: back up PostgreSQL with the server's own tools, e.g. "
                f"pg_dump --format=custom --file=hiptrack.dump {db.url.database}"
            )
        out = backup_sqlite(db, "manual", args.out)
    except StorageError as exc:
        return storage_failure(exc)
    if out is None:
        return fail(f"{db.description} does not exist yet; there is nothing to back up")
    print(out)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from hiptrack.storage.database import Database
    from hiptrack.storage.errors import StorageError
    from hiptrack.storage.migrate import current_revision, head_revision
    from hiptrack.storage.models import Patient, Trial, Visit
    from hiptrack.storage.startup import refuse_missing_file

    try:
        refuse_missing_file(database_url(args))
        db = Database(database_url(args))
        revision = current_revision(db)
        counts = {}
        if revision is not None:
            with db.session() as s:
                for label, model in (("patients", Patient), ("visits", Visit), ("trials", Trial)):
                    counts[label] = s.scalar(select(func.count()).select_from(model))
    except StorageError as exc:
        return storage_failure(exc)
    print(f"hiptrack {__version__}")
    print(f"Database:      {db.description}")
    print(f"Schema:        {revision or 'empty (not yet created)'} (this version's head: {head_revision()})")
    for label, count in counts.items():
        print(f"{label.capitalize() + ':':<14} {count}")
    print(f"Data folder:   {paths.data_dir()}")
    print(f"Backups:       {paths.backup_dir()}")
    print(f"Logs:          {paths.log_dir()}")
    return 0
