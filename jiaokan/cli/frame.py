"""The one frame every project command runs in: open the project, turn failures into one line.

A command handler opens its project with :func:`open_project` and either returns an exit
status or raises. :func:`run_handler` (called by :func:`jiaokan.cli.main`) turns whatever it
raises into one line on stderr, worded by :func:`db.errors.user_message` (the desk words its
message boxes with the same function), and an exit status:

- 1: the work failed (a file could not be imported, a filter names nothing, a bad input file);
- 2: the project itself cannot be used (missing, damaged, newer, busy) or the command line is incomplete;
- 3: an unexpected error (a bug: set ``JIAOKAN_DEBUG=1`` to see the traceback);
- 130: interrupted.

Commands that may create a project (import, import-work, codebook-import) never leave a new,
empty project file behind when they fail.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from db.errors import ProjectBusy, ProjectOpenError, StoreError, user_message
from db.project import Project

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


PROJECT_HELP = "the project file (.jiaokan)"


class CommandFailed(Exception):
    """A failure the command itself has worded; ``status`` is the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def add_project_argument(parser: argparse.ArgumentParser, help: str = PROJECT_HELP) -> None:
    """The ``--project/-p FILE`` option every project command takes."""
    parser.add_argument("--project", "-p", required=True, metavar="FILE", help=help)


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    handler: Handler,
    help: str,
    *,
    project: str | None = PROJECT_HELP,
) -> argparse.ArgumentParser:
    """The subcommand ``name`` run by ``handler``, described by its docstring; ``--project`` unless None."""
    parser = subparsers.add_parser(name, help=help, description=inspect.cleandoc(handler.__doc__ or ""))
    if project is not None:
        add_project_argument(parser, project)
    parser.set_defaults(handler=handler)
    return parser


def exit_status(exc: BaseException) -> int:
    if isinstance(exc, CommandFailed):
        return exc.status
    if isinstance(exc, ProjectOpenError | ProjectBusy):
        return 2
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return 2  # a damaged file
    if isinstance(exc, StoreError | ValueError | OSError | sqlite3.Error | UnicodeError):
        return 1
    return 3


def fail_line(exc: BaseException) -> str:
    message = str(exc) if isinstance(exc, CommandFailed) else user_message(exc)
    return f"jiaokan: {message}"


@dataclass
class Session:
    """An open project for one command; ``discard_if_new()`` drops a project this command created."""

    project: Project
    created: bool
    keep: bool = field(default=True)

    def discard_if_new(self) -> None:
        if self.created:
            self.keep = False


def _remove_project_file(path: Path) -> None:
    """The file this command created, with SQLite's side files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _is_empty(project: Project) -> bool:
    try:
        return project.count_sources() == 0 and not project.tags()
    except Exception:  # a store that cannot even say: keep the file for the person to look at
        return False


@contextmanager
def open_project(path: str, *, create: bool = False) -> Iterator[Session]:
    """The project at ``path`` (created only when ``create``); a new file is removed again if the command fails."""
    target = Path(path)
    existed = os.path.lexists(target)
    was_empty = existed and target.is_file() and target.stat().st_size == 0
    try:
        project = Project.open(target, create=create)
    except (ProjectOpenError, ProjectBusy) as exc:
        raise CommandFailed(user_message(exc), 2) from None
    session = Session(project, created=create and (not existed or was_empty))
    try:
        yield session
    except BaseException:
        if session.created and _is_empty(project):
            session.discard_if_new()
        raise
    finally:
        project.close()
        if not session.keep:
            _remove_project_file(target)
            if was_empty:
                target.touch()  # as it was: an empty file


def run_handler(handler: Handler, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run one command: its exit status, or one line on ``err`` for whatever it raised."""
    try:
        return int(handler(args, out, err) or 0)
    except KeyboardInterrupt:
        print("\njiaokan: interrupted", file=err)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except Exception as exc:  # the frame: never a traceback for the user
        if os.environ.get("JIAOKAN_DEBUG") and not isinstance(exc, CommandFailed):
            traceback.print_exc(file=err)
        damage = _damage(exc, getattr(args, "project", None))
        if damage is not None:
            print(f"jiaokan: {damage}", file=err)
            return 2
        print(fail_line(exc), file=err)
        return exit_status(exc)


def _damage(exc: Exception, project: str | None) -> str | None:
    """For a failure the store did not foresee: the damaged values in the project that explain it, if any."""
    from db.exports.common import ExportError

    worded = CommandFailed | StoreError | OSError | ExportError
    if project is None or isinstance(exc, worded) or not os.path.isfile(project):
        return None
    from db.project_check import diagnose

    found = diagnose(project, limit=1)
    if not found:
        return None
    return f"{project}: the project file holds damaged values ({found[0]}); it was changed outside Jiaokan"


def _quiet_stdout() -> None:
    """After a closed pipe (``jiaokan … | head``), keep Python from complaining when it flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def printable_streams() -> None:
    """Never fail on printing a name that is not valid UTF-8 (it is shown with escapes instead)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def require_text(value: str, what: str) -> str:
    """Refuse an argument that holds bytes which are not UTF-8 (they arrive as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CommandFailed(f"{what} is not valid text (it holds bytes that are not UTF-8)", 2) from None
    return value
