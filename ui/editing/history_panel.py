"""Every edit of the open article (who, when, before -> after), any one of which can be reverted.

The store refuses to revert an entry when later entries changed the same text; the
panel then says which ones, marks them in the list, and they can be reverted first.
A second tab shows this session's undo stack (a ``QUndoView``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QEvent,
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
    QTableView,
    QTabWidget,
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


def describe(entry: EditEntry, display: Callable[[str], str] = str) -> str:
    """One line saying what an entry changed: before -> after for corrections and roles."""
    p = entry.params
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


class HistoryModel(QAbstractTableModel):
    COLUMNS = 5  # number, when, who, change, note

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[EditEntry] = []
        self.blocking: set[int] = set()
        self._display: Callable[[str], str] = str

    def set_entries(self, entries: Sequence[EditEntry], display: Callable[[str], str] = str) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))  # newest first
        self.blocking = set()
        self._display = display
        self.endResetModel()

    def set_blocking(self, ids: Sequence[int]) -> None:
        self.blocking = set(ids)
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, self.COLUMNS - 1))

    def row_of(self, edit_id: int) -> int:
        return next((i for i, e in enumerate(self.entries) if e.id == edit_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (
            QCoreApplication.translate("HistoryPanel", "#"),
            QCoreApplication.translate("HistoryPanel", "When"),
            QCoreApplication.translate("HistoryPanel", "Who"),
            QCoreApplication.translate("HistoryPanel", "Change"),
            QCoreApplication.translate("HistoryPanel", "Reason"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(entry.id)
            if column == 1:
                return when(entry.at)
            if column == 2:
                return entry.author or "—"
            if column == 3:
                return describe(entry, self._display)
            return entry.note or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [describe(entry, self._display)]
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
            if column in (1, 2):
                return QColor("#6b6257")
        if role == Qt.ItemDataRole.BackgroundRole and entry.id in self.blocking:
            return QColor("#f6d5cf")
        if role == Qt.ItemDataRole.FontRole and entry.reverted_by is not None:
            font = QFont()
            font.setStrikeOut(column == 3)
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
        self.table = QTableView(page)
        self.table.setObjectName("historyList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Interactive,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(4, 160)
        self.status = QLabel(page)
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        self.revert_button = QPushButton(page)
        self.revert_button.setObjectName("historyRevert")
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.revert_button)
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addLayout(row)
        self.undo_view = QUndoView(stack, self.tabs)
        self.undo_view.setObjectName("undoView")
        self.tabs.addTab(page, "")
        self.tabs.addTab(self.undo_view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
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
            row = self.model.row_of(blocking[-1])
            if row >= 0:
                self.table.scrollTo(self.model.index(row, 0))

    def _show_status(self) -> None:
        if self._message:
            self.status.setText(self._message)
            self.status.setStyleSheet("color: #a93226;")
            return
        self.status.setStyleSheet("")
        n = len(self.model.entries)
        self.status.setText(QCoreApplication.translate("HistoryPanel", "%n edit(s)", None, n))

    def selected(self) -> EditEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _on_revert(self) -> None:
        entry = self.selected()
        if entry is not None and entry.reverted_by is None:
            self.revert_requested.emit(entry)

    def _update_button(self, *_: object) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.reverted_by is None)
