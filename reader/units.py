"""Units: the pieces a page is made of once lines are grouped.

A unit is either a run of column lines forming one paragraph-like block, or a
single special line (byline, credit, jump line, furniture). Article assembly
works on units, never on raw lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from reader.charclass import CLOSERS, TERMINAL
from reader.lines import Line
from reader.patterns import (
    BYLINE,
    CREDIT_HINTS,
    EDITORIAL_LABEL,
    FURNITURE_HINTS,
    JUMP_FROM,
    PHOTO_CREDIT,
    TOC_HEAD,
    TRAILING_CREDIT,
    is_furniture,
    may_be_credit,
)

#: A table-of-contents head ("《…》…要目") is a short line.
MAX_TOC_HEAD_CHARS = 40
#: How a contents head ends (the cheap test before the pattern).
TOC_HEAD_ENDINGS = ("要目", "目录", "本期导读")


class UnitKind(Enum):
    TEXT = "text"
    FURNITURE = "furniture"
    JUMP = "jump"
    BYLINE = "byline"
    PHOTO_CREDIT = "photo_credit"
    TRAILING_CREDIT = "trailing_credit"
    TOC_HEAD = "toc_head"


@dataclass(slots=True)
class Unit:
    kind: UnitKind
    lines: list[Line]
    measure: float = 0.0
    dateline: bool = False
    heading: bool = False
    wide: bool = False
    caption: bool = False
    toc_item: bool = False
    #: A blank line sets the unit off in a stretch that has few (see reader.evidence.stands_apart).
    set_apart: bool = False
    #: Probability that the boundary before this unit is right (see reader.evidence).
    confidence: float = 1.0

    @property
    def text(self) -> str:
        return "".join([line.text for line in self.lines])  # (a list joins faster than a generator)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    #: ``kind is UnitKind.TEXT`` (a unit's kind never changes): a field, read far more often than units are made.
    is_text: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_text = self.kind is UnitKind.TEXT

    @property
    def is_body(self) -> bool:
        return self.is_text and not self.heading


def ends_with_terminal(text: str) -> bool:
    """Ends a sentence, looking through closing quotes and brackets."""
    i = len(text) - 1
    while i >= 0 and text[i] in CLOSERS:
        i -= 1
    if i > 0 and text[i] == ".":
        return not text[i - 1].isdigit()  # "…结束." but not "3."
    return i >= 0 and text[i] in TERMINAL


def is_kicker_text(text: str) -> bool:
    """A kicker (引题) traditionally ends with a dash leading into the title."""
    return text.endswith(("——", "—", "--"))


def is_subtitle_text(text: str) -> bool:
    """A subtitle (副题) traditionally opens with a dash."""
    return text.startswith(("——", "—", "--"))


#: Every special line holds one of these (or is three characters or fewer, or opens with a
#: bracket or 第): the furniture hints of ``is_furniture`` and the credit hints of ``may_be_credit``.
_MAYBE_SPECIAL = re.compile("|".join(FURNITURE_HINTS) + "|" + CREDIT_HINTS.pattern)


def classify_line(text: str) -> UnitKind:
    """What kind of unit a single dump line is, by its shape alone (both extractors)."""
    if len(text) > 3 and text[:1] not in "（(第" and _MAYBE_SPECIAL.search(text) is None:
        # Most body lines: no jump line, furniture or credit can hold none of those (one search
        # instead of every test of ``classify_by_tests``); only a contents head is left to rule out
        # (by its ending first, without a call: few lines end as a contents head does).
        return _toc_head_or_text(text) if text.endswith(TOC_HEAD_ENDINGS) else UnitKind.TEXT
    return classify_by_tests(text)


def classify(line: Line) -> UnitKind:
    """:func:`classify_line` of the line's text, without the pattern search where the page's
    counts show the line holds no key character of any hint (``Line.may_be_special``)."""
    text = line.text
    if line.may_be_special or len(text) <= 3 or text[0] in "（(第":
        return classify_line(text)
    # (Few lines end in 目 or 读, as every contents head does: the endings are tested after.)
    return _toc_head_or_text(text) if text[-1] in "目读" and text.endswith(TOC_HEAD_ENDINGS) else UnitKind.TEXT


def classify_by_tests(text: str) -> UnitKind:
    """:func:`classify_line` test by test, without its shortcut for body lines."""
    if text[:1] in "（(" and JUMP_FROM.match(text):
        return UnitKind.JUMP
    if is_furniture(text):
        return UnitKind.FURNITURE
    if may_be_credit(text) and not EDITORIAL_LABEL.fullmatch(text):
        # (A column label such as "评论员文章" reads like role + name, but it labels an editorial.)
        if PHOTO_CREDIT.match(text):
            return UnitKind.PHOTO_CREDIT
        if BYLINE.match(text):
            return UnitKind.BYLINE
        if TRAILING_CREDIT.match(text):
            return UnitKind.TRAILING_CREDIT
    return _toc_head_or_text(text)


def _toc_head_or_text(text: str) -> UnitKind:
    if len(text) <= MAX_TOC_HEAD_CHARS and text.endswith(TOC_HEAD_ENDINGS) and TOC_HEAD.search(text):
        return UnitKind.TOC_HEAD
    return UnitKind.TEXT
