"""Reading rows by column name, so that a column added later cannot shift a reader.

A cursor with :class:`sqlite3.Row` rows (set per cursor: the connection's other readers keep
plain tuples) and :func:`build`, which fills a dataclass from the columns named like its fields.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Execute ``sql``; its rows can be read by column name (``row["headline"]``)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


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
