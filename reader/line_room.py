"""The room a column line leaves before the measure, and what fills it on the next line.

A paragraph's first line that runs on fills the measure less its indent: the measure
broke it where the next character no longer fitted. Room beyond that (and beyond a
little justification) is evidence that the line did not run on: it is a heading, or a
whole paragraph without closing punctuation. The measure moves a character down
together with the marks that may not open a line after it, so room as wide as the next
line's opening unit is no such evidence. The weights are used by reader/evidence.py.
"""

from __future__ import annotations

from reader.charclass import DASHES
from reader.columns import INDENT

#: A paragraph's first line that runs on fills the measure less its indent: the measure broke
#: it where the next character no longer fitted. Each em it falls shorter still (beyond a
#: little justification) is room the next character would have taken: evidence, growing with
#: the room, that the line opened no paragraph running on (it is a heading, or a whole paragraph).
FIRST_LINE_SLACK = -0.5
FIRST_LINESLACK_FROM = 1.0
FIRST_LINE_SLACK_CAP = 4.0


#: Below this shortfall (em) a line ending mid-word leaves no room unexplained by an indent.
SLACK_FROM = INDENT + FIRST_LINESLACK_FROM


def first_line_slack(short: float) -> float:
    """Log-odds against a first line running on, ``short`` em short of the measure (mid-sentence).

    An indent explains two em, justification about an em more; the rest, up to
    FIRST_LINE_SLACK_CAP em, is room the next line's first character would have filled.
    """
    return FIRST_LINE_SLACK * min(short - SLACK_FROM, FIRST_LINE_SLACK_CAP) if short > SLACK_FROM else 0.0


#: Marks that may not open a line: they stay with the character before them, which moves down with them.
NO_LINE_START = frozenset("，。、；：！？”’）》」』…") | DASHES


def opening_unit_excess(text: str) -> float:
    """How much wider than one character (em) the unit that opens the line is.

    The measure moves a character down together with the marks that may not open a line
    after it ("展——"), and a run of Latin letters or digits whole: a line before falls
    short by the whole unit's width, not one character's, and still ran on.
    """
    if text[0].isascii() and text[0].isalnum():
        k = 1
        while k < len(text) and text[k].isascii() and text[k].isalnum():
            k += 1
        return max(0.0, 0.5 * k - 1.0)
    width = 0.0
    for ch in text[1:]:
        if ch not in NO_LINE_START:
            break
        width += 1.0 if ch in DASHES else 0.5
    return width


def lead_refund(room: float, lead: float) -> float:
    """The part of a first line's slack evidence that the next line's opening unit explains."""
    cap = FIRST_LINE_SLACK_CAP
    return FIRST_LINE_SLACK * (min(max(room - lead, 0.0), cap) - min(room, cap))
