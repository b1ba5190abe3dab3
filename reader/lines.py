"""Split a raw dump into lines that remember where they stand in the raw text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.charclass import text_width

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass(slots=True)
class Line:
    """One non-blank dump line, stripped, with its raw offsets.

    ``start``/``end`` bound the stripped text in the raw dump, so
    ``raw[start:end] == text``. ``gap_before`` says whether blank lines
    separate it from the previous non-blank line.
    """

    number: int  # 0-based line number in the dump
    start: int
    end: int
    text: str
    gap_before: bool
    width: float = 0.0
    letter_spaced: bool = False

    def __post_init__(self) -> None:
        self.letter_spaced = is_letter_spaced(self.text)
        self.width = text_width(self.text, self.letter_spaced)

    @property
    def last_char(self) -> str:
        return self.text[-1]

    @property
    def first_char(self) -> str:
        return self.text[0]

    def remeasure(self, punct_width: float) -> None:
        self.width = text_width(self.text, self.letter_spaced, punct_width)

    def sub(self, start: int, end: int) -> Line:
        """A part of this line (offsets relative to the line text), re-stripped."""
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        return Line(self.number, self.start + start + lead, self.start + start + trail, piece.strip(), self.gap_before)


def is_letter_spaced(text: str) -> bool:
    """A justified line whose characters the extractor set apart with spaces.

    Typesetters stretch a short line to the column width by letter spacing; the
    extractor renders the extra space as a space between nearly every character.
    """
    tokens = text.split()
    if len(tokens) < 5:
        return False
    short = sum(1 for tok in tokens if len(tok) <= 3)
    return short >= 0.75 * len(tokens)


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` (any newline convention), stripped."""
    out: list[Line] = []
    pos = 0
    number = 0
    gap = False
    for match in [*_LINE_BREAK.finditer(raw), None]:
        end = match.start() if match else len(raw)
        segment = raw[pos:end]
        stripped = segment.strip()
        if stripped:
            lead = len(segment) - len(segment.lstrip())
            start = pos + lead
            out.append(Line(number, start, start + len(stripped), stripped, gap or not out))
            gap = False
        else:
            gap = True
        if match is None:
            break
        pos = match.end()
        number += 1
    return out
