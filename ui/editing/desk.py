"""The editing desk: everything that changes a project, added to the reading desk's window.

:class:`EditingDesk` owns the undo stack and the editing actions (registered in the
window's action registry), builds the **Edit** and **Structure** menus, the panels
(codebook, annotations, edit history, review and notes), the correction field, the
corrections view, the highlights of tagged passages and the article view's context
menu. Every change is an undo command (:mod:`ui.editing.commands`); the store's change
events then refresh the window and the panels. The desk is also the commands'
context: it reports refusals in a message box and brings an undone change into view.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QActionGroup, QUndoStack
from PySide6.QtWidgets import QDialog, QDockWidget, QInputDialog, QMenu, QMessageBox

from db import Change, EditError, RevertConflict, StoreError, TagError
from db.models import Tag
from ui.actions import ActionId
from ui.backend import AnnotationData
from ui.docks import DockSwitch
from ui.editing import commands as C
from ui.editing.actions import EDIT_ACTIONS, REVIEW_ACTIONS, ROLE_ACTIONS, SLOT_ACTIONS, EditActionId
from ui.editing.annotations_panel import AnnotationsPanel
from ui.editing.autotag import AutoTagDialog, collect_hits, existing_annotations
from ui.editing.codebook_editing import CodebookEditing
from ui.editing.codebook_panel import CodebookPanel
from ui.editing.correction import CorrectionBar
from ui.editing.corrections_view import CorrectionsView
from ui.editing.highlights import Highlights
from ui.editing.history_panel import HistoryPanel, describe, role_name, when
from ui.editing.notes import REVIEW_LABELS, NotesPanel, next_state
from ui.editing.structure import place, spans_blocks, split_offset
from ui.editing.typing import TypingEditor
from ui.store_errors import translate_store_error

E = EditActionId


class EditingDesk(CodebookEditing, QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("editingDesk")
        self.window = window
        self.view = window.article_view
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        window.actions.extend(EDIT_ACTIONS, window)
        self.actions = {action_id: window.actions[action_id] for action_id in EditActionId}
        for action in self.actions.values():
            window.addAction(action)
        self.review_group = QActionGroup(self)
        for action_id in REVIEW_ACTIONS:
            self.review_group.addAction(self.actions[action_id])
        self._build_docks()
        self._build_menus()
        self.correction_bar = CorrectionBar(self.view)
        self.corrections_view = CorrectionsView(self.view)
        self.corrections_view.hide()
        self.corrections_view.set_describe(self.describe_correction)
        self.highlights = Highlights(self.view, self._shown_annotations, self.describe_annotations)
        self.typing = TypingEditor(self)  # typing in the article: on in the proofreading layout
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._connect()
        window.installEventFilter(self)
        self.view.installEventFilter(self)
        self.retranslate_ui()
        self._update_actions()

    # -- construction ----------------------------------------------------------------------------
    def _dock(self, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        w = self.window
        self.codebook = CodebookPanel(w)
        self.codebook_dock = self._dock("codebookDock", self.codebook, Qt.DockWidgetArea.RightDockWidgetArea)
        self.annotations = AnnotationsPanel(w)
        self.annotations_dock = self._dock("annotationsDock", self.annotations, Qt.DockWidgetArea.RightDockWidgetArea)
        self.notes = NotesPanel([self.actions[a] for a in REVIEW_ACTIONS], w)
        self.notes_dock = self._dock("notesDock", self.notes, Qt.DockWidgetArea.RightDockWidgetArea)
        w.tabifyDockWidget(self.annotations_dock, self.notes_dock)
        self.annotations_dock.raise_()
        self.history = HistoryPanel(self.stack, w)
        self.history_dock = self._dock("historyDock", self.history, Qt.DockWidgetArea.BottomDockWidgetArea)
        w.tabifyDockWidget(w.search_dock, self.history_dock)
        self.history_dock.hide()
        # the right-hand panels keep the window's full height; bottom panels sit under the text
        w.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        w.resizeDocks([self.codebook_dock], [300], Qt.Orientation.Horizontal)
        self.docks = {
            E.SHOW_CODEBOOK: self.codebook_dock,
            E.SHOW_ANNOTATIONS: self.annotations_dock,
            E.SHOW_HISTORY: self.history_dock,
            E.SHOW_NOTES: self.notes_dock,
        }

    def _build_menus(self) -> None:
        w, a = self.window, self.actions
        bar = w.menuBar()
        self.edit_menu = QMenu(w)
        self.edit_menu.setObjectName("editMenu")
        bar.insertMenu(w.go_menu.menuAction(), self.edit_menu)
        for action_id in (E.UNDO, E.REDO, None, E.CORRECT, E.SHOW_CORRECTIONS, None, E.TAG_SELECTION):
            self.edit_menu.addAction(a[action_id]) if action_id else self.edit_menu.addSeparator()
        self.slot_menu = self.edit_menu.addMenu("")
        self.slot_menu.setObjectName("applyTagMenu")
        for action_id in SLOT_ACTIONS:
            self.slot_menu.addAction(a[action_id])
        self.edit_menu.addAction(a[E.REMOVE_ANNOTATION])
        self.edit_menu.addAction(a[E.AUTOTAG])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a[E.ARTICLE_NOTE])
        self.review_menu = self.edit_menu.addMenu("")
        self.review_menu.setObjectName("reviewMenu")
        for action_id in (*REVIEW_ACTIONS, E.REVIEW_CYCLE):
            self.review_menu.addAction(a[action_id])

        self.structure_menu = QMenu(w)
        self.structure_menu.setObjectName("structureMenu")
        bar.insertMenu(w.go_menu.menuAction(), self.structure_menu)
        self.structure_menu.addAction(a[E.JOIN_NEXT])
        self.structure_menu.addAction(a[E.SPLIT_BLOCK])
        self.role_menu = self.structure_menu.addMenu("")
        self.role_menu.setObjectName("roleMenu")
        for action_id in ROLE_ACTIONS:
            self.role_menu.addAction(a[action_id])
        self.structure_menu.addSeparator()
        for action_id in (E.MOVE_TO_PREVIOUS, E.MOVE_TO_NEXT, None, E.SPLIT_ARTICLE, E.MERGE_NEXT):
            self.structure_menu.addAction(a[action_id]) if action_id else self.structure_menu.addSeparator()

        w.view_menu.addSeparator()
        for action_id in self.docks:
            w.view_menu.addAction(a[action_id])

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a[E.UNDO].triggered.connect(self.undo)
        a[E.REDO].triggered.connect(self.redo)
        self.stack.indexChanged.connect(lambda _i: self._update_undo_actions())
        self.stack.cleanChanged.connect(lambda _c: self._update_undo_actions())
        a[E.CORRECT].triggered.connect(self.open_correction)
        a[E.SHOW_CORRECTIONS].toggled.connect(self.show_corrections)
        a[E.JOIN_NEXT].triggered.connect(self.join_with_next)
        a[E.SPLIT_BLOCK].triggered.connect(self.split_block)
        for action_id, role in ROLE_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, r=role: self.set_role(r))
        a[E.MOVE_TO_PREVIOUS].triggered.connect(lambda: self.move_block(forward=False))
        a[E.MOVE_TO_NEXT].triggered.connect(lambda: self.move_block(forward=True))
        a[E.SPLIT_ARTICLE].triggered.connect(self.split_article)
        a[E.MERGE_NEXT].triggered.connect(self.merge_with_next)
        a[E.TAG_SELECTION].triggered.connect(self.tag_selection)
        for slot, action_id in enumerate(SLOT_ACTIONS, 1):
            a[action_id].triggered.connect(lambda _=False, s=slot: self.apply_slot(s))
        a[E.REMOVE_ANNOTATION].triggered.connect(self.remove_annotations_here)
        a[E.AUTOTAG].triggered.connect(lambda: self.autotag())
        a[E.ARTICLE_NOTE].triggered.connect(self.add_article_note)
        for action_id, state in REVIEW_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, s=state: self.set_review(s))
        a[E.REVIEW_CYCLE].triggered.connect(self.cycle_review)
        self.switches = [DockSwitch(a[action_id], dock) for action_id, dock in self.docks.items()]
        w.events.changed.connect(self._on_store_changed)
        w.article_opened.connect(self._on_article_opened)
        self.view.selectionChanged.connect(self._update_actions)
        self.view.cursorPositionChanged.connect(self._update_actions)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.correction_bar.applied.connect(self.correct)
        self.codebook.add_requested.connect(self.new_tag)
        self.codebook.rename_requested.connect(lambda tag: self.codebook.start_rename(tag.id))
        self.codebook.model.rename_requested.connect(self.rename_tag)
        self.codebook.model.move_requested.connect(self.move_tag)
        self.codebook.colour_requested.connect(self.recolour_tag)
        self.codebook.slot_requested.connect(lambda tag, slot: self.set_tag_slot(tag.id, slot))
        self.codebook.merge_requested.connect(self.merge_tag)
        self.codebook.delete_requested.connect(self.delete_tag)
        self.codebook.apply_requested.connect(lambda tag: self.apply_tag(tag.id))
        self.codebook.memo_requested.connect(self.edit_tag_memo)
        self.codebook.passages_requested.connect(lambda tag: self.window.passages.show_tag(tag.id))
        self.annotations.chosen.connect(self.select_annotation)
        self.annotations.edit_note.connect(self.edit_annotation_note)
        self.annotations.change_tag.connect(self.change_annotation_tag)
        self.annotations.remove.connect(lambda anns: self.remove_annotations([x.id for x in anns]))
        self.annotations.reattach.connect(self.reattach)
        self.history.revert_requested.connect(self.revert_entry)
        self.notes.add_requested.connect(self.add_article_note)
        self.notes.edit_requested.connect(self.edit_article_note)
        self.notes.delete_requested.connect(self.delete_article_note)

    def sync_dock_actions(self) -> None:
        for action_id, dock in self.docks.items():
            action = self.actions[action_id]
            action.blockSignals(True)
            action.setChecked(dock.isVisibleTo(self.window))
            action.blockSignals(False)

    # -- translation -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.structure_menu.setTitle(self.tr("&Structure"))
        self.slot_menu.setTitle(self.tr("&Apply Tag"))
        self.review_menu.setTitle(self.tr("Re&view State"))
        self.role_menu.setTitle(self.tr("Block &Role"))
        self.codebook_dock.setWindowTitle(self.tr("Codebook"))
        self.annotations_dock.setWindowTitle(self.tr("Annotations"))
        self.history_dock.setWindowTitle(self.tr("Edit History"))
        self.notes_dock.setWindowTitle(self.tr("Review and Notes"))
        self._update_slot_tips()
        self._update_undo_actions()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()  # the type first: no widget calls for events of widgets being destroyed
        if kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate_ui()
        elif kind == QEvent.Type.Resize and obj is self.view:
            self.corrections_view.setGeometry(self.view.rect())
        elif kind == QEvent.Type.Show and obj is self.window:
            self.sync_dock_actions()
        return False

    # -- the commands' context ---------------------------------------------------------------------
    @property
    def project(self):
        store = self.window.store
        return getattr(store, "project", None)

    def report(self, exc: StoreError) -> None:
        message = translate_store_error(exc)  # the store speaks English; the desk, the user's language
        if isinstance(exc, RevertConflict):
            title = self.tr("Cannot Revert")
            message = self.conflict_message(exc)
            self.history.show_conflict(message, exc.blocking)
            self.history_dock.show()
            self.history_dock.raise_()
        elif isinstance(exc, EditError):
            title = self.tr("Cannot Edit")
        elif isinstance(exc, TagError):
            title = self.tr("Codebook")
        else:
            title = self.tr("Cannot Change the Project")
        self.window.statusBar().showMessage(message, 8000)
        QMessageBox.warning(self.window, title, message)

    def conflict_message(self, exc: RevertConflict) -> str:
        """Which entries stand in the way of a revert, in the interface language."""
        later = ", ".join(f"#{e}" for e in exc.blocking)
        text = self.tr("Edit #%1 cannot be reverted: %2 changed the same text since. Revert those first.")
        return text.replace("%1", str(exc.edit_id)).replace("%2", later)

    def show(self, article_id: int | None, select: tuple[int, int] | None = None) -> None:
        w = self.window
        if article_id is None or w.store is None:
            return
        if w.article is None or w.article.id != article_id:
            try:
                w.open_article(article_id)
            except StoreError:
                return
        if select is not None:
            w.article_view.select_range(*select)

    def run(self, command: C.StoreCommand, select: tuple[int, int] | None = None) -> bool:
        """Do ``command`` and put it on the undo stack; select ``select`` in the article after."""
        if self.project is None:
            return False
        self.correction_bar.close_bar()
        done = C.push(self.stack, command)
        article = self.window.article
        if done and select is not None and article is not None:
            end = len(article.text)
            self.view.select_range(min(select[0], end), min(select[1], end))
        self._update_actions()
        return done

    def undo(self) -> None:
        self.correction_bar.close_bar()
        self.stack.undo()

    def redo(self) -> None:
        self.correction_bar.close_bar()
        self.stack.redo()

    def _update_undo_actions(self) -> None:
        if not shiboken6.isValid(self.stack):
            return  # the window is being destroyed: the stack goes before its last signals
        undo, redo = self.actions[E.UNDO], self.actions[E.REDO]
        undo.setEnabled(self.stack.canUndo())
        redo.setEnabled(self.stack.canRedo())
        undo.setToolTip(
            self.tr("Undo %1").replace("%1", self.stack.undoText()) if self.stack.canUndo() else self.tr("Undo")
        )
        redo.setToolTip(
            self.tr("Redo %1").replace("%1", self.stack.redoText()) if self.stack.canRedo() else self.tr("Redo")
        )
        undo.setStatusTip(undo.toolTip())
        redo.setStatusTip(redo.toolTip())

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # -- the project and the open article ----------------------------------------------------------
    def set_store(self, store) -> None:
        """A project was opened (or closed): a fresh undo stack and codebook."""
        self.stack.clear()
        self.correction_bar.close_bar()
        self.reload_codebook()
        self.annotations.set_article([], [], "")
        self.history.set_entries([])
        self.notes.set_notes([])
        self._update_actions()

    def reload_codebook(self) -> None:
        project = self.project
        self.codebook.set_tags(project.tags() if project is not None else [])
        self._update_slot_tips()

    def _on_article_opened(self, _article_id: int) -> None:
        self.correction_bar.close_bar()
        self._refresh_article_panels(history=True, notes=True)

    def _on_store_changed(self, event) -> None:
        if self.window.store is None or self.project is None:
            return
        changes = event.changes
        if changes & Change.TAGS:
            self.reload_codebook()
        elif changes & Change.ANNOTATIONS:
            self.reload_codebook()  # counts changed
        article = self.window.article
        if article is None:
            self._refresh_article_panels(history=True, notes=True)
            return
        mine = not event.article_ids or article.id in event.article_ids
        if not mine:
            return
        if changes & Change.REVIEW:
            try:
                article.review = self.project.get_article(article.id).review_state.value
            except StoreError:
                pass
        self._refresh_article_panels(
            history=bool(changes & (Change.HISTORY | Change.TEXT | Change.ARTICLES)),
            notes=bool(changes & (Change.NOTES | Change.REVIEW | Change.ARTICLES)),
        )

    def _refresh_article_panels(self, history: bool = False, notes: bool = False) -> None:
        article = self.window.article
        project = self.project
        display = self.window.converter.convert
        if article is None or project is None:
            self.annotations.set_article([], [], "")
            self.history.set_entries([])
            self.notes.set_notes([])
        else:
            self.annotations.set_article(article.annotations, article.orphans, article.text, display)
            try:
                if history:
                    self.history.set_entries(project.history(article.id), display)
                if notes:
                    self.notes.set_notes(project.notes(article.id))
            except StoreError:
                pass
            if self.corrections_view.isVisible():
                self._render_corrections()
        self.highlights.refresh()
        self._update_actions()

    def _shown_annotations(self) -> Sequence[AnnotationData]:
        article = self.window.article
        return article.annotations if article is not None else ()

    def describe_annotations(self, found: Sequence[AnnotationData]) -> str:
        """The tooltip over tagged words: a swatch in each tag's colour, its path and note."""
        lines = []
        for ann in found:
            colour = ann.colour or "#3d7fd1"
            line = f'<span style="color:{colour}; font-size:large">■</span>&nbsp;{html.escape(ann.tag)}'
            if ann.note:
                line += f" — {html.escape(ann.note)}"
            lines.append(line)
        return "<qt>" + "<br>".join(lines) + "</qt>"

    def describe_correction(self, mark) -> str:
        who = mark.author or "—"
        line = self.tr("Corrected by %1, %2").replace("%1", who).replace("%2", when(mark.at))
        change = f"“{mark.deleted}” → “{mark.inserted}”"
        return "\n".join(x for x in (line, change, mark.note or "") if x)

    def _update_actions(self) -> None:
        article = self.window.article
        has_article = article is not None and self.project is not None
        start, end = self.view.selected_range() if has_article else (0, 0)
        for action_id in (
            E.CORRECT,
            E.JOIN_NEXT,
            E.SPLIT_BLOCK,
            E.MOVE_TO_PREVIOUS,
            E.MOVE_TO_NEXT,
            E.SPLIT_ARTICLE,
            E.MERGE_NEXT,
            E.ARTICLE_NOTE,
            E.REVIEW_CYCLE,
            E.REMOVE_ANNOTATION,
            *ROLE_ACTIONS,
            *REVIEW_ACTIONS,
        ):
            self.actions[action_id].setEnabled(has_article)
        for action_id in (E.TAG_SELECTION, *SLOT_ACTIONS):
            self.actions[action_id].setEnabled(has_article)
        self.actions[E.AUTOTAG].setEnabled(self.project is not None)
        self.actions[E.SHOW_CORRECTIONS].setEnabled(has_article or self.corrections_view.isVisible())
        if has_article:
            review = getattr(article, "review", "unreviewed")
            for action_id, state in REVIEW_ACTIONS.items():
                self.actions[action_id].setChecked(state == review)
            found = place(article, start)
            for action_id, role in ROLE_ACTIONS.items():
                self.actions[action_id].setCheckable(True)
                self.actions[action_id].setChecked(found is not None and found.role == role)
        del end

    def _update_slot_tips(self) -> None:
        for slot, action_id in enumerate(SLOT_ACTIONS, 1):
            tag = self.codebook.model.slot_tag(slot)
            action = self.actions[action_id]
            tip = tag.path if tag is not None else self.tr("No tag has key %1").replace("%1", str(slot))
            action.setToolTip(tip)
            action.setStatusTip(tip)

    # -- corrections ---------------------------------------------------------------------------------
    def open_correction(self) -> None:
        if self.codebook.tree.hasFocus() and self.codebook.current() is not None:
            self.codebook.start_rename(self.codebook.current().id)  # F2 renames where tags are edited
            return
        article = self.window.article
        if article is None or self.project is None:
            return
        start, end = self.view.selected_range()
        if spans_blocks(article, start, end):
            self.status(self.tr("A correction stays inside one paragraph: select less, or join the paragraphs first"))
            return
        self.correction_bar.open_for(start, end, article.text[start:end])

    def correct(self, start: int, end: int, text: str, note: str = "") -> bool:
        article = self.window.article
        if article is None:
            return False
        old = article.text[start:end]
        label = self.tr("Correct “%1” → “%2”").replace("%1", old).replace("%2", text)
        command = C.correct(self, article.id, start, end, text, note or None, label)
        return self.run(command, select=(start, start + len(text)) if text else None)

    def show_corrections(self, on: bool) -> None:
        if on:
            self.corrections_view.setGeometry(self.view.rect())
            self._render_corrections()
            self.corrections_view.show()
            self.corrections_view.raise_()
        else:
            self.corrections_view.hide()
        self.highlights.enabled = not on

    def _render_corrections(self) -> None:
        article, project, w = self.window.article, self.project, self.window
        if article is None or project is None:
            self.corrections_view.clear()
            return
        try:
            marks = project.corrections(article.id)
        except StoreError as exc:
            self.report(exc)
            return
        conv = w.converter.convert
        root = self.view.document().rootFrame().frameFormat()
        from ui.script import FONT_REGION

        self.corrections_view.show_article(
            [(b.role, conv(b.text)) for b in article.blocks],
            marks,
            w.font_size,
            FONT_REGION[w.converter.script],
            conv,
            margins=(root.leftMargin(), root.topMargin()),
        )
        self.corrections_view.setToolTip(
            self.tr("%n correction(s) in this article", None, len(marks))
            if marks
            else self.tr("No corrections in this article")
        )

    # -- structure ---------------------------------------------------------------------------------
    def _place(self):
        article = self.window.article
        if article is None or self.project is None:
            return None, None
        start, _end = self.view.selected_range()
        return article, place(article, start)

    def join_with_next(self) -> None:
        article, where = self._place()
        if where is None:
            return
        if where.index + 1 >= len(article.blocks):
            self.status(self.tr("This is the article's last block: there is nothing after it to join"))
            return
        join_at = article.block_starts()[where.index] + len(article.blocks[where.index].text)
        self.run(
            C.join_with_next(self, article.id, where.block_id, self.tr("Join paragraphs")), select=(join_at, join_at)
        )

    def split_block(self) -> None:
        article = self.window.article
        if article is None or self.project is None:
            return
        cursor = self.view.textCursor()
        offset = self.view._map.to_code_point(cursor.selectionStart() if cursor.hasSelection() else cursor.position())
        where = split_offset(article, offset)
        if where is None:
            self.status(self.tr("Put the cursor inside a paragraph, where the new one should start"))
            return
        if self.run(C.split_block(self, article.id, where.block_id, where.offset, self.tr("Split paragraph"))):
            self.view.select_range(offset + 1, offset + 1)

    def set_role(self, role: str) -> None:
        article, where = self._place()
        if where is None:
            return
        if where.role == role:
            self._update_actions()
            return
        label = self.tr("Make block a %1").replace("%1", role_name(role))
        self.run(C.set_role(self, article.id, where.block_id, role, label), select=self.view.selected_range())

    def move_block(self, forward: bool) -> None:
        article, where = self._place()
        if where is None:
            return
        if forward:
            block = article.blocks[-1]
            label = self.tr("Move last block to the next article")
        else:
            block = article.blocks[0]
            label = self.tr("Move first block to the previous article")
        if where.block_id != block.id:
            text = (
                self.tr("Only the article's last block can move to the next article")
                if forward
                else self.tr("Only the article's first block can move to the previous article")
            )
            self.status(text)
            return
        start = article.block_starts()[-2 if forward else 1] if len(article.blocks) > 1 else 0
        self.run(
            C.move_block(self, article.id, block.id, forward, label), select=(0, 0) if not forward else (start, start)
        )

    def split_article(self) -> None:
        article, where = self._place()
        if where is None:
            return
        if where.index == 0:
            self.status(self.tr("The article already starts with this block"))
            return
        self.run(C.split_article(self, article.id, where.block_id, self.tr("Split article")))

    def merge_with_next(self) -> None:
        article = self.window.article
        if article is None or self.project is None:
            return
        self.run(C.merge_with_next(self, article.id, self.tr("Merge with next article")))

    def revert_entry(self, entry, confirm: bool = True) -> bool:
        """Revert history entry ``entry`` after saying what it undoes (a new entry, itself undoable)."""
        article = self.window.article
        if article is None:
            return False
        model = self.history.model
        what = describe(entry, self.window.converter.convert, model._by_id)
        if confirm:
            text = (
                self.tr("Revert edit #%1?").replace("%1", str(entry.id))
                + "\n\n"
                + what
                + "\n\n"
                + self.tr("The revert is a new entry of the history; Undo (Ctrl+Z) takes it back.")
            )
            answer = QMessageBox.question(
                self.window,
                self.tr("Revert Edit"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        label = self.tr("Revert #%1: %2").replace("%1", str(entry.id)).replace("%2", what)
        return self.run(C.revert(self, article.id, entry.id, label))

    # -- tagging -----------------------------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        article = self.window.article
        if article is None or self.project is None:
            return None
        start, end = self.view.selected_range()
        if start >= end:
            self.status(self.tr("Select the words to tag in the article first"))
            return None
        return start, end

    def apply_tag(self, tag_id: int) -> bool:
        found = self._selection()
        article = self.window.article
        tag = self.codebook.model.tag_by_id(tag_id)
        if found is None or tag is None or article is None:
            return False
        start, end = found
        label = self.tr("Tag “%1” as %2").replace("%1", article.text[start:end]).replace("%2", tag.name)
        # the cursor moves past the passage: the next drag starts a new selection, the next key tags nothing
        done = self.run(C.AnnotateCommand(self, label, [(article.id, tag_id, start, end)]), select=(end, end))
        if done:
            self.status(self.tr("Tagged as %1").replace("%1", tag.path))
        return done

    def apply_slot(self, slot: int) -> bool:
        tag = self.codebook.model.slot_tag(slot)
        if tag is None:
            self.status(self.tr("No tag has key %1: give one a key in the codebook").replace("%1", str(slot)))
            return False
        return self.apply_tag(tag.id)

    def tag_selection(self) -> None:
        tag = self.codebook.current()
        if tag is None:
            self.status(self.tr("Choose a tag in the codebook first"))
            return
        self.apply_tag(tag.id)

    def annotations_here(self) -> list[AnnotationData]:
        article = self.window.article
        if article is None:
            return []
        start, end = self.view.selected_range()
        if start == end:
            return [a for a in article.annotations if a.start <= start < a.end]
        return [a for a in article.annotations if a.start < end and start < a.end]

    def remove_annotations_here(self) -> None:
        found = self.annotations_here()
        if not found:
            self.status(self.tr("No annotation here"))
            return
        self.remove_annotations([a.id for a in found])

    def remove_annotations(self, ids: Sequence[int]) -> None:
        if ids:
            label = self.tr("Remove %n annotation(s)", None, len(ids))
            self.run(C.DeleteAnnotationsCommand(self, label, ids))

    def select_annotation(self, ann: AnnotationData) -> None:
        if self.window.article is not None and not ann.orphaned:
            self.view.select_range(ann.start, ann.end)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_annotation_note(self, ann: AnnotationData) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Annotation Note"), self.tr("Note on “%1”:").replace("%1", ann.quote[:30]), ann.note
        )
        if ok and text != ann.note:
            self.run(C.UpdateAnnotationCommand(self, self.tr("Edit annotation note"), ann.id, note=text))

    def _tag_paths(self, exclude: set[int] = frozenset()) -> list[Tag]:  # type: ignore[assignment]
        return [t for t in self.codebook.model.tags() if t.id not in exclude]

    def change_annotation_tag(self, ann: AnnotationData) -> None:
        tags = self._tag_paths({ann.tag_id})
        if not tags:
            return
        paths = [t.path for t in tags]
        path, ok = QInputDialog.getItem(self.window, self.tr("Change Tag"), self.tr("New tag:"), paths, 0, False)
        if ok and path in paths:
            tag = tags[paths.index(path)]
            label = self.tr("Change tag to %1").replace("%1", tag.name)
            self.run(C.UpdateAnnotationCommand(self, label, ann.id, tag_id=tag.id))

    def reattach(self, ann: AnnotationData) -> None:
        found = self._selection()
        article = self.window.article
        if found is None or article is None:
            return
        if ann.orphaned and article.id != self._article_of(ann):
            self.status(self.tr("This annotation belongs to another article"))
            return
        start, end = found
        self.run(C.UpdateAnnotationCommand(self, self.tr("Re-attach annotation"), ann.id, start=start, end=end))

    def _article_of(self, ann: AnnotationData) -> int | None:
        article = self.window.article
        if article is not None and any(o.id == ann.id for o in article.orphans):
            return article.id
        return None

    def autotag(self, tag_id: int | None = None) -> bool:
        """Tag every hit of the search panel's query (after the preview dialog)."""
        project, w = self.project, self.window
        if project is None:
            return False
        query = w.search_panel.query.text().strip()
        if not query:
            self.status(self.tr("Search for something first (Ctrl+F): every hit of the search gets tagged"))
            w.focus_search()
            return False
        regex = w.actions[ActionId.SEARCH_REGEX].isChecked()
        try:
            plan = collect_hits(project, query, regex)
        except StoreError as exc:
            self.report(exc)
            return False
        tags = self.codebook.model.tags()
        if not tags:
            self.status(self.tr("The codebook is empty: add a tag first"))
            return False
        current = tag_id if tag_id is not None else (self.codebook.current().id if self.codebook.current() else None)
        dialog = AutoTagDialog(plan, tags, current, w.converter.convert, w)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.tag_id()
        dialog.deleteLater()
        if not accepted or chosen is None:
            return False
        existing = existing_annotations(project, {h.article_id for h in plan.hits}, chosen)
        items = plan.items(chosen, existing)
        if not items:
            self.status(self.tr("Every hit already carries this tag"))
            return False
        tag = self.codebook.model.tag_by_id(chosen)
        label = self.tr("Tag %n search hit(s)", None, len(items)) + f" ({tag.name if tag else ''})"
        done = self.run(C.AnnotateCommand(self, label, items))
        if done:
            self.status(self.tr("Tagged %n passage(s)", None, len(items)))
        return done

    # -- review and notes ---------------------------------------------------------------------------------
    def set_review(self, state: str) -> bool:
        article = self.window.article
        if article is None or self.project is None:
            return False
        if getattr(article, "review", None) == state:
            self._update_actions()
            return False
        label = self.tr("Mark as %1").replace("%1", QCoreApplication.translate("NotesPanel", REVIEW_LABELS[state]))
        done = self.run(C.ReviewCommand(self, label, article.id, state))
        if done:
            self.status(label)
        return done

    def cycle_review(self) -> bool:
        article = self.window.article
        if article is None:
            return False
        return self.set_review(next_state(getattr(article, "review", "unreviewed")))

    def add_article_note(self, text: str | None = None) -> bool:
        article = self.window.article
        if article is None or self.project is None:
            return False
        if not isinstance(text, str):
            text, ok = QInputDialog.getMultiLineText(self.window, self.tr("Note on the Article"), self.tr("Note:"))
            if not ok or not text.strip():
                return False
        self.notes_dock.show()
        return self.run(C.AddNoteCommand(self, self.tr("Add note"), article.id, text.strip()))

    def edit_article_note(self, note, text: str | None = None) -> bool:
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.window, self.tr("Note on the Article"), self.tr("Note:"), note.text
            )
            if not ok or text == note.text:
                return False
        return self.run(C.EditNoteCommand(self, self.tr("Edit note"), note.id, text))

    def delete_article_note(self, note) -> bool:
        return self.run(C.DeleteNoteCommand(self, self.tr("Delete note"), note.id))

    # -- context menu ----------------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        article = self.window.article
        if article is None:
            return
        offset = self.view.offset_at(pos)
        start, end = self.view.selected_range()
        if not start <= offset <= end:
            self.view.select_range(offset, offset)
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        a = self.actions
        menu = QMenu(self.view)
        menu.setObjectName("articleContextMenu")
        menu.addAction(a[E.CORRECT])
        menu.addAction(a[E.TAG_SELECTION])
        tag_menu = menu.addMenu(self.tr("Tag &As"))
        for tag in self.codebook.model.tags():
            action = tag_menu.addAction(("    " * tag.path.count("/")) + tag.name)
            model = self.codebook.model
            action.setIcon(model.data(model.index_of(tag.id), Qt.ItemDataRole.DecorationRole))
            action.triggered.connect(lambda _=False, t=tag.id: self.apply_tag(t))
        tag_menu.setEnabled(not tag_menu.isEmpty())
        menu.addAction(a[E.REMOVE_ANNOTATION])
        menu.addSeparator()
        for action_id in (E.JOIN_NEXT, E.SPLIT_BLOCK):
            menu.addAction(a[action_id])
        menu.addMenu(self.role_menu)
        for action_id in (E.MOVE_TO_PREVIOUS, E.MOVE_TO_NEXT, E.SPLIT_ARTICLE, E.MERGE_NEXT):
            menu.addAction(a[action_id])
        menu.addSeparator()
        copy = menu.addAction(self.tr("&Copy"))
        copy.setEnabled(self.view.textCursor().hasSelection())
        copy.triggered.connect(self.view.copy)
        return menu
