"""The library pane: a filter over the library tree (pages by file name, page name, date, number).

Typing "要闻" keeps the pages of that name, "2025-10" those of October 2025, "3" or "第3版" page 3;
words narrow together ("要闻 2025-10"). The filter is the store's (``db.library.list_sources``),
so it stays fast on a big project; the tree stays lazy.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from ui.library import LibraryModel
from ui.panel_parts import debounce, named

FILTER_DELAY_MS = 200


class LibraryPane(QWidget):
    """The filter box over the library tree; hiding the pane hides both."""

    def __init__(self, tree: QTreeView, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.tree, self.model = tree, model
        self.filter = named(QLineEdit(self), "libraryFilter")
        self.filter.setClearButtonEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(tree, 1)
        self._debounce = debounce(self, FILTER_DELAY_MS, self.apply_filter)
        self.filter.textChanged.connect(lambda _text: self._debounce.start())
        self.filter.returnPressed.connect(self.apply_filter)
        self.on_filtered = lambda: None  # the window selects the open article again (mainwindow)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter pages: name, date, page…"))
        self.filter.setToolTip(self.tr(
            "Keep the pages whose file name or page name holds these words, whose date starts with one "
            "(2025-10) or whose page number it is (3, 第3版)"
        ))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def apply_filter(self) -> None:
        self._debounce.stop()
        if " ".join(self.filter.text().split()) == self.model.filter_text:
            return
        self.model.set_filter(self.filter.text())
        self.on_filtered()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.filter.hasFocus() and self.filter.text():
            self.filter.clear()
            self.apply_filter()
            return
        super().keyPressEvent(event)
