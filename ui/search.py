"""The search panel: search as you type, keyword-in-context hits in a table model.

A keystroke after a pause searches at once (leading edge); the keystrokes of a
burst that follow only restart a short timer, and the query as it stands when
typing pauses runs then (trailing edge). So an isolated keystroke costs one
search and a fast typist does not queue one search per character. Queries run
through :mod:`ui.tasks`, off the GUI thread when the store allows it; answers to
stale queries are dropped by a generation counter. The page filter under the query
(:mod:`ui.search_filter`) keeps the hits to pages of a name, number or range of dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QWidget,
)

from db.errors import QueryError
from db.models import SearchHit, SearchResult
from ui.item_views import Index, ItemsTableModel, header_label, list_view
from ui.panel_parts import RetranslatedOnLanguageChange, bar_over_list, debounce, named
from ui.search_filter import PageFilterBar
from ui.store_errors import translate_store_error
from ui.tasks import Task

PAGE = 200
#: hit rows the panel shows when it first opens, and the fewest it can be squeezed to
FIRST_ROWS = 6
MIN_ROWS = 3
#: from this panel width (pixels) the page filter stands beside the query, saving the hits a row
ONE_ROW_WIDTH = 900
DEBOUNCE_MS = 120
HIT_ROLE = Qt.ItemDataRole.UserRole + 1

#: (query, regex, offset, limit[, cancel, pages]) -> a page of hits; ``cancel()`` turning True stops the search,
#: ``pages`` (a :class:`db.page_filter.PageFilter`) keeps the hits on the pages it keeps
SearchFn = Callable[..., SearchResult]


#: the columns of the search hits (the article, the hit in its context)
COLUMN_LABELS = (
    QT_TRANSLATE_NOOP("SearchPanel", "Article"),
    QT_TRANSLATE_NOOP("SearchPanel", "Before"),
    QT_TRANSLATE_NOOP("SearchPanel", "Match"),
    QT_TRANSLATE_NOOP("SearchPanel", "After"),
)


class SearchResultsModel(ItemsTableModel):
    """Hits of one query; more are fetched a page at a time as the view scrolls."""

    COLUMNS = 4  # article, left context, match, right context

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self._fetch: Callable[[int], SearchResult] | None = None
        self._exhausted = True
        self._display: Callable[[str], str] = str
        self.total: int | None = None
        self.total_is_exact = True
        self._lead_of: Callable[[int], str] | None = None
        self._leads: dict[int, str] = {}

    def set_lead_of(self, lead_of: Callable[[int], str] | None) -> None:
        """``lead_of(article_id)``: the opening words that name an article printed without a headline."""
        self._lead_of = lead_of
        self._leads = {}

    def article_name(self, hit: SearchHit) -> str:
        """The headline, or the opening words of a continuation article (in italics, with an ellipsis)."""
        if hit.headline or self._lead_of is None:
            return hit.headline
        if hit.article_id not in self._leads:
            try:
                self._leads[hit.article_id] = self._lead_of(hit.article_id)
            except Exception:  # noqa: BLE001 (a closed project: no name rather than a broken table)
                self._leads[hit.article_id] = ""
        lead = self._leads[hit.article_id]
        return lead + "…" if lead else ""

    def set_display(self, convert: Callable[[str], str]) -> None:
        """Show the hits through ``convert`` (the display script)."""
        self._display = convert
        if self.hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.hits) - 1, self.COLUMNS - 1))

    def set_page(self, page: SearchResult, fetch: Callable[[int], SearchResult] | None) -> None:
        """Show the first page of a query; ``fetch(offset)`` brings later pages when the view scrolls."""
        self.beginResetModel()
        self.hits = list(page.hits)
        self._fetch = fetch
        self._exhausted = fetch is None or not page.more
        self.total: int | None = getattr(page, "total", None)  # every hit, when the store counts them
        self.total_is_exact: bool = getattr(page, "total_is_exact", True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_page(SearchResult((), False), None)

    def items(self) -> list[SearchHit]:
        return self.hits

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        page = self._fetch(len(self.hits))
        rows = list(page.hits)
        self._exhausted = not page.more or not rows
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(rows) - 1)
            self.hits.extend(rows)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return header_label(section, orientation, role, "SearchPanel", COLUMN_LABELS)

    def cell(self, hit: SearchHit, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            text = (self.article_name(hit), hit.left, hit.hit, hit.right)[column]
            return _one_line(self._display(text))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 1:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 2:
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column == 0 and not hit.headline:
            font = QFont()
            font.setItalic(True)  # opening words stand in for the headline, as in the library
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2:
                return QColor("#8a2b1b")
            if column == 0:
                return QColor("#6b6257")
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self._display
            return f"{shown(self.article_name(hit))}\n…{shown(hit.left)}【{shown(hit.hit)}】{shown(hit.right)}…"
        if role == HIT_ROLE:
            return hit
        return None


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")


class _ElideLeft(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SearchPanel(RetranslatedOnLanguageChange, QWidget):
    """Query field, regex toggle, hit count and the KWIC table."""

    hit_activated = Signal(object)  # SearchHit
    searched = Signal(str)  # the results of this query are shown

    def __init__(self, regex_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._search: SearchFn | None = None
        self._threaded = False
        self._generation = 0
        self._task: Task | None = None
        self.regex_action = regex_action

        self.query = named(QLineEdit(self), "searchQuery")
        self.query.setClearButtonEnabled(True)
        self.regex_button = QToolButton(self)
        self.regex_button.setDefaultAction(regex_action)
        self.regex_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status = named(QLabel(self), "searchStatus")
        self.status.setMinimumWidth(90)
        self.model = SearchResultsModel(self)
        self.table = list_view(QTableView(self), "searchResults", self.model)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(1, _ElideLeft(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        self.table.setMinimumHeight(self._rows_height(MIN_ROWS))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.query, 1)
        row.addWidget(self.regex_button)
        row.addWidget(self.status)
        self.filter = PageFilterBar(self)
        self.bars = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # the filter beside the query, or under it
        self.bars.addLayout(row, 1)
        self.bars.addWidget(self.filter, 1)
        layout = bar_over_list(self, self.bars, self.table)
        self.filter_message = named(QLabel(self), "searchFilterProblem")  # why the page filter is no filter
        self.filter_message.setWordWrap(True)
        self.filter_message.setStyleSheet("color: #b03a2e;")
        self.filter_message.hide()
        layout.insertWidget(1, self.filter_message)

        self._timer = debounce(self, DEBOUNCE_MS, self._on_pause)
        self._pending = False
        self.shown_query: str | None = None  # the query whose results the table shows
        self.filter_problem: QueryError | None = None  # why the page filter as typed is no filter
        self.query.textChanged.connect(self._on_edit)
        self.query.returnPressed.connect(self._on_return)
        regex_action.toggled.connect(lambda _=False: self._on_edit())
        self.filter.changed.connect(self._on_edit)
        self.table.activated.connect(self._on_activated)
        self.table.clicked.connect(self._on_activated)
        self.retranslate_ui()

    def _rows_height(self, rows: int) -> int:
        """Pixels the hits table needs to show its header and ``rows`` hits."""
        table = self.table
        return (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
                + 2 * table.frameWidth())

    def first_height(self) -> int:
        """The panel's height when its dock first opens: the query and filter bars over ``FIRST_ROWS`` hits."""
        margins = self.layout().contentsMargins()
        bars = self.bars.sizeHint().height() + self.layout().spacing()
        return margins.top() + bars + self._rows_height(FIRST_ROWS) + margins.bottom()

    # -- wiring --------------------------------------------------------------------------------
    def set_search(self, search: SearchFn | None, threaded: bool = False) -> None:
        self._search = search
        self._threaded = threaded
        self.model.clear()
        if self.query.text():
            self.run_search()

    def retranslate_ui(self) -> None:
        self.query.setPlaceholderText(self.tr("Search the project (Simplified and Traditional alike)…"))
        self.query.setToolTip(self.tr("Results appear as you type"))
        self._show_count()


    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The page filter beside the query where the panel is wide (a bottom dock), under it where narrow."""
        wide = event.size().width() >= ONE_ROW_WIDTH
        self.bars.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    # -- searching -------------------------------------------------------------------------------
    def _on_edit(self, *_: object) -> None:
        if self._timer.isActive():
            self._pending = True  # inside a burst: wait for the pause
            self._timer.start()
        else:
            self._timer.start()
            self.run_search()

    def _on_pause(self) -> None:
        if self._pending:
            self.run_search()

    @property
    def pending(self) -> bool:
        return self._pending

    def run_search(self) -> None:
        """Run the current query now."""
        self._pending = False
        self._generation += 1
        generation = self._generation
        query = self.query.text().strip()
        regex = self.regex_action.isChecked()
        self._error = ""
        self._query_error = False
        self.filter_problem = None
        try:
            pages = self.filter.page_filter()
        except QueryError as exc:  # a filter that is no filter: say what is wrong, search nothing
            self.model.clear()
            self.shown_query = query
            self.filter_problem = exc
            self._show_count()
            self.searched.emit(query)
            return
        if not query or self._search is None:
            self.model.clear()
            self.shown_query = query
            self._show_count()
            return
        search = self._search
        self._cancel_running()  # a newer query: the one still running is of no use

        def work(progress, cancelled):
            return search(query, regex, 0, PAGE, cancel=cancelled, pages=pages)

        def done(page: SearchResult) -> None:
            if generation != self._generation:
                return
            self.model.set_page(page, lambda offset: search(query, regex, offset, PAGE, pages=pages))
            self._fit_match_column()
            self.shown_query = query
            self._show_count()
            self.searched.emit(query)

        def failed(exc, _text) -> None:
            if generation != self._generation:
                return
            self.model.clear()
            self.shown_query = query
            self._query_error = isinstance(exc, (QueryError, re.error))
            self._error = translate_store_error(exc) if self._query_error else str(exc)
            self._show_count()
            self.searched.emit(query)

        if self._threaded and not Task.synchronous:
            task = Task(work, self)
            task.succeeded.connect(done)
            task.failed.connect(failed)
            task.finished.connect(task.deleteLater)
            self._task = task
            task.start()
        else:
            try:
                done(work(None, None))
            except Exception as exc:  # a bad regular expression, for one
                failed(exc, "")

    def _cancel_running(self) -> None:
        """Stop the search still running off the GUI thread (it checks between articles and in SQLite)."""
        task, self._task = self._task, None
        if task is None:
            return
        try:
            task.cancel()
        except RuntimeError:  # already finished and deleted
            pass

    def _fit_match_column(self) -> None:
        """As wide as the matches (not the header), so the keyword sits close to its context."""
        if self.model.rowCount():
            self.table.setColumnWidth(2, max(24, self.table.sizeHintForColumn(2)))

    def _show_count(self) -> None:
        problem = self.filter_problem
        self.filter_message.setVisible(problem is not None)
        if problem is not None:  # the store's one line, in the interface language, over the (empty) hits
            self.filter_message.setText(translate_store_error(problem))
            self.status.setText(self.tr("Invalid filter"))
            self.status.setToolTip(self.filter_message.text())
            return
        if getattr(self, "_error", ""):
            # a query the user can fix, or a store that failed (the reason is in the tooltip)
            self.status.setText(self.tr("Invalid search") if self._query_error else self.tr("Search failed"))
            self.status.setToolTip(self._error)
            return
        self.status.setToolTip("")
        n = len(self.model.hits)
        if not self.query.text().strip():
            self.status.setText("")
        elif n == 0:
            self.status.setText(self.tr("No hits"))
        elif self.model.total is not None and self.model.total >= n:
            total = self.model.total
            if self.model.total_is_exact:
                self.status.setText(QCoreApplication.translate("SearchPanel", "%n hits", None, total))
            else:
                self.status.setText(QCoreApplication.translate("SearchPanel", "about %n hits", None, total))
            if n < total:
                self.status.setToolTip(self.tr("%1 shown so far; more load as you scroll").replace("%1", str(n)))
        elif self.model.canFetchMore(QModelIndex()):
            self.status.setText(QCoreApplication.translate("SearchPanel", "%n+ hits", None, n))
        else:
            self.status.setText(QCoreApplication.translate("SearchPanel", "%n hits", None, n))

    # -- hits --------------------------------------------------------------------------------
    def _on_return(self) -> None:
        if self._pending or self._generation == 0:
            self.run_search()
        self.step_hit(+1)

    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.data(index, HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def step_hit(self, step: int) -> SearchHit | None:
        """Activate the next (+1) or previous (-1) hit, wrapping around."""
        if self._pending:
            self.run_search()
        n = self.model.rowCount()
        if n == 0:
            return None
        row = self.current_row()
        if step > 0 and row + 1 >= n and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            n = self.model.rowCount()
        row = (row + step) % n if row >= 0 else (0 if step > 0 else n - 1)
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        hit = self.model.hits[row]
        self.hit_activated.emit(hit)
        return hit
