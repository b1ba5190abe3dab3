"""Can an article hold the query? Asked of its page's raw text through its blocks' runs, without building its text.

An absent phrase whose trigrams are each common names thousands of candidate articles
(they hold both trigrams apart), mostly one a page. Building each one's text from its
page (:mod:`db.derived_text`: the runs parsed, the page decoded, every run sliced) costs
most of such a search. Yet a derived block is its page's raw text with some stretches
left out: the gaps between its runs. So this test decodes the page only as far as the
article's last run, searches the stretch its runs span for the query with each character
replaced by the class of every character that folds to it
(:func:`db.search_prefilter.fold_classes`), allowing between two characters whitespace and
the content of a gap, and builds the text only of an article that may hold the query:

- A match in the text lies inside one block (blocks are joined by newlines, which a query
  never crosses) and reads its characters in order from that block's runs. Between two of
  them the text holds only whitespace; in the raw text there is that whitespace and, where
  the match crosses from one run to the next, the gap between them.
- So when every run of a block starts at or after the end of the one before it and no gap
  is longer than ``g`` characters, the raw text holds the query's characters in order with
  only whitespace between them, and stretches of at most ``g`` other characters, each
  stretch inside one gap (two gaps are parted by at least one character of the text, which
  is whitespace there).

An article whose runs are not like that (a run going back, a gap over :data:`MAX_GAP`, an
empty run), that has a block whose text is stored (an edit), or whose indexed text is held
apart (an edit not yet reindexed) is not tested: the caller reads its text. The test only
ever says no when the text cannot hold the query, so hits and totals are those of reading
every text.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain
from operator import add, itemgetter, sub

import msgspec

from db.article_text import SEPARATOR
from db.search_prefilter import fold_classes

#: The longest gap between two runs of a block the test allows for (a line end, an indent);
#: longer ones (a skipped line) make the pattern too loose to be worth it: the text is read.
MAX_GAP = 8
#: Up to this many characters can open a query's places, each searched for alone (a fast scan).
_FIRSTS = 8
#: Per candidate: the runs of its blocks in order as one JSON list, or NULL when one of its
#: blocks stores its text or the index holds its text apart. ``{a}``: the article id in SQL.
RUNS_SQL = (
    "(SELECT CASE WHEN count(jk_r.text) = 0"
    " AND (SELECT indexed_text IS NULL FROM search_articles WHERE article_id = {a})"
    " THEN '[' || group_concat(jk_r.runs) || ']' END"
    " FROM (SELECT text, runs FROM block_store WHERE article_id = {a} ORDER BY position) jk_r)"
)

#: Runs as the view slices them: lists of ``[text_start, raw_start, length]`` integers (anything
#: else fails to decode, and the article's text is read as before).
_decode = msgspec.json.Decoder(list[list[tuple[int, int, int]]]).decode
_raw_start = itemgetter(1)
_length = itemgetter(2)


def _between(gap: int) -> str:
    """What may stand in the raw text between two characters of a match, for gaps of at most ``gap``.

    Whitespace, and stretches of other characters of at most ``gap`` characters parted by
    whitespace. A stretch holds no whitespace, so a text is read one way only: no backtracking
    blow-up.
    """
    if gap == 0:
        return r"[^\S\n]*"
    return rf"(?:\s|\S{{1,{gap}}}(?=\s))*\S{{0,{gap}}}"


class RunScreen:
    """The raw-text test of one folded query (:func:`screen_for`), for articles read through their runs."""

    def __init__(self, classes: tuple[str, ...]) -> None:
        self.classes = classes
        self._patterns: dict[int, list[re.Pattern[str]]] = {}

    def _patterns_for(self, gap: int) -> list[re.Pattern[str]]:
        patterns = self._patterns.get(gap)
        if patterns is None:
            between = _between(gap)
            rest = "".join(between + "[" + re.escape(chars) + "]" for chars in self.classes[1:])
            first = self.classes[0]
            openers = [re.escape(ch) for ch in first] if len(first) <= _FIRSTS else ["[" + re.escape(first) + "]"]
            patterns = self._patterns[gap] = [re.compile(opener + rest) for opener in openers]
        return patterns

    def read(self, raw: bytes | None, runs: str | None) -> tuple[bool, str | None]:
        """``(tested, text)`` of a candidate from its page's raw text in UTF-8 and its runs (:data:`RUNS_SQL`).

        ``tested`` is False when the test does not apply (the caller reads the text as before);
        else ``text`` is None when the article cannot hold the query, or the article's text,
        sliced from the raw text as the ``blocks`` view slices it (:mod:`db.derived_text`).
        """
        article = _Runs.of(runs)
        if article is None or type(raw) is not bytes:
            return False, None
        text = _decoded(raw, article.end)
        if text is None or article.end > len(text):
            return False, None  # ... or the view would slice less than the runs name
        if not any(pattern.search(text, article.start, article.end) for pattern in self._patterns_for(article.gap)):
            return True, None
        return True, article.text(text)


def _decoded(raw: bytes, chars: int) -> str | None:
    """The start of ``raw`` (UTF-8) holding at least ``chars`` characters, or all of it: no decoding past the article.

    Most text takes three bytes a character or fewer, so that much is tried first.
    """
    for size in (3 * chars + 4, len(raw)):
        cut = min(size, len(raw))
        while cut < len(raw) and raw[cut] & 0xC0 == 0x80:  # not inside a character
            cut -= 1
        try:
            text = raw[:cut].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if len(text) >= chars or cut == len(raw):
            return text
    return None


class _Runs:
    """An article's runs, flat, with where each block's start: what the test and the text need."""

    __slots__ = ("blocks", "starts", "ends", "start", "end", "gap")

    def __init__(self, blocks: list, starts: list[int], ends: list[int], start: int, gap: int) -> None:
        self.blocks, self.starts, self.ends, self.start, self.gap = blocks, starts, ends, start, gap
        self.end = max(ends)

    @classmethod
    def of(cls, runs: str | None) -> _Runs | None:
        """The runs of an article, or None when the test does not apply to them."""
        if runs is None:
            return None
        try:
            blocks = _decode(runs)
        except msgspec.DecodeError:
            return None
        flat = list(chain.from_iterable(blocks))
        if not flat:
            return None
        starts = list(map(_raw_start, flat))
        lengths = list(map(_length, flat))
        start = min(starts)
        if start < 0 or min(lengths) <= 0:
            return None
        ends = list(map(add, starts, lengths))
        gaps = list(map(sub, starts[1:], ends))
        if len(blocks) > 1:
            for last in accumulate(map(len, blocks[:-1])):  # a block's last run and the next block's first are
                if 0 < last < len(flat):  # parted by a newline, not a gap
                    gaps[last - 1] = 0
        gap = max(gaps, default=0)
        if gap > MAX_GAP or (gaps and min(gaps) < 0):
            return None
        return cls(blocks, starts, ends, start, gap)

    def text(self, raw: str) -> str:
        """The article's text: each block its runs' slices of ``raw``, the blocks joined by newlines.

        ``raw`` may be the start of the page's raw text, as long as it holds every run."""
        pieces = list(map(raw.__getitem__, map(slice, self.starts, self.ends)))
        bounds = [0, *accumulate(map(len, self.blocks))]
        return SEPARATOR.join(["".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)])


def screen_for(needle: str) -> RunScreen | None:
    """The test for a folded query (:func:`db.folding.fold_query`); None when it cannot help.

    A query of one or two characters is looked up exactly in the index (its characters and
    pairs are indexed as they are), so its candidates hold it; a fold table for another
    OpenCC (:mod:`db.search_prefilter`) gives no test.
    """
    if len(needle) < 3 or any(ch.isspace() for ch in needle):
        return None
    classes = fold_classes(needle)
    return None if classes is None else RunScreen(classes)
