"""An article's text in SQL: its blocks' texts joined by "\\n", in order (schema 4 stores it once).

The blocks are the one stored copy of an article's text (edits change blocks); the joined
text is what annotations, search hits and exports count offsets in. Readers that want it in
SQL use :func:`text_sql`; Python code holding blocks joins them itself (:mod:`db.articles`).
"""

from __future__ import annotations

SEPARATOR = "\n"


def text_sql(article_id: str) -> str:
    """SQL for the text of the article whose id is the SQL expression ``article_id`` ('' without blocks)."""
    return (
        "(SELECT coalesce(group_concat(t.text, char(10)), '') FROM"
        f" (SELECT text FROM blocks WHERE article_id = {article_id} ORDER BY position) t)"
    )


def length_sql(article_id: str) -> str:
    """SQL for the length of that text, without building it."""
    return (
        "(SELECT coalesce(sum(length(text)) + count(*) - 1, 0) FROM blocks"
        f" WHERE article_id = {article_id})"
    )


#: The text of ``a`` in queries that read ``FROM articles a``.
A_TEXT = text_sql("a.id")

#: The text of the row in queries that read ``FROM articles`` without an alias.
TEXT = text_sql("articles.id")
