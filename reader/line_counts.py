"""Per-line counts of a whole page at once: punctuation, ASCII, running-text marks, hint characters.

Every line of every page needs a few counts (its punctuation and ASCII characters
for its width, its running-text marks) and a few tests (does it hold a character a
special line's hint or a dateline needs). A pattern scan per line pays a call and
a match object per mark; one charmap encoding of the page maps every character that
counts to one byte and drops the rest, so a few byte translations and one split at
the newlines give every line's counts as the lengths of short byte strings.
"""

from __future__ import annotations

import codecs

from reader.charclass import PUNCT_COMPRESSIBLE
from reader.patterns import DATELINE_CHARS, HINT_KEY_CHARS

#: Every character ``\s`` matches (and so makes a line spaced), as ``re.findall(r"\s", …)``
#: over all code points lists them (written out: that search costs more than start-up allows).
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: Blanks that dumps hold besides the space (indents, gaps between words): a page holding
#: other blanks is measured line by line.
COMMON_BLANKS = ("\u3000", "\t")
#: Marks of running text (a heading carries at most one).
RUNNING_MARKS = "，、；。,;"


class _Bytes:
    """The byte each counted character encodes as, by kind."""

    def __init__(self) -> None:
        self.table = [chr(code) for code in range(0x80)] + ["\ufffe"] * 128  # ("\ufffe": no byte)
        self.table[ord(" ")] = self.table[ord("\r")] = "\ufffe"  # (dropped: never inside a counted line)
        self.next_free = 0x80
        self.punct = self.take(sorted(PUNCT_COMPRESSIBLE))
        self.blank_of = {ord(ch): ch for ch in BLANKS if ch < "\x80" and ch not in " \r\n"}
        wide = [ch for ch in BLANKS if ch >= "\x80"]
        self.blank_of.update(zip(self.take(wide), wide, strict=True))
        self.hints = self.take(sorted(set(HINT_KEY_CHARS) - set(DATELINE_CHARS)))
        self.datelines = self.take(sorted(DATELINE_CHARS))

    def take(self, chars: list[str]) -> list[int]:
        """The next free bytes for ``chars`` (non-ASCII characters)."""
        codes = list(range(self.next_free, self.next_free + len(chars)))
        for code, ch in zip(codes, chars, strict=True):
            self.table[code] = ch
        self.next_free += len(chars)
        if self.next_free > 0x100:
            raise ValueError("more counted characters than bytes")
        return codes


def _keeping(codes: set[int]) -> bytes:
    """The bytes to delete so that only ``codes`` and the newlines between lines remain."""
    return bytes(sorted(set(range(256)) - codes - {ord("\n")}))


_KINDS = _Bytes()
_MAP = codecs.charmap_build("".join(_KINDS.table))
_BLANK_OF = _KINDS.blank_of
_ONLY_BLANKS = _keeping(set(_BLANK_OF))
_ONLY_PUNCT = _keeping(set(_KINDS.punct))
_ONLY_ASCII_TEXT = _keeping(set(range(0x80)) - set(_BLANK_OF))
_ONLY_RUNNING_MARKS = _keeping({ord(ch) if ch < "\x80" else _KINDS.table.index(ch) for ch in RUNNING_MARKS})
#: A line holding a dateline character may hold a hint too (电 is both).
_ONLY_HINTS = _keeping(set(_KINDS.hints) | set(_KINDS.datelines))
_ONLY_DATELINES = _keeping(set(_KINDS.datelines))


class PageCounts:
    """For each line ``k`` of a page (as ``str.splitlines`` numbers them), byte strings whose
    lengths are its counts: of compressible punctuation (``punct[k]``), of ASCII characters
    that are not blank (``ascii_chars[k]``), of running-text marks (``running_marks[k]``);
    ``hints[k]`` is empty when the line holds no key character of a special line's hint
    (see reader.patterns.HINT_KEY_CHARS), ``datelines[k]`` when it holds no dateline character. Blanks count nothing, so
    for a line with no blank inside the counts are those of its stripped text.
    """

    __slots__ = ("punct", "ascii_chars", "running_marks", "hints", "datelines", "blanks")

    def __init__(self, encoded: bytes, blanks: list[str]) -> None:
        self.punct = encoded.translate(None, _ONLY_PUNCT).split(b"\n")
        self.ascii_chars = encoded.translate(None, _ONLY_ASCII_TEXT).split(b"\n")
        self.running_marks = encoded.translate(None, _ONLY_RUNNING_MARKS).split(b"\n")
        self.hints = encoded.translate(None, _ONLY_HINTS).split(b"\n")
        self.datelines = encoded.translate(None, _ONLY_DATELINES).split(b"\n")
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
        encoded = codecs.charmap_encode(raw, "ignore", _MAP)[0]
        held = set(encoded.translate(None, _ONLY_BLANKS))
        held.discard(ord("\n"))
        blanks = [_BLANK_OF[code] for code in held]
        if any([blank not in COMMON_BLANKS for blank in blanks]):
            return None
        return cls(encoded, blanks)
