"""Code points (the model's offsets) <-> UTF-16 units (Qt's positions).

The store and the reflow engine count Python string indices (code points). Qt's
QTextDocument/QTextCursor count UTF-16 code units, so every character outside the
Basic Multilingual Plane (for example 𠀋, U+2000B) takes two positions there.
Every widget boundary converts through this module; nothing else does the sum.
"""

from __future__ import annotations

from bisect import bisect_left


def is_astral(ch: str) -> bool:
    return ord(ch) > 0xFFFF


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Map:
    """Converts offsets into one string both ways in O(log n) (O(1) for BMP-only text)."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "length_utf16")

    def __init__(self, text: str) -> None:
        # the common case, no character beyond the BMP, is found at C speed
        bmp_only = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        cps = [] if bmp_only else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_cp = cps
        # UTF-16 position of each astral character: its code point index plus the
        # number of astral characters before it.
        self._astral_u16 = [cp + k for k, cp in enumerate(cps)]
        self.length = len(text)
        self.length_utf16 = len(text) + len(cps)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code point ``offset`` (``len(text)`` maps to the end)."""
        offset = max(0, min(offset, self.length))
        if not self._astral_cp:
            return offset
        return offset + bisect_left(self._astral_cp, offset)

    def to_code_point(self, position: int) -> int:
        """Code point offset at UTF-16 ``position``; the middle of a surrogate pair rounds down."""
        position = max(0, min(position, self.length_utf16))
        if not self._astral_u16:
            return position
        return position - bisect_left(self._astral_u16, position)

    def range_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def range_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 range widened to whole characters (a half pair counts as the whole one)."""
        lo = self.to_code_point(start)
        hi = self.to_code_point(end)
        if hi < self.length and self.to_utf16(hi) < end:
            hi += 1  # ``end`` fell inside a surrogate pair: include that character
        return lo, hi
