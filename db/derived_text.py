"""Text stored once (schema 7): a page's raw text compressed, a block's text derived from it.

A block made by the engine is, character for character, the slices of its page's raw text
that its runs name (the engine only cuts and joins lines; it never rewrites a character).
Such a block stores no text: ``block_store.text`` is NULL and the ``blocks`` view gives the
slices (:func:`slices`); a block an edit changed, or any block that is not its runs' slices,
stores its text. The raw text is kept zlib-compressed (``sources.raw_zlib``): it is read
whole only by the raw pane, exports of the dumps and re-running the engine.

The store's SQL reaches both through functions every connection to a project registers
(:func:`install`; the view and triggers of schema 7 name them, so their names and meaning
are part of the file format):

- ``jk_inflate(raw_zlib)``: the raw text;
- ``jk_block_text(source_id, sha256, raw_zlib, runs)``: the slices of that raw text named by
  ``runs`` (JSON ``[[text_start, raw_start, length], ...]``). The inflated text of the last
  pages read is kept per connection, keyed by source id and content hash, so the blocks of
  one page inflate it once.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Sequence

#: zlib level: 6 (the default) packs generated pages to 0.53 of their UTF-8, 1 to 0.55, at
#: twice the speed; compression runs in the import's workers, so the smaller one wins.
LEVEL = 6

#: The raw text of a ``sources`` row in SQL, under its old column name.
RAW_TEXT = "jk_inflate(raw_zlib) AS raw_text"

#: Pages whose inflated text a connection keeps (a page is ~40 kB as text).
CACHED_PAGES = 16


def deflate(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def inflate(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


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


class _Pages:
    """Inflated raw texts of the pages a connection read last (per connection: no locking)."""

    def __init__(self) -> None:
        self._pages: OrderedDict[tuple[int, str], str] = OrderedDict()

    def text(self, source_id: int, sha256: str, data: bytes) -> str:
        key = (source_id, sha256)
        raw = self._pages.get(key)
        if raw is None:
            raw = inflate(data)
            self._pages[key] = raw
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        return raw

    def block_text(self, source_id: int, sha256: str, data: bytes, runs: str) -> str:
        return slices(self.text(source_id, sha256, data), json.loads(runs))


def _inflate_sql(data: bytes | None) -> str | None:
    return None if data is None else inflate(data)


def install(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Register the functions the schema's view and triggers call on ``conn``; returns it."""
    pages = _Pages()
    conn.create_function("jk_inflate", 1, _inflate_sql, deterministic=True)
    conn.create_function("jk_block_text", 4, pages.block_text, deterministic=True)
    return conn
