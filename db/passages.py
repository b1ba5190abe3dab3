"""Coded passages across a project: every annotation of a tag (and the tags under it), filtered.

The researcher's most used report (QualCoder's "coded text", MAXQDA's "retrieved segments"):
which passages carry this code, where they stand (page, date, article), with their context,
note and coder. Two queries, so a view over 50,000 passages opens at once: the ordered ids
(:func:`passage_ids`), then the rows of the ids a view shows (:func:`passages`).

A page's date comes from its file name or running header (:mod:`db.source_dates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.article_text import A_TEXT
from db.models import Annotation
from db.source_dates import HEADER_CHARS, source_date

LEAD_CHARS = 16


@dataclass(frozen=True, slots=True)
class PassageFilter:
    """Which passages: of ``tag_id`` (and its children), narrowed by page, date, coder, review state."""

    tag_id: int
    include_children: bool = True
    source_ids: tuple[int, ...] = ()
    authors: tuple[str, ...] = ()  # "" stands for passages without an author
    states: tuple[str, ...] = ()  # review states of the article: unreviewed, in_progress, proofread
    date_from: str | None = None  # ISO dates, inclusive; pages without a date are left out when set
    date_to: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage(Annotation):
    """An annotation with where it stands: its page, article and tag path, and the article's review state."""

    source_id: int
    source_name: str
    source_date: str | None
    article_title: str  # the headline, or the opening words of an article printed without one
    tag_path: str
    review_state: str


_SUBTREE = """WITH RECURSIVE subtree(id) AS (
    SELECT ? UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id WHERE ?
)"""


def source_dates(project) -> dict[int, str | None]:
    """Every current page's date (file name, else running header)."""
    with project._cx.read() as conn:
        rows = conn.execute(
            "SELECT id, name, substr(raw_text, 1, ?) FROM sources WHERE superseded = 0", (HEADER_CHARS,)
        ).fetchall()
    return {r[0]: source_date(r[1], r[2]) for r in rows}


def passage_ids(project, flt: PassageFilter) -> list[int]:
    """Ids of the passages ``flt`` selects, in reading order (page, article, position)."""
    where = ["s.superseded = 0"]
    params: list[object] = [flt.tag_id, 1 if flt.include_children else 0]
    if flt.source_ids:
        where.append(f"a.source_id IN ({','.join('?' * len(flt.source_ids))})")
        params += flt.source_ids
    if flt.authors:
        where.append(f"coalesce(n.author, '') IN ({','.join('?' * len(flt.authors))})")
        params += flt.authors
    if flt.states:
        where.append(f"a.review_state IN ({','.join('?' * len(flt.states))})")
        params += flt.states
    if flt.date_from or flt.date_to:
        dated = [
            sid
            for sid, day in source_dates(project).items()
            if day is not None and (flt.date_from or day) <= day <= (flt.date_to or day)
        ]
        if not dated:
            return []
        where.append(f"a.source_id IN ({','.join('?' * len(dated))})")
        params += dated
    sql = (
        _SUBTREE
        + " SELECT n.id FROM annotations n JOIN subtree st ON st.id = n.tag_id"
        " JOIN articles a ON a.id = n.article_id JOIN sources s ON s.id = a.source_id"
        " WHERE " + " AND ".join(where) + " ORDER BY s.id, a.position, n.char_start, n.id"
    )
    with project._cx.read() as conn:
        return [r[0] for r in conn.execute(sql, params)]


def passages(project, ids: Sequence[int], dates: dict[int, str | None] | None = None) -> list[Passage]:
    """The rows of ``ids``, in that order (ids that no longer exist are left out)."""
    if not ids:
        return []
    dates = source_dates(project) if dates is None else dates
    marks = ",".join("?" * len(ids))
    with project._cx.read() as conn:
        paths = _tag_paths(conn)
        cursor = conn.execute(
            "SELECT n.id, n.article_id, n.tag_id, n.char_start AS start, n.char_end AS end, n.quote, n.prefix,"
            " n.suffix, n.note, n.author, n.created_at, n.updated_at, n.orphaned, n.copied_from,"
            " a.source_id, s.name AS source_name, a.review_state, a.headline,"
            f" CASE WHEN a.headline = '' THEN substr({A_TEXT}, 1, ?) ELSE '' END AS lead"
            " FROM annotations n JOIN articles a ON a.id = n.article_id JOIN sources s ON s.id = a.source_id"
            f" WHERE n.id IN ({marks})",
            (LEAD_CHARS, *ids),
        )
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    by_id = {}
    for r in rows:
        headline, lead = r.pop("headline"), r.pop("lead")
        title = headline or (lead.split("\n", 1)[0] + "…" if lead else "")
        by_id[r["id"]] = Passage(
            **r, source_date=dates.get(r["source_id"]), article_title=title, tag_path=paths.get(r["tag_id"], "")
        )
    return [by_id[i] for i in ids if i in by_id]


def authors(project) -> list[str]:
    """The coders who made annotations ("" for annotations without an author)."""
    with project._cx.read() as conn:
        return sorted({r[0] or "" for r in conn.execute("SELECT DISTINCT author FROM annotations")})


def _tag_paths(conn) -> dict[int, str]:
    rows = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, parent_id, name FROM tags")}
    paths: dict[int, str] = {}

    def path(tag_id: int) -> str:
        if tag_id not in paths:
            parent, name = rows[tag_id]
            paths[tag_id] = f"{path(parent)}/{name}" if parent in rows else name
        return paths[tag_id]

    for tag_id in rows:
        path(tag_id)
    return paths

