"""An article's text in SQL: its blocks' texts joined by "\\n", in order (schema 4 stores it once;
schema 7 derives most blocks' texts from the page's raw text, :mod:`db.derived_text`).

The blocks are the one stored copy of an article's text (edits change blocks); the joined
text is what annotations, search hits and exports count offsets in. Readers that want it in
SQL use :func:`text_sql`; Python code holding blocks joins them itself (:mod:`db.articles`).
"""

from __future__ import annotations

SEPARATOR = "\n"


def text_sql(article_id: str) -> str:
    """SQL for the text of the article whose id is the SQL expression ``article_id`` ('' without blocks).

    One call of ``jk_article_text`` (:mod:`db.derived_text`) an article: its blocks' stored texts
    or runs, in order, as one JSON list, and the page's raw text unless the connection holds it.
    """
    return (  # aliases no caller's query uses: ``article_id`` may name the caller's tables
        "(SELECT jk_article_text(jk_s.id, jk_s.sha256,"
        " CASE WHEN jk_page_cached(jk_s.id, jk_s.sha256) THEN NULL ELSE jk_s.raw_text END,"
        " (SELECT json_group_array(coalesce(jk_b.text, json(jk_b.runs))) FROM"
        f" (SELECT text, runs FROM block_store WHERE article_id = {article_id} ORDER BY position) jk_b))"
        f" FROM articles jk_a JOIN sources jk_s ON jk_s.id = jk_a.source_id WHERE jk_a.id = {article_id})"
    )


def length_sql(article_id: str) -> str:
    """SQL for the length of that text, without building it (a derived block's is its runs' lengths)."""
    return (
        "(SELECT coalesce(sum(coalesce(length(text),"
        " (SELECT sum(json_extract(j.value, '$[2]')) FROM json_each(runs) j), 0)) + count(*) - 1, 0)"
        f" FROM block_store WHERE article_id = {article_id})"
    )


#: The text of ``a`` in queries that read ``FROM articles a``.
A_TEXT = text_sql("a.id")

#: The text of the row in queries that read ``FROM articles`` without an alias.
TEXT = text_sql("articles.id")
