"""The editing desk's codebook commands: new, rename, recolour, key, memo, move, merge, delete.

A part of :class:`ui.editing.desk.EditingDesk` (mixed into it), kept apart by job: every method
turns a codebook request into an undoable command (:mod:`ui.editing.commands`). Texts are in
the desk's translation context ("EditingDesk"), as before the split.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from db import StoreError
from db.models import Tag
from ui.editing import commands as C


class CodebookEditing:
    """Codebook commands; the host (the editing desk) provides ``project``, ``run``, ``codebook``, ``window``."""

    def new_tag(self, parent_id: int | None = None, name: str | None = None) -> Tag | None:
        if self.project is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self.window,
                QCoreApplication.translate("EditingDesk", "New Tag"),
                QCoreApplication.translate("EditingDesk", "Name of the new tag:"),
            )
            if not ok or not name.strip():
                return None
        model = self.codebook.model
        command = C.add_tag(
            self,
            QCoreApplication.translate("EditingDesk", "New tag %1").replace("%1", name.strip()),
            name.strip(),
            parent_id=parent_id,
            colour=model.next_colour(),
            slot=model.free_slot(),
        )
        if self.run(command):
            self.codebook.choose(command.result.id)
            return command.result
        return None

    def edit_tag_memo(self, tag: Tag, text: str | None = None) -> bool:
        """The tag's memo: what it means and when to use it (the codebook shows it over the tag)."""
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self.window,
                QCoreApplication.translate("EditingDesk", "Tag Memo"),
                QCoreApplication.translate("EditingDesk", "Memo for “%1”:").replace("%1", tag.path),
                tag.description,
            )
            if not ok:
                return False
        if text == tag.description:
            return False
        label = QCoreApplication.translate("EditingDesk", "Edit memo of %1").replace("%1", tag.name)
        return self.run(C.update_tag(self, label, tag.id, description=text))

    def rename_tag(self, tag_id: int, name: str) -> bool:
        return self.run(
            C.update_tag(
                self,
                QCoreApplication.translate("EditingDesk", "Rename tag to %1").replace("%1", name),
                tag_id,
                name=name,
            )
        )

    def recolour_tag(self, tag: Tag, colour: str | None = None) -> bool:
        if colour is None:
            title = QCoreApplication.translate("EditingDesk", "Colour of %1").replace("%1", tag.name)
            chosen = QColorDialog.getColor(QColor(tag.colour or "#3d7fd1"), self.window, title)
            if not chosen.isValid():
                return False
            colour = chosen.name()
        return self.run(
            C.update_tag(
                self,
                QCoreApplication.translate("EditingDesk", "Recolour tag %1").replace("%1", tag.name),
                tag.id,
                colour=colour,
            )
        )

    def set_tag_slot(self, tag_id: int, slot: int | None) -> bool:
        tag = self.codebook.model.tag_by_id(tag_id)
        if tag is None:
            return False
        if slot is None:
            return self.run(
                C.update_tag(
                    self,
                    QCoreApplication.translate("EditingDesk", "Remove key of %1").replace("%1", tag.name),
                    tag_id,
                    clear_slot=True,
                )
            )
        holder = self.codebook.model.slot_tag(slot)
        label = (
            QCoreApplication.translate("EditingDesk", "Give key %1 to %2")
            .replace("%1", str(slot))
            .replace("%2", tag.name)
        )
        if holder is None or holder.id == tag_id:
            return self.run(C.update_tag(self, label, tag_id, slot=slot))

        def swap(project):  # the key moves from the tag that had it
            project.update_tag(holder.id, clear_slot=True)
            try:
                return project.update_tag(tag_id, slot=slot)
            except StoreError:
                project.update_tag(holder.id, slot=slot)
                raise

        return self.run(C.CodebookCommand(self, label, swap, [tag_id, holder.id]))

    def move_tag(self, tag_id: int, parent_id: int | None) -> bool:
        tag = self.codebook.model.tag_by_id(tag_id)
        parent = self.codebook.model.tag_by_id(parent_id) if parent_id is not None else None
        where = parent.name if parent is not None else QCoreApplication.translate("EditingDesk", "the top level")
        label = (
            QCoreApplication.translate("EditingDesk", "Move tag %1 to %2")
            .replace("%1", tag.name if tag else "?")
            .replace("%2", where)
        )
        return self.run(C.move_tag(self, label, tag_id, parent_id))

    def merge_tag(self, tag: Tag, target_id: int | None = None) -> bool:
        model = self.codebook.model
        if target_id is None:
            candidates = self._tag_paths(model.descendants(tag.id))
            if not candidates:
                self.status(QCoreApplication.translate("EditingDesk", "There is no other tag to merge it into"))
                return False
            paths = [t.path for t in candidates]
            path, ok = QInputDialog.getItem(
                self.window,
                QCoreApplication.translate("EditingDesk", "Merge Tag"),
                QCoreApplication.translate(
                    "EditingDesk", "Merge “%1” into (its annotations and children move there):"
                ).replace("%1", tag.path),
                paths,
                0,
                False,
            )
            if not ok or path not in paths:
                return False
            target_id = candidates[paths.index(path)].id
        target = model.tag_by_id(target_id)
        label = (
            QCoreApplication.translate("EditingDesk", "Merge %1 into %2")
            .replace("%1", tag.name)
            .replace("%2", target.name if target else "?")
        )
        return self.run(C.merge_tags(self, label, tag.id, target_id))

    def delete_tag(self, tag: Tag, confirm: bool = True) -> bool:
        project = self.project
        if project is None:
            return False
        try:
            counts = project.tag_deletion_counts(tag.id)
        except StoreError as exc:
            self.report(exc)
            return False
        if confirm:
            text = (
                QCoreApplication.translate("EditingDesk", "Delete the tag “%1”?").replace("%1", tag.path)
                + "\n\n"
                + QCoreApplication.translate("EditingDesk", "This removes %n tag(s)", None, counts.tags)
                + QCoreApplication.translate("EditingDesk", " and %n annotation(s).", None, counts.annotations)
                + "\n"
                + QCoreApplication.translate("EditingDesk", "Undo (Ctrl+Z) brings them back.")
            )
            answer = QMessageBox.question(
                self.window,
                QCoreApplication.translate("EditingDesk", "Delete Tag"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.run(
            C.delete_tag(
                self, QCoreApplication.translate("EditingDesk", "Delete tag %1").replace("%1", tag.name), tag.id
            )
        )
