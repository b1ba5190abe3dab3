"""Full-text search over current article text: Simplified/Traditional-blind, space-blind.

A plain query is folded (:func:`db.folding.fold_query`) and looked for in each
candidate article's text, folded and space-squeezed as it is read (no folded copy is
stored); candidate articles come from the gram index (:mod:`db.search_index`), or from
a scan when the query has no indexable character. A regular expression runs over the
folded text (same length as the original, so no mapping is needed) with the ``regex`` engine, which can be
stopped mid-match: a catastrophic pattern ends in :class:`SearchTooLong`, never a
hang. Hits come back as keyword-in-context rows whose offsets are positions in
the original article text.

The result also carries the total number of hits. Hits beyond the requested page
are counted until a time budget runs out; then the rest is estimated from the hits per candidate article so far and
the number of candidates the index still names, and ``total_is_exact`` is False.
All of the query's grams are ANDed in one index look-up (FTS5 intersects the posting
lists, skipping ahead in the long ones; an empty intersection ends the search before any
text is read). An absent phrase whose trigrams are each common still names the articles
holding them apart, mostly one a page; for a query of three or more characters each
candidate comes with its runs and its page's raw text, and :mod:`db.search_runs` rules out
from the raw text, through the runs, those that cannot hold the query without building their
texts (reading an article's text derived from its page is most of such a search). Of the
others :mod:`db.search_prefilter` rejects those whose text cannot hold the query in
microseconds, so only articles that can hold the query are folded, and finds the hits
of a query no fold touches in an article without Traditional forms of its characters
without folding it at all.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex as rx_engine

from db.article_text import A_TEXT
from db.connection import Connection
from db.errors import QueryError
from db.folding import fold, fold_pattern, fold_query, squeeze, t2s
from db.models import SearchHit, SearchResult
from db.page_filter import PageFilter
from db.search_index import query_grams
from db.search_prefilter import literal_spans, raw_text_filter
from db.search_runs import RUNS_SQL, RunScreen, screen_for

MAX_QUERY_LENGTH = 1000
CONTEXT_CHARS = 20
#: Seconds spent counting hits beyond the page before the rest is estimated ("about N") …
COUNT_BUDGET = 0.02
#: … but never before this many more articles were counted (small projects always count exactly).
COUNT_AT_LEAST = 100
#: Grams of a regular expression's required literals ANDed in the look-up (a plain query has 32 at most).
MAX_GRAMS = 32
#: Seconds a regular-expression search may run before it is stopped. Inside one match the
#: ``regex`` engine counts the process's CPU time, so on a machine busy with other work the
#: stop comes later on the clock; between articles the wall clock is checked.
REGEX_TIME_LIMIT = 1.0

#: Whether a plain query of three or more characters screens candidates through their runs
#: (:mod:`db.search_runs`) before reading their texts; the same hits either way.
SCREEN_RUNS = True
#: A candidate's text, read when the screen cannot rule it out.
_TEXT_OF = "SELECT text FROM search_docs WHERE article_id = ?"

CancelToken = Callable[[], bool] | threading.Event
#: What :func:`db.folding.squeeze` removes: a plain query matches across it.
_SPACES_BETWEEN = r"[^\S\n]*"

try:  # the parser behind ``re``: used only to find literals a pattern requires
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre_parse  # type: ignore[no-redef]


class SearchCancelled(QueryError):
    """The caller cancelled the search (the desk: the reader typed on)."""

    def __init__(self) -> None:
        super().__init__("the search was cancelled")


class SearchTooLong(QueryError):
    """The search ran past its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the search took too long (over {seconds:g} s) and was stopped: make the query more specific")


@dataclass(frozen=True, slots=True)
class _Found:
    article_id: int
    start: int
    end: int


@dataclass(slots=True)
class SearchStats:
    """What one search did (``search(..., stats=SearchStats())``): for benchmarks and tuning."""

    grams: int = 0  #: grams ANDed in the index look-up (0: every article is a candidate)
    lookups: int = 0  #: statements run against the index
    candidates: int = 0  #: candidate articles read
    screened: int = 0  #: candidates whose page's raw text, read through their runs, cannot hold the query
    folded: int = 0  #: candidates that passed the raw-text test and were folded and searched
    fold_s: float = 0.0  #: seconds spent folding and searching them
    seconds: float = 0.0  #: the whole search


