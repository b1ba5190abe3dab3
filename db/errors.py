"""Typed errors of the project store.

Every failure the UI or the command line must explain to a person is one of
these, with a message that can be shown as it is; nothing below the store
(``sqlite3`` errors, JSON errors) is meant to reach the user unwrapped.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: ``str(exc)`` is a complete, human-readable message."""


class ProjectOpenError(StoreError):
    """The project file cannot be opened; ``path`` names it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class ProjectNotFound(ProjectOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(path, f"{path}: no such project file")


class ProjectCorrupt(ProjectOpenError):
    """Not an SQLite file, a damaged one, or not readable at all."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, f"{path}: cannot be opened as a Jiaokan project: {reason}")
        self.reason = reason


class NotAProject(ProjectOpenError):
    """A valid SQLite database, but some other program's."""

    def __init__(self, path: str) -> None:
        super().__init__(path, f"{path}: is an SQLite database but not a Jiaokan project")


class ProjectTooNew(ProjectOpenError):
    """Written by a newer Jiaokan: opening it could damage work we do not understand."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"{path}: was written by a newer version of Jiaokan (schema {found}; this version "
            f"understands up to schema {supported}). Please update Jiaokan to open it.",
        )
        self.found = found
        self.supported = supported


class ProjectBusy(StoreError):
    """Another process holds the write lock for longer than we are willing to wait."""

    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(
            f"{path}: the project is busy: another Jiaokan process has been writing to it for more "
            f"than {seconds:g} s. Try again when it has finished."
        )
        self.path = path


class NotFound(StoreError):
    """An id that names nothing (already deleted, or never existed)."""

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"no {kind} with id {ident}")
        self.kind = kind
        self.ident = ident


class EditError(StoreError):
    """A text edit that cannot be applied (bad range, nothing to join, …)."""


class RevertConflict(EditError):
    """Later edits changed the same text; they must be reverted first."""

    def __init__(self, edit_id: int, blocking: list[int]) -> None:
        later = ", ".join(f"#{i}" for i in blocking) or "later changes"
        super().__init__(f"edit #{edit_id} cannot be reverted: {later} changed the same text since; revert those first")
        self.edit_id = edit_id
        self.blocking = blocking


class TagError(StoreError):
    """A codebook change that would break its rules (duplicate name, cycle, slot taken)."""


class SourceAttributeError(StoreError):
    """A page attribute that is not one: a date that is no date, a page number that is no number."""


class AnnotationError(StoreError):
    """An annotation range or field that does not fit its article."""


class QueryError(StoreError):
    """A search query that cannot be run: empty, a malformed regular expression, …"""


def user_message(exc: BaseException) -> str:
    """One line a person can act on, for any error an operation on a project may raise.

    The command line prints it after ``jiaokan:``; the desk shows it in a message box (and
    may translate it). Store errors carry their own message; what leaks from below the store
    (SQLite on a damaged file, the file system, text that is not UTF-8) is named plainly.
    """
    import sqlite3

    if isinstance(exc, StoreError):
        text = str(exc)
    elif isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        text = "the project is busy: another Jiaokan process is writing to it; try again when it has finished"
    elif isinstance(exc, sqlite3.DatabaseError):
        text = f"the project file is damaged and cannot be read ({exc})"
    elif isinstance(exc, sqlite3.Error):
        text = f"the project store failed: {exc}"
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        text = f"{where}{exc.strerror or exc}"
    elif isinstance(exc, UnicodeError):
        text = f"text that is not valid Unicode/UTF-8 ({exc.reason if hasattr(exc, 'reason') else exc})"
    elif isinstance(exc, MemoryError):
        text = "not enough memory for this operation"
    elif isinstance(exc, ValueError):
        text = str(exc)
    else:
        text = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
    return " ".join(text.split()) or type(exc).__name__
