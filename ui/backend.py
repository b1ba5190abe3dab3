"""The desk's one seam to the project store: what the widgets read, shaped for the views.

Widgets talk to a :class:`DeskStore`. :class:`ProjectStore` adapts ``db.Project``. The rows
here are view rows (an article with its offset map, annotations with their tag's colour);
the store's own values (search hits, import reports, block roles) are used as they are,
imported from :mod:`db.models`, never mirrored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from db import Project
from db.articles import runs_from_json
from db.models import ImportReport, SearchResult
from db.page_filter import PageFilter
from ui.offsets import OffsetMap

Runs = tuple[tuple[int, int, int], ...]


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    article_count: int
    proofread: int = 0  # articles marked proofread
    date: str | None = None  # the page's attributes: ISO date, name (版名), number (版次)
    page_name: str = ""
    page_number: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    source_id: int
    kind: str
    headline: str
    review: str = ""
    tags: int = 0
    lead: str = ""  # opening words, shown when the article has no headline


@dataclass(frozen=True, slots=True)
class BlockData:
    role: str
    text: str
    runs: Runs  # (block text start, raw start, length)
    id: int = 0  # the store's block id (0: not from a store)


@dataclass(frozen=True, slots=True)
class AnnotationData:
    id: int
    start: int  # article code point offsets
    end: int
    tag: str = ""
    colour: str | None = None  # "#rrggbb" of its tag
    note: str = ""
    tag_id: int = 0
    quote: str = ""
    orphaned: bool = False  # lost its text; start is only a hint


@dataclass(slots=True)
class ArticleData:
    id: int
    source_id: int
    kind: str
    headline: str
    blocks: list[BlockData]
    annotations: list[AnnotationData] = field(default_factory=list)
    _map: OffsetMap | None = None
    review: str = "unreviewed"
    orphans: list[AnnotationData] = field(default_factory=list)  # annotations that lost their text

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def offsets(self) -> OffsetMap:
        if self._map is None:
            self._map = OffsetMap.from_blocks([(b.text, b.runs) for b in self.blocks])
        return self._map

    def block_starts(self) -> list[int]:
        starts, pos = [], 0
        for b in self.blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        return starts


ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


class DeskStore(Protocol):
    """What the desk needs from a project."""

    path: str

    def source_count(self) -> int: ...
    def sources(self, offset: int, limit: int) -> Sequence[SourceRow]: ...
    def article_count(self, source_id: int) -> int: ...
    def articles(self, source_id: int, offset: int, limit: int) -> Sequence[ArticleRow]: ...
    def article(self, article_id: int) -> ArticleData: ...
    def raw_text(self, source_id: int) -> str: ...
    def source_name(self, source_id: int) -> str: ...
    def article_at_raw(self, source_id: int, raw_offset: int) -> tuple[int, int] | None: ...
    def search(
        self, query: str, regex: bool, limit: int, offset: int = 0, cancel: CancelFn | None = None,
        pages: PageFilter | None = None,
    ) -> SearchResult: ...
    def import_paths(self, paths: Sequence[str], progress: ProgressFn, cancelled: CancelFn) -> ImportReport: ...
    def close(self) -> None: ...


class ProjectStore:
    """A :class:`DeskStore` over an open ``db.Project``."""

    search_threaded = True  # the store is thread-safe; searches run off the GUI thread

    def __init__(self, project: Project, display_name: str | None = None) -> None:
        self.project = project
        self.path = str(project.path)
        self.display_name = display_name or project.path.stem
        self._names: dict[int, str] = {}
        self._tags: dict[int, tuple[str, str | None]] | None = None
        self._runs: dict[str, Runs] = {}
        self._closed = False

    @classmethod
    def open(cls, path: str, *, create: bool = True, display_name: str | None = None) -> ProjectStore:
        """Open a project file; raises ``db.ProjectOpenError`` (a readable message) when it cannot."""
        return cls(Project.open(path, create=create), display_name)

    def subscribe(self, listener: Callable) -> Callable[[], None]:
        return self.project.subscribe(listener)

    def forget_tags(self) -> None:
        self._tags = None

    # -- sources and articles -----------------------------------------------------------------
    def source_count(self, matching: str = "") -> int:
        return self.project.count_sources(matching=matching)

    def sources(self, offset: int, limit: int, matching: str = "") -> list[SourceRow]:
        """A page of the sources (``matching``: only those whose name, page name, date or number match)."""
        rows = self.project.list_sources(limit=limit, offset=offset, matching=matching)
        for r in rows:
            self._names[r.id] = r.name
        return [
            SourceRow(r.id, r.name, r.article_count, r.progress.proofread, r.page_date, r.page_name, r.page_number)
            for r in rows
        ]

    def source_name(self, source_id: int) -> str:
        name = self._names.get(source_id)
        if name is None:
            name = self._names[source_id] = self.project.get_source(source_id).name
        return name

    def article_count(self, source_id: int) -> int:
        return self.project.count_articles(source_id)

    def articles(self, source_id: int, offset: int, limit: int) -> list[ArticleRow]:
        return [
            ArticleRow(a.id, a.source_id, a.kind, a.headline, a.review_state.value, a.annotation_count, a.lead)
            for a in self.project.list_articles(source_id, limit=limit, offset=offset)
        ]

    def article(self, article_id: int) -> ArticleData:
        """The article as the desk shows it (read lean: the desk reads it again after every keystroke)."""
        a = self.project.article_for_desk(article_id)
        if self._tags is None:
            self._tags = {t.id: (t.path, t.colour) for t in self.project.tags()}
        tags = self._tags
        annotations, orphans = [], []
        for aid, start, end, tag_id, note, quote, orphaned in a.annotations:
            data = AnnotationData(aid, start, end, *tags.get(tag_id, ("", None)), note, tag_id, quote, bool(orphaned))
            (orphans if orphaned else annotations).append(data)
        blocks = [BlockData(role, text, self._runs_of(runs), block_id) for block_id, role, text, runs in a.blocks]
        return ArticleData(
            a.id, a.source_id, a.kind, a.headline, blocks, annotations, review=a.review_state, orphans=orphans
        )

    def article_after(self, article: ArticleData, edit_id: int) -> ArticleData | None:
        """``article`` after the edit ``edit_id`` when that was a correction of it, patched rather than reread.

        None when the edit is anything else (or the desk's copy is not what it changed): read the article.
        """
        from ui.article_patch import patched  # it builds this module's values

        fix = self.project.correction_for_desk(article.id, edit_id)
        if fix is None:
            return None
        if self._tags is None:
            self._tags = {t.id: (t.path, t.colour) for t in self.project.tags()}
        return patched(article, fix, self._tags, self._runs_of)

    def _runs_of(self, stored: str) -> Runs:
        """A block's raw map from its stored form, parsed once: after a keystroke only one block's has changed."""
        runs = self._runs.get(stored)
        if runs is None:
            if len(self._runs) > 20_000:
                self._runs.clear()
            runs = self._runs[stored] = runs_from_json(stored)
        return runs

    def raw_text(self, source_id: int) -> str:
        return self.project.get_source(source_id).raw_text

    def article_at_raw(self, source_id: int, raw_offset: int) -> tuple[int, int] | None:
        found = self.project.locate_raw(source_id, raw_offset)
        return None if found is None else (found.article_id, found.article_offset)

    # -- search and import ----------------------------------------------------------------------
    def search(
        self, query: str, regex: bool, limit: int, offset: int = 0, cancel: CancelFn | None = None,
        pages: PageFilter | None = None,
    ) -> SearchResult:
        """One page of hits (on the pages ``pages`` keeps); ``cancel()`` turning True stops it (a newer query)."""
        return self.project.search(query, regex=regex, limit=limit, offset=offset, cancel=cancel, pages=pages)

    def import_paths(self, paths: Sequence[str], progress: ProgressFn, cancelled: CancelFn) -> ImportReport:
        def on_progress(p) -> None:
            progress(p.done, p.total, p.path)

        return self.project.import_paths(list(paths), progress=on_progress, cancel=cancelled)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.project.close()


def editable_project(store: DeskStore | None) -> Project | None:
    """The project behind the seam that the editing desk changes (``None``: no project, or a store that only reads)."""
    return store.project if isinstance(store, ProjectStore) else None
