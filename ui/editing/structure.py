"""Where structural edits apply: the block under the cursor, and what each edit needs of it.

Pure functions over :class:`ui.backend.ArticleData` (no widgets), so the rules read in
one place: join works on the block holding the cursor, split needs the cursor inside a
block (not at either end), a block moves to the previous article only from the top of
its article and to the next only from the bottom.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ui.backend import ArticleData


@dataclass(frozen=True, slots=True)
class Place:
    index: int  # block index in the article
    block_id: int
    offset: int  # code point offset inside the block
    role: str

    @property
    def at_edge(self) -> bool:
        return self.offset == 0


def place(article: ArticleData, offset: int) -> Place | None:
    """The block holding article offset ``offset`` (the separator after a block counts as its end)."""
    if not article.blocks:
        return None
    starts = article.block_starts()
    i = max(0, bisect_right(starts, max(0, offset)) - 1)
    block = article.blocks[i]
    inside = max(0, min(offset - starts[i], len(block.text)))
    return Place(i, block.id, inside, block.role)


def split_offset(article: ArticleData, offset: int) -> Place | None:
    """The place to split at, or None when the cursor is not strictly inside a block."""
    found = place(article, offset)
    if found is None or not 0 < found.offset < len(article.blocks[found.index].text):
        return None
    return found


def spans_blocks(article: ArticleData, start: int, end: int) -> bool:
    """True when ``[start, end)`` crosses a block boundary (a correction cannot)."""
    first, last = place(article, start), place(article, max(start, end))
    return first is not None and last is not None and first.index != last.index
