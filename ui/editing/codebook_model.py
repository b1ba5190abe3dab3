"""The codebook as a tree model: tags under their parents, with colour, count and keyboard slot.

The model reads the store's tag list (``Project.tags()``: depth first, parents before
children) and never changes the store itself: renaming in place and dropping a tag
onto another emit :attr:`rename_requested` and :attr:`move_requested`, which the desk
turns into undoable commands; the store's change event then reloads the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from db.models import Tag
from ui.collation import pinyin_collator, sorted_naturally

MIME = "application/x-jiaokan-tag"
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

#: Colours given to new tags in turn (distinct on a white page, readable as 20 % tints).
PALETTE = (
    "#c0392b",
    "#2e86c1",
    "#27ae60",
    "#d68910",
    "#8e44ad",
    "#16a085",
    "#d35400",
    "#2c3e50",
    "#b7950b",
    "#7b241c",
)


@dataclass(slots=True)
class _Node:
    tag: Tag | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    total: int = 0  # annotations on the tag and its descendants

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def swatch(colour: str | None, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#00000040"))
    painter.setBrush(QColor(colour or "#3d7fd1"))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class CodebookModel(QAbstractItemModel):
    COLUMNS = 3  # name, annotations, key

    rename_requested = Signal(int, str)  # tag id, new name
    move_requested = Signal(int, object)  # tag id, new parent id (None: top level)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = _Node(None)
        self._by_id: dict[int, _Node] = {}
        self._icons: dict[str | None, QIcon] = {}

    # -- content ---------------------------------------------------------------------------
    def set_tags(self, tags: Sequence[Tag]) -> None:
        self.beginResetModel()
        self._root = _Node(None)
        self._by_id = {}
        for tag in tags:
            parent = self._by_id.get(tag.parent_id, self._root) if tag.parent_id is not None else self._root
            node = _Node(tag, parent)
            parent.children.append(node)
            self._by_id[tag.id] = node
        self._sort(self._root, pinyin_collator())
        self._total(self._root)
        self.endResetModel()

    def _sort(self, node: _Node, by) -> None:
        """Sibling tags in pinyin order (Chinese names), numbers by value (QCollator, zh_CN)."""
        node.children = sorted_naturally(node.children, lambda n: n.tag.name if n.tag else "", by)
        for child in node.children:
            self._sort(child, by)

    def _total(self, node: _Node) -> int:
        node.total = (node.tag.annotation_count if node.tag else 0) + sum(self._total(c) for c in node.children)
        return node.total

    def tags(self) -> list[Tag]:
        """Every tag, depth first in the tree's (pinyin) order."""
        found: list[Tag] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                if child.tag is not None:
                    found.append(child.tag)
                walk(child)

        walk(self._root)
        return found

    def tag(self, index: Index) -> Tag | None:
        node = self._node(index)
        return node.tag if node is not None else None

    def tag_by_id(self, tag_id: int) -> Tag | None:
        node = self._by_id.get(tag_id)
        return node.tag if node else None

    def index_of(self, tag_id: int) -> QModelIndex:
        node = self._by_id.get(tag_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def slot_tag(self, slot: int) -> Tag | None:
        return next((n.tag for n in self._by_id.values() if n.tag is not None and n.tag.slot == slot), None)

    def free_slot(self) -> int | None:
        used = {n.tag.slot for n in self._by_id.values() if n.tag is not None}
        return next((s for s in range(1, 10) if s not in used), None)

    def next_colour(self) -> str:
        used = [n.tag.colour for n in self._by_id.values() if n.tag is not None]
        return min(PALETTE, key=lambda c: (used.count(c), PALETTE.index(c)))

    def descendants(self, tag_id: int) -> set[int]:
        node = self._by_id.get(tag_id)
        out: set[int] = set()
        stack = [node] if node else []
        while stack:
            n = stack.pop()
            if n.tag is not None:
                out.add(n.tag.id)
            stack.extend(n.children)
        return out

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        return index.internalPointer()

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent) or self._root
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt override)
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent) or self._root
        return len(node.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return self.COLUMNS

    # -- data ----------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            labels = (
                QCoreApplication.translate("Codebook", "Tag"),
                QCoreApplication.translate("Codebook", "Uses"),
                QCoreApplication.translate("Codebook", "Key"),
            )
            return labels[section] if 0 <= section < len(labels) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None or node.tag is None:
            return None
        tag, column = node.tag, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return tag.name
            if column == 1:
                if role == Qt.ItemDataRole.EditRole:
                    return tag.annotation_count
                if node.total != tag.annotation_count:
                    return f"{tag.annotation_count} ({node.total})"
                return str(tag.annotation_count)
            if column == 2:
                return str(tag.slot) if tag.slot else ""
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            icon = self._icons.get(tag.colour)
            if icon is None:
                icon = self._icons[tag.colour] = swatch(tag.colour)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [tag.path]
            if tag.description:
                lines.append(tag.description)
            uses = QCoreApplication.translate("Codebook", "%n annotation(s)", None, tag.annotation_count)
            lines.append(uses)
            if node.total != tag.annotation_count:
                lines.append(QCoreApplication.translate("Codebook", "%n with the tags under it", None, node.total))
            if tag.slot:
                lines.append(QCoreApplication.translate("Codebook", "Key %1 applies it").replace("%1", str(tag.slot)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            return QColor("#7a7368")
        if role == TAG_ID_ROLE:
            return tag.id
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        node = self._node(index)
        if node is None or node.tag is None or index.column() != 0 or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value).strip()
        if name and name != node.tag.name:
            self.rename_requested.emit(node.tag.id, name)
        return False  # the store's change event updates the row

    # -- drag and drop: moving a tag under another ------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = sorted({self._node(i).tag.id for i in indexes if self._node(i) is not None})
        data.setData(MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data

    @staticmethod
    def dragged_ids(data: QMimeData) -> list[int]:
        if not data.hasFormat(MIME):
            return []
        raw = bytes(data.data(MIME).data()).decode()
        return [int(x) for x in raw.split(",") if x.strip().isdigit()]

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        ids = self.dragged_ids(data)
        if not ids:
            return False
        target = self._node(parent)
        target_id = target.tag.id if target is not None and target.tag is not None else None
        return all(target_id not in self.descendants(i) for i in ids)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._node(parent)
        target_id = target.tag.id if target is not None and target.tag is not None else None
        for tag_id in self.dragged_ids(data):
            node = self._by_id.get(tag_id)
            if node is not None and node.tag is not None and node.tag.parent_id != target_id:
                self.move_requested.emit(tag_id, target_id)
        return False  # nothing is removed by the view: the store's change event reloads the tree
