"""Split a raw dump into lines that remember where they stand in the raw text."""

from __future__ import annotations

import re

from reader.charclass import COMPRESSED_PUNCT, PUNCT_RE, width_parts
from reader.line_counts import RUNNING_MARKS, PageCounts

_BLANK = re.compile(r"\s")
_find_punct = PUNCT_RE.findall
_find_running_marks = re.compile(f"[{RUNNING_MARKS}]").findall


class Line:
    """One non-blank dump line, stripped, with its raw offsets and printed width.

    ``start``/``end`` bound the stripped text in the raw dump, so
    ``raw[start:end] == text``. ``gap_before`` says whether blank lines
    separate it from the previous non-blank line. A plain slotted class: a page
    has a thousand of these and they are built on the hot path.
    """

    __slots__ = (
        "number",
        "start",
        "end",
        "text",
        "gap_before",
        "letter_spaced",
        "base_width",
        "punct_count",
        "width",
        "indent",
        "spaced",
        "running_marks",
        "may_be_special",
        "may_open_dateline",
    )

    def __init__(self, number: int, start: int, end: int, text: str, gap_before: bool, indent: float = 0.0) -> None:
        self.number = number  # 0-based line number in the dump
        self.start = start
        self.end = end
        self.text = text
        self.gap_before = gap_before
        #: Leading blank space the dump kept before the text, in em (a paragraph indent, when present).
        self.indent = indent
        #: Whether any blank stands inside the text (most lines have none: their widths and
        #: offsets are computed on a fast path). The ASCII space is the only blank
        #: ``str.isprintable`` accepts, so a printable line without one has no blank at all.
        if " " in text or (not text.isprintable() and _BLANK.search(text) is not None):
            self.spaced = True
            letter_spaced = self.letter_spaced = is_letter_spaced(text)
            base, punct = width_parts(text, letter_spaced)
        else:
            self.spaced = self.letter_spaced = False
            punct = len(_find_punct(text))
            base = len(text) - punct - len(text.encode("ascii", "ignore")) * 0.5
        self.base_width = base
        self.punct_count = punct
        self.width = base + punct * COMPRESSED_PUNCT
        #: How many marks of running text (，、；。,;) the line holds.
        self.running_marks = len(_find_running_marks(text))
        #: False only where the line holds no key character of the hints of special lines
        #: (byline, credit, jump line, furniture: see reader.units.classify), or no
        #: character of a dateline (讯, 电): then it is none of those. True where
        #: not counted (the tests themselves decide).
        self.may_be_special = self.may_open_dateline = True

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.start}, {self.end}, {self.text!r}, gap_before={self.gap_before})"

    def width_with(self, punct_width: float) -> float:
        """The printed width if full-width punctuation is set ``punct_width`` em wide."""
        return self.base_width + self.punct_count * punct_width

    @property
    def last_char(self) -> str:
        return self.text[-1]

    @property
    def first_char(self) -> str:
        return self.text[0]

    def remeasure(self, punct_width: float) -> None:
        self.width = self.width_with(punct_width)

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
    if len(text.split(None, 4)) < 5:
        return False  # fewer than five pieces (most lines have no blank at all)
    tokens = text.split()
    if len(tokens) < 5:
        return False
    short = sum(1 for tok in tokens if len(tok) <= 3)
    return short >= 0.75 * len(tokens)


#: Width in em of the blank characters that may open a dump line.
INDENT_WIDTHS = {"\u3000": 1.0, "\t": 2.0}


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` (any newline convention), stripped.

    Built on the hot path (every line of every page): where :class:`PageCounts` can
    count the page, a line without a blank inside is measured from those counts and
    set up without the general :class:`Line` constructor.
    """
    chunks = raw.splitlines(keepends=True)
    counted = PageCounts.of(raw, len(chunks))
    if counted is not None:
        puncts, ascii_chars, blanks = counted.punct, counted.ascii_chars, counted.blanks
        running_marks, hints, datelines = counted.running_marks, counted.hints, counted.datelines
    out: list[Line] = []
    append = out.append
    pos = 0
    gap = True  # (the first line stands apart from what is above it: nothing)
    for number, chunk in enumerate(chunks):
        stripped = chunk.strip()
        if not stripped:
            gap = True
            pos += len(chunk)
            continue
        first = stripped[0]
        if chunk[0] == first:  # (most lines: no leading blank, no indent)
            start, indent = pos, 0.0
        else:
            lead = chunk.index(first)
            start = pos + lead
            indent = sum([INDENT_WIDTHS.get(ch, 0.5) for ch in chunk[:lead]])
        if counted is None:
            append(Line(number, start, start + len(stripped), stripped, gap, indent))
            gap = False
            pos += len(chunk)
            continue
        if " " in stripped or (blanks and any(map(stripped.__contains__, blanks))):
            line = Line(number, start, start + len(stripped), stripped, gap, indent)
        else:  # Line.__init__ for a line with no blank inside, from the page's counts
            line = _new_line(Line)
            line.number, line.start, line.end, line.text = number, start, start + len(stripped), stripped
            line.gap_before, line.indent, line.spaced, line.letter_spaced = gap, indent, False, False
            ascii_count = len(ascii_chars[number])
            punct = line.punct_count = len(puncts[number])
            base = line.base_width = len(stripped) - punct - ascii_count * 0.5
            line.width = base + punct * COMPRESSED_PUNCT
        line.running_marks = len(running_marks[number])
        line.may_be_special = hints[number] != b""
        line.may_open_dateline = datelines[number] != b""
        append(line)
        gap = False
        pos += len(chunk)
    return out


_new_line = object.__new__
