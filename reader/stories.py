"""Stories: articles under assembly, and how they become :class:`Article` values.

Both engines collect units into stories (body, headline lines, credits, jump
line) and hand them here, so headline roles, block kinds and article kinds are
decided the same way whatever the extractor.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.headlines import split_headline
from reader.joining import join_fields, join_lines
from reader.model import Article, ArticleKind, Block, BlockKind, TracedText
from reader.patterns import EDITORIAL_LABEL, JUMP_TO, RUNNING_HEADER
from reader.units import Unit, UnitKind

#: A story without headline this short (characters of body) is a brief.
BRIEF_MAX_CHARS = 160


class Story:
    """An article being assembled from units, before its text is joined."""

    def __init__(self) -> None:
        self.body: list[Unit] = []
        self.headline: list[Unit] = []
        self.headline_before = False
        self.byline: Unit | None = None
        self.jump: Unit | None = None
        self.closed = False  # a trailing credit or photo credit ended the body
        self.photo = False
        self.toc_head: Unit | None = None
        self.more_credits: list[Unit] = []  # a second credit line (a byline and a foot credit)

    def add_credit(self, unit: Unit) -> None:
        """Credits accumulate: a standalone byline and a foot credit both belong to the story."""
        if self.byline is None:
            self.byline = unit
        else:
            self.more_credits.append(unit)

    @property
    def hollow(self) -> bool:
        """Only credits or a jump line: nothing an article can be made of."""
        return not (self.body or self.headline or self.toc_head)

    @property
    def has_body(self) -> bool:
        return bool(self.body)

    @property
    def empty(self) -> bool:
        return not (self.body or self.headline or self.byline or self.jump or self.toc_head)


class StoryCollector:
    """Bookkeeping both engines share: the story being built, the finished ones, furniture.

    A headline waiting for the next story (printed before its body) goes to
    the story :meth:`start` opens next.
    """

    def __init__(self) -> None:
        self.stories: list[Story] = []
        self.furniture: list[Unit] = []
        self.current: Story | None = None
        self.headline_for_next: list[Unit] = []
        self.position = 0  # index in the page's units of the unit being taken
        self.pending: list[Unit] = []  # heading units waiting for the unit after them

    def finish(self) -> None:
        """Close the current story, keeping it if it holds anything."""
        if self.current is not None and not self.current.empty:
            self.stories.append(self.current)
        self.current = None

    def close(self) -> None:
        """End of the page: a headline still waiting for its story becomes one of its own."""
        self.finish()
        if self.headline_for_next:
            self.start()
            self.finish()

    def story_units(self, units: list[Unit]) -> Iterator[Unit]:
        """The page's units in order, ``position`` kept; furniture is set aside, not yielded."""
        for position, unit in enumerate(units):
            self.position = position
            if unit.kind is UnitKind.FURNITURE:
                self.set_aside_furniture(unit)
            else:
                yield unit

    def _settle_pending(self, upcoming: Unit | None) -> None:
        """Decide what the heading lines waiting before ``upcoming`` are (None: the page ended).

        Takes ``self.pending`` and leaves it empty; with nothing pending it does nothing.
        """
        raise NotImplementedError

    def _take(self, unit: Unit) -> None:
        """Put a unit that is not a heading line into the story flow."""
        raise NotImplementedError

    def take_in_turn(self, unit: Unit) -> None:
        """The waiting heading lines are settled by the unit after them, then it is taken."""
        if self.pending:  # (most units have none waiting before them: no call)
            self._settle_pending(unit)
        self._take(unit)

    def end_page(self) -> None:
        self._settle_pending(None)
        self.close()

    def set_aside_furniture(self, unit: Unit) -> None:
        """Furniture leaves the story flow, separating heading groups; a jump line ("（下转第2版）")
        ends the story it follows."""
        self._settle_pending(unit)
        self.furniture.append(unit)
        if self.current is not None and JUMP_TO.match(unit.text):
            self.current.closed = True

    def start(self, headline: list[Unit] | None = None) -> Story:
        """Close the current story and open a new one (with a waiting headline, if any)."""
        self.finish()
        story = Story()
        headline = headline or self.headline_for_next
        self.headline_for_next = []
        if headline:
            story.headline = headline
            story.headline_before = True
        self.current = story
        return story


