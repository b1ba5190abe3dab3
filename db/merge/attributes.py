"""A page's attributes (date, page name, page number) carried over from another project's export.

Format 3 of the export gives each source's attributes as they are there and their recorded
changes (``source.changes``: when, who, the values before and after). A change is named across
projects by its time, author and the field it changed, and a change a merge carries over is
recorded here with the same time and author: merging the same file again, or merging back,
finds it known. Field by field, the colleague's changes not known here are

- applied in their order (each a recorded change here) when the page still reads as before the
  first of them: this project left the field as it was in the state both shared;
- nothing when the page already reads as after the last of them;
- else one conflict (kind ``attribute``, op the field), this project's value beside theirs and the
  value both started from as ``base``, decided like any other (:mod:`db.merge.resolve`).

A format 2 export carries the values without their changes: the values the page's file name and
running header give here (what an import reads) then stand for the state both started from. A
format 1 export carries no attributes, and nothing is done.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from db.connection import now
from db.merge.conflict_store import ConflictStore
from db.merge.model import Conflict, MergeError, MergeReport
from db.page_header import PageAttributes
from db.source_attributes import as_read, attributes, history, record_change

FIELDS = ("date", "name", "number")
#: field -> its key in an exported source
_EXPORT_KEYS = {"date": "date", "name": "page_name", "number": "page_number"}
KIND = "attribute"


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """One change of a page's attributes, here or in the export."""

    at: str
    author: str | None
    before: PageAttributes
    after: PageAttributes

    @classmethod
    def from_record(cls, row: dict) -> AttributeChange:
        return cls(row["at"], row.get("author"), _values(row["before"]), _values(row["after"]))

    def fields(self) -> list[str]:
        return [f for f in FIELDS if getattr(self.before, f) != getattr(self.after, f)]

    def key(self, field: str) -> str:
        """Names this change of ``field`` across projects."""
        return f"{self.at}|{self.author or ''}|{field}"


def _values(row: dict) -> PageAttributes:
    return PageAttributes(row.get("date"), row.get("name") or "", row.get("number"))


def as_text(value: str | int | None) -> str:
    """A field's value as a conflict shows it ("" for unknown)."""
    return "" if value is None else str(value)


def incoming_changes(conn: sqlite3.Connection, source_id: int, source: dict) -> list[AttributeChange]:
    """The export's changes of the page's attributes; for a format 2 file one change from the values read here."""
    if source.get("changes") is not None:
        return [AttributeChange.from_record(c) for c in source["changes"]]
    carried = {field: source[key] for field, key in _EXPORT_KEYS.items() if key in source}
    if not carried:
        return []  # format 1: no attributes
    read = as_read(conn, source_id)  # a key the file lacks (early format 2 wrote the date alone): as read here
    theirs = replace(read, **{field: value or ("" if field == "name" else None) for field, value in carried.items()})
    return [] if theirs == read else [AttributeChange("", None, read, theirs)]


class AttributeMerger:
    """Carries a colleague's attribute changes onto the pages here (inside the merge's transaction)."""

    def __init__(self, conn: sqlite3.Connection, store: ConflictStore, conflicted: set[str],
                 report: MergeReport) -> None:
        self.conn = conn
        self.store = store
        self.conflicted = conflicted  #: origins of the conflicts merges kept (pending or decided)
        self.report = report

    def merge(self, source_id: int, source: dict) -> bool:
        """Apply or keep as conflicts the export's changes of one page; True when the page changed."""
        changes = incoming_changes(self.conn, source_id, source)
        if not changes:
            return False
        known = {c.key(f) for c in map(_as_change, history(self.conn, source_id)) for f in c.fields()}
        ours = attributes(self.conn, source_id)
        apply: set[tuple[int, str]] = set()  # (index of the incoming change, field)
        for field in FIELDS:
            unknown = [(k, c) for k, c in enumerate(changes) if field in c.fields() and c.key(field) not in known]
            if not unknown:
                continue
            first, last = unknown[0][1], unknown[-1][1]
            value = getattr(ours, field)
            if value == getattr(last.after, field):
                continue  # already reads as theirs
            if value == getattr(first.before, field):
                apply.update((k, field) for k, _c in unknown)
            else:
                self._conflict(source_id, source, field, first, last, value)
        for k, change in enumerate(changes):
            fields = [f for f in change.fields() if (k, f) in apply]
            if fields:
                after = replace(ours, **{f: getattr(change.after, f) for f in fields})
                record_change(self.conn, source_id, ours, after, at=change.at or now(), author=change.author)
                ours = after
                self.report.attributes_applied += len(fields)
        return bool(apply)

    def _conflict(self, source_id: int, source: dict, field: str, first: AttributeChange, last: AttributeChange,
                  ours: str | int | None) -> None:
        theirs = getattr(last.after, field)
        origin = f"{KIND}|{source.get('sha256', '')}|{last.key(field)}|{as_text(theirs)}"
        if origin in self.conflicted:
            return  # kept by an earlier merge, pending or decided
        record = {"op": field, "author": last.author, "at": last.at or None, "note": None, "value": theirs}
        self.store.record(record, origin, KIND, None, base=as_text(getattr(first.before, field)),
                          ours=as_text(ours), theirs=as_text(theirs), source_id=source_id,
                          detail=f"this project changed the page's {field} differently")
        self.conflicted.add(origin)
        self.report.conflicts += 1


def _as_change(change) -> AttributeChange:
    return AttributeChange(change.at, change.author, change.before, change.after)


def accept_attribute(conn: sqlite3.Connection, conflict: Conflict, payload: dict) -> int:
    """Set the page's field to theirs, as a change by their author; returns the page's id.

    Refused (:class:`MergeError`) when this project's value changed since the conflict was kept.
    """
    field, source_id = conflict.op, conflict.source_id
    if source_id is None or field not in FIELDS:
        raise MergeError(f"conflict #{conflict.id}: the page or field it concerns is not known here")
    current = attributes(conn, source_id)
    if as_text(getattr(current, field)) != conflict.ours:
        raise MergeError(
            f"conflict #{conflict.id}: the page's {field} changed since; set it by hand (Source Properties)"
        )
    after = replace(current, **{field: payload.get("value")})
    record_change(conn, source_id, current, after, at=conflict.at or now(), author=conflict.author)
    return source_id
