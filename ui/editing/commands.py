"""Undo commands: one QUndoCommand per edit, each calling the store (``db.Project``).

Every command is run once by :func:`push` (so a refusal from the store is an ordinary
exception the desk can explain, and nothing lands on the stack), then undone and redone
by the stack. ``undo()`` and ``redo()`` are methods of the class, not of ``__init__``
(calibre once indented them there, and its undo silently did nothing); every command has
a test that does, undoes and redoes it against a real project file.

* Text and structure edits are entries of the store's history: undo reverts the entry
  in effect, redo reverts that revert, so block and article ids come back unchanged.
* Annotations, notes and the codebook are put back as captured, with their ids
  (:mod:`db.restore`), so later commands on the stack that name them still find them.

A command whose undo or redo the store refuses (something changed the text outside the
stack) reports why and is dropped from the stack (``setObsolete``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from db import Project, StoreError
from db.models import Annotation, EditEntry, Note, ReviewState
from db.restore import CodebookState


class EditContext(Protocol):
    """What commands need from the desk."""

    @property
    def project(self) -> Project: ...

    def report(self, exc: StoreError) -> None:
        """Tell the user why the store refused (a message box, never a traceback)."""

    def show(self, article_id: int | None, select: tuple[int, int] | None = None) -> None:
        """Bring the article a command changed into view (after undo or redo)."""


class StoreCommand(QUndoCommand):
    """Base: ``do()`` the first time, then ``undo_store()``/``redo_store()``."""

    def __init__(self, ctx: EditContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.done = False
        self._skip_redo = False
        self.article_id: int | None = None  # the article to show after undo/redo
        self.select_after: tuple[int, int] | None = None

    # subclasses ----------------------------------------------------------------------------
    def do(self) -> None:
        raise NotImplementedError

    def undo_store(self) -> None:
        raise NotImplementedError

    def redo_store(self) -> None:
        raise NotImplementedError

    # QUndoCommand --------------------------------------------------------------------------
    def execute(self) -> None:
        """Run the command the first time; a store refusal propagates (nothing was changed)."""
        self.do()
        self.done = True
        self._skip_redo = True  # QUndoStack.push() calls redo(): it is done already

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.redo_store if self.done else self.do)
        self.done = True

    def undo(self) -> None:
        self._guard(self.undo_store)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StoreError as exc:
            self.setObsolete(True)
            self.ctx.report(exc)
            return
        if self.article_id is not None:
            self.ctx.show(self.article_id, None)


State = TypeVar("State")


class SnapshotCommand(StoreCommand, Generic[State]):
    """Undo puts back the state captured before the change (``before``), redo the one after (``after``).

    ``do()`` captures both; a subclass names the kind of state (``SnapshotCommand[Note]``) and how to put it back.
    """

    before: State | None = None
    after: State | None = None

    def restore(self, project: Project, state: State) -> None:
        raise NotImplementedError

    def undo_store(self) -> None:
        assert self.before is not None
        self.restore(self.ctx.project, self.before)

    def redo_store(self) -> None:
        assert self.after is not None
        self.restore(self.ctx.project, self.after)


def push(stack: QUndoStack, command: StoreCommand) -> bool:
    """Run ``command`` and put it on ``stack``; a refusal is reported and nothing is pushed."""
    try:
        command.execute()
    except StoreError as exc:
        command.ctx.report(exc)
        return False
    stack.push(command)
    return True


# -- text and structure: entries of the store's history --------------------------------------------


class EditCommand(StoreCommand):
    """An edit recorded in the history; undo and redo revert the entry currently in effect."""

    def __init__(self, ctx: EditContext, text: str, article_id: int, op: Callable[[Project], EditEntry]) -> None:
        super().__init__(ctx, text)
        self.article_id = article_id
        self._op = op
        self.entries: list[int] = []  # the entry, then each revert made by undo and redo

    @property
    def current(self) -> int:
        return self.entries[-1]

    def do(self) -> None:
        entry = self._op(self.ctx.project)
        self.entries = [entry.id]
        self.entry = entry

    def undo_store(self) -> None:
        self.entries.append(self.ctx.project.revert(self.current).id)

    def redo_store(self) -> None:
        self.entries.append(self.ctx.project.revert(self.current).id)


def correct(ctx: EditContext, article_id: int, start: int, end: int, text: str, note: str | None, label: str):
    cmd = EditCommand(ctx, label, article_id, lambda p: p.correct(article_id, start, end, text, note=note))
    cmd.select_after = (start, start + len(text))
    return cmd


def join_with_next(ctx: EditContext, article_id: int, block_id: int, label: str) -> EditCommand:
    return EditCommand(ctx, label, article_id, lambda p: p.join_with_next(block_id))


def split_block(ctx: EditContext, article_id: int, block_id: int, offset: int, label: str) -> EditCommand:
    return EditCommand(ctx, label, article_id, lambda p: p.split_block(block_id, offset))


def set_role(ctx: EditContext, article_id: int, block_id: int, role: str, label: str) -> EditCommand:
    return EditCommand(ctx, label, article_id, lambda p: p.set_block_role(block_id, role))


def move_block(ctx: EditContext, article_id: int, block_id: int, forward: bool, label: str) -> EditCommand:
    if forward:
        return EditCommand(ctx, label, article_id, lambda p: p.move_block_to_next(block_id))
    return EditCommand(ctx, label, article_id, lambda p: p.move_block_to_previous(block_id))


def split_article(ctx: EditContext, article_id: int, block_id: int, label: str) -> EditCommand:
    return EditCommand(ctx, label, article_id, lambda p: p.split_article(block_id))


def merge_with_next(ctx: EditContext, article_id: int, label: str) -> EditCommand:
    return EditCommand(ctx, label, article_id, lambda p: p.merge_with_next(article_id))


def revert(ctx: EditContext, article_id: int, edit_id: int, label: str) -> EditCommand:
    """Revert an entry picked in the history panel (undo re-applies it)."""
    return EditCommand(ctx, label, article_id, lambda p: p.revert(edit_id))


# -- annotations ----------------------------------------------------------------------------------------


class AnnotateCommand(StoreCommand):
    """Tag passages: one ``(article, tag, start, end)`` or many (auto-tagging), one step either way."""

    def __init__(
        self, ctx: EditContext, label: str, items: Sequence[tuple[int, int, int, int]], note: str = ""
    ) -> None:
        super().__init__(ctx, label)
        self.items = list(items)
        self.note = note
        self.ids: list[int] = []
        self._saved: list[Annotation] = []
        if len({i[0] for i in self.items}) == 1:
            self.article_id = self.items[0][0]

    def do(self) -> None:
        project = self.ctx.project
        if len(self.items) == 1:
            article_id, tag_id, start, end = self.items[0]
            self.ids = [project.annotate(article_id, tag_id, start, end, self.note).id]
        else:
            self.ids = [a.id for a in project.annotate_many(self.items, self.note)]

    def undo_store(self) -> None:
        self._saved = self.ctx.project.annotations_by_id(self.ids)
        self.ctx.project.delete_annotations(self.ids)

    def redo_store(self) -> None:
        self.ctx.project.restore_annotations(self._saved)


class DeleteAnnotationsCommand(StoreCommand):
    def __init__(self, ctx: EditContext, label: str, ids: Sequence[int]) -> None:
        super().__init__(ctx, label)
        self.ids = list(ids)
        self._saved: list[Annotation] = []

    def do(self) -> None:
        self._saved = self.ctx.project.annotations_by_id(self.ids)
        if len({a.article_id for a in self._saved}) == 1:
            self.article_id = self._saved[0].article_id
        self.ctx.project.delete_annotations(self.ids)

    def undo_store(self) -> None:
        self.ctx.project.restore_annotations(self._saved)

    def redo_store(self) -> None:
        self._saved = self.ctx.project.annotations_by_id(self.ids)
        self.ctx.project.delete_annotations(self.ids)


class UpdateAnnotationCommand(SnapshotCommand[list[Annotation]]):
    """Change an annotation's note or tag, or give it a new range (re-attaching an orphan)."""

    def __init__(self, ctx: EditContext, label: str, annotation_id: int, **changes: Any) -> None:
        super().__init__(ctx, label)
        self.annotation_id = annotation_id
        self.changes = changes

    def do(self) -> None:
        project = self.ctx.project
        self.before = project.annotations_by_id([self.annotation_id])
        after = project.update_annotation(self.annotation_id, **self.changes)
        self.after = [after]
        self.article_id = after.article_id

    def restore(self, project: Project, state: list[Annotation]) -> None:
        project.restore_annotations(state)


