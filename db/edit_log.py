"""The edit log: how one edit is recorded, so that it can be reverted later.

Every change to an article's text goes through :func:`record`: it snapshots the rows the
operation may touch, applies it, moves the article's annotations through the exact
position steps of the change, reindexes the text for search and appends one ``edits``
row, all in one transaction. Raw text is never modified; blocks keep their raw maps
(characters an editor inserts have none). The operations are in :mod:`db.edits`, the
reverts in :mod:`db.reverts`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from db import annotations, search_index
from db.anchoring import apply_steps, invert_steps
from db.articles import Layout, load_blocks, refresh_article
from db.connection import Connection, now
from db.errors import NotFound
from db.events import Change, event
from db.models import Block, EditEntry
from db.rows import build, named

EDIT_COLUMNS = "id, at, author, op, article_id, other_article_id, params, note, reverts"

# -- snapshots ------------------------------------------------------------------------


def block_row(conn: sqlite3.Connection, block_id: int) -> dict | None:
    r = named(
        conn, "SELECT article_id, position, role, text, runs, original_text FROM blocks WHERE id = ?", (block_id,)
    ).fetchone()
    return None if r is None else dict(r)


def article_row(conn: sqlite3.Connection, article_id: int) -> dict | None:
    r = named(
        conn,
        "SELECT source_id, position, kind, review_state, engine_index, engine_notes FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if r is None:
        return None
    prev = named(
        conn,
        "SELECT id FROM articles WHERE source_id = ? AND position < ? ORDER BY position DESC LIMIT 1",
        (r["source_id"], r["position"]),
    ).fetchone()
    return {
        "source_id": r["source_id"],
        "kind": r["kind"],
        "review_state": r["review_state"],
        "engine_index": r["engine_index"],
        "engine_notes": r["engine_notes"],
        "after_id": prev["id"] if prev else None,
    }


def block_order(conn: sqlite3.Connection, article_id: int) -> list[int]:
    return [r["id"] for r in named(conn, "SELECT id FROM blocks WHERE article_id = ? ORDER BY position", (article_id,))]


@dataclass(slots=True)
class Keys:
    """What a snapshot covers."""

    articles: set[int] = field(default_factory=set)
    blocks: set[int] = field(default_factory=set)
    annotations: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)
    structural: bool = False


def _snapshot(conn: sqlite3.Connection, keys: Keys) -> dict:
    snap: dict = {
        "articles": {str(a): article_row(conn, a) for a in sorted(keys.articles)},
        "blocks": {str(b): block_row(conn, b) for b in sorted(keys.blocks)},
        "annotations": {},
        "notes": {},
    }
    found = annotations.states_by_id(conn, keys.annotations)
    for aid in sorted(keys.annotations):
        snap["annotations"][str(aid)] = found.get(aid)
    found = _by_id(conn, "SELECT id, article_id FROM article_notes", keys.notes)
    for nid in sorted(keys.notes):
        r = found.get(nid)
        snap["notes"][str(nid)] = r["article_id"] if r else None
    if keys.structural:
        snap["order"] = {str(a): block_order(conn, a) for a in sorted(keys.articles)}
    return snap


def _by_id(conn: sqlite3.Connection, select: str, ids: Iterable[int]) -> dict[int, sqlite3.Row]:
    """Rows of ``select`` (it has an ``id`` column) for ``ids``, read in batches."""
    wanted = sorted(ids)
    out: dict[int, sqlite3.Row] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.update((r["id"], r) for r in named(conn, f"{select} WHERE id IN ({marks})", chunk))
    return out


def keys_of(snap: dict) -> Keys:
    return Keys(
        {int(k) for k in snap["articles"]},
        {int(k) for k in snap["blocks"]},
        {int(k) for k in snap["annotations"]},
        {int(k) for k in snap["notes"]},
        "order" in snap,
    )


def _on_articles(conn: sqlite3.Connection, article_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """Ids of the annotations and notes on the given articles."""
    ids = list(article_ids)
    marks = ",".join("?" * len(ids))
    anns = {r["id"] for r in named(conn, f"SELECT id FROM annotations WHERE article_id IN ({marks})", ids)}
    notes = {r["id"] for r in named(conn, f"SELECT id FROM article_notes WHERE article_id IN ({marks})", ids)}
    return anns, notes


# -- steps -----------------------------------------------------------------------------------
# Stored steps name replaced ranges relative to a block (["breplace", article, block, s, e, n]) so a
# correction can be reverted after other paragraphs of the article changed length; moves are
# article-absolute (they are only reverted when the whole article is as the move left it).


def absolute_steps(conn: sqlite3.Connection, steps: list, layouts: dict[int, Layout] | None = None) -> list:
    """Block-relative steps made article-absolute; ``layouts`` holds articles already read (filled as read)."""
    out = []
    layouts = {} if layouts is None else layouts
    for step in steps:
        if step[0] == "breplace":
            _, art, block_id, s, e, n = step
            lay = layouts.get(art) or Layout.of(art, load_blocks(conn, art))
            layouts[art] = lay
            start = lay.starts[lay.index_of(block_id)]
            out.append(["replace", art, start + s, start + e, n])
        else:
            out.append(step)
    return out


def invert(steps: list) -> list:
    out = []
    for step in reversed(steps):
        if step[0] == "breplace":
            _, art, block_id, s, e, n = step
            out.append(["breplace", art, block_id, s, s + n, e - s])
        else:
            out.extend(invert_steps([step]))
    return out


# -- recording -------------------------------------------------------------------------------


@dataclass(slots=True)
class Change_:
    """What an operation did, as told to :func:`record`."""

    steps: list  #: stored with the entry (block-relative where possible)
    params: dict
    abs_steps: list  #: article-absolute steps to move the annotations through (empty: done already)
    created_articles: set[int] = field(default_factory=set)
    created_blocks: set[int] = field(default_factory=set)
    refresh_quotes: bool = True
    #: an article's blocks after the change, when the operation knows them (not read back again)
    blocks: dict[int, list[Block]] = field(default_factory=dict)


@dataclass(slots=True)
class Plan:
    """An operation checked against the current state, inside the write transaction."""

    article_ids: list[int]  #: the first is the entry's main article
    block_ids: set[int]
    structural: bool
    apply: Callable[[sqlite3.Connection], Change_]
    #: (start, end, new length) of the one range a text replacement inside the main article changes:
    #: the annotations whose quote and context cannot reach it are left out of the work (see :func:`_near`)
    replaced: tuple[int, int, int] | None = None


def record(
    cx: Connection,
    op: str,
    plan_fn: Callable[[sqlite3.Connection], Plan],
    author: str | None,
    note: str | None,
    reverts: int | None = None,
) -> EditEntry:
    with cx.write() as conn:
        plan = plan_fn(conn)
        anns, notes = _on_articles(conn, plan.article_ids)
        near = anns if plan.replaced is None else _near(conn, plan.article_ids[0], plan.replaced, before=True)
        keys = Keys(set(plan.article_ids), set(plan.block_ids), near, notes, plan.structural)
        if plan.structural:
            for a in plan.article_ids:
                keys.blocks.update(block_order(conn, a))
        before = _snapshot(conn, keys)
        change = plan.apply(conn)
        keys.articles |= change.created_articles
        keys.blocks |= change.created_blocks
        for a in change.created_articles:
            before["articles"][str(a)] = None
            if plan.structural:
                before["order"][str(a)] = []
        for b in change.created_blocks:
            before["blocks"][str(b)] = None
        if change.abs_steps:
            annotations.map_through(conn, sorted(near), change.abs_steps)
        live = [
            a for a in sorted(keys.articles) if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a,)).fetchone()
        ]
        # read once (or as the operation left them): refreshed, then the steps
        layouts = {a: Layout.of(a, change.blocks.get(a) or load_blocks(conn, a)) for a in live}
        for a in live:
            text = refresh_article(conn, a, layouts[a].blocks)
            if change.refresh_quotes:
                only = None if plan.replaced is None or a != plan.article_ids[0] else _near(conn, a, plan.replaced)
                annotations.refresh(conn, a, text, only)
        after = _snapshot(conn, keys)
        _drop_untouched(conn, before, after, change.steps, layouts)
        main = plan.article_ids[0]
        other = next((a for a in sorted(keys.articles) if a != main), None)
        cur = conn.execute(
            "INSERT INTO edits (at, author, op, article_id, other_article_id, params, before, after, steps, note,"
            " reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                author,
                op,
                main,
                other,
                _dumps(change.params),
                _dumps(before),
                _dumps(after),
                _dumps(change.steps),
                note,
                reverts,
            ),
        )
        edit_id = cur.lastrowid
        marks = ",".join("?" * len(live))
        sources = {r["source_id"] for r in named(conn, f"SELECT source_id FROM articles WHERE id IN ({marks})", live)}
        flags = Change.TEXT | Change.HISTORY | Change.ANNOTATIONS
        if plan.structural and (change.created_articles or len(live) != len(keys.articles)):
            flags |= Change.ARTICLES
        cx.announce(event(flags, sources=sources, articles=keys.articles, annotations=anns, edits=[edit_id]))
        return _entry(conn, edit_id)


def _near(conn: sqlite3.Connection, article_id: int, replaced: tuple[int, int, int], before: bool = False) -> set[int]:
    """The annotations of the article whose state a replacement of ``replaced`` can change.

    One that ends more than a context's length (:data:`annotations.CONTEXT`) before the replaced
    range keeps its place, quote and context: the edit moves nothing before it, and its context
    stops short of it. After the edit (``before`` False, positions already moved), one that starts
    more than a context's length after the new text keeps its quote and context too (they moved
    with it). Leaving the others out changes no stored row and no snapshot: they would be found
    unchanged and dropped (:func:`_drop_untouched`).
    """
    start, end, length = replaced
    reach = annotations.CONTEXT + 1
    sql = "SELECT id FROM annotations WHERE article_id = ? AND char_end >= ?"
    args: list[int] = [article_id, start - reach]
    if not before:
        sql += " AND char_start <= ?"
        args.append(start + length + reach)
    return {r[0] for r in conn.execute(sql, args)}


def _drop_untouched(
    conn: sqlite3.Connection, before: dict, after: dict, steps: list, layouts: dict[int, Layout] | None = None
) -> None:
    """Leave the annotations an edit did not touch out of both snapshots.

    A revert maps every annotation it finds no snapshot of through the inverse steps and
    re-reads its quote; for one whose state the edit left as it was and which those steps
    leave in place, that gives back exactly its state. A correction in an article with 500
    annotations then stores the few it moved instead of all 500, twice.
    """
    was, now_ = before["annotations"], after["annotations"]
    candidates = [k for k, v in now_.items() if v is not None and was.get(k) == v]
    if not candidates:
        return
    inverse = absolute_steps(conn, invert(steps), layouts)
    for key in candidates:
        span = annotations.span_of_state(now_[key])
        if apply_steps(span, inverse) == span:
            del was[key], now_[key]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def entry_from_row(row: sqlite3.Row, reverted_by: int | None = None) -> EditEntry:
    """An :class:`EditEntry` from a row of :data:`EDIT_COLUMNS`, read by name."""
    return build(EditEntry, row, params=json.loads(row["params"]), reverted_by=reverted_by)


def _entry(conn: sqlite3.Connection, edit_id: int) -> EditEntry:
    r = named(conn, f"SELECT {EDIT_COLUMNS} FROM edits WHERE id = ?", (edit_id,)).fetchone()
    if r is None:
        raise NotFound("edit", edit_id)
    return entry_from_row(r)



# -- rows an edit moves -------------------------------------------------------------------


def renumber(conn: sqlite3.Connection, article_id: int, block_ids: list[int]) -> None:
    for position, bid in enumerate(block_ids):
        conn.execute("UPDATE blocks SET article_id = ?, position = ? WHERE id = ?", (article_id, position, bid))


def insert_article_after(conn: sqlite3.Connection, source_id: int, after_id: int | None) -> int:
    """Make room for an article right after ``after_id`` (first when None); returns its position."""
    if after_id is None:
        position = 0
    else:
        position = named(conn, "SELECT position FROM articles WHERE id = ?", (after_id,)).fetchone()["position"] + 1
    conn.execute(
        "UPDATE articles SET position = position + 1 WHERE source_id = ? AND position >= ?", (source_id, position)
    )
    return position


def remove_article(conn: sqlite3.Connection, article_id: int) -> None:
    gone = named(conn, "SELECT source_id, position FROM articles WHERE id = ?", (article_id,)).fetchone()
    search_index.unindex_article(conn, article_id)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    conn.execute(
        "UPDATE articles SET position = position - 1 WHERE source_id = ? AND position > ?",
        (gone["source_id"], gone["position"]),
    )