def settle_hollow(stories: list[Story], furniture: list[Unit]) -> list[Story]:
    """Stories with nothing but credits or a jump line lose no text.

    A credit alone after a story that has none is that story's (its body may
    run on another page); anything else hollow goes to the page furniture.
    """
    kept: list[Story] = []
    for story in stories:
        if not story.hollow:
            kept.append(story)
            continue
        previous = kept[-1] if kept else None
        credits = [u for u in (story.byline, *story.more_credits) if u is not None]
        if previous is not None and previous.byline is None and credits and story.jump is None:
            for unit in credits:
                previous.add_credit(unit)
        else:
            furniture.extend(u for u in (story.jump, *credits) if u is not None)
    return kept


def furniture_text(unit: Unit) -> TracedText:
    """Furniture keeps one space between the fields of a running header."""
    if len(unit.lines) == 1 and RUNNING_HEADER.search(unit.text):
        return join_fields(unit.first)
    return join_lines(unit.lines)


def _traced(unit: Unit | None) -> TracedText | None:
    return join_lines(unit.lines) if unit is not None else None


def _kind_of(story: Story, article: Article) -> ArticleKind:
    if story.photo:
        return ArticleKind.PHOTO
    if story.toc_head is not None:
        return ArticleKind.TOC
    labels = " ".join(str(t) for t in (article.kicker, article.title, article.byline) if t)
    if labels and EDITORIAL_LABEL.search(labels):
        return ArticleKind.EDITORIAL
    total = sum([len(b.text.text) for b in article.blocks])
    if not article.title and not article.continued_from and len(article.blocks) <= 2 and total < BRIEF_MAX_CHARS:
        return ArticleKind.BRIEF
    return ArticleKind.NEWS


#: How sure an article start is, by what marks it: printed markers of a story's head
#: (a jump line, a contents head, a byline or dateline under a headline) are near certain;
#: a headline alone may be a subhead; a story with neither headline nor marker is most
#: often the tail of the story before, cut off by a wrong decision.
MARKED_START = 0.97
HEADLINE_START = 0.9
PHOTO_START = 0.9
BARE_START = 0.55
#: One short heading line and nothing else: it could as well be a subhead of the story before.
SINGLE_HEADING_START = 0.75


def _start_confidence(story: Story, article: Article) -> float:
    first_block = article.blocks[0].confidence if article.blocks else 1.0
    opens_with_dateline = bool(story.body) and story.body[0].dateline
    if story.jump is not None or story.toc_head is not None:
        base = MARKED_START
    elif story.headline and (story.byline is not None or opens_with_dateline):
        base = MARKED_START
    elif story.photo:
        base = PHOTO_START
    elif story.headline:
        lines = sum(len(u.lines) for u in story.headline)
        base = HEADLINE_START if lines >= 2 or any(u.wide for u in story.headline) else SINGLE_HEADING_START
    elif opens_with_dateline:
        base = HEADLINE_START
    else:
        base = BARE_START
    return base * first_block


def to_article(story: Story) -> tuple[Article, list[Unit]]:
    """Build the article; returns it with any units that turned out to be furniture."""
    head = split_headline(story.headline)
    article = Article(
        kicker=head.kicker,
        title=head.title,
        subtitle=head.subtitle,
        byline=_traced(story.byline),
        more_bylines=[join_lines(unit.lines) for unit in story.more_credits],
        continued_from=_traced(story.jump),
    )
    if story.toc_head is not None:
        article.title = _traced(story.toc_head)
    for unit in story.body:
        kind = BlockKind.SUBHEAD if unit.heading and not unit.caption and not unit.toc_item else BlockKind.PARAGRAPH
        text = join_lines(unit.lines)
        if text:
            article.blocks.append(Block(kind, text, unit.confidence))
    article.kind = _kind_of(story, article)
    article.confidence = _start_confidence(story, article)
    return article, head.leftover
