"""Annotations and article notes: tagged ranges of article text, and free notes.

An annotation remembers its range as code point offsets in the article text,
plus the quoted text and 32 characters of context either side: the offsets
are exact while edits are followed (:mod:`db.edits` maps them), the quote and
context let it be found again when the article is rebuilt. Non-orphaned
annotations always have ``quote == text[start:end]``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from db import anchoring
from db.article_text import TEXT
from db.articles import require_article
from db.connection import Connection, now
from db.errors import AnnotationError, NotFound
from db.events import Change, event
from db.models import Annotation, Note

CONTEXT = 32

COLUMNS = (
    "id, article_id, tag_id, char_start, char_end, quote, prefix, suffix, note, author,"
    " created_at, updated_at, orphaned, copied_from"
)

#: What an edit may change about an annotation, and what a revert restores.
STATE_COLUMNS = ("article_id", "char_start", "char_end", "quote", "prefix", "suffix", "orphaned")


def from_row(row) -> Annotation:
    return Annotation(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        bool(row[12]),
        row[13],
    )


def context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for [start, end) of ``text``."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def _article_text(conn: sqlite3.Connection, article_id: int) -> str:
    return require_article(conn, article_id)[4]


def _check_range(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise AnnotationError(
            f"range [{start}, {end}) is not a non-empty range of the article text (length {len(text)})"
        )


def get(conn: sqlite3.Connection, annotation_id: int) -> Annotation:
    row = conn.execute(f"SELECT {COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    if row is None:
        raise NotFound("annotation", annotation_id)
    return from_row(row)


def for_article(conn: sqlite3.Connection, article_id: int) -> list[Annotation]:
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM annotations WHERE article_id = ? ORDER BY char_start, char_end, id", (article_id,)
    )
    return [from_row(r) for r in rows]


def add(
    cx: Connection, article_id: int, tag_id: int, start: int, end: int, note: str = "", author: str | None = None
) -> Annotation:
    with cx.write() as conn:
        text = _article_text(conn, article_id)
        _check_range(text, start, end)
        if conn.execute("SELECT 1 FROM tags WHERE id = ?", (tag_id,)).fetchone() is None:
            raise NotFound("tag", tag_id)
        quote, prefix, suffix = context(text, start, end)
        stamp = now()
        cur = conn.execute(
            "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note, author,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, tag_id, start, end, quote, prefix, suffix, note, author, stamp, stamp),
        )
        ann = get(conn, cur.lastrowid)
        cx.announce(event(Change.ANNOTATIONS, articles=[article_id], annotations=[ann.id], tags=[tag_id]))
    return ann


def update(
    cx: Connection,
    annotation_id: int,
    *,
    tag_id: int | None = None,
    note: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Annotation:
    """Change tag, note or range. Giving a range re-attaches an orphaned annotation."""
    with cx.write() as conn:
        ann = get(conn, annotation_id)
        sets: dict[str, object] = {}
        if tag_id is not None:
            if conn.execute("SELECT 1 FROM tags WHERE id = ?", (tag_id,)).fetchone() is None:
                raise NotFound("tag", tag_id)
            sets["tag_id"] = tag_id
        if note is not None:
            sets["note"] = note
        if start is not None or end is not None:
            s = ann.start if start is None else start
            e = ann.end if end is None else end
            text = _article_text(conn, ann.article_id)
            _check_range(text, s, e)
            quote, prefix, suffix = context(text, s, e)
            sets.update(char_start=s, char_end=e, quote=quote, prefix=prefix, suffix=suffix, orphaned=0)
        if sets:
            sets["updated_at"] = now()
            assignments = ", ".join(f"{k} = ?" for k in sets)
            conn.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", (*sets.values(), annotation_id))
        ann2 = get(conn, annotation_id)
        cx.announce(
            event(
                Change.ANNOTATIONS,
                articles=[ann.article_id],
                annotations=[annotation_id],
                tags={ann.tag_id, ann2.tag_id},
            )
        )
    return ann2


def delete(cx: Connection, annotation_id: int) -> None:
    with cx.write() as conn:
        ann = get(conn, annotation_id)
        conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        cx.announce(
            event(Change.ANNOTATIONS, articles=[ann.article_id], annotations=[annotation_id], tags=[ann.tag_id])
        )


def orphaned(conn: sqlite3.Connection, source_id: int | None = None) -> list[Annotation]:
    if source_id is None:
        rows = conn.execute(f"SELECT {COLUMNS} FROM annotations WHERE orphaned = 1 ORDER BY id")
    else:
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM annotations WHERE orphaned = 1 AND article_id IN"
            " (SELECT id FROM articles WHERE source_id = ?) ORDER BY id",
            (source_id,),
        )
    return [from_row(r) for r in rows]


# -- following edits -------------------------------------------------------------------


def states(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, list]:
    """Current mutable state of every annotation on the given articles, by id."""
    ids = list(article_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, {', '.join(STATE_COLUMNS)} FROM annotations WHERE article_id IN ({marks})", ids)
    return {r[0]: list(r[1:]) for r in rows}


def state(conn: sqlite3.Connection, annotation_id: int) -> list | None:
    r = conn.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    return list(r) if r else None


def set_state(conn: sqlite3.Connection, annotation_id: int, state: list) -> None:
    assignments = ", ".join(f"{c} = ?" for c in STATE_COLUMNS)
    conn.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", (*state, annotation_id))


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def map_through(conn: sqlite3.Connection, annotation_ids: Iterable[int], steps: list) -> None:
    """Move annotations through position steps (positions only; call :func:`refresh` after).

    Reads them in batches and writes back only those that moved (an edit late in a long
    article leaves most annotations where they are).
    """
    ids = list(annotation_ids)
    # Replacements leave everything that ends before the first of them where it is.
    skip, args = "", []
    if steps and all(s[0] == "replace" for s in steps) and len({s[1] for s in steps}) == 1:
        skip, args = " AND NOT (article_id = ? AND char_end < ?)", [steps[0][1], min(s[2] for s in steps)]
    updates = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id, article_id, char_start, char_end, orphaned FROM annotations WHERE id IN ({marks}){skip}",
            [*chunk, *args],
        ).fetchall()
        for aid, article_id, start, end, orphaned in rows:
            span = anchoring.apply_steps(anchoring.Span(article_id, start, end, bool(orphaned)), steps)
            if (span.article_id, span.start, span.end, span.orphaned) != (article_id, start, end, bool(orphaned)):
                updates.append((span.article_id, span.start, span.end, int(span.orphaned), aid))
    if updates:
        conn.executemany(
            "UPDATE annotations SET article_id = ?, char_start = ?, char_end = ?, orphaned = ? WHERE id = ?", updates
        )


def refresh(conn: sqlite3.Connection, article_id: int, text: str, only: Iterable[int] | None = None) -> None:
    """Re-read quote and context of the (non-orphaned) annotations of an article from its text.

    Only rows whose quote or context actually changed are written.
    """
    rows = conn.execute(
        "SELECT id, char_start, char_end, quote, prefix, suffix FROM annotations WHERE article_id = ? AND orphaned = 0",
        (article_id,),
    ).fetchall()
    wanted = None if only is None else set(only)
    orphans, updates = [], []
    for aid, s, e, old_quote, old_prefix, old_suffix in rows:
        if wanted is not None and aid not in wanted:
            continue
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        if s >= e:
            orphans.append((s, s, aid))
            continue
        found = context(text, s, e)
        if found != (old_quote, old_prefix, old_suffix):
            updates.append((*found, aid))
    if orphans:
        conn.executemany("UPDATE annotations SET orphaned = 1, char_start = ?, char_end = ? WHERE id = ?", orphans)
    if updates:
        conn.executemany("UPDATE annotations SET quote = ?, prefix = ?, suffix = ? WHERE id = ?", updates)


# -- rebuilt articles ------------------------------------------------------------------------


def carry_over(conn: sqlite3.Connection, old_source_id: int, new_source_id: int) -> tuple[int, int]:
    """Copy the annotations of a source's previous version onto the new one, re-anchored.

    Returns (copied, orphaned). The old version's annotations are untouched; a
    copy that cannot be placed with confidence is stored orphaned on the
    article at the same position (its quote kept), so nothing is lost.
    """
    new_articles = conn.execute(
        f"SELECT id, position, {TEXT} FROM articles WHERE source_id = ? ORDER BY position", (new_source_id,)
    ).fetchall()
    if not new_articles:
        return 0, 0
    order = [a[0] for a in new_articles]
    texts = {a[0]: a[2] for a in new_articles}
    by_position = {a[1]: a[0] for a in new_articles}
    rows = conn.execute(
        f"SELECT {', '.join('a.' + c.strip() for c in COLUMNS.split(','))}, art.position FROM annotations a"
        " JOIN articles art ON art.id = a.article_id WHERE art.source_id = ? ORDER BY a.id",
        (old_source_id,),
    ).fetchall()
    copied = orphans = 0
    for row in rows:
        ann = from_row(row[:-1])
        old_position = row[-1]
        hint_article = by_position.get(old_position, order[min(old_position, len(order) - 1)])
        found = anchoring.locate_in_pages(texts, order, ann.quote, ann.prefix, ann.suffix, (hint_article, ann.start))
        if found is not None:
            article_id, s, e = found
            quote, prefix, suffix = context(texts[article_id], s, e)
            is_orphan = 0
        else:
            article_id = hint_article
            s = e = min(ann.start, len(texts[article_id]))
            quote, prefix, suffix = ann.quote, ann.prefix, ann.suffix
            is_orphan = 1
            orphans += 1
        conn.execute(
            "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note, author,"
            " created_at, updated_at, orphaned, copied_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                ann.tag_id,
                s,
                e,
                quote,
                prefix,
                suffix,
                ann.note,
                ann.author,
                ann.created_at,
                now(),
                is_orphan,
                ann.id,
            ),
        )
        copied += 1
    return copied, orphans


# -- notes --------------------------------------------------------------------------------------

NOTE_COLUMNS = "id, article_id, text, author, created_at, updated_at"


def notes_for_article(conn: sqlite3.Connection, article_id: int) -> list[Note]:
    rows = conn.execute(f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE article_id = ? ORDER BY id", (article_id,))
    return [Note(*r) for r in rows]


def add_note(cx: Connection, article_id: int, text: str, author: str | None = None) -> Note:
    with cx.write() as conn:
        require_article(conn, article_id)
        stamp = now()
        cur = conn.execute(
            "INSERT INTO article_notes (article_id, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (article_id, text, author, stamp, stamp),
        )
        row = conn.execute(f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE id = ?", (cur.lastrowid,)).fetchone()
        cx.announce(event(Change.NOTES, articles=[article_id]))
    return Note(*row)


def update_note(cx: Connection, note_id: int, text: str) -> Note:
    with cx.write() as conn:
        row = conn.execute(f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound("note", note_id)
        conn.execute("UPDATE article_notes SET text = ?, updated_at = ? WHERE id = ?", (text, now(), note_id))
        row = conn.execute(f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE id = ?", (note_id,)).fetchone()
        cx.announce(event(Change.NOTES, articles=[row[1]]))
    return Note(*row)


def delete_note(cx: Connection, note_id: int) -> None:
    with cx.write() as conn:
        row = conn.execute("SELECT article_id FROM article_notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound("note", note_id)
        conn.execute("DELETE FROM article_notes WHERE id = ?", (note_id,))
        cx.announce(event(Change.NOTES, articles=[row[0]]))
