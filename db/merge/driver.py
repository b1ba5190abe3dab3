"""Driving a merge: the export read source by source, its edits replayed in the order they were
made, then each article's passages, notes and review state; all in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from db.articles import refresh_article
from db.connection import Connection
from db.events import Change, event
from db.export import origin_key
from db.merge.article_state import ArticleStateMerger
from db.merge.attributes import AttributeMerger
from db.merge.conflict_store import ConflictStore, ensure_tables
from db.merge.incoming import TagMatcher, source_for
from db.merge.model import MergeReport, Outcome
from db.merge.reading import groups, records
from db.merge.replay import EditReplayer, origin_of
from db.merge.target import Target


class Merger:
    """One merge in progress, inside the caller's write transaction (``conn``)."""

    def __init__(self, cx: Connection, conn: sqlite3.Connection, origin_file: str) -> None:
        self.cx = cx
        self.conn = conn
        self.report = MergeReport()
        self.store = ConflictStore(conn, origin_file)
        self.tags = TagMatcher(cx, conn, self.report)
        self.state = ArticleStateMerger(conn, self.tags, self.report)
        self.known: dict[str, int] = {}  #: origin key -> edit id here
        for eid, at, author, op in conn.execute("SELECT id, at, author, op FROM edits"):
            self.known[origin_key(at, author, op)] = eid
        self.known.update(self.store.known_origins())
        self.conflicted = self.store.conflicted_origins()
        self.touched_sources: set[int] = set()
        self.replayer = EditReplayer(cx, self.store)
        self.attributes = AttributeMerger(conn, self.store, self.conflicted, self.report)

    @property
    def touched_articles(self) -> set[int]:
        return self.replayer.touched_articles | self.state.touched_articles

    def merge_group(self, group: list[dict]) -> None:
        """The records of one source: its edits replayed once each (in id order), then each article's state."""
        source_id = source_for(self.cx, self.conn, group, self.report)
        if source_id is None:
            return
        self.touched_sources.add(source_id)
        self.attributes.merge(source_id, group[0]["source"])
        target = Target(self.conn, source_id)
        seen: dict[int, dict] = {}
        for record in group:
            for e in record.get("edits", ()):
                seen.setdefault(e["id"], e)
        self.replayer.edit_map = {}
        for export_id in sorted(seen):
            self.replay(seen[export_id], target)
        for record in group:
            self.state.merge(record, target)
            self.report.articles += 1

    def replay(self, e: dict, target: Target) -> None:
        origin = origin_of(e)
        here = self.known.get(origin)
        if here is not None:
            self.replayer.edit_map[e["id"]] = here
            self.report.edits_already += 1
            return
        if origin in self.conflicted:
            return  # recorded by an earlier merge, pending or decided
        done = self.replayer.replay(e, target)
        target.reload()
        if done.outcome is Outcome.APPLIED:
            assert done.edit_id is not None
            self.known[origin] = done.edit_id
            self.replayer.edit_map[e["id"]] = done.edit_id
            self.store.remember_origin(done.edit_id, origin)
            self.report.edits_applied += 1
        elif done.outcome is Outcome.ALREADY:
            self.report.edits_already += 1
        else:
            self.conflicted.add(origin)
            self.report.conflicts += 1


def merge_jsonl(
    cx: Connection, path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> MergeReport:
    """Merge a JSONL export (:mod:`db.export`) into the project; see :mod:`db.merge`."""
    path = Path(path)
    total = sum(1 for _ in records(path))  # reads the file once: a bad line is refused before anything changes
    done = 0
    if progress is not None:
        progress(0, total)
    with cx.write() as conn:
        ensure_tables(conn)
        merger = Merger(cx, conn, path.name)
        for book, group in groups(path):
            if book is not None:
                merger.tags.codebook(book["codebook"])
            if group:
                merger.merge_group(group)
                done += len(group)
                if progress is not None:
                    progress(done, total)
        touched = merger.touched_articles
        for aid in touched:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                refresh_article(conn, aid)
        cx.announce(
            event(
                Change.SOURCES | Change.ARTICLES | Change.TEXT | Change.ANNOTATIONS | Change.TAGS | Change.NOTES
                | Change.REVIEW | Change.HISTORY,
                sources=merger.touched_sources,
                articles=touched,
            )
        )
    return merger.report
