"""`hiptrack db upgrade | backup | restore | info`."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiptrack import __version__, paths
from hiptrack.cli.audit import register_verify
from hiptrack.cli.common import database_url, fail, storage_failure


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="back up, then migrate the database to this version's schema")
    up.set_defaults(func=cmd_upgrade)
    backup = db_sub.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument("--out", metavar="FILE", type=Path, help="backup file (default: timestamped, in the backup folder)")
    backup.set_defaults(func=cmd_backup)
    restore = db_sub.add_parser(
        "restore", help="put a backup back in place of the database, after checking it and backing up the "
        "current file (close hiptrack on every workstation first)")
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    restore.set_defaults(func=cmd_restore)
    info = db_sub.add_parser("info", help="where the data lives, its schema and size")
    info.set_defaults(func=cmd_info)
    again = db_sub.add_parser("reanalyse", help="recompute stored force-time figures from the raw traces "
                           "(after the analysis definition changed); audit-logged")
    again.add_argument("--all", action="store_true", help="every trial with a trace, not only older analyses")
    again.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")
    again.set_defaults(func=_cmd_reanalyse)
    register_verify(db_sub)


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


def cmd_restore(args: argparse.Namespace) -> int:
    from hiptrack.storage.backups import restore_backup
    from hiptrack.storage.database import Database, sqlite_path
    from hiptrack.storage.errors import StorageError

    try:
        db = Database(database_url(args))
        database = sqlite_path(db.url)
        db.dispose()
        if database is None:
            return fail(f"{db.description}: restore a PostgreSQL database with the server's own tools (pg_restore)")
        saved = restore_backup(args.file, database)
    except StorageError as exc:
        return storage_failure(exc)
    print(f"Restored {database} from {args.file}.")
    if saved is not None:
        print(f"The replaced file was kept as {saved}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from hiptrack.storage.backups import backup_location
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
        outdated = 0
        if revision is not None:
            with db.session() as s:
                for label, model in (("patients", Patient), ("visits", Visit), ("trials", Trial)):
                    counts[label] = s.scalar(select(func.count()).select_from(model))
            if revision == head_revision():
                from hiptrack.operations.reanalysis import outdated_count

                with db.session() as s:
                    outdated = outdated_count(s)
    except StorageError as exc:
        return storage_failure(exc)
    print(f"hiptrack {__version__}")
    print(f"Database:      {db.description}")
    print(f"Schema:        {revision or 'empty (not yet created)'} (this version's head: {head_revision()})")
    for label, count in counts.items():
        print(f"{label.capitalize() + ':':<14} {count}")
    if outdated:
        print(f"Re-analysis:   {outdated} trials analysed by an older force-time definition; "
              "run `hiptrack db reanalyse`")
    print(f"Data folder:   {paths.data_dir()}")
    print(f"Backups:       {backup_location(db)}")
    print(f"Logs:          {paths.log_dir()}")
    return 0


def _cmd_reanalyse(args: argparse.Namespace) -> int:
    from hiptrack.cli.analysis import cmd_reanalyse

    return cmd_reanalyse(args)
