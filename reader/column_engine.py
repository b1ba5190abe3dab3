"""Reflow a dump in which every printed column line is its own line.

Pipeline: split lines that hold two things (a title and the next byline, a
caption's end and its credit) -> classify special lines -> estimate the column
measure -> break column lines into paragraphs -> group photo captions ->
assemble articles, deciding for each group of heading lines whether it is the
headline of the story before it (headlines printed after the body), of the
story after it, or a subhead inside a story.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

from reader.columns import WIDE_MARGIN, calibrate_punctuation, estimate_measures, measures_differ
from reader.evidence import (
    CONT,
    HEAD,
    LineCues,
    PageCues,
    gap_evidence,
    gap_rates,
    label_run,
    loose_run_on,
    page_keeps_indents,
    stands_apart,
)
from reader.labels import title_under_label
from reader.leads import follows_long_lead
from reader.lines import Line
from reader.model import Article, Layout, TracedText
from reader.patterns import (
    BYLINE,
    EMBEDDED_CREDIT,
    PHOTO_CREDIT,
    TOC_ITEM,
    may_be_credit,
    opens_with_dateline,
)
from reader.splitting import split_trailing_credit
from reader.stories import Story, StoryCollector, furniture_text, settle_hollow, to_article
from reader.subheads import has_series_partner, heading_blocks, lone_heading, misread_first_line
from reader.units import Unit, UnitKind, classify

#: A measure change this large between two blocks means another story's column.
MEASURE_JUMP = 3.0
#: Lines either side of a heading compared to tell whether the column measure changes there.
COLUMN_SAMPLE = 12
#: At most this many lines make a heading block (subheads and titles are short).
MAX_HEADING_LINES = 2
#: A photo caption is rarely longer than this many paragraphs.
MAX_CAPTION_PARAGRAPHS = 3
#: Share of lines preceded by a blank line above which the dump is "gappy".
GAPPY_SHARE = 0.5


def split_compound_lines(lines: Iterable[Line]) -> list[Line]:
    """Split a line holding text followed by a credit ("…机制 本报记者 某某")."""
    out: list[Line] = []
    for whole in lines:
        if not whole.spaced:  # (no blank inside: no credit can follow a space in it)
            out.append(whole)
            continue
        if whole.text[-1] in "）)":
            parts = split_trailing_credit(whole)
            if len(parts) > 1:
                out.extend(parts)
                continue
        line = whole
        text = line.text
        if " " not in text or not may_be_credit(text) or BYLINE.match(text) or PHOTO_CREDIT.match(text):
            out.append(line)
            continue
        for match in EMBEDDED_CREDIT.finditer(line.text):
            rest = line.text[match.end() :]
            if match.start() > 0 and (BYLINE.match(rest) or PHOTO_CREDIT.match(rest)):
                out.append(line.sub(0, match.start()))
                tail = line.sub(match.end(), len(line.text))
                tail.gap_before = False
                out.append(tail)
                break
        else:
            out.append(line)
    return out


def is_gappy(lines: list[Line]) -> bool:
    """Body lines are separated by blank lines (then gap-less runs are other blocks)."""
    return sum([line.gap_before for line in lines[1:]]) > GAPPY_SHARE * max(1, len(lines) - 1)


def _opens_with_dateline(line: Line) -> bool:
    """A dateline opens the line; a letter-spaced line is read with its spacing taken out."""
    return opens_with_dateline("".join(line.text.split()) if line.letter_spaced else line.text)


def _line_facts(lines: list[Line], gappy: bool) -> tuple[list[UnitKind], list[bool], list[int]]:
    """Each line's kind, whether a dateline opens it, and its measure segment, in one pass.

    A segment ends at every special line and dateline, and in a gappy dump where a
    gap-less block begins or ends (the measure is estimated within segments).
    """
    text_kind = UnitKind.TEXT
    n = len(lines)
    kinds: list[UnitKind] = []
    datelines: list[bool] = []
    segment_ids: list[int] = []
    seg = 0
    was_tight = False
    for i, line in enumerate(lines):
        kind = classify(line)
        # (One call, not two, for the common line that is not letter-spaced; none for a line
        # holding no dateline character.)
        dateline = (
            kind is text_kind
            and line.may_open_dateline
            and (_opens_with_dateline(line) if line.letter_spaced else opens_with_dateline(line.text))
        )
        block_edge = False
        if gappy:  # a line with no blank line before or after it is part of a gap-less block
            tight = not line.gap_before or (i + 1 < n and not lines[i + 1].gap_before)
            block_edge = i > 0 and tight != was_tight
            was_tight = tight
        if kind is not text_kind or dateline or block_edge:
            seg += 1
        kinds.append(kind)
        datelines.append(dateline)
        segment_ids.append(seg)
        if kind is not text_kind:
            seg += 1
    return kinds, datelines, segment_ids


def build_units(lines: list[Line], gappy: bool | None = None) -> list[Unit]:
    """Group lines into units: paragraphs of column lines, and special lines.

    ``gappy`` is :func:`is_gappy` of the lines, when the caller has it already.
    """
    text_kind = UnitKind.TEXT
    kinds, datelines, segment_ids = _line_facts(lines, is_gappy(lines) if gappy is None else gappy)
    measures = estimate_measures(lines, segment_ids)
    text_lines = [line for line, kind in zip(lines, kinds, strict=True) if kind is text_kind]
    all_cues = [
        LineCues(line, measure, dateline) if kind is text_kind else None
        for line, kind, measure, dateline in zip(lines, kinds, measures, datelines, strict=True)
    ]
    page = PageCues(page_keeps_indents(text_lines), loose_run_on([c for c in all_cues if c is not None]))
    rates = gap_rates(lines)
    gaps = gap_evidence(lines, rates)
    units: list[Unit] = []
    n = len(lines)
    i = 0
    while i < n:
        if kinds[i] is not UnitKind.TEXT:
            units.append(Unit(kinds[i], [lines[i]], measures[i]))
            i += 1
            continue
        j = i
        while j < n and kinds[j] is UnitKind.TEXT:
            j += 1
        labels, confidences = label_run(all_cues[i:j], page, [0.0, *gaps[i + 1 : j]])
        current = units[-1].lines if units else []  # the lines of the unit a run-on line joins
        for k, label in enumerate(labels, i):
            if label == CONT:
                current.append(lines[k])
                continue
            current = [lines[k]]
            confidence = confidences[k - i]
            units.append(
                Unit(
                    text_kind,
                    current,
                    measures[k],
                    dateline=datelines[k],
                    heading=label == HEAD,
                    confidence=confidence,
                    set_apart=stands_apart(lines, k, rates[k]),
                )
            )
        i = j
    units = _split_toc_items(title_under_label(units))
    for unit in units:
        if unit.kind is text_kind and not unit.toc_item:
            limit = unit.measure + WIDE_MARGIN
            for line in unit.lines:  # (columns.is_wide written out: a loop over every text line)
                if line.width > limit and not line.letter_spaced:
                    unit.wide = True
                    break
            unit.heading = unit.heading and not unit.dateline
    return units


def _split_toc_items(units: list[Unit]) -> list[Unit]:
    """After a table-of-contents head, each item line ("- 题目……作者") is a unit of its own."""
    out: list[Unit] = []
    in_toc = False
    for unit in units:
        if unit.kind is UnitKind.TOC_HEAD:
            in_toc = True
            out.append(unit)
            continue
        if in_toc and unit.is_text:
            items = [line for line in unit.lines if TOC_ITEM.search(line.text)]
            if len(items) == len(unit.lines):
                out.extend(Unit(UnitKind.TEXT, [line], unit.measure, toc_item=True) for line in unit.lines)
                continue
        in_toc = False
        out.append(unit)
    return out


def merge_stacked_headings(units: list[Unit], gappy: bool) -> list[Unit]:
    """In a gappy dump, heading lines with no blank line between them are one block."""
    if not gappy:
        return units
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.heading
            and unit.heading
            and len(prev.lines) == 1
            and len(unit.lines) == 1
            and not unit.first.gap_before
            and prev.text[-1] not in "”’）》」』—"
            and len(unit.text) < len(prev.text)
        ):
            prev.lines.extend(unit.lines)
            continue
        out.append(unit)
    return out


def _gapless(unit: Unit) -> bool:
    """All lines of the unit follow each other with no blank line between."""
    return all(not line.gap_before for line in unit.lines[1:])


def mark_captions(units: list[Unit], gappy: bool) -> None:
    """Mark the paragraphs printed as the caption of each photo credit.

    In a dump whose body lines are separated by blank lines, a caption is set
    as a separate block: its lines follow each other with no blank line, so the
    caption is the run of gap-less paragraphs just before the credit. Elsewhere
    at most two paragraphs before the credit are taken.
    """
    for k, unit in enumerate(units):
        if unit.kind is not UnitKind.PHOTO_CREDIT:
            continue
        taken = 0
        j = k - 1
        while j >= 0 and units[j].is_body and not units[j].dateline and taken < MAX_CAPTION_PARAGRAPHS:
            candidate = units[j]
            if gappy and not (_gapless(candidate) and (len(candidate.lines) > 1 or not units[j + 1].first.gap_before)):
                break
            candidate.caption = True
            taken += 1
            if not gappy and taken >= 2:
                break
            j -= 1


class ColumnAssembler(StoryCollector):
    """Walks the units once and builds articles and furniture."""

    def __init__(self, units: list[Unit], title_before: bool = False) -> None:
        super().__init__()
        self.units = units
        self.title_before = title_before
        self.pending: list[Unit] = []  # heading units awaiting a decision
        self.carried: list[Line] = []  # a paragraph's first line misread as a heading, for the next unit

    def _story(self) -> Story:
        return self.current if self.current is not None else self.start()

    # -- heading groups ----------------------------------------------------
    def _settle_pending(self, upcoming: Unit | None) -> None:
        pending, self.pending = self.pending, []
        if not pending:
            return
        story = self.current
        starts_story = upcoming is None or _starts_story(upcoming)
        if story is not None and story.toc_head is not None:
            # A table of contents takes no headline: these open the next story.
            self.finish()
            self.headline_for_next = pending
            return
        if story is None or (not story.has_body and not story.closed):
            # Nothing printed yet for a story: headline printed before its body.
            if story is not None and not story.headline and (story.byline or story.jump):
                story.headline = pending
                story.headline_before = True
            else:
                self.headline_for_next = pending
            return
        measure_jump = (
            upcoming is not None
            and upcoming.is_text
            and story.body
            and (abs(upcoming.measure - story.body[-1].measure) >= MEASURE_JUMP or self._column_changes(story))
            # A heading with partners of its length in the stretch is one of a series of subheads:
            # justified lines scatter too much for a few of them to outweigh that.
            and not has_series_partner(pending, story.body, self.units, self.position)
        )
        # Subheads stand one at a time between paragraphs; stacked heading blocks,
        # or one set wider than the column, are a headline.
        blocks = heading_blocks(pending)
        # A heading set off by a blank line where the text around has none is spaced as a
        # story's head, not as a subhead inside one.
        headline_shape = blocks >= 2 or any(u.wide for u in pending) or pending[0].set_apart
        # Subheads come in series: a lone heading between paragraphs heads a story of its own.
        headline_shape = headline_shape or (
            upcoming is not None
            and upcoming.is_body
            and (
                lone_heading(pending, story.body, self.units, self.position)
                or follows_long_lead(pending, story.body, self.units, self.position)
            )
        )
        opens_story = story.closed or starts_story or headline_shape or measure_jump
        if self.title_before and upcoming is not None and opens_story:
            # Headlines printed before their body: these open the next story.
            self.finish()
            self.headline_for_next = pending
            return
        if story.closed or starts_story or measure_jump or headline_shape:
            if story.headline:
                self.furniture.extend(pending)
            else:
                story.headline = pending
            self.finish()
            return
        if misread_first_line(pending, story.body, self.units, self.position):
            # Not a subhead but the first line of the paragraph after it: it opens that paragraph.
            self.carried = [line for unit in pending for line in unit.lines]
            return
        if len(pending) > 1 and blocks == 1:
            # One heading wrapped at the measure: one subhead, not one per line.
            pending = [replace(pending[0], lines=[line for unit in pending for line in unit.lines])]
        for unit in pending:
            story.body.append(unit)

    def _column_changes(self, story: Story) -> bool:
        """The full lines before and after the heading are set to different measures.

        A subhead stands inside its story's column; a story after the heading that is
        set in a column of another width is another story.
        """
        body_lines = (line for unit in reversed(story.body) if not unit.heading for line in reversed(unit.lines))
        before = list(islice(body_lines, COLUMN_SAMPLE))  # only the last few are compared
        after: list[Line] = []
        units = self.units
        for k in range(self.position, len(units)):  # (no copy of the rest of the page)
            unit = units[k]
            if not unit.is_text or unit.heading or len(after) >= COLUMN_SAMPLE:
                break
            after.extend(unit.lines)
        return measures_differ(before[:COLUMN_SAMPLE], after[:COLUMN_SAMPLE])

    # -- main walk ---------------------------------------------------------
    def run(self) -> None:
        for unit in self.story_units(self.units):
            if unit.toc_item and self.current is not None and self.current.toc_head is not None:
                self.current.body.append(unit)
                continue
            if unit.is_text and unit.heading and not unit.caption:
                self.pending.append(unit)
                continue
            self.take_in_turn(unit)
        self.end_page()

    def _photo_from_tail(self, story: Story) -> Story:
        """A photo credit closes its caption: a heading and the few paragraphs after it.

        When the story's last heading (read as a subhead) is followed by no more
        than a caption's paragraphs, that heading titles a photo of its own.
        """
        body = story.body
        last_heading = next((k for k in range(len(body) - 1, -1, -1) if body[k].heading), None)
        if last_heading is None or last_heading == 0 or len(body) - last_heading - 1 > MAX_CAPTION_PARAGRAPHS:
            return story
        if any(u.dateline for u in body[last_heading + 1 :]) or len(body) - last_heading - 1 == 0:
            return story
        moved = body[last_heading:]
        del body[last_heading:]
        self.finish()
        photo = self.start()
        photo.headline = moved[:1]
        photo.headline_before = True
        photo.body = moved[1:]
        return photo

    def _take(self, unit: Unit) -> None:
        if self.carried:
            unit = replace(unit, lines=[*self.carried, *unit.lines])  # units are shared by both readings
            self.carried = []
        kind = unit.kind
        story = self.current
        if kind is UnitKind.JUMP:
            self.start().jump = unit
        elif kind is UnitKind.BYLINE:
            if story is not None and not story.has_body and story.byline is None and not story.closed:
                story.byline = unit
            else:
                self.start().byline = unit
        elif kind is UnitKind.TRAILING_CREDIT:
            if story is None:
                story = self.start()
            story.add_credit(unit)
            story.closed = True
        elif kind is UnitKind.PHOTO_CREDIT:
            story = self._photo_from_tail(self._story())
            story.add_credit(unit)
            story.photo = True
            story.closed = True
        elif kind is UnitKind.TOC_HEAD:
            story = self.start()
            story.toc_head = unit
            story.closed = True
        elif unit.caption:
            if story is None or not (story.photo and not story.closed and story.has_body):
                story = self.start()
                story.photo = True
            story.body.append(unit)
        elif unit.dateline:
            if story is None or story.has_body or story.closed:
                story = self.start()
            story.body.append(unit)
        else:
            if story is None or story.closed:
                story = self.start()
            story.body.append(unit)


def _starts_story(unit: Unit) -> bool:
    return unit.kind in (UnitKind.JUMP, UnitKind.BYLINE, UnitKind.TOC_HEAD) or unit.dateline or unit.caption


def _headless_bodies(stories: list[Story]) -> int:
    """Stories with a body but no headline (a jump line excuses it: the headline is on another page)."""
    return sum(1 for st in stories if st.has_body and not st.headline and st.jump is None and st.toc_head is None)


def assemble(units: list[Unit]) -> ColumnAssembler:
    """Read the page both ways (headlines after / before their body) and keep the better reading.

    The better reading leaves fewer bodies without a headline; on a tie the
    common layout of these dumps, headlines after the body, wins. So only where
    the first reading leaves a body headless is the second one read (a page whose
    first story has no headline, each headline taken by the story before it, reads
    with none out of place only the other way).
    """
    after = ColumnAssembler(units)
    after.run()
    headless = _headless_bodies(after.stories)
    if not headless:
        return after
    before = ColumnAssembler(units, title_before=True)
    before.run()
    return before if _headless_bodies(before.stories) < headless else after


def reflow_columns(lines: list[Line]) -> tuple[list[Article], list[TracedText], Layout]:
    lines = split_compound_lines(lines)
    calibrate_punctuation(lines)
    gappy = is_gappy(lines)
    units = merge_stacked_headings(build_units(lines, gappy), gappy)
    mark_captions(units, gappy)
    assembler = assemble(units)
    articles: list[Article] = []
    furniture_units = list(assembler.furniture)
    before = after = 0
    for story in settle_hollow(assembler.stories, furniture_units):
        article, leftover = to_article(story)
        furniture_units.extend(leftover)
        articles.append(article)
        if story.headline:
            if story.headline_before:
                before += 1
            else:
                after += 1
    furniture_units.sort(key=lambda u: u.first.start)
    furniture = [furniture_text(u) for u in furniture_units]
    if before and after:
        layout = Layout.MIXED
    elif before:
        layout = Layout.TITLE_BEFORE
    else:
        layout = Layout.TITLE_AFTER
    return articles, furniture, layout
