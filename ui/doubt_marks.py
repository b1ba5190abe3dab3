"""Marks of the engine's doubts: in the article view's margin and in the raw text.

Each mark is painted by a child widget laid over the view's viewport (transparent to
the mouse), after the view painted its text, so it scrolls with the text and leaves
the view's own painting and the tagged-passage underlines alone.

- In the article: an amber bar in the left margin bridging the doubtful boundary, a
  question mark on it, and a dashed rule across the text where the boundary falls. The
  doubt the editor is on is drawn stronger. Hovering the margin mark says what it is.
- In the raw text: a marker in the line-number gutter at the line where the block after
  the boundary starts, a dashed rule above that line and a bar before its first character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

DOUBT = QColor("#e08a00")  # amber: "look here"
CURRENT = QColor("#c0392b")  # the doubt the editor is on
BADGE = 16.0  # diameter of the question mark's disc


@dataclass(frozen=True, slots=True)
class Mark:
    """A boundary to mark: where (block index or raw offset), how sure the engine was, what to say."""

    at: int  #: article block index (article view) or raw code point offset (raw view)
    confidence: float
    tip: str
    current: bool = False


def _badge(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, BADGE / 2, BADGE / 2)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(int(BADGE * 0.75))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(centre.x() - BADGE / 2, centre.y() - BADGE / 2, BADGE, BADGE),
                     int(Qt.AlignmentFlag.AlignCenter), "?")


class _Overlay(QWidget):
    """A mouse-transparent layer that paints marks over a scroll area's viewport.

    It covers the viewport, or with ``whole`` the whole view (a gutter beside the viewport
    too); marks are computed in viewport coordinates either way (:meth:`offset`).
    """

    def __init__(self, view: QAbstractScrollArea, whole: bool = False) -> None:
        self.host = view if whole else view.viewport()
        super().__init__(self.host)
        self.view = view
        self.marks: list[Mark] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._fit()
        self.host.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        view.horizontalScrollBar().valueChanged.connect(lambda _v: self.update())
        self.show()

    def _fit(self) -> None:
        self.setGeometry(self.host.contentsRect() if self.host is self.view else self.host.rect())
        self.raise_()

    def offset(self) -> QPointF:
        """Where the viewport's origin is in this layer."""
        if self.host is self.view:
            return QPointF(self.view.viewport().pos() - self.pos())
        return QPointF(0, 0)

    def set_marks(self, marks: Sequence[Mark]) -> None:
        marks = list(marks)
        if marks != self.marks:  # the same marks again (a keystroke elsewhere): no repaint of the view under them
            self.marks = marks
            self.update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()  # the type first: the filter also sees a viewport being destroyed
        if kind == QEvent.Type.Resize and obj is self.host:
            self._fit()
        elif kind == QEvent.Type.ToolTip and obj is self.view.viewport():
            mark = self.mark_at(event.pos())  # type: ignore[attr-defined]
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tip, self.view.viewport())  # type: ignore[attr-defined]
                return True
        return False

    def hit_box(self, mark: Mark) -> QRectF | None:  # pragma: no cover - overridden
        """Where the mouse finds ``mark`` (its tooltip), in viewport coordinates; None when it is not laid out."""
        raise NotImplementedError

    def paint_mark(self, painter: QPainter, mark: Mark, width: float) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def hit_boxes(self) -> list[tuple[QRectF, Mark]]:
        return [(box, mark) for mark in self.marks if (box := self.hit_box(mark)) is not None]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if not self.marks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.view.viewport().width()
        for mark in self.marks:
            self.paint_mark(painter, mark, width)
        painter.end()

    def mark_at(self, pos) -> Mark | None:
        for box, mark in self.hit_boxes():
            if box.contains(QPointF(pos)):
                return mark
        return None


