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
from db.rows import build, maker, named, picker, update_by_id, values

CONTEXT = 32

COLUMNS = (
    "id, article_id, tag_id, char_start, char_end, quote, prefix, suffix, note, author,"
    " created_at, updated_at, orphaned, copied_from"
)

#: What an edit may change about an annotation, and what a revert restores.
STATE_COLUMNS = ("article_id", "char_start", "char_end", "quote", "prefix", "suffix", "orphaned")


def read(cursor: sqlite3.Cursor) -> list[Annotation]:
    """The annotations of a query selecting :data:`COLUMNS`, each field read from its column by name."""
    make = maker(Annotation, cursor, start="char_start", end="char_end")
    return [make(row) for row in cursor.fetchall()]


def context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for [start, end) of ``text``."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def article_text(conn: sqlite3.Connection, article_id: int) -> str:
    """The current text of an article; :class:`NotFound` when there is none."""
    row = named(conn, f"SELECT {TEXT} AS text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound("article", article_id)
    return row["text"]


def _check_range(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise AnnotationError(
            f"range [{start}, {end}) is not a non-empty range of the article text (length {len(text)})"
        )


def get(conn: sqlite3.Connection, annotation_id: int) -> Annotation:
    found = read(conn.execute(f"SELECT {COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)))
    if not found:
        raise NotFound("annotation", annotation_id)
    return found[0]


def for_article(conn: sqlite3.Connection, article_id: int) -> list[Annotation]:
    return read(
        conn.execute(
            f"SELECT {COLUMNS} FROM annotations WHERE article_id = ? ORDER BY char_start, char_end, id", (article_id,)
        )
    )


def add(
    cx: Connection, article_id: int, tag_id: int, start: int, end: int, note: str = "", author: str | None = None
) -> Annotation:
    with cx.write() as conn:
        text = article_text(conn, article_id)
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


def _reattached(conn: sqlite3.Connection, ann: Annotation, start: int | None, end: int | None) -> dict[str, object]:
    """The columns that attach ``ann`` to [start, end) of its article's text (None keeps that end where it is)."""
    start = ann.start if start is None else start
    end = ann.end if end is None else end
    text = article_text(conn, ann.article_id)
    _check_range(text, start, end)
    quote, prefix, suffix = context(text, start, end)
    return {"char_start": start, "char_end": end, "quote": quote, "prefix": prefix, "suffix": suffix, "orphaned": 0}


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
            sets.update(_reattached(conn, ann, start, end))
        if sets:
            sets["updated_at"] = now()
        update_by_id(conn, "annotations", annotation_id, sets)
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
        return read(conn.execute(f"SELECT {COLUMNS} FROM annotations WHERE orphaned = 1 ORDER BY id"))
    return read(
        conn.execute(
            f"SELECT {COLUMNS} FROM annotations WHERE orphaned = 1 AND article_id IN"
            " (SELECT id FROM articles WHERE source_id = ?) ORDER BY id",
            (source_id,),
        )
    )


# -- following edits -------------------------------------------------------------------


_STATE_AT = {column: i for i, column in enumerate(STATE_COLUMNS)}


def span_of_state(state: list) -> anchoring.Span:
    """Where a stored state (the values of :data:`STATE_COLUMNS`, in that order) puts the annotation."""
    at = _STATE_AT
    return anchoring.Span(
        state[at["article_id"]], state[at["char_start"]], state[at["char_end"]], bool(state[at["orphaned"]])
    )


def _states(cursor: sqlite3.Cursor) -> dict[int, list]:
    return {aid: state for aid, *state in values(cursor, "id", *STATE_COLUMNS)}


def states(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, list]:
    """Current mutable state of every annotation on the given articles, by id."""
    ids = list(article_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return _states(
        conn.execute(f"SELECT id, {', '.join(STATE_COLUMNS)} FROM annotations WHERE article_id IN ({marks})", ids)
    )


def states_by_id(conn: sqlite3.Connection, annotation_ids: Iterable[int]) -> dict[int, list]:
    """Current mutable state of the annotations with these ids (those that exist), by id."""
    out: dict[int, list] = {}
    for chunk in _chunks(sorted(annotation_ids)):
        marks = ",".join("?" * len(chunk))
        cursor = conn.execute(f"SELECT id, {', '.join(STATE_COLUMNS)} FROM annotations WHERE id IN ({marks})", chunk)
        out.update(_states(cursor))
    return out


def state(conn: sqlite3.Connection, annotation_id: int) -> list | None:
    return states_by_id(conn, [annotation_id]).get(annotation_id)


def set_state(conn: sqlite3.Connection, annotation_id: int, state: list) -> None:
    update_by_id(conn, "annotations", annotation_id, dict(zip(STATE_COLUMNS, state, strict=True)))


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
    shift = None
    if len(steps) == 1 and steps[0][0] == "replace":
        # One replacement moves every placed annotation that starts at or after its end by the change in
        # length (anchoring.map_replace): one UPDATE at the end; the others are mapped here one by one
        # (an orphaned one keeps only its start, as a hint).
        _, article_id, start, end, length = steps[0]
        shift = (length - (end - start), article_id, end)
        skip += " AND NOT (article_id = ? AND char_start >= ? AND orphaned = 0)"
        args += [article_id, end]
    updates = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        cursor = conn.execute(
            f"SELECT id, article_id, char_start, char_end, orphaned FROM annotations WHERE id IN ({marks}){skip}",
            [*chunk, *args],
        )
        positions = values(cursor, "id", "article_id", "char_start", "char_end", "orphaned")
        for aid, article_id, start, end, orphaned in positions:
            was = anchoring.Span(article_id, start, end, bool(orphaned))
            span = anchoring.apply_steps(was, steps)
            if span != was:
                updates.append((span.article_id, span.start, span.end, int(span.orphaned), aid))
    if updates:
        conn.executemany(
            "UPDATE annotations SET article_id = ?, char_start = ?, char_end = ?, orphaned = ? WHERE id = ?", updates
        )
    if shift is not None and shift[0]:
        # after the others: those mapped above start before ``end`` still (map_replace puts them at or before s)
        delta, article_id, end = shift
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                "UPDATE annotations SET char_start = char_start + ?, char_end = char_end + ?"
                f" WHERE id IN ({marks}) AND article_id = ? AND char_start >= ? AND orphaned = 0",
                [delta, delta, *chunk, article_id, end],
            )


def refresh(conn: sqlite3.Connection, article_id: int, text: str, only: Iterable[int] | None = None) -> None:
    """Re-read quote and context of the (non-orphaned) annotations of an article from its text.

    Only rows whose quote or context actually changed are written.
    """
    select = (
        "SELECT id, char_start, char_end, quote, prefix, suffix FROM annotations WHERE article_id = ? AND orphaned = 0"
    )
    names = ("id", "char_start", "char_end", "quote", "prefix", "suffix")
    if only is None:
        found = list(values(conn.execute(select, (article_id,)), *names))
    else:  # read only those rows: a correction re-quotes the few annotations near it, not the article's 500
        found = []
        for chunk in _chunks(sorted(set(only))):
            cursor = conn.execute(f"{select} AND id IN ({','.join('?' * len(chunk))})", (article_id, *chunk))
            found += values(cursor, *names)
    orphans, updates = [], []
    for aid, start, end, *was in found:
        s, e = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if s >= e:
            orphans.append((s, s, aid))
            continue
        found = context(text, s, e)
        if found != tuple(was):
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
    new_articles = named(
        conn,
        f"SELECT id, position, {TEXT} AS text FROM articles WHERE source_id = ? ORDER BY position",
        (new_source_id,),
    ).fetchall()
    if not new_articles:
        return 0, 0
    order = [a["id"] for a in new_articles]
    texts = {a["id"]: a["text"] for a in new_articles}
    by_position = {a["position"]: a["id"] for a in new_articles}
    cursor = conn.execute(
        f"SELECT {', '.join('a.' + c.strip() for c in COLUMNS.split(','))}, art.position AS old_position"
        " FROM annotations a JOIN articles art ON art.id = a.article_id WHERE art.source_id = ? ORDER BY a.id",
        (old_source_id,),
    )
    make, position_of = maker(Annotation, cursor, start="char_start", end="char_end"), picker(cursor, "old_position")
    copied = orphans = 0
    for row in cursor.fetchall():
        ann = make(row)
        (old_position,) = position_of(row)
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


def note(conn: sqlite3.Connection, note_id: int) -> Note:
    row = named(conn, f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise NotFound("note", note_id)
    return build(Note, row)


def notes_for_article(conn: sqlite3.Connection, article_id: int) -> list[Note]:
    rows = named(conn, f"SELECT {NOTE_COLUMNS} FROM article_notes WHERE article_id = ? ORDER BY id", (article_id,))
    return [build(Note, r) for r in rows]


def add_note(cx: Connection, article_id: int, text: str, author: str | None = None) -> Note:
    with cx.write() as conn:
        require_article(conn, article_id)
        stamp = now()
        cur = conn.execute(
            "INSERT INTO article_notes (article_id, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (article_id, text, author, stamp, stamp),
        )
        added = note(conn, cur.lastrowid)
        cx.announce(event(Change.NOTES, articles=[article_id]))
    return added


def update_note(cx: Connection, note_id: int, text: str) -> Note:
    with cx.write() as conn:
        note(conn, note_id)
        conn.execute("UPDATE article_notes SET text = ?, updated_at = ? WHERE id = ?", (text, now(), note_id))
        updated = note(conn, note_id)
        cx.announce(event(Change.NOTES, articles=[updated.article_id]))
    return updated


def delete_note(cx: Connection, note_id: int) -> None:
    with cx.write() as conn:
        gone = note(conn, note_id)
        conn.execute("DELETE FROM article_notes WHERE id = ?", (note_id,))
        cx.announce(event(Change.NOTES, articles=[gone.article_id]))
