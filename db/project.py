"""The project store's public face: one :class:`Project` per open project file.

The UI calls it from Qt models and worker threads; it is plain Python (no Qt)
and thread-safe. Views learn about changes by :meth:`Project.subscribe`-ing to
typed :class:`~db.events.ChangeEvent`\\ s, published after each commit. The
work is done by one module per job (sources, edits, codebook, …); this class
only gathers their operations behind one object.
"""

from __future__ import annotations

import functools
import getpass
import inspect
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TextIO, TypeVar

from db import annotations as _annotations
from db import codebook, corrections, edits, export, importer, library, merge, restore, search, search_index, sources
from db import doubts as _doubts
from db import source_attributes as _attributes
from db.article_view import read as _read_for_desk
from db.article_view import read_correction as _read_correction
from db.articles import Layout, load_blocks, require_article
from db.connection import Connection
from db.errors import NotFound, StoreError
from db.events import Change, ChangeEvent, event
from db.models import (
    Annotation,
    Block,
    ImportOutcome,
    ImportReport,
    Note,
    ReviewState,
    Tag,
    TextLocation,
)
from db.rows import named

P = ParamSpec("P")
R = TypeVar("R")


def _default_author() -> str | None:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes
        return None


def _fill_search_index(cx: Connection) -> None:
    """Index the articles of a file whose upgrade created an empty search index (schema 2).

    The migration itself is frozen and does not run live indexing code; the index is filled
    here, in its own transaction, also when an earlier open stopped before filling it.
    """
    with cx.read() as conn:
        empty = named(
            conn, "SELECT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM search_docs) AS empty"
        ).fetchone()["empty"]
    if empty:
        with cx.write() as conn:
            search_index.rebuild(conn)