# -- the codebook --------------------------------------------------------------------------------------


class CodebookCommand(SnapshotCommand[CodebookState]):
    """A codebook change, undone by putting the tags it touched (and their annotations) back."""

    def __init__(
        self,
        ctx: EditContext,
        label: str,
        action: Callable[[Project], Any],
        tag_ids: Sequence[int] = (),
        *,
        subtree: bool = False,
        with_annotations: bool = False,
    ) -> None:
        super().__init__(ctx, label)
        self._action = action
        self._tag_ids = list(tag_ids)
        self._subtree = subtree
        self._with_annotations = with_annotations
        self.result: Any = None

    def do(self) -> None:
        project = self.ctx.project
        self.before = project.capture_codebook(
            self._tag_ids, subtree=self._subtree, with_annotations=self._with_annotations
        )
        self.result = self._action(project)
        scope = list(self.before.scope)
        created = getattr(self.result, "id", None)
        if not self._tag_ids and created is not None:  # a new tag: before, it did not exist
            scope = [created]
            self.before = CodebookState((created,), (), ())
        self.after = project.capture_codebook(scope, with_annotations=self._with_annotations or not self._tag_ids)
        if self.before.annotations is None and self.after.annotations is not None:
            self.before = CodebookState(self.before.scope, self.before.tags, ())

    def restore(self, project: Project, state: CodebookState) -> None:
        project.restore_codebook(state)


