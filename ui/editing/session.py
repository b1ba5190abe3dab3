"""The edit session: the undo stack, running a command, and telling the user why the store refused.

Every change of the editing desk is an undo command (:mod:`ui.editing.commands`) run by
:meth:`EditSession.run`; the session is the commands' context (:class:`~ui.editing.commands.EditContext`):
it gives them the project, reports a refusal in the interface language, and brings an undone
change into view. It emits :attr:`EditSession.command_ran` after each run, so the desk
refreshes its actions without the controllers knowing about them.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from db import EditError, Project, RevertConflict, StoreError, TagError
from ui.backend import ArticleData
from ui.editing import commands as C
from ui.editing.context import translate
from ui.events import StoreEvents
from ui.panel_parts import named
from ui.store_errors import translate_store_error
from ui.views import ArticleView


class EditSession(QObject):
    """Runs commands on one undo stack; the commands' context."""

    #: a command was run (True: done and on the stack; False: refused or nothing to run)
    command_ran = Signal(bool)
    #: the stack is about to change (run, undo, redo): open editors close first
    about_to_change = Signal()
    #: a revert was refused: the message and the entries standing in its way
    revert_refused = Signal(str, list)

    def __init__(
        self,
        *,
        project: Callable[[], Project | None],
        article: Callable[[], ArticleData | None],
        open_article: Callable[[int], None],
        view: ArticleView,
        status_bar: QStatusBar,
        parent: QWidget,
        undo_action: QAction,
        redo_action: QAction,
        events: StoreEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editSession")
        self._project, self._article, self._open_article = project, article, open_article
        self.view, self.status_bar, self.parent_widget = view, status_bar, parent
        self.undo_action, self.redo_action = undo_action, redo_action
        self.events = events
        self.stack = named(QUndoStack(self), "undoStack")
        self.stack.indexChanged.connect(lambda _i: self.update_undo_actions())
        self.stack.cleanChanged.connect(lambda _c: self.update_undo_actions())
        undo_action.triggered.connect(self.undo)
        redo_action.triggered.connect(self.redo)

    # -- the commands' context ------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self._project()

    def report(self, exc: StoreError) -> None:
        message = translate_store_error(exc)  # the store speaks English; the desk, the user's language
        if isinstance(exc, RevertConflict):
            title = translate("EditingDesk", "Cannot Revert")
            message = self.conflict_message(exc)
            self.revert_refused.emit(message, list(exc.blocking))
        elif isinstance(exc, EditError):
            title = translate("EditingDesk", "Cannot Edit")
        elif isinstance(exc, TagError):
            title = translate("EditingDesk", "Codebook")
        else:
            title = translate("EditingDesk", "Cannot Change the Project")
        self.status_bar.showMessage(message, 8000)
        QMessageBox.warning(self.parent_widget, title, message)

    @staticmethod
    def conflict_message(exc: RevertConflict) -> str:
        """Which entries stand in the way of a revert, in the interface language."""
        later = ", ".join(f"#{e}" for e in exc.blocking)
        text = translate(
            "EditingDesk", "Edit #%1 cannot be reverted: %2 changed the same text since. Revert those first."
        )
        return text.replace("%1", str(exc.edit_id)).replace("%2", later)

    def show(self, article_id: int | None, select: tuple[int, int] | None = None) -> None:
        if article_id is None or self.project is None:
            return
        article = self._article()
        if article is None or article.id != article_id:
            try:
                self._open_article(article_id)
            except StoreError:
                return
        if select is not None:
            self.view.select_range(*select)

    def status(self, text: str) -> None:
        self.status_bar.showMessage(text, 5000)

    # -- running --------------------------------------------------------------------------------
    def run(self, command: C.StoreCommand, select: tuple[int, int] | None = None, typed: bool = False) -> bool:
        """Do ``command`` and put it on the undo stack; select ``select`` in the article after.

        ``typed``: a keystroke in the article (its change is announced as typing: panels follow lazily).
        """
        if self.project is None:
            return False
        self.about_to_change.emit()
        if typed and self.events is not None:
            with self.events.typing_burst():
                done = C.push(self.stack, command)
        else:
            done = C.push(self.stack, command)
        article = self._article()
        if done and select is not None and article is not None:
            end = len(article.text)
            self.view.select_range(min(select[0], end), min(select[1], end))
        self.command_ran.emit(done)
        return done

    def undo(self) -> None:
        self.about_to_change.emit()
        self.stack.undo()

    def redo(self) -> None:
        self.about_to_change.emit()
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    def update_undo_actions(self) -> None:
        if not shiboken6.isValid(self.stack):
            return  # the window is being destroyed: the stack goes before its last signals
        undo, redo, stack = self.undo_action, self.redo_action, self.stack
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setToolTip(
            translate("EditingDesk", "Undo %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else translate("EditingDesk", "Undo")
        )
        redo.setToolTip(
            translate("EditingDesk", "Redo %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else translate("EditingDesk", "Redo")
        )
        undo.setStatusTip(undo.toolTip())
        redo.setStatusTip(redo.toolTip())
