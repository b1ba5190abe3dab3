"""Where merges keep the edits they could not apply: the ``merge_conflicts`` table, and the
``merge_origins`` table that names every edit a merge made after the edit it copies.

Both tables belong to schema 2 (:mod:`db.schema`); :func:`ensure_tables` only matters for a
file that somehow lacks them.
"""

from __future__ import annotations

import json
import sqlite3

from db.connection import now
from db.errors import NotFound
from db.export import ORIGINS_TABLE, has_table
from db.merge.model import Conflict, MergeError
from db.schema import CONFLICTS_TABLE, MERGE_TABLES_SQL

#: Characters of context kept around a conflict (to find its place again when it is accepted).
CONTEXT = 16

_COLUMNS = (
    "id, kind, op, article_id, start, end, base, ours, theirs, author, note, at, origin_file, detail, status,"
    " created_at, source_id"
)


def ensure_tables(conn: sqlite3.Connection) -> None:
    for statement in MERGE_TABLES_SQL:
        conn.execute(statement)


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    """Rows as dicts by column name."""
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


class ConflictStore:
    """The kept conflicts and the merge origins of one open transaction (``conn``)."""

    def __init__(self, conn: sqlite3.Connection, origin_file: str = "") -> None:
        self.conn = conn
        self.origin_file = origin_file

    # -- what merges remember -----------------------------------------------------------------
    def known_origins(self) -> dict[str, int]:
        """Origin key -> the edit here that copies it."""
        return dict(self.conn.execute(f"SELECT origin, edit_id FROM {ORIGINS_TABLE}").fetchall())

    def conflicted_origins(self) -> set[str]:
        return {r[0] for r in self.conn.execute(f"SELECT origin FROM {CONFLICTS_TABLE}")}

    def remember_origin(self, edit_id: int, origin: str) -> None:
        self.conn.execute(f"INSERT OR REPLACE INTO {ORIGINS_TABLE} (edit_id, origin) VALUES (?, ?)",
                          (edit_id, origin))

    # -- storing ----------------------------------------------------------------------------------
    def record(
        self,
        e: dict,
        origin: str,
        kind: str,
        where: tuple[int, int, int] | None,
        *,
        base: str = "",
        ours: str = "",
        theirs: str = "",
        context: tuple[str, str] = ("", ""),
        detail: str = "",
        source_id: int | None = None,
    ) -> int:
        """Keep incoming edit ``e`` (the export's record of it) side by side; returns the conflict's id."""
        article_id, start, end = where if where is not None else (None, None, None)
        cur = self.conn.execute(
            f"INSERT INTO {CONFLICTS_TABLE} (created_at, origin, kind, op, source_id, article_id, start, end, base,"
            " ours, theirs, prefix, suffix, author, note, at, origin_file, detail, payload)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now(), origin, kind, e.get("op", ""), source_id, article_id, start, end, base, ours, theirs,
             context[0], context[1], e.get("author"), e.get("note"), e.get("at"), self.origin_file, detail,
             json.dumps(e, ensure_ascii=False)),
        )
        return cur.lastrowid

    def drop_later(self, conflict_id: int, origin: str) -> None:
        """Forget conflicts recorded for ``origin`` after ``conflict_id`` (by a retry of it)."""
        self.conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id > ? AND origin = ?", (conflict_id, origin))

    def resolve(self, conflict_id: int, status: str) -> None:
        self.conn.execute(f"UPDATE {CONFLICTS_TABLE} SET status = ?, resolved_at = ? WHERE id = ?",
                          (status, now(), conflict_id))

    # -- reading ----------------------------------------------------------------------------------
    def list(self, status: str | None = "pending") -> list[Conflict]:
        if not has_table(self.conn, CONFLICTS_TABLE):
            return []
        sql = f"SELECT {_COLUMNS} FROM {CONFLICTS_TABLE}" + (" WHERE status = ?" if status else "") + " ORDER BY id"
        return [Conflict.from_row(r) for r in _rows(self.conn, sql, (status,) if status else ())]

    def get(self, conflict_id: int) -> Conflict:
        return Conflict.from_row(self.stored(conflict_id))

    def stored(self, conflict_id: int) -> dict:
        """The whole stored row: the :class:`Conflict` columns and prefix, suffix, payload, origin."""
        if not has_table(self.conn, CONFLICTS_TABLE):
            raise NotFound("conflict", conflict_id)
        rows = _rows(
            self.conn,
            f"SELECT {_COLUMNS}, prefix, suffix, payload, origin FROM {CONFLICTS_TABLE} WHERE id = ?",
            (conflict_id,),
        )
        if not rows:
            raise NotFound("conflict", conflict_id)
        return rows[0]

    def pending(self, conflict_id: int) -> dict:
        row = self.stored(conflict_id)
        if row["status"] != "pending":
            raise MergeError(f"conflict #{conflict_id} is already {row['status']}")
        return row
