"""What the desk's library shows: sources with their progress, articles, blocks. Read-only queries.

Every function takes an open connection (a read of :class:`db.connection.Connection`) and
reads rows by column name (:mod:`db.rows`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from db import annotations
from db.article_text import A_TEXT, TEXT, length_sql
from db.articles import Layout, block_from_row, load_blocks
from db.errors import NotFound
from db.models import Article, ArticleSummary, Block, Progress, ReviewState, Source, SourceSummary, TextLocation
from db.page_filter import words_where
from db.rows import build, named
from db.source_bytes import raw_bytes_of

#: Characters of text shown for an article printed without a headline.
LEAD_CHARS = 30

_SOURCE_SUMMARY_SQL = (
    "SELECT s.id, s.name, s.path, s.version, s.previous_id, s.superseded, s.imported_at, s.encoding,"
    " s.page_date, s.page_name, s.page_number,"
    " (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS article_count,"
    " (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.review_state = 'in_progress') AS busy,"
    " (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.review_state = 'proofread') AS done"
    " FROM sources s"
)


def progress_of(rows: Iterable[sqlite3.Row]) -> Progress:
    """Progress from rows of ``review_state`` and ``n`` (articles in that state)."""
    d = {r["review_state"]: r["n"] for r in rows}
    return Progress(d.get("unreviewed", 0), d.get("in_progress", 0), d.get("proofread", 0))


def _summary(r: sqlite3.Row) -> SourceSummary:
    total, busy, done = r["article_count"], r["busy"], r["done"]
    return build(SourceSummary, r, superseded=bool(r["superseded"]),
                 progress=Progress(total - busy - done, busy, done))


# -- sources -------------------------------------------------------------------------------------


def _sources_where(include_superseded: bool, matching: str) -> tuple[str, list]:
    """The sources kept: current ones (or all), each word of ``matching`` found in one of their fields.

    A word matches a page whose file name or page name holds it, whose date starts with it
    ("2025-10") or whose number it is ("3", "第3版").
    """
    clauses, params = words_where(matching)  # the same words as the search's page filter (db.page_filter)
    if not include_superseded:
        clauses.insert(0, "s.superseded = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_sources(conn: sqlite3.Connection, *, include_superseded: bool = False, matching: str = "") -> int:
    where, params = _sources_where(include_superseded, matching)
    return named(conn, "SELECT count(*) AS n FROM sources s" + where, params).fetchone()["n"]


def list_sources(
    conn: sqlite3.Connection, *, include_superseded: bool = False, limit: int | None = None, offset: int = 0,
    matching: str = "",
) -> list[SourceSummary]:
    """Sources in import order with article counts, review progress and page attributes (paged).

    ``matching``: only the pages whose name, page name, date or number match its words (see
    :func:`_sources_where`).
    """
    where, params = _sources_where(include_superseded, matching)
    rows = named(conn, _SOURCE_SUMMARY_SQL + where + " ORDER BY s.id LIMIT ? OFFSET ?",
                 (*params, -1 if limit is None else limit, offset))
    return [_summary(r) for r in rows]


def source_versions(conn: sqlite3.Connection, source_id: int) -> list[SourceSummary]:
    """Every version of the file a source came from, oldest first."""
    path = source_row(conn, source_id, "path")["path"]
    rows = named(conn, _SOURCE_SUMMARY_SQL + " WHERE s.path = ? ORDER BY s.version", (path,))
    return [_summary(r) for r in rows]


def source_row(conn: sqlite3.Connection, source_id: int, columns: str) -> sqlite3.Row:
    """The ``columns`` (SQL, comma-separated) of source ``source_id``, by name; NotFound if there is none."""
    row = named(conn, f"SELECT {columns} FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        raise NotFound("source", source_id)
    return row


def get_source(conn: sqlite3.Connection, source_id: int) -> Source:
    columns = (
        "id, name, path, version, previous_id, superseded, sha256, size, encoding, had_bom,"
        " imported_at, engine_version, extractor, layout, raw_text, furniture"
    )
    r = source_row(conn, source_id, columns)
    furniture = tuple((text, tuple(tuple(x) for x in runs)) for text, runs in json.loads(r["furniture"]))
    return build(Source, r, superseded=bool(r["superseded"]), had_bom=bool(r["had_bom"]), furniture=furniture)


def raw_bytes(conn: sqlite3.Connection, source_id: int) -> bytes:
    r = source_row(conn, source_id, "raw_bytes, raw_text, encoding, had_bom")
    return raw_bytes_of(r["raw_bytes"], r["raw_text"], r["encoding"], bool(r["had_bom"]))


def progress(conn: sqlite3.Connection, source_id: int | None = None) -> Progress:
    """Review progress of one source, or of the latest version of every source."""
    if source_id is None:
        rows = named(
            conn,
            "SELECT a.review_state, count(*) AS n FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE s.superseded = 0 GROUP BY a.review_state",
        )
    else:
        rows = named(
            conn,
            "SELECT review_state, count(*) AS n FROM articles WHERE source_id = ? GROUP BY review_state",
            (source_id,),
        )
    return progress_of(rows)


# -- articles ------------------------------------------------------------------------------------


def count_articles(conn: sqlite3.Connection, source_id: int) -> int:
    return named(conn, "SELECT count(*) AS n FROM articles WHERE source_id = ?", (source_id,)).fetchone()["n"]


def article_ids(conn: sqlite3.Connection, source_id: int) -> list[int]:
    return [r["id"] for r in named(conn, "SELECT id FROM articles WHERE source_id = ? ORDER BY position", (source_id,))]


def list_articles(
    conn: sqlite3.Connection, source_id: int, *, limit: int | None = None, offset: int = 0
) -> list[ArticleSummary]:
    """Summary rows of a source's articles in page order (paged; no text loaded)."""
    rows = named(
        conn,
        f"SELECT a.id, a.source_id, a.position, a.kind, a.headline, {length_sql('a.id')} AS length, a.review_state,"
        " (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotation_count,"
        f" CASE WHEN a.headline = '' THEN substr({A_TEXT}, 1, ?) ELSE '' END AS lead"
        " FROM articles a WHERE a.source_id = ? ORDER BY a.position LIMIT ? OFFSET ?",
        (LEAD_CHARS, source_id, -1 if limit is None else limit, offset),
    )
    return [
        build(ArticleSummary, r, review_state=ReviewState(r["review_state"]), lead=r["lead"].split("\n", 1)[0])
        for r in rows
    ]


