"""A series of subheads follows a short lead: a heading after a long unbroken body opens a story.

Papers open a story that carries subheads with a lead of a paragraph or few, then
set the subheads through the rest of the body, each over a section of its own. So
a heading whose series partners all stand after it, read as the first subhead of a
series, implies that the body before it was that story's lead. When that body runs
to more paragraphs than a lead holds, and to more than the section after the
heading, the heading is not a first subhead: it is the headline of the next story,
whose own subheads are the partners found after it. (A body too long to have been
set without subheads is left alone: its own subheads went unseen.)
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.columns import ends_sentence
from reader.openings import opens_with_word_end
from reader.subheads import reads_as_whole_heading
from reader.units import Unit

#: A lead runs to at most this many paragraphs before the first subhead of a series.
LEAD_MAX_PARAGRAPHS = 3
#: A story set without subheads rarely runs past this many paragraphs: a longer body with no
#: heading in it has lost its subheads to the reading, and a heading after it is one of them.
PLAIN_BODY_MAX_PARAGRAPHS = 8
#: How far ahead the section after the heading is counted (units).
SECTION_REACH = 60


def paragraphs_since_heading(body: Sequence[Unit]) -> int:
    """Body paragraphs read since the story's last heading (or its start)."""
    count = 0
    for unit in reversed(body):
        if not unit.is_body:
            break
        count += 1
    return count


def section_after(units: Sequence[Unit], start: int) -> int:
    """Paragraphs from ``start`` up to the next heading or special line."""
    count = 0
    for unit in units[start : start + SECTION_REACH]:
        if not unit.is_body or unit.caption:
            break
        count += 1
    return count


def follows_long_lead(heading: Sequence[Unit], body: Sequence[Unit], units: Sequence[Unit], after: int) -> bool:
    """The body before a heading is too long for a lead and longer than the section after it.

    ``body`` is the story read so far (it must hold no heading: a subhead before
    this one makes it a later member of a series, not the first), ``units[after:]``
    what follows the heading. A heading that does not read as a whole phrase, after a
    paragraph that stops mid-sentence, or before a line opening with the end of a word
    cut at the line before, is a body line misread: left alone.
    """
    if not body or any(unit.heading for unit in body) or not ends_sentence(body[-1].text):
        return False
    next_line = "".join(units[after].first.text.split())  # (a letter-spaced line read solid)
    if opens_with_word_end(next_line) or not reads_as_whole_heading("".join(u.text for u in heading)):
        return False
    lead = paragraphs_since_heading(body)
    if not LEAD_MAX_PARAGRAPHS < lead <= PLAIN_BODY_MAX_PARAGRAPHS:
        return False
    return lead > section_after(units, after)
