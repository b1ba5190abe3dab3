"""Putting rows back as they were: what the desk's undo needs beyond the edit history.

Text edits are undone by reverting them (:mod:`db.edits`). Annotations, article
notes and the codebook have no history of their own; undoing a change to them
puts back the rows captured before it, with the same ids, so that later steps of
an undo stack that name those ids still find them. Every function here is one
transaction and announces what it changed.

A restored annotation keeps the invariant of :mod:`db.annotations`: when its
article's text under the range no longer reads as its quote (something changed
the text outside the undo stack), it is stored orphaned rather than on the wrong
characters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db import annotations as _annotations
from db.connection import Connection, now
from db.errors import AnnotationError, NotFound, TagError
from db.events import Change, ChangeEvent, event
from db.models import Annotation, Note, TagFields
from db.rows import build, named

# -- annotations ---------------------------------------------------------------------------------


def annotate_many(
    cx: Connection, items: Sequence[tuple[int, int, int, int]], note: str = "", author: str | None = None
) -> list[Annotation]:
    """Add annotations ``(article_id, tag_id, start, end)`` in one transaction (auto-tagging)."""
    created: list[int] = []
    with cx.write() as conn:
        texts: dict[int, str] = {}
        tags: set[int] = set()
        stamp = now()
        rows = []
        for article_id, tag_id, start, end in items:
            text = texts.get(article_id)
            if text is None:
                text = texts[article_id] = _annotations.article_text(conn, article_id)
            if tag_id not in tags:
                if conn.execute("SELECT 1 FROM tags WHERE id = ?", (tag_id,)).fetchone() is None:
                    raise NotFound("tag", tag_id)
                tags.add(tag_id)
            if not 0 <= start < end <= len(text):
                raise AnnotationError(
                    f"range [{start}, {end}) is not a non-empty range of article {article_id} (length {len(text)})"
                )
            quote, prefix, suffix = _annotations.context(text, start, end)
            rows.append((article_id, tag_id, start, end, quote, prefix, suffix, note, author, stamp, stamp))
        for row in rows:
            cur = conn.execute(
                "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note,"
                " author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            created.append(cur.lastrowid)
        result = _read_annotations(conn, created)
        cx.announce(event(Change.ANNOTATIONS, articles=texts, annotations=created, tags=tags))
    return result


def _read_annotations(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Annotation]:
    out: dict[int, Annotation] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        cursor = conn.execute(f"SELECT {_annotations.COLUMNS} FROM annotations WHERE id IN ({marks})", chunk)
        found = _annotations.read(cursor)
        out.update((a.id, a) for a in found)
    return [out[i] for i in ids if i in out]


def annotations_by_id(cx: Connection, ids: Sequence[int]) -> list[Annotation]:
    """The annotations with these ids that exist, in the order given."""
    with cx.read() as conn:
        return _read_annotations(conn, list(ids))


def delete_annotations(cx: Connection, ids: Iterable[int]) -> int:
    """Delete several annotations in one transaction; returns how many existed."""
    wanted = list(ids)
    with cx.write() as conn:
        found = _read_annotations(conn, wanted)
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            conn.execute(f"DELETE FROM annotations WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        cx.announce(_annotations_changed(found))
    return len(found)


def _put_annotations(conn: sqlite3.Connection, rows: Iterable[Annotation]) -> None:
    texts: dict[int, str] = {}
    for a in rows:
        if a.article_id not in texts:
            texts[a.article_id] = _annotations.article_text(conn, a.article_id)
        text = texts[a.article_id]
        orphaned = a.orphaned
        start, end = max(0, min(a.start, len(text))), max(0, min(a.end, len(text)))
        quote, prefix, suffix = a.quote, a.prefix, a.suffix
        if not orphaned:
            if start < end and text[start:end] == a.quote:
                quote, prefix, suffix = _annotations.context(text, start, end)
            else:
                orphaned, end = True, start  # the text changed under it: kept with its quote, to re-place
        values = (
            a.article_id,
            a.tag_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            a.note,
            a.author,
            a.created_at,
            a.updated_at,
            int(orphaned),
            a.copied_from,
        )
        if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (a.id,)).fetchone():
            conn.execute(
                "UPDATE annotations SET article_id = ?, tag_id = ?, char_start = ?, char_end = ?, quote = ?,"
                " prefix = ?, suffix = ?, note = ?, author = ?, created_at = ?, updated_at = ?, orphaned = ?,"
                " copied_from = ? WHERE id = ?",
                (*values, a.id),
            )
        else:
            conn.execute(
                "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note,"
                " author, created_at, updated_at, orphaned, copied_from, id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, a.id),
            )


def restore_annotations(cx: Connection, rows: Sequence[Annotation]) -> None:
    """Put annotations back as captured (same ids), inserting deleted ones and overwriting changed ones."""
    with cx.write() as conn:
        try:
            _put_annotations(conn, rows)
        except sqlite3.IntegrityError as exc:  # its tag is gone
            raise AnnotationError(f"an annotation cannot be put back: {exc}") from exc
        cx.announce(_annotations_changed(rows))


def _annotations_changed(anns: Sequence[Annotation]) -> ChangeEvent:
    """The event for annotations put back or taken away: their articles, ids and tags."""
    return event(
        Change.ANNOTATIONS,
        articles={a.article_id for a in anns},
        annotations=[a.id for a in anns],
        tags={a.tag_id for a in anns},
    )


# -- article notes -----------------------------------------------------------------------------


def restore_note(cx: Connection, saved: Note) -> None:
    """Put an article note back as captured (same id)."""
    with cx.write() as conn:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (saved.article_id,)).fetchone() is None:
            raise NotFound("article", saved.article_id)
        conn.execute("DELETE FROM article_notes WHERE id = ?", (saved.id,))
        conn.execute(
            "INSERT INTO article_notes (id, article_id, text, author, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (saved.id, saved.article_id, saved.text, saved.author, saved.created_at, saved.updated_at),
        )
        cx.announce(event(Change.NOTES, articles=[saved.article_id]))


# -- the codebook --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagRow(TagFields):
    """A tag's row as stored, to be put back as it was."""

    created_at: str


