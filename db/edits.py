"""Text edits as an append-only history, each undoable by a revert.

Every change to an article's text goes through :func:`_record`: it snapshots
the rows the operation may touch, applies it, moves the article's annotations
through the exact position steps of the change, reindexes the text for search
and appends one ``edits`` row, all in one transaction. Raw text is never
modified; blocks keep their raw maps (characters an editor inserts have none).

A revert is a new entry that restores the "before" snapshot of an earlier
one. It is refused (:class:`RevertConflict`) when the text that entry changed
has been changed again since: those later entries must be reverted first.
Corrections and role changes are checked per block, so an earlier correction
in another paragraph can still be reverted; operations that restructure an
article (join, split, moves, article split/merge) are checked per article.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from db import annotations, search_index
from db.anchoring import Span, apply_steps, invert_steps
from db.articles import (
    SEPARATOR,
    Layout,
    compress,
    expand,
    load_blocks,
    refresh_article,
    require_article,
    runs_to_json,
)
from db.connection import Connection, now
from db.errors import EditError, NotFound, RevertConflict
from db.events import Change, event
from db.history import active_map
from db.models import BlockRole, EditEntry

EDIT_COLUMNS = "id, at, author, op, article_id, other_article_id, params, note, reverts"

# -- snapshots ------------------------------------------------------------------------


def _block_row(conn: sqlite3.Connection, block_id: int) -> dict | None:
    r = conn.execute(
        "SELECT article_id, position, role, text, runs, original_text FROM blocks WHERE id = ?", (block_id,)
    ).fetchone()
    if r is None:
        return None
    return {"article_id": r[0], "position": r[1], "role": r[2], "text": r[3], "runs": r[4], "original_text": r[5]}


def _article_row(conn: sqlite3.Connection, article_id: int) -> dict | None:
    r = conn.execute(
        "SELECT source_id, position, kind, review_state, engine_index, engine_notes FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if r is None:
        return None
    prev = conn.execute(
        "SELECT id FROM articles WHERE source_id = ? AND position < ? ORDER BY position DESC LIMIT 1", (r[0], r[1])
    ).fetchone()
    return {
        "source_id": r[0],
        "kind": r[2],
        "review_state": r[3],
        "engine_index": r[4],
        "engine_notes": r[5],
        "after_id": prev[0] if prev else None,
    }


def _order(conn: sqlite3.Connection, article_id: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM blocks WHERE article_id = ? ORDER BY position", (article_id,))]


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
        "articles": {str(a): _article_row(conn, a) for a in sorted(keys.articles)},
        "blocks": {str(b): _block_row(conn, b) for b in sorted(keys.blocks)},
        "annotations": {},
        "notes": {},
    }
    found = _by_id(conn, f"SELECT id, {', '.join(annotations.STATE_COLUMNS)} FROM annotations", keys.annotations)
    for aid in sorted(keys.annotations):
        r = found.get(aid)
        snap["annotations"][str(aid)] = list(r[1:]) if r else None
    found = _by_id(conn, "SELECT id, article_id FROM article_notes", keys.notes)
    for nid in sorted(keys.notes):
        r = found.get(nid)
        snap["notes"][str(nid)] = r[1] if r else None
    if keys.structural:
        snap["order"] = {str(a): _order(conn, a) for a in sorted(keys.articles)}
    return snap


def _by_id(conn: sqlite3.Connection, select: str, ids: Iterable[int]) -> dict[int, tuple]:
    """Rows of ``select`` (its first column is ``id``) for ``ids``, read in batches."""
    wanted = sorted(ids)
    out: dict[int, tuple] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.update((r[0], tuple(r)) for r in conn.execute(f"{select} WHERE id IN ({marks})", chunk))
    return out


def _keys_of(snap: dict) -> Keys:
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
    anns = {r[0] for r in conn.execute(f"SELECT id FROM annotations WHERE article_id IN ({marks})", ids)}
    notes = {r[0] for r in conn.execute(f"SELECT id FROM article_notes WHERE article_id IN ({marks})", ids)}
    return anns, notes


# -- steps -----------------------------------------------------------------------------------
# Stored steps name replaced ranges relative to a block (["breplace", article, block, s, e, n]) so a
# correction can be reverted after other paragraphs of the article changed length; moves are
# article-absolute (they are only reverted when the whole article is as the move left it).


def _absolute(conn: sqlite3.Connection, steps: list) -> list:
    out = []
    layouts: dict[int, Layout] = {}
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


def _invert(steps: list) -> list:
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
    """What an operation did, as told to :func:`_record`."""

    steps: list  #: stored with the entry (block-relative where possible)
    params: dict
    abs_steps: list  #: article-absolute steps to move the annotations through (empty: done already)
    created_articles: set[int] = field(default_factory=set)
    created_blocks: set[int] = field(default_factory=set)
    refresh_quotes: bool = True


@dataclass(slots=True)
class Plan:
    """An operation checked against the current state, inside the write transaction."""

    article_ids: list[int]  #: the first is the entry's main article
    block_ids: set[int]
    structural: bool
    apply: Callable[[sqlite3.Connection], Change_]


def _record(
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
        keys = Keys(set(plan.article_ids), set(plan.block_ids), anns, notes, plan.structural)
        if plan.structural:
            for a in plan.article_ids:
                keys.blocks.update(_order(conn, a))
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
            annotations.map_through(conn, sorted(anns), change.abs_steps)
        live = [
            a for a in sorted(keys.articles) if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a,)).fetchone()
        ]
        for a in live:
            text = refresh_article(conn, a)
            if change.refresh_quotes:
                annotations.refresh(conn, a, text)
        after = _snapshot(conn, keys)
        _drop_untouched(conn, before, after, change.steps)
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
        sources = {r[0] for r in conn.execute(f"SELECT source_id FROM articles WHERE id IN ({marks})", live)}
        flags = Change.TEXT | Change.HISTORY | Change.ANNOTATIONS
        if plan.structural and (change.created_articles or len(live) != len(keys.articles)):
            flags |= Change.ARTICLES
        cx.announce(event(flags, sources=sources, articles=keys.articles, annotations=anns, edits=[edit_id]))
        return _entry(conn, edit_id)


def _drop_untouched(conn: sqlite3.Connection, before: dict, after: dict, steps: list) -> None:
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
    inverse = _absolute(conn, _invert(steps))
    for key in candidates:
        state = now_[key]
        span = Span(state[0], state[1], state[2], bool(state[6]))
        if apply_steps(span, inverse) == span:
            del was[key], now_[key]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _entry(conn: sqlite3.Connection, edit_id: int) -> EditEntry:
    r = conn.execute(f"SELECT {EDIT_COLUMNS} FROM edits WHERE id = ?", (edit_id,)).fetchone()
    if r is None:
        raise NotFound("edit", edit_id)
    return EditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])


# -- helpers -----------------------------------------------------------------------------------


def _block(conn: sqlite3.Connection, block_id: int) -> tuple[Layout, int]:
    r = conn.execute("SELECT article_id FROM blocks WHERE id = ?", (block_id,)).fetchone()
    if r is None:
        raise NotFound("block", block_id)
    lay = Layout.of(r[0], load_blocks(conn, r[0]))
    return lay, lay.index_of(block_id)


def _layout(conn: sqlite3.Connection, article_id: int) -> Layout:
    require_article(conn, article_id)
    return Layout.of(article_id, load_blocks(conn, article_id))


def _neighbour(conn: sqlite3.Connection, article_id: int, direction: int) -> int | None:
    row = require_article(conn, article_id)
    source_id, position = row[1], row[2]
    if direction < 0:
        sql = "SELECT id FROM articles WHERE source_id = ? AND position < ? ORDER BY position DESC LIMIT 1"
    else:
        sql = "SELECT id FROM articles WHERE source_id = ? AND position > ? ORDER BY position LIMIT 1"
    r = conn.execute(sql, (source_id, position)).fetchone()
    return r[0] if r else None


def _renumber(conn: sqlite3.Connection, article_id: int, block_ids: list[int]) -> None:
    for position, bid in enumerate(block_ids):
        conn.execute("UPDATE blocks SET article_id = ?, position = ? WHERE id = ?", (article_id, position, bid))


def _insert_article_after(conn: sqlite3.Connection, source_id: int, after_id: int | None) -> int:
    """Make room for an article right after ``after_id`` (first when None); returns its position."""
    if after_id is None:
        position = 0
    else:
        position = conn.execute("SELECT position FROM articles WHERE id = ?", (after_id,)).fetchone()[0] + 1
    conn.execute(
        "UPDATE articles SET position = position + 1 WHERE source_id = ? AND position >= ?", (source_id, position)
    )
    return position


def _remove_article(conn: sqlite3.Connection, article_id: int) -> None:
    source_id, position = conn.execute(
        "SELECT source_id, position FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    search_index.unindex_article(conn, article_id)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    conn.execute(
        "UPDATE articles SET position = position - 1 WHERE source_id = ? AND position > ?", (source_id, position)
    )


def _set_block(conn: sqlite3.Connection, block_id: int, text: str, sources: list[int | None]) -> None:
    # coalesce() reads the old text: the first edit of a block keeps what the engine made
    conn.execute(
        "UPDATE blocks SET original_text = coalesce(original_text, text), text = ?, runs = ? WHERE id = ?",
        (text, runs_to_json(compress(sources)), block_id),
    )


def _new_block(conn, article_id: int, position: int, role: str, text: str, sources, original: str) -> int:
    """A block made by an edit; ``original`` "" means it has no engine original of its own."""
    cur = conn.execute(
        "INSERT INTO blocks (article_id, position, role, text, runs, original_text) VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, position, role, text, runs_to_json(compress(sources)), original),
    )
    return cur.lastrowid


# -- the operations ----------------------------------------------------------------------------


def correct(
    cx: Connection,
    article_id: int,
    start: int,
    end: int,
    text: str,
    *,
    author: str | None = None,
    note: str | None = None,
) -> EditEntry:
    """Replace [start, end) of the article text with ``text`` (within one block)."""
    if "\n" in text or "\r" in text:
        raise EditError("a correction cannot contain a line break: split the paragraph instead")

    def plan(conn: sqlite3.Connection) -> Plan:
        lay = _layout(conn, article_id)
        if not lay.blocks:
            raise EditError(f"article {article_id} has no text to correct")
        if not 0 <= start <= end <= lay.length:
            raise EditError(f"range [{start}, {end}) is outside the article text (length {lay.length})")
        i = lay.locate(start).block_index
        b_start, b_end = lay.span(i)
        if end > b_end:
            raise EditError("a correction must stay inside one paragraph: join the paragraphs first")
        block = lay.blocks[i]
        bs, be = start - b_start, end - b_start
        old = block.text[bs:be]
        if old == text:
            raise EditError("the correction changes nothing")

        def apply(conn: sqlite3.Connection) -> Change_:
            sources = expand(block.runs, len(block.text))
            gone = sources[bs:be]  # replacing characters inherit the raw source of those they replace
            new = sources[:bs] + [gone[k] if k < len(gone) else None for k in range(len(text))] + sources[be:]
            _set_block(conn, block.id, block.text[:bs] + text + block.text[be:], new)
            return Change_(
                [["breplace", article_id, block.id, bs, be, len(text)]],
                {"block_id": block.id, "start": start, "end": end, "old_text": old, "text": text},
                [["replace", article_id, start, end, len(text)]],
            )

        return Plan([article_id], {block.id}, False, apply)

    return _record(cx, "correct", plan, author, note)


def join_with_next(cx: Connection, block_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Join a paragraph with the one after it (the separator between them is removed)."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        if i + 1 >= len(lay.blocks):
            raise EditError("the last block of an article has nothing after it to join: merge the articles instead")
        first, second = lay.blocks[i], lay.blocks[i + 1]
        art = lay.article_id
        end = lay.span(i)[1]

        def apply(conn: sqlite3.Connection) -> Change_:
            sources = expand(first.runs, len(first.text)) + expand(second.runs, len(second.text))
            _set_block(conn, first.id, first.text + second.text, sources)
            conn.execute("DELETE FROM blocks WHERE id = ?", (second.id,))
            _renumber(conn, art, [b.id for b in lay.blocks if b.id != second.id])
            n = len(first.text)
            return Change_(
                [["breplace", art, first.id, n, n + 1, 0]],
                {"block_id": first.id, "next_block_id": second.id},
                [["replace", art, end, end + 1, 0]],
            )

        return Plan([art], set(), True, apply)

    return _record(cx, "join", plan, author, note)


def split_block(
    cx: Connection, block_id: int, offset: int, *, author: str | None = None, note: str | None = None
) -> EditEntry:
    """Split a paragraph in two at ``offset`` (inside the block; both halves keep its role)."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        block = lay.blocks[i]
        if not 0 < offset < len(block.text):
            raise EditError(f"offset {offset} is not inside the block (length {len(block.text)}): nothing to split")
        art = lay.article_id
        at = lay.starts[i] + offset

        def apply(conn: sqlite3.Connection) -> Change_:
            sources = expand(block.runs, len(block.text))
            _set_block(conn, block.id, block.text[:offset], sources[:offset])
            new_id = _new_block(conn, art, i + 1, block.role.value, block.text[offset:], sources[offset:], "")
            order = [b.id for b in lay.blocks]
            order.insert(i + 1, new_id)
            _renumber(conn, art, order)
            change = Change_(
                [["breplace", art, block.id, offset, offset, 1]],
                {"block_id": block.id, "offset": offset, "new_block_id": new_id},
                [["replace", art, at, at, 1]],
            )
            change.created_blocks.add(new_id)
            return change

        return Plan([art], set(), True, apply)

    return _record(cx, "split", plan, author, note)


