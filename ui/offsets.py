"""An article's offset map: article code point offsets <-> raw code point offsets.

Built from each block's runs ``(text_start, raw_start, length)`` (block-relative
text offsets), the form the store keeps. Article offsets count the article text,
``"\\n".join(block texts)``; characters without a raw source (the joining newlines,
characters inserted by edits) simply have no entry.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


#: the fields of a run (article start, raw start, length) that a mapping reads from and writes to
ARTICLE, RAW = 0, 1


def _through(starts: list[int], runs: list[tuple[int, int, int]], offset: int, src: int, dst: int):
    """(the last run starting at or before ``offset``, ``offset`` mapped through it or None)."""
    i = bisect_right(starts, offset) - 1
    if i >= 0:
        run = runs[i]
        if offset < run[src] + run[2]:
            return i, run[dst] + offset - run[src]
    return i, None


def _overlaps(runs: list[tuple[int, int, int]], start: int, end: int, src: int, dst: int) -> list[tuple[int, int]]:
    """The ranges ``[start, end)`` (on the ``src`` side) maps to on the ``dst`` side, merged."""
    found: list[tuple[int, int]] = []
    for run in runs:
        s0, d0, n = run[src], run[dst], run[2]
        if s0 >= end:
            break
        lo, hi = max(start, s0), min(end, s0 + n)
        if lo < hi:
            found.append((d0 + lo - s0, d0 + hi - s0))
    return _merge(found)


class OffsetMap:
    """Runs ``(article_start, raw_start, length)`` over the whole article text."""

    def __init__(self, runs: Iterable[tuple[int, int, int]]) -> None:
        self.runs = sorted(r for r in runs if r[2] > 0)
        self._starts = [r[0] for r in self.runs]
        self.by_raw = sorted(self.runs, key=lambda r: r[1])
        self._raw_starts = [r[1] for r in self.by_raw]

    @classmethod
    def from_blocks(cls, blocks: Sequence[tuple[str, Sequence[tuple[int, int, int]]]]) -> OffsetMap:
        """``blocks`` are (text, block-relative runs); the article text joins them with newlines."""
        runs: list[tuple[int, int, int]] = []
        base = 0
        for text, block_runs in blocks:
            for t0, r0, n in block_runs:
                runs.append((base + t0, r0, n))
            base += len(text) + 1
        return cls(runs)

    def raw_at(self, offset: int) -> int | None:
        """Raw offset of article character ``offset``, or None when it has no source."""
        return _through(self._starts, self.runs, offset, ARTICLE, RAW)[1]

    def raw_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Raw ranges the article characters ``[start, end)`` were made from, merged."""
        if start >= end:
            return []
        i = max(0, bisect_right(self._starts, start) - 1)
        return _overlaps(self.runs[i:], start, end, ARTICLE, RAW)

    def article_ranges(self, raw_start: int, raw_end: int) -> list[tuple[int, int]]:
        """Article ranges made from raw characters ``[raw_start, raw_end)``, merged."""
        if raw_start >= raw_end:
            return []
        # Runs are not long (one per dump line), so scanning from the last run that
        # starts at or before raw_start is enough; earlier runs end before it only
        # when raw order is monotone, so check them all for safety on reordered text.
        return _overlaps(self.by_raw, raw_start, raw_end, RAW, ARTICLE)

    def article_at_raw(self, raw_offset: int) -> int | None:
        """The article character made from raw character ``raw_offset``, else the nearest one after it."""
        i, found = _through(self._raw_starts, self.by_raw, raw_offset, RAW, ARTICLE)
        if found is not None:
            return found
        if i + 1 < len(self.by_raw):
            return self.by_raw[i + 1][0]
        return None

    @property
    def raw_span(self) -> tuple[int, int] | None:
        if not self.runs:
            return None
        return self.by_raw[0][1], max(r0 + n for _, r0, n in self.runs)

    def raw_lines_ranges(self) -> list[tuple[int, int]]:
        """Every raw range of the article, merged (callers widen them to whole lines)."""
        return _merge((r0, r0 + n) for _, r0, n in self.runs)
