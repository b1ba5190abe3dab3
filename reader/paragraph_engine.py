"""Reflow a dump with one paragraph per line (the second extractor).

Here the extractor already joined each paragraph, so the work is structure:
headlines stand BEFORE their body (kicker, title, subtitle, then byline),
subheads are short unpunctuated lines between paragraphs, a blank line (rare
in such dumps) separates items, and table-of-contents boxes list "- " items.
"""

from __future__ import annotations

from reader.joining import join_lines
from reader.lines import Line
from reader.model import Article, Layout, TracedText
from reader.patterns import (
    BYLINE,
    JUMP_FROM,
    JUMP_TO,
    PHOTO_CREDIT,
    TOC_HEAD,
    TOC_ITEM,
    TRAILING_CREDIT,
    is_furniture,
    may_be_credit,
    opens_with_dateline,
)
from reader.stories import Story, to_article
from reader.units import Unit, UnitKind, ends_with_terminal, is_subtitle_text

#: A heading line is rarely longer than this many characters.
MAX_HEADING_CHARS = 48
#: Below this share of lines after a blank line, a blank line separates items.
SPARSE_GAPS = 0.3


def _classify(line: Line) -> UnitKind:
    text = line.text
    if text[:1] in "（(" and JUMP_FROM.match(text):
        return UnitKind.JUMP
    if is_furniture(text):
        return UnitKind.FURNITURE
    if may_be_credit(text):
        if PHOTO_CREDIT.match(text):
            return UnitKind.PHOTO_CREDIT
        if BYLINE.match(text):
            return UnitKind.BYLINE
        if TRAILING_CREDIT.match(text):
            return UnitKind.TRAILING_CREDIT
    if len(text) <= 40 and TOC_HEAD.search(text):
        return UnitKind.TOC_HEAD
    return UnitKind.TEXT


def _unit(line: Line) -> Unit:
    kind = _classify(line)
    unit = Unit(kind, [line], line.width)
    if kind is UnitKind.TEXT:
        unit.dateline = opens_with_dateline(line.text)
        unit.heading = (
            not unit.dateline and not ends_with_terminal(line.text) and len(line.text) <= MAX_HEADING_CHARS
        )
    return unit


class ParagraphAssembler:
    """Headlines first: heading lines wait until the text after them shows what they are."""

    def __init__(self, units: list[Unit], gaps_separate_items: bool) -> None:
        self.units = units
        self.gaps_separate_items = gaps_separate_items
        self.stories: list[Story] = []
        self.furniture: list[Unit] = []
        self.current: Story | None = None
        self.pending: list[Unit] = []
        self.in_toc = False

    def _finish(self) -> None:
        if self.current is not None and not self.current.empty:
            self.stories.append(self.current)
        self.current = None

    def _start(self, headline: list[Unit] | None = None) -> Story:
        self._finish()
        story = Story()
        if headline:
            story.headline = headline
            story.headline_before = True
        self.current = story
        return story

    def _flush_pending(self, upcoming: Unit | None) -> None:
        """Decide whether waiting heading lines open a new story or are subheads."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        story = self.current
        if upcoming is None:
            if story is not None and story.has_body and len(pending) == 1 and not story.closed:
                self.furniture.extend(pending)  # a stray label after the last story
            else:
                self._start(pending)
            return
        new_story = (
            story is None
            or story.closed
            or not story.has_body
            or len(pending) >= 2
            or is_subtitle_text(pending[-1].text)
            or upcoming.kind in (UnitKind.BYLINE, UnitKind.JUMP)
            or upcoming.dateline
            or (self.gaps_separate_items and pending[0].first.gap_before)
        )
        if not new_story:
            story.body.extend(pending)
        elif story is not None and not story.has_body and not story.headline and not story.closed and story.jump:
            story.headline = pending
            story.headline_before = True
        else:
            self._start(pending)

    def _photo_from_tail(self, story: Story) -> Story:
        """A photo credit closes a caption: the paragraph just before it, with its label.

        When the story holds more than that caption (its title line set as a
        subhead of the story before), the caption moves to a photo story of its own.
        """
        body = story.body
        caption_start = len(body) - 1
        if caption_start > 0 and body[caption_start - 1].heading:
            caption_start -= 1
        if caption_start > 0 or (caption_start == 0 and story.headline and not body[0].heading and len(body) > 1):
            moved = body[caption_start:]
            del body[caption_start:]
            headline = [u for u in moved if u.heading][:1]
            photo = self._start(headline)
            photo.body = [u for u in moved if not u.heading]
        else:
            photo = story
        photo.photo = True
        photo.closed = True
        return photo

    def run(self) -> None:
        for unit in self.units:
            if unit.kind is UnitKind.FURNITURE:
                # Furniture separates heading groups; "（下转第2版）" ends its story.
                self._flush_pending(unit)
                self.furniture.append(unit)
                if self.current is not None and JUMP_TO.match(unit.text):
                    self.current.closed = True
                continue
            if self.in_toc and unit.is_text and TOC_ITEM.search(unit.text):
                self.current.body.append(unit)
                continue
            self.in_toc = False
            if unit.is_text and unit.heading:
                if self.gaps_separate_items and unit.first.gap_before and self.pending:
                    self._flush_pending(unit)
                self.pending.append(unit)
                continue
            self._flush_pending(unit)
            self._take(unit)
        self._flush_pending(None)
        self._finish()

    def _take(self, unit: Unit) -> None:
        story = self.current
        kind = unit.kind
        boundary = self.gaps_separate_items and unit.first.gap_before
        if kind is UnitKind.JUMP:
            self._start().jump = unit
        elif kind is UnitKind.TOC_HEAD:
            self._start().toc_head = unit
            self.in_toc = True
        elif kind is UnitKind.PHOTO_CREDIT and story is not None and story.has_body:
            self._photo_from_tail(story).byline = unit
        elif kind in (UnitKind.BYLINE, UnitKind.PHOTO_CREDIT):
            if story is None or story.has_body or story.byline is not None or boundary:
                story = self._start()
            story.byline = unit
            story.photo = kind is UnitKind.PHOTO_CREDIT
        elif kind is UnitKind.TRAILING_CREDIT:
            if story is None:
                self.furniture.append(unit)
                return
            story.byline = story.byline or unit
            story.closed = True
        else:
            if story is None or story.closed or (unit.dateline and story.has_body) or (boundary and story.has_body):
                story = self._start()
            story.body.append(unit)


def reflow_paragraph_lines(lines: list[Line]) -> tuple[list[Article], list[TracedText], Layout]:
    units = [_unit(line) for line in lines]
    gaps = sum(1 for line in lines[1:] if line.gap_before)
    assembler = ParagraphAssembler(units, gaps_separate_items=gaps < SPARSE_GAPS * max(1, len(lines) - 1))
    assembler.run()
    articles: list[Article] = []
    furniture_units = list(assembler.furniture)
    for story in assembler.stories:
        article, leftover = to_article(story)
        furniture_units.extend(leftover)
        if article.blocks or article.title or article.kicker:
            articles.append(article)
    furniture_units.sort(key=lambda u: u.first.start)
    return articles, [join_lines(u.lines) for u in furniture_units], Layout.TITLE_BEFORE
