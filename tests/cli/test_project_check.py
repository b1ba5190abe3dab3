"""The damage finder names wrong-kind values, and finds none in a sound project."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.project_check import diagnose


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    from tests.exports.workproject import build

    path = build(tmp_path_factory.mktemp("check"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def test_a_sound_project_has_no_problems(sound: Path) -> None:
    assert diagnose(sound) == []


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("UPDATE annotations SET char_end = '' WHERE id = 2", "annotations.char_end holds text (row 2)"),
        ("UPDATE annotations SET char_start = 99 WHERE id = 2", "annotations breaks the rule"),
        ("UPDATE tags SET colour = X'FF' WHERE id = 1", "tags.colour holds blob (row 1)"),
        # the blocks' rows are in block_store (schema 7: ``blocks`` is a view over it)
        ("UPDATE block_store SET runs = '[[x' WHERE id = 4", "block_store.runs is not valid JSON (row 4)"),
        ("UPDATE block_store SET runs = '{}' WHERE id = 4", "block_store breaks the rule"),
        ("UPDATE sources SET raw_bytes = 'text' WHERE id = 1", "sources.raw_bytes holds text (row 1)"),
    ],
)
def test_wrong_values_are_named(sound: Path, tmp_path: Path, damage: str, named: str) -> None:
    copy = tmp_path / "damaged.jiaokan"
    shutil.copyfile(sound, copy)
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(damage)
    conn.commit()
    conn.close()
    before = copy.read_bytes()
    found = diagnose(copy)
    assert found and named in found[0]
    assert copy.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["damaged.jiaokan"]


def test_an_unreadable_file_gives_no_verdict(tmp_path: Path) -> None:
    junk = tmp_path / "junk.jiaokan"
    junk.write_bytes(b"not a database at all" * 100)
    assert diagnose(junk) == []
