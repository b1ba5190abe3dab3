"""Reverting an edit: a new entry that restores the "before" snapshot of an earlier one.

Refused (:class:`~db.errors.RevertConflict`) when what that entry changed has been changed
again since, naming the later entries to revert first. The history of an article lists
each entry with the revert that currently undoes it (:mod:`db.history` holds the rule).
"""

from __future__ import annotations

import json
import sqlite3

from db import annotations
from db.articles import refresh_article
from db.connection import Connection, now
from db.edit_log import (
    EDIT_COLUMNS,
    Change_,
    Plan,
    absolute_steps,
    article_row,
    block_order,
    block_row,
    entry_from_row,
    insert_article_after,
    invert,
    keys_of,
    record,
    remove_article,
    renumber,
)
from db.errors import EditError, NotFound, RevertConflict
from db.history import active_map
from db.models import EditEntry
from db.rows import named

# -- history and revert -------------------------------------------------------------------------


def _raw(conn: sqlite3.Connection, edit_id: int) -> sqlite3.Row:
    r = named(
        conn,
        "SELECT id, op, article_id, other_article_id, before, after, steps, reverts FROM edits WHERE id = ?", (edit_id,)
    ).fetchone()
    if r is None:
        raise NotFound("edit", edit_id)
    return r


def history(conn: sqlite3.Connection, article_id: int) -> list[EditEntry]:
    active = active_map(conn, [article_id])
    rows = named(
        conn,
        f"SELECT {EDIT_COLUMNS} FROM edits WHERE article_id = ? OR other_article_id = ? ORDER BY id",
        (article_id, article_id),
    )
    return [entry_from_row(r, active.get(r["id"], (True, None))[1]) for r in rows]


def _matches(conn: sqlite3.Connection, snap: dict) -> bool:
    for key, row in snap["articles"].items():
        cur = article_row(conn, int(key))
        if (cur is None) != (row is None):
            return False
        if cur is not None and (cur["source_id"], cur["kind"]) != (row["source_id"], row["kind"]):
            return False
    for key, row in snap["blocks"].items():
        cur = block_row(conn, int(key))
        if (cur is None) != (row is None):
            return False
        if cur is not None:
            fields = ("article_id", "role", "text", "runs", "original_text")
            if any(cur[f] != row[f] for f in fields):
                return False
    for key, order in snap.get("order", {}).items():
        if block_order(conn, int(key)) != order:
            return False
    return True


_BLOCK_FIELDS = ("article_id", "role", "text", "runs", "original_text")


def _blocking(conn: sqlite3.Connection, target: dict, later: list[int]) -> list[int]:
    """Of the entries in effect after one that cannot be reverted, those that changed what it left.

    That is what :func:`_matches` compares: its blocks (text, raw map, role, article) and, for
    a structural entry, the order of its articles' blocks. Naming only those tells the user
    which entries to revert first, instead of every later edit of the article.
    """
    blocks = set(target["blocks"])
    orders = set(target.get("order", {}))
    found = []
    for edit_id in later:
        r = named(conn, "SELECT before, after FROM edits WHERE id = ?", (edit_id,)).fetchone()
        before, after = json.loads(r["before"]), json.loads(r["after"])
        touched = False
        for key in blocks & set(after["blocks"]):
            was, now_ = before["blocks"].get(key), after["blocks"].get(key)
            if (was is None) != (now_ is None) or (now_ is not None and any(now_[f] != was[f] for f in _BLOCK_FIELDS)):
                touched = True
                break
        for key in orders & set(after.get("order", {})):
            if touched:
                break
            touched = before.get("order", {}).get(key) != after["order"][key]
        if touched:
            found.append(edit_id)
    return found or later