class ArticleDoubtMarks(_Overlay):
    """Marks in the article view (a :class:`ui.views.ArticleView`); ``Mark.at`` is a block index."""

    def boundary(self, index: int) -> tuple[float, float, float] | None:
        """(top of the gap, bottom of the gap, left edge of the text) of the boundary before block ``index``."""
        doc = self.view.document()  # type: ignore[attr-defined]
        block = doc.findBlockByNumber(index)
        if not block.isValid():
            return None
        layout = doc.documentLayout()
        dy = -self.view.verticalScrollBar().value()
        box = layout.blockBoundingRect(block)
        below = box.top() + dy
        prev = block.previous()
        above = layout.blockBoundingRect(prev).bottom() + dy if prev.isValid() else below - 10
        left = doc.rootFrame().frameFormat().leftMargin() - self.view.horizontalScrollBar().value()
        return above, below, left

    def _geometry(self, mark: Mark) -> tuple[QRectF, QPointF, float, float] | None:
        found = self.boundary(mark.at)
        if found is None:
            return None
        above, below, left = found
        first_line = self.view.document().findBlockByNumber(mark.at).layout()  # type: ignore[attr-defined]
        line_h = first_line.lineAt(0).height() if first_line.lineCount() else 20.0
        top, bottom = above - line_h * 0.6, below + line_h * 0.9
        x = max(BADGE / 2 + 2, left - BADGE / 2 - 6)
        bar = QRectF(x - 2, top, 4, bottom - top)
        return bar, QPointF(x, (above + below) / 2), (above + below) / 2, left

    def hit_box(self, mark: Mark) -> QRectF | None:
        geometry = self._geometry(mark)
        if geometry is None:
            return None
        bar, centre, _y, _left = geometry
        return bar.united(QRectF(centre.x() - BADGE, centre.y() - BADGE, 2 * BADGE, 2 * BADGE))

    def paint_mark(self, painter: QPainter, mark: Mark, width: float) -> None:
        geometry = self._geometry(mark)
        if geometry is None or geometry[0].bottom() < 0 or geometry[0].top() > self.height():
            return
        bar, centre, y, left = geometry
        colour = CURRENT if mark.current else DOUBT
        painter.fillRect(bar, colour)
        rule = QColor(colour)
        rule.setAlpha(200 if mark.current else 150)
        painter.setPen(QPen(rule, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(left, y), QPointF(width - left, y))
        _badge(painter, centre, colour)
        room = centre.x() - BADGE / 2 - 4
        if room >= 36:  # a wide margin: say how sure the engine was, beside the mark
            painter.setPen(colour)
            font = QFont(self.font())
            font.setPixelSize(11)
            painter.setFont(font)
            painter.drawText(QRectF(room - 40, y - 8, 40, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{round(mark.confidence * 100)}%")


class RawDoubtMarks(_Overlay):
    """Marks in the raw view (a :class:`ui.raw_view.RawView`); ``Mark.at`` is a raw offset."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view, whole=True)

    def _geometry(self, mark: Mark) -> QRectF | None:
        """The caret before the block's first character, in viewport coordinates."""
        text = self.view.display_text  # type: ignore[attr-defined]
        if not 0 <= mark.at < max(1, len(text)):
            return None
        rect = self.view.cursorRect(self.view.cursor_for(mark.at, mark.at))  # type: ignore[attr-defined]
        return QRectF(rect.x() - 1.5, rect.top() + 1, 3, rect.height() - 2)

    def hit_box(self, mark: Mark) -> QRectF | None:
        caret = self._geometry(mark)
        return None if caret is None else QRectF(0, caret.top(), caret.right() + 8, caret.height())

    def paint_mark(self, painter: QPainter, mark: Mark, width: float) -> None:
        caret = self._geometry(mark)
        if caret is None or caret.bottom() < 0 or caret.top() > self.view.viewport().height():
            return
        origin = self.offset()
        caret = caret.translated(origin)
        colour = CURRENT if mark.current else DOUBT
        rule = QColor(colour)
        rule.setAlpha(170)
        painter.setPen(QPen(rule, 1.5, Qt.PenStyle.DashLine))
        top = caret.top() - 1
        painter.drawLine(QPointF(origin.x(), top), QPointF(origin.x() + width, top))
        painter.fillRect(caret, colour)
        # a marker in the gutter, left of the line number
        h = min(caret.height(), BADGE)
        y = caret.center().y()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon([QPointF(1, y - h / 2), QPointF(1 + h * 0.55, y), QPointF(1, y + h / 2)])
