"""The structure controller: paragraphs, block roles, moving blocks, splitting and merging articles, reverts.

Receives a :class:`~ui.editing.context.DeskContext` and the history panel (to describe the
entry a revert undoes); every change is an undo command run by the edit session.
"""

from __future__ import annotations

from ui.dialogs import ask_yes_no
from ui.editing import commands as C
from ui.editing.context import DeskContext, translate
from ui.editing.history_panel import HistoryPanel, describe, role_name
from ui.editing.structure import Place, place, split_offset


class StructureController:
    def __init__(self, ctx: DeskContext, history: HistoryPanel) -> None:
        self.ctx = ctx
        self.history = history

    def _place(self):
        found = self.ctx.editable()
        if found is None:
            return None, None
        article = found[0]
        start, _end = self.ctx.view.selected_range()
        where: Place | None = place(article, start)
        return article, where

    def join_with_next(self) -> None:
        article, where = self._place()
        if where is None:
            return
        if where.index + 1 >= len(article.blocks):
            self.ctx.status(
                translate("EditingDesk", "This is the article's last block: there is nothing after it to join")
            )
            return
        join_at = article.block_starts()[where.index] + len(article.blocks[where.index].text)
        command = C.join_with_next(
            self.ctx.session, article.id, where.block_id, translate("EditingDesk", "Join paragraphs")
        )
        self.ctx.run(command, select=(join_at, join_at))

    def split_block(self) -> None:
        found = self.ctx.editable()
        if found is None:
            return
        article, view = found[0], self.ctx.view
        offset = view.cursor_offset()
        where = split_offset(article, offset)
        if where is None:
            self.ctx.status(
                translate("EditingDesk", "Put the cursor inside a paragraph, where the new one should start")
            )
            return
        command = C.split_block(
            self.ctx.session, article.id, where.block_id, where.offset, translate("EditingDesk", "Split paragraph")
        )
        if self.ctx.run(command):
            view.select_range(offset + 1, offset + 1)

    def set_role(self, role: str) -> bool:
        """Give the block at the cursor ``role``; False when it has it already (nothing to do)."""
        article, where = self._place()
        if where is None or where.role == role:
            return False
        label = translate("EditingDesk", "Make block a %1").replace("%1", role_name(role))
        command = C.set_role(self.ctx.session, article.id, where.block_id, role, label)
        return self.ctx.run(command, select=self.ctx.view.selected_range())

    def move_block(self, forward: bool) -> None:
        article, where = self._place()
        if where is None:
            return
        if forward:
            block = article.blocks[-1]
            label = translate("EditingDesk", "Move last block to the next article")
        else:
            block = article.blocks[0]
            label = translate("EditingDesk", "Move first block to the previous article")
        if where.block_id != block.id:
            text = (
                translate("EditingDesk", "Only the article's last block can move to the next article")
                if forward
                else translate("EditingDesk", "Only the article's first block can move to the previous article")
            )
            self.ctx.status(text)
            return
        start = article.block_starts()[-2 if forward else 1] if len(article.blocks) > 1 else 0
        command = C.move_block(self.ctx.session, article.id, block.id, forward, label)
        self.ctx.run(command, select=(0, 0) if not forward else (start, start))

    def split_article(self) -> None:
        article, where = self._place()
        if where is None:
            return
        if where.index == 0:
            self.ctx.status(translate("EditingDesk", "The article already starts with this block"))
            return
        self.ctx.run(
            C.split_article(self.ctx.session, article.id, where.block_id, translate("EditingDesk", "Split article"))
        )

    def merge_with_next(self) -> None:
        found = self.ctx.editable()
        if found is None:
            return
        self.ctx.run(
            C.merge_with_next(self.ctx.session, found[0].id, translate("EditingDesk", "Merge with next article"))
        )

    def revert_entry(self, entry, confirm: bool = True) -> bool:
        """Revert history entry ``entry`` after saying what it undoes (a new entry, itself undoable)."""
        article = self.ctx.article()
        if article is None:
            return False
        what = describe(entry, self.ctx.display, self.history.model.entries_by_id())
        if confirm:
            text = (
                translate("EditingDesk", "Revert edit #%1?").replace("%1", str(entry.id))
                + "\n\n"
                + what
                + "\n\n"
                + translate("EditingDesk", "The revert is a new entry of the history; Undo (Ctrl+Z) takes it back.")
            )
            if not ask_yes_no(self.ctx.parent, translate("EditingDesk", "Revert Edit"), text):
                return False
        label = translate("EditingDesk", "Revert #%1: %2").replace("%1", str(entry.id)).replace("%2", what)
        return self.ctx.run(C.revert(self.ctx.session, article.id, entry.id, label))