def add_tag(
    ctx: EditContext,
    label: str,
    name: str,
    *,
    parent_id: int | None = None,
    colour: str | None = None,
    slot: int | None = None,
) -> CodebookCommand:
    return CodebookCommand(ctx, label, lambda p: p.add_tag(name, parent_id=parent_id, colour=colour, slot=slot))


def update_tag(ctx: EditContext, label: str, tag_id: int, **changes: Any) -> CodebookCommand:
    """Rename, recolour, describe or give a keyboard slot (``update_tag`` keywords)."""
    return CodebookCommand(ctx, label, lambda p: p.update_tag(tag_id, **changes), [tag_id])


def move_tag(ctx: EditContext, label: str, tag_id: int, parent_id: int | None) -> CodebookCommand:
    return CodebookCommand(ctx, label, lambda p: p.move_tag(tag_id, parent_id), [tag_id])


def merge_tags(ctx: EditContext, label: str, source_id: int, target_id: int) -> CodebookCommand:
    return CodebookCommand(
        ctx,
        label,
        lambda p: p.merge_tags(source_id, target_id),
        [source_id, target_id],
        subtree=True,
        with_annotations=True,
    )


def delete_tag(ctx: EditContext, label: str, tag_id: int) -> CodebookCommand:
    return CodebookCommand(ctx, label, lambda p: p.delete_tag(tag_id), [tag_id], subtree=True, with_annotations=True)


# -- review state and notes ---------------------------------------------------------------------------


class ReviewCommand(StoreCommand):
    def __init__(self, ctx: EditContext, label: str, article_id: int, state: str) -> None:
        super().__init__(ctx, label)
        self.article_id = article_id
        self.state = ReviewState(state)
        self.previous: ReviewState | None = None

    def do(self) -> None:
        project = self.ctx.project
        self.previous = project.get_article(self.article_id).review_state
        project.set_review_state(self.article_id, self.state)

    def undo_store(self) -> None:
        assert self.previous is not None
        self.ctx.project.set_review_state(self.article_id, self.previous)

    def redo_store(self) -> None:
        self.ctx.project.set_review_state(self.article_id, self.state)


class AddNoteCommand(StoreCommand):
    def __init__(self, ctx: EditContext, label: str, article_id: int, text: str) -> None:
        super().__init__(ctx, label)
        self.article_id = article_id
        self.text = text
        self.note: Note | None = None

    def do(self) -> None:
        self.note = self.ctx.project.add_note(self.article_id, self.text)

    def undo_store(self) -> None:
        assert self.note is not None
        self.note = self.ctx.project.note(self.note.id)
        self.ctx.project.delete_note(self.note.id)

    def redo_store(self) -> None:
        assert self.note is not None
        self.ctx.project.restore_note(self.note)


class EditNoteCommand(SnapshotCommand[Note]):
    def __init__(self, ctx: EditContext, label: str, note_id: int, text: str) -> None:
        super().__init__(ctx, label)
        self.note_id = note_id
        self.text = text

    def do(self) -> None:
        project = self.ctx.project
        self.before = project.note(self.note_id)
        self.article_id = self.before.article_id
        self.after = project.update_note(self.note_id, self.text)

    def restore(self, project: Project, state: Note) -> None:
        project.restore_note(state)


class DeleteNoteCommand(StoreCommand):
    def __init__(self, ctx: EditContext, label: str, note_id: int) -> None:
        super().__init__(ctx, label)
        self.note_id = note_id
        self._saved: Note | None = None

    def do(self) -> None:
        self._saved = self.ctx.project.note(self.note_id)
        self.article_id = self._saved.article_id
        self.ctx.project.delete_note(self.note_id)

    def undo_store(self) -> None:
        assert self._saved is not None
        self.ctx.project.restore_note(self._saved)

    def redo_store(self) -> None:
        self._saved = self.ctx.project.note(self.note_id)
        self.ctx.project.delete_note(self.note_id)
