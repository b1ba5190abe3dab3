"""Tagged passages in the article view: tints that blend, stacked underlines, and tooltips.

The view tints every annotated range with its tag's colour at low opacity (extra
selections, so overlapping tints blend). On top, each annotation gets an underline in
its tag's colour; overlapping annotations are given different lanes (interval
colouring), so two tags on the same words show as two lines, one under the other.
Hovering shows the tags and notes of the annotations under the pointer.

The underlines are painted by an event filter on the view's viewport, after the view
painted itself, so they scroll and wrap with the text without a widget of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QTextEdit, QToolTip

from ui.backend import AnnotationData

MAX_LANES = 4
LANE_GAP = 3.0  # pixels between stacked underlines
LINE_WIDTH = 2.0
DEFAULT_COLOUR = "#3d7fd1"


def assign_lanes(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A lane per span such that overlapping spans never share one (greedy, in order of start)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    ends: list[int] = []
    lanes = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        for lane, last in enumerate(ends):
            if last <= start:
                ends[lane] = end
                lanes[i] = lane
                break
        else:
            ends.append(end)
            lanes[i] = len(ends) - 1
    return [min(lane, MAX_LANES - 1) for lane in lanes]


def _x(line, position: int) -> float:
    found = line.cursorToX(position)
    return found[0] if isinstance(found, tuple) else found


class Highlights(QObject):
    """Stacked underlines and hover tooltips for the annotations shown in ``view``."""

    def __init__(
        self,
        view: QTextEdit,
        annotations: Callable[[], Sequence[AnnotationData]],
        describe: Callable[[Sequence[AnnotationData]], str],
    ) -> None:
        super().__init__(view)
        self.view = view
        self._annotations = annotations
        self._describe = describe
        self._painting = False
        self._lane_spans: list[tuple[int, int]] = []
        self._lanes: list[int] = []
        self.enabled = True
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def refresh(self) -> None:
        self.view.viewport().update()

    # -- events ------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Look at the event type before touching any widget: the filter also sees the events
        # of a viewport that is being destroyed, when calling into the view would crash.
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if self.enabled and not self._painting and obj is self._viewport:
                self._painting = True
                try:
                    self.view.viewportEvent(event)  # the view paints the text first
                    self._paint_underlines()
                finally:
                    self._painting = False
                return True
        elif kind == QEvent.Type.ToolTip and self.enabled and obj is self._viewport:
            return self._tooltip(event)  # type: ignore[arg-type]
        return False

    def annotations_at(self, offset: int) -> list[AnnotationData]:
        return [a for a in self._annotations() if a.start <= offset < a.end]

    def _tooltip(self, event: QHelpEvent) -> bool:
        offset = self.view.offset_at(event.pos())  # type: ignore[attr-defined]
        found = self.annotations_at(offset)
        if not found:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(event.globalPos(), self._describe(found), self.view.viewport())
        return True

    # -- painting ----------------------------------------------------------------------------
    def visible_range(self) -> tuple[int, int]:
        """UTF-16 positions of the first and last characters in view."""
        viewport = self.view.viewport()
        top = self.view.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return top, bottom

    def segments(self) -> list[tuple[QPointF, QPointF, QColor]]:
        """Underline segments in viewport coordinates, for the annotations in view."""
        annotations = list(self._annotations())
        if not annotations:
            return []
        umap = self.view._map  # type: ignore[attr-defined]
        lo, hi = self.visible_range()
        first, last = umap.to_code_point(lo), umap.to_code_point(hi) + 1
        shown = [i for i, a in enumerate(annotations) if a.end >= first and a.start <= last and a.start < a.end]
        if not shown:
            return []
        spans = [(a.start, a.end) for a in annotations]
        if spans != self._lane_spans:  # lanes change with the annotations, not with every paint
            self._lane_spans, self._lanes = spans, assign_lanes(spans)
        lanes = self._lanes
        doc = self.view.document()
        layout = doc.documentLayout()
        dx = -self.view.horizontalScrollBar().value()
        dy = -self.view.verticalScrollBar().value()
        out = []
        for i in shown:
            ann, lane = annotations[i], lanes[i]
            u0, u1 = umap.range_to_utf16(ann.start, ann.end)
            colour = QColor(ann.colour or DEFAULT_COLOUR)
            block = doc.findBlock(u0)
            while block.isValid() and block.position() < u1:
                text_layout = block.layout()
                box = layout.blockBoundingRect(block)
                base = block.position()
                for k in range(text_layout.lineCount()):
                    line = text_layout.lineAt(k)
                    ls = base + line.textStart()
                    le = ls + line.textLength()
                    a, b = max(u0, ls), min(u1, le)
                    if a >= b:
                        continue
                    x1 = box.left() + _x(line, a - base) + dx
                    x2 = box.left() + _x(line, b - base) + dx
                    y = box.top() + line.y() + line.ascent() + line.descent() * 0.6 + 1.5 + lane * LANE_GAP + dy
                    out.append((QPointF(x1, y), QPointF(x2, y), colour))
                block = block.next()
        return out

    def _paint_underlines(self) -> None:
        segments = self.segments()
        if not segments:
            return
        painter = QPainter(self.view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for p1, p2, colour in segments:
            pen = QPen(colour, LINE_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(p1, p2)
        painter.end()
