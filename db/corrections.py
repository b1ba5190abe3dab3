"""Where an article's corrections are now: the marks the desk shows inline.

A correction entry records what it replaced (``old_text``) and what it wrote, in the
coordinates of its moment. To show it in today's text, the replacement is followed
through every later entry of the history, in block coordinates: block ids survive
moves between articles, and only corrections, joins and splits (and their reverts)
move characters inside or between blocks. A correction that is reverted (and not
re-applied) leaves no mark; a later correction over the same characters gives its
own mark, and an earlier mark it covered disappears when nothing of it is left.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from db.anchoring import Span, map_replace
from db.articles import load_blocks, require_article
from db.rows import named


@dataclass(frozen=True, slots=True)
class CorrectionMark:
    """A correction as it shows in the current article text.

    ``[start, end)`` (article code point offsets) is the text the correction wrote,
    empty for a deletion; ``deleted`` is what it replaced, shown before it.
    """

    edit_id: int
    start: int
    end: int
    deleted: str
    inserted: str
    author: str | None
    at: str
    note: str | None


@dataclass(slots=True)
class _Mark:
    edit_id: int
    block_id: int
    start: int
    end: int
    deleted: str
    gone: bool = False  # all it wrote has been replaced since (a pure deletion never is)


def _correction(params: dict, steps: list) -> tuple[int, int, int, int] | None:
    """(block id, start, end, written length) of a correction, in its block."""
    for step in steps:
        if step[0] == "breplace":
            _, _art, block_id, s, e, n = step
            return block_id, s, e, n
    return None


def _replace(marks: list[_Mark], block_id: int, s: int, e: int, n: int) -> list[_Mark]:
    """Map the block's marks through a replacement; returns the marks it wrote over entirely."""
    covered = []
    for m in marks:
        if m.block_id != block_id or m.gone:
            continue
        if m.start < m.end and s <= m.start and m.end <= e:
            m.gone = True  # all it wrote is replaced
            covered.append(m)
            m.start = m.end = s
            continue
        empty = m.start == m.end
        span = map_replace(Span(0, m.start, m.end, empty), s, e, n)
        if not empty and span.orphaned:
            m.gone = True
        m.start, m.end = span.start, span.end
    return covered


def _original(old_text: str, s: int, covered: list[_Mark], positions: dict[int, tuple[int, int]]) -> str:
    """What the engine had under a correction: its old text with earlier corrections inside it undone."""
    out = old_text
    for m in sorted(covered, key=lambda m: positions[id(m)][0], reverse=True):
        a, b = positions[id(m)]
        out = out[: a - s] + m.deleted + out[b - s :]
    return out


def _split(marks: list[_Mark], block_id: int, offset: int, new_block_id: int) -> None:
    for m in marks:
        if m.block_id == block_id and m.start >= offset and (m.start > offset or m.end > offset):
            m.block_id, m.start, m.end = new_block_id, m.start - offset, m.end - offset
        elif m.block_id == block_id and m.end > offset:
            m.end = offset  # a mark across the split point keeps its first part


def _join(marks: list[_Mark], block_id: int, next_block_id: int, length: int) -> None:
    for m in marks:
        if m.block_id == next_block_id:
            m.block_id, m.start, m.end = block_id, m.start + length, m.end + length


def _blocks_of(op: str, params: dict, steps: list) -> set[int]:
    if op == "correct":
        found = _correction(params, steps)
        return {found[0]} if found else set()
    if op == "join":
        return {params["block_id"], params["next_block_id"]}
    if op == "split":
        return {params["block_id"], params["new_block_id"]}
    return set()


def _copy(marks: list[_Mark], blocks: set[int]) -> list[_Mark]:
    return [_Mark(m.edit_id, m.block_id, m.start, m.end, m.deleted, m.gone) for m in marks if m.block_id in blocks]


def marks(conn: sqlite3.Connection, article_id: int) -> list[CorrectionMark]:
    """The corrections visible in an article's current text, in text order.

    A revert puts its blocks back exactly as they were before the entry it reverts (the
    store refuses it otherwise), so the marks of those blocks are put back as they were
    then too; re-applying an entry (reverting its revert) puts back the marks it left.
    """
    require_article(conn, article_id)
    blocks = load_blocks(conn, article_id)
    rows = named(conn, "SELECT id, op, params, steps, reverts, author, at, note FROM edits ORDER BY id").fetchall()
    by_id = {r["id"]: r for r in rows}
    live: list[_Mark] = []
    saved: dict[int, tuple[list[_Mark], list[_Mark]]] = {}  # entry -> marks of its blocks before, after
    for row in rows:
        edit_id, op = row["id"], row["op"]
        original, redo = edit_id, True
        while by_id[original]["op"] == "revert" and by_id[original]["reverts"] in by_id:
            original, redo = by_id[original]["reverts"], not redo  # an odd number of reverts undoes it
        if original != edit_id:
            if original in saved:
                before, after = saved[original]
                touched = {m.block_id for m in before} | {m.block_id for m in after}
                o = by_id[original]
                touched |= _blocks_of(o["op"], json.loads(o["params"]), json.loads(o["steps"]))
                live = [m for m in live if m.block_id not in touched] + _copy(after if redo else before, touched)
            continue
        params, steps = json.loads(row["params"]), json.loads(row["steps"])
        touched = _blocks_of(op, params, steps)
        if not touched:
            continue  # roles, moves between articles, article splits and merges keep every block's characters
        before = _copy(live, touched)
        if op == "correct":
            block_id, s, e, n = _correction(params, steps)  # type: ignore[misc]
            positions = {id(m): (m.start, m.end) for m in live}
            covered = _replace(live, block_id, s, e, n)
            deleted = _original(params.get("old_text", ""), s, covered, positions)
            live.append(_Mark(edit_id, block_id, s, s + n, deleted))
        elif op == "join":
            _join(live, params["block_id"], params["next_block_id"], steps[0][3] if steps else 0)
        elif op == "split":
            _split(live, params["block_id"], params["offset"], params["new_block_id"])
        saved[edit_id] = (before, _copy(live, touched))
    starts, pos = {}, 0
    for b in blocks:
        starts[b.id] = pos
        pos += len(b.text) + 1
    out = []
    for m in live:
        if m.gone or m.block_id not in starts:
            continue
        base = starts[m.block_id]
        info = by_id[m.edit_id]
        params = json.loads(info["params"])
        out.append(
            CorrectionMark(
                edit_id=m.edit_id,
                start=base + m.start,
                end=base + m.end,
                deleted=m.deleted,
                inserted=params.get("text", ""),
                author=info["author"],
                at=info["at"],
                note=info["note"],
            )
        )
    out.sort(key=lambda c: (c.start, c.end, c.edit_id))
    return out
