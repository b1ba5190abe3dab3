"""The search index: an FTS5 index of each article's 1- and 2-grams and hashed 3-grams.

FTS5's trigram tokenizer cannot look up queries shorter than three characters,
and Chinese queries are often one or two. So we index every character and
every pair of adjacent characters of the folded, space-squeezed text as FTS5
tokens (``detail=none``: which articles contain a gram, not where). Pairs alone
let a phrase of common pairs name thousands of articles that hold every pair but
not the phrase, so every run of three characters is indexed too, hashed into one
of :data:`TRIGRAM_BUCKETS` tokens (exact trigrams are rare words each with its own
list: on generated text they cost 2.5x the space of 16,384 buckets, 1.6x that of 262,144).
An article of 2,000 characters fills about 3% of 65,536 buckets, so each trigram of a
query that the article lacks still passes it 3 times in 100: the pairs are ANDed too. A query is
looked up by the AND of its grams, which returns a superset of the articles
containing it; :mod:`db.search` then folds each candidate's text and finds the hits.

No folded copy of the text is stored (schema 6): folding keeps every character
where it was, so a hit found in the folded text is a hit at the same position in
the article text. ``search_articles`` names the indexed articles and, between a
change to an article's blocks and its reindexing, keeps the text the index holds
(the triggers of schema 6 put it there): the index forgets an article's old grams
by recomputing them from that text. Callers keep the index in step inside the
transaction that changes the text.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from itertools import chain, repeat
from operator import add, and_, mul

from db.article_text import text_sql
from db.folding import fold, squeeze

#: Characters that can be part of a gram: anything but whitespace and ASCII
#: punctuation (the FTS5 ``ascii`` tokenizer separates tokens at those).
_INDEXABLE = re.compile(r"[^\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")

#: Hash buckets of the indexed trigrams. Part of the stored index: changing it (or
#: :func:`_bucket`) needs a migration that empties ``search_grams`` so the project refills it.
TRIGRAM_BUCKETS = 1 << 16  # a power of two: the bucket is the hash's low bits
_MIX = 1_000_003
_MIX2 = _MIX * _MIX
#: A bucket's token: "t" and four hex digits, never equal to a 1- or 2-gram.
_BUCKET_TOKENS = tuple(f"t{n:04x}" for n in range(TRIGRAM_BUCKETS))


def _trigram_buckets(squeezed: str) -> list[int]:
    """The bucket of every run of three indexable characters, in order (repeats kept).

    The bucket is ``(a * MIX**2 + b * MIX + c) mod TRIGRAM_BUCKETS`` of the three code points,
    computed with ``map`` over operator functions: no Python frame per trigram.
    """
    out: list[int] = []
    for run in _INDEXABLE.findall(squeezed):
        if len(run) > 2:
            o = list(map(ord, run))
            ab = map(add, map(mul, o, repeat(_MIX2)), map(mul, o[1:], repeat(_MIX)))
            out.extend(map(and_, map(add, ab, o[2:]), repeat(TRIGRAM_BUCKETS - 1)))
    return out


def _plain_grams(squeezed: str) -> set[str]:
    runs = _INDEXABLE.findall(squeezed)
    out: set[str] = set("".join(runs))
    for run in runs:
        if len(run) > 1:
            out.update(map(add, run, run[1:]))
    return out


def gram_set(squeezed: str) -> set[str]:
    """Distinct 1- and 2-grams and trigram buckets of runs of indexable characters."""
    out = _plain_grams(squeezed)
    out.update(map(_BUCKET_TOKENS.__getitem__, set(_trigram_buckets(squeezed))))
    return out


def grams(squeezed: str) -> str:
    """Space-separated :func:`gram_set`: what an article gives the FTS5 table."""
    buckets = " ".join(map(_BUCKET_TOKENS.__getitem__, set(_trigram_buckets(squeezed))))
    return " ".join(_plain_grams(squeezed)) + " " + buckets  # grams and buckets never coincide


class IndexedText:
    """An article's text as indexed: its folded and squeezed forms, 1- and 2-grams, trigram buckets counted.

    ``raw``, when known, is the unfolded text: an article typed into again is recognised by it
    without folding its whole old text once more.
    """

    __slots__ = ("folded", "squeezed", "plain", "buckets", "raw", "_tokens")

    def __init__(
        self, folded: str, squeezed: str, plain: frozenset[str], buckets: Counter[int], raw: str | None = None
    ) -> None:
        self.folded, self.squeezed, self.plain, self.buckets, self.raw = folded, squeezed, plain, buckets, raw
        self._tokens: str | None = None

    @classmethod
    def of(cls, folded: str, raw: str | None = None) -> IndexedText:
        squeezed = squeeze(folded).text
        return cls(folded, squeezed, frozenset(_plain_grams(squeezed)), Counter(_trigram_buckets(squeezed)), raw)

    @property
    def grams(self) -> frozenset[str]:
        """Every token the index holds for the text: its 1- and 2-grams and its buckets' tokens."""
        return self.plain.union(map(_BUCKET_TOKENS.__getitem__, self.buckets))

    def same_tokens(self, other: IndexedText) -> bool:
        return self.plain == other.plain and self.buckets.keys() == other.buckets.keys()

    def tokens(self) -> str:
        """The tokens as the FTS row takes them (space-separated; kept, as the next edit deletes them)."""
        if self._tokens is None:
            self._tokens = " ".join(chain(self.plain, map(_BUCKET_TOKENS.__getitem__, self.buckets)))
        return self._tokens