def _reading(query: Callable[Concatenate[sqlite3.Connection, P], R]) -> Callable[Concatenate[Project, P], R]:
    """A method that answers with the read-only ``query`` on a read connection of the calling thread.

    The method takes the query's arguments after the connection, so they are written once, in
    the feature module.
    """

    def method(self: Project, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._cx.read() as conn:
            return query(conn, *args, **kwargs)

    return _presented_as(method, query)


def _operation(run: Callable[Concatenate[Connection, P], R]) -> Callable[Concatenate[Project, P], R]:
    """A method that runs the store operation ``run`` (it opens its own transaction) on this project."""

    def method(self: Project, *args: P.args, **kwargs: P.kwargs) -> R:
        return run(self._cx, *args, **kwargs)

    return _presented_as(method, run)


def _authored(edit: Callable[Concatenate[Connection, P], R]) -> Callable[Concatenate[Project, P], R]:
    """A method that runs the text or structure ``edit`` (it opens its own transaction) as this project's author."""

    def method(self: Project, *args: P.args, **kwargs: P.kwargs) -> R:
        return edit(self._cx, *args, author=self.author, **kwargs)  # type: ignore[arg-type]

    return _presented_as(method, edit, hidden=("author",))


def _presented_as(
    method: Callable[..., R], feature: Callable[..., R], hidden: tuple[str, ...] = ()
) -> Callable[..., R]:
    """``method`` with the feature function's name, docstring and signature (``self`` for its connection).

    Parameters in ``hidden`` are left out of the signature: the method supplies them itself.
    """
    functools.update_wrapper(method, feature)
    signature = inspect.signature(feature)
    itself = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    kept = [p for p in list(signature.parameters.values())[1:] if p.name not in hidden]
    method.__signature__ = signature.replace(parameters=[itself, *kept])  # type: ignore[attr-defined]
    return method


class Project:
    """An open project file. Use :meth:`open`; close it (or use ``with``) when done.

    Methods made with :func:`_reading`, :func:`_operation` and :func:`_authored` take the
    arguments of the feature function they name (after its connection; :func:`_authored` adds
    the author); the others add the author, a layout or a check of their own.
    """

    def __init__(self, cx: Connection, author: str | None = None) -> None:
        self._cx = cx
        self.author = author if author is not None else _default_author()

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, create: bool = True, busy_timeout: float = 5.0, author: str | None = None
    ) -> Project:
        """Open (creating or upgrading if needed) a project file.

        Raises :class:`~db.errors.ProjectOpenError` subclasses: not found, corrupt,
        not a project, written by a newer Jiaokan, or busy.
        """
        cx = Connection(path, create=create, busy_timeout=busy_timeout)
        try:
            _fill_search_index(cx)
            _attributes.read_unread(cx)
        except BaseException:
            cx.close()
            raise
        return cls(cx, author)

    @property
    def path(self) -> Path:
        return self._cx.path

    @property
    def backup_path(self) -> Path | None:
        """Where the file was copied before this open upgraded it (None: no upgrade)."""
        return self._cx.backup

    def schema_version(self) -> int:
        return self._cx.schema_version()

    def integrity_check(self) -> list[str]:
        return self._cx.integrity_check()

    def close(self) -> None:
        self._cx.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Callable[[ChangeEvent], None]) -> Callable[[], None]:
        """Call ``listener`` with a :class:`ChangeEvent` after every committed change; returns an unsubscribe."""
        return self._cx.notifier.subscribe(listener)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the operations called inside one transaction: all of them are kept, or none.

        Each operation becomes a savepoint of it; reads inside see what was written so far,
        and listeners hear of the changes once, after the commit.
        """
        with self._cx.write():
            yield

    # -- sources ---------------------------------------------------------------------------
    def import_file(self, path: str | Path) -> ImportOutcome:
        return sources.import_file(self._cx, path)

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        pattern: str = importer.DEFAULT_PATTERN,
        progress: importer.ProgressFn | None = None,
        cancel: importer.CancelFn | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Import files and folders (recursively, names matching ``pattern``); see :mod:`db.importer`."""
        return importer.import_paths(
            self._cx, paths, pattern=pattern, progress=progress, cancel=cancel, workers=workers
        )

    def reflow_source(self, source_id: int) -> ImportOutcome:
        """Run the current engine on a stored source again; the result is its next version."""
        return sources.reflow_source(self._cx, source_id)

    count_sources = _reading(library.count_sources)
    list_sources = _reading(library.list_sources)
    source_versions = _reading(library.source_versions)
    get_source = _reading(library.get_source)
    raw_bytes = _reading(library.raw_bytes)
    progress = _reading(library.progress)
    source_attributes = _reading(_attributes.attributes)
    source_attribute_history = _reading(_attributes.history)
    set_source_attributes = _authored(_attributes.set_attributes)

    # -- articles --------------------------------------------------------------------------
    count_articles = _reading(library.count_articles)
    article_ids = _reading(library.article_ids)
    list_articles = _reading(library.list_articles)
    get_article = _reading(library.get_article)
    article_for_desk = _reading(_read_for_desk)  # lean: what the reading desk shows
    correction_for_desk = _reading(_read_correction)  # what one correction changed, for the desk
    get_block = _reading(library.get_block)
    locate_raw = _reading(library.locate_raw)

    def _layout(self, article_id: int) -> Layout:
        with self._cx.read() as conn:
            require_article(conn, article_id)
            return Layout.of(article_id, load_blocks(conn, article_id))

    def locate(self, article_id: int, offset: int) -> TextLocation:
        """Article-text offset → (block index, block id, offset in block)."""
        try:
            return self._layout(article_id).locate(offset)
        except IndexError as exc:
            raise StoreError(str(exc)) from exc

    def article_offset(self, block_id: int, offset_in_block: int) -> int:
        """(block, offset in block) → article-text offset."""
        block: Block = self.get_block(block_id)
        if not 0 <= offset_in_block <= len(block.text):
            raise StoreError(f"offset {offset_in_block} is outside block {block_id} (length {len(block.text)})")
        lay = self._layout(block.article_id)
        return lay.starts[lay.index_of(block_id)] + offset_in_block

    def raw_offset(self, article_id: int, offset: int) -> int | None:
        """Raw code point offset of the character at an article offset (None: separator or typed by an editor)."""
        try:
            return self._layout(article_id).raw_offset(offset)
        except IndexError as exc:
            raise StoreError(str(exc)) from exc

    def raw_spans(self, article_id: int, start: int, end: int) -> list[tuple[int, int]]:
        """Raw ranges the article text [start, end) came from (for highlighting the raw pane)."""
        return self._layout(article_id).raw_spans(start, end)

    def set_review_state(self, article_id: int, state: ReviewState | str) -> None:
        try:
            state = ReviewState(state)
        except ValueError as exc:
            raise StoreError(
                f"unknown review state {state!r}; one of: {', '.join(s.value for s in ReviewState)}"
            ) from exc
        with self._cx.write() as conn:
            row = named(conn, "SELECT source_id FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise NotFound("article", article_id)
            conn.execute("UPDATE articles SET review_state = ? WHERE id = ?", (state.value, article_id))
            self._cx.announce(event(Change.REVIEW, sources=[row["source_id"]], articles=[article_id]))

    # -- notes -----------------------------------------------------------------------------
    notes = _reading(_annotations.notes_for_article)
    note = _reading(_annotations.note)

    def add_note(self, article_id: int, text: str) -> Note:
        return _annotations.add_note(self._cx, article_id, text, self.author)

    update_note = _operation(_annotations.update_note)
    delete_note = _operation(_annotations.delete_note)

    @property
    def doubts(self) -> _doubts.Doubts:
        """The engine's doubts about the structure: the editor's worklist (:mod:`db.doubts`)."""
        return _doubts.Doubts(self._cx, self.author)

    # -- text edits ------------------------------------------------------------------------
    correct = _authored(edits.correct)
    join_with_next = _authored(edits.join_with_next)
    split_block = _authored(edits.split_block)
    set_block_role = _authored(edits.set_role)
    move_block_to_previous = _authored(edits.move_to_previous)
    move_block_to_next = _authored(edits.move_to_next)
    split_article = _authored(edits.split_article)
    merge_with_next = _authored(edits.merge_with_next)
    revert = _authored(edits.revert)

    history = _reading(edits.history)

    # -- codebook --------------------------------------------------------------------------
    tags = _reading(codebook.all_tags)
    tag = _reading(codebook.get)
    find_tag = _reading(codebook.find)
    add_tag = _operation(codebook.add)
    update_tag = _operation(codebook.update)

    def rename_tag(self, tag_id: int, name: str) -> Tag:
        return codebook.update(self._cx, tag_id, name=name)

    def move_tag(self, tag_id: int, parent_id: int | None) -> Tag:
        return codebook.move(self._cx, tag_id, parent_id)

    def merge_tags(self, source_tag_id: int, target_tag_id: int) -> Tag:
        return codebook.merge(self._cx, source_tag_id, target_tag_id)

    tag_deletion_counts = _reading(codebook.deletion_counts)
    delete_tag = _operation(codebook.delete)

    # -- annotations -----------------------------------------------------------------------
    def annotate(self, article_id: int, tag_id: int, start: int, end: int, note: str = "") -> Annotation:
        return _annotations.add(self._cx, article_id, tag_id, start, end, note, self.author)

    annotation = _reading(_annotations.get)
    annotations = _reading(_annotations.for_article)
    update_annotation = _operation(_annotations.update)
    delete_annotation = _operation(_annotations.delete)
    orphaned_annotations = _reading(_annotations.orphaned)

    # -- putting things back (the desk's undo) ----------------------------------------------
    def annotate_many(self, items: Sequence[tuple[int, int, int, int]], note: str = "") -> list[Annotation]:
        """Add annotations ``(article_id, tag_id, start, end)`` in one transaction."""
        return restore.annotate_many(self._cx, items, note, self.author)

    annotations_by_id = _operation(restore.annotations_by_id)
    delete_annotations = _operation(restore.delete_annotations)
    restore_annotations = _operation(restore.restore_annotations)

    def restore_note(self, note: Note) -> None:
        restore.restore_note(self._cx, note)

    capture_codebook = _operation(restore.capture_codebook)
    restore_codebook = _operation(restore.restore_codebook)
    corrections = _reading(corrections.marks)

    # -- search ----------------------------------------------------------------------------
    search = _operation(search.search)

    def rebuild_search_index(self) -> int:
        with self._cx.write() as conn:
            return search_index.rebuild(conn)

    # -- export ----------------------------------------------------------------------------
    def export_jsonl(self, out: TextIO, *, include_superseded: bool = False) -> int:
        return export.export_jsonl(self._cx, out, include_superseded=include_superseded)

    # -- exchange: another project's work and its conflicts (a .qdc codebook: db.exports.qdc_import) --
    def merge_jsonl(
        self, path: str | Path, *, progress: Callable[[int, int], None] | None = None
    ) -> merge.MergeReport:
        """Merge another project's jsonl export into this one; returns a :class:`db.merge.MergeReport`."""
        return merge.merge_jsonl(self._cx, path, progress=progress)

    def conflicts(self, status: str | None = "pending") -> list[merge.Conflict]:
        """What merges kept side by side (:class:`db.merge.Conflict`); ``status`` None: decided ones too."""
        return merge.conflicts(self._cx, status)

    def accept_conflict(self, conflict_id: int) -> merge.Conflict:
        return merge.accept_conflict(self._cx, conflict_id)

    def reject_conflict(self, conflict_id: int) -> merge.Conflict:
        return merge.reject_conflict(self._cx, conflict_id)
