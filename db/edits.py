"""Text edits as an append-only history, each undoable by a revert: the operations.

Each operation checks its arguments against the current state and hands
:func:`db.edit_log.record` a plan; the log snapshots, applies and appends the entry in one
transaction. A revert (:mod:`db.reverts`) is a new entry that restores the "before"
snapshot of an earlier one. It is refused (:class:`RevertConflict`) when the text that
entry changed has been changed again since: those later entries must be reverted first.
Corrections and role changes are checked per block, so an earlier correction in another
paragraph can still be reverted; operations that restructure an article (join, split,
moves, article split/merge) are checked per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

from db import annotations
from db.articles import (
    SEPARATOR,
    Layout,
    compress,
    expand,
    load_blocks,
    next_id,
    require_article,
    runs_to_json,
)
from db.connection import Connection, now
from db.edit_log import (
    EDIT_COLUMNS,
    Change_,
    Plan,
    insert_article_after,
    record,
    remove_article,
    renumber,
)
from db.errors import EditError, NotFound
from db.models import BlockRole, EditEntry, Runs
from db.reverts import history, revert
from db.rows import named

__all__ = [
    "EDIT_COLUMNS",
    "correct",
    "history",
    "join_with_next",
    "merge_with_next",
    "move_to_next",
    "move_to_previous",
    "revert",
    "set_role",
    "split_article",
    "split_block",
]

# -- helpers -----------------------------------------------------------------------------------


def _block(conn: sqlite3.Connection, block_id: int) -> tuple[Layout, int]:
    r = named(conn, "SELECT article_id FROM blocks WHERE id = ?", (block_id,)).fetchone()
    if r is None:
        raise NotFound("block", block_id)
    lay = Layout.of(r["article_id"], load_blocks(conn, r["article_id"]))
    return lay, lay.index_of(block_id)


def _layout(conn: sqlite3.Connection, article_id: int) -> Layout:
    require_article(conn, article_id)
    return Layout.of(article_id, load_blocks(conn, article_id))


def _neighbour(conn: sqlite3.Connection, article_id: int, direction: int) -> int | None:
    row = named(conn, "SELECT source_id, position FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound("article", article_id)
    if direction < 0:
        sql = "SELECT id FROM articles WHERE source_id = ? AND position < ? ORDER BY position DESC LIMIT 1"
    else:
        sql = "SELECT id FROM articles WHERE source_id = ? AND position > ? ORDER BY position LIMIT 1"
    r = named(conn, sql, (row["source_id"], row["position"])).fetchone()
    return r["id"] if r else None


def _set_block(conn: sqlite3.Connection, block_id: int, text: str, sources: list[int | None]) -> Runs:
    """Rewrite a block's text and raw map; returns the map as stored."""
    # coalesce() reads the old text: the first edit of a block keeps what the engine made
    runs = compress(sources)
    conn.execute(
        "UPDATE blocks SET original_text = coalesce(original_text, text), text = ?, runs = ? WHERE id = ?",
        (text, runs_to_json(runs), block_id),
    )
    return runs


def _new_block(conn, article_id: int, position: int, role: str, text: str, sources, original: str) -> int:
    """A block made by an edit; ``original`` "" means it has no engine original of its own."""
    block_id = next_id(conn, "block_store")  # given: an insert into the blocks view reports no id
    conn.execute(
        "INSERT INTO blocks (id, article_id, position, role, text, runs, original_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (block_id, article_id, position, role, text, runs_to_json(compress(sources)), original),
    )
    return block_id



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
            runs = _set_block(conn, block.id, block.text[:bs] + text + block.text[be:], new)
            # the block as it now reads back (its engine original is kept by _set_block)
            after = replace(block, text=block.text[:bs] + text + block.text[be:], runs=runs)
            return Change_(
                [["breplace", article_id, block.id, bs, be, len(text)]],
                {"block_id": block.id, "start": start, "end": end, "old_text": old, "text": text},
                [["replace", article_id, start, end, len(text)]],
                blocks={article_id: [after if b.id == block.id else b for b in lay.blocks]},
            )

        return Plan([article_id], {block.id}, False, apply, replaced=(start, end, len(text)))

    return record(cx, "correct", plan, author, note)


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
            renumber(conn, art, [b.id for b in lay.blocks if b.id != second.id])
            n = len(first.text)
            return Change_(
                [["breplace", art, first.id, n, n + 1, 0]],
                {"block_id": first.id, "next_block_id": second.id},
                [["replace", art, end, end + 1, 0]],
            )

        return Plan([art], set(), True, apply)

    return record(cx, "join", plan, author, note)


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
            renumber(conn, art, order)
            change = Change_(
                [["breplace", art, block.id, offset, offset, 1]],
                {"block_id": block.id, "offset": offset, "new_block_id": new_id},
                [["replace", art, at, at, 1]],
            )
            change.created_blocks.add(new_id)
            return change

        return Plan([art], set(), True, apply)

    return record(cx, "split", plan, author, note)


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

    return record(cx, "role", plan, author, note)


