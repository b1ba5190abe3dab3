"""Export: one JSON object per article per line, with everything done to it."""

from __future__ import annotations

import json
from typing import TextIO

from db import annotations, codebook, edits
from db.articles import load_blocks
from db.connection import Connection


def export_jsonl(cx: Connection, out: TextIO, *, include_superseded: bool = False) -> int:
    """Write every article (of the latest source versions unless told otherwise); returns how many."""
    count = 0
    with cx.read() as conn:
        tag_paths = {t.id: t.path for t in codebook.all_tags(conn)}
        where = "" if include_superseded else " WHERE s.superseded = 0"
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
                + where
                + " ORDER BY a.source_id, a.position"
            )
        ]
    for article_id in ids:  # one article at a time: exports of 100k articles stay small in memory
        with cx.read() as conn:
            row = conn.execute(
                "SELECT a.id, a.source_id, s.name, s.path, s.version, s.sha256, a.position, a.kind, a.review_state,"
                " a.headline, a.text FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            record = {
                "id": row[0],
                "source": {"id": row[1], "name": row[2], "path": row[3], "version": row[4], "sha256": row[5]},
                "position": row[6],
                "kind": row[7],
                "review_state": row[8],
                "headline": row[9],
                "text": row[10],
                "blocks": [
                    {
                        "id": b.id,
                        "role": b.role.value,
                        "text": b.text,
                        "original_text": b.original_text,
                        "runs": [list(r) for r in b.runs],
                    }
                    for b in load_blocks(conn, row[0])
                ],
                "edits": [
                    {
                        "id": e.id,
                        "at": e.at,
                        "author": e.author,
                        "op": e.op,
                        "params": e.params,
                        "note": e.note,
                        "reverts": e.reverts,
                        "reverted_by": e.reverted_by,
                    }
                    for e in edits.history(conn, row[0])
                ],
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
                    for a in annotations.for_article(conn, row[0])
                ],
                "notes": [
                    {"id": n.id, "text": n.text, "author": n.author, "created_at": n.created_at}
                    for n in annotations.notes_for_article(conn, row[0])
                ],
            }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
