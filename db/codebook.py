"""The codebook: hierarchical tags with colours, descriptions and keyboard slots.

Rules a person would expect and the database also enforces: names are unique
among siblings, a keyboard slot (1-9) belongs to one tag at most, and moving a
tag never puts it under itself. Every refusal is a :class:`TagError` that says
which rule was broken.
"""

from __future__ import annotations

import re
import sqlite3

from db.connection import Connection, now
from db.errors import NotFound, TagError
from db.events import Change, event
from db.models import Tag, TagDeletion
from db.rows import build, named, update_by_id

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise TagError("a tag needs a name")
    if "/" in name:
        raise TagError(f"tag name {name!r} cannot contain '/': it separates levels in tag paths")
    return name


def _clean_colour(colour: str | None) -> str | None:
    if colour is None or colour == "":
        return None
    if not _COLOUR.match(colour):
        raise TagError(f"colour {colour!r} is not of the form #rrggbb")
    return colour.lower()


def _row(conn: sqlite3.Connection, tag_id: int) -> sqlite3.Row:
    r = named(
        conn, "SELECT id, parent_id, name, colour, description, slot FROM tags WHERE id = ?", (tag_id,)
    ).fetchone()
    if r is None:
        raise NotFound("tag", tag_id)
    return r


def _path(conn: sqlite3.Connection, tag_id: int) -> str:
    names = []
    seen = set()
    current: int | None = tag_id
    while current is not None and current not in seen:
        seen.add(current)
        r = named(conn, "SELECT parent_id, name FROM tags WHERE id = ?", (current,)).fetchone()
        names.append(r["name"])
        current = r["parent_id"]
    return "/".join(reversed(names))


def _descendants(conn: sqlite3.Connection, tag_id: int) -> list[int]:
    rows = named(
        conn,
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)"
        " SELECT id FROM sub",
        (tag_id,),
    )
    return [r["id"] for r in rows]


def _check_sibling_name(conn: sqlite3.Connection, parent_id: int | None, name: str, exclude: int | None = None) -> None:
    r = conn.execute(
        "SELECT id FROM tags WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ? AND id IS NOT ?",
        (parent_id, name, exclude),
    ).fetchone()
    if r is not None:
        where = f"under {_path(conn, parent_id)!r}" if parent_id is not None else "at the top level"
        raise TagError(f"a tag named {name!r} already exists {where}")


def _check_slot(conn: sqlite3.Connection, slot: int | None, exclude: int | None = None) -> None:
    if slot is None:
        return
    if not isinstance(slot, int) or not 1 <= slot <= 9:
        raise TagError(f"keyboard slot must be 1-9, not {slot!r}")
    r = named(conn, "SELECT id FROM tags WHERE slot = ? AND id IS NOT ?", (slot, exclude)).fetchone()
    if r is not None:
        raise TagError(f"keyboard slot {slot} is already used by tag {_path(conn, r['id'])!r}")


def get(conn: sqlite3.Connection, tag_id: int) -> Tag:
    r = _row(conn, tag_id)
    count = named(conn, "SELECT count(*) AS n FROM annotations WHERE tag_id = ?", (tag_id,)).fetchone()["n"]
    return build(Tag, r, path=_path(conn, tag_id), annotation_count=count)


def all_tags(conn: sqlite3.Connection) -> list[Tag]:
    """Every tag, depth-first in name order (parents before children)."""
    rows = named(
        conn,
        "SELECT t.id, t.parent_id, t.name, t.colour, t.description, t.slot,"
        " (SELECT count(*) FROM annotations a WHERE a.tag_id = t.id) AS annotation_count FROM tags t ORDER BY t.name",
    ).fetchall()
    children: dict[int | None, list[sqlite3.Row]] = {}
    for r in rows:
        children.setdefault(r["parent_id"], []).append(r)
    out: list[Tag] = []

    def walk(parent: int | None, prefix: str) -> None:
        for r in children.get(parent, []):
            path = f"{prefix}/{r['name']}" if prefix else r["name"]
            out.append(build(Tag, r, path=path))
            walk(r["id"], path)

    walk(None, "")
    return out


def find(conn: sqlite3.Connection, path: str) -> Tag:
    """A tag by its path ("parent/child") or by its id given as digits."""
    if path.isdigit():
        return get(conn, int(path))
    parent: int | None = None
    r = None
    for name in [p.strip() for p in path.split("/") if p.strip()]:
        r = named(
            conn, "SELECT id FROM tags WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?", (parent, name)
        ).fetchone()
        if r is None:
            raise NotFound("tag", path)
        parent = r["id"]
    if r is None:
        raise NotFound("tag", path)
    return get(conn, parent)


def add(
    cx: Connection,
    name: str,
    *,
    parent_id: int | None = None,
    colour: str | None = None,
    description: str = "",
    slot: int | None = None,
) -> Tag:
    name = _clean_name(name)
    colour = _clean_colour(colour)
    with cx.write() as conn:
        if parent_id is not None:
            _row(conn, parent_id)
        _check_sibling_name(conn, parent_id, name)
        _check_slot(conn, slot)
        cur = conn.execute(
            "INSERT INTO tags (parent_id, name, colour, description, slot, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (parent_id, name, colour, description or "", slot, now()),
        )
        tag = get(conn, cur.lastrowid)
        cx.announce(event(Change.TAGS, tags=[tag.id]))
    return tag


