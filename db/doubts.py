"""The engine's doubts: the boundaries it was unsure of, as the editor's worklist.

A **doubt** is a boundary the engine drew (a paragraph break, or the start of an
article) whose confidence (:mod:`db.engine_record`) is below :data:`DOUBT_THRESHOLD`.
It sits before a block, and stays **open** while the structure there is as the engine
made it and nobody said it looks right:

- the block still exists (a join with the paragraph before it deletes it);
- it still has the role the engine gave it, and for a paragraph break so does the block
  now before it (a role change at the boundary is a decision about it);
- an article's first block is still first in its article, and a paragraph break is still
  inside one (an article split or merge, or moving the block to the next or previous
  article, decided it);
- no row in ``doubt_checks`` says an editor looked and found it right.

Structure edits therefore resolve a doubt through the edit history itself: undoing one
(a revert) restores the structure and the doubt is open again. "Looks right" is a row of
its own, which undo deletes. Counts and lists are read from the store every time, so
they are right at once after any change.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from db.articles import runs_from_json
from db.connection import Connection, now
from db.errors import EditError
from db.events import Change, event
from db.rows import build, named

#: Boundaries the engine gives less than this probability of being right are doubts:
#: below 0.8 the engine expects at least one in five such boundaries to be wrong.
DOUBT_THRESHOLD = 0.8

PARAGRAPH = "paragraph"  #: a doubt about a break between two blocks of one article
ARTICLE = "article"  #: a doubt about where an article starts


@dataclass(frozen=True, slots=True)
class Doubt:
    block_id: int  #: the block the doubtful boundary stands before
    article_id: int  #: the article that block is in now
    source_id: int
    article_position: int
    block_position: int  #: the block's index in its article now
    kind: str  #: :data:`PARAGRAPH` or :data:`ARTICLE`
    confidence: float
    raw_offset: int | None  #: where the block starts in the raw dump (None: it starts with typed text)


_SELECT = """
SELECT e.block_id, b.article_id, a.source_id, a.position AS article_position, b.position AS block_position,
  e.position AS engine_position, e.boundary_confidence AS confidence, b.runs
"""
#: The conditions of an open doubt (see the module docstring), for a row ``e`` of engine_blocks.
_OPEN = """
JOIN blocks b ON b.id = e.block_id
JOIN articles a ON a.id = b.article_id
JOIN sources s ON s.id = a.source_id
LEFT JOIN blocks p ON p.article_id = b.article_id AND p.position = b.position - 1
LEFT JOIN engine_blocks ep ON ep.article_id = e.article_id AND ep.position = e.position - 1
WHERE {confidence} < :threshold
  AND b.role = e.role
  AND ((e.position = 0 AND b.position = 0) OR (e.position > 0 AND b.position > 0 AND p.role = ep.role))
  AND NOT EXISTS (SELECT 1 FROM doubt_checks c WHERE c.block_id = e.block_id)
"""
#: Every source: found through the index of low confidences (superseded versions left out).
_ALL_SQL = _SELECT + "FROM engine_blocks e" + _OPEN.format(confidence="e.boundary_confidence") + (
    "  AND s.superseded = 0\n"
)
#: One source: found through its engine articles (the confidence index would scan every source's doubts).
_SOURCE_SQL = (
    _SELECT
    + "FROM engine_articles ea JOIN engine_blocks e ON e.article_id = ea.article_id"
    + _OPEN.format(confidence="+e.boundary_confidence")
    + "  AND ea.source_id = :source\n"
)
_ORDER = " ORDER BY a.source_id, a.position, b.position"


def _first_raw(runs_json: str) -> int | None:
    """Raw offset of the block's first character (of its first traced one, if an editor typed the first)."""
    runs = runs_from_json(runs_json)
    return runs[0][1] if runs else None


def _doubt(r: sqlite3.Row) -> Doubt:
    return build(
        Doubt, r, kind=ARTICLE if r["engine_position"] == 0 else PARAGRAPH, raw_offset=_first_raw(r["runs"])
    )


