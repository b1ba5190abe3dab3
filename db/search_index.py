"""The search index: folded article text plus an FTS5 index of its 1- and 2-grams.

FTS5's trigram tokenizer cannot look up queries shorter than three characters,
and Chinese queries are often one or two. So we index every character and
every pair of adjacent characters of the folded, space-squeezed text as FTS5
tokens (``detail=none``: which articles contain a gram, not where). A query is
looked up by the AND of its grams, which returns a superset of the articles
containing it; :mod:`db.search` then finds the exact hits in the folded text.

``search_docs.folded`` has exactly the length of the article text, so a hit
found in it is a hit at the same position in the original text. It is a view
(schema 4): the table ``search_folds`` keeps the folded text only where folding
changed the article text, and the view gives the article text elsewhere.
Callers keep the index in step inside the transaction that changes the text.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from operator import add

from db.article_text import text_sql
from db.folding import fold, squeeze

#: Characters that can be part of a gram: anything but whitespace and ASCII
#: punctuation (the FTS5 ``ascii`` tokenizer separates tokens at those).
_INDEXABLE = re.compile(r"[^\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")



def kept_fold(folded: str, text: str) -> str | None:
    """What ``search_folds.folded`` stores: the folded text only where folding changed ``text``."""
    return None if folded == text else folded


_SPACE = re.compile(r"[^\S\n]")
_RARE_SPACE = re.compile(r"[^\S\n \t\u3000]")

#: SQL that squeezes the common spaces out of ``d.folded`` (for spaced = 1).
SQUEEZE_SQL = "replace(replace(replace(d.folded, ' ', ''), char(12288), ''), char(9), '')"


def spaced(folded: str) -> int:
    """Whitespace search squeezes out: 0 none, 1 only space/tab/U+3000 (SQL can squeeze those), 2 others too."""
    if not _SPACE.search(folded):
        return 0
    return 2 if _RARE_SPACE.search(folded) else 1


def gram_set(squeezed: str) -> set[str]:
    """Distinct 1- and 2-grams of runs of indexable characters."""
    runs = _INDEXABLE.findall(squeezed)
    out: set[str] = set("".join(runs))
    for run in runs:
        if len(run) > 1:
            out.update(map(add, run, run[1:]))
    return out


def grams(squeezed: str) -> str:
    """Space-separated distinct 1- and 2-grams of runs of indexable characters."""
    return " ".join(gram_set(squeezed))


#: The grams of recently indexed texts, by article id: an editor correcting one article again and
#: again would otherwise compute the grams of its whole text twice (the old ones, to delete them)
#: on every keystroke. Entries are checked against the folded text, so a stale one is never used.
_RECENT: OrderedDict[int, tuple[str, str, frozenset[str]]] = OrderedDict()  # folded, squeezed, grams
_RECENT_SIZE = 16
_recent_lock = threading.Lock()


def _recent(article_id: int, folded: str) -> tuple[str, frozenset[str]] | None:
    with _recent_lock:
        hit = _RECENT.get(article_id)
    if hit is not None and hit[0] == folded:
        return hit[1], hit[2]
    return None


def _grams_of(article_id: int, folded: str) -> frozenset[str]:
    hit = _recent(article_id, folded)
    if hit is not None:
        return hit[1]
    squeezed = squeeze(folded).text
    found = frozenset(gram_set(squeezed))
    _remember(article_id, folded, squeezed, found)
    return found


def _remember(article_id: int, folded: str, squeezed: str, found: frozenset[str]) -> None:
    with _recent_lock:
        _RECENT[article_id] = (folded, squeezed, found)
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


def updated_grams(old_squeezed: str, old_grams: frozenset[str], new_squeezed: str) -> frozenset[str]:
    """The grams of ``new_squeezed``, from those of a text that differs from it in one stretch.

    Only the changed stretch (with one character of context either side) is looked at:
    its new grams are added, and each of its old grams is kept if it still occurs.
    """
    p = _common_prefix(old_squeezed, new_squeezed)
    s = _common_suffix(old_squeezed, new_squeezed, min(len(old_squeezed), len(new_squeezed)) - p)
    old_window = old_squeezed[max(0, p - 1) : len(old_squeezed) - s + 1]
    new_window = new_squeezed[max(0, p - 1) : len(new_squeezed) - s + 1]
    added = gram_set(new_window)
    gone = {g for g in gram_set(old_window) - added if g not in new_squeezed}
    return (old_grams - gone) | added
def query_grams(squeezed_query: str, limit: int = 8) -> list[str]:
    """Grams every article containing the query must contain (at most ``limit``).

    Empty when the query has no indexable character: the caller must scan.
    """
    runs = _INDEXABLE.findall(squeezed_query)
    pairs = [run[i : i + 2] for run in runs for i in range(len(run) - 1)]
    chosen = list(dict.fromkeys(pairs)) or list(dict.fromkeys("".join(runs)))
    if len(chosen) > limit:  # spread the chosen grams over the query
        step = (len(chosen) - 1) / (limit - 1)
        chosen = [chosen[round(i * step)] for i in range(limit)]
    return chosen


def index_article(conn: sqlite3.Connection, article_id: int, text: str) -> None:
    """(Re)index one article's current text.

    The FTS row is rewritten only when the set of grams changed (a corrected character
    usually occurs elsewhere in the article already).
    """
    folded = fold(text)
    old = conn.execute("SELECT folded FROM search_docs WHERE article_id = ?", (article_id,)).fetchone()
    squeezed = squeeze(folded).text
    if old is not None:
        if old[0] == folded:
            return
        hit = _recent(article_id, old[0])
        if hit is not None:  # the article edited a moment ago: work from the stretch that changed
            old_grams = hit[1]
            new_grams = updated_grams(hit[0], old_grams, squeezed)
        else:
            old_grams = _grams_of(article_id, old[0])
            new_grams = frozenset(gram_set(squeezed))
        conn.execute(
            "UPDATE search_folds SET folded = ?, spaced = ? WHERE article_id = ?",
            (kept_fold(folded, text), spaced(folded), article_id),
        )
        if old_grams != new_grams:
            # A contentless FTS5 table forgets a row only when told the tokens it held.
            conn.execute(
                "INSERT INTO search_grams(search_grams, rowid, grams) VALUES ('delete', ?, ?)",
                (article_id, " ".join(old_grams)),
            )
            conn.execute("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", (article_id, " ".join(new_grams)))
    else:
        new_grams = frozenset(gram_set(squeezed))
        conn.execute(
            "INSERT INTO search_folds (article_id, folded, spaced) VALUES (?, ?, ?)",
            (article_id, kept_fold(folded, text), spaced(folded)),
        )
        conn.execute("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", (article_id, " ".join(new_grams)))
    _remember(article_id, folded, squeezed, new_grams)


def index_new_articles(conn: sqlite3.Connection, items: Iterable[tuple[int, str]]) -> None:
    """Index articles known not to be indexed yet (import): no look-up of old rows."""
    docs = []
    toks = []
    for article_id, text in items:
        folded = fold(text)
        docs.append((article_id, kept_fold(folded, text), spaced(folded)))
        toks.append((article_id, grams(squeeze(folded).text)))
    conn.executemany("INSERT INTO search_folds (article_id, folded, spaced) VALUES (?, ?, ?)", docs)
    conn.executemany("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", toks)


def insert_prepared(conn: sqlite3.Connection, items: Iterable[tuple[int, str | None, str, str]]) -> None:
    """Index new articles whose (id, kept fold, grams, text) were computed elsewhere (an import worker)."""
    rows = list(items)
    conn.executemany(
        "INSERT INTO search_folds (article_id, folded, spaced) VALUES (?, ?, ?)",
        [(r[0], r[1], spaced(r[3] if r[1] is None else r[1])) for r in rows],
    )
    conn.executemany("INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", [(r[0], r[2]) for r in rows])


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    old = conn.execute("SELECT folded FROM search_docs WHERE article_id = ?", (article_id,)).fetchone()
    if old is None:
        return
    conn.execute(
        "INSERT INTO search_grams(search_grams, rowid, grams) VALUES ('delete', ?, ?)",
        (article_id, " ".join(_grams_of(article_id, old[0]))),
    )
    conn.execute("DELETE FROM search_folds WHERE article_id = ?", (article_id,))


def rebuild(conn: sqlite3.Connection) -> int:
    """Drop and rebuild the whole index from the articles' current text; returns articles indexed."""
    conn.execute("DELETE FROM search_folds")
    conn.execute("INSERT INTO search_grams(search_grams) VALUES ('delete-all')")
    count = 0
    cursor = conn.execute(f"SELECT id, {text_sql('articles.id')} FROM articles ORDER BY id")
    while batch := cursor.fetchmany(500):
        index_new_articles(conn, batch)
        count += len(batch)
    return count