def set_role(
    cx: Connection, block_id: int, role: BlockRole | str, *, author: str | None = None, note: str | None = None
) -> EditEntry:
    """Change what a block is (title, paragraph, caption, …); the text stays as it is."""
    try:
        new_role = BlockRole(role)
    except ValueError as exc:
        raise EditError(f"unknown block role {role!r}; one of: {', '.join(r.value for r in BlockRole)}") from exc

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        block = lay.blocks[i]
        if block.role is new_role:
            raise EditError(f"the block already has the role {new_role.value}")

        def apply(conn: sqlite3.Connection) -> Change_:
            conn.execute("UPDATE blocks SET role = ? WHERE id = ?", (new_role.value, block_id))
            return Change_([], {"block_id": block_id, "old_role": block.role.value, "role": new_role.value}, [])

        return Plan([lay.article_id], {block_id}, False, apply)

    return _record(cx, "role", plan, author, note)


def move_to_previous(cx: Connection, block_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Move the first block of an article to the end of the previous article."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        if i != 0:
            raise EditError("only the first block of an article can move to the previous article")
        if len(lay.blocks) < 2:
            raise EditError("this is the article's only block: merge the articles instead")
        prev_id = _neighbour(conn, lay.article_id, -1)
        if prev_id is None:
            raise EditError("this is the first article of its source: there is no previous article")
        prev = _layout(conn, prev_id)
        block = lay.blocks[0]
        art, n = lay.article_id, len(block.text)
        sep = len(SEPARATOR) if prev.blocks else 0
        step = ["move", art, 0, n, prev_id, prev.length, sep + n, prev.length + sep, 0, n + 1]

        def apply(conn: sqlite3.Connection) -> Change_:
            _renumber(conn, prev_id, [b.id for b in prev.blocks] + [block.id])
            _renumber(conn, art, [b.id for b in lay.blocks[1:]])
            return Change_([step], {"block_id": block.id, "from_article": art, "to_article": prev_id}, [step])

        return Plan([art, prev_id], set(), True, apply)

    return _record(cx, "move_previous", plan, author, note)


def move_to_next(cx: Connection, block_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Move the last block of an article to the start of the next article."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        if i != len(lay.blocks) - 1:
            raise EditError("only the last block of an article can move to the next article")
        if len(lay.blocks) < 2:
            raise EditError("this is the article's only block: merge the articles instead")
        next_id = _neighbour(conn, lay.article_id, 1)
        if next_id is None:
            raise EditError("this is the last article of its source: there is no next article")
        nxt = _layout(conn, next_id)
        block = lay.blocks[i]
        art, n = lay.article_id, len(block.text)
        start = lay.starts[i]
        sep = len(SEPARATOR) if nxt.blocks else 0
        step = ["move", art, start, start + n, next_id, 0, n + sep, 0, start - 1, start + n]

        def apply(conn: sqlite3.Connection) -> Change_:
            _renumber(conn, next_id, [block.id] + [b.id for b in nxt.blocks])
            _renumber(conn, art, [b.id for b in lay.blocks[:-1]])
            return Change_([step], {"block_id": block.id, "from_article": art, "to_article": next_id}, [step])

        return Plan([art, next_id], set(), True, apply)

    return _record(cx, "move_next", plan, author, note)


def split_article(cx: Connection, block_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Start a new article at ``block_id``: it and the blocks after it leave their article."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        if i == 0:
            raise EditError("the article already starts with this block: nothing to split")
        art = lay.article_id
        source_id, kind, state = conn.execute(
            "SELECT source_id, kind, review_state FROM articles WHERE id = ?", (art,)
        ).fetchone()
        start, length = lay.starts[i], lay.length

        def apply(conn: sqlite3.Connection) -> Change_:
            position = _insert_article_after(conn, source_id, art)
            cur = conn.execute(
                "INSERT INTO articles (source_id, position, kind, engine_index, text, headline, updated_at,"
                " review_state) VALUES (?, ?, ?, NULL, '', '', ?, ?)",
                (source_id, position, kind, now(), state),
            )
            new_id = cur.lastrowid
            _renumber(conn, new_id, [b.id for b in lay.blocks[i:]])
            step = ["move", art, start, length, new_id, 0, length - start, 0, start - 1, length]
            change = Change_([step], {"block_id": block_id, "new_article_id": new_id}, [step])
            change.created_articles.add(new_id)
            return change

        return Plan([art], set(), True, apply)

    return _record(cx, "split_article", plan, author, note)


def merge_with_next(
    cx: Connection, article_id: int, *, author: str | None = None, note: str | None = None
) -> EditEntry:
    """Append the next article of the source to this one; the next article disappears."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay = _layout(conn, article_id)
        next_id = _neighbour(conn, article_id, 1)
        if next_id is None:
            raise EditError("this is the last article of its source: there is nothing to merge it with")
        nxt = _layout(conn, next_id)
        sep = len(SEPARATOR) if lay.blocks and nxt.blocks else 0
        step = [
            "move",
            next_id,
            0,
            nxt.length,
            article_id,
            lay.length,
            sep + nxt.length,
            lay.length + sep,
            0,
            nxt.length,
        ]

        def apply(conn: sqlite3.Connection) -> Change_:
            _renumber(conn, article_id, [b.id for b in lay.blocks] + [b.id for b in nxt.blocks])
            conn.execute("UPDATE article_notes SET article_id = ? WHERE article_id = ?", (article_id, next_id))
            # annotations must leave the next article before it is deleted
            annotations.map_through(conn, sorted(annotations.states(conn, [article_id, next_id])), [step])
            _remove_article(conn, next_id)
            return Change_([step], {"next_article_id": next_id}, [])

        return Plan([article_id, next_id], set(), True, apply)

    return _record(cx, "merge", plan, author, note)


# -- history and revert -------------------------------------------------------------------------


def _raw(conn: sqlite3.Connection, edit_id: int) -> sqlite3.Row:
    r = conn.execute(
        "SELECT id, op, article_id, other_article_id, before, after, steps, reverts FROM edits WHERE id = ?", (edit_id,)
    ).fetchone()
    if r is None:
        raise NotFound("edit", edit_id)
    return r


def history(conn: sqlite3.Connection, article_id: int) -> list[EditEntry]:
    active = active_map(conn, [article_id])
    rows = conn.execute(
        f"SELECT {EDIT_COLUMNS} FROM edits WHERE article_id = ? OR other_article_id = ? ORDER BY id",
        (article_id, article_id),
    ).fetchall()
    return [
        EditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8], active.get(r[0], (True, None))[1])
        for r in rows
    ]


def _matches(conn: sqlite3.Connection, snap: dict) -> bool:
    for key, row in snap["articles"].items():
        cur = _article_row(conn, int(key))
        if (cur is None) != (row is None):
            return False
        if cur is not None and (cur["source_id"], cur["kind"]) != (row["source_id"], row["kind"]):
            return False
    for key, row in snap["blocks"].items():
        cur = _block_row(conn, int(key))
        if (cur is None) != (row is None):
            return False
        if cur is not None:
            fields = ("article_id", "role", "text", "runs", "original_text")
            if any(cur[f] != row[f] for f in fields):
                return False
    for key, order in snap.get("order", {}).items():
        if _order(conn, int(key)) != order:
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
        r = conn.execute("SELECT before, after FROM edits WHERE id = ?", (edit_id,)).fetchone()
        before, after = json.loads(r[0]), json.loads(r[1])
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
        before, after, steps = json.loads(r[4]), json.loads(r[5]), json.loads(r[6])
        keys = _keys_of(after)
        affected = sorted(keys.articles)
        if not _matches(conn, after):
            active = active_map(conn, affected)
            state, by = active.get(edit_id, (True, None))
            if not state and by is not None:
                raise EditError(f"edit #{edit_id} is already reverted (by #{by})")
            later = [e for e, (on, _) in sorted(active.items()) if e > edit_id and on]
            raise RevertConflict(edit_id, _blocking(conn, after, later))
        inverse = _invert(steps)

        def apply(conn: sqlite3.Connection) -> Change_:
            _restore(conn, before, after, _absolute(conn, inverse))
            return Change_(inverse, {"reverts": edit_id, "op": r[1]}, [], refresh_quotes=False)

        main = r[2] if r[2] in keys.articles else affected[0]
        return Plan([main] + [a for a in affected if a != main], keys.blocks, keys.structural, apply)

    return _record(cx, "revert", plan, author, note, reverts=edit_id)


def _restore(conn: sqlite3.Connection, target: dict, current: dict, abs_inverse: list) -> None:
    structural = "order" in target
    # 1. articles that must exist again
    for key, row in sorted(target["articles"].items(), key=lambda kv: int(kv[0])):
        aid = int(key)
        if row is not None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is None:
            position = _insert_article_after(conn, row["source_id"], row["after_id"])
            conn.execute(
                "INSERT INTO articles (id, source_id, position, kind, engine_index, text, headline, engine_notes,"
                " updated_at, review_state) VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?)",
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
                _renumber(conn, int(key), order)
    # 4. articles that must not exist
    for key, row in target["articles"].items():
        aid = int(key)
        if row is None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is not None:
            _remove_article(conn, aid)
    # quotes of mapped annotations follow the restored text; restored ones are exact already
    for article_id in live_articles:
        text = refresh_article(conn, article_id)
        annotations.refresh(conn, article_id, text, only=mapped)
