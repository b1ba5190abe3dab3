"""Plain value types the store hands out. Frozen, Qt-free, cheap to pass between threads.

All text offsets are code point indices into the article text (Python string
indices); the UI converts to UTF-16 only at the widget boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Runs = tuple[tuple[int, int, int], ...]


class ReviewState(StrEnum):
    UNREVIEWED = "unreviewed"
    IN_PROGRESS = "in_progress"
    PROOFREAD = "proofread"


class BlockRole(StrEnum):
    JUMP = "jump"  # "continued from page …" line
    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"
    CAPTION = "caption"  # the text of a photo article


#: Roles whose text makes up an article's headline, in this order.
HEADLINE_ROLES = (BlockRole.KICKER, BlockRole.TITLE, BlockRole.SUBTITLE)


@dataclass(frozen=True, slots=True)
class Progress:
    unreviewed: int = 0
    in_progress: int = 0
    proofread: int = 0

    @property
    def total(self) -> int:
        return self.unreviewed + self.in_progress + self.proofread


@dataclass(frozen=True, slots=True)
class SourceVersion:
    """Which file a source is and which of its imports: what every view of a source starts with."""

    id: int
    name: str
    path: str
    version: int
    previous_id: int | None
    superseded: bool


@dataclass(frozen=True, slots=True)
class SourceSummary(SourceVersion):
    """One row of the sources list."""

    imported_at: str
    encoding: str
    article_count: int
    progress: Progress
    page_date: str | None = None  #: the page's attributes (db.source_attributes)
    page_name: str = ""
    page_number: int | None = None


@dataclass(frozen=True, slots=True)
class Source(SourceVersion):
    sha256: str
    size: int
    encoding: str
    had_bom: bool
    imported_at: str
    engine_version: str
    extractor: str | None
    layout: str | None
    raw_text: str
    furniture: tuple[tuple[str, Runs], ...]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of an article list: enough to show it without loading its text."""

    id: int
    source_id: int
    position: int
    kind: str
    headline: str
    length: int
    review_state: ReviewState
    annotation_count: int
    lead: str = ""  # the opening words of the text, for articles printed without a headline


@dataclass(frozen=True, slots=True)
class Block:
    id: int
    article_id: int
    position: int
    role: BlockRole
    text: str
    runs: Runs  #: (text_start, raw_start, length); characters an editor inserted have no run
    original_text: str | None  #: the engine's text of the block it descends from (None: made by an edit)


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    article_id: int
    tag_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    author: str | None
    created_at: str
    updated_at: str
    orphaned: bool  #: stored as 0/1: made a bool here, whoever builds it
    copied_from: int | None = None

    def __post_init__(self) -> None:
        if type(self.orphaned) is not bool:
            object.__setattr__(self, "orphaned", bool(self.orphaned))


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    article_id: int
    text: str
    author: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """An article with its blocks, annotations and notes. ``text`` joins the blocks with "\\n".

    Its fields in three groups: where it stands; its text (the engine's reading as edited); the
    reader's work on it.
    """

    id: int
    source_id: int
    position: int
    kind: str
    headline: str
    text: str
    blocks: tuple[Block, ...]
    engine_notes: str | None = None
    review_state: ReviewState
    annotations: tuple[Annotation, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class TextLocation:
    """Where an article-text offset falls: block index, the block, and the offset inside it."""

    article_id: int
    block_index: int
    block_id: int
    offset_in_block: int
    article_offset: int


@dataclass(frozen=True, slots=True)
class TagFields:
    """A tag's own columns, as a person sets them (the codebook's and the undo's views add to them)."""

    id: int
    parent_id: int | None
    name: str
    colour: str | None
    description: str
    slot: int | None


@dataclass(frozen=True, slots=True)
class Tag(TagFields):
    path: str  #: names from the root, joined by "/"
    annotation_count: int = 0


@dataclass(frozen=True, slots=True)
class TagDeletion:
    tags: int
    annotations: int


@dataclass(frozen=True, slots=True)
class EditEntry:
    id: int
    at: str
    author: str | None
    op: str
    article_id: int | None
    other_article_id: int | None
    params: dict
    note: str | None
    reverts: int | None
    reverted_by: int | None = None  #: the revert entry that currently undoes this one, if any


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A keyword-in-context row. ``start``/``end`` are offsets in the original article text."""

    article_id: int
    source_id: int
    source_name: str
    headline: str
    start: int
    end: int
    left: str
    hit: str
    right: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    more: bool  #: True when hits beyond ``limit`` exist
    total: int = 0  #: all hits of the query (estimated when ``total_is_exact`` is False)
    total_is_exact: bool = True  #: False: counting every hit would cost more than the budget ("about N")


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    SKIPPED = "skipped"  # identical content already in the project
    NEW_VERSION = "new_version"  # changed content for a path imported before
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    path: str
    status: ImportStatus
    source_id: int | None = None
    reason: str = ""
    articles: int = 0
    orphaned: int = 0  #: annotations that could not be carried over to a new version


@dataclass(slots=True)
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False
    ignored: int = 0  #: files in folders not matching the pattern

    def count(self, status: ImportStatus) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status is ImportStatus.FAILED]

    @property
    def imported(self) -> list[ImportOutcome]:
        """Files that brought content: new sources and new versions of known ones."""
        return [o for o in self.outcomes if o.status in (ImportStatus.IMPORTED, ImportStatus.NEW_VERSION)]

    @property
    def unchanged(self) -> list[ImportOutcome]:
        """Files whose identical content was in the project already."""
        return [o for o in self.outcomes if o.status is ImportStatus.SKIPPED]

    @property
    def articles(self) -> int:
        """Articles the imported files made."""
        return sum(o.articles for o in self.imported)
