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

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QTextEdit, QToolTip

from ui.backend import AnnotationData
from ui.span_geometry import pieces

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
    def _lines(self) -> list[tuple[float, float, float, str | None]]:
        """(x1, x2, y, tag colour) of each underline in viewport coordinates, for the annotations in view."""
        annotations = list(self._annotations())
        if not annotations:
            return []
        spans = [(a.start, a.end) for a in annotations]
        shown = getattr(self.view, "annotation_spans", None)
        if shown is not None and [(s, e) for s, e, _ in shown()] == spans:
            placed = self.view.annotation_pieces()  # type: ignore[attr-defined]  (the tints' pieces, this paint)
        else:
            placed = pieces(self.view, self.view._map, spans)  # type: ignore[attr-defined]
        if not placed:
            return []
        if spans != self._lane_spans:  # lanes change with the annotations, not with every paint
            self._lane_spans, self._lanes = spans, assign_lanes(spans)
        lanes = self._lanes
        return [
            (piece.x1, piece.x2, piece.underline + lanes[piece.index] * LANE_GAP, annotations[piece.index].colour)
            for piece in placed
        ]

    def segments(self) -> list[tuple[QPointF, QPointF, QColor]]:
        """Underline segments in viewport coordinates, for the annotations in view."""
        return [(QPointF(x1, y), QPointF(x2, y), QColor(c or DEFAULT_COLOUR)) for x1, x2, y, c in self._lines()]

    def _paint_underlines(self) -> None:
        by_colour: dict[str | None, list[QLineF]] = {}
        for x1, x2, y, colour in self._lines():
            by_colour.setdefault(colour, []).append(QLineF(x1, y, x2, y))
        if not by_colour:
            return
        painter = QPainter(self.view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for colour, lines in by_colour.items():  # one pen and one call a colour
            pen = QPen(QColor(colour or DEFAULT_COLOUR), LINE_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLines(lines)
        painter.end()
