"""Frozen smoke test: build the bundle, then prove it starts, migrates an old clinic database and keeps its data.

    python installer/smoke_test.py              # build with installer/build.py, then test
    python installer/smoke_test.py --no-build   # test the bundle already in dist/

Run it with the project's venv Python: the old-schema database is built with the development checkout
(tests/unit/storage/fixtures.py), then only the frozen program touches its copy. On Linux the test runs
the program unpacked from the tar.gz, which is what a clinic installs.

Fails (exit 1, with the reasons) on a non-zero exit, on a missing module or Qt plugin, on any traceback
in the output or the log, when the copy is not at this version's head schema afterwards, or when a row
went missing. Prints the build time, the sizes and the time of `hiptrack check`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hiptrack import __version__, paths  # noqa: E402

WINDOWS = sys.platform == "win32"
# The console program: on Windows the windowed hiptrack.exe prints nothing.
EXE_NAME = "hiptrack-cli.exe" if WINDOWS else "hiptrack"
# Signs of an incomplete bundle, in anything the program prints or logs.
BAD_MARKERS = (
    "Traceback",
    "ModuleNotFoundError",
    "ImportError",
    "No module named",
    "Could not find the Qt platform plugin",
    "Could not load the Qt platform plugin",
    "hiptrack resource missing",
    "no pq wrapper available",
)
# Rows counted before and after: every table the schema-0001 fixture fills.
COUNTED_TABLES = ("clinicians", "patients", "visits", "body_mass_measurements", "strength_tests", "trials",
                  "audit_events")
COMMAND_TIMEOUT_S = 180


@dataclass(frozen=True)
class Run:
    command: str
    returncode: int
    output: str
    seconds: float


class Smoke:
    def __init__(self, program: Path, home: Path) -> None:
        self.program = program
        self.home = home
        self.failures: list[str] = []
        self.runs: list[Run] = []

    def env(self) -> dict[str, str]:
        # Nothing from the developer's environment may help the frozen program find modules or data.
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "HIPTRACK_", "QT_")) and k != "VIRTUAL_ENV"}
        env.update(HIPTRACK_HOME=str(self.home), QT_QPA_PLATFORM="offscreen",
                   # The bundle must carry psycopg's binary build (with its own libpq). Without this,
                   # psycopg falls back to a libpq of the build machine, which a clinic PC lacks.
                   PSYCOPG_IMPL="binary")
        return env

    def run(self, *args: str) -> Run:
        started = time.monotonic()
        try:
            done = subprocess.run([str(self.program), *args], env=self.env(), cwd=self.home,
                                  capture_output=True, text=True, errors="replace",
                                  timeout=COMMAND_TIMEOUT_S, check=False)
            code, output = done.returncode, done.stdout + done.stderr
        except subprocess.TimeoutExpired as exc:
            code, output = -1, f"timed out after {COMMAND_TIMEOUT_S} s: {exc.output or ''}"
        result = Run("hiptrack " + " ".join(args), code, output, time.monotonic() - started)
        self.runs.append(result)
        print(f"$ {result.command}  -> exit {code} in {result.seconds:.1f} s")
        for line in output.strip().splitlines():
            print(f"    {line}")
        self.scan(result.command, output)
        return result

    def expect_ok(self, *args: str) -> Run:
        result = self.run(*args)
        if result.returncode != 0:
            self.fail(f"`{result.command}` exited {result.returncode}")
        return result

    def scan(self, where: str, text: str) -> None:
        for marker in BAD_MARKERS:
            if marker in text:
                self.fail(f"{where}: {marker!r} in the output")

    def fail(self, reason: str) -> None:
        print(f"  FAIL: {reason}")
        self.failures.append(reason)


# --- preparing the old database with the development checkout -------------------------------------


def build_old_database(path: Path) -> None:
    from hiptrack.storage.database import Database
    from tests.unit.storage.fixtures import build_schema_0001_database

    db = Database(paths.sqlite_url(path))
    try:
        build_schema_0001_database(db)
    finally:
        db.dispose()


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


def schema_revision(path: Path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


@contextmanager
def postgres_scratch_database(server_url: str) -> Iterator[str]:
    """A database of its own on the test server, so the smoke test never touches the suite's."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"hiptrack_smoke_{os.getpid()}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the checks ---------------------------------------------------------------------------------


