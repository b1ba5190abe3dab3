"""A plain, store-independent snapshot of the annotated corpus, as exporters see it.

Offsets are code points (Python string indices) into ``ExportArticle.text``,
end exclusive. The article text is the article's blocks joined with "\\n", in
order (headline parts first), exactly as the store keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ExportTag:
    """A codebook entry. ``path`` is the names from the root, e.g. ("权益", "工资")."""

    id: str  # stable identifier (a UUID string)
    path: tuple[str, ...]
    colour: str = "#888888"  # "#rrggbb"
    description: str = ""

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def parent_path(self) -> tuple[str, ...]:
        return self.path[:-1]


@dataclass(frozen=True, slots=True)
class ExportBlock:
    role: str  # jump, kicker, title, subtitle, byline, paragraph, subhead, caption
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExportAnnotation:
    id: str  # a UUID string
    tag_id: str
    start: int
    end: int
    quote: str  # text[start:end] at export time
    note: str = ""
    author: str = ""
    created: str = ""  # ISO 8601 with time zone
    updated: str = ""
    orphaned: bool = False  # could not be placed on the current text; start/end are a hint only
    #: for an orphan: the edit that orphaned it, the article's text just before that edit, and where
    #: ``quote`` stood in it (from the edit history; "" / None / -1 when unknown)
    prior_edit: str = ""
    prior_text: str | None = None
    prior_start: int = -1


@dataclass(frozen=True, slots=True)
class ExportNote:
    """One note on a whole article, with who wrote it and when (the store keeps both)."""

    id: str
    text: str
    author: str = ""
    created: str = ""  # ISO 8601 with time zone
    updated: str = ""


@dataclass(frozen=True, slots=True)
class ExportCorrection:
    """One text edit of the article's history, in current-text coordinates where it still applies.

    ``prior_text`` is the article's whole text just before this edit (replayed from the edit
    history), and ``before`` stands at ``prior_start`` in it: what W3C anchors a correction in.
    None when the history cannot give it (a hand-built corpus, an edit made in another article).
    """

    id: str
    op: str  # e.g. "replace", "join", "split", "role", …
    start: int  # where the correction stands in the current text (-1 when it no longer maps)
    end: int
    before: str
    after: str
    author: str = ""
    created: str = ""
    note: str = ""
    prior_text: str | None = None
    prior_start: int = -1


@dataclass(frozen=True, slots=True)
class ExportArticle:
    id: str  # stable article identifier
    source_id: str
    source_name: str  # original file name
    source_sha256: str
    source_date: str | None  # ISO date of the page if known, else None
    kind: str
    headline: str
    text: str
    blocks: tuple[ExportBlock, ...]
    annotations: tuple[ExportAnnotation, ...] = ()
    corrections: tuple[ExportCorrection, ...] = ()
    review_state: str = "unreviewed"  # unreviewed | in_progress | proofread
    note: str = ""  # the article's notes' texts joined by a blank line (for reading formats)
    original_text: str | None = None  # the engine's text before any correction, when it differs
    notes: tuple[ExportNote, ...] = ()  # the same notes one by one, with author and time
    source_page_name: str = ""  # the page's name (版名), "" if unknown
    source_page_number: int | None = None  # the page's number (版次), None if unknown


@dataclass(frozen=True, slots=True)
class ExportSource:
    id: str
    name: str
    sha256: str
    raw_text: str  # verbatim decoded dump
    date: str | None = None
    page_name: str = ""
    page_number: int | None = None

    def article_fields(self) -> dict[str, object]:
        """The ``source_*`` fields an :class:`ExportArticle` of this page carries."""
        return {
            "source_id": self.id,
            "source_name": self.name,
            "source_sha256": self.sha256,
            "source_date": self.date,
            "source_page_name": self.page_name,
            "source_page_number": self.page_number,
        }


@dataclass(slots=True)
class ExportCorpus:
    """What an export writes: the codebook, the sources, and the articles (possibly filtered)."""

    project_name: str
    tags: list[ExportTag] = field(default_factory=list)
    sources: list[ExportSource] = field(default_factory=list)
    #: a list, or a lazy sequence read from the store as it is iterated (see :mod:`db.exports.snapshot`)
    articles: Sequence[ExportArticle] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    def tag_by_id(self) -> dict[str, ExportTag]:
        return {t.id: t for t in self.tags}

    def iter_annotations(self) -> Iterable[tuple[ExportArticle, ExportAnnotation]]:
        for article in self.articles:
            for annotation in article.annotations:
                yield article, annotation
