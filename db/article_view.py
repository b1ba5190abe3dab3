"""An article as the reading desk shows it, read lean: the desk rereads it after every keystroke.

:func:`db.library.get_article` builds a model object for each block and annotation (an
:class:`~db.models.Annotation` carries its context and dates). The desk needs less: the
blocks' texts with their raw maps still in their stored form (it parses a map only when the
block changed), and where each annotation sits with its tag, note and quote. Rows are read by
column name (:func:`db.rows.values`) into plain tuples in the orders given below.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

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
