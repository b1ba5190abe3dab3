"""The corpus of a project, as the export writers see it: :class:`ExportCorpus` built from the store.

:func:`snapshot` opens the project file a second time, read-only, inside one read
transaction: every pass a writer makes over the articles sees the same state, even
while the desk goes on editing (SQLite's WAL keeps the snapshot), and the export
never holds the desk's lock. Close the snapshot (or use ``with``) when done.

Streaming: the corpus holds the codebook, the source list (without raw text unless
asked) and the *ids* of the selected articles. ``corpus.articles`` is a lazy
sequence: each iteration reads the articles from the file in batches of
:data:`BATCH` and builds their :class:`ExportArticle`\\ s, so a writer that streams
(CSV, Markdown, text, brat, JSONL) holds one batch at a time.

Filters (:class:`ExportFilter`), all optional and combined with AND:

- ``source_ids``: only these sources (superseded versions included when named);
  without it, the latest version of every source (``include_superseded`` adds the rest);
- ``tag_paths``: a tag filter in both senses: only articles having at least one
  passage tagged with one of these tags or a tag under them, only those passages, and
  the codebook cut down to those tags and their ancestors (an ancestor keeps its id, so
  its GUID and codability are the same as in a full export; its own passages stay out);
- ``states``: only articles in these review states.

What the snapshot puts in the model:

- ids are the store's integer ids as strings (the writers derive UUIDs from them);
- a tag without a colour has colour ``""`` (the writers leave the colour out);
- ``source_date``, ``source_page_name`` and ``source_page_number`` are the page's attributes
  as stored (read at import from the file name and running header, perhaps corrected since:
  :mod:`db.source_attributes`);
- an article's notes are ``ExportArticle.notes`` (with author and times) and, joined by a
  blank line, ``ExportArticle.note``;
- ``corrections``: every edit of the article's history that is in effect (not reverted,
  not itself a revert). A text correction's ``start``/``end`` are where its text stands in
  the current text (``text[start:end] == after``), followed through later corrections,
  joins and splits of its paragraph; -1 when it no longer maps (overwritten, its paragraph
  moved to another article). Structural edits (join, split, role, moves) have -1. A text
  correction also carries the article's text just before it, and an orphaned passage the
  text before the edit that orphaned it and its place there (:mod:`db.exports.history`);
- ``original_text``: the engine's text of the article's blocks, when it differs.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from db import codebook
from db.article_text import TEXT
from db.errors import NotFound
from db.exports.common import ExportError, Progress
from db.exports.history import corrections_of, prior_states
from db.exports.model import (
    ExportAnnotation,
    ExportArticle,
    ExportBlock,
    ExportCorpus,
    ExportNote,
    ExportSource,
    ExportTag,
)
from db.exports.registry import FORMATS
from db.models import ReviewState
from db.readers import open_reader
from db.rows import all_named, named

REVIEW_STATES = tuple(state.value for state in ReviewState)

#: Articles read from the file per query.
BATCH = 200


class FilterError(ExportError):
    """A filter names something the project does not have (a source id, a tag path, a review state)."""


@dataclass(frozen=True, slots=True)
class ExportFilter:
    source_ids: tuple[int, ...] = ()
    tag_paths: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    include_superseded: bool = False
    with_raw_text: bool = False  #: fill ExportSource.raw_text (no writer needs it; it costs memory)

    @property
    def is_empty(self) -> bool:
        return not (self.source_ids or self.tag_paths or self.states)


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


# -- the lazy article sequence -----------------------------------------------------------------


class StoreArticles(Sequence[ExportArticle]):
    """The selected articles, read from the snapshot connection in batches on every iteration."""

    def __init__(self, corpus: StoreCorpus) -> None:
        self._corpus = corpus

    def __len__(self) -> int:
        return len(self._corpus.article_ids)

    def __bool__(self) -> bool:
        return bool(self._corpus.article_ids)

    def __iter__(self) -> Iterator[ExportArticle]:
        ids = self._corpus.article_ids
        for i in range(0, len(ids), BATCH):
            yield from self._corpus.load(ids[i : i + BATCH])

    @overload
    def __getitem__(self, index: int) -> ExportArticle: ...
    @overload
    def __getitem__(self, index: slice) -> list[ExportArticle]: ...
    def __getitem__(self, index):
        ids = self._corpus.article_ids
        if isinstance(index, slice):
            return self._corpus.load(ids[index])
        return self._corpus.load([ids[index]])[0]


@dataclass(slots=True)
class StoreCorpus(ExportCorpus):
    """An :class:`ExportCorpus` whose articles are read from a project snapshot as they are needed."""

    conn: sqlite3.Connection | None = None
    article_ids: list[int] = field(default_factory=list)
    tag_filter: frozenset[int] | None = None  #: only annotations with these tags (None: all)
    sources_by_id: dict[int, ExportSource] = field(default_factory=dict)

    def load(self, ids: Sequence[int]) -> list[ExportArticle]:
        """The articles ``ids`` (in that order), with blocks, passages, corrections and notes."""
        conn = self.conn
        if conn is None:
            raise ExportError("the snapshot is closed")
        ids = list(ids)
        if not ids:
            return []
        marks = _marks(ids)
        rows = {
            r["id"]: r
            for r in all_named(
                conn,
                f"SELECT id, source_id, kind, headline, {TEXT} AS text, review_state FROM articles"
                f" WHERE id IN ({marks})",
                ids,
            )
        }
        blocks: dict[int, list[sqlite3.Row]] = defaultdict(list)
        for r in all_named(
            conn,
            f"SELECT id, article_id, role, text, original_text, position FROM blocks WHERE article_id IN ({marks})"
            " ORDER BY article_id, position",
            ids,
        ):
            blocks[r["article_id"]].append(r)
        passages: dict[int, list[ExportAnnotation]] = defaultdict(list)
        wanted = self.tag_filter
        for r in named(
            conn,
            "SELECT id, article_id, tag_id, char_start, char_end, quote, note, author, created_at, updated_at, orphaned"
            f" FROM annotations WHERE article_id IN ({marks}) ORDER BY article_id, char_start, char_end, id",
            ids,
        ):
            if wanted is None or r["tag_id"] in wanted:
                passages[r["article_id"]].append(
                    ExportAnnotation(
                        id=str(r["id"]),
                        tag_id=str(r["tag_id"]),
                        start=r["char_start"],
                        end=r["char_end"],
                        quote=r["quote"],
                        note=r["note"],
                        author=r["author"] or "",
                        created=r["created_at"],
                        updated=r["updated_at"],
                        orphaned=bool(r["orphaned"]),
                    )
                )
        notes: dict[int, list[ExportNote]] = defaultdict(list)
        for note_id, article_id, text, author, created, updated in conn.execute(
            "SELECT id, article_id, text, author, created_at, updated_at FROM article_notes"
            f" WHERE article_id IN ({marks}) ORDER BY id",
            ids,
        ):
            notes[article_id].append(ExportNote(str(note_id), text, author or "", created or "", updated or ""))
        history: dict[int, list[sqlite3.Row]] = defaultdict(list)
        for r in named(
            conn,
            "SELECT id, at, author, op, article_id, other_article_id, params, note, reverts, steps, before FROM edits"
            f" WHERE article_id IN ({marks}) OR other_article_id IN ({marks}) ORDER BY id",
            ids + ids,
        ):
            history[r["article_id"]].append(r)
            other = r["other_article_id"]
            if other is not None and other != r["article_id"]:
                history[other].append(r)

        out: list[ExportArticle] = []
        for article_id in ids:
            r = rows.get(article_id)
            if r is None:
                raise NotFound("article", article_id)
            text = r["text"]
            spans: list[ExportBlock] = []
            starts: dict[int, int] = {}
            originals: list[str] = []
            pos = 0
            for b in blocks.get(article_id, ()):
                starts[b["id"]] = pos
                spans.append(ExportBlock(b["role"], pos, pos + len(b["text"])))
                pos += len(b["text"]) + 1
                if b["original_text"] is None:
                    originals.append(b["text"])
                elif b["original_text"]:
                    originals.append(b["original_text"])
            original = "\n".join(originals)
            edits = history.get(article_id, [])  # in id order: the query sorts them
            annotations = tuple(passages.get(article_id, ()))
            priors: dict[int, str] = {}
            if edits:
                own_blocks = [(b["id"], b["position"], b["text"]) for b in blocks.get(article_id, ())]
                rows_ = [(e["id"], e["op"], e["article_id"], e["before"]) for e in edits]
                priors, annotations = prior_states(article_id, own_blocks, rows_, annotations)
            source = self.sources_by_id[r["source_id"]]
            out.append(
                ExportArticle(
                    id=str(article_id),
                    **source.article_fields(),
                    kind=r["kind"],
                    headline=r["headline"],
                    text=text,
                    blocks=tuple(spans),
                    annotations=annotations,
                    corrections=tuple(corrections_of(article_id, text, starts, edits, priors)) if edits else (),
                    review_state=r["review_state"],
                    note="\n\n".join(n.text for n in notes.get(article_id, ())),
                    original_text=original if original != text else None,
                    notes=tuple(notes.get(article_id, ())),
                )
            )
        return out


# -- building the snapshot ---------------------------------------------------------------------


def _tag_ids(conn: sqlite3.Connection, paths: Sequence[str]) -> frozenset[int]:
    ids: set[int] = set()
    for path in paths:
        try:
            tag = codebook.find(conn, path)
        except NotFound:
            raise FilterError(f"no tag {path!r} in the codebook (give a path like 'parent/child')") from None
        ids.update(codebook._descendants(conn, tag.id))
    return frozenset(ids)


def _where(conn: sqlite3.Connection, f: ExportFilter, tag_ids: frozenset[int] | None) -> tuple[str, list]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.source_ids:
        known = {r[0] for r in conn.execute(f"SELECT id FROM sources WHERE id IN ({_marks(f.source_ids)})",
                                            list(f.source_ids))}
        missing = [str(s) for s in f.source_ids if s not in known]
        if missing:
            raise FilterError(f"no source with id {', '.join(missing)} in the project")
        clauses.append(f"a.source_id IN ({_marks(f.source_ids)})")
        params.extend(f.source_ids)
    elif not f.include_superseded:
        clauses.append("s.superseded = 0")
    if f.states:
        bad = [s for s in f.states if s not in REVIEW_STATES]
        if bad:
            raise FilterError(f"unknown review state {bad[0]!r}; one of: {', '.join(REVIEW_STATES)}")
        clauses.append(f"a.review_state IN ({_marks(f.states)})")
        params.extend(f.states)
    if tag_ids is not None:
        ordered = sorted(tag_ids)
        clauses.append(
            f"EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.tag_id IN ({_marks(ordered)}))"
        )
        params.extend(ordered)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Snapshot:
    """An open snapshot of a project; ``corpus`` is what the writers take. Close it when done."""

    def __init__(self, path: str | Path, filters: ExportFilter | None = None, project_name: str | None = None) -> None:
        self.path = Path(path)
        self.filters = filters or ExportFilter()
        self.conn = open_reader(self.path)
        try:
            self.corpus = self._build(project_name or self.path.stem)
        except BaseException:
            self.close()
            raise

    def _build(self, project_name: str) -> StoreCorpus:
        conn, f = self.conn, self.filters
        tag_ids = _tag_ids(conn, f.tag_paths) if f.tag_paths else None
        where, params = _where(conn, f, tag_ids)
        base = "FROM articles a JOIN sources s ON s.id = a.source_id" + where
        ids = [r[0] for r in conn.execute(f"SELECT a.id {base} ORDER BY a.source_id, a.position", params)]
        source_ids = [r[0] for r in conn.execute(f"SELECT DISTINCT a.source_id {base} ORDER BY a.source_id", params)]
        sources: dict[int, ExportSource] = {}
        raw = "raw_text" if f.with_raw_text else "''"
        for i in range(0, len(source_ids), 500):
            chunk = source_ids[i : i + 500]
            for sid, name, sha, text, day, page_name, page_number in conn.execute(
                f"SELECT id, name, sha256, {raw}, page_date, page_name, page_number FROM sources"
                f" WHERE id IN ({_marks(chunk)})",
                chunk,
            ):
                sources[sid] = ExportSource(str(sid), name, sha, text, day, page_name, page_number)
        every = codebook.all_tags(conn)
        if tag_ids is not None:  # the filtered tags and their ancestors, as in the full codebook (same GUIDs)
            kept = {tuple(t.path.split("/")) for t in every if t.id in tag_ids}
            above = {path[:k] for path in kept for k in range(1, len(path))}
            every = [t for t in every if t.id in tag_ids or tuple(t.path.split("/")) in above]
        tags = [ExportTag(str(t.id), tuple(t.path.split("/")), t.colour or "", t.description) for t in every]
        authors = [
            r[0]
            for r in conn.execute(
                "SELECT author FROM (SELECT n.author, min(n.id) AS first FROM annotations n"
                f" WHERE n.article_id IN (SELECT a.id {base}) AND n.author IS NOT NULL AND n.author != ''"
                + (f" AND n.tag_id IN ({_marks(sorted(tag_ids))})" if tag_ids is not None else "")
                + " GROUP BY n.author) ORDER BY first",
                params + (sorted(tag_ids) if tag_ids is not None else []),
            )
        ]
        corpus = StoreCorpus(
            project_name,
            tags,
            [sources[s] for s in source_ids],
            [],
            authors,
            conn=conn,
            article_ids=ids,
            tag_filter=tag_ids,
            sources_by_id=sources,
        )
        corpus.articles = StoreArticles(corpus)  # type: ignore[assignment]
        return corpus

    def count_annotations(self) -> int:
        """How many passages the corpus holds (orphaned ones included)."""
        corpus, conn = self.corpus, self.conn
        if conn is None:
            raise ExportError("the snapshot is closed")
        tags = sorted(corpus.tag_filter) if corpus.tag_filter is not None else None
        total = 0
        ids = corpus.article_ids
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            sql = f"SELECT count(*) FROM annotations WHERE article_id IN ({_marks(chunk)})"
            if tags is not None:
                sql += f" AND tag_id IN ({_marks(tags)})"
            total += conn.execute(sql, chunk + (tags or [])).fetchone()[0]
        return total

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            corpus = getattr(self, "corpus", None)
            if corpus is not None:
                corpus.conn = None
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            conn.close()

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _path_of(project: Any) -> Path:
    return Path(project.path) if hasattr(project, "path") else Path(project)


def snapshot(project: Any, filters: ExportFilter | None = None) -> Snapshot:
    """A snapshot of ``project`` (a :class:`db.Project` or a project file path); use it with ``with``."""
    return Snapshot(_path_of(project), filters)


# -- writing a snapshot in a registered format ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    articles: int
    annotations: int
    tags: int = 0


def export_project(
    project: Any,
    format_name: str,
    out: str | Path,
    filters: ExportFilter | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Snapshot ``project``, write it in ``format_name`` to ``out``, close the snapshot."""
    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise ExportError(f"unknown export format {format_name!r}; known: {', '.join(FORMATS)}")
    with snapshot(project, filters) as snap:
        corpus = snap.corpus
        path = fmt.writer(corpus, Path(out), progress)
        return ExportResult(path, format_name, len(corpus.articles), snap.count_annotations(), len(corpus.tags))
