"""An article as the reading desk shows it, read lean; and what one correction changed of it.

:func:`db.library.get_article` builds a model object for each block and annotation (an
:class:`~db.models.Annotation` carries its context and dates). The desk needs less: the
blocks' texts with their raw maps still in their stored form (it parses a map only when the
block changed), and where each annotation sits with its tag, note and quote. Rows are read by
column name (:func:`db.rows.values`) into plain tuples in the orders given below.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from db.annotations import CONTEXT
from db.article_text import length_sql
from db.errors import NotFound
from db.rows import named, values

#: the order of each block tuple
BLOCK_FIELDS = ("id", "role", "text", "runs")
#: the order of each annotation tuple (``char_start``/``char_end`` are article code point offsets)
ANNOTATION_FIELDS = ("id", "char_start", "char_end", "tag_id", "note", "quote", "orphaned")


@dataclass(frozen=True, slots=True)
class DeskArticle:
    id: int
    source_id: int
    kind: str
    headline: str
    review_state: str
    blocks: list[tuple]  #: :data:`BLOCK_FIELDS`, in reading order; ``runs`` is the stored JSON
    annotations: list[tuple]  #: :data:`ANNOTATION_FIELDS`, ordered by start, end, id


def read(conn: sqlite3.Connection, article_id: int) -> DeskArticle:
    head = named(
        conn, "SELECT id, source_id, kind, headline, review_state FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if head is None:
        raise NotFound("article", article_id)
    blocks = values(
        conn.execute(
            f"SELECT {', '.join(BLOCK_FIELDS)} FROM blocks WHERE article_id = ? ORDER BY position", (article_id,)
        ),
        *BLOCK_FIELDS,
    )
    annotations = values(
        conn.execute(
            f"SELECT {', '.join(ANNOTATION_FIELDS)} FROM annotations WHERE article_id = ?"
            " ORDER BY char_start, char_end, id",
            (article_id,),
        ),
        *ANNOTATION_FIELDS,
    )
    fields = (head["id"], head["source_id"], head["kind"], head["headline"], head["review_state"])
    return DeskArticle(*fields, list(blocks), list(annotations))


@dataclass(frozen=True, slots=True)
class DeskCorrection:
    """One correction of an article, with the rows of it that the correction can have changed.

    A correction replaces ``[start, end)`` of the article text (code points, before the edit)
    with ``text``, inside one block. Every annotation that ends before ``start`` stays as it
    was; the others are moved by :func:`db.anchoring.map_replace`, and only those within a
    context's length of the new text (``near``) can have a new quote or be orphaned. So the
    desk can bring the article it shows up to date from this alone (``ui.article_patch``).
    """

    article_id: int
    headline: str
    start: int
    end: int
    old_text: str
    text: str
    block: tuple  #: :data:`BLOCK_FIELDS` of the corrected block, as it is now
    near: list[tuple]  #: :data:`ANNOTATION_FIELDS` of the annotations near the new text, as they are now
    length: int  #: of the article's text now, and how many annotations it has: a stale copy is told by them
    annotation_count: int


def read_correction(conn: sqlite3.Connection, article_id: int, edit_id: int) -> DeskCorrection | None:
    """Edit ``edit_id`` as a :class:`DeskCorrection` of ``article_id``; None when it is anything else."""
    edit = named(conn, "SELECT op, article_id, params FROM edits WHERE id = ?", (edit_id,)).fetchone()
    if edit is None or edit["op"] != "correct" or edit["article_id"] != article_id:
        return None
    params = json.loads(edit["params"])
    start, end, text = params["start"], params["end"], params["text"]
    block = list(
        values(
            conn.execute(
                f"SELECT {', '.join(BLOCK_FIELDS)} FROM blocks WHERE id = ? AND article_id = ?",
                (params["block_id"], article_id),
            ),
            *BLOCK_FIELDS,
        )
    )
    head = named(
        conn,
        f"SELECT headline, {length_sql('articles.id')} AS length,"
        " (SELECT count(*) FROM annotations WHERE article_id = articles.id) AS annotations FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if not block or head is None:
        return None  # the correction was reverted or its block moved since: read the whole article
    reach = CONTEXT + 1  # as the store decides which annotations a correction re-quotes
    near = values(
        conn.execute(
            f"SELECT {', '.join(ANNOTATION_FIELDS)} FROM annotations WHERE article_id = ? AND char_end >= ?"
            " AND char_start <= ?",
            (article_id, start - reach, start + len(text) + reach),
        ),
        *ANNOTATION_FIELDS,
    )
    fields = (head["headline"], start, end, params["old_text"], text, block[0], list(near))
    return DeskCorrection(article_id, *fields, head["length"], head["annotations"])
