"""What the opening characters of a column line say about where it stands in a paragraph.

The measure cuts a paragraph's text anywhere, so how a line opens tells whether the
line before ran on into it or whether a paragraph opens here. Each test reads only
the first few characters of the line; the weights live in reader/evidence.py.
"""

from __future__ import annotations

import re

#: A line opening with a clause of one character ("示，…") holds the end of a word the measure
#: cut: it runs on from the line before, it opens no paragraph or heading. (Numerals are left
#: out: "一、" opens an enumerated paragraph.)
_CLAUSE_TAIL = re.compile("[^\\s\\d一二三四五六七八九十“「『（(《][，、；。]")
#: The marks that close a one-character clause (see opens_with_word_end).
CLAUSE_MARKS = frozenset("，、；。")
#: A paragraph often opens with a short adverbial set off by a comma ("目前，" "据介绍，"); a
#: subhead holding a comma balances two phrases, neither this short.
_LEAD_IN = re.compile("[^“「『（(《，、；。,;\\s]{1,3}[，,]")
#: A news lead or a caption opens with the day of the event ("9月29日，", "10月27日至28日，").
_DATE_OPENING = re.compile(r"(\d{4}年)?\d{1,2}月\d{1,2}日(至\d{1,2}日)?[，,]")


def opens_with_word_end(text: str) -> bool:
    """The line opens with the last character of a word cut at the line before, then a mark."""
    return len(text) > 1 and text[1] in CLAUSE_MARKS and _CLAUSE_TAIL.match(text) is not None


def opens_with_lead_in(text: str) -> bool:
    """The line opens with a short adverbial clause set off by a comma, as paragraphs do."""
    head = text[1:4]
    return ("，" in head or "," in head) and _LEAD_IN.match(text) is not None


def opens_with_date(text: str) -> bool:
    """The line opens with the day of the event, as a news lead or a photo caption does."""
    return text[0].isdigit() and _DATE_OPENING.match(text) is not None
