"""Rows by column name: the picks follow the names, not the order of the columns."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.rows import build, maker, named, picker, update_by_id, values


@dataclass(frozen=True, slots=True)
class Pair:
    start: int
    label: str


@pytest.fixture
def conn(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "rows.sqlite")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, char_start INTEGER)")
    conn.executemany("INSERT INTO t (id, label, char_start) VALUES (?, ?, ?)", [(1, "a", 10), (2, "b", 20)])
    yield conn
    conn.close()


def test_values_follow_the_names_whatever_the_select_order(conn: sqlite3.Connection) -> None:
    forward = list(values(conn.execute("SELECT id, label FROM t ORDER BY id"), "label", "id"))
    backward = list(values(conn.execute("SELECT label, id FROM t ORDER BY id"), "label", "id"))
    assert forward == backward == [("a", 1), ("b", 2)]
    assert list(values(conn.execute("SELECT char_start, id FROM t ORDER BY id"), "id")) == [(1,), (2,)]


def test_a_column_not_selected_is_named(conn: sqlite3.Connection) -> None:
    with pytest.raises(KeyError, match="not selected: char_start"):
        picker(conn.execute("SELECT id, label FROM t"), "label", "char_start")


def test_maker_fills_fields_from_columns_by_name_or_as_renamed(conn: sqlite3.Connection) -> None:
    cursor = conn.execute("SELECT label, id, char_start FROM t ORDER BY id")
    make = maker(Pair, cursor, start="char_start")
    made = [make(row) for row in cursor]
    assert made == [Pair(10, "a"), Pair(20, "b")]
    built = [build(Pair, r, start=r["char_start"]) for r in named(conn, "SELECT char_start, label FROM t ORDER BY id")]
    assert built == made


def test_update_by_id_sets_the_named_columns_of_one_row_only(conn: sqlite3.Connection) -> None:
    update_by_id(conn, "t", 2, {"char_start": 25, "label": "c"})
    update_by_id(conn, "t", 1, {})  # no change: no statement
    assert conn.execute("SELECT id, label, char_start FROM t ORDER BY id").fetchall() == [(1, "a", 10), (2, "c", 25)]
