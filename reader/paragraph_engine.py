"""Reflow a dump with one paragraph per line (the second extractor).

Here the extractor already joined each paragraph, so the work is structure:
headlines stand BEFORE their body (kicker, title, subtitle, then byline),
subheads are short unpunctuated lines between paragraphs, a blank line (rare
in such dumps) separates items, and table-of-contents boxes list "- " items.
"""

from __future__ import annotations

from reader.leads import follows_long_lead
from reader.lines import Line
from reader.model import Article, Layout, TracedText
from reader.patterns import (
    TOC_ITEM,
    opens_with_dateline,
)
from reader.splitting import HOLDS_ITEM, SECTION_LABEL, split_toc_line, split_trailing_credit
from reader.stories import Story, StoryCollector, furniture_text, settle_hollow, to_article
from reader.subheads import lone_heading
from reader.units import Unit, UnitKind, classify_line, ends_with_terminal, is_subtitle_text

#: A heading line is rarely longer than this many characters.
MAX_HEADING_CHARS = 48
#: A photo caption is rarely longer than this many paragraphs.
MAX_CAPTION_PARAGRAPHS = 3
#: Below this share of lines after a blank line, a blank line separates items.
SPARSE_GAPS = 0.3


def _unit(line: Line) -> Unit:
    kind = classify_line(line.text)
    unit = Unit(kind, [line], line.width)
    if kind is UnitKind.TEXT:
        unit.dateline = opens_with_dateline(line.text)
        unit.heading = not unit.dateline and not ends_with_terminal(line.text) and len(line.text) <= MAX_HEADING_CHARS
    return unit


class ParagraphAssembler(StoryCollector):
    """Headlines first: heading lines wait until the text after them shows what they are."""

    def __init__(self, units: list[Unit], gaps_separate_items: bool) -> None:
        super().__init__()
        self.units = units
        self.gaps_separate_items = gaps_separate_items
        self.pending: list[Unit] = []
        self.in_toc = False

    def _settle_pending(self, upcoming: Unit | None) -> None:
        """Decide whether waiting heading lines open a new story or are subheads."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        story = self.current
        if upcoming is None:
            if story is not None and story.has_body and len(pending) == 1 and not story.closed:
                self.furniture.extend(pending)  # a stray label after the last story
            else:
                self.start(pending)
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
            or (upcoming.is_body and lone_heading(pending, story.body, self.units, self.position, len))
            or (upcoming.is_body and follows_long_lead(pending, story.body, self.units, self.position))
        )
        if not new_story:
            story.body.extend(pending)
        elif story is not None and not story.has_body and not story.headline and not story.closed and story.jump:
            story.headline = pending
            story.headline_before = True
        else:
            self.start(pending)

    def _photo_from_tail(self, story: Story) -> Story:
        """A photo credit closes a caption: the paragraph just before it, with its label.

        When the story holds more than that caption (its title line set as a
        subhead of the story before), the caption moves to a photo story of its own.
        """
        body = story.body
        if (
            story.headline
            and story.byline is None
            and len(body) <= MAX_CAPTION_PARAGRAPHS
            and not any(u.dateline or u.heading for u in body)
        ):
            # Headline and a few paragraphs with no byline or dateline, closed by a photo
            # credit: the whole story is a photo and its caption.
            story.photo = True
            story.closed = True
            return story
        caption_start = len(body) - 1
        if caption_start > 0 and body[caption_start - 1].heading:
            caption_start -= 1
        if caption_start > 0 or (caption_start == 0 and story.headline and not body[0].heading and len(body) > 1):
            moved = body[caption_start:]
            del body[caption_start:]
            headline = [u for u in moved if u.heading][:1]
            photo = self.start(headline)
            photo.body = [u for u in moved if not u.heading]
        else:
            photo = story
        photo.photo = True
        photo.closed = True
        return photo

    def run(self) -> None:
        for unit in self.story_units(self.units):
            if self.in_toc and unit.toc_item:
                unit.heading = False
                self.current.body.append(unit)
                continue
            if self.in_toc and self.current is not None:
                self.current.closed = True  # the box ends where its items end
            self.in_toc = False
            if unit.is_text and unit.heading:
                if self.gaps_separate_items and unit.first.gap_before and self.pending:
                    self._settle_pending(unit)
                self.pending.append(unit)
                continue
            self.take_in_turn(unit)
        self.end_page()

    def _take(self, unit: Unit) -> None:
        story = self.current
        kind = unit.kind
        boundary = self.gaps_separate_items and unit.first.gap_before
        if kind is UnitKind.JUMP:
            self.start().jump = unit
        elif kind is UnitKind.TOC_HEAD:
            self.start().toc_head = unit
            self.in_toc = True
        elif kind is UnitKind.PHOTO_CREDIT and story is not None and story.has_body:
            self._photo_from_tail(story).add_credit(unit)
        elif kind in (UnitKind.BYLINE, UnitKind.PHOTO_CREDIT):
            if story is None or story.has_body or story.byline is not None or boundary:
                story = self.start()
            story.add_credit(unit)
            story.photo = kind is UnitKind.PHOTO_CREDIT
        elif kind is UnitKind.TRAILING_CREDIT:
            if story is None:
                self.furniture.append(unit)
                return
            story.add_credit(unit)
            story.closed = True
        else:
            if story is None or story.closed or (unit.dateline and story.has_body) or (boundary and story.has_body):
                story = self.start()
            story.body.append(unit)


def _is_toc_item(text: str) -> bool:
    return bool(TOC_ITEM.search(text) or HOLDS_ITEM.search(text))


def _is_toc_line(lines: list[Line], i: int) -> bool:
    """An item line of a contents box, or a section line that items follow."""
    text = lines[i].text
    if classify_line(text) is not UnitKind.TEXT:
        return False
    if _is_toc_item(text):
        return True
    return bool(SECTION_LABEL.match(text)) and i + 1 < len(lines) and _is_toc_item(lines[i + 1].text)


def build_units(lines: list[Line]) -> list[Unit]:
    """One unit a line, after splitting foot credits off body lines and contents boxes into items."""
    units: list[Unit] = []
    in_toc = False
    for i, raw_line in enumerate(lines):
        for line in split_trailing_credit(raw_line):
            if in_toc and _is_toc_line(lines, i):
                for item in split_toc_line(line):
                    unit = Unit(UnitKind.TEXT, [item], item.width, toc_item=True)
                    units.append(unit)
                continue
            unit = _unit(line)
            in_toc = unit.kind is UnitKind.TOC_HEAD
            units.append(unit)
    return units


def reflow_paragraph_lines(lines: list[Line]) -> tuple[list[Article], list[TracedText], Layout]:
    units = build_units(lines)
    gaps = sum(1 for line in lines[1:] if line.gap_before)
    assembler = ParagraphAssembler(units, gaps_separate_items=gaps < SPARSE_GAPS * max(1, len(lines) - 1))
    assembler.run()
    articles: list[Article] = []
    furniture_units = list(assembler.furniture)
    for story in settle_hollow(assembler.stories, furniture_units):
        article, leftover = to_article(story)
        furniture_units.extend(leftover)
        articles.append(article)
    furniture_units.sort(key=lambda u: u.first.start)
    return articles, [furniture_text(u) for u in furniture_units], Layout.TITLE_BEFORE
