"""The articles of one source of this project, indexed by the raw offsets of their characters.

A merge finds the place of an incoming edit or passage by the raw text its characters
came from (the same page has the same raw text), never by article or block ids.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from db.articles import expand, load_blocks, runs_from_json
from db.models import Block


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: int
    block: Block
    index: int  #: the block's index in its article
    offset: int  #: in the block


class Target:
    """One source's blocks here; :meth:`reload` after every change to them."""

    def __init__(self, conn: sqlite3.Connection, source_id: int) -> None:
        self.conn = conn
        self.source_id = source_id
        self.reload()

    def reload(self) -> None:
        conn = self.conn
        self.articles = [
            r[0]
            for r in conn.execute("SELECT id FROM articles WHERE source_id = ? ORDER BY position", (self.source_id,))
        ]
        self.blocks: dict[int, list[Block]] = {a: load_blocks(conn, a) for a in self.articles}
        entries = []
        for aid, blocks in self.blocks.items():
            for i, b in enumerate(blocks):
                for t0, r0, n in b.runs:
                    entries.append((r0, r0 + n, aid, i, t0))
        entries.sort()
        self._entries = entries
        self._starts = [e[0] for e in entries]

    def at_raw(self, raw: int) -> Hit | None:
        i = bisect_right(self._starts, raw) - 1
        while i >= 0:
            r0, r1, aid, index, t0 = self._entries[i]
            if r0 <= raw < r1:
                return Hit(aid, self.blocks[aid][index], index, t0 + raw - r0)
            if r1 <= raw and i > 0 and self._entries[i - 1][1] <= r0:
                return None
            i -= 1
        return None

    def text(self, aid: int) -> str:
        return "\n".join(b.text for b in self.blocks[aid])

    def start_of(self, aid: int, index: int) -> int:
        return sum(len(b.text) + 1 for b in self.blocks[aid][:index])

    def span_of(self, hit: Hit) -> tuple[int, int, int]:
        """(article, start, end) of the whole block ``hit`` is in."""
        start = self.start_of(hit.article_id, hit.index)
        return hit.article_id, start, start + len(hit.block.text)

    def vote_article(self, raws: list[int | None]) -> int | None:
        votes: Counter = Counter()
        for r in raws:
            if r is not None:
                hit = self.at_raw(r)
                if hit is not None:
                    votes[hit.article_id] += 1
        return votes.most_common(1)[0][0] if votes else None

    def vote_block(self, raws: list[int | None]) -> Hit | None:
        votes: Counter = Counter()
        hits: dict[int, Hit] = {}
        for r in raws:
            if r is not None:
                hit = self.at_raw(r)
                if hit is not None:
                    votes[hit.block.id] += 1
                    hits.setdefault(hit.block.id, hit)
        return hits[votes.most_common(1)[0][0]] if votes else None


def snap_raws(row: dict) -> list[int | None]:
    """Raw offset of every character of a block snapshot of the export (None: typed by an editor)."""
    runs = row["runs"]
    parsed = runs_from_json(runs) if isinstance(runs, str) else tuple(tuple(r) for r in runs)
    return expand(parsed, len(row["text"]))


def record_raws(record: dict) -> list[int | None]:
    """Raw offsets of every character of an exported article's text (None for the line breaks)."""
    out: list[int | None] = []
    for k, b in enumerate(record["blocks"]):
        if k:
            out.append(None)
        out.extend(snap_raws(b))
    return out