def check_sqlite_migration(smoke: Smoke, work: Path, head: str) -> float:
    original = work / "schema-0001.sqlite3"
    build_old_database(original)
    if schema_revision(original) != "0001":
        smoke.fail(f"the fixture database is at {schema_revision(original)}, not 0001")
    before = row_counts(original)
    clinic = work / "clinic.sqlite3"
    shutil.copyfile(original, clinic)
    url = paths.sqlite_url(clinic)

    check = smoke.expect_ok("check", "--database", url)
    if check.returncode == 0 and not check.output.startswith("ok:"):
        smoke.fail("`hiptrack check` did not report ok")
    revision = schema_revision(clinic)
    if revision != head:
        smoke.fail(f"the migrated copy is at schema {revision}, this version's head is {head}")
    after = row_counts(clinic)
    for table, count in before.items():
        if after.get(table, 0) < count:
            smoke.fail(f"{table}: {count} rows before the migration, {after.get(table)} after")
    # Backups sit beside the database they copy (hiptrack.storage.backups.backup_folder).
    backups = sorted((clinic.parent / "backups").glob("clinic-*-pre-migration-0001.sqlite3"))
    if not backups:
        smoke.fail("no pre-migration backup of the old database in the backups folder beside it")
    elif row_counts(backups[0]) != before:
        smoke.fail(f"the pre-migration backup {backups[0].name} does not hold the old rows")

    info = smoke.expect_ok("db", "info", "--database", url)
    expected_lines = [rf"Schema:\s+{re.escape(head)} \(this version's head: {re.escape(head)}\)",
                      rf"Patients:\s+{before['patients']}\b", rf"Visits:\s+{before['visits']}\b",
                      rf"Trials:\s+{before['trials']}\b"]
    for pattern in expected_lines:
        if not re.search(pattern, info.output):
            smoke.fail(f"`hiptrack db info` does not show {pattern!r}")
    print(f"  rows before/after: {before} / {after}")
    return check.seconds


def check_postgres(smoke: Smoke, head: str) -> None:
    # Always: the frozen psycopg must load its C library and report a refused connection as one line.
    unreachable = f"postgresql+psycopg://hiptrack@127.0.0.1:{closed_port()}/hiptrack"
    result = smoke.run("db", "info", "--database", unreachable)
    lines = result.output.strip().splitlines()
    if result.returncode in (0, -1) or len(lines) != 1 or not lines[0].startswith("hiptrack:"):
        smoke.fail("an unreachable PostgreSQL server was not reported as a one-line error")

    server = os.environ.get("HIPTRACK_TEST_DATABASE_URL")
    if not server:
        print("  (HIPTRACK_TEST_DATABASE_URL not set: migrating an old PostgreSQL database skipped)")
        return
    from hiptrack.storage.database import Database
    from tests.unit.storage.fixtures import build_schema_0001_database

    with postgres_scratch_database(server) as url:
        db = Database(url)
        try:
            build_schema_0001_database(db)
        finally:
            db.dispose()
        smoke.expect_ok("check", "--database", url)
        info = smoke.expect_ok("db", "info", "--database", url)
        if not re.search(rf"Schema:\s+{re.escape(head)} ", info.output) or not re.search(r"Patients:\s+2\b",
                                                                                          info.output):
            smoke.fail("the PostgreSQL database was not migrated to head with its patients")


def check_commands(smoke: Smoke) -> None:
    version = smoke.expect_ok("--version")
    if version.output.strip() != f"hiptrack {__version__}":
        smoke.fail(f"`hiptrack --version` says {version.output.strip()!r}, the checkout is {__version__}")
    # Every subcommand of the checkout must be there: hiptrack.cli imports them by name.
    from hiptrack.cli import build_parser

    parser = build_parser()
    commands = next(a.choices for a in parser._actions if a.dest == "command")
    help_text = smoke.expect_ok("--help").output
    for name in commands:
        if not re.search(rf"^\s+{re.escape(name)}\b", help_text, re.MULTILINE):
            smoke.fail(f"the bundle has no `{name}` command (a hiptrack.cli module was left out)")


def check_logs(smoke: Smoke) -> None:
    for log in sorted((smoke.home / "logs").glob("*.log*")):
        smoke.scan(f"log {log.name}", log.read_text(encoding="utf-8", errors="replace"))


