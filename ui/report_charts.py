"""The Reports panel's charts, painted with QPainter (PySide6-Essentials has no QtCharts).

:class:`BarChart` (stacked or grouped bars, one row a label) and :class:`Heatmap` (the
co-occurrence matrix) paint into any rectangle: the widget, or an image of a fixed size for PNG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

DEFAULT_BAR = "#4a78b5"
PNG_SIZE = QSize(1200, 800)


def _display(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


# -- charts ------------------------------------------------------------------------------------------


class _Chart(QWidget):
    """A chart painted by :meth:`paint` into any rectangle: the widget, or an image for PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setPen(self.palette().text().color())
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def image(self, size: QSize = PNG_SIZE) -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        painter.setPen(QColor("#202020"))
        self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def save_png(self, path: str | Path, size: QSize = PNG_SIZE) -> bool:
        return self.image(size).save(str(path), "PNG")

    def paint(self, painter: QPainter, rect: QRectF) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _title(self, painter: QPainter, rect: QRectF) -> QRectF:
        if not self.title:
            return rect
        font = QFont(painter.font())
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        height = QFontMetrics(font).height() + 8
        painter.drawText(rect.adjusted(8, 4, -8, 0), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         self.title)
        painter.restore()
        return rect.adjusted(0, height + 4, 0, 0)


def _step(top: float) -> float:
    """A round grid step giving three to six lines up to ``top``."""
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _grid(painter: QPainter, area: QRectF, top: float, fm: QFontMetrics) -> None:
    step = _step(top)
    painter.save()
    painter.setPen(QColor(120, 120, 120))
    painter.drawText(QRectF(area.left() - 40, area.bottom(), 80, fm.height()), int(Qt.AlignmentFlag.AlignCenter), "0")
    value = step
    while value <= top * 1.0001:
        x = area.left() + value / top * area.width()
        painter.setPen(QColor(200, 200, 200, 140))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(QColor(120, 120, 120))
        label = _display(round(value, 6))
        painter.drawText(QRectF(x - 40, area.bottom(), 80, fm.height()), int(Qt.AlignmentFlag.AlignCenter), label)
        value += step
    painter.restore()


