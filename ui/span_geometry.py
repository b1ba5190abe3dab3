"""Where article ranges sit on screen: one piece per laid-out line, for the ranges in view.

The tag tints (:class:`ui.views.ArticleView`) and their underlines (:mod:`ui.editing.highlights`)
are painted from the same pieces. Painting them ourselves, rather than handing Qt one
``ExtraSelection`` per tagged passage, matters on a heavily tagged article: Qt draws every
extra selection line by line in a pass of its own, so 300 passages cost 300 passes on each
paint, and building their cursors costs again on every open and every keystroke.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QTextEdit

from ui.utf16 import Utf16Map


class Piece(NamedTuple):
    """The part of range ``index`` on one screen line, in viewport coordinates (a tuple: hundreds per paint)."""

    index: int
    x1: float
    x2: float
    top: float  #: top of the line's text
    height: float  #: the line's natural height (the height Qt gives a selection)
    underline: float  #: y of an underline just below the glyphs


def _x(line, position: int) -> float:
    found = line.cursorToX(position)
    return found[0] if isinstance(found, tuple) else found


def visible_range(view: QTextEdit) -> tuple[int, int]:
    """UTF-16 positions of the first and last characters in view."""
    viewport = view.viewport()
    top = view.cursorForPosition(QPoint(0, 0)).position()
    bottom = view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
    return top, bottom


class _Lines:
    """The laid-out lines of the blocks met while placing ranges (read once per call).

    Each line's geometry is read from Qt once per call, not once per range crossing it: a
    heavily tagged article has ten ranges on a line.
    """

    def __init__(self, view: QTextEdit) -> None:
        self.doc = view.document()
        self.layout = self.doc.documentLayout()
        self.dx = -view.horizontalScrollBar().value()
        self.dy = -view.verticalScrollBar().value()
        self._blocks: dict[int, tuple[float, float, int, list[int], list, list[_LineBox]]] = {}

    def of(self, block) -> tuple[float, float, int, list[int], list, list[_LineBox]]:
        """(left, top, position, line starts in document positions, lines, their boxes) of ``block``."""
        number = block.blockNumber()
        found = self._blocks.get(number)
        if found is None:
            box = self.layout.blockBoundingRect(block)
            text_layout = block.layout()
            base = block.position()
            lines = [text_layout.lineAt(k) for k in range(text_layout.lineCount())]
            top = box.top() + self.dy
            boxes = [
                _LineBox(
                    base + ln.textStart() + ln.textLength(), top + ln.y(), ln.height(), ln.ascent() + ln.descent() * 0.6
                )
                for ln in lines
            ]
            found = (box.left() + self.dx, top, base, [base + ln.textStart() for ln in lines], lines, boxes)
            self._blocks[number] = found
        return found


class _LineBox(NamedTuple):
    end: int  #: document position after the line's last character
    y: float  #: top of the line's text, in viewport coordinates
    height: float
    below: float  #: from the top to just under the glyphs


class _ViewLine(NamedTuple):
    """A laid-out line in view: where its text starts and ends (document positions) and its box."""

    start: int
    end: int
    line: object  #: the QTextLine
    base: int  #: its block's document position
    left: float
    y: float
    height: float
    below: float


def _lines_in_view(view: QTextEdit, lo: int, hi: int) -> list[_ViewLine]:
    """Every laid-out line of the blocks holding document positions ``lo`` to ``hi``, in order."""
    lines = _Lines(view)
    doc = lines.doc
    block, last = doc.findBlock(lo), doc.findBlock(hi).blockNumber()
    out: list[_ViewLine] = []
    while block.isValid() and block.blockNumber() <= last:
        left, _top, base, starts, block_lines, boxes = lines.of(block)
        for start, line, box in zip(starts, block_lines, boxes, strict=True):
            out.append(_ViewLine(start, box.end, line, base, left, box.y, box.height, box.below))
        block = block.next()
    return out


def pieces(view: QTextEdit, umap: Utf16Map, spans: Sequence[tuple[int, int]]) -> list[Piece]:
    """One :class:`Piece` per screen line of each span ``[start, end)`` (code points) that is in view.

    The lines in view are read from Qt once, then each span finds its first line by bisection:
    a heavily tagged article has hundreds of spans on a screen of twenty lines.
    """
    if not spans:
        return []
    lo, hi = visible_range(view)
    first, last = umap.to_code_point(lo), umap.to_code_point(hi) + 1
    in_view = _lines_in_view(view, lo, hi)
    if not in_view:
        return []
    starts = [vl.start for vl in in_view]
    identity = umap.length == umap.length_utf16  # no character beyond the BMP: offsets are positions
    to_utf16 = umap.to_utf16
    out: list[Piece] = []
    for index, (start, end) in enumerate(spans):
        if end < first or start > last or start >= end:
            continue
        u0, u1 = (start, end) if identity else (to_utf16(start), to_utf16(end))
        k = max(0, bisect_right(starts, u0) - 1)
        while k < len(in_view):
            vl = in_view[k]
            if vl.start >= u1:
                break
            a, b = max(u0, vl.start), min(u1, vl.end)
            if a < b:
                x1, x2 = _x(vl.line, a - vl.base), _x(vl.line, b - vl.base)
                out.append(Piece(index, vl.left + x1, vl.left + x2, vl.y, vl.height, vl.y + vl.below + 1.5))
            k += 1
    return out


def line_bands(view: QTextEdit, block_number: int) -> list[tuple[float, float, float, float]]:
    """(left, top, width, height) of the text of each screen line of block ``block_number``."""
    block = view.document().findBlockByNumber(block_number)
    if not block.isValid():
        return []
    left, top, _base, _starts, block_lines, _boxes = _Lines(view).of(block)
    return [(left + line.x(), top + line.y(), line.naturalTextWidth(), line.height()) for line in block_lines]