# --- bundle and archive -------------------------------------------------------------------------


def folder_megabytes(path: Path) -> float:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def unpack_tarball(tarball: Path, into: Path, smoke: Smoke) -> Path:
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        for required in ("hiptrack/hiptrack", "hiptrack/hiptrack.desktop", "hiptrack/hiptrack.png"):
            if required not in names:
                smoke.fail(f"{tarball.name} has no {required}")
        extract_all(tar, into, smoke)
    return into / "hiptrack"


def extract_all(tar: tarfile.TarFile, into: Path, smoke: Smoke) -> None:
    """Unpack like `filter="tar"`, which Python has only from 3.11.4 on (Debian 12's python3 is 3.11.2)."""
    if hasattr(tarfile, "tar_filter"):
        tar.extractall(into, filter="tar")
        return
    # The same refusals by hand: nothing may land outside `into`, through its name or a link.
    root = into.resolve()
    for member in tar.getmembers():
        target = (root / member.name).resolve()
        link = None
        if member.issym():
            link = (target.parent / member.linkname).resolve()
        elif member.islnk():
            link = (root / member.linkname).resolve()
        if member.name.startswith("/") or not target.is_relative_to(root) or (
                link is not None and not link.is_relative_to(root)) or member.isdev():
            smoke.fail(f"the archive member {member.name!r} would land outside the install folder")
            return
    tar.extractall(into)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the hiptrack bundle and smoke-test it.")
    parser.add_argument("--no-build", action="store_true", help="test the bundle already in dist/")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "hiptrack",
                        help="bundle folder to test (default dist/hiptrack; implies nothing is unpacked)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    figures: dict[str, str] = {}

    if not args.no_build:
        build_started = time.monotonic()
        if subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], check=False).returncode != 0:
            print("smoke test FAILED: installer/build.py failed", file=sys.stderr)
            return 1
        figures["build"] = f"{time.monotonic() - build_started:.0f} s"
    bundle = args.bundle.resolve()
    if not (bundle / EXE_NAME).is_file():
        print(f"smoke test FAILED: no {bundle / EXE_NAME}; build it with python installer/build.py",
              file=sys.stderr)
        return 1
    figures["bundle"] = f"{folder_megabytes(bundle):.0f} MB"
    tarballs = sorted((ROOT / "dist").glob(f"hiptrack-{__version__}-linux-*.tar.gz"))
    use_tarball = bool(tarballs) and args.bundle == parser.get_default("bundle") and not WINDOWS
    if use_tarball and tarballs[-1].stat().st_mtime < (bundle / EXE_NAME).stat().st_mtime:
        # A build with --no-installer leaves the previous archive behind: test the new bundle instead.
        print(f"({tarballs[-1].name} is older than the bundle: testing the bundle folder)")
        use_tarball = False

    from hiptrack.storage.migrate import head_revision

    head = head_revision()
    with tempfile.TemporaryDirectory(prefix="hiptrack-smoke-") as tmp:
        work = Path(tmp)
        (work / "home").mkdir()
        smoke = Smoke(bundle / EXE_NAME, work / "home")
        if use_tarball:
            figures["tar.gz"] = f"{tarballs[-1].stat().st_size / 1e6:.0f} MB"
            unpack_started = time.monotonic()
            smoke.program = unpack_tarball(tarballs[-1], work / "opt", smoke) / EXE_NAME
            figures["unpack"] = f"{time.monotonic() - unpack_started:.1f} s"
            print(f"testing {tarballs[-1].name}, unpacked")
        else:
            print(f"testing {bundle}")
        check_commands(smoke)
        figures["check"] = f"{check_sqlite_migration(smoke, work, head):.1f} s"
        check_postgres(smoke, head)
        check_logs(smoke)

    figures["smoke test total"] = f"{time.monotonic() - started:.0f} s"
    print("figures: " + ", ".join(f"{name} {value}" for name, value in figures.items()))
    if smoke.failures:
        print(f"smoke test FAILED ({len(smoke.failures)}):", file=sys.stderr)
        for reason in smoke.failures:
            print(f"  - {reason}", file=sys.stderr)
        return 1
    print(f"smoke test passed: hiptrack {__version__} bundle migrates schema 0001 to {head} and starts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