def _block_move(
    block_id: int, source: int, source_blocks: list[int], target: int, target_blocks: list[int], step: list
) -> Callable[[sqlite3.Connection], Change_]:
    """Applies a block's move from article ``source`` to ``target``: both renumbered in their new order."""

    def apply(conn: sqlite3.Connection) -> Change_:
        renumber(conn, target, target_blocks)
        renumber(conn, source, source_blocks)
        return Change_([step], {"block_id": block_id, "from_article": source, "to_article": target}, [step])

    return apply


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
        staying, joined = [b.id for b in lay.blocks[1:]], [*(b.id for b in prev.blocks), block.id]
        return Plan([art, prev_id], set(), True, _block_move(block.id, art, staying, prev_id, joined, step))

    return record(cx, "move_previous", plan, author, note)


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
        staying, joined = [b.id for b in lay.blocks[:-1]], [block.id, *(b.id for b in nxt.blocks)]
        return Plan([art, next_id], set(), True, _block_move(block.id, art, staying, next_id, joined, step))

    return record(cx, "move_next", plan, author, note)


def split_article(cx: Connection, block_id: int, *, author: str | None = None, note: str | None = None) -> EditEntry:
    """Start a new article at ``block_id``: it and the blocks after it leave their article."""

    def plan(conn: sqlite3.Connection) -> Plan:
        lay, i = _block(conn, block_id)
        if i == 0:
            raise EditError("the article already starts with this block: nothing to split")
        art = lay.article_id
        old = named(conn, "SELECT source_id, kind, review_state FROM articles WHERE id = ?", (art,)).fetchone()
        start, length = lay.starts[i], lay.length

        def apply(conn: sqlite3.Connection) -> Change_:
            position = insert_article_after(conn, old["source_id"], art)
            cur = conn.execute(
                "INSERT INTO articles (source_id, position, kind, engine_index, headline, updated_at,"
                " review_state) VALUES (?, ?, ?, NULL, '', ?, ?)",
                (old["source_id"], position, old["kind"], now(), old["review_state"]),
            )
            new_id = cur.lastrowid
            renumber(conn, new_id, [b.id for b in lay.blocks[i:]])
            step = ["move", art, start, length, new_id, 0, length - start, 0, start - 1, length]
            change = Change_([step], {"block_id": block_id, "new_article_id": new_id}, [step])
            change.created_articles.add(new_id)
            return change

        return Plan([art], set(), True, apply)

    return record(cx, "split_article", plan, author, note)


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
            renumber(conn, article_id, [b.id for b in lay.blocks] + [b.id for b in nxt.blocks])
            conn.execute("UPDATE article_notes SET article_id = ? WHERE article_id = ?", (article_id, next_id))
            # annotations must leave the next article before it is deleted
            annotations.map_through(conn, sorted(annotations.states(conn, [article_id, next_id])), [step])
            remove_article(conn, next_id)
            return Change_([step], {"next_article_id": next_id}, [])

        return Plan([article_id, next_id], set(), True, apply)

    return record(cx, "merge", plan, author, note)

