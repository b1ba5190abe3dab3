"""The command line's one frame, the error wording the desk shares, and the store's silence."""

from __future__ import annotations

import ast
import os
import sqlite3
import time
from pathlib import Path

import pytest

from db.errors import NotFound, ProjectBusy, ProjectCorrupt, QueryError, user_message
from db.exports import leftovers
from db.project import Project
from db.sources import printable_path
from jiaokan.cli.frame import CommandFailed, exit_status, open_project, require_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("exc", "words", "status"),
    [
        (NotFound("tag", 7), "no tag with id 7", 1),
        (QueryError("the query is empty"), "the query is empty", 1),
        (ProjectCorrupt("p.jiaokan", "bad header"), "p.jiaokan: cannot be opened as a Jiaokan project: bad header", 2),
        (ProjectBusy("p.jiaokan", 5), "the project is busy", 2),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged", 2),
        (sqlite3.OperationalError("database is locked"), "busy", 1),
        (FileNotFoundError(2, "No such file or directory", "/x/y.csv"), "/x/y.csv: No such file or directory", 1),
        (UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed"), "not valid", 1),
        (RuntimeError("boom\nsecond line"), "unexpected error (RuntimeError: boom second line)", 3),
    ],
)
def test_every_error_becomes_one_line(exc: BaseException, words: str, status: int) -> None:
    message = user_message(exc)
    assert words in message and "\n" not in message
    assert exit_status(exc) == status


def test_command_failures_keep_their_status() -> None:
    assert exit_status(CommandFailed("x", 2)) == 2
    with pytest.raises(CommandFailed, match="not valid text"):
        require_text("a\udcffb", "the query")
    assert require_text("正常", "the query") == "正常"


def test_a_failing_command_leaves_no_new_project(tmp_path: Path) -> None:
    new = tmp_path / "new.jiaokan"
    with pytest.raises(NotFound), open_project(str(new), create=True) as session:
        assert session.created and new.exists()
        raise NotFound("source", "x")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_command_keeps_a_project_with_work(tmp_path: Path) -> None:
    new = tmp_path / "new.jiaokan"
    with pytest.raises(NotFound), open_project(str(new), create=True) as session:
        session.project.add_tag("保留")
        raise NotFound("source", "x")
    with Project.open(new, create=False) as p:
        assert [t.name for t in p.tags()] == ["保留"]


def test_reading_commands_never_create(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jiaokan"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "missing.jiaokan"):
        with pytest.raises(CommandFailed) as caught, open_project(str(path)):
            pass
        assert caught.value.status == 2
    assert empty.read_bytes() == b"" and not (tmp_path / "missing.jiaokan").exists()


def test_printable_path_is_stable_and_lossless() -> None:
    raw = os.fsdecode(b"/tmp/\xff\xfe-page.txt")
    shown = printable_path(raw)
    assert shown == "/tmp/\\xff\\xfe-page.txt" and shown.encode("utf-8")
    assert printable_path(raw) == shown and printable_path("/tmp/正常.txt") == "/tmp/正常.txt"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are read from /proc (Linux)")
def test_only_abandoned_part_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    held = tmp_path / ".export.csv.abc123.part"
    dead = tmp_path / ".export.csv.def456.part"
    other = tmp_path / ".other.csv.xyz.part"
    for p in (held, dead, other):
        p.write_text("half")
    with held.open("a"):
        assert leftovers.remove_stale_parts(out) == 1
        assert held.exists() and not dead.exists() and other.exists()
    folder = tmp_path / ".export.csv.dir789.part"  # a brat export's temporary folder
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    assert folder not in leftovers.stale_parts(out)  # written just now: may still be in use
    old = time.time() - 2 * leftovers.FOLDER_QUIET_SECONDS
    for p in (folder, folder / "a.txt"):
        os.utime(p, (old, old))
    assert folder in leftovers.stale_parts(out)


def _prints_or_parses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"{path.name}:{node.lineno} print()")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if "argparse" in names:
                found.append(f"{path.name}:{node.lineno} argparse")
    return found


def test_the_store_neither_prints_nor_parses_arguments() -> None:
    offenders = [hit for path in sorted((ROOT / "db").rglob("*.py")) for hit in _prints_or_parses(path)]
    assert offenders == []
