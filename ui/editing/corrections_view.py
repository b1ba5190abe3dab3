"""The corrections view: the article typeset as in the reading view, with its corrections inline.

Text a correction wrote is underlined (green); what it replaced is shown struck through
(red) just before it. The marks come from the store's history (``Project.corrections``),
so they stay on their characters through later edits, joins and splits. The view is
read-only and shows the same article as the reading view, which it replaces while
**Edit > Show Corrections** is on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from db.corrections import CorrectionMark
from ui.typeset import build_article_document
from ui.utf16 import Utf16Map

INSERTED = QColor("#1e7d3a")
INSERTED_BACKGROUND = QColor(30, 125, 58, 28)
DELETED = QColor("#b03a2e")


class CorrectionsView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionsView")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.marks: list[CorrectionMark] = []
        self._regions: list[tuple[int, int, CorrectionMark]] = []  # document positions of each mark
        self._describe: Callable[[CorrectionMark], str] = lambda m: ""
        self._viewport = self.viewport()
        self._viewport.installEventFilter(self)

    def set_describe(self, describe: Callable[[CorrectionMark], str]) -> None:
        self._describe = describe

    def show_article(
        self,
        blocks: Sequence[tuple[str, str]],
        marks: Sequence[CorrectionMark],
        size_pt: float,
        region: str,
        convert: Callable[[str], str] = str,
        margins: tuple[float, float] | None = None,
    ) -> None:
        """Typeset ``blocks`` (role, display text) and mark ``marks`` (offsets in the stored text)."""
        value = self.verticalScrollBar().value()
        doc = self.document()
        build_article_document(doc, blocks, size_pt, region)
        if margins is not None:
            root = doc.rootFrame()
            fmt = root.frameFormat()
            fmt.setLeftMargin(margins[0])
            fmt.setRightMargin(margins[0])
            fmt.setTopMargin(margins[1])
            fmt.setBottomMargin(40)
            root.setFrameFormat(fmt)
        self.marks = list(marks)
        umap = Utf16Map("\n".join(text for _, text in blocks))
        inserted = QTextCharFormat()
        inserted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        inserted.setUnderlineColor(INSERTED)
        inserted.setForeground(INSERTED)
        inserted.setBackground(INSERTED_BACKGROUND)
        deleted = QTextCharFormat()
        deleted.setFontStrikeOut(True)
        deleted.setForeground(DELETED)
        regions = []
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        # from the end, so earlier positions stay valid while deleted text is inserted
        for mark in sorted(self.marks, key=lambda m: (m.start, m.end), reverse=True):
            u0, u1 = umap.range_to_utf16(mark.start, mark.end)
            if u1 > u0:
                cursor.setPosition(u0)
                cursor.setPosition(u1, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(inserted)
            shown = convert(mark.deleted)
            if shown:
                cursor.setPosition(u0)
                base = QTextCharFormat(cursor.charFormat())
                base.merge(deleted)
                base.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
                base.clearBackground()
                cursor.insertText(shown, base)
            length = len(shown.encode("utf-16-le")) // 2
            regions = [(a + length, b + length, m) for a, b, m in regions]
            regions.append((u0, u1 + length, mark))
        cursor.endEditBlock()
        self._regions = regions
        self.verticalScrollBar().setValue(value)

    def mark_at(self, position: int) -> CorrectionMark | None:
        for start, end, mark in self._regions:
            if start <= position < max(end, start + 1):
                return mark
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and obj is self._viewport:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            cursor = self.cursorForPosition(help_event.pos())
            position = cursor.position()
            if help_event.pos().x() < self.cursorRect(cursor).x() and position > 0:
                position -= 1
            mark = self.mark_at(position)
            if mark is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(help_event.globalPos(), self._describe(mark), self.viewport())
            return True
        return False
