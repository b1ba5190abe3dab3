"""Can this raw article text hold the query? A test in C before the costly fold.

The gram index names every article holding all of a query's grams, but it does not know
where they stand: an absent phrase whose trigrams are each common names hundreds or
thousands of articles that hold both trigrams apart. Folding each (OpenCC t2s, then
squeezing out spaces) costs about 0.1 ms per 1,000 characters; this test costs a few
microseconds. It searches the unfolded text for the query with each character replaced
by the class of every character that can fold to it (Traditional forms, also those a
t2s phrase gives: 沈 in 沈默 → 沉) and spaces allowed between them, as the squeezed
text would. Folding keeps every character in place (:mod:`db.folding`), so an article
whose folded text holds the query always passes; one that passes is then checked
exactly. The table of folds is generated for one OpenCC version
(``scripts/make_fold_sources.py``); with another one installed no prefilter is used.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

#: Whitespace that squeezing removes (every whitespace character but the newline between blocks).
_SPACES = r"[^\S\n]*"

_sources: dict[str, str] | None = None
_sources_lock = threading.Lock()


def _fold_sources() -> dict[str, str] | None:
    """{folded character: every other character that can fold to it}, or None for another OpenCC."""
    global _sources
    with _sources_lock:
        if _sources is None:
            import opencc

            from db import fold_sources_data as data

            table: dict[str, str] = {}
            if opencc.__version__ == data.OPENCC_VERSION:
                flat = "".join(data.PAIRS)
                for source, target in zip(flat[::2], flat[1::2], strict=True):
                    table[target] = table.get(target, "") + source
            else:
                table["version"] = ""  # a marker: the table does not describe this OpenCC
            _sources = table
        return None if "version" in _sources else _sources


@lru_cache(maxsize=64)
def raw_text_filter(needle: str) -> Callable[[str], object] | None:
    """A test of an unfolded text, false only when its folded, squeezed text cannot hold ``needle``.

    ``needle`` is a folded query (:func:`db.folding.fold_query`). None: no sound test is known.
    """
    sources = _fold_sources()
    if sources is None or not needle:
        return None
    classes = ["[" + re.escape(ch + sources.get(ch, "")) + "]" for ch in needle]
    return re.compile(_SPACES.join(classes)).search
