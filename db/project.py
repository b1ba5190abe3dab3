"""The project store's public face: one :class:`Project` per open project file.

The UI calls it from Qt models and worker threads; it is plain Python (no Qt)
and thread-safe. Views learn about changes by :meth:`Project.subscribe`-ing to
typed :class:`~db.events.ChangeEvent`\\ s, published after each commit. The
work is done by one module per job (sources, edits, codebook, …); this class
only gathers their operations behind one object.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from db import annotations as _annotations
from db import codebook, corrections, edits, export, importer, library, merge, restore, search, search_index, sources
from db import doubts as _doubts
from db.articles import Layout, load_blocks, require_article
from db.connection import Connection
from db.errors import StoreError
from db.events import Change, ChangeEvent, event
from db.models import (
    Annotation,
    Article,
    ArticleSummary,
    Block,
    BlockRole,
    EditEntry,
    ImportOutcome,
    ImportReport,
    Note,
    Progress,
    ReviewState,
    SearchResult,
    Source,
    SourceSummary,
    Tag,
    TagDeletion,
    TextLocation,
)


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
        empty = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM search_docs)"
        ).fetchone()[0]
    if empty:
        with cx.write() as conn:
            search_index.rebuild(conn)


class Project:
    """An open project file. Use :meth:`open`; close it (or use ``with``) when done."""

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

    def count_sources(self, *, include_superseded: bool = False) -> int:
        with self._cx.read() as conn:
            return library.count_sources(conn, include_superseded)

    def list_sources(
        self, *, include_superseded: bool = False, limit: int | None = None, offset: int = 0
    ) -> list[SourceSummary]:
        """Sources in import order with article counts and review progress (paged)."""
        with self._cx.read() as conn:
            return library.list_sources(conn, include_superseded, limit, offset)

    def source_versions(self, source_id: int) -> list[SourceSummary]:
        """Every version of the file a source came from, oldest first."""
        with self._cx.read() as conn:
            return library.source_versions(conn, source_id)

    def get_source(self, source_id: int) -> Source:
        with self._cx.read() as conn:
            return library.get_source(conn, source_id)

    def raw_bytes(self, source_id: int) -> bytes:
        with self._cx.read() as conn:
            return library.raw_bytes(conn, source_id)

    def progress(self, source_id: int | None = None) -> Progress:
        """Review progress of one source, or of the latest version of every source."""
        with self._cx.read() as conn:
            return library.progress(conn, source_id)

    # -- articles --------------------------------------------------------------------------
    def count_articles(self, source_id: int) -> int:
        with self._cx.read() as conn:
            return library.count_articles(conn, source_id)

    def article_ids(self, source_id: int) -> list[int]:
        with self._cx.read() as conn:
            return library.article_ids(conn, source_id)

    def list_articles(self, source_id: int, *, limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        """Summary rows of a source's articles in page order (paged; no text loaded)."""
        with self._cx.read() as conn:
            return library.list_articles(conn, source_id, limit, offset)

    def get_article(self, article_id: int) -> Article:
        """An article with its blocks, annotations and notes."""
        with self._cx.read() as conn:
            return library.get_article(conn, article_id)

    def get_block(self, block_id: int) -> Block:
        with self._cx.read() as conn:
            return library.get_block(conn, block_id)

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
        block = self.get_block(block_id)
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

    def locate_raw(self, source_id: int, raw_offset: int) -> TextLocation | None:
        """Raw offset → the article, block and offset showing that character (None: not shown anywhere)."""
        with self._cx.read() as conn:
            return library.locate_raw(conn, source_id, raw_offset)

    def set_review_state(self, article_id: int, state: ReviewState | str) -> None:
        try:
            state = ReviewState(state)
        except ValueError as exc:
            raise StoreError(
                f"unknown review state {state!r}; one of: {', '.join(s.value for s in ReviewState)}"
            ) from exc
        with self._cx.write() as conn:
            row = require_article(conn, article_id)
            conn.execute("UPDATE articles SET review_state = ? WHERE id = ?", (state.value, article_id))
            self._cx.announce(event(Change.REVIEW, sources=[row[1]], articles=[article_id]))

    # -- notes -----------------------------------------------------------------------------
    def notes(self, article_id: int) -> list[Note]:
        with self._cx.read() as conn:
            return _annotations.notes_for_article(conn, article_id)

    def add_note(self, article_id: int, text: str) -> Note:
        return _annotations.add_note(self._cx, article_id, text, self.author)

    def update_note(self, note_id: int, text: str) -> Note:
        return _annotations.update_note(self._cx, note_id, text)

    def delete_note(self, note_id: int) -> None:
        _annotations.delete_note(self._cx, note_id)

    @property
    def doubts(self) -> _doubts.Doubts:
        """The engine's doubts about the structure: the editor's worklist (:mod:`db.doubts`)."""
        return _doubts.Doubts(self._cx, self.author)

    # -- text edits ------------------------------------------------------------------------
    def correct(self, article_id: int, start: int, end: int, text: str, *, note: str | None = None) -> EditEntry:
        """Replace [start, end) of the article text (inside one block) with ``text``."""
        return edits.correct(self._cx, article_id, start, end, text, author=self.author, note=note)

    def join_with_next(self, block_id: int, *, note: str | None = None) -> EditEntry:
        return edits.join_with_next(self._cx, block_id, author=self.author, note=note)

    def split_block(self, block_id: int, offset: int, *, note: str | None = None) -> EditEntry:
        return edits.split_block(self._cx, block_id, offset, author=self.author, note=note)

    def set_block_role(self, block_id: int, role: BlockRole | str, *, note: str | None = None) -> EditEntry:
        return edits.set_role(self._cx, block_id, role, author=self.author, note=note)

    def move_block_to_previous(self, block_id: int, *, note: str | None = None) -> EditEntry:
        return edits.move_to_previous(self._cx, block_id, author=self.author, note=note)

    def move_block_to_next(self, block_id: int, *, note: str | None = None) -> EditEntry:
        return edits.move_to_next(self._cx, block_id, author=self.author, note=note)

    def split_article(self, block_id: int, *, note: str | None = None) -> EditEntry:
        return edits.split_article(self._cx, block_id, author=self.author, note=note)

    def merge_with_next(self, article_id: int, *, note: str | None = None) -> EditEntry:
        return edits.merge_with_next(self._cx, article_id, author=self.author, note=note)

    def revert(self, edit_id: int, *, note: str | None = None) -> EditEntry:
        return edits.revert(self._cx, edit_id, author=self.author, note=note)

    def history(self, article_id: int) -> list[EditEntry]:
        with self._cx.read() as conn:
            return edits.history(conn, article_id)

    # -- codebook --------------------------------------------------------------------------
    def tags(self) -> list[Tag]:
        with self._cx.read() as conn:
            return codebook.all_tags(conn)

    def tag(self, tag_id: int) -> Tag:
        with self._cx.read() as conn:
            return codebook.get(conn, tag_id)

    def find_tag(self, path: str) -> Tag:
        """By path ("parent/child") or id digits."""
        with self._cx.read() as conn:
            return codebook.find(conn, path)

    def add_tag(
        self,
        name: str,
        *,
        parent_id: int | None = None,
        colour: str | None = None,
        description: str = "",
        slot: int | None = None,
    ) -> Tag:
        return codebook.add(self._cx, name, parent_id=parent_id, colour=colour, description=description, slot=slot)

    def update_tag(self, tag_id: int, **changes: object) -> Tag:
        """Keywords: name, colour, description, slot, clear_slot, clear_colour."""
        return codebook.update(self._cx, tag_id, **changes)  # type: ignore[arg-type]

    def rename_tag(self, tag_id: int, name: str) -> Tag:
        return codebook.update(self._cx, tag_id, name=name)

    def move_tag(self, tag_id: int, parent_id: int | None) -> Tag:
        return codebook.move(self._cx, tag_id, parent_id)

    def merge_tags(self, source_tag_id: int, target_tag_id: int) -> Tag:
        return codebook.merge(self._cx, source_tag_id, target_tag_id)

    def tag_deletion_counts(self, tag_id: int) -> TagDeletion:
        """What :meth:`delete_tag` would remove (for a confirmation dialog)."""
        with self._cx.read() as conn:
            return codebook.deletion_counts(conn, tag_id)

    def delete_tag(self, tag_id: int) -> TagDeletion:
        return codebook.delete(self._cx, tag_id)

    # -- annotations -----------------------------------------------------------------------
    def annotate(self, article_id: int, tag_id: int, start: int, end: int, note: str = "") -> Annotation:
        return _annotations.add(self._cx, article_id, tag_id, start, end, note, self.author)

    def annotation(self, annotation_id: int) -> Annotation:
        with self._cx.read() as conn:
            return _annotations.get(conn, annotation_id)

    def annotations(self, article_id: int) -> list[Annotation]:
        with self._cx.read() as conn:
            return _annotations.for_article(conn, article_id)

    def update_annotation(
        self,
        annotation_id: int,
        *,
        tag_id: int | None = None,
        note: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> Annotation:
        """Change tag or note, or give a new range (which also re-attaches an orphaned annotation)."""
        return _annotations.update(self._cx, annotation_id, tag_id=tag_id, note=note, start=start, end=end)

    def delete_annotation(self, annotation_id: int) -> None:
        _annotations.delete(self._cx, annotation_id)

    def orphaned_annotations(self, source_id: int | None = None) -> list[Annotation]:
        """Annotations that lost their text (kept with their quote, to be re-attached or deleted)."""
        with self._cx.read() as conn:
            return _annotations.orphaned(conn, source_id)

    # -- putting things back (the desk's undo) ----------------------------------------------
    def annotate_many(self, items: Sequence[tuple[int, int, int, int]], note: str = "") -> list[Annotation]:
        """Add annotations ``(article_id, tag_id, start, end)`` in one transaction."""
        return restore.annotate_many(self._cx, items, note, self.author)

    def annotations_by_id(self, ids: Sequence[int]) -> list[Annotation]:
        return restore.annotations_by_id(self._cx, ids)

    def delete_annotations(self, ids: Iterable[int]) -> int:
        """Delete several annotations in one transaction; returns how many existed."""
        return restore.delete_annotations(self._cx, ids)

    def restore_annotations(self, rows: Sequence[Annotation]) -> None:
        """Put annotations back as captured, with their ids (orphaned if their text changed since)."""
        restore.restore_annotations(self._cx, rows)

    def note(self, note_id: int) -> Note:
        return restore.note(self._cx, note_id)

    def restore_note(self, note: Note) -> None:
        restore.restore_note(self._cx, note)

    def capture_codebook(
        self, tag_ids: Iterable[int], *, subtree: bool = False, with_annotations: bool = False
    ) -> restore.CodebookState:
        return restore.capture_codebook(self._cx, tag_ids, subtree=subtree, with_annotations=with_annotations)

    def restore_codebook(self, state: restore.CodebookState) -> None:
        restore.restore_codebook(self._cx, state)

    def corrections(self, article_id: int) -> list[corrections.CorrectionMark]:
        """The corrections visible in an article's current text (what they wrote and what they replaced)."""
        with self._cx.read() as conn:
            return corrections.marks(conn, article_id)

    # -- search ----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        regex: bool = False,
        limit: int = 100,
        offset: int = 0,
        source_id: int | None = None,
        include_superseded: bool = False,
        context: int = search.CONTEXT_CHARS,
    ) -> SearchResult:
        """Keyword-in-context hits; raises :class:`~db.errors.QueryError` for an unusable query."""
        return search.search(
            self._cx,
            query,
            regex=regex,
            limit=limit,
            offset=offset,
            source_id=source_id,
            include_superseded=include_superseded,
            context=context,
        )

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
