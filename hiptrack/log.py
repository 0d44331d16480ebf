"""Logging set-up: one rotating file in the platform log folder, plus stderr.

Logs reach support e-mails, so they carry record ids only. Code logs `patient id=42`, never a
name, chart number, birth date or note. As a second line of defence, every value registered with
`redact()` (the names and chart numbers of the patients loaded in this session) is masked from
each record before it is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path

from hiptrack import paths
from hiptrack.private_files import private_dir, private_file

LOG_FILE_NAME = "hiptrack.log"
_MASK = "[redacted]"
_redacted: set[str] = set()
_redacted_lock = threading.Lock()


def redact(*values: object) -> None:
    """Register identifying values (names, chart numbers) that must never reach a log line."""
    with _redacted_lock:
        for value in values:
            text = str(value).strip() if value is not None else ""
            if len(text) >= 2:  # one-letter values would mask ordinary words
                _redacted.add(text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        with _redacted_lock:
            secrets = sorted(_redacted, key=len, reverse=True)
        if not secrets:
            return True
        message = record.getMessage()
        text = message
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        exc_text = record.exc_text or ""
        for secret in secrets:
            text = text.replace(secret, _MASK)
            exc_text = exc_text.replace(secret, _MASK)
        if text != message:
            record.msg, record.args = text, None
        record.exc_text = exc_text or None
        return True


def configure(level: int = logging.INFO, log_dir: Path | None = None, to_stderr: bool = True) -> Path | None:
    """Attach handlers once. Returns the log file path, or None if the folder is not writable."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hiptrack", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    redactor = RedactingFilter()
    log_path: Path | None = None
    try:
        folder = log_dir or paths.log_dir()
        private_dir(folder)
        log_path = private_file(folder / LOG_FILE_NAME)
        file_handler = logging.handlers.RotatingFileHandler(
            log_path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(formatter)
        file_handler.addFilter(redactor)
        file_handler._hiptrack = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError:
        log_path = None
    if to_stderr:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(formatter)
        stream.addFilter(redactor)
        stream._hiptrack = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return log_path
