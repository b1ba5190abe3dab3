"""The review controller: an article's review state and its notes.

Receives a :class:`~ui.editing.context.DeskContext` and a way to show the notes panel;
every change is an undo command run by the edit session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from ui.editing import commands as C
from ui.editing.context import DeskContext, translate
from ui.editing.notes import REVIEW_LABELS, next_state


class ReviewController:
    def __init__(self, ctx: DeskContext, show_notes: Callable[[], None]) -> None:
        self.ctx = ctx
        self.show_notes = show_notes

    def set_review(self, state: str) -> bool:
        """Mark the open article ``state``; False when it is so already (nothing to do)."""
        found = self.ctx.editable()
        if found is None or getattr(found[0], "review", None) == state:
            return False
        label = translate("EditingDesk", "Mark as %1").replace(
            "%1", QCoreApplication.translate("NotesPanel", REVIEW_LABELS[state])
        )
        done = self.ctx.run(C.ReviewCommand(self.ctx.session, label, found[0].id, state))
        if done:
            self.ctx.status(label)
        return done

    def cycle_review(self) -> bool:
        article = self.ctx.article()
        if article is None:
            return False
        return self.set_review(next_state(getattr(article, "review", "unreviewed")))

    def add_article_note(self, text: str | None = None) -> bool:
        found = self.ctx.editable()
        if found is None:
            return False
        if not isinstance(text, str):
            text, ok = QInputDialog.getMultiLineText(
                self.ctx.parent, translate("EditingDesk", "Note on the Article"), translate("EditingDesk", "Note:")
            )
            if not ok or not text.strip():
                return False
        self.show_notes()
        return self.ctx.run(
            C.AddNoteCommand(self.ctx.session, translate("EditingDesk", "Add note"), found[0].id, text.strip())
        )

    def edit_article_note(self, note, text: str | None = None) -> bool:
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.ctx.parent,
                translate("EditingDesk", "Note on the Article"),
                translate("EditingDesk", "Note:"),
                note.text,
            )
            if not ok or text == note.text:
                return False
        return self.ctx.run(C.EditNoteCommand(self.ctx.session, translate("EditingDesk", "Edit note"), note.id, text))

    def delete_article_note(self, note) -> bool:
        return self.ctx.run(C.DeleteNoteCommand(self.ctx.session, translate("EditingDesk", "Delete note"), note.id))
