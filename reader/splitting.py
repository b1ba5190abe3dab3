"""Lines that hold two things the page printed apart, split back into their parts.

A story's foot credit set after the last words of its body ("……工作。 （某某）"),
and a table-of-contents box whose items ("题目……作者") and section lines the
extractor ran together on one raw line.
"""

from __future__ import annotations

import re

from reader.lines import Line
from reader.patterns import TRAILING_CREDIT

#: A foot credit in brackets after a space at the very end of a line.
_TAIL_CREDIT = re.compile(r"\s+([（(][^（()）]{1,30}[）)])$")
#: An item of a contents box ends with its author after a leader ("……某某").
ITEM_END = re.compile(r"(?:……|\.{4,})\s*\S{1,8}$")
#: A raw line holding at least one item (others, or a section line, may follow it).
HOLDS_ITEM = re.compile(r"(?:……|\.{4,})\s*[^\s…]{1,8}(?:\s|$)")
#: A section line inside a contents box is a short label without punctuation.
SECTION_LABEL = re.compile(r"^[^\s，。、；：！？,.;:!?…]{2,8}$")
_TOKEN = re.compile(r"\S+")


def split_trailing_credit(line: Line) -> list[Line]:
    """ "……。 （某某）" -> the body line and the credit line (the credit after a sentence end only)."""
    text = line.text
    if not text.endswith(("）", ")")):
        return [line]
    match = _TAIL_CREDIT.search(text)
    if match is None or match.start() == 0 or not TRAILING_CREDIT.match(match.group(1)):
        return [line]
    body = line.sub(0, match.start())
    credit = line.sub(match.start(1), len(text))
    credit.gap_before = False
    return [body, credit]


def split_toc_line(line: Line) -> list[Line]:
    """One raw line of a contents box -> its items and section lines, each a line of its own.

    Items end with a leader and an author; a short unpunctuated token standing
    where an item would begin is a section line. Spaces inside an item stay.
    """
    spans = [m.span() for m in _TOKEN.finditer(line.text)]
    if len(spans) < 2:
        return [line]
    out: list[Line] = []
    start: int | None = None
    for k, (s, e) in enumerate(spans):
        token = line.text[s:e]
        if start is None and k + 1 < len(spans) and "……" not in token and SECTION_LABEL.match(token):
            out.append(line.sub(s, e))
            continue
        if start is None:
            start = s
        if ITEM_END.search(token):
            out.append(line.sub(start, e))
            start = None
    if start is not None:
        out.append(line.sub(start, len(line.text)))
    for piece in out[1:]:
        piece.gap_before = False
    return out
