"""The article text model: ordered blocks, their raw maps, and offset conversions.

An article's text is its blocks' texts joined by "\\n", in order; that string
is the coordinate space of annotations and search hits. Each block keeps the
map from its characters to raw code point offsets as runs
``(text_start, raw_start, length)``; characters an editor inserted have none.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from db import search_index
from db.article_text import SEPARATOR, text_sql
from db.connection import now
from db.errors import NotFound
from db.models import HEADLINE_ROLES, Block, BlockRole, Runs, TextLocation

# -- raw maps ------------------------------------------------------------------


def runs_of(sources: Sequence[int]) -> list[tuple[int, int, int]]:
    """Same runs as ``TracedText.runs()``, computed with C-level loops (it is on the import path)."""
    n = len(sources)
    if not n:
        return []
    cuts = [i for i, (a, b) in enumerate(zip(sources, sources[1:], strict=False), 1) if b != a + 1]
    starts = [0, *cuts]
    ends = [*cuts, n]
    return [(s, sources[s], e - s) for s, e in zip(starts, ends, strict=True)]


def runs_to_json(runs: Iterable[Sequence[int]]) -> str:
    return json.dumps([list(r) for r in runs], separators=(",", ":"))


@lru_cache(maxsize=8192)
def runs_from_json(data: str) -> Runs:
    """Kept by their text: an article read again after each keystroke parses only the changed block's."""
    return tuple((int(a), int(b), int(c)) for a, b, c in json.loads(data))


def expand(runs: Runs, length: int) -> list[int | None]:
    """One raw offset (or None) per character."""
    sources: list[int | None] = [None] * length
    for t0, r0, n in runs:
        sources[t0 : t0 + n] = range(r0, r0 + n)
    return sources


def compress(sources: Sequence[int | None]) -> Runs:
    out: list[tuple[int, int, int]] = []
    for i, src in enumerate(sources):
        if src is None:
            continue
        if out:
            t0, r0, n = out[-1]
            if t0 + n == i and r0 + n == src:
                out[-1] = (t0, r0, n + 1)
                continue
        out.append((i, src, 1))
    return tuple(out)


def raw_at(runs: Runs, offset: int) -> int | None:
    """Raw offset of the character at ``offset`` in the block, or None."""
    for t0, r0, n in runs:
        if t0 <= offset < t0 + n:
            return r0 + offset - t0
    return None


def block_offset_of_raw(runs: Runs, raw: int) -> int | None:
    for t0, r0, n in runs:
        if r0 <= raw < r0 + n:
            return t0 + raw - r0
    return None


# -- rows ----------------------------------------------------------------------


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The id the next row of ``table`` (AUTOINCREMENT) gets; rows inserted with ids from here on.

    A block is inserted with its id given (the ``blocks`` view cannot report the id it chose);
    an import gives ids to a page's articles and blocks at once, for bulk inserts.
    """
    row = conn.execute(
        f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),"
        f" coalesce((SELECT max(id) FROM {table}), 0)) + 1",
        (table,),
    ).fetchone()
    return row[0]


BLOCK_COLUMNS = "id, article_id, position, role, text, runs, original_text"


def block_from_row(row: Sequence) -> Block:
    """Stored ``original_text``: NULL = unchanged since import, "" = made by an edit (None in the model)."""
    original = row[4] if row[6] is None else (row[6] or None)
    return Block(row[0], row[1], row[2], BlockRole(row[3]), row[4], runs_from_json(row[5]), original)


def load_blocks(conn: sqlite3.Connection, article_id: int) -> list[Block]:
    rows = conn.execute(
        f"SELECT {BLOCK_COLUMNS} FROM blocks WHERE article_id = ? ORDER BY position", (article_id,)
    ).fetchall()
    return [block_from_row(r) for r in rows]


def require_article(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row | tuple:
    row = conn.execute(
        f"SELECT id, source_id, position, kind, {text_sql('articles.id')} AS text FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise NotFound("article", article_id)
    return row


def headline_of(blocks: Iterable[Block]) -> str:
    by_role = {r: [] for r in HEADLINE_ROLES}
    for b in blocks:
        if b.role in by_role:
            by_role[b.role].append(b.text)
    return " ".join(t for role in HEADLINE_ROLES for t in by_role[role] if t)


def refresh_article(conn: sqlite3.Connection, article_id: int, blocks: Sequence[Block] | None = None) -> str:
    """Recompute an article's headline from its blocks and reindex its text; returns the text.

    The text itself is not stored: it is the blocks' texts joined (:mod:`db.article_text`).
    ``blocks``: the article's current blocks, when the caller has just read them.
    """
    blocks = load_blocks(conn, article_id) if blocks is None else blocks
    text = SEPARATOR.join(b.text for b in blocks)
    conn.execute(
        "UPDATE articles SET headline = ?, updated_at = ? WHERE id = ?", (headline_of(blocks), now(), article_id)
    )
    search_index.index_article(conn, article_id, text)
    return text


# -- the layout of one article's text --------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """Blocks of one article with their start offsets in the article text."""

    article_id: int
    blocks: tuple[Block, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, article_id: int, blocks: Sequence[Block]) -> Layout:
        starts = []
        pos = 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + len(SEPARATOR)
        return cls(article_id, tuple(blocks), tuple(starts))

    @property
    def text(self) -> str:
        return SEPARATOR.join(b.text for b in self.blocks)

    @property
    def length(self) -> int:
        if not self.blocks:
            return 0
        return self.starts[-1] + len(self.blocks[-1].text)

    def span(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        return start, start + len(self.blocks[index].text)

    def index_of(self, block_id: int) -> int:
        for i, b in enumerate(self.blocks):
            if b.id == block_id:
                return i
        raise NotFound("block", block_id)

    def locate(self, offset: int) -> TextLocation:
        """The block holding ``offset``; the separator after a block counts as that block's end."""
        if not self.blocks or not 0 <= offset <= self.length:
            raise IndexError(f"offset {offset} outside the article text (length {self.length})")
        i = bisect_right(self.starts, offset) - 1
        b = self.blocks[i]
        return TextLocation(self.article_id, i, b.id, offset - self.starts[i], offset)

    def raw_offset(self, offset: int) -> int | None:
        """Raw offset of the character at article offset ``offset`` (None: separator or inserted)."""
        loc = self.locate(offset)
        block = self.blocks[loc.block_index]
        if loc.offset_in_block >= len(block.text):
            return None
        return raw_at(block.runs, loc.offset_in_block)

    def raw_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Raw ranges [a, b) covering the characters of [start, end) that have a raw source."""
        spans: list[tuple[int, int]] = []
        for i, b in enumerate(self.blocks):
            b0, b1 = self.span(i)
            lo, hi = max(start, b0), min(end, b1)
            if lo >= hi:
                continue
            for t0, r0, n in b.runs:
                a, z = max(lo - b0, t0), min(hi - b0, t0 + n)
                if a < z:
                    ra, rz = r0 + a - t0, r0 + z - t0
                    if spans and spans[-1][1] == ra:
                        spans[-1] = (spans[-1][0], rz)
                    else:
                        spans.append((ra, rz))
        return spans

    def offset_of_raw(self, raw: int) -> TextLocation | None:
        for i, b in enumerate(self.blocks):
            off = block_offset_of_raw(b.runs, raw)
            if off is not None:
                return TextLocation(self.article_id, i, b.id, off, self.starts[i] + off)
        return None


def layout(conn: sqlite3.Connection, article_id: int) -> Layout:
    require_article(conn, article_id)
    return Layout.of(article_id, load_blocks(conn, article_id))
