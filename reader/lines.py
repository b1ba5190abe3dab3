"""Split a raw dump into lines that remember where they stand in the raw text."""

from __future__ import annotations

import codecs
import re

from reader.charclass import COMPRESSED_PUNCT, PUNCT_COMPRESSIBLE, PUNCT_RE, width_parts

_BLANK = re.compile(r"\s")
_find_punct = PUNCT_RE.findall


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
        all_chars, ascii_chars, blanks = counted.all_chars, counted.ascii_chars, counted.blanks
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
        if counted is None or " " in stripped or (blanks and any([blank in stripped for blank in blanks])):
            append(Line(number, start, start + len(stripped), stripped, gap, indent))
        else:  # Line.__init__ for a line with no blank inside, from the page's counts
            line = _new_line(Line)
            line.number, line.start, line.end, line.text = number, start, start + len(stripped), stripped
            line.gap_before, line.indent, line.spaced, line.letter_spaced = gap, indent, False, False
            ascii_count = len(ascii_chars[number])
            punct = line.punct_count = len(all_chars[number]) - ascii_count
            base = line.base_width = len(stripped) - punct - ascii_count * 0.5
            line.width = base + punct * COMPRESSED_PUNCT
            append(line)
        gap = False
        pos += len(chunk)
    return out


_new_line = object.__new__


#: Every character ``\\s`` matches (and so makes a line spaced), as ``_BLANK.findall`` over
#: all code points lists them (written out: that search costs more than the start-up allows).
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: Blanks that dumps hold besides the space (indents, gaps between words): a page holding
#: other blanks is measured line by line.
COMMON_BLANKS = ("\u3000", "\t")


def _counting_map() -> tuple[object, bytes, dict[int, str]]:
    """The charmap of :class:`PageCounts`, the bytes it gives blanks, and the blank of each byte.

    ASCII characters that are not blank encode as themselves, newline as itself,
    compressible punctuation as one byte from 0x80 each, the other blanks as one byte
    each (the ASCII ones as themselves, the rest from 0xC0); every other character,
    the space and the carriage return included, has no byte (and is dropped).
    """
    table = [chr(code) for code in range(0x80)] + ["\ufffe"] * 128  # ("\ufffe": no byte)
    table[ord(" ")] = table[ord("\r")] = "\ufffe"
    for k, ch in enumerate(sorted(PUNCT_COMPRESSIBLE)):
        table[0x80 + k] = ch
    blank_of: dict[int, str] = {}
    wide = 0xC0
    for ch in BLANKS:
        if ch in " \r\n":
            continue
        code = ord(ch)
        if code >= 0x80:
            code, wide = wide, wide + 1
        table[code] = ch
        blank_of[code] = ch
    return codecs.charmap_build("".join(table)), bytes(sorted(blank_of)), blank_of


_COUNTING_MAP, _BLANK_BYTES, _BLANK_OF = _counting_map()
#: Every byte but those of blanks (deleted to leave the blanks a page holds).
_NOT_BLANK_BYTES = bytes(sorted(set(range(256)) - set(_BLANK_BYTES)))
_HIGH_BYTES = bytes(range(0x80, 0x100))


class PageCounts:
    """Each line's ASCII characters and compressible punctuation, counted for the whole page at once.

    One encoding of the page replaces a pattern scan and an encoding per line. For line
    ``k`` (as ``str.splitlines`` numbers them) with no blank inside, ``len(ascii_chars[k])``
    is its count of ASCII characters and ``len(all_chars[k])`` minus that its count of
    punctuation: blanks (its leading and trailing ones) have no byte.
    """

    __slots__ = ("all_chars", "ascii_chars", "blanks")

    def __init__(self, all_chars: list[bytes], ascii_chars: list[bytes], blanks: list[str]) -> None:
        self.all_chars = all_chars
        self.ascii_chars = ascii_chars
        #: The blanks other than the space that the page holds (a line holding one has a blank inside).
        self.blanks = blanks

    @classmethod
    def of(cls, raw: str, line_count: int) -> PageCounts | None:
        """The counts of ``raw`` split into ``line_count`` lines; None where they cannot be used.

        The pieces are split at newlines, so every line must end in "\\n" or "\\r\\n"
        (the last may end in nothing); and the page may hold no blanks but the space
        and those of :data:`COMMON_BLANKS` (a line holding none has no blank inside).
        """
        if line_count != raw.count("\n") + (not raw.endswith("\n")):
            return None
        encoded = codecs.charmap_encode(raw, "ignore", _COUNTING_MAP)[0]
        blanks: list[str] = []
        held = encoded.translate(None, _NOT_BLANK_BYTES)
        if held:
            blanks = [_BLANK_OF[code] for code in set(held)]
            if any([blank not in COMMON_BLANKS for blank in blanks]):
                return None
            encoded = encoded.translate(None, _BLANK_BYTES)
        return cls(encoded.split(b"\n"), encoded.translate(None, _HIGH_BYTES).split(b"\n"), blanks)
