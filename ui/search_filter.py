"""The search panel's page filter: search only the pages of a name, number or range of dates.

The words mean what they mean in the library's filter, and the range is read by the store
(:mod:`db.page_filter`): "要闻 3" keeps page 3 named 要闻, "2025-10" pages dated in October
2025; "from"/"to" take a day, a month or a year. What the store refuses is named in the
search panel's status line, in the interface language, and nothing is searched.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from db.page_filter import PageFilter
from ui.panel_parts import RetranslatedOnLanguageChange, named

#: the date fields hold "2025-10-01" and a little more
DATE_CHARS = 12


class PageFilterBar(RetranslatedOnLanguageChange, QWidget):
    """Pages: [words]  Dated: [from] – [to]; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPageFilter")
        self.words = named(QLineEdit(self), "searchPages")
        self.first = named(QLineEdit(self), "searchFrom")
        self.last = named(QLineEdit(self), "searchTo")
        self.pages_label = QLabel(self)
        self.pages_label.setBuddy(self.words)
        self.dates_label = QLabel(self)
        self.dates_label.setBuddy(self.first)
        width = self.first.fontMetrics().horizontalAdvance("0" * DATE_CHARS) + 16
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pages_label)
        row.addWidget(self.words, 1)
        row.addWidget(self.dates_label)
        for edit, between in ((self.first, "–"), (self.last, None)):
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(width + 24)
            edit.setMinimumWidth(width // 2)
            row.addWidget(edit, 0)
            if between:
                row.addWidget(QLabel(between, self))
        self.words.setClearButtonEnabled(True)
        for edit in (self.words, self.first, self.last):
            edit.textChanged.connect(lambda _text: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.pages_label.setText(self.tr("&Pages:"))
        self.words.setPlaceholderText(self.tr("all (name, number, date)"))
        self.words.setToolTip(self.tr(
            "Search only the pages each word matches: in the file or page name (要闻), the page number "
            "(3, 第3版), the start of the date (2025-10) — as in the library's filter"))
        self.dates_label.setText(self.tr("&Dated:"))
        self.first.setPlaceholderText(self.tr("from"))
        self.first.setToolTip(self.tr("Only pages dated on or after this day, month or year (2025-10-01, 2025-10, "
                                      "2025)"))
        self.last.setPlaceholderText(self.tr("to"))
        self.last.setToolTip(self.tr("Only pages dated on or before this day, month or year (to its last day)"))

    def page_filter(self) -> PageFilter | None:
        """The pages to search (None: all); the store's :class:`~db.errors.QueryError` for bad input."""
        found = PageFilter.parse(self.words.text(), self.first.text(), self.last.text())
        return found or None
