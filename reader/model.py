"""The document model the reflow engine produces.

Every string the engine outputs is a :class:`TracedText`: the text plus, for each
of its characters, the code point offset in the raw dump it was copied from. The
side-by-side view and the store rely on that map to link reflowed text and raw
text both ways, so no output character may exist without a source.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class ArticleKind(StrEnum):
    NEWS = "news"
    PHOTO = "photo"
    EDITORIAL = "editorial"
    TOC = "toc"
    BRIEF = "brief"
    OTHER = "other"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"


class Layout(StrEnum):
    TITLE_AFTER = "title-after"
    TITLE_BEFORE = "title-before"
    MIXED = "mixed"


class Extractor(StrEnum):
    """Which kind of PDF extractor produced the dump."""

    COLUMN_LINES = "column-lines"  # one printed column line per dump line
    PARAGRAPH_LINES = "paragraph-lines"  # one paragraph per dump line


@dataclass(frozen=True, slots=True)
class TracedText:
    """Text whose every character points back to a raw code point offset.

    ``sources[i]`` is the raw offset of ``text[i]`` (kept as a compact
    ``array('q')``). Offsets are Python string indices (code points), never
    UTF-16 units.
    """

    text: str
    sources: Sequence[int]

    def __init__(self, text: str, sources: Sequence[int]) -> None:
        # Written out (the engine builds thousands a page): the frozen dataclass's own
        # __init__ and __post_init__ cost several times more than the two slot writes.
        if not isinstance(sources, array):
            # 8 bytes an offset instead of a Python int object each: a 10 MB dump
            # would otherwise spend well over 100 MB on its offset maps.
            sources = array("q", sources)
        if len(text) != len(sources):
            raise ValueError("TracedText needs one source offset per character")
        _set_text(self, text)
        _set_sources(self, sources)

    def __hash__(self) -> int:
        return hash((self.text, self.sources.tobytes()))

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[str, int]]) -> TracedText:
        """Build from (character, raw offset) pairs."""
        chars: list[str] = []
        offsets: list[int] = []
        for ch, off in pieces:
            chars.append(ch)
            offsets.append(off)
        return cls("".join(chars), array("q", offsets))

    @classmethod
    def from_raw(cls, raw: str, start: int, end: int) -> TracedText:
        """A verbatim slice of the raw text."""
        return cls(raw[start:end], array("q", range(start, end)))

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __add__(self, other: TracedText) -> TracedText:
        return TracedText(self.text + other.text, self.sources + other.sources)

    @property
    def raw_span(self) -> tuple[int, int]:
        """The smallest raw range [start, end) covering every character."""
        if not self.sources:
            return (0, 0)
        return (min(self.sources), max(self.sources) + 1)

    def runs(self) -> list[tuple[int, int, int]]:
        """Compress the map into runs ``(text_start, raw_start, length)``.

        Inside a run, text offset ``text_start + k`` maps to ``raw_start + k``.
        Runs are what the store keeps: a reflowed paragraph of a few hundred
        characters is usually a dozen runs (one per dump line).
        """
        out: list[tuple[int, int, int]] = []
        for i, src in enumerate(self.sources):
            if out:
                t0, r0, n = out[-1]
                if src == r0 + n and i == t0 + n:
                    out[-1] = (t0, r0, n + 1)
                    continue
            out.append((i, src, 1))
        return out

    @classmethod
    def from_runs(cls, text: str, runs: Iterable[tuple[int, int, int]]) -> TracedText:
        sources = array("q", bytes(8 * len(text)))
        for t0, r0, n in runs:
            sources[t0 : t0 + n] = array("q", range(r0, r0 + n))
        return cls(text, sources)

    def strip(self) -> TracedText:
        start, end = 0, len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return TracedText(self.text[start:end], self.sources[start:end])


#: The slots' own setters: a frozen instance is written once, in ``__init__``.
_set_text = TracedText.text.__set__  # type: ignore[attr-defined]
_set_sources = TracedText.sources.__set__  # type: ignore[attr-defined]


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: TracedText
    #: Probability in [0, 1] that the boundary BEFORE this block (paragraph break or,
    #: for an article's first block, the block start) is right.
    confidence: float = 1.0

    @property
    def is_subhead(self) -> bool:
        return self.kind is BlockKind.SUBHEAD


@dataclass(slots=True)
class Article:
    kind: ArticleKind = ArticleKind.NEWS
    kicker: TracedText | None = None
    title: TracedText | None = None
    subtitle: TracedText | None = None
    byline: TracedText | None = None
    continued_from: TracedText | None = None
    blocks: list[Block] = field(default_factory=list)
    notes: str | None = None
    #: Credits beyond the first (a standalone byline and a foot credit "（某某）"), in page order.
    more_bylines: list[TracedText] = field(default_factory=list)
    #: Probability in [0, 1] that the article starts where it does (its boundary with
    #: the previous article).
    confidence: float = 1.0

    @property
    def paragraphs(self) -> list[TracedText]:
        return [b.text for b in self.blocks]

    @property
    def subheads(self) -> list[TracedText]:
        return [b.text for b in self.blocks if b.is_subhead]

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle as one display string."""
        return " ".join(str(t) for t in (self.kicker, self.title, self.subtitle) if t)

    def traced_fields(self) -> Iterator[tuple[str, TracedText]]:
        """Every traced string of the article with the name of its role."""
        for name in ("kicker", "title", "subtitle", "byline", "continued_from"):
            value = getattr(self, name)
            if value is not None:
                yield name, value
        for block in self.blocks:
            yield block.kind.value, block.text
        for credit in self.more_bylines:
            yield "byline", credit

    @property
    def raw_span(self) -> tuple[int, int]:
        spans = [t.raw_span for _, t in self.traced_fields() if t]
        if not spans:
            return (0, 0)
        return (min(s for s, _ in spans), max(e for _, e in spans))


@dataclass(slots=True)
class Document:
    """One reflowed page dump."""

    source: str
    raw: str
    extractor: Extractor
    layout: Layout
    articles: list[Article] = field(default_factory=list)
    furniture: list[TracedText] = field(default_factory=list)
    encoding: str = "utf-8"