def update(
    cx: Connection,
    tag_id: int,
    *,
    name: str | None = None,
    colour: str | None = None,
    clear_colour: bool = False,
    description: str | None = None,
    slot: int | None = None,
    clear_slot: bool = False,
) -> Tag:
    """Rename, recolour, describe or (re)assign the keyboard slot of a tag (each clear flag beside its value)."""
    with cx.write() as conn:
        r = _row(conn, tag_id)
        sets: dict[str, object] = {}
        if name is not None:
            name = _clean_name(name)
            _check_sibling_name(conn, r["parent_id"], name, exclude=tag_id)
            sets["name"] = name
        if clear_colour:
            sets["colour"] = None
        elif colour is not None:
            sets["colour"] = _clean_colour(colour)
        if description is not None:
            sets["description"] = description
        if clear_slot:
            sets["slot"] = None
        elif slot is not None:
            _check_slot(conn, slot, exclude=tag_id)
            sets["slot"] = slot
        update_by_id(conn, "tags", tag_id, sets)
        tag = get(conn, tag_id)
        cx.announce(event(Change.TAGS, tags=[tag_id]))
    return tag


def move(cx: Connection, tag_id: int, new_parent_id: int | None) -> Tag:
    """Put a tag (with its subtree) under another parent, or at the top level with None."""
    with cx.write() as conn:
        r = _row(conn, tag_id)
        if new_parent_id is not None:
            _row(conn, new_parent_id)
            if new_parent_id in _descendants(conn, tag_id):
                raise TagError(
                    f"cannot move {_path(conn, tag_id)!r} under {_path(conn, new_parent_id)!r}: that is inside itself"
                )
        _check_sibling_name(conn, new_parent_id, r["name"], exclude=tag_id)
        conn.execute("UPDATE tags SET parent_id = ? WHERE id = ?", (new_parent_id, tag_id))
        tag = get(conn, tag_id)
        cx.announce(event(Change.TAGS, tags=[tag_id]))
    return tag


def merge(cx: Connection, source_id: int, target_id: int) -> Tag:
    """Merge tag ``source_id`` into ``target_id``: its annotations and children move, it disappears.

    A child whose name the target already has is merged into that child, recursively.
    """
    if source_id == target_id:
        raise TagError("cannot merge a tag into itself")
    with cx.write() as conn:
        _row(conn, source_id)
        _row(conn, target_id)
        if target_id in _descendants(conn, source_id):
            raise TagError(
                f"cannot merge {_path(conn, source_id)!r} into {_path(conn, target_id)!r}, which is inside it"
            )
        moved_tags = _merge_into(conn, source_id, target_id)
        tag = get(conn, target_id)
        cx.announce(event(Change.TAGS | Change.ANNOTATIONS, tags=moved_tags | {target_id}))
    return tag


def _merge_into(conn: sqlite3.Connection, source_id: int, target_id: int) -> set[int]:
    touched = {source_id}
    conn.execute("UPDATE annotations SET tag_id = ? WHERE tag_id = ?", (target_id, source_id))
    for child in named(conn, "SELECT id, name FROM tags WHERE parent_id = ?", (source_id,)).fetchall():
        same = named(
            conn, "SELECT id FROM tags WHERE parent_id = ? AND name = ?", (target_id, child["name"])
        ).fetchone()
        if same is not None:
            touched |= _merge_into(conn, child["id"], same["id"])
        else:
            conn.execute("UPDATE tags SET parent_id = ? WHERE id = ?", (target_id, child["id"]))
    conn.execute("DELETE FROM tags WHERE id = ?", (source_id,))
    return touched


def deletion_counts(conn: sqlite3.Connection, tag_id: int) -> TagDeletion:
    """What :func:`delete` would remove (for a confirmation dialog)."""
    _row(conn, tag_id)
    ids = _descendants(conn, tag_id)
    marks = ",".join("?" * len(ids))
    annotations = named(conn, f"SELECT count(*) AS n FROM annotations WHERE tag_id IN ({marks})", ids).fetchone()["n"]
    return TagDeletion(len(ids), annotations)


def delete(cx: Connection, tag_id: int) -> TagDeletion:
    """Delete a tag, its descendants and all their annotations; returns what was removed."""
    with cx.write() as conn:
        counts = deletion_counts(conn, tag_id)
        ids = _descendants(conn, tag_id)
        marks = ",".join("?" * len(ids))
        conn.execute(f"DELETE FROM annotations WHERE tag_id IN ({marks})", ids)
        for tid in reversed(ids):  # children first: parents are referenced by them
            conn.execute("DELETE FROM tags WHERE id = ?", (tid,))
        cx.announce(event(Change.TAGS | Change.ANNOTATIONS, tags=ids))
    return counts
