"""Rows by column name, so that a column added later cannot shift a reader or a writer.

A cursor with :class:`sqlite3.Row` rows (set per cursor: the connection's other readers keep
plain tuples) and :func:`build`, which fills a dataclass from the columns named like its fields.
For loops over many rows, :func:`picker` and :func:`maker` find the columns by name once per
query and then read plain rows at the speed of positions. :func:`update_by_id` writes the
columns a change names into one row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import fields
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

T = TypeVar("T")


def named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Execute ``sql``; its rows can be read by column name (``row["headline"]``)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    try:
        return cursor.execute(sql, params)
    except sqlite3.Error:
        cursor.close()  # a statement left open would keep its connection from closing
        raise


def all_named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Every row of ``sql`` by name, the cursor closed even when a row fails to be read.

    A step can fail inside SQLite (a schema-7 view whose function meets a damaged value): the
    cursor must not stay open, or the connection cannot close and a read-only one leaves the
    ``-wal`` file behind.
    """
    cursor = named(conn, sql, params)
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def build(cls: type[T], row: sqlite3.Row, **values: Any) -> T:
    """``cls`` from the columns named like its fields; ``values`` give (or convert) some of them.

    A field neither given nor selected keeps its default (a missing one without default is a
    ``TypeError`` from ``cls``).
    """
    kwargs = {}
    for name in _field_names(cls):
        if name in values:
            kwargs[name] = values[name]
        else:
            try:
                kwargs[name] = row[name]
            except IndexError:  # not selected
                continue
    return cls(**kwargs)


def picker(cursor: sqlite3.Cursor, *names: str) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function that takes the columns ``names``, in that order, out of a row of ``cursor``.

    The positions are looked up by name once per query, so a loop over many plain rows reads
    them as fast as by position (:class:`sqlite3.Row` looks the name up at every access).
    """
    columns = [d[0] for d in cursor.description]
    missing = [n for n in names if n not in columns]
    if missing:
        raise KeyError(f"not selected: {', '.join(missing)}")
    get = itemgetter(*(columns.index(n) for n in names))
    return get if len(names) > 1 else lambda row: (get(row),)


def maker(cls: type[T], cursor: sqlite3.Cursor, **columns: str) -> Callable[[Sequence[Any]], T]:
    """A function that makes ``cls`` from a row of ``cursor`` (every field selected).

    Each field comes from the column named like it, or from the one ``columns`` names for it
    (``start="char_start"``); positions are looked up once per query (see :func:`picker`).
    """
    pick = picker(cursor, *(columns.get(name, name) for name in _field_names(cls)))
    return lambda row: cls(*pick(row))


def values(cursor: sqlite3.Cursor, *names: str) -> Iterator[tuple[Any, ...]]:
    """The columns ``names`` of each row of ``cursor``, in that order (for unpacking in a loop).

    The rows are fetched whole first: a loop stopped by a damaged value leaves no cursor open.
    """
    return map(picker(cursor, *names), cursor.fetchall())


def update_by_id(conn: sqlite3.Connection, table: str, row_id: int, columns: Mapping[str, Any]) -> None:
    """Set ``columns`` (name: value) of the row ``row_id`` of ``table``; nothing when there are none.

    ``table`` and the column names are the caller's own identifiers, never user input.
    """
    if columns:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*columns.values(), row_id))
