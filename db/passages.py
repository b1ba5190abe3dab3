"""Coded passages across a project: every annotation of a tag (and the tags under it), filtered.

The researcher's most used report (QualCoder's "coded text", MAXQDA's "retrieved segments"):
which passages carry this code, where they stand (page, date, page name and number, article),
with their context, note and coder. Two queries, so a view over 50,000 passages opens at once:
the ordered ids (:func:`passage_ids`), then the rows of the ids a view shows (:func:`passages`).

The ids come in reading order (page, article, place) without sorting them: the query walks the
pages, their articles by ``articles_source`` and their passages by ``annotations_place``
(article, start, tag: the tag is read from the index, not the table), so 50,000 ids cost one
pass over the index. A page's date, name and number are its stored attributes
(:mod:`db.source_attributes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.article_text import A_TEXT
from db.models import Annotation

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
    page_names: tuple[str, ...] = ()  # pages of these names (版名); "" stands for pages without one


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage(Annotation):
    """An annotation with where it stands: its page, article and tag path, and the article's review state."""

    source_id: int
    source_name: str
    source_date: str | None
    article_title: str  # the headline, or the opening words of an article printed without one
    tag_path: str
    review_state: str
    page_name: str = ""
    page_number: int | None = None


_SUBTREE = """WITH RECURSIVE subtree(id) AS (
    SELECT ? UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id WHERE ?
)"""


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def passage_ids(project, flt: PassageFilter) -> list[int]:
    """Ids of the passages ``flt`` selects, in reading order (page, article, position)."""
    where = ["s.superseded = 0", "n.tag_id IN subtree"]
    params: list[object] = [flt.tag_id, 1 if flt.include_children else 0]
    chosen = (  # a column and the values it may take; no values, no condition
        ("s.id", flt.source_ids),
        ("s.page_name", flt.page_names),
        ("coalesce(n.author, '')", flt.authors),
        ("a.review_state", flt.states),
    )
    for column, values in chosen:
        if values:
            where.append(f"{column} IN ({_marks(values)})")
            params += values
    for condition, bound in (("s.page_date >= ?", flt.date_from), ("s.page_date <= ?", flt.date_to)):
        if bound:
            where.append(condition)
            params.append(bound)
    # CROSS JOIN keeps this join order, so the rows come in index order and need no sort
    sql = (
        _SUBTREE + " SELECT n.id FROM sources s CROSS JOIN articles a ON a.source_id = s.id"
        " CROSS JOIN annotations n ON n.article_id = a.id"
        " WHERE " + " AND ".join(where) + " ORDER BY s.id, a.position, n.char_start, n.id"
    )
    with project._cx.read() as conn:
        return [r for (r,) in conn.execute(sql, params).fetchall()]


def passages(project, ids: Sequence[int]) -> list[Passage]:
    """The rows of ``ids``, in that order (ids that no longer exist are left out)."""
    if not ids:
        return []
    with project._cx.read() as conn:
        paths = _tag_paths(conn)
        cursor = conn.execute(
            "SELECT n.id, n.article_id, n.tag_id, n.char_start AS start, n.char_end AS end, n.quote, n.prefix,"
            " n.suffix, n.note, n.author, n.created_at, n.updated_at, n.orphaned, n.copied_from,"
            " a.source_id, s.name AS source_name, s.page_date AS source_date, s.page_name, s.page_number,"
            " a.review_state, a.headline,"
            f" CASE WHEN a.headline = '' THEN substr({A_TEXT}, 1, ?) ELSE '' END AS lead"
            " FROM annotations n JOIN articles a ON a.id = n.article_id JOIN sources s ON s.id = a.source_id"
            f" WHERE n.id IN ({_marks(ids)})",
            (LEAD_CHARS, *ids),
        )
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    by_id = {}
    for r in rows:
        headline, lead = r.pop("headline"), r.pop("lead")
        title = headline or (lead.split("\n", 1)[0] + "…" if lead else "")
        by_id[r["id"]] = Passage(**r, article_title=title, tag_path=paths.get(r["tag_id"], ""))
    return [by_id[i] for i in ids if i in by_id]


def authors(project) -> list[str]:
    """The coders who made annotations ("" for annotations without an author)."""
    with project._cx.read() as conn:  # answered from the index annotations_author
        return sorted({r[0] or "" for r in conn.execute("SELECT DISTINCT author FROM annotations")})


def page_names(project) -> list[str]:
    """The page names (版名) of the current pages, "" for pages without one."""
    with project._cx.read() as conn:
        return sorted({r[0] for r in conn.execute("SELECT DISTINCT page_name FROM sources WHERE superseded = 0")})


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
