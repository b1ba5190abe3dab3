"""The raw dump's view: the page as the engine read it, with line numbers.

Speaks raw code point offsets to the rest of the desk and converts to Qt's UTF-16
positions here, through :mod:`ui.utf16` (like :class:`ui.views.ArticleView`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.typeset import RAW_FAMILIES, make_font
from ui.utf16 import Utf16Map
from ui.views import ARTICLE_LINES, LINKED, CodePointCursor, extra_selection, read_only_view


class RawView(CodePointCursor, QPlainTextEdit):
    """Read-only raw dump with line numbers; reports selections and clicks in raw offsets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        read_only_view(self, "rawView")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # numbers stay the dump's lines
        self._article_lines: list[tuple[int, int]] = []
        self._linked: list[tuple[int, int]] = []
        self._quiet = False
        self._pressed = False
        self.scroll_at_press: int | None = None
        self._gutter = _LineNumbers(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._gutter.on_update_request)
        self.selectionChanged.connect(self._on_selection_changed)
        self.set_font_size(12)

    def set_font_size(self, size_pt: float, region: str = "SC") -> None:
        font = make_font(RAW_FAMILIES, size_pt, fixed=True, region=region)
        self.setFont(font)
        self._gutter.setFont(font)
        self._update_gutter_width()

    def set_raw(self, display_text: str) -> None:
        if display_text == self.display_text:
            return
        self._quiet = True
        try:
            self.display_text = display_text
            self._map = Utf16Map(display_text)
            self.setPlainText(display_text)
        finally:
            self._quiet = False
        self._article_lines, self._linked = [], []
        self._refresh_extra()

    # -- offsets ----------------------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        self.setTextCursor(self.cursor_for(start, end))

    def _on_selection_changed(self) -> None:
        if self._quiet:
            return
        start, end = self.selected_range()
        if start != end or not self._pressed:
            self.selection_changed_cp.emit(start, end)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._pressed = True
        self.scroll_at_press = self.verticalScrollBar().value()  # where the user looked when clicking
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        self._pressed = False
        cursor = self.textCursor()
        if event.button() == Qt.MouseButton.LeftButton and not cursor.hasSelection():
            self.clicked_cp.emit(self._map.to_code_point(cursor.position()))

    # -- highlights -------------------------------------------------------------------------------
    def set_article_lines(self, ranges: Iterable[tuple[int, int]], scroll: bool = True) -> None:
        """Tint whole raw lines containing ``ranges`` (the open article's source lines)."""
        ranges = list(ranges)
        if ranges != self._article_lines:  # a correction keeps them: no repaint of the dump per keystroke
            self._article_lines = ranges
            self._refresh_extra()
        if scroll and self._article_lines:
            self.scroll_to(self._article_lines[0][0], top=True)

    def set_linked(self, ranges: Iterable[tuple[int, int]]) -> None:
        ranges = list(ranges)
        if ranges != self._linked:  # moving the cursor in the article links nothing new: no repaint
            self._linked = ranges
            self._refresh_extra()
        if self._linked:
            self.scroll_to(self._linked[0][0])

    def linked_ranges(self) -> list[tuple[int, int]]:
        return list(self._linked)

    def scroll_to(self, raw_offset: int, top: bool = False) -> None:
        """Bring raw character ``raw_offset`` into view (near the top, or wherever it is visible).

        Lines wrap, so the scroll bar counts screen lines: the target is the wrapped line
        holding the character, not the dump's line number.
        """
        line = self.visual_line(raw_offset)
        bar = self.verticalScrollBar()
        first = bar.value()
        visible = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        if top:
            bar.setValue(max(0, line - 2))
        elif not first <= line < first + visible - 1:
            bar.setValue(max(0, line - visible // 3))
        x = self.cursorRect(self.cursor_for(raw_offset, raw_offset)).x()
        hbar = self.horizontalScrollBar()
        if x < 0 or x > self.viewport().width():
            hbar.setValue(max(0, hbar.value() + x - 40))

    def visual_line(self, raw_offset: int) -> int:
        """The screen line (wrapped lines counted) holding raw character ``raw_offset``."""
        position = self._map.to_utf16(raw_offset)
        block = self.document().findBlock(position)
        line = block.firstLineNumber()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            inner = layout.lineForTextPosition(position - block.position())
            if inner.isValid():
                line += inner.lineNumber()
        return line

    def _line_spans(self) -> list[tuple[int, int]]:
        """Article ranges joined across gaps of pure whitespace, so blank lines between tint too."""
        text = self.display_text
        spans: list[tuple[int, int]] = []
        for start, end in sorted(self._article_lines):
            if spans and (start <= spans[-1][1] or not text[spans[-1][1] : start].strip()):
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return spans

    def _refresh_extra(self) -> None:
        extra = []
        for start, end in self._line_spans():
            u0, u1 = self._map.range_to_utf16(start, max(start, end - 1))
            cursor = QTextCursor(self.document())
            cursor.setPosition(u0)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.setPosition(u1, QTextCursor.MoveMode.KeepAnchor)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            extra.append(extra_selection(cursor, ARTICLE_LINES, full_width=True))
        extra += [extra_selection(self.cursor_for(s, e), LINKED) for s, e in self._linked]
        self.setExtraSelections(extra)

    # -- line numbers -----------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_gutter_width(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(rect.left(), rect.top(), self.gutter_width(), rect.height())

    def paint_gutter(self, painter: QPainter, event_rect) -> None:
        painter.fillRect(event_rect, QColor("#f3f1ec"))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        painter.setPen(QColor("#a39e93"))
        width = self.gutter_width() - 8
        height = self.fontMetrics().height()
        while block.isValid() and top <= event_rect.bottom():
            if block.isVisible() and bottom >= event_rect.top():
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1


class _LineNumbers(QWidget):
    def __init__(self, editor: RawView) -> None:
        super().__init__(editor)
        self._editor = editor

    def on_update_request(self, rect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        self._editor.paint_gutter(painter, event.rect())
        painter.end()