class BarChart(_Chart):
    """Horizontal bars, one row per label; several series are stacked (with a legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.labels: list[str] = []
        self.series: list[list[float]] = []  # series × labels
        self.names: list[str] = []
        self.colours: list[list[str]] = []  # per series: one colour per label (or one for all)
        self.value_texts: list[str] | None = None
        self.maximum: float | None = None

    def set_data(
        self,
        labels: Sequence[str],
        series: Sequence[Sequence[float]],
        *,
        names: Sequence[str] = (),
        colours: Sequence[Sequence[str]] = (),
        value_texts: Sequence[str] | None = None,
        maximum: float | None = None,
        title: str = "",
    ) -> None:
        self.labels = list(labels)
        self.series = [list(s) for s in series]
        self.names = list(names)
        self.colours = [list(c) for c in colours]
        self.value_texts = list(value_texts) if value_texts is not None else None
        self.maximum = maximum
        self.title = title
        self.update()

    def _colour(self, s: int, i: int) -> QColor:
        if s < len(self.colours) and self.colours[s]:
            c = self.colours[s]
            return QColor(c[i] if i < len(c) else c[-1])
        return QColor(DEFAULT_BAR)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        rect = self._title(painter, rect).adjusted(8, 4, -12, -8)
        fm = painter.fontMetrics()
        if not self.labels:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "—")
            return
        legend_h = fm.height() + 8 if len(self.series) > 1 and self.names else 0
        label_w = min(rect.width() * 0.4, max(fm.horizontalAdvance(t) for t in self.labels) + 12)
        totals = [sum(s[i] for s in self.series) for i in range(len(self.labels))]
        top = self.maximum if self.maximum is not None else max([*totals, 0.0])
        top = top or 1.0
        value_w = max(fm.horizontalAdvance(t) for t in (self.value_texts or [_display(v) for v in totals])) + 8
        area = QRectF(rect.left() + label_w, rect.top(), rect.width() - label_w - value_w,
                      rect.height() - legend_h - fm.height() - 4)
        row_h = area.height() / len(self.labels)
        bar_h = max(2.0, min(row_h * 0.7, 28.0))
        text_colour = painter.pen().color()
        for i, label in enumerate(self.labels):
            y = area.top() + i * row_h + (row_h - bar_h) / 2
            if row_h >= fm.height() * 0.8 or i % max(1, math.ceil(fm.height() / max(row_h, 1))) == 0:
                painter.setPen(text_colour)
                elided = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_w - 10))
                painter.drawText(QRectF(rect.left(), y - 4, label_w - 8, bar_h + 8),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)
            x = area.left()
            for s, values in enumerate(self.series):
                width = max(0.0, values[i]) / top * area.width()
                if width > 0:
                    painter.fillRect(QRectF(x, y, width, bar_h), self._colour(s, i))
                x += width
            painter.setPen(text_colour)
            text = self.value_texts[i] if self.value_texts is not None else _display(totals[i])
            painter.drawText(QRectF(x + 4, y - 4, value_w + 40, bar_h + 8),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        _grid(painter, area, top, fm)
        painter.setPen(QColor(128, 128, 128))
        painter.drawLine(area.topLeft(), area.bottomLeft())
        if legend_h:
            x = area.left()
            y = rect.bottom() - legend_h + 6
            for s, name in enumerate(self.names):
                painter.fillRect(QRectF(x, y + 2, 12, 12), self._colour(s, 0))
                painter.setPen(text_colour)
                painter.drawText(QRectF(x + 16, y - 2, fm.horizontalAdvance(name) + 8, fm.height() + 4),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
                x += fm.horizontalAdvance(name) + 36




class Heatmap(_Chart):
    """A square matrix (tags × tags), each cell shaded by its value and labelled with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatmap")
        self.labels: list[str] = []
        self.matrix: list[list[float]] = []

    def set_data(self, labels: Sequence[str], matrix: Sequence[Sequence[float]], title: str = "") -> None:
        self.labels = list(labels)
        self.matrix = [list(r) for r in matrix]
        self.title = title
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        rect = self._title(painter, rect).adjusted(8, 4, -8, -8)
        fm = painter.fontMetrics()
        n = len(self.labels)
        if not n:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "—")
            return
        label_w = min(rect.width() * 0.3, max(fm.horizontalAdvance(t) for t in self.labels) + 12)
        head_h = min(rect.height() * 0.3, label_w)
        side = min((rect.width() - label_w) / n, (rect.height() - head_h) / n)
        left, top = rect.left() + label_w, rect.top() + head_h
        peak = max([v for row in self.matrix for v in row] + [1])
        text_colour = painter.pen().color()
        for i, label in enumerate(self.labels):
            painter.setPen(text_colour)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_w - 10))
            painter.drawText(QRectF(rect.left(), top + i * side, label_w - 8, side),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)
            painter.save()  # column heads, rotated
            painter.translate(left + i * side + side / 2, top - 6)
            painter.rotate(-60)
            head = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, int(head_h * 1.1))
            painter.drawText(QRectF(0, -fm.height() / 2, head_h * 1.15, fm.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), head)
            painter.restore()
        for i in range(n):
            for j in range(n):
                value = self.matrix[i][j] if i < len(self.matrix) and j < len(self.matrix[i]) else 0
                share = value / peak
                cell = QRectF(left + j * side, top + i * side, side - 1, side - 1)
                colour = QColor.fromHsvF(0.58, 0.08 + 0.8 * share, 0.98 - 0.45 * share)
                painter.fillRect(cell, colour)
                if side >= fm.height() and value:
                    painter.setPen(QColor("white") if share > 0.55 else QColor("#202020"))
                    painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), _display(value))