@dataclass(frozen=True, slots=True)
class CodebookState:
    """Some tags as they were: ``scope`` names the tags it is about (present or not)."""

    scope: tuple[int, ...]
    tags: tuple[TagRow, ...]  #: rows of the scope's tags that existed, parents first
    annotations: tuple[Annotation, ...] | None  #: every annotation on those tags; None: not part of the state


def _subtree(conn: sqlite3.Connection, tag_ids: Iterable[int]) -> list[int]:
    out: list[int] = []
    for tag_id in tag_ids:
        rows = named(
            conn,
            "WITH RECURSIVE sub(id) AS (SELECT id FROM tags WHERE id = ?"
            " UNION ALL SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub",
            (tag_id,),
        )
        out += [r["id"] for r in rows if r["id"] not in out]
    return out


def capture_codebook(
    cx: Connection, tag_ids: Iterable[int], *, subtree: bool = False, with_annotations: bool = False
) -> CodebookState:
    """The current rows of ``tag_ids`` (and their descendants with ``subtree``), for :func:`restore_codebook`."""
    wanted = list(dict.fromkeys(tag_ids))
    with cx.read() as conn:
        scope = _subtree(conn, wanted) if subtree else wanted
        scope += [t for t in wanted if t not in scope]  # ids that do not exist (yet) stay in scope
        rows = []
        for tag_id in scope:
            r = named(
                conn,
                "SELECT id, parent_id, name, colour, description, slot, created_at FROM tags WHERE id = ?",
                (tag_id,),
            ).fetchone()
            if r is not None:
                rows.append(build(TagRow, r))
        anns = None
        if with_annotations and scope:
            marks = ",".join("?" * len(scope))
            rows_on_tags = named(conn, f"SELECT id FROM annotations WHERE tag_id IN ({marks}) ORDER BY id", scope)
            ids = [r["id"] for r in rows_on_tags]
            anns = tuple(_read_annotations(conn, ids))
    return CodebookState(tuple(scope), tuple(_parents_first(rows)), anns)


def _parents_first(rows: list[TagRow]) -> list[TagRow]:
    by_id = {r.id: r for r in rows}
    out: list[TagRow] = []
    done: set[int] = set()

    def visit(row: TagRow, seen: frozenset[int] = frozenset()) -> None:
        if row.id in done:
            return
        parent = by_id.get(row.parent_id) if row.parent_id is not None else None
        if parent is not None and parent.id not in seen:
            visit(parent, seen | {row.id})
        done.add(row.id)
        out.append(row)

    for r in rows:
        visit(r)
    return out


def restore_codebook(cx: Connection, state: CodebookState) -> None:
    """Make the tags of ``state.scope`` (and, if captured, their annotations) what they were."""
    scope = list(state.scope)
    wanted = {t.id: t for t in state.tags}
    with cx.write() as conn:
        try:
            marks = ",".join("?" * len(scope)) or "NULL"
            existing = [r["id"] for r in named(conn, f"SELECT id FROM tags WHERE id IN ({marks})", scope)]
            touched_articles: set[int] = set()
            if state.annotations is not None:
                keep = {a.id for a in state.annotations}
                gone = named(
                    conn, f"SELECT id, article_id FROM annotations WHERE tag_id IN ({marks})", scope
                ).fetchall()
                for r in gone:
                    if r["id"] not in keep:
                        conn.execute("DELETE FROM annotations WHERE id = ?", (r["id"],))
                        touched_articles.add(r["article_id"])
            # free names and slots first, so rows can take them back in any order
            for tag_id in existing:
                conn.execute("UPDATE tags SET slot = NULL, name = ? WHERE id = ?", (f"\x01restoring {tag_id}", tag_id))
            for row in state.tags:
                values = (row.parent_id, row.name, row.colour, row.description, row.slot, row.created_at)
                if row.id in existing:
                    conn.execute(
                        "UPDATE tags SET parent_id = ?, name = ?, colour = ?, description = ?, slot = ?,"
                        " created_at = ? WHERE id = ?",
                        (*values, row.id),
                    )
                else:
                    conn.execute(
                        "INSERT INTO tags (parent_id, name, colour, description, slot, created_at, id)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (*values, row.id),
                    )
            if state.annotations is not None:
                _put_annotations(conn, state.annotations)
                touched_articles |= {a.article_id for a in state.annotations}
            extra = [t for t in existing if t not in wanted]
            for tag_id in reversed(_subtree_order(conn, extra)):
                conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
        except sqlite3.IntegrityError as exc:
            raise TagError(f"the codebook has changed since, so it cannot be put back as it was ({exc})") from exc
        cx.announce(event(Change.TAGS | Change.ANNOTATIONS, tags=scope, articles=touched_articles))


def _subtree_order(conn: sqlite3.Connection, tag_ids: list[int]) -> list[int]:
    """``tag_ids`` ordered parents before children (so deleting in reverse removes children first)."""
    depth: dict[int, int] = {}
    for tag_id in tag_ids:
        d, current, seen = 0, tag_id, set()
        while current is not None and current not in seen:
            seen.add(current)
            r = named(conn, "SELECT parent_id FROM tags WHERE id = ?", (current,)).fetchone()
            current = r["parent_id"] if r else None
            d += 1
        depth[tag_id] = d
    return sorted(tag_ids, key=lambda t: depth[t])
