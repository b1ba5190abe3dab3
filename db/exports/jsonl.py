"""The store's native JSONL (:mod:`db.export`) as a registered writer: only from a project snapshot.

The records themselves are built and written by :func:`db.export.write_records`, the one
home of the format; this adapter gives it the writers' signature (atomic file, progress).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Protocol, runtime_checkable

from db import export as native
from db.exports.common import ExportError, Progress, Ticker, atomic_path
from db.exports.model import ExportCorpus


@runtime_checkable
class ProjectCorpus(Protocol):
    """A corpus read from a project file (:class:`db.exports.snapshot.StoreCorpus`)."""

    project_name: str
    conn: sqlite3.Connection | None
    article_ids: Sequence[int]
    tag_filter: Collection[int] | None


def write_jsonl(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    """The store's own JSONL (see :mod:`db.export`), filters applied."""
    if not isinstance(corpus, ProjectCorpus) or corpus.conn is None:
        raise ExportError("the jsonl format is written from a project: build the corpus with db.exports.snapshot")
    out = Path(out)
    ticker = Ticker(len(corpus.article_ids), progress)
    conn = corpus.conn
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        native.write_records(
            lambda: nullcontext(conn),
            corpus.article_ids,
            fh,
            project_name=corpus.project_name,
            tag_filter=corpus.tag_filter,
            progress=lambda _done: ticker.tick(),
        )
    return out
