"""Tell a subhead from the headline of a story that has no marker, by the series it belongs to.

Papers set subheads as a series: two to four (mostly three) short headings of much
the same length, spread through one long story's body. A story never carries a
single subhead. So a heading standing alone between two paragraphs, with no other
heading of its length anywhere in the stretch of body around it (up to the next
byline, dateline, credit, jump line or stacked headline), and after a paragraph
that closes its sentence, is the headline of a story that carries no byline or
credit of its own, not a subhead. Two guards keep a paragraph's first line that the
line labelling misread as a heading out: a heading holding a mark of running text
(a comma inside it) is left alone, and so is one whose next line fills the measure
(the line after a headline opens a paragraph, set two em in).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.charclass import DASHES
from reader.columns import WIDE_MARGIN, ends_sentence
from reader.evidence import FIRST_SHAPE_FROM, INDENT_EM
from reader.lines import Line
from reader.units import Unit, UnitKind

Units = Sequence[Unit]
#: Counts the separate heading blocks in a group of heading units.
Blocks = Callable[[list[Unit]], int]

#: Subheads of one series differ in length by at most this many characters.
SERIES_LENGTH_SPREAD = 3
#: Marks of running text: a heading that holds one may be a paragraph's first line misread.
_RUNNING_MARKS = frozenset("，、；,;")
#: Quote and bracket pairs a whole heading closes as it opens them.
_PAIRED_MARKS = ("“”", "‘’", "《》", "（）", "「」")
#: A headline has at least this many letters or ideographs.
MIN_HEADLINE_CHARS = 2
#: A photo's caption runs to at most this many paragraphs between its title and its credit.
MAX_CAPTION_PARAGRAPHS = 3
#: How many units after a heading are searched for the rest of its series.
SERIES_REACH = 60


#: A heading line this close to the measure (em) filled the column: the next heading line continues it.
FILLED_HEADING = 1.0


#: A heading line this short after another is the end of that heading wrapped at the measure:
#: no kicker, title or subtitle is one or two characters long.
HEADING_TAIL = 2


def fills_measure(line: Line, measure: float) -> bool:
    """A heading line set solid to the full measure, as the first line of a wrapped subhead is.

    Justified body lines hold measure -4 to +1 characters, so the measure read from
    them may fall short of a line set solid: a line up to the width of a wide headline
    above it still filled its column.
    """
    return -WIDE_MARGIN <= measure - line.width < FILLED_HEADING


def heading_blocks(pending: list[Unit]) -> int:
    """How many separate heading blocks are stacked here (kicker, title, subtitle).

    A heading that filled its column and runs on in a shorter line is one block
    wrapped at the measure (a long subhead in a narrow column), not two.
    """
    blocks = 0
    previous: tuple[Line, float] | None = None
    for unit in pending:
        for k, line in enumerate(unit.lines):
            separate = k == 0 or line.gap_before
            if previous is not None and separate:
                before, measure = previous
                separate = (before.letter_spaced or not fills_measure(before, measure)) and (
                    len(line.text) > HEADING_TAIL
                )
            blocks += 1 if separate else 0
            previous = (line, unit.measure)
    return blocks


def _opens_elsewhere(unit: Unit) -> bool:
    """A unit that marks a story's edge: no series runs across it."""
    return not unit.is_text or unit.dateline or unit.caption or (unit.heading and (unit.wide or unit.set_apart))


def headings_after(
    units: Sequence[Unit], start: int, blocks: Callable[[list[Unit]], int] = heading_blocks
) -> list[int]:
    """Lengths of the one-unit headings between paragraphs after ``start``, up to a story's edge."""
    lengths: list[int] = []
    group: list[Unit] = []
    since_heading = 0  # paragraphs after the last heading counted
    for unit in units[start : start + SERIES_REACH]:
        if _opens_elsewhere(unit):
            if lengths and unit.kind is UnitKind.PHOTO_CREDIT and since_heading <= MAX_CAPTION_PARAGRAPHS:
                lengths.pop()  # that heading and its few lines were a photo's title and caption
            break
        if unit.heading:
            group.append(unit)
            continue
        if group and blocks(group) > 1:
            break  # stacked headings: another story's headline
        if group:
            lengths.append(sum(len(u.text) for u in group))
            since_heading = 0
        since_heading += 1
        group = []
    return lengths


