"""Character classes used by the typesetting rules (widths, breaks, spacing)."""

from __future__ import annotations

import re

#: Full-width punctuation that typesetters compress to half width inside lines.
PUNCT_COMPRESSIBLE = frozenset("，。、；：！？“”‘’（）《》〈〉「」『』【】〔〕")
#: Punctuation that may close a paragraph when it ends a line.
TERMINAL = frozenset("。！？；：…!?;:")
#: Characters that, after a terminal mark, still close the sentence (quotes, brackets).
CLOSERS = frozenset("”’）」』》〉】〕)\"'")
DASHES = frozenset("—－―")
#: Hyphens a typesetter puts at a line end to split a Latin word.
LINE_END_HYPHENS = frozenset("-\u2010\u2011\u2043\u00ad")


def _one_of(*ranges: tuple[int, int], extra: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """A pattern matching one character of the code point ranges (inclusive) or of ``extra``."""
    spans = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)
    return re.compile(f"[{spans}{''.join(re.escape(ch) for ch in sorted(extra))}]")


#: CJK ideographs (unified, extension A, the supplementary planes, compatibility), kana and hangul.
_CJK = _one_of(
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x3FFFF), (0xF900, 0xFAFF), (0x3040, 0x30FF), (0xAC00, 0xD7AF)
)
#: Full-width punctuation: CJK symbols, the punctuation among the full-width forms, curly quotes.
_FULLWIDTH_PUNCT = _one_of(
    (0x3000, 0x303F),
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0x2018, 0x201F),
    extra=PUNCT_COMPRESSIBLE | DASHES | frozenset("…·"),
)


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (BMP or supplementary planes) or kana/hangul."""
    return _CJK.match(ch) is not None


def is_fullwidth_punct(ch: str) -> bool:
    return _FULLWIDTH_PUNCT.match(ch) is not None


def is_wide(ch: str) -> bool:
    """Set on the em grid (CJK characters and full-width forms)."""
    return is_cjk(ch) or is_fullwidth_punct(ch) or 0xFF10 <= ord(ch) <= 0xFF5A


def is_ascii_word(ch: str) -> bool:
    """Latin letters and digits (and their full-width forms): the 'Western' side of a mixed line."""
    return ch.isascii() and ch.isalnum() or 0xFF10 <= ord(ch) <= 0xFF5A and ch.isalnum()


#: Width of full-width punctuation when the typesetter compresses it (most mainland papers).
COMPRESSED_PUNCT = 0.5


def char_width(ch: str, punct_width: float = COMPRESSED_PUNCT) -> float:
    """Printed width in em, as a column typesetter sets it.

    Full-width punctuation is compressed to half width inside lines, Latin
    letters and digits are proportional (about half an em), spaces carry no
    width of their own (they are justification or extraction artifacts).
    """
    if ch.isspace():
        return 0.0
    if ch in PUNCT_COMPRESSIBLE:
        return punct_width
    if ord(ch) < 128:
        return 0.5
    return 1.0


#: Width of a space the extractor found next to a Latin letter or digit (a thin space).
THIN_SPACE = 0.3
#: A space the writer put between two CJK words is set as a full-width space.
WORD_SPACE = 1.0


_SPACE_RUNS = re.compile(r"\s+")
PUNCT_RE = re.compile("[" + "".join(sorted(PUNCT_COMPRESSIBLE)) + "]")
_PUNCT_RE = PUNCT_RE


def width_parts(text: str, letter_spaced: bool = False) -> tuple[float, int]:
    """A line's width split as (everything but compressible punctuation, punctuation count).

    The width under a given punctuation width is ``base + punct * punct_width``;
    counting once lets a page try several punctuation widths cheaply.
    """
    punct = len(_PUNCT_RE.findall(text))
    ascii_count = len(text.encode("ascii", "ignore"))
    if _SPACE_RUNS.search(text) is None:
        return len(text) - punct - ascii_count + ascii_count * 0.5, punct
    ascii_spaces = 0
    wide_spaces = 0
    extra = 0.0
    for match in _SPACE_RUNS.finditer(text):
        i, j = match.start(), match.end()
        run = match.group()
        ascii_run = len(run.encode("ascii", "ignore"))
        ascii_spaces += ascii_run
        wide_spaces += len(run) - ascii_run
        if letter_spaced or i == 0 or j == len(text):
            continue
        left, right = text[i - 1], text[j]
        if left.isascii() or right.isascii():
            extra += THIN_SPACE
        elif is_cjk(left) and is_cjk(right):
            extra += WORD_SPACE
    others = len(text) - punct - ascii_count - wide_spaces
    return others + (ascii_count - ascii_spaces) * 0.5 + extra, punct


def text_width(text: str, letter_spaced: bool = False, punct_width: float = COMPRESSED_PUNCT) -> float:
    """Printed width of a line in em.

    Spaces beside Latin letters and digits stand for the thin spaces a
    typesetter puts around Western text, so they count a little; a space
    between two CJK words is a full-width space; other spaces (letter spacing,
    extraction noise) count nothing.
    """
    base, punct = width_parts(text, letter_spaced)
    return base + punct * punct_width
