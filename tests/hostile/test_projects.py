"""Every command on damaged project files: one line, a non-zero status, the file untouched.

Read-only commands never turn a file into a project (a zero-byte file stays zero bytes), and
a file whose recorded migrations disagree with its ``user_version`` is repaired once,
without a backup copy per open.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db.schema import SCHEMA_VERSION

from .conftest import assert_refused, file_state, jiaokan

PAGE = 4096


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _not_sqlite(path: Path) -> None:
    path.write_text("这不是一个项目文件\n" * 50, encoding="utf-8")


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _dropped_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE annotations")
    conn.commit()
    conn.close()


def _scribbled_pages(path: Path) -> None:
    """Every page but the first (the schema stays readable) overwritten with noise."""
    data = bytearray(path.read_bytes())
    noise = random.Random(11)
    for at in range(PAGE, len(data)):
        data[at] = noise.randrange(256)
    path.write_bytes(bytes(data))


def _v2_without_tables(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {0x4A4B414E}")
    conn.commit()
    conn.close()


def _another_programs_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    conn.execute("INSERT INTO orders (item) VALUES ('tea')")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


DAMAGES: dict[str, Callable[[Path], None]] = {
    "zero-bytes": _zero_bytes,
    "not-sqlite": _not_sqlite,
    "truncated": _truncated,
    "dropped-table": _dropped_table,
    "scribbled-pages": _scribbled_pages,
    "v2-without-tables": _v2_without_tables,
    "another-programs-database": _another_programs_database,
    "newer-schema": _newer_schema,
}

#: Every command that reads or writes a project (the output paths live in the test's folder).
COMMANDS: dict[str, list[str]] = {
    "search": ["search", "工资"],
    "tags-list": ["tags", "list"],
    "tags-add": ["tags", "add", "新标签"],
    "export-jsonl": ["export"],
    "export-csv": ["export", "-f", "csv", "-o", "{tmp}/out.csv"],
    "report": ["report"],
    "conflicts": ["conflicts", "list"],
    "import": ["import", "{page}"],
}


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    from tests.exports.workproject import write_pages

    return write_pages(tmp_path_factory.mktemp("hostile-pages"))[0]


CASES = [(d, c) for d in DAMAGES for c in COMMANDS if (d, c) != ("zero-bytes", "import")]


@pytest.mark.parametrize(("damage", "command"), CASES, ids=[f"{d}-{c}" for d, c in CASES])
def test_a_damaged_project_is_refused_in_one_line(damage, command, project_copy, page, tmp_path):
    DAMAGES[damage](project_copy)
    before = file_state(project_copy)
    around = sorted(p.name for p in project_copy.parent.iterdir())
    argv = [a.format(tmp=tmp_path, page=page) for a in COMMANDS[command]]
    run = jiaokan(*argv, "-p", project_copy)
    assert_refused(run)
    assert file_state(project_copy) == before
    assert sorted(p.name for p in project_copy.parent.iterdir()) == around  # no backup, no output, no side file


def test_only_a_creating_command_makes_a_project_of_a_zero_byte_file(project_copy, page):
    project_copy.write_bytes(b"")
    run = jiaokan("import", page, "-p", project_copy)
    assert run.code == 0 and "imported 1" in run.out, run.err
    assert jiaokan("tags", "list", "-p", project_copy).code == 0


def test_a_folder_as_project_is_refused(tmp_path):
    folder = tmp_path / "folder.jiaokan"
    folder.mkdir()
    assert_refused(jiaokan("tags", "list", "-p", folder), "folder")
    assert_refused(jiaokan("import", tmp_path, "-p", folder), "folder")


def test_a_missing_project_is_not_created_by_reading_commands(tmp_path):
    missing = tmp_path / "missing.jiaokan"
    for argv in (["search", "x"], ["tags", "list"], ["export"], ["report"], ["conflicts", "list"]):
        assert_refused(jiaokan(*argv, "-p", missing), "no such project")
    assert list(tmp_path.iterdir()) == []


def test_migrations_that_disagree_with_user_version_are_repaired_once(project_copy):
    conn = sqlite3.connect(project_copy)
    conn.execute("PRAGMA user_version = 1")  # every migration is recorded as applied, the header lags
    conn.commit()
    conn.close()
    for _ in range(3):
        run = jiaokan("tags", "list", "-p", project_copy)
        assert run.code == 0 and "Traceback" not in run.err, run.err
    conn = sqlite3.connect(project_copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert [p.name for p in project_copy.parent.iterdir() if ".bak-" in p.name] == []


def test_a_failed_upgrade_is_copied_once_however_often_it_is_opened(tmp_path):
    from tests.db.conftest import FIXTURES

    old = tmp_path / "old.jiaokan"
    shutil.copyfile(FIXTURES / "schema_v1.jiaokan", old)
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE article_notes (x)")  # the upgrade to schema 2 cannot create it
    conn.commit()
    conn.close()
    for _ in range(3):
        assert_refused(jiaokan("tags", "list", "-p", old), "upgrading from schema 1 failed")
    assert len([p for p in tmp_path.iterdir() if ".bak-" in p.name]) == 1


#: Values of the wrong kind written into a sound project by another program (SQLite keeps whatever it is given;
#: the blocks are rows of ``block_store``, which the ``blocks`` view reads, schema 7).
VALUE_DAMAGES = {
    "offset-as-text": "UPDATE annotations SET char_end = '' WHERE id = 1",
    "colour-as-bytes": "UPDATE tags SET colour = X'FF' WHERE id = 1",
    "runs-half-json": "UPDATE block_store SET runs = '[[x' WHERE id = 1",
    "runs-a-number": "UPDATE block_store SET runs = -1 WHERE id = 1",
    "review-state-bytes": "UPDATE articles SET review_state = X'FF' WHERE id = 1",
    "raw-bytes-as-text": "UPDATE sources SET raw_bytes = '[]' WHERE id = 1",
    "original-text-bytes": "UPDATE block_store SET original_text = X'FF' WHERE id = 3",
    "note-article-blank": "UPDATE article_notes SET article_id = '' WHERE id = 1",
}
VALUE_COMMANDS = {k: COMMANDS[k] for k in ("search", "tags-list", "export-jsonl", "export-csv", "report")} | {
    "export-tei": ["export", "-f", "tei", "-o", "{tmp}/out.xml"],
    "export-qdpx": ["export", "-f", "qdpx", "-o", "{tmp}/out.qdpx"],
    "export-markdown": ["export", "-f", "markdown", "-o", "{tmp}/out.md"],
}


@pytest.mark.parametrize("command", list(VALUE_COMMANDS))
@pytest.mark.parametrize("damage", list(VALUE_DAMAGES))
def test_damaged_values_are_named_never_a_crash(damage, command, project_copy, tmp_path):
    conn = sqlite3.connect(project_copy)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(VALUE_DAMAGES[damage])
    conn.commit()
    conn.close()
    before = file_state(project_copy)
    around = sorted(p.name for p in project_copy.parent.iterdir())
    run = jiaokan(*(a.format(tmp=tmp_path) for a in VALUE_COMMANDS[command]), "-p", project_copy)
    assert "Traceback" not in run.err and "unexpected error" not in run.err, run.err
    if run.code != 0:  # a command that never reads the damaged value may well succeed
        assert_refused(run)
        assert file_state(project_copy) == before
        assert sorted(p.name for p in project_copy.parent.iterdir()) == around
        assert "damaged" in run.err or "no " in run.err, run.err
