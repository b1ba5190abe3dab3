"""Finding values of the wrong kind in a project file, to explain a failure in words.

SQLite stores whatever it is given: a file changed by another program can hold text in an
offset column, bytes where a tag colour belongs or a half-written JSON list of runs, and the
store then fails somewhere deep inside with a ``TypeError``. Checking every row on every open
would cost seconds on a large project, so this check runs when something unexpected went
wrong: if it finds damage, the person is told which table and column hold what (the file was
changed outside Jiaokan) instead of "unexpected error".

The checks follow the declared schema (column types, NOT NULL) and the few rules the store
relies on that SQLite does not enforce once a file was edited by hand (JSON columns, ranges).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: Declared column type -> the ``typeof()`` its values must have.
_TYPES = {"INTEGER": "integer", "TEXT": "text", "BLOB": "blob", "REAL": "real"}

#: Columns holding JSON text the store parses.
JSON_COLUMNS = {
    "blocks": ("runs",),  # before schema 7
    "block_store": ("runs",),
    "edits": ("params", "before", "after", "steps"),
    "sources": ("furniture",),
}

#: Rules the store relies on, as SQL conditions that must hold for every row.
RULES = {
    "annotations": ("char_start >= 0 AND char_start <= char_end",),
    "blocks": ("json_type(runs) = 'array'",),
    "block_store": ("json_type(runs) = 'array'",),
    "edits": ("json_type(steps) = 'array'", "json_type(params) = 'object'"),
    "sources": ("json_type(furniture) = 'array'",),
}

_SKIP_PREFIXES = ("sqlite_", "_sqlite_")


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r[0] for r in rows if not r[0].startswith(_SKIP_PREFIXES)]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def problems(conn: sqlite3.Connection, limit: int = 3) -> list[str]:
    """Up to ``limit`` descriptions like "annotations.char_end holds text (row 12)"."""
    found: list[str] = []
    for table in _tables(conn):
        t = _quote(table)
        try:
            columns = conn.execute(f"PRAGMA table_info({t})").fetchall()
        except sqlite3.DatabaseError:
            continue
        checks: list[tuple[str, str]] = []
        for _cid, name, decl, notnull, _default, _pk in columns:
            c = _quote(name)
            wanted = _TYPES.get((decl or "").upper())
            if wanted is not None:
                allowed = f"('{wanted}')" if notnull else f"('{wanted}', 'null')"
                checks.append((f"typeof({c}) NOT IN {allowed}", f"{table}.{name} holds {{kind}} (row {{row}})"))
            elif notnull:
                checks.append((f"{c} IS NULL", f"{table}.{name} is empty (row {{row}})"))
        for name in JSON_COLUMNS.get(table, ()):
            checks.append((f"json_valid({_quote(name)}) = 0", f"{table}.{name} is not valid JSON (row {{row}})"))
        for rule in RULES.get(table, ()):
            checks.append((f"NOT coalesce({rule}, 0)", f"{table} breaks the rule {rule!r} (row {{row}})"))
        for condition, words in checks:
            kind_of = condition.split(" NOT IN ")[0] if condition.startswith("typeof(") else "'value'"
            try:
                row = conn.execute(f"SELECT rowid, {kind_of} FROM {t} WHERE {condition} LIMIT 1").fetchone()
            except sqlite3.Error:
                continue  # a column the rule names is missing: the schema check at open reports that
            if row is not None:
                found.append(words.format(kind=row[1], row=row[0]))
                if len(found) >= limit:
                    return found
    return found


def diagnose(path: str | Path, limit: int = 3) -> list[str]:
    """:func:`problems` of the file at ``path``, read-only; [] when it cannot be read at all.

    An ordinary connection with ``query_only`` while it reads, rather than a read-only one: only a
    connection that may write removes the ``-wal`` and ``-shm`` files when it closes, so
    ``query_only`` is lifted again (nothing was written) just before closing.
    """
    try:
        conn = sqlite3.connect(os.fsencode(path))
    except sqlite3.Error:
        return []
    try:
        conn.execute("PRAGMA query_only = ON")
        return problems(conn, limit)
    except sqlite3.Error:
        return []
    finally:
        try:
            conn.execute("PRAGMA query_only = OFF")
        except sqlite3.Error:
            pass
        conn.close()
