"""Deciding kept conflicts: list them, accept one (apply the incoming edit), reject one (keep ours)."""

from __future__ import annotations

import json
import sqlite3

from db import edits
from db.article_text import TEXT
from db.connection import Connection
from db.events import Change, event
from db.merge.attributes import KIND as ATTRIBUTE
from db.merge.attributes import accept_attribute
from db.merge.conflict_store import ConflictStore
from db.merge.model import Conflict, MergeError, Outcome
from db.merge.replay import EditReplayer
from db.merge.target import Target


def conflicts(cx: Connection, status: str | None = "pending") -> list[Conflict]:
    """Conflicts kept by merges (``status`` None: all), oldest first."""
    with cx.read() as conn:
        return ConflictStore(conn).list(status)


def conflicts_by_id(cx: Connection, conflict_id: int) -> Conflict:
    with cx.read() as conn:
        return ConflictStore(conn).get(conflict_id)


def reject_conflict(cx: Connection, conflict_id: int) -> Conflict:
    """Keep this project's text; the incoming edit is set aside (and not offered again by later merges)."""
    with cx.write() as conn:
        store = ConflictStore(conn)
        store.pending(conflict_id)
        store.resolve(conflict_id, "rejected")
    return conflicts_by_id(cx, conflict_id)


def accept_conflict(cx: Connection, conflict_id: int) -> Conflict:
    """Apply the incoming edit instead of this project's text.

    A text conflict replaces what this project has at the conflict's place (found again
    by its text and context if it moved) with the incoming text, as a correction by the
    incoming edit's author; an attribute conflict sets the page's field to theirs, as a
    recorded change by its author (:mod:`db.merge.attributes`). A structural or revert
    conflict is tried again: it is applied if the text now reads as the edit expects, else
    :class:`MergeError` says why not.
    """
    with cx.write() as conn:
        store = ConflictStore(conn)
        row = store.pending(conflict_id)
        c = Conflict.from_row(row)
        if c.kind == "text":
            _accept_text(cx, conn, store, c, row)
        elif c.kind == ATTRIBUTE:
            source_id = accept_attribute(conn, c, json.loads(row["payload"]))
            cx.announce(event(Change.SOURCES, sources=[source_id]))
        else:
            _accept_structure(cx, store, c, row)
        store.resolve(conflict_id, "accepted")
    return conflicts_by_id(cx, conflict_id)


def _accept_structure(cx: Connection, store: ConflictStore, c: Conflict, row: dict) -> None:
    if row["source_id"] is None:
        raise MergeError(f"conflict #{c.id}: its source is not in this project")
    payload = json.loads(row["payload"])
    origin = payload.get("origin", "")
    replayer = EditReplayer(cx, ConflictStore(store.conn, c.origin_file))
    target = Target(store.conn, row["source_id"])
    if c.kind == "revert":
        raise MergeError(f"conflict #{c.id}: {c.detail}; revert the edit by hand if it applies")
    done = replayer.role(payload, target) if c.op == "role" else replayer.structural(payload, target)
    store.drop_later(c.id, origin)  # a retry that failed again records nothing new
    if done.outcome is Outcome.CONFLICT:
        raise MergeError(
            f"conflict #{c.id}: the paragraphs still read differently from what the edit expects; "
            "make the change by hand, then reject the conflict"
        )
    if done.outcome is Outcome.APPLIED:
        assert done.edit_id is not None
        store.remember_origin(done.edit_id, origin)


def _accept_text(cx: Connection, conn: sqlite3.Connection, store: ConflictStore, c: Conflict, row: dict) -> None:
    if c.article_id is None or c.start is None or c.end is None:
        raise MergeError(f"conflict #{c.id}: its place in this project is not known; make the change by hand")
    article = conn.execute(f"SELECT {TEXT} FROM articles WHERE id = ?", (c.article_id,)).fetchone()
    if article is None:
        raise MergeError(f"conflict #{c.id}: its article no longer exists")
    text = article[0]
    start = c.start
    if text[start : c.end] != c.ours:
        needle = row["prefix"] + c.ours + row["suffix"]
        at = text.find(needle)
        if at < 0 or text.find(needle, at + 1) >= 0:
            raise MergeError(f"conflict #{c.id}: the text there changed since; make the change by hand")
        start = at + len(row["prefix"])
    if c.ours == c.theirs:
        return
    entry = edits.correct(cx, c.article_id, start, start + len(c.ours), c.theirs, author=c.author, note=c.note)
    store.remember_origin(entry.id, row["origin"])