class _Clock:
    """The time limit and cancel token of one search, checked between articles and inside SQLite."""

    def __init__(self, time_limit: float | None, cancel: CancelToken | None) -> None:
        self.started = time.perf_counter()
        self.time_limit = time_limit
        self.deadline = None if time_limit is None else self.started + time_limit
        if cancel is None:
            self.cancelled: Callable[[], bool] = lambda: False
        elif isinstance(cancel, threading.Event):
            self.cancelled = cancel.is_set
        else:
            self.cancelled = cancel

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.001, self.deadline - time.perf_counter())

    def check(self) -> None:
        if self.cancelled():
            raise SearchCancelled()
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise SearchTooLong(self.time_limit or 0)

    def interrupt_sqlite(self) -> int:
        """Progress handler: a non-zero answer makes SQLite stop the running statement."""
        if self.cancelled():
            return 1
        return int(self.deadline is not None and time.perf_counter() > self.deadline)


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> list[str]:
    """Literal runs every match of ``pattern`` must contain, longest first ([] if none is sure).

    Only the top level of the pattern is read: its items all take part in every match,
    so each run of literals between them is required.
    """
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:
        return []
    runs: list[str] = []
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
        if run:
            runs.append("".join(run))
        run = []
    if run:
        runs.append("".join(run))
    return sorted(runs, key=len, reverse=True)


def required_literal(pattern: str, flags: int = re.IGNORECASE) -> str:
    """The longest literal text every match of ``pattern`` must contain ("" if none is sure)."""
    runs = required_literals(pattern, flags)
    return runs[0] if runs else ""


