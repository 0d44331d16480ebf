"""Owner-only files: patient data is readable by the user running hiptrack and nobody else.

Under a common umask (022) new files are world-readable, so a second local account could copy the
database. hiptrack therefore creates its folders 0700 and its files 0600 explicitly, whatever the
umask, and tightens files left by older versions at start-up (`tighten_data_files`). The command
line also narrows the process umask (`restrict_umask`), which covers files written by libraries
(SQLite's -wal/-shm, Qt's PDF writer, rotated logs).

On Windows, permissions come from the folder's ACL (the per-user AppData folder); chmod is a no-op
there beyond the read-only flag, so these functions only act on POSIX systems.

No Qt, no SQL: storage, logging and the command line all use this module.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def restrict_umask() -> None:
    """New files of this process are owner-only, whoever creates them."""
    if _POSIX:
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) and make the folder itself owner-only."""
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if missing; make it owner-only either way (never truncates)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if _POSIX:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


@contextlib.contextmanager
def private_open(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open `path` for writing text (truncating it), owner-only from the first byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    if _POSIX:
        os.fchmod(fd, FILE_MODE)
    with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
        yield fh


def _too_open(path: Path, wanted: int) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & ~wanted & 0o777)


def tighten(paths: Iterable[Path]) -> int:
    """Make each existing folder (recursively) and file owner-only. Returns how many changed."""
    if not _POSIX:
        return 0
    changed = 0
    seen: set[Path] = set()  # start-up names files that a folder it also names already holds
    for top in paths:
        if not top.exists() or top.is_symlink():
            continue
        entries = [top, *top.rglob("*")] if top.is_dir() else [top]
        for entry in entries:
            # Never follow a link out of our folders; look at each file once.
            if entry.is_symlink() or entry in seen:
                continue
            seen.add(entry)
            wanted = DIR_MODE if entry.is_dir() else FILE_MODE
            try:
                if _too_open(entry, wanted):
                    os.chmod(entry, wanted)
                    changed += 1
            except OSError as exc:  # a file owned by someone else: report, never stop the app
                log.warning("could not make %s owner-only: %s", entry.name, exc.strerror or type(exc).__name__)
    return changed


def tighten_data_files(folders: Iterable[Path], database: Path | None) -> int:
    """At start-up: hiptrack's own folders and the database with its -wal/-shm, owner-only."""
    targets = list(folders)
    if database is not None:
        targets += [database, Path(f"{database}-wal"), Path(f"{database}-shm"), Path(f"{database}-journal")]
    changed = tighten(targets)
    if changed:
        log.info("made %d file(s) and folder(s) holding patient data readable by their owner only", changed)
    return changed
