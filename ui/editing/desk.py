"""The editing desk: everything that changes a project, added to the reading desk's window.

:class:`EditingDesk` is where the editing parts are put together: it registers the editing
actions, builds the **Edit** and **Structure** menus and the panels (:mod:`ui.editing.desk_parts`),
creates the edit session (:mod:`ui.editing.session`: the undo stack, running a command,
reporting) and one controller a job — tagging, codebook, structure, corrections, review and
notes, typing in place — each given a small typed :class:`~ui.editing.context.DeskContext`
rather than the window. It wires actions and panel signals to the controllers and keeps the
panels and the actions' states in step with the store's change events and the session's
:attr:`~ui.editing.session.EditSession.command_ran`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from db import Change, StoreError
from ui.actions import ActionId
from ui.backend import AnnotationData, editable_project
from ui.editing.actions import REVIEW_ACTIONS, ROLE_ACTIONS, SLOT_ACTIONS, EditActionId
from ui.editing.codebook_editing import CodebookController
from ui.editing.context import DeskContext
from ui.editing.correcting import CorrectionsController
from ui.editing.correction import CorrectionBar
from ui.editing.corrections_view import CorrectionsView
from ui.editing.desk_parts import DeskParts
from ui.editing.highlights import Highlights
from ui.editing.notes_editing import ReviewController
from ui.editing.session import EditSession
from ui.editing.structure import place
from ui.editing.structure_editing import StructureController
from ui.editing.tagging import TaggingController
from ui.editing.typing import TypingEditor
from ui.panel_parts import debounce, named
from ui.script import FONT_REGION

E = EditActionId
#: after a keystroke, the panels (history, annotations, notes, codebook counts) wait this long for the next
PANELS_AFTER_TYPING_MS = 250
#: what a change can leave the panels owing
OWED = ("codebook", "panels", "history", "notes")


def _forward(controller: str, name: str) -> property:
    """A method of the desk that is the method ``name`` of its part ``controller`` (the desk's public face)."""
    return property(lambda self: getattr(getattr(self, controller), name), doc=f"``{controller}.{name}``")


class EditingDesk(DeskParts, QObject):
    # the desk's public face: each action is done by the controller of its job
    stack = _forward("session", "stack")
    run = _forward("session", "run")
    undo = _forward("session", "undo")
    redo = _forward("session", "redo")
    report = _forward("session", "report")
    show = _forward("session", "show")
    status = _forward("session", "status")
    conflict_message = _forward("session", "conflict_message")
    apply_tag = _forward("tagging", "apply_tag")
    apply_slot = _forward("tagging", "apply_slot")
    tag_selection = _forward("tagging", "tag_selection")
    autotag = _forward("tagging", "autotag")
    annotations_here = _forward("tagging", "annotations_here")
    remove_annotations_here = _forward("tagging", "remove_annotations_here")
    remove_annotations = _forward("tagging", "remove_annotations")
    select_annotation = _forward("tagging", "select_annotation")
    edit_annotation_note = _forward("tagging", "edit_annotation_note")
    change_annotation_tag = _forward("tagging", "change_annotation_tag")
    reattach = _forward("tagging", "reattach")
    new_tag = _forward("codebook_editing", "new_tag")
    rename_tag = _forward("codebook_editing", "rename_tag")
    recolour_tag = _forward("codebook_editing", "recolour_tag")
    set_tag_slot = _forward("codebook_editing", "set_tag_slot")
    edit_tag_memo = _forward("codebook_editing", "edit_tag_memo")
    move_tag = _forward("codebook_editing", "move_tag")
    merge_tag = _forward("codebook_editing", "merge_tag")
    delete_tag = _forward("codebook_editing", "delete_tag")
    join_with_next = _forward("structure", "join_with_next")
    split_block = _forward("structure", "split_block")
    move_block = _forward("structure", "move_block")
    split_article = _forward("structure", "split_article")
    merge_with_next = _forward("structure", "merge_with_next")
    revert_entry = _forward("structure", "revert_entry")
    correct = _forward("corrections", "correct")
    show_corrections = _forward("corrections", "show_corrections")
    describe_correction = _forward("corrections", "describe_correction")
    cycle_review = _forward("review", "cycle_review")
    add_article_note = _forward("review", "add_article_note")
    edit_article_note = _forward("review", "edit_article_note")
    delete_article_note = _forward("review", "delete_article_note")

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("editingDesk")
        self.window = window
        self.view = window.article_view
        self._register_actions()
        self.session = EditSession(
            project=self._project,
            article=lambda: window.article,
            open_article=window.open_article,
            view=self.view,
            status_bar=window.statusBar(),
            parent=window,
            undo_action=self.actions[E.UNDO],
            redo_action=self.actions[E.REDO],
            events=window.events,
        )
        self._owed = dict.fromkeys(OWED, False)  # what the panels have not shown yet (after typing)
        self._owed_timer = debounce(self, PANELS_AFTER_TYPING_MS, self._refresh_owed)
        self._build_docks()
        self._build_menus()
        self.correction_bar = CorrectionBar(self.view)
        self.corrections_view = CorrectionsView(self.view)
        self.corrections_view.hide()
        self.highlights = Highlights(self.view, self._shown_annotations, self.describe_annotations)
        self.context = DeskContext(
            session=self.session,
            view=self.view,
            project=self._project,
            article=lambda: window.article,
            display=lambda text: window.converter.convert(text),
            parent=window,
        )
        self._make_controllers()
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._connect()
        window.installEventFilter(self)
        self.view.installEventFilter(self)
        self.retranslate_ui()
        self._update_actions()

    def _project(self):
        return editable_project(self.window.store)

    @property
    def project(self):
        return self._project()

    def _make_controllers(self) -> None:
        ctx, w = self.context, self.window
        self.tagging = TaggingController(
            ctx,
            self.codebook,
            search_query=lambda: (w.search_panel.query.text().strip(), w.actions[ActionId.SEARCH_REGEX].isChecked(),
                                  w.search_panel.filter.page_filter()),
            focus_search=w.focus_search,
        )
        self.codebook_editing = CodebookController(ctx, self.codebook)
        self.structure = StructureController(ctx, self.history)
        self.corrections = CorrectionsController(
            ctx,
            self.correction_bar,
            self.corrections_view,
            self.highlights,
            typesetting=lambda: (w.font_size, FONT_REGION[w.converter.script]),
        )
        self.review = ReviewController(ctx, show_notes=self.notes_dock.show)
        self.typing = TypingEditor(ctx, self.structure.split_block)  # on in the proofreading layout

    def _connect(self) -> None:
        a, w, session = self.actions, self.window, self.session
        session.about_to_change.connect(self.correction_bar.close_bar)
        session.command_ran.connect(lambda _done: self._update_actions())
        session.revert_refused.connect(self._show_revert_conflict)
        a[E.CORRECT].triggered.connect(self.open_correction)
        a[E.SHOW_CORRECTIONS].toggled.connect(self.corrections.show_corrections)
        a[E.JOIN_NEXT].triggered.connect(self.structure.join_with_next)
        a[E.SPLIT_BLOCK].triggered.connect(self.structure.split_block)
        for action_id, role in ROLE_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, r=role: self.set_role(r))
        a[E.MOVE_TO_PREVIOUS].triggered.connect(lambda: self.structure.move_block(forward=False))
        a[E.MOVE_TO_NEXT].triggered.connect(lambda: self.structure.move_block(forward=True))
        a[E.SPLIT_ARTICLE].triggered.connect(self.structure.split_article)
        a[E.MERGE_NEXT].triggered.connect(self.structure.merge_with_next)
        a[E.TAG_SELECTION].triggered.connect(self.tagging.tag_selection)
        for slot, action_id in enumerate(SLOT_ACTIONS, 1):
            a[action_id].triggered.connect(lambda _=False, s=slot: self.tagging.apply_slot(s))
        a[E.REMOVE_ANNOTATION].triggered.connect(self.tagging.remove_annotations_here)
        a[E.AUTOTAG].triggered.connect(lambda: self.tagging.autotag())
        a[E.ARTICLE_NOTE].triggered.connect(lambda: self.review.add_article_note())
        for action_id, state in REVIEW_ACTIONS.items():
            a[action_id].triggered.connect(lambda _=False, s=state: self.set_review(s))
        a[E.REVIEW_CYCLE].triggered.connect(self.review.cycle_review)
        self._connect_docks()
        w.events.changed.connect(self._on_store_changed)
        w.article_opened.connect(self._on_article_opened)
        self.view.selectionChanged.connect(self._update_actions)
        self.view.cursorPositionChanged.connect(self._update_actions)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.correction_bar.applied.connect(self.corrections.correct)
        self._connect_panels()

    def _connect_panels(self) -> None:
        book, codebook, tagging = self.codebook, self.codebook_editing, self.tagging
        book.add_requested.connect(codebook.new_tag)
        book.rename_requested.connect(lambda tag: book.start_rename(tag.id))
        book.model.rename_requested.connect(codebook.rename_tag)
        book.model.move_requested.connect(codebook.move_tag)
        book.colour_requested.connect(codebook.recolour_tag)
        book.slot_requested.connect(lambda tag, slot: codebook.set_tag_slot(tag.id, slot))
        book.merge_requested.connect(codebook.merge_tag)
        book.delete_requested.connect(codebook.delete_tag)
        book.apply_requested.connect(lambda tag: tagging.apply_tag(tag.id))
        book.memo_requested.connect(codebook.edit_tag_memo)
        book.passages_requested.connect(lambda tag: self.window.passages.show_tag(tag.id))
        self.annotations.chosen.connect(tagging.select_annotation)
        self.annotations.edit_note.connect(tagging.edit_annotation_note)
        self.annotations.change_tag.connect(tagging.change_annotation_tag)
        self.annotations.remove.connect(lambda anns: tagging.remove_annotations([x.id for x in anns]))
        self.annotations.reattach.connect(tagging.reattach)
        self.history.revert_requested.connect(self.structure.revert_entry)
        self.notes.add_requested.connect(lambda: self.review.add_article_note())
        self.notes.edit_requested.connect(self.review.edit_article_note)
        self.notes.delete_requested.connect(self.review.delete_article_note)

    # -- actions whose "nothing to do" still sets the checked state -----------------------------------
    def set_role(self, role: str) -> bool:
        done = self.structure.set_role(role)
        if not done:
            self._update_actions()  # the checkable role action shows the block's role again
        return done

    def set_review(self, state: str) -> bool:
        done = self.review.set_review(state)
        if not done:
            self._update_actions()
        return done

    def open_correction(self) -> None:
        if self.codebook.tree.hasFocus() and self.codebook.current() is not None:
            self.codebook.start_rename(self.codebook.current().id)  # F2 renames where tags are edited
            return
        self.corrections.open_correction()

    def _show_revert_conflict(self, message: str, blocking: list[int]) -> None:
        self.history.show_conflict(message, blocking)
        self.history_dock.show()
        self.history_dock.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()  # the type first: no widget calls for events of widgets being destroyed
        if kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate_ui()
        elif kind == QEvent.Type.Resize and obj is self.view:
            self.corrections_view.setGeometry(self.view.rect())
        elif kind == QEvent.Type.Show and obj is self.window:
            self.sync_dock_actions()
        return False

    # -- the project and the open article ----------------------------------------------------------
    def set_store(self, store) -> None:
        """A project was opened (or closed): a fresh undo stack and codebook."""
        self.session.clear()
        self._owed_timer.stop()
        self._owed = dict.fromkeys(OWED, False)
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
        self._owed.update(panels=True, history=True, notes=True)
        self._refresh_owed()

    def _on_store_changed(self, event) -> None:
        """Panels and the codebook's counts follow every change; a keystroke's, once the typing pauses."""
        project = self.project
        if project is None:
            return
        changes, owed = event.changes, self._owed
        if changes & (Change.TAGS | Change.ANNOTATIONS):  # annotations: the counts changed
            owed["codebook"] = True
        article = self.window.article
        if article is None:
            owed.update(panels=True, history=True, notes=True)
        elif not event.article_ids or article.id in event.article_ids:
            if changes & Change.REVIEW:
                try:
                    article.review = project.get_article(article.id).review_state.value
                except StoreError:
                    pass
            owed["panels"] = True
            owed["history"] |= bool(changes & (Change.HISTORY | Change.TEXT | Change.ARTICLES))
            owed["notes"] |= bool(changes & (Change.NOTES | Change.REVIEW | Change.ARTICLES))
        if self.window.events.typing and not self.corrections_view.isVisible():  # (that one shows the text itself)
            self._owed_timer.start()  # restarted by every key: the panels follow when the typing pauses
        else:
            self._refresh_owed()

    def _refresh_owed(self) -> None:
        """Bring the codebook and the article's panels up to date with every change not yet shown."""
        self._owed_timer.stop()
        owed, self._owed = self._owed, dict.fromkeys(OWED, False)
        if owed["codebook"]:
            self.reload_codebook()
        if owed["panels"]:
            self._refresh_article_panels(history=owed["history"], notes=owed["notes"])

    def _refresh_article_panels(self, history: bool = False, notes: bool = False) -> None:
        found = self.context.editable()
        if found is None:
            self.annotations.set_article([], [], "")
            self.history.set_entries([])
            self.notes.set_notes([])
        else:
            article, project = found
            display = self.context.display
            self.annotations.set_article(article.annotations, article.orphans, article.text, display)
            try:
                if history:
                    self.history.set_entries(project.history(article.id), display)
                if notes:
                    self.notes.set_notes(project.notes(article.id))
            except StoreError:
                pass
            if self.corrections_view.isVisible():
                self.corrections.render()
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

    def _update_actions(self) -> None:
        article = self.window.article
        has_article = article is not None and self.project is not None
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
            E.TAG_SELECTION,
            *SLOT_ACTIONS,
            *ROLE_ACTIONS,
            *REVIEW_ACTIONS,
        ):
            self.actions[action_id].setEnabled(has_article)
        self.actions[E.AUTOTAG].setEnabled(self.project is not None)
        self.actions[E.SHOW_CORRECTIONS].setEnabled(has_article or self.corrections_view.isVisible())
        if has_article:
            review = getattr(article, "review", "unreviewed")
            for action_id, state in REVIEW_ACTIONS.items():
                self.actions[action_id].setChecked(state == review)
            found = place(article, self.view.selected_range()[0])
            for action_id, role in ROLE_ACTIONS.items():
                self.actions[action_id].setCheckable(True)
                self.actions[action_id].setChecked(found is not None and found.role == role)

    # -- context menu ----------------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        if self.window.article is None:
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
        menu = named(QMenu(self.view), "articleContextMenu")
        menu.addAction(a[E.CORRECT])
        menu.addAction(a[E.TAG_SELECTION])
        tag_menu = menu.addMenu(self.tr("Tag &As"))
        model = self.codebook.model
        for tag in model.tags():
            action = tag_menu.addAction(("    " * tag.path.count("/")) + tag.name)
            action.setIcon(model.data(model.index_of(tag.id), Qt.ItemDataRole.DecorationRole))
            action.triggered.connect(lambda _=False, t=tag.id: self.tagging.apply_tag(t))
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