def open_doubts(
    conn: sqlite3.Connection,
    *,
    source_id: int | None = None,
    article_id: int | None = None,
    threshold: float = DOUBT_THRESHOLD,
) -> list[Doubt]:
    """Open doubts in reading order (source, article, block): of one source, one article, or every source.

    "Every source" leaves superseded versions out; a source named by id is read whatever its version.
    """
    params: dict = {"threshold": threshold}
    if article_id is not None:
        row = named(conn, "SELECT source_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        source_id = row["source_id"] if source_id is None else source_id
    if source_id is None:
        sql = _ALL_SQL
    else:
        sql = _SOURCE_SQL
        params["source"] = source_id
    if article_id is not None:
        sql += " AND b.article_id = :article"
        params["article"] = article_id
    return [_doubt(r) for r in named(conn, sql + _ORDER, params)]


def counts(
    conn: sqlite3.Connection, threshold: float = DOUBT_THRESHOLD, source_ids: Sequence[int] | None = None
) -> dict[int, Counter]:
    """Open doubts per article, by source: ``{source_id: Counter({article_id: n})}``.

    Every latest version when ``source_ids`` is None (sources with none are absent), else
    the sources given (each present, perhaps with an empty Counter).
    """
    out: dict[int, Counter] = {}
    if source_ids is None:
        rows = named(conn, _ALL_SQL, {"threshold": threshold})
    else:
        rows = (r for sid in source_ids for r in named(conn, _SOURCE_SQL, {"threshold": threshold, "source": sid}))
        out = {sid: Counter() for sid in source_ids}
    for r in rows:
        out.setdefault(r["source_id"], Counter())[r["article_id"]] += 1
    return out


def is_checked(conn: sqlite3.Connection, block_id: int) -> bool:
    return conn.execute("SELECT 1 FROM doubt_checks WHERE block_id = ?", (block_id,)).fetchone() is not None


def _where(conn: sqlite3.Connection, block_id: int) -> tuple[int, int]:
    r = named(
        conn,
        "SELECT b.article_id, a.source_id FROM blocks b JOIN articles a ON a.id = b.article_id WHERE b.id = ?",
        (block_id,),
    ).fetchone()
    if r is None:
        raise EditError(f"block {block_id} is not in the project any more")
    return r["article_id"], r["source_id"]


def confirm(cx: Connection, block_id: int, author: str | None = None) -> None:
    """Record that an editor looked at the boundary before ``block_id`` and found it right."""
    with cx.write() as conn:
        if conn.execute("SELECT 1 FROM engine_blocks WHERE block_id = ?", (block_id,)).fetchone() is None:
            raise EditError("the engine drew no boundary here that it was unsure of")
        article_id, source_id = _where(conn, block_id)
        conn.execute(
            "INSERT OR REPLACE INTO doubt_checks (block_id, author, checked_at) VALUES (?, ?, ?)",
            (block_id, author, now()),
        )
        cx.announce(event(Change.DOUBTS, sources=[source_id], articles=[article_id]))


def reopen(cx: Connection, block_id: int) -> None:
    """Take back a "looks right" (the desk's undo of it)."""
    with cx.write() as conn:
        conn.execute("DELETE FROM doubt_checks WHERE block_id = ?", (block_id,))
        try:
            article_id, source_id = _where(conn, block_id)
        except EditError:
            return
        cx.announce(event(Change.DOUBTS, sources=[source_id], articles=[article_id]))


class Doubts:
    """The doubts of one open project (``Project.doubts``)."""

    def __init__(self, cx: Connection, author: str | None = None, threshold: float = DOUBT_THRESHOLD) -> None:
        self._cx = cx
        self.author = author
        self.threshold = threshold

    def open(self, *, source_id: int | None = None, article_id: int | None = None) -> list[Doubt]:
        with self._cx.read() as conn:
            return open_doubts(conn, source_id=source_id, article_id=article_id, threshold=self.threshold)

    def counts(self, source_ids: Sequence[int] | None = None) -> dict[int, Counter]:
        with self._cx.read() as conn:
            return counts(conn, self.threshold, source_ids)

    def is_checked(self, block_id: int) -> bool:
        with self._cx.read() as conn:
            return is_checked(conn, block_id)

    def confirm(self, block_id: int) -> None:
        confirm(self._cx, block_id, self.author)

    def reopen(self, block_id: int) -> None:
        reopen(self._cx, block_id)