#: Recently indexed texts, by article id: an editor correcting one article again and again
#: would otherwise compute the grams of its whole text twice (the old ones, to delete them)
#: on every keystroke. Entries are checked against the folded text, so a stale one is never used.
_RECENT: OrderedDict[int, IndexedText] = OrderedDict()
_RECENT_SIZE = 16
_recent_lock = threading.Lock()


def _recent(article_id: int, folded: str) -> IndexedText | None:
    with _recent_lock:
        hit = _RECENT.get(article_id)
    return hit if hit is not None and hit.folded == folded else None


def _recent_raw(article_id: int, raw: str) -> IndexedText | None:
    with _recent_lock:
        hit = _RECENT.get(article_id)
    return hit if hit is not None and hit.raw is not None and hit.raw == raw else None


def _indexed_of(article_id: int, folded: str) -> IndexedText:
    return _recent(article_id, folded) or IndexedText.of(folded)


def _remember(article_id: int, indexed: IndexedText) -> None:
    with _recent_lock:
        _RECENT[article_id] = indexed
        _RECENT.move_to_end(article_id)
        while len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search with slice comparisons: C speed on long texts
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def updated(old: IndexedText, new_folded: str, raw: str | None = None) -> IndexedText:
    """The index entry of ``new_folded``, from that of a text that differs from it in one stretch.

    Only the changed stretch (with two characters of context either side) is looked at:
    its new grams are added, each of its old 1- and 2-grams is kept if it still occurs,
    and the trigram buckets are counted down and up, a bucket going when its count does.
    """
    new_squeezed = squeeze(new_folded).text
    old_squeezed = old.squeezed
    p = _common_prefix(old_squeezed, new_squeezed)
    s = _common_suffix(old_squeezed, new_squeezed, min(len(old_squeezed), len(new_squeezed)) - p)
    old_end, new_end = len(old_squeezed) - s, len(new_squeezed) - s
    added = _plain_grams(new_squeezed[max(0, p - 1) : new_end + 1])
    gone = {g for g in _plain_grams(old_squeezed[max(0, p - 1) : old_end + 1]) - added if g not in new_squeezed}
    gone_buckets = _trigram_buckets(old_squeezed[max(0, p - 2) : old_end + 2])
    buckets = old.buckets.copy()
    buckets.subtract(gone_buckets)
    came = _trigram_buckets(new_squeezed[max(0, p - 2) : new_end + 2])
    buckets.update(came)
    emptied = [bucket for bucket in set(gone_buckets) if buckets[bucket] <= 0]
    for bucket in emptied:  # only a bucket counted down can have come to nothing
        del buckets[bucket]
    entry = IndexedText(new_folded, new_squeezed, (old.plain - gone) | added, buckets, raw)
    if old._tokens is not None:  # the FTS row's text from the old one: the few tokens gone and come
        entry._tokens = _edited_tokens(
            old._tokens,
            [*gone, *map(_BUCKET_TOKENS.__getitem__, emptied)],
            [*(added - old.plain), *(_BUCKET_TOKENS[b] for b in set(came) if b not in old.buckets)],
        )
    return entry


def _edited_tokens(tokens: str, gone: list[str], new: list[str]) -> str:
    """``tokens`` (space-separated, each once) without those ``gone`` and with those ``new`` (not in it).

    Joining every token of a long article again costs more than the rest of its reindexing; the
    FTS row only needs each token once, in any order.
    """
    if gone:
        padded = f" {tokens} "
        for token in gone:
            padded = padded.replace(f" {token} ", " ", 1)
        tokens = padded.strip(" ")
    return " ".join([tokens, *new]) if tokens else " ".join(new)


def query_grams(squeezed_query: str, buckets: int = 24, pairs: int = 8) -> list[str]:
    """Grams every article containing the query must contain: its trigram buckets, then its pairs.

    Every trigram of the query counts (up to ``buckets``, spread over a longer query): two
    trigrams that are each common are rarely together in one article. ``pairs`` pairs (or the
    characters of a one-character run) add little once trigrams are there, but cost little
    either. Empty when the query has no indexable character: the caller must scan.
    """
    runs = _INDEXABLE.findall(squeezed_query)
    pair_grams = [run[i : i + 2] for run in runs for i in range(len(run) - 1)]
    chosen = _spread(list(dict.fromkeys(pair_grams)) or list(dict.fromkeys("".join(runs))), pairs)
    bucket_grams = dict.fromkeys(map(_BUCKET_TOKENS.__getitem__, _trigram_buckets(squeezed_query)))
    return _spread(list(bucket_grams), buckets) + chosen  # buckets first: they are the rarer


