"""CSV: one row per tagged passage, for Excel and pandas.

UTF-8 with a BOM (so Excel in a Chinese locale opens it as UTF-8), CRLF row ends and
RFC 4180 quoting via :mod:`csv`. Offsets are code points into the article text, end
exclusive.

Formula injection (OWASP "CSV Injection"): a text cell that starts with ``= + - @``,
a tab or a carriage return (or their full-width forms ``＝ ＋ － ＠``) gets a single
quote in front, so spreadsheet programs show it as text. To keep the escape
reversible, a cell that already starts with quotes followed by such a character gets
one more; :func:`unescape_cell` undoes it exactly.

Orphaned annotations (see :mod:`db.exports.common`) are written with ``status`` =
``orphaned``, their stored quote as the passage and empty ``start``/``end``/context:
the row keeps the researcher's tag and note without claiming a place in the text.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from db.exports.common import Progress, Ticker, atomic_path, context, is_placed, tag_path
from db.exports.model import ExportCorpus

COLUMNS = (
    "article_id",
    "headline",
    "source",
    "source_date",
    "tag",
    "passage",
    "left_context",
    "right_context",
    "start",
    "end",
    "note",
    "author",
    "created",
    "updated",
    "status",
    "source_page_name",  # after the columns of earlier exports: scripts reading them by position still work
    "source_page_number",
)

_TRIGGER = "=+-@\t\r＝＋－＠"
_NEEDS_ESCAPE = re.compile(f"^'*[{re.escape(_TRIGGER)}]")


def escape_cell(value: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula."""
    return "'" + value if _NEEDS_ESCAPE.match(value) else value


def unescape_cell(value: str) -> str:
    """The inverse of :func:`escape_cell`, for readers of the file."""
    return value[1:] if value.startswith("'") and _NEEDS_ESCAPE.match(value[1:]) else value


def write_csv(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    out = Path(out)
    tags = corpus.tag_by_id()
    ticker = Ticker(len(corpus.articles), progress)
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for article in corpus.articles:
            text = article.text
            for ann in article.annotations:
                tag = tags.get(ann.tag_id)
                placed = is_placed(article, ann)
                if placed:
                    left, right = context(text, ann.start, ann.end)
                    start, end, status = ann.start, ann.end, "ok"
                else:
                    left = right = ""
                    start = end = ""
                    status = "orphaned"
                row = (
                    article.id,
                    article.headline,
                    article.source_name,
                    article.source_date or "",
                    tag_path(tag) if tag else "",
                    ann.quote,
                    left,
                    right,
                    start,
                    end,
                    ann.note,
                    ann.author,
                    ann.created,
                    ann.updated,
                    status,
                    article.source_page_name,
                    "" if article.source_page_number is None else article.source_page_number,
                )
                writer.writerow([escape_cell(v) if isinstance(v, str) else v for v in row])
            ticker.tick()
    return out
