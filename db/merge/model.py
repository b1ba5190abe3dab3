"""The values a merge hands out: its report, a kept conflict, the outcome of replaying one edit."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum

from db.errors import StoreError


class MergeError(StoreError):
    """The file cannot be merged (not a Jiaokan export, unreadable), or a conflict cannot be resolved."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """An incoming edit that could not be applied: this project's text (``ours``) beside the edit's (``theirs``).

    ``kind``: "text" (both changed the same text), "structure" (the paragraphs or articles it
    involves differ here), "revert" (it reverts an edit this project does not have) or
    "attribute" (both changed a page's date, name or number: ``op`` names the field).
    ``start``/``end`` are where ``ours`` stood in ``article_id`` when the conflict was recorded.
    """

    id: int
    kind: str
    op: str
    article_id: int | None
    start: int | None
    end: int | None
    base: str
    ours: str
    theirs: str
    author: str | None
    note: str | None
    at: str | None
    origin_file: str
    detail: str
    status: str
    created_at: str
    source_id: int | None = None  #: the page it concerns (an ``attribute`` conflict has no article)

    @classmethod
    def from_row(cls, row: dict) -> Conflict:
        return cls(**{f.name: row[f.name] for f in fields(cls)})


@dataclass(slots=True)
class MergeReport:
    """What a merge did, counted.

    Its repr is part of the reference exports' hashes: a field added changes them (``attributes_applied``
    did, with JSONL format 3; see tests/architecture/test_reference_exports.py).
    """

    sources_matched: int = 0  #: found in this project by their SHA-256
    sources_imported: int = 0  #: imported from the copy the export carries
    sources_skipped: int = 0  #: neither here nor importable; each has a line in ``problems``
    articles: int = 0
    tags_created: int = 0
    edits_applied: int = 0
    edits_already: int = 0  #: this project had them, or already reads as after them
    conflicts: int = 0  #: kept side by side for the user to accept or reject
    annotations_added: int = 0
    annotations_already: int = 0  #: passages this project already has, skipped
    annotations_orphaned: int = 0  #: of those added, the ones with no place in the text here
    notes_added: int = 0
    review_states: int = 0  #: articles whose review state advanced
    attributes_applied: int = 0  #: changes of a page's date, name or number carried over (one a field)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.articles} articles from {self.sources_matched + self.sources_imported} sources "
            f"({self.sources_imported} imported from the export, {self.sources_skipped} skipped); "
            f"{self.tags_created} tags created; edits: {self.edits_applied} applied, {self.edits_already} already "
            f"here, {self.conflicts} conflicts kept for review; passages: {self.annotations_added} added "
            f"({self.annotations_orphaned} orphaned), {self.annotations_already} already here; "
            f"{self.notes_added} notes added; {self.review_states} review states advanced; "
            f"{self.attributes_applied} page attribute changes applied"
        )


class Outcome(Enum):
    """What replaying one incoming edit did here."""

    APPLIED = "applied"  #: made here as a new edit (``Replayed.edit_id``)
    ALREADY = "already"  #: this project already reads as after the edit
    CONFLICT = "conflict"  #: kept side by side for the user (``Replayed.conflict_id``)


@dataclass(frozen=True, slots=True)
class Replayed:
    outcome: Outcome
    edit_id: int | None = None
    conflict_id: int | None = None

    @classmethod
    def applied(cls, edit_id: int) -> Replayed:
        return cls(Outcome.APPLIED, edit_id=edit_id)


ALREADY = Replayed(Outcome.ALREADY)