def headings_before(body: Sequence[Unit]) -> list[int]:
    """Lengths of the headings already read as subheads in the story so far."""
    return [len(unit.text) for unit in body if unit.is_text and unit.heading]


def opens_paragraph(unit: Unit) -> bool:
    """The unit's first line may open a paragraph, as the line after a headline does.

    A first line is set two em in (or holds two characters fewer where the dump
    lost the indent); a line that fills the measure with more lines after it runs
    on from the line before, so the heading before it was a body line misread.
    """
    if len(unit.lines) < 2 or unit.dateline:
        return True
    first = unit.first
    return first.indent >= INDENT_EM or (unit.measure - first.width >= FIRST_SHAPE_FROM and not first.letter_spaced)


def leaves_pair_open(text: str) -> bool:
    """The text opens a quote or bracket more often than it closes it: the phrase goes on."""
    return any(text.count(opener) > text.count(closer) for opener, closer in _PAIRED_MARKS)


def reads_as_whole_heading(text: str) -> bool:
    """The text can stand alone as a headline: a whole phrase, not a piece of a sentence.

    A headline holds no mark of running text (a comma inside it says a sentence was
    cut), closes every quote and bracket it opens, does not end in a dash (a dash at
    a line end leads on to the next line, as a kicker's does to its title) and has
    at least a word in it.
    """
    if _RUNNING_MARKS.intersection(text) or text[-1] in DASHES:
        return False
    if any(text.count(opener) != text.count(closer) for opener, closer in _PAIRED_MARKS):
        return False  # (the same count as leaves_pair_open, either way round)
    return sum(ch.isalnum() for ch in text) >= MIN_HEADLINE_CHARS


def series_partner(heading: Units, body: Units, units: Units, after: int, blocks: Blocks = heading_blocks) -> bool:
    """Another heading of this one's length stands in its stretch of body, as in a series of subheads.

    ``body`` is the story read so far, ``units[after:]`` what follows the heading;
    ``blocks`` counts the separate heading blocks in a group of heading units.
    """
    length = sum(len(unit.text) for unit in heading)
    partners = headings_before(body) + headings_after(units, after, blocks)
    return any(abs(length - other) <= SERIES_LENGTH_SPREAD for other in partners)


def lone_heading(heading: Units, body: Units, units: Units, after: int, blocks: Blocks = heading_blocks) -> bool:
    """A heading between paragraphs with no series partner, after a closed sentence: a story's headline.

    A heading after a paragraph that stops mid-sentence, or before a line that runs
    on, or that does not read as a whole phrase, is left alone (a body line misread
    as a heading, not a story's edge).
    """
    if not body:
        return False
    last = body[-1]
    if not last.is_body or not ends_sentence(last.text) or not opens_paragraph(units[after]):
        return False
    if not reads_as_whole_heading("".join(unit.text for unit in heading)):
        return False
    return not series_partner(heading, body, units, after, blocks)


def misread_first_line(heading: Sequence[Unit], body: Sequence[Unit], units: Sequence[Unit], after: int) -> bool:
    """A heading kept inside a story that is the first line of the paragraph after it.

    A subhead reads as a whole phrase; one that does not (an unclosed quote, a
    comma inside) and has no partner of its length in the stretch, as every
    subhead of a series has, is the opening line of a paragraph that the line
    labelling took for a heading.
    """
    upcoming = units[after] if after < len(units) else None
    if upcoming is None or not upcoming.is_body or upcoming.dateline or heading_blocks(list(heading)) != 1:
        return False
    text = "".join(unit.text for unit in heading)
    if reads_as_whole_heading(text):
        return False
    # A quote or bracket left open runs on into the next line: no subhead of a series does that.
    return leaves_pair_open(text) or not series_partner(heading, body, units, after)


def has_series_partner(heading: Sequence[Unit], body: Sequence[Unit], units: Sequence[Unit], after: int) -> bool:
    """A one-block heading with another of its length in its stretch of body: a series member.

    A change of column measure across such a heading is not believed: justified
    lines scatter too much for a few of them to outweigh a series.
    """
    return heading_blocks(list(heading)) == 1 and series_partner(heading, body, units, after)
