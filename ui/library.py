"""The library: a lazy tree model, sources > articles, over the store's paged rows.

Nothing is read until a view asks: the root fetches sources a page at a time
(``canFetchMore``/``fetchMore``), each source its articles when expanded. A
source reports children from its article count without loading them, so a
project of 100,000 articles opens by reading one page of sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from ui.backend import ArticleRow, DeskStore, SourceRow
from ui.collation import sorted_naturally
from ui.item_views import Index

PAGE = 200
NATURAL_ORDER_LIMIT = 20_000  # up to this many sources are read at once and sorted v1, v2, v10
ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
_R = Qt.ItemDataRole
#: the roles :meth:`LibraryModel.data` answers
_ANSWERED = frozenset(
    int(r) for r in (_R.DisplayRole, _R.ToolTipRole, _R.DecorationRole, _R.FontRole, _R.ForegroundRole, ID_ROLE,
                     IS_SOURCE_ROLE)
)
# The roles and flags as plain values: a painted screen of rows asks the model about a thousand
# times, and looking an enum member up costs more than the answer.
_DISPLAY, _TOOLTIP, _DECORATION, _FONT, _FOREGROUND = (
    int(r) for r in (_R.DisplayRole, _R.ToolTipRole, _R.DecorationRole, _R.FontRole, _R.ForegroundRole)
)
_ID, _IS_SOURCE = int(ID_ROLE), int(IS_SOURCE_ROLE)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_NO_INDEX = QModelIndex()
_ELIDE_MIDDLE, _ELIDE_RIGHT = Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideRight

KIND_LABELS = {
    "news": QT_TRANSLATE_NOOP("Library", "news"),
    "photo": QT_TRANSLATE_NOOP("Library", "photo"),
    "editorial": QT_TRANSLATE_NOOP("Library", "editorial"),
    "toc": QT_TRANSLATE_NOOP("Library", "contents"),
    "brief": QT_TRANSLATE_NOOP("Library", "brief"),
    "other": QT_TRANSLATE_NOOP("Library", "other"),
}
REVIEW_LABELS = {
    "in_progress": QT_TRANSLATE_NOOP("Library", "in progress"),
    "proofread": QT_TRANSLATE_NOOP("Library", "proofread"),
}


#: A dot before an article's state: amber while in progress, green once proofread.
REVIEW_COLOURS = {"in_progress": "#d68910", "proofread": "#27ae60"}
_DOTS: dict[str, QIcon] = {}


def _review_dot(state: str) -> QIcon:
    if state not in _DOTS:
        pixmap = QPixmap(10, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(REVIEW_COLOURS[state]))
        painter.drawEllipse(1, 1, 8, 8)
        painter.end()
        _DOTS[state] = QIcon(pixmap)
    return _DOTS[state]


_DOUBT_ICON: list[QIcon] = []


def _doubt_icon() -> QIcon:
    """An amber question mark: the row has boundaries the engine was unsure of (ui.doubts)."""
    if not _DOUBT_ICON:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e08a00"))
        painter.drawEllipse(0, 0, 12, 12)
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), "?")
        painter.end()
        _DOUBT_ICON.append(QIcon(pixmap))
    return _DOUBT_ICON[0]


_FONTS: dict[str, QFont] = {}
_STATE_COLOUR = QColor("#7a7368")


def _styled_font(style: str) -> QFont:
    """A font that only says bold or italic (resolved against the view's font), made once."""
    font = _FONTS.get(style)
    if font is None:
        font = _FONTS[style] = QFont()
        font.setBold(style == "bold")
        font.setItalic(style == "italic")
    return font


def _bold_font() -> QFont:
    return _styled_font("bold")


def _italic_font() -> QFont:
    return _styled_font("italic")


def page_label(row: SourceRow) -> str:
    """The page's name and number as the library shows them ("要闻 3"), "" when neither is known."""
    number = "" if row.page_number is None else QCoreApplication.translate("Library", "p. %1").replace(
        "%1", str(row.page_number))
    return " ".join(filter(None, (row.page_name, number)))


def _label(text: str) -> str:
    """Translate a label declared with QT_TRANSLATE_NOOP("Library", ...)."""
    return QCoreApplication.translate("Library", text)


class LibraryElision(QStyledItemDelegate):
    """Page file names elided in the middle (hundreds of similar names differ at their end: _v2, _v10),
    headlines and states at the end (their beginning says what they are)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        source = index.internalId() == 0 and index.column() == 0
        option.textElideMode = _ELIDE_MIDDLE if source else _ELIDE_RIGHT


@dataclass(slots=True)
class _SourceNode:
    row: SourceRow
    articles: list[ArticleRow] = field(default_factory=list)


class LibraryModel(QAbstractItemModel):
    COLUMNS = 2

    def __init__(self, store: DeskStore | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store: DeskStore | None = None
        self._sources: list[_SourceNode] = []
        self._source_position: dict[int, int] = {}  # source id -> row, for the sources loaded
        self._source_total = 0
        self._display: Callable[[str], str] = str
        self.filter_text = ""  # only the sources whose name, page name, date or number match its words
        #: Open doubts of a source (True) or an article (False) by id, shown in the state column (ui.doubts)
        self.doubt_count: Callable[[bool, int], int] | None = None
        self.set_store(store)

    def set_display(self, convert: Callable[[str], str]) -> None:
        """Show headlines through ``convert`` (the display script); stored text is untouched."""
        self._display = convert
        self.relabel()

    def relabel(self) -> None:
        """Every loaded row's text changed (script or interface language)."""
        rows = len(self._sources)
        if not rows:
            return
        self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, self.COLUMNS - 1))
        for r, node in enumerate(self._sources):
            if node.articles:
                parent = self.index(r, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(node.articles) - 1, self.COLUMNS - 1, parent)
                )

    # -- store ----------------------------------------------------------------------------------
    def set_store(self, store: DeskStore | None) -> None:
        self.beginResetModel()
        self._store = store
        self._sources = []
        self._source_position = {}
        self._source_total = self._count(store) if store is not None else 0
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the sources matching ``text`` (file name, page name, date "2025-10", number "3")."""
        text = " ".join(text.split())
        if text != self.filter_text:
            self.filter_text = text
            self.set_store(self._store)

    def _count(self, store: DeskStore) -> int:
        return store.source_count(matching=self.filter_text) if self.filter_text else store.source_count()

    def _read_sources(self, store: DeskStore, offset: int, limit: int):
        if self.filter_text:
            return store.sources(offset, limit, matching=self.filter_text)
        return store.sources(offset, limit)

    def refresh(self) -> None:
        """Reload after the store changed (import); rows are fetched again lazily."""
        self.set_store(self._store)

    # -- structure ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or column < 0 or column >= self.COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._sources):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0 or parent.row() >= len(self._sources):
            return QModelIndex()
        if row >= len(self._sources[parent.row()].articles):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt override)
        node = index.internalId() if index.isValid() else 0
        return self.createIndex(node - 1, 0, 0) if node else _NO_INDEX

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._sources)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._sources[parent.row()].articles)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return self.COLUMNS

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        if not parent.isValid():
            return self._source_total > 0
        if parent.internalId() == 0 and parent.column() == 0:
            return self._sources[parent.row()].row.article_count > 0
        return False

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        if self._store is None:
            return False
        if not parent.isValid():
            return len(self._sources) < self._source_total
        if parent.internalId() == 0 and parent.column() == 0:
            node = self._sources[parent.row()]
            return len(node.articles) < node.row.article_count
        return False

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        store = self._store
        assert store is not None
        if not parent.isValid():
            if not self._sources and self._source_total <= NATURAL_ORDER_LIMIT:
                # every source at once (one query), in the order people expect: page_v2 before page_v10
                rows = sorted_naturally(self._read_sources(store, 0, self._source_total), lambda r: r.name)
            else:
                rows = list(self._read_sources(store, len(self._sources), PAGE))
            if not rows:
                self._source_total = len(self._sources)
                return
            first = len(self._sources)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._sources.extend(_SourceNode(r) for r in rows)
            self._source_position.update((r.id, first + k) for k, r in enumerate(rows))
            self.endInsertRows()
            return
        node = self._sources[parent.row()]
        rows = list(store.articles(node.row.id, len(node.articles), PAGE))
        if not rows:
            node.row = replace(node.row, article_count=len(node.articles))
            return
        first = len(node.articles)
        self.beginInsertRows(parent.siblingAtColumn(0), first, first + len(rows) - 1)
        node.articles.extend(rows)
        self.endInsertRows()

    # -- data -------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return QCoreApplication.translate("Library", "Source / article")
            if section == 1:
                return QCoreApplication.translate("Library", "State")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED or not index.isValid():  # a painted row asks for a dozen roles: most at once
            return None
        if index.internalId() == 0:
            return self._source_data(self._sources[index.row()].row, index.column(), role)
        node = self._sources[index.internalId() - 1]
        return self._article_data(node.articles[index.row()], index.column(), role)

    def _source_data(self, row: SourceRow, column: int, role: int):
        if role == _DISPLAY:
            if column == 0:
                return row.name
            if row.proofread:
                done = QCoreApplication.translate("Library", "%1 of %2 proofread")
                text = done.replace("%1", str(row.proofread)).replace("%2", str(row.article_count))
            else:
                text = QCoreApplication.translate("Library", "%n articles", None, row.article_count)
            return " · ".join(filter(None, (text, self._doubts(True, row.id))))
        if role == _TOOLTIP:
            return "\n".join(filter(None, (row.name, " · ".join(filter(None, (row.date, page_label(row)))))))
        if role == _DECORATION and column == 0 and self._doubts(True, row.id):
            return _doubt_icon()
        if role == _FONT and column == 0:
            return _bold_font()
        if role == _ID:
            return row.id
        if role == _IS_SOURCE:
            return True
        return None

    def _article_data(self, row: ArticleRow, column: int, role: int):
        if role == _DISPLAY:
            if column == 0:
                if not row.headline:
                    if row.lead:
                        return self._display(row.lead) + "…"
                    return QCoreApplication.translate("Library", "(untitled)")
                return self._display(row.headline)
            parts = [_label(KIND_LABELS.get(row.kind, row.kind))]
            if row.review in REVIEW_LABELS:
                parts.append(_label(REVIEW_LABELS[row.review]))
            parts.append(self._doubts(False, row.id))  # before the annotations: the column elides on the right
            if row.tags:
                parts.append(QCoreApplication.translate("Library", "%n annotations", None, row.tags))
            return " · ".join(filter(None, parts))
        if role == _FONT and column == 0 and not row.headline:
            return _italic_font()  # opening words stand in for a headline the page does not carry
        if role == _TOOLTIP and column == 0:
            return self._display(row.headline) or None
        if role == _TOOLTIP and column == 1:
            return self._article_data(row, 1, _DISPLAY)
        if role == _FOREGROUND and column == 1:
            return _STATE_COLOUR
        if role == _DECORATION and column == 1 and row.review in REVIEW_COLOURS:
            return _review_dot(row.review)
        if role == _DECORATION and column == 0 and self._doubts(False, row.id):
            return _doubt_icon()
        if role == _ID:
            return row.id
        if role == _IS_SOURCE:
            return False
        return None

    def _doubts(self, is_source: bool, row_id: int) -> str:
        count = self.doubt_count(is_source, row_id) if self.doubt_count is not None else 0
        return QCoreApplication.translate("Library", "%n doubts", None, count) if count else ""

    # -- lookups used by navigation --------------------------------------------------------------
    def article_total(self, source: Index) -> int:
        """How many articles a source has (loaded or not)."""
        if not source.isValid() or source.internalId() != 0:
            return 0
        return self._sources[source.row()].row.article_count

    def source_row(self, index: Index) -> SourceRow | None:
        """The source of a row: itself, or the page an article stands on."""
        if not index.isValid():
            return None
        node = index.internalId() - 1 if index.internalId() else index.row()
        return self._sources[node].row if 0 <= node < len(self._sources) else None

    def article_id(self, index: Index) -> int | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._sources[index.internalId() - 1].articles[index.row()].id

    def article_row(self, index: Index) -> ArticleRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._sources[index.internalId() - 1].articles[index.row()]

    def find_article(self, source_id: int, article_id: int) -> QModelIndex:
        """Index of an article, fetching pages as needed (returns invalid if absent)."""
        s = self._source_position.get(source_id)
        while s is None and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
            s = self._source_position.get(source_id)
        if s is None:
            return QModelIndex()
        parent = self.index(s, 0)
        node = self._sources[s]
        a = 0
        while True:
            while a >= len(node.articles) and self.canFetchMore(parent):
                self.fetchMore(parent)
            if a >= len(node.articles):
                return QModelIndex()
            if node.articles[a].id == article_id:
                return self.index(a, 0, parent)
            a += 1

    def step_article(self, index: Index, step: int) -> QModelIndex:
        """The article ``step`` (+1/-1) away in reading order, across sources; invalid at the ends."""
        if not index.isValid():
            s, a = (0, -1) if step > 0 else (len(self._sources) - 1, None)
        elif index.internalId() == 0:
            s, a = index.row(), (-1 if step > 0 else None)
            if step < 0:
                s -= 1
        else:
            s, a = index.internalId() - 1, index.row()
        while True:
            if s < 0:
                return QModelIndex()
            while s >= len(self._sources) and self.canFetchMore(QModelIndex()):
                self.fetchMore(QModelIndex())
            if s >= len(self._sources):
                return QModelIndex()
            parent = self.index(s, 0)
            node = self._sources[s]
            if a is None:
                while self.canFetchMore(parent):
                    self.fetchMore(parent)
                a = len(node.articles)
            target = a + step
            if step > 0:
                while target >= len(node.articles) and self.canFetchMore(parent):
                    self.fetchMore(parent)
            if 0 <= target < len(node.articles):
                return self.index(target, 0, parent)
            s += 1 if step > 0 else -1
            a = -1 if step > 0 else None
