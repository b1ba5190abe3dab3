"""The correction field: the selected text, editable in place, with the reason as an optional note.

It opens just under the selection in the article view (F2, or Correct… in the context
menu), holding the stored text of the selection (not its display-script form). Enter
applies, Escape closes; the desk turns the result into one undoable correction.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from ui.panel_parts import RetranslatedOnLanguageChange, named


class CorrectionBar(RetranslatedOnLanguageChange, QFrame):
    """A small floating editor over the article view."""

    #: (start, end, new text, note) in article code points
    applied = Signal(int, int, str, str)
    closed = Signal()

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent or view)
        self.setObjectName("correctionBar")
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#correctionBar { background: #fffdf6; border: 1px solid #c9b98f; border-radius: 4px; }")
        self.label = named(QLabel(self), "correctionLabel")
        self.field = named(QLineEdit(self), "correctionText")
        self.note = named(QLineEdit(self), "correctionNote")
        self.apply_button = named(QPushButton(self), "correctionApply")
        self.apply_button.setDefault(True)
        self.cancel_button = named(QPushButton(self), "correctionCancel")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.label)
        row.addWidget(self.field, 3)
        row.addWidget(self.note, 2)
        row.addWidget(self.apply_button)
        row.addWidget(self.cancel_button)
        self.range = (0, 0)
        self.original = ""
        self.field.returnPressed.connect(self.apply)
        self.note.returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.close_bar)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Correct:"))
        self.field.setToolTip(self.tr("The text as it should read"))
        self.note.setPlaceholderText(self.tr("Reason (optional)"))
        self.apply_button.setText(self.tr("Apply"))
        self.cancel_button.setText(self.tr("Cancel"))


    def open_for(self, start: int, end: int, text: str) -> None:
        """Edit article characters ``[start, end)``, which read ``text`` in the store."""
        self.range = (start, end)
        self.original = text
        self.field.setText(text)
        self.field.selectAll()
        self.note.clear()
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _place(self) -> None:
        width = min(max(420, self.view.viewport().width() * 2 // 3), self.view.width() - 16)
        self.resize(width, self.sizeHint().height())
        rect = self.view.cursorRect(self.view.cursor_for(*self.range))  # type: ignore[attr-defined]
        origin = self.view.viewport().mapTo(self.view, QPoint(0, 0))
        x = max(8, min(origin.x() + rect.left() - 40, self.view.width() - width - 8))
        y = origin.y() + rect.bottom() + 8
        if y + self.height() > self.view.height() - 8:
            y = max(8, origin.y() + rect.top() - self.height() - 8)
        self.move(x, y)

    def apply(self) -> None:
        if not self.isVisible():
            return
        start, end = self.range
        text, note = self.field.text(), self.note.text().strip()
        self.close_bar()
        if text != self.original:
            self.applied.emit(start, end, text, note)

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