def check_query(query: object) -> str:
    """The query if it can be searched for, else a :class:`QueryError` saying why."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty: type something to search for")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(query)} characters; at most {MAX_QUERY_LENGTH})")
    try:
        query.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QueryError(
            f"the query holds a character that is not text (U+{ord(query[exc.start]):04X} at position "
            f"{exc.start + 1}, a lone surrogate): retype it"
        ) from None
    return query


def _filters(source_id: int | None, include_superseded: bool, pages: PageFilter | None = None
             ) -> tuple[list[str], list]:
    where, params = pages.where("s") if pages else ([], [])
    if not include_superseded:
        where.append("s.superseded = 0")
    if source_id is not None:
        where.append("a.source_id = ?")
        params.append(source_id)
    return where, params


def _candidate_sql(columns: str, grams: list[str], where: list[str], after: bool) -> tuple[str, str | None]:
    """SQL over candidate articles (optionally those after an id), and the MATCH expression."""
    if grams:
        match = " AND ".join(f'"{g}"' for g in grams)  # grams hold no quote or space: safe
        sql = (
            f"SELECT {columns} FROM search_grams g JOIN search_docs d ON d.article_id = g.rowid"
            " JOIN articles a ON a.id = d.article_id JOIN sources s ON s.id = a.source_id"
            " WHERE search_grams MATCH ?" + (" AND g.rowid > ?" if after else "")
        )
        return sql + "".join(f" AND {w}" for w in where) + " ORDER BY g.rowid", match
    conds = (["d.article_id > ?"] if after else []) + where
    sql = (
        f"SELECT {columns} FROM search_docs d JOIN articles a ON a.id = d.article_id"
        " JOIN sources s ON s.id = a.source_id" + (" WHERE " + " AND ".join(conds) if conds else "")
    )
    return sql + " ORDER BY d.article_id", None


def _candidate_count(conn: sqlite3.Connection, match: str | None, first: int, last: int | None) -> int:
    """Candidate articles the index names with ids in (first, last], before any filter."""
    if match is None:
        sql, params = "SELECT count(*) FROM search_docs WHERE article_id > ?", [first]
        if last is not None:
            sql += " AND article_id <= ?"
            params.append(last)
    else:
        sql, params = "SELECT count(*) FROM search_grams WHERE search_grams MATCH ? AND rowid > ?", [match, first]
        if last is not None:
            sql += " AND rowid <= ?"
            params.append(last)
    return conn.execute(sql, params).fetchone()[0]


class _Finder:
    """Hits of one query, article by article, and the count of hits in articles after a given one."""

    def __init__(self, conn: sqlite3.Connection, query: str, regex: bool, source_id, include_superseded, clock, stats,
                 pages: PageFilter | None = None):
        self.conn, self.clock = conn, clock
        self.where, self.params = _filters(source_id, include_superseded, pages)
        self.regex = regex
        self.stats = stats
        self.may_hold: Callable[[str], object] | None = None
        self.screen: RunScreen | None = None
        self.literal: Callable[[str], list[tuple[int, int]] | None] | None = None
        if regex:
            self.rx = compile_regex(query)
            self.needle = ""
            grams = list(
                dict.fromkeys(g for lit in required_literals(self.rx.pattern) for g in query_grams(squeeze(lit).text))
            )[:MAX_GRAMS]
        else:
            self.needle = fold_query(query)
            if not self.needle:
                raise QueryError("the query is empty: type something to search for")
            grams = query_grams(self.needle)
            self.may_hold = raw_text_filter(self.needle)
            self.literal = literal_spans(self.needle)
            self.needle_rx = re.compile(_SPACES_BETWEEN.join(map(re.escape, self.needle)))
            if SCREEN_RUNS and conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-8":  # the raw text as bytes
                self.screen = screen_for(self.needle)
        self.needle_is_wide = not any(c.isascii() for c in self.needle)
        # All grams ANDed in one MATCH: FTS5 walks the posting lists together, skipping ahead in
        # the long ones, and an empty intersection ends the statement before any text is read.
        self.grams = grams
        stats.grams = len(grams)

    def _rows(self, columns: str, extra_where: list[str], extra_params: list, after: int) -> Iterator[tuple]:
        sql, match = _candidate_sql(columns, self.grams, self.where + extra_where, True)
        params = ([match] if match else []) + [after] + self.params + extra_params
        cursor = self.conn.execute(sql, params)
        self.stats.lookups += 1
        while rows := cursor.fetchmany(64):
            self.clock.check()
            self.stats.candidates += len(rows)
            yield from rows

    def _texts(self, after: int) -> Iterator[tuple[int, str | None]]:
        """(id, text) of each candidate after ``after``; the text None when the article cannot hold the query.

        With a screen (:mod:`db.search_runs`) the candidates come with their runs and their pages'
        raw texts, and only those whose raw text may hold the query get their texts sliced.
        """
        if self.screen is None:
            yield from self._rows("d.article_id, d.text", [], [], after)
            return
        columns = "d.article_id, CAST(s.raw_text AS BLOB), " + RUNS_SQL.format(a="d.article_id")
        for article_id, raw, runs in self._rows(columns, [], [], after):
            tested, text = self.screen.read(raw, runs)
            if not tested:
                text = self.conn.execute(_TEXT_OF, (article_id,)).fetchone()[0]
            elif text is None:
                self.stats.screened += 1
            yield article_id, text

    def articles(self) -> Iterator[tuple[int, list[_Found]]]:
        """Every candidate article with hits, in id order, with all of its hits."""
        for article_id, text in self._texts(0):
            found = self._found_in(article_id, text)
            if found:
                yield article_id, found

    def _found_in(self, article_id: int, text: str | None) -> list[_Found]:
        if text is None:
            return []
        if self.literal is not None:
            if (spans := self.literal(text)) is not None:
                return [_Found(article_id, start, end) for start, end in spans]
        elif self.may_hold is not None and not self.may_hold(text):
            return []
        started = time.perf_counter()
        try:
            return self._regex_in(article_id, fold(text)) if self.regex else self._plain_in(article_id, text)
        finally:
            self.stats.folded += 1
            self.stats.fold_s += time.perf_counter() - started

    def _plain_in(self, article_id: int, text: str) -> list[_Found]:
        # Width and case folding only ever give ASCII, and a folded needle holds no character it
        # changes: a needle without ASCII matches the Traditional→Simplified text where it matches
        # the fully folded one (same length, same places), so the costlier half is skipped.
        # Folding keeps every character in place, so the needle (spaces allowed between its
        # characters, as squeezing would remove them) is found at its places in the article.
        folded = t2s(text) if self.needle_is_wide else fold(text)
        return [_Found(article_id, m.start(), m.end()) for m in self.needle_rx.finditer(folded)]

    def _regex_in(self, article_id: int, folded: str) -> list[_Found]:
        try:
            return [
                _Found(article_id, m.start(), m.end())
                for m in self.rx.finditer(folded, timeout=self.clock.remaining())
                if m.end() > m.start()  # a match of nothing is not a hit
            ]
        except TimeoutError:
            raise SearchTooLong(self.clock.time_limit or 0) from None

    def count_after(self, after: int, budget_end: float, min_rows: int) -> tuple[int, int, bool]:
        """(hits, last article id counted, finished) for articles after ``after``.

        Stops at ``budget_end`` once at least ``min_rows`` articles were counted.
        """
        hits, last = 0, after
        for n, (article_id, text) in enumerate(self._texts(after)):
            hits += len(self._found_in(article_id, text))
            last = article_id
            if n >= min_rows and time.perf_counter() > budget_end:
                self.clock.check()
                return hits, last, False
        return hits, last, True

    def estimate(self, counted: int, first: int, last: int) -> int:
        """Hits in articles after ``last``, extrapolated from ``counted`` hits in (first, last]."""
        match = " AND ".join(f'"{g}"' for g in self.grams) if self.grams else None
        seen = _candidate_count(self.conn, match, first, last)
        rest = _candidate_count(self.conn, match, last, None)
        self.stats.lookups += 2
        return round(counted / max(1, seen) * rest)


def compile_regex(query: str) -> rx_engine.Pattern:
    """The folded pattern, compiled with the ``regex`` engine (which can be stopped mid-match).

    A pattern is checked with ``re`` first, for its clearer messages; one that only the
    ``regex`` engine understands (``\\p{Han}``, …) is accepted too.
    """
    try:
        re.compile(query)
    except re.error as exc:
        try:
            rx_engine.compile(query)
        except Exception:
            where = f" at position {exc.pos}" if exc.pos is not None else ""
            raise QueryError(f"invalid regular expression: {exc.msg}{where}") from None
    except (OverflowError, RecursionError, ValueError, TypeError) as exc:
        raise QueryError(f"the regular expression is too complex: {exc}") from None
    try:
        return rx_engine.compile(fold_pattern(query), rx_engine.IGNORECASE)
    except (rx_engine.error, OverflowError, RecursionError, ValueError) as exc:
        raise QueryError(f"the regular expression cannot be used: {exc}") from None


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
    count_budget: float = COUNT_BUDGET,
    time_limit: float | None = None,
    cancel: CancelToken | None = None,
    pages: PageFilter | None = None,
    stats: SearchStats | None = None,
) -> SearchResult:
    """Hits ``offset`` .. ``offset + limit`` in article order, with the total (exact or estimated).

    Hits after the page are counted for ``count_budget`` seconds (and at least
    :data:`COUNT_AT_LEAST` articles); the rest is then estimated and
    ``total_is_exact`` is False (show "about N").
    ``time_limit`` (seconds; :data:`REGEX_TIME_LIMIT` for a regular expression when not
    given) stops a search that runs too long with :class:`SearchTooLong`; ``cancel`` (an
    event or a function answering True) stops it with :class:`SearchCancelled`, checked
    between articles and inside SQLite statements (inside one regex match only the time
    limit can stop it). Both are :class:`QueryError`. The desk, searching as the reader
    types, passes a token it sets when a newer query arrives. ``pages`` keeps the hits on the
    pages it keeps (:mod:`db.page_filter`: words, a range of dates). ``stats``, when given, is filled in.
    """
    check_query(query)
    if limit < 1 or offset < 0:
        raise QueryError("limit must be at least 1 and offset not negative")
    clock = _Clock(REGEX_TIME_LIMIT if regex and time_limit is None else time_limit, cancel)
    stats = SearchStats() if stats is None else stats
    with cx.read() as conn:
        conn.set_progress_handler(clock.interrupt_sqlite, 2000)
        try:
            return _search(
                conn, query, regex, limit, offset, source_id, include_superseded, context, count_budget, clock, stats,
                pages,
            )
        except sqlite3.OperationalError as exc:
            if "interrupted" not in str(exc):
                raise
            clock.check()
            raise SearchCancelled() from None
        finally:
            conn.set_progress_handler(None, 0)
            stats.seconds = time.perf_counter() - clock.started


def _search(conn, query, regex, limit, offset, source_id, include_superseded, context, count_budget, clock, stats,
            pages=None):
    finder = _Finder(conn, query, regex, source_id, include_superseded, clock, stats, pages)
    page: list[_Found] = []
    counted, last = 0, 0
    for article_id, found in finder.articles():
        if counted + len(found) > offset and len(page) < limit:
            page.extend(found[max(0, offset - counted) : max(0, offset - counted) + limit - len(page)])
        counted += len(found)
        last = article_id
        if counted > offset + limit:
            break
    else:
        return SearchResult(tuple(_kwic(conn, page, context)), False, counted, True)
    budget_end = time.perf_counter() + count_budget
    more_hits, counted_to, finished = finder.count_after(last, budget_end, COUNT_AT_LEAST if count_budget > 0 else 0)
    total = counted + more_hits
    if not finished:
        total += finder.estimate(total, 0, counted_to)
    return SearchResult(tuple(_kwic(conn, page, context)), True, total, finished)


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
