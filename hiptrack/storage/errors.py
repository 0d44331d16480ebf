"""Storage failures a user can meet, each with a message that names the problem and what to do."""

from __future__ import annotations

from hiptrack.domain.translatable import Phrase


class StorageError(Exception):
    """Base class; `str(exc)` is a complete sentence that the GUI and CLI show as it stands."""


class DatabaseCorrupt(StorageError):
    pass


class DatabaseLocked(StorageError):
    pass


class DatabaseUnreachable(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class DiskFull(StorageError):
    """The disk holding the database or its backups has no space left."""


class BackupFailed(StorageError):
    """A backup (or a backup chosen for restoring) failed its check; nothing was replaced."""


class ConstraintViolation(StorageError):
    """The database refused a change that breaks one of its rules (a duplicate, a missing link)."""


class ForeignDatabase(StorageError):
    """An SQLite file that belongs to another program; hiptrack leaves it untouched."""


class SchemaTooNew(StorageError):
    pass


class ClinicalRecordDeletion(StorageError):
    pass


class ConcurrentEdit(StorageError):
    pass


class SignedReportLocked(StorageError):
    """A signed report was about to be changed in place; changes make a new revision instead."""


class AuditTamperRefused(StorageError):
    """An UPDATE or DELETE of an audit event, refused by the database's triggers."""


class PermissionDenied(StorageError):
    """The signed-in user's role does not allow this change (checked in storage, not only the GUI)."""


class UnknownPatient(StorageError):
    """No patient has the chart number asked for (a user's typing, not a database fault)."""


class ValidationError(StorageError):
    """Input that breaks a rule of the record (duplicate chart number, impossible date...)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        # Each problem may be a marked text or a Phrase: keep them so a screen translates each one.
        template = "; ".join(f"{{p{i}}}" for i in range(len(problems)))
        super().__init__(Phrase(template, **{f"p{i}": problem for i, problem in enumerate(problems)}))


class DatabaseMissing(StorageError):
    """A command that only reads was pointed at a database that does not exist (nothing is created)."""
