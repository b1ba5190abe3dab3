"""Export: one JSON object per article per line, with everything done to it.

The store's native exchange format: :mod:`db.merge` reads it back into another
project. Every line is one article (``id``, ``source``, ``position``, ``kind``,
``review_state``, ``headline``, ``text``, ``blocks``, ``edits``, ``annotations``,
``notes``); later versions only add keys, so readers of the first version keep working:

- the first line also carries ``jiaokan`` (format name and version, the project's name)
  and ``codebook`` (every tag of the export: path, colour, description, keyboard slot),
  so tags without annotations travel too (an export with no articles has no lines and
  therefore no codebook: use the ``qdc`` format for a codebook alone);
- the first article of each source carries ``source.raw``: the verbatim dump as text, its
  bytes (``base64``, only when they are not that text in UTF-8), encoding, import time,
  engine version and page furniture, so a project that lacks the source can import it;
- ``engine_index``, ``engine_notes``; per block ``edited`` (the block was changed since import);
  per edit ``article_id`` and ``other_article_id`` (the articles it involved), ``steps``,
  ``before`` and ``after`` (the store's snapshots, which merging uses to find the edited text in
  another project) and ``origin`` (a key that names the edit across projects: its time, author
  and operation where it was first made);
  per note ``updated_at``;
- (version 3) ``source.changes``: the page's attribute changes (``at``, ``author``, ``before`` and
  ``after``, each ``{"date", "name", "number"}``), oldest first, beside its ``date``, ``page_name`` and
  ``page_number``, so a merge can tell a colleague's change of them from this project's.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import TextIO

from db import annotations, codebook
from db.article_text import A_TEXT
from db.articles import load_blocks
from db.connection import Connection
from db.history import active_map
from db.library import source_row
from db.rows import named
from db.schema import ORIGINS_TABLE
from db.source_attributes import history as attribute_history
from db.source_bytes import raw_bytes_of

FORMAT_NAME = "jiaokan-jsonl"
FORMAT_VERSION = 3


def origin_key(at: str, author: str | None, op: str) -> str:
    """Names an edit across projects: where it was first made, by whom, what it did."""
    return f"{at}|{author or ''}|{op}"


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def codebook_records(conn: sqlite3.Connection, only: Collection[int] | None = None) -> list[dict]:
    return [
        {"id": t.id, "path": t.path, "colour": t.colour, "description": t.description, "slot": t.slot}
        for t in codebook.all_tags(conn)
        if only is None or t.id in only
    ]


def _raw_payload(conn: sqlite3.Connection, source_id: int) -> dict:
    columns = (
        "raw_bytes, raw_text, encoding, had_bom, imported_at, engine_version, extractor, layout, furniture,"
        " size, previous_id"
    )
    r = source_row(conn, source_id, columns)
    text = r["raw_text"]
    data = raw_bytes_of(r["raw_bytes"], text, r["encoding"], bool(r["had_bom"]))
    payload: dict = {
        "text": text,
        "encoding": r["encoding"],
        "had_bom": bool(r["had_bom"]),
        "imported_at": r["imported_at"],
        "engine_version": r["engine_version"],
        "extractor": r["extractor"],
        "layout": r["layout"],
        "furniture": json.loads(r["furniture"]),
        "size": r["size"],
        "previous_sha256": None,
    }
    if r["previous_id"] is not None:
        prev = conn.execute("SELECT sha256 FROM sources WHERE id = ?", (r["previous_id"],)).fetchone()
        payload["previous_sha256"] = prev[0] if prev else None
    if text.encode("utf-8") != data:
        payload["base64"] = base64.b64encode(data).decode("ascii")
    return payload


def _origins(conn: sqlite3.Connection, edit_ids: Sequence[int]) -> dict[int, str]:
    if not edit_ids or not has_table(conn, ORIGINS_TABLE):
        return {}
    marks = ",".join("?" * len(edit_ids))
    rows = conn.execute(f"SELECT edit_id, origin FROM {ORIGINS_TABLE} WHERE edit_id IN ({marks})", list(edit_ids))
    return dict(rows.fetchall())


def _edit_records(conn: sqlite3.Connection, article_id: int) -> list[dict]:
    rows = named(
        conn,
        "SELECT id, at, author, op, article_id, other_article_id, params, note, reverts, steps, before, after"
        " FROM edits WHERE article_id = ? OR other_article_id = ? ORDER BY id",
        (article_id, article_id),
    ).fetchall()
    if not rows:
        return []
    active = active_map(conn, [article_id])
    origins = _origins(conn, [r["id"] for r in rows])
    return [
        {
            "id": r["id"],
            "at": r["at"],
            "author": r["author"],
            "op": r["op"],
            "params": json.loads(r["params"]),
            "note": r["note"],
            "reverts": r["reverts"],
            "reverted_by": active.get(r["id"], (True, None))[1],
            "article_id": r["article_id"],
            "other_article_id": r["other_article_id"],
            "steps": json.loads(r["steps"]),
            "before": json.loads(r["before"]),
            "after": json.loads(r["after"]),
            "origin": origins.get(r["id"]) or origin_key(r["at"], r["author"], r["op"]),
        }
        for r in rows
    ]


def article_record(
    conn: sqlite3.Connection,
    article_id: int,
    tag_paths: dict[int, str],
    *,
    tag_filter: Collection[int] | None = None,
    with_raw: bool = False,
) -> dict:
    """One line of the export. ``tag_filter``: only annotations with these tags; ``with_raw``: add ``source.raw``."""
    row = named(
        conn,
        "SELECT a.id, a.source_id, s.name, s.path, s.version, s.sha256, a.position, a.kind, a.review_state,"
        f" a.headline, {A_TEXT} AS text, a.engine_index, a.engine_notes, s.superseded,"
        " s.page_date, s.page_name, s.page_number"
        " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    source = {
        "id": row["source_id"],
        "name": row["name"],
        "path": row["path"],
        "version": row["version"],
        "sha256": row["sha256"],
        "superseded": bool(row["superseded"]),
        "date": row["page_date"],
        "page_name": row["page_name"],
        "page_number": row["page_number"],
        "changes": [
            {"at": c.at, "author": c.author, "before": asdict(c.before), "after": asdict(c.after)}
            for c in attribute_history(conn, row["source_id"])
        ],
    }
    if with_raw:
        source["raw"] = _raw_payload(conn, row["source_id"])
    stored_original = dict(
        conn.execute("SELECT id, original_text IS NOT NULL FROM blocks WHERE article_id = ?", (article_id,))
    )
    return {
        "id": row["id"],
        "source": source,
        "position": row["position"],
        "kind": row["kind"],
        "review_state": row["review_state"],
        "headline": row["headline"],
        "text": row["text"],
        "blocks": [
            {
                "id": b.id,
                "role": b.role.value,
                "text": b.text,
                "original_text": b.original_text,
                "runs": [list(r) for r in b.runs],
                "edited": bool(stored_original.get(b.id)),
            }
            for b in load_blocks(conn, row["id"])
        ],
        "edits": _edit_records(conn, row["id"]),
        "annotations": [
            {
                "id": a.id,
                "tag": tag_paths.get(a.tag_id),
                "tag_id": a.tag_id,
                "start": a.start,
                "end": a.end,
                "quote": a.quote,
                "prefix": a.prefix,
                "suffix": a.suffix,
                "note": a.note,
                "author": a.author,
                "created_at": a.created_at,
                "updated_at": a.updated_at,
                "orphaned": a.orphaned,
            }
            for a in annotations.for_article(conn, row["id"])
            if tag_filter is None or a.tag_id in tag_filter
        ],
        "notes": [
            {"id": n.id, "text": n.text, "author": n.author, "created_at": n.created_at, "updated_at": n.updated_at}
            for n in annotations.notes_for_article(conn, row["id"])
        ],
        "engine_index": row["engine_index"],
        "engine_notes": row["engine_notes"],
    }


def write_records(
    reading: Callable[[], AbstractContextManager[sqlite3.Connection]],
    article_ids: Iterable[int],
    out: TextIO,
    *,
    project_name: str = "",
    tag_filter: Collection[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the lines of ``article_ids``; ``reading()`` gives a connection for one article at a time."""
    with reading() as conn:
        tag_paths = {t.id: t.path for t in codebook.all_tags(conn)}
        book = codebook_records(conn, tag_filter)
    seen_sources: set[int] = set()
    count = 0
    for article_id in article_ids:  # one article at a time: exports of 100k articles stay small in memory
        with reading() as conn:
            source_id = conn.execute("SELECT source_id FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            record = article_record(
                conn, article_id, tag_paths, tag_filter=tag_filter, with_raw=source_id not in seen_sources
            )
        seen_sources.add(source_id)
        if count == 0:
            record["jiaokan"] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "project": project_name}
            record["codebook"] = book
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
        if progress is not None:
            progress(count)
    return count


def export_jsonl(cx: Connection, out: TextIO, *, include_superseded: bool = False) -> int:
    """Write every article (of the latest source versions unless told otherwise); returns how many."""
    with cx.read() as conn:
        where = "" if include_superseded else " WHERE s.superseded = 0"
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
                + where
                + " ORDER BY a.source_id, a.position"
            )
        ]
    return write_records(cx.read, ids, out, project_name=cx.path.stem)
