"""The tagging controller: tag the selection (by key, codebook or search hits); change or remove annotations.

Receives a :class:`~ui.editing.context.DeskContext`, the codebook panel (the tags and their
keys) and the search it tags from (the query, and a way to put the user there); every change
is an undo command run by the edit session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from db import StoreError
from db.models import Tag
from db.page_filter import PageFilter
from ui.backend import AnnotationData
from ui.editing import commands as C
from ui.editing.autotag import AutoTagDialog, collect_hits, existing_annotations
from ui.editing.codebook_panel import CodebookPanel
from ui.editing.context import DeskContext, translate


class TaggingController:
    def __init__(
        self,
        ctx: DeskContext,
        codebook: CodebookPanel,
        search_query: Callable[[], tuple[str, bool, PageFilter | None]],
        focus_search: Callable[[], None],
    ) -> None:
        self.ctx = ctx
        self.codebook = codebook
        self.search_query = search_query  # (the search panel's query, whether it is a regex, its page filter)
        self.focus_search = focus_search

    def _selection(self) -> tuple[int, int] | None:
        if self.ctx.editable() is None:
            return None
        start, end = self.ctx.view.selected_range()
        if start >= end:
            self.ctx.status(translate("EditingDesk", "Select the words to tag in the article first"))
            return None
        return start, end

    def apply_tag(self, tag_id: int) -> bool:
        found = self._selection()
        article = self.ctx.article()
        tag = self.codebook.model.tag_by_id(tag_id)
        if found is None or tag is None or article is None:
            return False
        start, end = found
        label = (
            translate("EditingDesk", "Tag “%1” as %2").replace("%1", article.text[start:end]).replace("%2", tag.name)
        )
        # the cursor moves past the passage: the next drag starts a new selection, the next key tags nothing
        command = C.AnnotateCommand(self.ctx.session, label, [(article.id, tag_id, start, end)])
        done = self.ctx.run(command, select=(end, end))
        if done:
            self.ctx.status(translate("EditingDesk", "Tagged as %1").replace("%1", tag.path))
        return done

    def apply_slot(self, slot: int) -> bool:
        tag = self.codebook.model.slot_tag(slot)
        if tag is None:
            self.ctx.status(
                translate("EditingDesk", "No tag has key %1: give one a key in the codebook").replace("%1", str(slot))
            )
            return False
        return self.apply_tag(tag.id)

    def tag_selection(self) -> None:
        tag = self.codebook.current()
        if tag is None:
            self.ctx.status(translate("EditingDesk", "Choose a tag in the codebook first"))
            return
        self.apply_tag(tag.id)

    def annotations_here(self) -> list[AnnotationData]:
        article = self.ctx.article()
        if article is None:
            return []
        start, end = self.ctx.view.selected_range()
        if start == end:
            return [a for a in article.annotations if a.start <= start < a.end]
        return [a for a in article.annotations if a.start < end and start < a.end]

    def remove_annotations_here(self) -> None:
        found = self.annotations_here()
        if not found:
            self.ctx.status(translate("EditingDesk", "No annotation here"))
            return
        self.remove_annotations([a.id for a in found])

    def remove_annotations(self, ids: Sequence[int]) -> None:
        if ids:
            label = translate("EditingDesk", "Remove %n annotation(s)", None, len(ids))
            self.ctx.run(C.DeleteAnnotationsCommand(self.ctx.session, label, ids))

    def select_annotation(self, ann: AnnotationData) -> None:
        if self.ctx.article() is not None and not ann.orphaned:
            self.ctx.view.select_range(ann.start, ann.end)
            self.ctx.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_annotation_note(self, ann: AnnotationData) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.ctx.parent,
            translate("EditingDesk", "Annotation Note"),
            translate("EditingDesk", "Note on “%1”:").replace("%1", ann.quote[:30]),
            ann.note,
        )
        if ok and text != ann.note:
            self.ctx.run(
                C.UpdateAnnotationCommand(
                    self.ctx.session, translate("EditingDesk", "Edit annotation note"), ann.id, note=text
                )
            )

    def tags_except(self, exclude: set[int] = frozenset()) -> list[Tag]:  # type: ignore[assignment]
        return [t for t in self.codebook.model.tags() if t.id not in exclude]

    def change_annotation_tag(self, ann: AnnotationData) -> None:
        tags = self.tags_except({ann.tag_id})
        if not tags:
            return
        paths = [t.path for t in tags]
        path, ok = QInputDialog.getItem(
            self.ctx.parent,
            translate("EditingDesk", "Change Tag"),
            translate("EditingDesk", "New tag:"),
            paths,
            0,
            False,
        )
        if ok and path in paths:
            tag = tags[paths.index(path)]
            label = translate("EditingDesk", "Change tag to %1").replace("%1", tag.name)
            self.ctx.run(C.UpdateAnnotationCommand(self.ctx.session, label, ann.id, tag_id=tag.id))

    def reattach(self, ann: AnnotationData) -> None:
        found = self._selection()
        article = self.ctx.article()
        if found is None or article is None:
            return
        if ann.orphaned and not any(o.id == ann.id for o in article.orphans):
            self.ctx.status(translate("EditingDesk", "This annotation belongs to another article"))
            return
        start, end = found
        command = C.UpdateAnnotationCommand(
            self.ctx.session, translate("EditingDesk", "Re-attach annotation"), ann.id, start=start, end=end
        )
        self.ctx.run(command)

    def autotag(self, tag_id: int | None = None) -> bool:
        """Tag every hit of the search panel's query (after the preview dialog)."""
        project = self.ctx.project()
        if project is None:
            return False
        try:
            query, regex, pages = self.search_query()
        except StoreError as exc:  # a page filter that is no filter
            self.ctx.session.report(exc)
            return False
        if not query:
            self.ctx.status(
                translate("EditingDesk", "Search for something first (Ctrl+F): every hit of the search gets tagged")
            )
            self.focus_search()
            return False
        try:
            plan = collect_hits(project, query, regex, pages=pages)
        except StoreError as exc:
            self.ctx.session.report(exc)
            return False
        tags = self.codebook.model.tags()
        if not tags:
            self.ctx.status(translate("EditingDesk", "The codebook is empty: add a tag first"))
            return False
        current = tag_id if tag_id is not None else (self.codebook.current().id if self.codebook.current() else None)
        dialog = AutoTagDialog(plan, tags, current, self.ctx.display, self.ctx.parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.tag_id()
        dialog.deleteLater()
        if not accepted or chosen is None:
            return False
        existing = existing_annotations(project, {h.article_id for h in plan.hits}, chosen)
        items = plan.items(chosen, existing)
        if not items:
            self.ctx.status(translate("EditingDesk", "Every hit already carries this tag"))
            return False
        tag = self.codebook.model.tag_by_id(chosen)
        label = translate("EditingDesk", "Tag %n search hit(s)", None, len(items)) + f" ({tag.name if tag else ''})"
        done = self.ctx.run(C.AnnotateCommand(self.ctx.session, label, items))
        if done:
            self.ctx.status(translate("EditingDesk", "Tagged %n passage(s)", None, len(items)))
        return done
