"""Text stored once (schema 7): a block the engine made reads its text from the page's raw text.

A block made by the engine is, character for character, the slices of its page's raw text
that its runs name (the engine only cuts and joins lines; it never rewrites a character).
Such a block stores no text: ``block_store.text`` is NULL and the ``blocks`` view gives the
slices (:func:`slices`); a block an edit changed, or any block that is not its runs' slices,
stores its text.

The raw text stays uncompressed: every search reads the text of its candidates, and
inflating a page (zlib: 0.53 of the size, but ~50 µs a page on a quiet core, 3-4 times the
cost of reading it) made reading derived text over thousands of pages several times slower.

The view reaches the raw text through two functions every connection to a project registers
(:func:`install`; the view and triggers of schema 7 name them, so their names and meaning
are part of the file format):

- ``jk_page_cached(source_id, sha256)``: 1 when this connection holds that page's raw text;
- ``jk_block_text(source_id, sha256, raw_text, runs)``: the slices of the page's raw text named
  by ``runs`` (JSON ``[[text_start, raw_start, length], ...]``); ``raw_text`` may be NULL when
  the page is held. The view passes the raw text only when ``jk_page_cached`` says it is not,
  so the blocks of one page convert its text to Python once.
- ``jk_article_text(source_id, sha256, raw_text, blocks)``: an article's text in one call, from
  the JSON list of its blocks in order, each its stored text or its runs (what search reads
  for every candidate: one call an article instead of two a block).
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

#: Pages whose raw text a connection keeps (a page is ~13,000 characters, ~26 kB as a str): a search
#: reads the candidates of many pages, and the next keystroke reads most of them again.
CACHED_PAGES = 128


def slices(raw: str, runs: Sequence[Sequence[int]]) -> str:
    """The characters of ``raw`` that ``runs`` name, in order (what a derived block reads)."""
    return "".join([raw[r0 : r0 + n] for _, r0, n in runs])


def derivable(text: str, raw: str, runs: Sequence[Sequence[int]]) -> bool:
    """Whether a block's text is exactly its runs' slices of ``raw`` (then it need not be stored)."""
    covered = 0
    for t0, _, n in runs:
        if t0 != covered:  # a character with no raw source (an insertion) sits before this run
            return False
        covered += n
    return covered == len(text) and slices(raw, runs) == text


@lru_cache(maxsize=16384)
def _raw_ranges(runs: str) -> tuple[tuple[int, int], ...]:
    """``(raw_start, raw_end)`` of each run, parsed once per distinct runs text."""
    return tuple((int(r0), int(r0) + int(n)) for _, r0, n in json.loads(runs))


class _Pages:
    """Raw texts of the pages a connection read last (per connection, used by one thread at a time)."""

    def __init__(self) -> None:
        self._pages: OrderedDict[tuple[int, str], str] = OrderedDict()

    def cached(self, source_id: int, sha256: str) -> int:
        key = (source_id, sha256)
        if key in self._pages:
            self._pages.move_to_end(key)
            return 1
        return 0

    def block_text(self, source_id: int, sha256: str, raw: str | None, runs: str) -> str:
        raw = self._page(source_id, sha256, raw)
        return "".join([raw[a:b] for a, b in _raw_ranges(runs)])


    def article_text(self, source_id: int, sha256: str, raw: str | None, blocks: str) -> str:
        """An article's text from the JSON list of its blocks: a stored text, or the runs of a derived one."""
        parts = json.loads(blocks)
        if any(type(p) is list for p in parts):
            raw = self._page(source_id, sha256, raw)
            parts = [p if type(p) is str else "".join([raw[r0 : r0 + n] for _, r0, n in p]) for p in parts]
        return "\n".join(parts)

    def _page(self, source_id: int, sha256: str, raw: str | None) -> str:
        key = (source_id, sha256)
        if raw is None:
            raw = self._pages.get(key)
            if raw is None:
                raise LookupError(f"the raw text of source {source_id} is not at hand")
        elif key not in self._pages:
            self._pages[key] = raw
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        return raw


def install(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Register the functions the schema's view and triggers call on ``conn``; returns it."""
    pages = _Pages()
    conn.create_function("jk_page_cached", 2, pages.cached)
    conn.create_function("jk_block_text", 4, pages.block_text, deterministic=True)
    conn.create_function("jk_article_text", 4, pages.article_text, deterministic=True)
    return conn
