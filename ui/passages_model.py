"""The Coded Passages table: a model over passage ids, rows fetched a page at a time (after Anki's browser).

Opening the view reads only the ordered ids of the passages (one query walking two indexes, no
sort: fast at 50,000); a row's page and its date, name and number, article, context, note and
coder are read when a view first shows it, 200 rows at a time, and cached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from db.passages import Passage, PassageFilter, passage_ids, passages
from ui.item_views import Index

PAGE = 200
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1

HEADERS = (
    QT_TRANSLATE_NOOP("CodedPassages", "Page"),
    QT_TRANSLATE_NOOP("CodedPassages", "Date"),
    QT_TRANSLATE_NOOP("CodedPassages", "Article"),
    QT_TRANSLATE_NOOP("CodedPassages", "Tag"),
    QT_TRANSLATE_NOOP("CodedPassages", "Passage"),
    QT_TRANSLATE_NOOP("CodedPassages", "Context"),
    QT_TRANSLATE_NOOP("CodedPassages", "Note"),
    QT_TRANSLATE_NOOP("CodedPassages", "Coder"),
    QT_TRANSLATE_NOOP("CodedPassages", "State"),
    QT_TRANSLATE_NOOP("CodedPassages", "Page name"),
    QT_TRANSLATE_NOOP("CodedPassages", "Page no."),
)
SOURCE, DATE, ARTICLE, TAG, PASSAGE, CONTEXT, NOTE, CODER, STATE, PAGE_NAME, PAGE_NUMBER = range(len(HEADERS))
STATES = {
    "unreviewed": QT_TRANSLATE_NOOP("CodedPassages", "unreviewed"),
    "in_progress": QT_TRANSLATE_NOOP("CodedPassages", "in progress"),
    "proofread": QT_TRANSLATE_NOOP("CodedPassages", "proofread"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("CodedPassages", text)


CONTEXT_CHARS = 12  # of the stored context on each side: the passage stays in view in a table cell


def context_of(p: Passage, chars: int = CONTEXT_CHARS) -> str:
    """The passage in its sentence: …before【passage】after…"""
    return f"…{p.prefix[-chars:]}【{p.quote}】{p.suffix[:chars]}…".replace("\n", " ")


class CodedPassagesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.project = None
        self.filter: PassageFilter | None = None
        self.ids: list[int] = []
        self._rows: dict[int, Passage] = {}
        self._display: Callable[[str], str] = str
        self.fetches = 0  # pages read from the store (the tests check the view stays lazy)

    def set_display(self, convert: Callable[[str], str]) -> None:
        self._display = convert
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(HEADERS) - 1))

    def set_query(self, project, flt: PassageFilter | None) -> None:
        """Show the passages ``flt`` selects in ``project`` (nothing for None)."""
        self.beginResetModel()
        self.project, self.filter = project, flt
        self._rows = {}
        self.ids = passage_ids(project, flt) if project is not None and flt is not None else []
        self.endResetModel()

    def refresh(self) -> None:
        """Read the ids again (the project changed), keeping the filter."""
        self.set_query(self.project, self.filter)

    # -- rows ---------------------------------------------------------------------------------
    def passage(self, row: int) -> Passage | None:
        if not 0 <= row < len(self.ids):
            return None
        passage_id = self.ids[row]
        if passage_id not in self._rows:
            first = row - row % PAGE
            for p in passages(self.project, self.ids[first : first + PAGE]):
                self._rows[p.id] = p
            self.fetches += 1
        return self._rows.get(passage_id)

    def every_passage(self) -> Iterator[Passage]:
        """All rows of the view in order (for the CSV export), a page at a time."""
        for first in range(0, len(self.ids), PAGE):
            yield from passages(self.project, self.ids[first : first + PAGE])

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.passage(index.row())
        if p is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._display
            values = (
                p.source_name,
                p.source_date or "",
                shown(p.article_title),
                p.tag_path,
                shown(p.quote.replace("\n", " ⏎ ")),
                shown(context_of(p)),
                p.note,
                p.author or "—",
                tr(STATES.get(p.review_state, p.review_state)),
                p.page_name,
                "" if p.page_number is None else str(p.page_number),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (PASSAGE, CONTEXT, NOTE):
            whole = context_of(p, max(len(p.prefix), len(p.suffix)))
            return self._display(whole) + (f"\n\n{p.note}" if p.note else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if p.orphaned:
                return QColor("#a39e93")
            if column in (SOURCE, DATE, CODER, STATE, PAGE_NAME, PAGE_NUMBER):
                return QColor("#6b6257")
        if role == Qt.ItemDataRole.FontRole and column == ARTICLE and p.article_title.endswith("…"):
            font = QFont()
            font.setItalic(True)
            return font
        if role == PASSAGE_ROLE:
            return p
        return None
