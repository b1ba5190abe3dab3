"""The article typeset for reading (the raw dump's view is :mod:`ui.raw_view`).

Both views speak code point offsets to the rest of the desk (article offsets and raw
offsets) and convert to Qt's UTF-16 positions here, through :mod:`ui.utf16`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QTextEdit, QWidget

from ui.span_geometry import Piece, line_bands, pieces
from ui.typeset import MEASURE_EM, build_article_document
from ui.utf16 import Utf16Map

LINKED = QColor("#ffd866")  # characters linked to the other side's selection
ARTICLE_LINES = QColor("#eef3fb")  # raw lines the open article was made from
CURRENT_PARAGRAPH = QColor("#f6f1e4")
SEARCH_HIT = QColor("#ffb28a")
ANNOTATION = QColor("#3d7fd1")  # tags without a colour of their own
TINT_ALPHA = 48  # a tag's tint: light enough that overlapping tints blend and the text reads


def extra_selection(cursor: QTextCursor, color: QColor, full_width: bool = False) -> QTextEdit.ExtraSelection:
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    sel.format.setBackground(color)
    if full_width:
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
    return sel


def read_only_view(view: QTextBrowser | QPlainTextEdit, name: str) -> None:
    """A frameless, read-only text view whose text can be selected by mouse and keyboard (no text yet)."""
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    view.setFrameShape(view.Shape.NoFrame)
    view.display_text = ""
    view._map = Utf16Map("")


class CodePointCursor:
    """Cursors and selections in code points, for a Qt text view that keeps its :class:`Utf16Map` in ``_map``."""

    #: code point range of the user's selection (empty range: no selection)
    selection_changed_cp = Signal(int, int)
    #: code point offset of a plain click (no selection)
    clicked_cp = Signal(int)

    _map: Utf16Map

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting characters ``[start, end)`` (code points) of the view's text."""
        u0, u1 = self._map.range_to_utf16(start, end)
        cursor = QTextCursor(self.document())  # type: ignore[attr-defined]
        cursor.setPosition(u0)
        cursor.setPosition(u1, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selected_range(self) -> tuple[int, int]:
        """The user's selection in code points (an empty range: none)."""
        cursor = self.textCursor()  # type: ignore[attr-defined]
        return self._map.range_to_code_points(cursor.selectionStart(), cursor.selectionEnd())


class ArticleView(CodePointCursor, QTextBrowser):
    """Read-only reading view of one article (offsets in its signals: the article's code points)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        read_only_view(self, "articleView")
        self.setOpenLinks(False)
        self._blocks: list[tuple[str, str]] = []
        self._size_pt = 13.0
        self._region = "SC"
        self._linked: list[tuple[int, int]] = []
        self._marked: list[tuple[int, int]] = []
        self._annotation_spans: list[tuple[int, int, str | None]] = []
        self._pieces: list[Piece] = []
        self._pieces_key: tuple | None = None
        self._paragraph: int | None = None
        self._quiet = False
        self.selectionChanged.connect(self._on_selection_changed)

    # -- content ---------------------------------------------------------------------------
    def set_blocks(self, blocks: Sequence[tuple[str, str]], size_pt: float | None = None) -> None:
        """Show ``blocks`` (role, display text); display text is as long as the stored text."""
        if size_pt is not None:
            self._size_pt = size_pt
        self._blocks = list(blocks)
        self.display_text = "\n".join(t for _, t in self._blocks)
        self._map = Utf16Map(self.display_text)
        self._linked, self._marked, self._paragraph = [], [], None
        self._quiet = True
        try:
            build_article_document(self.document(), self._blocks, self._size_pt, self._region)
            self._update_measure()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._quiet = False
        self._refresh_extra()
        self.verticalScrollBar().setValue(0)

    def update_blocks(self, blocks: Sequence[tuple[str, str]]) -> bool:
        """Show new texts for the same blocks in place (a correction); False when roles or count differ.

        Only the changed blocks are rewritten (keeping their typesetting), so the document is not
        laid out again from the top; the selection and highlights are for the caller to set again.
        """
        blocks = list(blocks)
        if [r for r, _ in blocks] != [r for r, _ in self._blocks]:
            return False
        self._quiet = True
        try:
            doc = self.document()
            for index, ((_, old), (_, new)) in enumerate(zip(self._blocks, blocks, strict=True)):
                if old == new:
                    continue
                block = doc.findBlockByNumber(index)
                fmt = block.begin().fragment().charFormat() if not block.begin().atEnd() else block.charFormat()
                # only the characters that changed: the rest keeps its layout
                prefix = 0
                while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
                    prefix += 1
                suffix = 0
                while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
                    suffix += 1
                inner = Utf16Map(old)
                u0, u1 = inner.range_to_utf16(prefix, len(old) - suffix)
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + u0)
                cursor.setPosition(block.position() + u1, QTextCursor.MoveMode.KeepAnchor)
                if prefix < len(old) - suffix or prefix < len(new) - suffix:
                    char_fmt = cursor.charFormat() if u1 > u0 or u0 > 0 else fmt
                    cursor.insertText(new[prefix : len(new) - suffix], char_fmt)
        finally:
            self._quiet = False
        self._blocks = blocks
        self.display_text = "\n".join(t for _, t in blocks)
        self._map = Utf16Map(self.display_text)
        self._linked, self._marked = [], []
        self._refresh_extra()
        return True

    def set_font_size(self, size_pt: float, region: str | None = None) -> None:
        """Reading size in points; ``region`` (SC, TC, HK) picks the glyph standard of the fonts."""
        region = region or self._region
        if size_pt == self._size_pt and region == self._region:
            return
        self._size_pt = size_pt
        self._region = region
        value = self.verticalScrollBar().value()
        linked, marked, paragraph, spans = self._linked, self._marked, self._paragraph, self._annotation_spans
        self.set_blocks(self._blocks)
        self._linked, self._marked, self._paragraph = linked, marked, paragraph
        self.set_annotations(spans)
        self.verticalScrollBar().setValue(value)

    def block_starts(self) -> list[int]:
        starts, pos = [], 0
        for _, text in self._blocks:
            starts.append(pos)
            pos += len(text) + 1
        return starts

    # -- measure: keep lines at a comfortable length, centred ------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_measure()

    def _update_measure(self) -> None:
        em = QFontMetricsF(self.document().defaultFont()).horizontalAdvance("\u56fd")
        measure = MEASURE_EM * em
        width = self.viewport().width()
        side = max(24.0, (width - measure) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 1 and fmt.topMargin() == 28:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(40)
        root.setFrameFormat(fmt)

    # -- selections and highlights -------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        if self._quiet:
            return
        self.selection_changed_cp.emit(*self.selected_range())

    def cursor_offset(self) -> int:
        """Where the selection starts (or the cursor is), in code points of the article's text."""
        cursor = self.textCursor()
        return self._map.to_code_point(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        cursor = self.cursorForPosition(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked_cp.emit(self._map.to_code_point(cursor.position()))

    def select_range(self, start: int, end: int) -> None:
        """Select article characters ``[start, end)`` (emits :attr:`selection_changed_cp`)."""
        cursor = self.cursor_for(start, end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._center(cursor)

    def set_linked(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Highlight article ranges linked to the raw selection."""
        self._linked = list(ranges)
        self._refresh_extra()
        if self._linked:
            self._center(self.cursor_for(*self._linked[0]))

    def set_annotations(self, spans: Iterable[tuple[int, int, str | None]]) -> None:
        """Annotated ranges (start, end, tag colour) tinted in their tag's colour; overlapping tints blend.

        The tints are painted under the text by :meth:`paintEvent` from these spans (see
        :mod:`ui.span_geometry` for why not one extra selection each); their underlines, stacked
        where annotations overlap, are painted by ``ui.editing.highlights``.
        """
        self._annotation_spans = list(spans)
        self.viewport().update()

    def annotation_spans(self) -> list[tuple[int, int, str | None]]:
        return list(self._annotation_spans)

    def annotation_pieces(self) -> list[Piece]:
        """Where the annotations in view sit on screen (one piece per line), computed once per paint.

        The tints (here) and the underlines (``ui.editing.highlights``) are painted from the same pieces.
        """
        bars = (self.verticalScrollBar().value(), self.horizontalScrollBar().value())
        key = (self._annotation_spans, self.document().revision(), bars, self.viewport().size().toTuple())
        if key != self._pieces_key:
            self._pieces = pieces(self, self._map, [(s, e) for s, e, _ in self._annotation_spans])
            self._pieces_key = key
        return self._pieces

    def tint_pieces(self) -> list[tuple[Piece, QColor]]:
        """The tints in view as painted: one piece per screen line of each annotation, with its colour."""
        spans = self._annotation_spans
        colours: dict[str | None, QColor] = {}
        out = []
        for piece in self.annotation_pieces():
            name = spans[piece.index][2]
            tint = colours.get(name)
            if tint is None:
                tint = colours[name] = QColor(name or ANNOTATION)
                tint.setAlpha(TINT_ALPHA)
            out.append((piece, tint))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The current paragraph and the tag tints first, under the text; then Qt paints the text on them."""
        if self._paragraph is not None or self._annotation_spans:
            painter = QPainter(self.viewport())
            painter.setPen(Qt.PenStyle.NoPen)
            if self._paragraph is not None and self._paragraph < len(self._blocks):
                for left, top, width, height in line_bands(self, self._paragraph):
                    painter.fillRect(QRectF(left, top, width, height), CURRENT_PARAGRAPH)
            for piece, tint in self.tint_pieces():
                painter.fillRect(QRectF(piece.x1, piece.top, piece.x2 - piece.x1, piece.height), tint)
            painter.end()
        super().paintEvent(event)

    def offset_at(self, pos) -> int:
        """Article code point offset of the character under viewport point ``pos``."""
        cursor = self.cursorForPosition(pos)
        offset = self._map.to_code_point(cursor.position())
        if pos.x() < self.cursorRect(cursor).x() and offset > 0:
            offset -= 1  # the cursor snapped to the right edge of the character under the pointer
        return offset

    def set_marked(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Search hits and other marks."""
        self._marked = list(ranges)
        self._refresh_extra()

    def linked_ranges(self) -> list[tuple[int, int]]:
        return list(self._linked)

    def current_paragraph(self) -> int | None:
        return self._paragraph

    def go_to_block(self, index: int) -> None:
        """Make block ``index`` the current paragraph and bring it into view."""
        if not self._blocks:
            return
        index = max(0, min(index, len(self._blocks) - 1))
        self._paragraph = index
        start = self.block_starts()[index]
        cursor = self.cursor_for(start, start)
        self._quiet = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._quiet = False
        self._refresh_extra()
        self._center(cursor)

    def _center(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)

    def _refresh_extra(self) -> None:
        extra = [extra_selection(self.cursor_for(s, e), SEARCH_HIT) for s, e in self._marked]
        extra += [extra_selection(self.cursor_for(s, e), LINKED) for s, e in self._linked]
        self.setExtraSelections(extra)
        self.viewport().update()  # the current paragraph and the tints are painted by paintEvent
