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
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

#: Whitespace that squeezing removes (every whitespace character but the newline between blocks).
_SPACES = r"[^\S\n]*"
#: Up to this many characters can open a query's places, each searched for alone.
_FIRSTS = 8

_sources: dict[str, str] | None = None
_changed: frozenset[str] = frozenset()  # every character that folds to another one somewhere
_one_fold: frozenset[str] = frozenset()  # those that fold to the same other character everywhere
_sources_lock = threading.Lock()


def _fold_sources() -> dict[str, str] | None:
    """{folded character: every other character that can fold to it}, or None for another OpenCC."""
    global _sources, _changed, _one_fold
    with _sources_lock:
        if _sources is None:
            import opencc

            from db import fold_sources_data as data

            table: dict[str, str] = {}
            if opencc.__version__ == data.OPENCC_VERSION:
                flat = "".join(data.PAIRS)
                for source, target in zip(flat[::2], flat[1::2], strict=True):
                    table[target] = table.get(target, "") + source
                folds = Counter(flat[::2])  # a character with two folds has one in some phrase only
                _changed = frozenset(folds)
                _one_fold = frozenset(x for x, n in folds.items() if n == 1)
            else:
                table["version"] = ""  # a marker: the table does not describe this OpenCC
            _sources = table
        return None if "version" in _sources else _sources


def forget_tables() -> None:
    """Read the fold table again on next use (tests that stand in another OpenCC version)."""
    global _sources
    with _sources_lock:
        _sources = None
    for cached in (fold_classes, _places, raw_text_filter, literal_spans):
        cached.cache_clear()


class _Places:
    """Every place (overlapping ones too, in order) where a raw text holds a character of each class in turn.

    ``re`` finds a pattern that opens with one character by a fast scan, but tries a class at
    every position (10x slower): one pattern is made for each character of the first class,
    each opening with that character, unless the class is large.
    """

    def __init__(self, classes: Sequence[str]) -> None:
        rest = "".join(_SPACES + _class(chars) for chars in classes[1:])
        firsts = [re.escape(ch) for ch in classes[0]] if len(classes[0]) <= _FIRSTS else [_class(classes[0])]
        self.patterns = [re.compile(first + rest) for first in firsts]

    def any(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.patterns)

    def __call__(self, text: str) -> list[tuple[int, int]]:
        found = []
        for pattern in self.patterns:
            m = pattern.search(text)
            while m is not None:
                found.append(m.span())
                m = pattern.search(text, m.start() + 1)
        return sorted(found) if len(self.patterns) > 1 else found


def _class(chars: str) -> str:
    return "[" + re.escape(chars) + "]"


@lru_cache(maxsize=64)
def fold_classes(needle: str) -> tuple[str, ...] | None:
    """For each character of ``needle``, it and every character that can fold to it (None: no table)."""
    sources = _fold_sources()
    if sources is None or not needle:
        return None
    return tuple("".join(dict.fromkeys(ch + sources.get(ch, ""))) for ch in needle)


@lru_cache(maxsize=64)
def _places(needle: str) -> _Places | None:
    classes = fold_classes(needle)
    return None if classes is None else _Places(classes)


@lru_cache(maxsize=64)
def raw_text_filter(needle: str) -> Callable[[str], bool] | None:
    """A test of an unfolded text, false only when its folded, squeezed text cannot hold ``needle``.

    ``needle`` is a folded query (:func:`db.folding.fold_query`). None: no sound test is known.
    """
    places = _places(needle)
    if places is None:
        return None
    return places.any


@lru_cache(maxsize=64)
def literal_spans(needle: str) -> Callable[[str], list[tuple[int, int]] | None] | None:
    """Where ``needle`` stands in a text's folded form, found without folding, when that is sure.

    A place where the raw text could fold into the needle is sure when each of its characters
    folds the same way in every context: the needle's own character when folding never changes
    it, another form when that is the only fold it has (馴 → 驯; not 沈, which stays or becomes 沉
    by the phrase around it). The callable gives the hits (leftmost first, not overlapping, as
    in the folded text) when every place is sure, else None (the caller folds the text).
    None: no table describes the installed OpenCC.
    """
    places = _places(needle)
    if places is None:
        return None

    def spans(text: str) -> list[tuple[int, int]] | None:
        found: list[tuple[int, int]] = []
        for start, end in places(text):
            chars = [x for x in text[start:end] if not x.isspace()]
            for x, ch in zip(chars, needle, strict=True):
                if (x in _changed) if x == ch else (x not in _one_fold):
                    return None
            if not found or start >= found[-1][1]:
                found.append((start, end))
        return found

    return spans
