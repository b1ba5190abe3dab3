"""The desk's one seam to the project store: the plain values the widgets read.

Widgets talk to a :class:`DeskStore`. :class:`ProjectStore` adapts ``db.Project``;
the adapter is the only ui module that knows the store's names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ui.offsets import OffsetMap

Runs = tuple[tuple[int, int, int], ...]

#: Block roles the typesetter knows, in reading order of a headline.
ROLES = ("jump", "kicker", "title", "subtitle", "byline", "paragraph", "subhead", "caption")
HEADLINE_ROLES = frozenset({"kicker", "title", "subtitle"})


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    article_count: int
    proofread: int = 0  # articles marked proofread


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    source_id: int
    kind: str
    headline: str
    review: str = ""
    tags: int = 0


@dataclass(frozen=True, slots=True)
class BlockData:
    role: str
    text: str
    runs: Runs  # (block text start, raw start, length)


@dataclass(frozen=True, slots=True)
class AnnotationData:
    id: int
    start: int  # article code point offsets
    end: int
    kind: str = "note"
    body: str = ""


@dataclass(slots=True)
class ArticleData:
    id: int
    source_id: int
    kind: str
    headline: str
    blocks: list[BlockData]
    annotations: list[AnnotationData] = field(default_factory=list)
    _map: OffsetMap | None = None

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


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    source_id: int
    headline: str
    start: int  # article code point offsets of the match
    end: int
    before: str
    match: str
    after: str


@dataclass(slots=True)
class ImportReport:
    imported: list[str] = field(default_factory=list)
    bad: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False
    articles: int = 0


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
    def search(self, query: str, regex: bool, limit: int, offset: int = 0) -> Sequence[SearchHit]: ...
    def import_paths(self, paths: Sequence[str], progress: ProgressFn, cancelled: CancelFn) -> ImportReport: ...
    def close(self) -> None: ...
