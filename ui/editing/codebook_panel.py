"""The codebook panel: the tag tree with buttons to add, rename, recolour, key, merge and delete.

Drag a tag onto another to move it under that one (onto the empty space below the
tree: to the top level). Double-clicking a tag applies it to the selected text. The
panel only asks; the desk makes every change an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.models import Tag
from ui.editing.codebook_model import CodebookModel
from ui.flow import FlowLayout
from ui.item_views import Edit, list_view
from ui.panel_parts import RetranslatedOnLanguageChange, set_texts


class CodebookPanel(RetranslatedOnLanguageChange, QWidget):
    add_requested = Signal(object)  # parent tag id or None
    rename_requested = Signal(object)  # Tag
    colour_requested = Signal(object)  # Tag
    slot_requested = Signal(object, object)  # Tag, slot (None: no key)
    merge_requested = Signal(object)  # Tag
    delete_requested = Signal(object)  # Tag
    apply_requested = Signal(object)  # Tag
    memo_requested = Signal(object)  # Tag: edit its memo (description)
    passages_requested = Signal(object)  # Tag: list its passages across the project

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookPanel")
        self.model = CodebookModel(self)
        self.tree = list_view(QTreeView(self), "codebookTree", self.model, edit=Edit.EditKeyPressed, alternating=False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.add_action = QAction(self)
        self.add_child_action = QAction(self)
        self.rename_action = QAction(self)
        self.colour_action = QAction(self)
        self.merge_action = QAction(self)
        self.delete_action = QAction(self)
        self.apply_action = QAction(self)
        self.memo_action = QAction(self)
        self.passages_action = QAction(self)
        self.slot_menu = QMenu(self)
        self.slot_actions: list[QAction] = []
        for slot in [*range(1, 10), None]:
            action = self.slot_menu.addAction("")
            action.setData(slot)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, s=slot: self._emit_slot(s))
            self.slot_actions.append(action)
        self.slot_menu_action = self.slot_menu.menuAction()

        self.buttons = FlowLayout(spacing=2)  # wraps on a narrow panel
        self.tool_buttons: list[QToolButton] = []
        for action in (self.add_action, self.add_child_action, self.rename_action, self.colour_action):
            self.buttons.addWidget(self._button(action))
        slot_button = self._button(self.slot_menu_action)
        slot_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.buttons.addWidget(slot_button)
        self.buttons.addWidget(self._button(self.memo_action))
        self.buttons.addWidget(self._button(self.merge_action))
        self.buttons.addWidget(self._button(self.delete_action))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)

        self.add_action.triggered.connect(lambda: self.add_requested.emit(None))
        self.add_child_action.triggered.connect(self._add_child)
        self.rename_action.triggered.connect(lambda: self._emit(self.rename_requested))
        self.colour_action.triggered.connect(lambda: self._emit(self.colour_requested))
        self.merge_action.triggered.connect(lambda: self._emit(self.merge_requested))
        self.delete_action.triggered.connect(lambda: self._emit(self.delete_requested))
        self.apply_action.triggered.connect(lambda: self._emit(self.apply_requested))
        self.memo_action.triggered.connect(lambda: self._emit(self.memo_requested))
        self.passages_action.triggered.connect(lambda: self._emit(self.passages_requested))
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.retranslate_ui()
        self._update_actions()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        self.tool_buttons.append(button)
        return button

    def retranslate_ui(self) -> None:
        set_texts(  # in the order of the button bar, then the context menu's own
            (self.add_action, self.tr("New"), self.tr("New tag at the top level")),
            (self.add_child_action, self.tr("Child"), self.tr("New tag under the chosen one")),
            (self.rename_action, self.tr("Rename"), None),
            (self.colour_action, self.tr("Colour…"), None),
            (self.slot_menu_action, self.tr("Key"), self.tr("The number key that applies this tag")),
            (
                self.memo_action,
                self.tr("Memo…"),
                self.tr("What this tag means and when to use it (shown over the tag)"),
            ),
            (
                self.merge_action,
                self.tr("Merge…"),
                self.tr("Merge this tag into another: its annotations and children move there"),
            ),
            (self.delete_action, self.tr("Delete…"), None),
            (self.apply_action, self.tr("Apply to Selection"), None),
            (self.passages_action, self.tr("Show Coded Passages"), None),
        )
        for action in self.slot_actions:
            slot = action.data()
            action.setText(self.tr("Key %1").replace("%1", str(slot)) if slot else self.tr("No Key"))
        self.tree.setToolTip(self.tr("Drag a tag onto another to move it under that one"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMNS - 1)


    # -- content -------------------------------------------------------------------------------
    def set_tags(self, tags: list[Tag]) -> None:
        """Reload, keeping the chosen tag and the open branches."""
        current = self.current()
        expanded = {t.id for t in self.model.tags() if self.tree.isExpanded(self.model.index_of(t.id))}
        first_load = not self.model.tags()
        self.model.set_tags(tags)
        for tag in tags:
            if first_load or tag.id in expanded or tag.parent_id in expanded:
                index = self.model.index_of(tag.id)
                if self.model.rowCount(index):
                    self.tree.expand(index)
        if current is not None:
            self.choose(current.id)
        self._update_actions()

    def current(self) -> Tag | None:
        return self.model.tag(self.tree.currentIndex())

    def choose(self, tag_id: int) -> None:
        index = self.model.index_of(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def start_rename(self, tag_id: int) -> None:
        index = self.model.index_of(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.edit(index)

    # -- requests --------------------------------------------------------------------------------
    def _emit(self, signal) -> None:
        tag = self.current()
        if tag is not None:
            signal.emit(tag)

    def _emit_slot(self, slot: int | None) -> None:
        tag = self.current()
        if tag is not None:
            self.slot_requested.emit(tag, slot)

    def _add_child(self) -> None:
        tag = self.current()
        self.add_requested.emit(tag.id if tag is not None else None)

    def _on_double_click(self, index: QModelIndex) -> None:
        tag = self.model.tag(index)
        if tag is not None:
            self.apply_requested.emit(tag)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.apply_action)
        menu.addAction(self.passages_action)
        menu.addSeparator()
        for action in (self.add_action, self.add_child_action, self.rename_action, self.colour_action,
                       self.memo_action):
            menu.addAction(action)
        menu.addMenu(self.slot_menu)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        tag = self.current()
        for action in (
            self.add_child_action,
            self.rename_action,
            self.colour_action,
            self.merge_action,
            self.delete_action,
            self.apply_action,
            self.slot_menu_action,
            self.memo_action,
            self.passages_action,
        ):
            action.setEnabled(tag is not None)
        for action in self.slot_actions:
            action.setChecked(tag is not None and tag.slot == action.data())
