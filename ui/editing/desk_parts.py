"""The editing desk's widgets: its actions, the Edit and Structure menus, the panels and their docks.

Mixed into :class:`ui.editing.desk.EditingDesk`, kept apart by job: this builds and names
what the user sees (and sets its texts in the interface language); the desk wires it to the
edit session and the controllers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from ui.docks import DockSwitch, panel_dock
from ui.editing.actions import EDIT_ACTIONS, REVIEW_ACTIONS, ROLE_ACTIONS, SLOT_ACTIONS, EditActionId
from ui.editing.annotations_panel import AnnotationsPanel
from ui.editing.codebook_panel import CodebookPanel
from ui.editing.context import translate
from ui.editing.history_panel import HistoryPanel
from ui.editing.notes import NotesPanel
from ui.panel_parts import named

E = EditActionId


class DeskParts:
    """Builds the editing desk's actions, menus and docks; the host provides ``window`` and ``stack``."""

    def _register_actions(self) -> None:
        w = self.window
        self.actions = w.actions.install(EDIT_ACTIONS, w)
        self.review_group = QActionGroup(self)
        for action_id in REVIEW_ACTIONS:
            self.review_group.addAction(self.actions[action_id])

    def _build_docks(self) -> None:
        w = self.window
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.codebook = CodebookPanel(w)
        self.codebook_dock = panel_dock(w, "codebookDock", self.codebook, right)
        self.annotations = AnnotationsPanel(w)
        self.annotations_dock = panel_dock(w, "annotationsDock", self.annotations, right)
        self.notes = NotesPanel([self.actions[a] for a in REVIEW_ACTIONS], w)
        self.notes_dock = panel_dock(w, "notesDock", self.notes, right, tab_with=self.annotations_dock)
        self.annotations_dock.raise_()
        self.history = HistoryPanel(self.stack, w)
        self.history_dock = panel_dock(w, "historyDock", self.history, bottom, tab_with=w.search_dock, hidden=True)
        # the right-hand panels keep the window's full height; bottom panels sit under the text
        w.setCorner(Qt.Corner.TopRightCorner, right)
        w.setCorner(Qt.Corner.BottomRightCorner, right)
        w.resizeDocks([self.codebook_dock], [300], Qt.Orientation.Horizontal)
        self.docks = {
            E.SHOW_CODEBOOK: self.codebook_dock,
            E.SHOW_ANNOTATIONS: self.annotations_dock,
            E.SHOW_HISTORY: self.history_dock,
            E.SHOW_NOTES: self.notes_dock,
        }

    def _menu(self, name: str, parent_menu: QMenu) -> QMenu:
        menu = parent_menu.addMenu("")
        menu.setObjectName(name)
        return menu

    def _build_menus(self) -> None:
        w, a = self.window, self.actions
        bar = w.menuBar()
        self.edit_menu = named(QMenu(w), "editMenu")
        bar.insertMenu(w.go_menu.menuAction(), self.edit_menu)
        for action_id in (E.UNDO, E.REDO, None, E.CORRECT, E.SHOW_CORRECTIONS, None, E.TAG_SELECTION):
            self.edit_menu.addAction(a[action_id]) if action_id else self.edit_menu.addSeparator()
        self.slot_menu = self._menu("applyTagMenu", self.edit_menu)
        for action_id in SLOT_ACTIONS:
            self.slot_menu.addAction(a[action_id])
        self.edit_menu.addAction(a[E.REMOVE_ANNOTATION])
        self.edit_menu.addAction(a[E.AUTOTAG])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a[E.ARTICLE_NOTE])
        self.review_menu = self._menu("reviewMenu", self.edit_menu)
        for action_id in (*REVIEW_ACTIONS, E.REVIEW_CYCLE):
            self.review_menu.addAction(a[action_id])

        self.structure_menu = named(QMenu(w), "structureMenu")
        bar.insertMenu(w.go_menu.menuAction(), self.structure_menu)
        self.structure_menu.addAction(a[E.JOIN_NEXT])
        self.structure_menu.addAction(a[E.SPLIT_BLOCK])
        self.role_menu = self._menu("roleMenu", self.structure_menu)
        for action_id in ROLE_ACTIONS:
            self.role_menu.addAction(a[action_id])
        self.structure_menu.addSeparator()
        for action_id in (E.MOVE_TO_PREVIOUS, E.MOVE_TO_NEXT, None, E.SPLIT_ARTICLE, E.MERGE_NEXT):
            self.structure_menu.addAction(a[action_id]) if action_id else self.structure_menu.addSeparator()

        w.view_menu.addSeparator()
        for action_id in self.docks:
            w.view_menu.addAction(a[action_id])

    def _connect_docks(self) -> None:
        self.switches = [DockSwitch(self.actions[action_id], dock) for action_id, dock in self.docks.items()]

    def sync_dock_actions(self) -> None:
        for action_id, dock in self.docks.items():
            action = self.actions[action_id]
            action.blockSignals(True)
            action.setChecked(dock.isVisibleTo(self.window))
            action.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.edit_menu.setTitle(translate("EditingDesk", "&Edit"))
        self.structure_menu.setTitle(translate("EditingDesk", "&Structure"))
        self.slot_menu.setTitle(translate("EditingDesk", "&Apply Tag"))
        self.review_menu.setTitle(translate("EditingDesk", "Re&view State"))
        self.role_menu.setTitle(translate("EditingDesk", "Block &Role"))
        self.codebook_dock.setWindowTitle(translate("EditingDesk", "Codebook"))
        self.annotations_dock.setWindowTitle(translate("EditingDesk", "Annotations"))
        self.history_dock.setWindowTitle(translate("EditingDesk", "Edit History"))
        self.notes_dock.setWindowTitle(translate("EditingDesk", "Review and Notes"))
        self._update_slot_tips()
        self.session.update_undo_actions()

    def _update_slot_tips(self) -> None:
        for slot, action_id in enumerate(SLOT_ACTIONS, 1):
            tag = self.codebook.model.slot_tag(slot)
            action = self.actions[action_id]
            tip = (
                tag.path if tag is not None else translate("EditingDesk", "No tag has key %1").replace("%1", str(slot))
            )
            action.setToolTip(tip)
            action.setStatusTip(tip)
