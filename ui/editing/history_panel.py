"""Every edit of the open article (who, when, before -> after), any one of which can be reverted.

The store refuses to revert an entry when later entries changed the same text; the
panel then says which ones, marks them in the list, and they can be reverted first.
A second tab shows this session's undo stack (a ``QUndoView``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from db.models import EditEntry

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "HistoryPanel"

ROLE_NAMES = {
    "jump": QT_TRANSLATE_NOOP("HistoryPanel", "jump line"),
    "kicker": QT_TRANSLATE_NOOP("HistoryPanel", "kicker"),
    "title": QT_TRANSLATE_NOOP("HistoryPanel", "title"),
    "subtitle": QT_TRANSLATE_NOOP("HistoryPanel", "subtitle"),
    "byline": QT_TRANSLATE_NOOP("HistoryPanel", "byline"),
    "paragraph": QT_TRANSLATE_NOOP("HistoryPanel", "paragraph"),
    "subhead": QT_TRANSLATE_NOOP("HistoryPanel", "subhead"),
    "caption": QT_TRANSLATE_NOOP("HistoryPanel", "caption"),
}
OPERATIONS = {
    "join": QT_TRANSLATE_NOOP("HistoryPanel", "Joined two paragraphs"),
    "split": QT_TRANSLATE_NOOP("HistoryPanel", "Split a paragraph"),
    "move_previous": QT_TRANSLATE_NOOP("HistoryPanel", "Moved a block to the previous article"),
    "move_next": QT_TRANSLATE_NOOP("HistoryPanel", "Moved a block to the next article"),
    "split_article": QT_TRANSLATE_NOOP("HistoryPanel", "Split the article"),
    "merge": QT_TRANSLATE_NOOP("HistoryPanel", "Merged with the next article"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_name(role: str) -> str:
    return tr(ROLE_NAMES[role]) if role in ROLE_NAMES else role


def _quoted(text: str, limit: int = 24) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"“{text}”"


def describe(
    entry: EditEntry, display: Callable[[str], str] = str, by_id: Mapping[int, EditEntry] | None = None
) -> str:
    """One line saying what an entry changed: before -> after for corrections and roles.

    A revert says what it undid ("Undone: “a” → “b”"), and a revert of a revert what it
    restored, rather than a chain of entry numbers; ``by_id`` finds the entries reverted.
    """
    p = entry.params
    target_id = entry.reverts if entry.reverts is not None else p.get("reverts")
    target = by_id.get(target_id) if by_id is not None and target_id is not None else None
    if entry.op == "revert" and target is not None:
        inner_id = target.reverts if target.reverts is not None else target.params.get("reverts")
        inner = by_id.get(inner_id) if target.op == "revert" and inner_id is not None else None
        if inner is not None:
            text = QCoreApplication.translate("HistoryPanel", "Restored: %1")
            return text.replace("%1", describe(inner, display, by_id))
        return QCoreApplication.translate("HistoryPanel", "Undone: %1").replace("%1", describe(target, display, by_id))
    if entry.op == "correct":
        old, new = display(p.get("old_text", "")), display(p.get("text", ""))
        if not old:
            return QCoreApplication.translate("HistoryPanel", "Inserted %1").replace("%1", _quoted(new))
        if not new:
            return QCoreApplication.translate("HistoryPanel", "Deleted %1").replace("%1", _quoted(old))
        return f"{_quoted(old)} → {_quoted(new)}"
    if entry.op == "role":
        return (
            QCoreApplication.translate("HistoryPanel", "Role: %1 → %2")
            .replace("%1", role_name(p.get("old_role", "")))
            .replace("%2", role_name(p["role"]))
        )
    if entry.op == "revert":
        return QCoreApplication.translate("HistoryPanel", "Reverted #%1").replace("%1", str(p.get("reverts", "?")))
    if entry.op in OPERATIONS:
        return tr(OPERATIONS[entry.op])
    return entry.op


def when(at: str) -> str:
    stamp = QDateTime.fromString(at, Qt.DateFormat.ISODateWithMs)
    if not stamp.isValid():
        return at
    return stamp.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")


def reverted_id(entry: EditEntry) -> int | None:
    if entry.op != "revert":
        return None
    return entry.reverts if entry.reverts is not None else entry.params.get("reverts")


class HistoryModel(QAbstractItemModel):
    """The article's edits, newest first, one line each (what, who, when, reason, number).

    A revert is folded under the edit it reverted (and a revert of that revert under it), so the
    list reads as edits, not as chains of "Reverted #n".
    """

    COLUMNS = 5  # change, who, when, reason, number
    CHANGE, WHO, WHEN, REASON, NUMBER = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[EditEntry] = []  # every entry, newest first
        self.blocking: set[int] = set()
        self._display: Callable[[str], str] = str
        self._by_id: dict[int, EditEntry] = {}
        self._children: dict[int, list[int]] = {0: []}  # entry id (0: the root) -> child entry ids
        self._parent: dict[int, int] = {}

    def set_entries(self, entries: Sequence[EditEntry], display: Callable[[str], str] = str) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self.blocking = set()
        self._display = display
        self._by_id = {e.id: e for e in self.entries}
        self._children = {0: []}
        self._parent = {}
        for entry in reversed(self.entries):  # oldest first: a revert's target is already placed
            target = reverted_id(entry)
            parent = target if target in self._by_id else 0
            self._parent[entry.id] = parent
            self._children.setdefault(parent, []).append(entry.id)
            self._children.setdefault(entry.id, [])
        for ids in self._children.values():
            ids.reverse()  # newest first at every level
        self.endResetModel()

    def set_blocking(self, ids: Sequence[int]) -> None:
        self.blocking = set(ids)
        self._changed_all()

    def _changed_all(self) -> None:
        for edit_id in self._by_id:
            first = self.index_of(edit_id)
            self.dataChanged.emit(first, first.siblingAtColumn(self.COLUMNS - 1))

    def entry(self, index: Index) -> EditEntry | None:
        return self._by_id.get(index.internalId()) if index.isValid() else None

    def index_of(self, edit_id: int, column: int = 0) -> QModelIndex:
        parent = self._parent.get(edit_id)
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._children[parent].index(edit_id), column, edit_id)

    def row_of(self, edit_id: int) -> int:
        """The entry's row under its parent (-1 when it is not listed)."""
        index = self.index_of(edit_id)
        return index.row() if index.isValid() else -1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else 0
        ids = self._children.get(key, [])
        if not 0 <= row < len(ids) or not 0 <= column < self.COLUMNS:
            return QModelIndex()
        return self.createIndex(row, column, ids[row])

    def parent(self, index: Index = QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._parent.get(index.internalId(), 0)
        return QModelIndex() if parent == 0 else self.index_of(parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else 0, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (
            QCoreApplication.translate("HistoryPanel", "Change"),
            QCoreApplication.translate("HistoryPanel", "Who"),
            QCoreApplication.translate("HistoryPanel", "When"),
            QCoreApplication.translate("HistoryPanel", "Reason"),
            QCoreApplication.translate("HistoryPanel", "#"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CHANGE:
                return describe(entry, self._display, self._by_id)
            if column == self.WHO:
                return entry.author or "—"
            if column == self.WHEN:
                return when(entry.at)
            if column == self.REASON:
                return entry.note or ""
            return f"#{entry.id}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [describe(entry, self._display, self._by_id)]
            if entry.reverted_by is not None:
                lines.append(
                    QCoreApplication.translate("HistoryPanel", "Reverted by #%1").replace("%1", str(entry.reverted_by))
                )
            if entry.id in self.blocking:
                lines.append(
                    QCoreApplication.translate("HistoryPanel", "Changed the same text later: revert this first")
                )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.reverted_by is not None:
                return QColor("#a39e93")
            if column in (self.WHO, self.WHEN, self.NUMBER):
                return QColor("#6b6257")
        if role == Qt.ItemDataRole.BackgroundRole and entry.id in self.blocking:
            return QColor("#f6d5cf")
        if role == Qt.ItemDataRole.FontRole and entry.reverted_by is not None:
            font = QFont()
            font.setStrikeOut(column == self.CHANGE)
            font.setItalic(True)
            return font
        if role == ENTRY_ROLE:
            return entry
        return None


class HistoryPanel(QWidget):
    revert_requested = Signal(object)  # EditEntry

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.model = HistoryModel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("historyTabs")
        page = QWidget(self.tabs)
        self.table = QTreeView(page)
        self.table.setObjectName("historyList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.header()
        header.setStretchLastSection(False)
        # fixed widths (not "resize to contents", which reads every row after each keystroke's edit)
        header.setSectionResizeMode(HistoryModel.CHANGE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widths = {
            HistoryModel.WHO: metrics.horizontalAdvance("林校对林校对") + 16,
            HistoryModel.WHEN: metrics.horizontalAdvance("2025-10-01 12:00:00") + 16,
            HistoryModel.REASON: 140,
            HistoryModel.NUMBER: metrics.horizontalAdvance("#00000") + 12,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.status = QLabel(page)
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        self.revert_button = QPushButton(page)
        self.revert_button.setObjectName("historyRevert")
        # the count and the Revert button sit beside the tabs: every row of a low panel goes to the edits
        corner = QWidget(self.tabs)
        row = QHBoxLayout(corner)
        row.setContentsMargins(8, 0, 0, 2)
        row.addWidget(self.status, 1)
        row.addWidget(self.revert_button)
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        self.undo_view = QUndoView(stack, self.tabs)
        self.undo_view.setObjectName("undoView")
        self.tabs.addTab(page, "")
        self.tabs.addTab(self.undo_view, "")
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addWidget(self.tabs)
        self.revert_button.clicked.connect(self._on_revert)
        self.table.doubleClicked.connect(lambda _i: self._on_revert())
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self._message = ""
        self.retranslate_ui()
        self._update_button()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Edits of This Article"))
        self.tabs.setTabText(1, self.tr("Undo Stack"))
        self.undo_view.setEmptyLabel(self.tr("<start of session>"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo this edit with a new entry (later edits are kept)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMNS - 1)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_entries(self, entries: Sequence[EditEntry], display: Callable[[str], str] = str) -> None:
        self.model.set_entries(entries, display)
        self._message = ""
        self._show_status()
        self._update_button()

    def show_conflict(self, message: str, blocking: Sequence[int]) -> None:
        """Mark the entries that must be reverted first, and say so."""
        self.model.set_blocking(blocking)
        self._message = message
        self._show_status()
        if blocking:
            index = self.model.index_of(blocking[-1])
            if index.isValid():
                self.table.scrollTo(index)

    def _show_status(self) -> None:
        self.status.setToolTip(self._message)  # a long refusal, whole (the panel's corner is small)
        if self._message:
            self.status.setText(self._message)
            self.status.setStyleSheet("color: #a93226;")
            return
        self.status.setStyleSheet("")
        n = len(self.model.entries)
        self.status.setText(QCoreApplication.translate("HistoryPanel", "%n edit(s)", None, n))

    def selected(self) -> EditEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0]) if rows else None

    def select_entry(self, edit_id: int) -> None:
        """Select entry ``edit_id`` (its folded parent is expanded)."""
        index = self.model.index_of(edit_id)
        if index.isValid():
            self.table.expand(index.parent())
            self.table.setCurrentIndex(index)
            self.table.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def _on_revert(self) -> None:
        entry = self.selected()
        if entry is not None and entry.reverted_by is None:
            self.revert_requested.emit(entry)

    def _update_button(self, *_: object) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.reverted_by is None)
