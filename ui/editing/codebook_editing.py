"""The codebook controller: new, rename, recolour, key, memo, move, merge, delete a tag.

Receives a :class:`~ui.editing.context.DeskContext` and the codebook panel (the tags, their
keys and colours); every method turns a codebook request into an undoable command
(:mod:`ui.editing.commands`). Giving a tag the key another tag holds moves the key in one
store transaction, and one undo gives it back.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog

from db import Project, StoreError
from db.models import Tag
from ui.dialogs import ask_yes_no
from ui.editing import commands as C
from ui.editing.codebook_panel import CodebookPanel
from ui.editing.context import DeskContext, translate


class CodebookController:
    def __init__(self, ctx: DeskContext, codebook: CodebookPanel) -> None:
        self.ctx = ctx
        self.codebook = codebook

    def tags_except(self, exclude: set[int] = frozenset()) -> list[Tag]:  # type: ignore[assignment]
        return [t for t in self.codebook.model.tags() if t.id not in exclude]

    def new_tag(self, parent_id: int | None = None, name: str | None = None) -> Tag | None:
        if self.ctx.project() is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self.ctx.parent,
                translate("EditingDesk", "New Tag"),
                translate("EditingDesk", "Name of the new tag:"),
            )
            if not ok or not name.strip():
                return None
        model = self.codebook.model
        command = C.add_tag(
            self.ctx.session,
            translate("EditingDesk", "New tag %1").replace("%1", name.strip()),
            name.strip(),
            parent_id=parent_id,
            colour=model.next_colour(),
            slot=model.free_slot(),
        )
        if self.ctx.run(command):
            self.codebook.choose(command.result.id)
            return command.result
        return None

    def edit_tag_memo(self, tag: Tag, text: str | None = None) -> bool:
        """The tag's memo: what it means and when to use it (the codebook shows it over the tag)."""
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.ctx.parent,
                translate("EditingDesk", "Tag Memo"),
                translate("EditingDesk", "Memo for “%1”:").replace("%1", tag.path),
                tag.description,
            )
            if not ok:
                return False
        if text == tag.description:
            return False
        label = translate("EditingDesk", "Edit memo of %1").replace("%1", tag.name)
        return self.ctx.run(C.update_tag(self.ctx.session, label, tag.id, description=text))

    def rename_tag(self, tag_id: int, name: str) -> bool:
        return self.ctx.run(
            C.update_tag(
                self.ctx.session,
                translate("EditingDesk", "Rename tag to %1").replace("%1", name),
                tag_id,
                name=name,
            )
        )

    def recolour_tag(self, tag: Tag, colour: str | None = None) -> bool:
        if colour is None:
            title = translate("EditingDesk", "Colour of %1").replace("%1", tag.name)
            chosen = QColorDialog.getColor(QColor(tag.colour or "#3d7fd1"), self.ctx.parent, title)
            if not chosen.isValid():
                return False
            colour = chosen.name()
        return self.ctx.run(
            C.update_tag(
                self.ctx.session,
                translate("EditingDesk", "Recolour tag %1").replace("%1", tag.name),
                tag.id,
                colour=colour,
            )
        )

    def set_tag_slot(self, tag_id: int, slot: int | None) -> bool:
        tag = self.codebook.model.tag_by_id(tag_id)
        if tag is None:
            return False
        if slot is None:
            return self.ctx.run(
                C.update_tag(
                    self.ctx.session,
                    translate("EditingDesk", "Remove key of %1").replace("%1", tag.name),
                    tag_id,
                    clear_slot=True,
                )
            )
        holder = self.codebook.model.slot_tag(slot)
        label = translate("EditingDesk", "Give key %1 to %2").replace("%1", str(slot)).replace("%2", tag.name)
        if holder is None or holder.id == tag_id:
            return self.ctx.run(C.update_tag(self.ctx.session, label, tag_id, slot=slot))

        def swap(project: Project) -> Tag:  # the key moves from the tag that had it: both or neither
            with project.transaction():
                project.update_tag(holder.id, clear_slot=True)
                return project.update_tag(tag_id, slot=slot)

        return self.ctx.run(C.CodebookCommand(self.ctx.session, label, swap, [tag_id, holder.id]))

    def move_tag(self, tag_id: int, parent_id: int | None) -> bool:
        tag = self.codebook.model.tag_by_id(tag_id)
        parent = self.codebook.model.tag_by_id(parent_id) if parent_id is not None else None
        where = parent.name if parent is not None else translate("EditingDesk", "the top level")
        label = (
            translate("EditingDesk", "Move tag %1 to %2").replace("%1", tag.name if tag else "?").replace("%2", where)
        )
        return self.ctx.run(C.move_tag(self.ctx.session, label, tag_id, parent_id))

    def merge_tag(self, tag: Tag, target_id: int | None = None) -> bool:
        model = self.codebook.model
        if target_id is None:
            candidates = self.tags_except(model.descendants(tag.id))
            if not candidates:
                self.ctx.status(translate("EditingDesk", "There is no other tag to merge it into"))
                return False
            paths = [t.path for t in candidates]
            path, ok = QInputDialog.getItem(
                self.ctx.parent,
                translate("EditingDesk", "Merge Tag"),
                translate("EditingDesk", "Merge “%1” into (its annotations and children move there):").replace(
                    "%1", tag.path
                ),
                paths,
                0,
                False,
            )
            if not ok or path not in paths:
                return False
            target_id = candidates[paths.index(path)].id
        target = model.tag_by_id(target_id)
        label = (
            translate("EditingDesk", "Merge %1 into %2")
            .replace("%1", tag.name)
            .replace("%2", target.name if target else "?")
        )
        return self.ctx.run(C.merge_tags(self.ctx.session, label, tag.id, target_id))

    def delete_tag(self, tag: Tag, confirm: bool = True) -> bool:
        project = self.ctx.project()
        if project is None:
            return False
        try:
            counts = project.tag_deletion_counts(tag.id)
        except StoreError as exc:
            self.ctx.session.report(exc)
            return False
        if confirm:
            text = (
                translate("EditingDesk", "Delete the tag “%1”?").replace("%1", tag.path)
                + "\n\n"
                + translate("EditingDesk", "This removes %n tag(s)", None, counts.tags)
                + translate("EditingDesk", " and %n annotation(s).", None, counts.annotations)
                + "\n"
                + translate("EditingDesk", "Undo (Ctrl+Z) brings them back.")
            )
            if not ask_yes_no(self.ctx.parent, translate("EditingDesk", "Delete Tag"), text):
                return False
        return self.ctx.run(
            C.delete_tag(self.ctx.session, translate("EditingDesk", "Delete tag %1").replace("%1", tag.name), tag.id)
        )