def revert(cx: Connection, edit_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Undo an entry by restoring its "before" state; recorded as a new entry (so it can be reverted too)."""

    def plan(conn: sqlite3.Connection) -> Plan:
        r = _raw(conn, edit_id)
        before, after, steps = json.loads(r["before"]), json.loads(r["after"]), json.loads(r["steps"])
        keys = keys_of(after)
        affected = sorted(keys.articles)
        if not _matches(conn, after):
            active = active_map(conn, affected)
            state, by = active.get(edit_id, (True, None))
            if not state and by is not None:
                raise EditError(f"edit #{edit_id} is already reverted (by #{by})")
            later = [e for e, (on, _) in sorted(active.items()) if e > edit_id and on]
            raise RevertConflict(edit_id, _blocking(conn, after, later))
        inverse = invert(steps)

        def apply(conn: sqlite3.Connection) -> Change_:
            _restore(conn, before, after, absolute_steps(conn, inverse))
            return Change_(inverse, {"reverts": edit_id, "op": r["op"]}, [], refresh_quotes=False)

        main = r["article_id"] if r["article_id"] in keys.articles else affected[0]
        return Plan([main] + [a for a in affected if a != main], keys.blocks, keys.structural, apply)

    return record(cx, "revert", plan, author, note, reverts=edit_id)


def _restore(conn: sqlite3.Connection, target: dict, current: dict, abs_inverse: list) -> None:
    structural = "order" in target
    # 1. articles that must exist again
    for key, row in sorted(target["articles"].items(), key=lambda kv: int(kv[0])):
        aid = int(key)
        if row is not None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is None:
            position = insert_article_after(conn, row["source_id"], row["after_id"])
            conn.execute(
                "INSERT INTO articles (id, source_id, position, kind, engine_index, headline, engine_notes,"
                " updated_at, review_state) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)",
                (
                    aid,
                    row["source_id"],
                    position,
                    row["kind"],
                    row["engine_index"],
                    row["engine_notes"],
                    now(),
                    row["review_state"],
                ),
            )
    # 2. annotations: exactly back where they were if untouched since, else mapped back
    live_articles = [int(k) for k, v in target["articles"].items() if v is not None]
    on_now = set(annotations.states(conn, [int(k) for k in current["articles"]]))
    restored: set[int] = set()
    mapped: list[int] = []
    for aid in sorted(on_now | {int(k) for k in target["annotations"]}):
        state = annotations.state(conn, aid)
        if state is None:
            continue
        was, now_expected = target["annotations"].get(str(aid)), current["annotations"].get(str(aid))
        if was is not None and state == now_expected:
            restored.add(aid)
        else:
            mapped.append(aid)
    annotations.map_through(conn, mapped, abs_inverse)
    for aid in restored:
        annotations.set_state(conn, aid, target["annotations"][str(aid)])
    for key, article_id in target["notes"].items():
        if article_id is not None and current["notes"].get(key) is not None:
            conn.execute(
                "UPDATE article_notes SET article_id = ? WHERE id = ? AND article_id = ?",
                (article_id, int(key), current["notes"][key]),
            )
    # 3. blocks
    for key, row in target["blocks"].items():
        bid = int(key)
        if row is None:
            conn.execute("DELETE FROM blocks WHERE id = ?", (bid,))
        elif conn.execute("SELECT 1 FROM blocks WHERE id = ?", (bid,)).fetchone() is None:
            conn.execute(
                "INSERT INTO blocks (id, article_id, position, role, text, runs, original_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (bid, row["article_id"], row["position"], row["role"], row["text"], row["runs"], row["original_text"]),
            )
        else:
            conn.execute(
                "UPDATE blocks SET article_id = ?, role = ?, text = ?, runs = ?, original_text = ?"
                + (", position = ?" if structural else "")
                + " WHERE id = ?",
                (row["article_id"], row["role"], row["text"], row["runs"], row["original_text"])
                + ((row["position"],) if structural else ())
                + (bid,),
            )
    if structural:
        for key, order in target["order"].items():
            if target["articles"].get(key) is not None:
                renumber(conn, int(key), order)
    # 4. articles that must not exist
    for key, row in target["articles"].items():
        aid = int(key)
        if row is None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is not None:
            remove_article(conn, aid)
    # quotes of mapped annotations follow the restored text; restored ones are exact already
    for article_id in live_articles:
        text = refresh_article(conn, article_id)
        annotations.refresh(conn, article_id, text, only=mapped)
