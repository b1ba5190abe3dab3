"""Full-text search over current article text: Simplified/Traditional-blind, space-blind.

A plain query is folded (:func:`db.folding.fold_query`) and looked for in each
article's folded, space-squeezed text; candidate articles come from the gram
index (:mod:`db.search_index`), or from a scan when the query has no indexable
character. A regular expression runs over the folded text (same length as the
original, so no mapping is needed), with its non-ASCII literals folded too and
``re.IGNORECASE``; a literal run it requires, if any, narrows the candidates.
Hits come back as keyword-in-context rows whose offsets are positions in the
original article text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from db.article_text import A_TEXT
from db.connection import Connection
from db.errors import QueryError
from db.folding import fold_pattern, fold_query, squeeze
from db.models import SearchHit, SearchResult
from db.search_index import SQUEEZE_SQL, query_grams

MAX_QUERY_LENGTH = 1000
CONTEXT_CHARS = 20

try:  # the parser behind ``re``: used only to find literals a pattern requires
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre_parse  # type: ignore[no-redef]


@dataclass(frozen=True, slots=True)
class _Found:
    article_id: int
    start: int
    end: int


def required_literal(pattern: str, flags: int = re.IGNORECASE) -> str:
    """The longest literal text every match of ``pattern`` must contain ("" if none is sure)."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:
        return ""
    best = ""
    run: list[str] = []
    for op, arg in list(parsed):
        if str(op) == "LITERAL":
            ch = chr(arg)
            if ch.isascii():
                run.append(ch.lower())
                continue
            if ch.lower() == ch.upper():  # caseless (CJK): safe to look up as is
                run.append(ch)
                continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    if len(run) > len(best):
        best = "".join(run)
    return best


def _candidates(
    conn: sqlite3.Connection,
    grams: list[str],
    source_id: int | None,
    include_superseded: bool,
    needle: str | None = None,
) -> Iterator[tuple[int, str]]:
    """Articles that may hold a hit, with their folded text.

    With ``needle`` (a plain query), articles whose space-squeezed folded text
    does not contain it are dropped inside SQLite (squeezing the usual spaces
    with ``replace()``), so they never travel to Python.
    """
    where = []
    params: list = []
    if needle:
        where.append(f"(d.spaced = 2 OR instr(CASE d.spaced WHEN 1 THEN {SQUEEZE_SQL} ELSE d.folded END, ?) > 0)")
        params.append(needle)
    if not include_superseded:
        where.append("s.superseded = 0")
    if source_id is not None:
        where.append("a.source_id = ?")
        params.append(source_id)
    if grams:
        match = " AND ".join(f'"{g}"' for g in grams)  # grams hold no quote or space: safe
        sql = (
            "SELECT d.article_id, d.folded FROM search_grams g JOIN search_docs d ON d.article_id = g.rowid"
            " JOIN articles a ON a.id = d.article_id JOIN sources s ON s.id = a.source_id"
            " WHERE search_grams MATCH ?" + "".join(f" AND {w}" for w in where) + " ORDER BY g.rowid"
        )
        params.insert(0, match)
    else:
        sql = (
            "SELECT d.article_id, d.folded FROM search_docs d JOIN articles a ON a.id = d.article_id"
            " JOIN sources s ON s.id = a.source_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.article_id"
        )
    cursor = conn.execute(sql, params)
    while rows := cursor.fetchmany(64):
        yield from rows


def _plain_hits(conn, query: str, source_id, include_superseded) -> Iterator[_Found]:
    needle = fold_query(query)
    if not needle:
        raise QueryError("the query is empty: type something to search for")
    for article_id, folded in _candidates(conn, query_grams(needle), source_id, include_superseded, needle):
        sq = squeeze(folded)
        i = sq.text.find(needle)
        while i >= 0:
            s, e = sq.original_span(i, i + len(needle))
            yield _Found(article_id, s, e)
            i = sq.text.find(needle, i + len(needle))


def compile_regex(query: str) -> re.Pattern[str]:
    try:
        re.compile(query)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise QueryError(f"invalid regular expression: {exc.msg}{where}") from exc
    except (OverflowError, RecursionError) as exc:
        raise QueryError(f"the regular expression is too complex: {exc}") from exc
    try:
        return re.compile(fold_pattern(query), re.IGNORECASE)
    except re.error as exc:  # pragma: no cover - folding only escapes characters
        raise QueryError(f"invalid regular expression after folding: {exc.msg}") from exc


def _regex_hits(conn, query: str, source_id, include_superseded) -> Iterator[_Found]:
    rx = compile_regex(query)
    literal = required_literal(rx.pattern)
    grams = query_grams(squeeze(literal).text) if literal else []
    for article_id, folded in _candidates(conn, grams, source_id, include_superseded):
        for m in rx.finditer(folded):
            if m.end() > m.start():  # a match of nothing is not a hit
                yield _Found(article_id, m.start(), m.end())


def search(
    cx: Connection,
    query: str,
    *,
    regex: bool = False,
    limit: int = 100,
    offset: int = 0,
    source_id: int | None = None,
    include_superseded: bool = False,
    context: int = CONTEXT_CHARS,
) -> SearchResult:
    """Hits ``offset`` .. ``offset + limit`` in article order; ``more`` tells whether others follow."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty: type something to search for")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(query)} characters; at most {MAX_QUERY_LENGTH})")
    if limit < 1 or offset < 0:
        raise QueryError("limit must be at least 1 and offset not negative")
    with cx.read() as conn:
        finder = _regex_hits if regex else _plain_hits
        found: list[_Found] = []
        more = False
        for n, hit in enumerate(finder(conn, query, source_id, include_superseded)):
            if n < offset:
                continue
            if len(found) == limit:
                more = True
                break
            found.append(hit)
        return SearchResult(tuple(_kwic(conn, found, context)), more)


def _kwic(conn: sqlite3.Connection, found: list[_Found], context: int) -> Iterator[SearchHit]:
    cache: dict[int, tuple] = {}
    for f in found:
        if f.article_id not in cache:
            cache[f.article_id] = conn.execute(
                f"SELECT {A_TEXT}, a.headline, a.source_id, s.name FROM articles a JOIN sources s ON s.id = a.source_id"
                " WHERE a.id = ?",
                (f.article_id,),
            ).fetchone()
        text, headline, source_id, name = cache[f.article_id]
        yield SearchHit(
            f.article_id,
            source_id,
            name,
            headline,
            f.start,
            f.end,
            text[max(0, f.start - context) : f.start],
            text[f.start : f.end],
            text[f.end : f.end + context],
        )