def get_article(conn: sqlite3.Connection, article_id: int) -> Article:
    """An article with its blocks, annotations and notes."""
    r = named(
        conn,
        f"SELECT id, source_id, position, kind, review_state, headline, {TEXT} AS text, engine_notes FROM articles"
        " WHERE id = ?",
        (article_id,),
    ).fetchone()
    if r is None:
        raise NotFound("article", article_id)
    return build(
        Article,
        r,
        review_state=ReviewState(r["review_state"]),
        blocks=tuple(load_blocks(conn, article_id)),
        annotations=tuple(annotations.for_article(conn, article_id)),
        notes=tuple(annotations.notes_for_article(conn, article_id)),
    )


def get_block(conn: sqlite3.Connection, block_id: int) -> Block:
    r = conn.execute(
        "SELECT id, article_id, position, role, text, runs, original_text FROM blocks WHERE id = ?", (block_id,)
    ).fetchone()
    if r is None:
        raise NotFound("block", block_id)
    return block_from_row(r)


def locate_raw(conn: sqlite3.Connection, source_id: int, raw_offset: int) -> TextLocation | None:
    """Raw offset -> the article, block and offset showing that character (None: not shown anywhere)."""
    for article_id in article_ids(conn, source_id):
        found = Layout.of(article_id, load_blocks(conn, article_id)).offset_of_raw(raw_offset)
        if found is not None:
            return found
    return None