def _spread(items: list[str], limit: int) -> list[str]:
    """At most ``limit`` of ``items``, spread over them (first and last kept)."""
    if len(items) <= limit:
        return items
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def _indexed_text(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The text the index holds for the article (None: not indexed)."""
    row = conn.execute("SELECT text FROM search_docs WHERE article_id = ?", (article_id,)).fetchone()
    return None if row is None else row[0]


def _replace_grams(conn: sqlite3.Connection, article_id: int, old: IndexedText, new: IndexedText) -> None:
    if old.same_tokens(new):
        return
    # A contentless FTS5 table forgets a row only when told the tokens it held.
    forget = "INSERT INTO search_grams(search_grams, rowid, grams) VALUES ('delete', ?, ?)"
    conn.execute(forget, (article_id, old.tokens()))
    conn.execute("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", (article_id, new.tokens()))


def index_article(conn: sqlite3.Connection, article_id: int, text: str) -> None:
    """(Re)index one article's current text.

    The FTS row is rewritten only when the set of grams changed (a corrected character
    usually occurs elsewhere in the article already).
    """
    old_text = _indexed_text(conn, article_id)
    if old_text is None:
        entry = IndexedText.of(fold(text), text)
        conn.execute("INSERT INTO search_articles (article_id) VALUES (?)", (article_id,))
        conn.execute("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", (article_id, entry.tokens()))
        _remember(article_id, entry)
        return
    clear = "UPDATE search_articles SET indexed_text = NULL WHERE article_id = ? AND indexed_text IS NOT NULL"
    conn.execute(clear, (article_id,))
    if old_text == text:
        return
    folded = fold(text)
    # the article edited a moment ago (known by its text, so its old text need not be folded
    # again): work from the stretch that changed
    hit = _recent_raw(article_id, old_text) or _recent(article_id, old_folded := fold(old_text))
    if hit is not None:
        old, entry = hit, updated(hit, folded, text)
    else:
        old, entry = IndexedText.of(old_folded, old_text), IndexedText.of(folded, text)
    _replace_grams(conn, article_id, old, entry)
    _remember(article_id, entry)


def index_new_articles(conn: sqlite3.Connection, items: Iterable[tuple[int, str]]) -> None:
    """Index articles known not to be indexed yet (import): no look-up of old rows."""
    insert_prepared(conn, ((article_id, grams(squeeze(fold(text)).text)) for article_id, text in items))


def insert_prepared(conn: sqlite3.Connection, items: Iterable[tuple[int, str]]) -> None:
    """Index new articles whose (id, grams) were computed elsewhere (an import worker)."""
    rows = list(items)
    insert_articles(conn, [r[0] for r in rows])
    insert_grams(conn, rows)


def insert_articles(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Mark new articles as indexed (their grams follow in the same transaction: :func:`insert_grams`)."""
    conn.executemany("INSERT INTO search_articles (article_id) VALUES (?)", [(a,) for a in article_ids])


#: Bytes of new tokens FTS5 holds in memory before writing them out as a segment (its default
#: is 1 MiB). An import batch of 32 pages passed some 8 MB (a batch now holds up to 64): at 1 MiB
#: each became a dozen segments, merged again and again, 60% of the index's insert work (instructions counted with
#: callgrind). The value is kept in the table's own configuration, which FTS5 reads on any SQLite.
PENDING_BYTES = 16 << 20


def _hold_batch_in_memory(conn: sqlite3.Connection) -> None:
    row = conn.execute("SELECT v FROM search_grams_config WHERE k = 'hashsize'").fetchone()
    if row is None or row[0] != PENDING_BYTES:
        conn.execute("INSERT INTO search_grams (search_grams, rank) VALUES ('hashsize', ?)", (PENDING_BYTES,))


def insert_grams(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """The (article id, grams) of articles :func:`insert_articles` marked, into the index."""
    _hold_batch_in_memory(conn)
    conn.executemany("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", rows)


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    old_text = _indexed_text(conn, article_id)
    if old_text is None:
        return
    old = _indexed_of(article_id, fold(old_text))
    conn.execute(
        "INSERT INTO search_grams(search_grams, rowid, grams) VALUES ('delete', ?, ?)",
        (article_id, old.tokens()),
    )
    conn.execute("DELETE FROM search_articles WHERE article_id = ?", (article_id,))


def rebuild(conn: sqlite3.Connection) -> int:
    """Drop and rebuild the whole index from the articles' current text; returns articles indexed."""
    conn.execute("DELETE FROM search_articles")
    conn.execute("INSERT INTO search_grams(search_grams) VALUES ('delete-all')")
    count = 0
    cursor = conn.execute(f"SELECT id, {text_sql('articles.id')} FROM articles ORDER BY id")
    while batch := cursor.fetchmany(500):
        index_new_articles(conn, batch)
        count += len(batch)
    return count
