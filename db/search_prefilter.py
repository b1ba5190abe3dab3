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
exactly.

Most articles need no folding at all: when no character of the query is ever changed by
folding (in any context) and the article holds no character that folds into one of the
query's, the query's places in the folded text are its places in the raw text
(:func:`literal_spans`). The table of folds is generated for one OpenCC version
(``scripts/make_fold_sources.py``); with another one installed neither test is used.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

#: Whitespace that squeezing removes (every whitespace character but the newline between blocks).
_SPACES = r"[^\S\n]*"

_sources: dict[str, str] | None = None
_changed: frozenset[str] = frozenset()  # every character that folds to another one somewhere
_sources_lock = threading.Lock()


def _fold_sources() -> dict[str, str] | None:
    """{folded character: every other character that can fold to it}, or None for another OpenCC."""
    global _sources, _changed
    with _sources_lock:
        if _sources is None:
            import opencc

            from db import fold_sources_data as data

            table: dict[str, str] = {}
            if opencc.__version__ == data.OPENCC_VERSION:
                flat = "".join(data.PAIRS)
                for source, target in zip(flat[::2], flat[1::2], strict=True):
                    table[target] = table.get(target, "") + source
                _changed = frozenset(flat[::2])
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
    classes = ["".join(dict.fromkeys(ch + sources.get(ch, ""))) for ch in needle]
    # ``re`` finds a pattern that opens with one character by a fast scan, but tries a class at
    # every position (10x slower): the pattern opens at the first one-character class, and the
    # classes before it are checked backwards from each place it matches.
    anchor = next((i for i, chars in enumerate(classes) if len(chars) == 1), 0)
    tail = _pattern(classes[anchor:])
    if anchor == 0:
        return tail.search
    head = classes[:anchor][::-1]

    def may_hold(text: str) -> bool:
        m = tail.search(text)
        while m is not None:
            at = m.start() - 1
            for chars in head:
                while at >= 0 and text[at] != "\n" and text[at].isspace():
                    at -= 1
                if at < 0 or text[at] not in chars:
                    break
                at -= 1
            else:
                return True
            m = tail.search(text, m.start() + 1)
        return False

    return may_hold


def _pattern(classes: list[str]) -> re.Pattern[str]:
    return re.compile(_SPACES.join("[" + re.escape(chars) + "]" for chars in classes))


@lru_cache(maxsize=64)
def literal_spans(needle: str) -> Callable[[str], list[tuple[int, int]] | None] | None:
    """Where ``needle`` stands in a text's folded form, found without folding, when that is sure.

    The callable answers None for a text holding a character that folds into one of the
    needle's (the caller folds it). None: some character of the needle is itself changed by
    folding somewhere, or no table describes the installed OpenCC.
    """
    sources = _fold_sources()
    if sources is None or not needle or any(ch in _changed for ch in needle):
        return None
    others = sorted({x for ch in needle for x in sources.get(ch, "")} - set(needle))
    literal = _pattern(list(needle))

    def spans(text: str) -> list[tuple[int, int]] | None:
        if any(x in text for x in others):  # str's fast scan, one character at a time
            return None
        return [m.span() for m in literal.finditer(text)]

    return spans
