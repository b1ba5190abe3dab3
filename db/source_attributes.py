"""A page's attributes — date, page name (版名), page number (版次) — read at import, editable, with a history.

Import reads them from the file name and running header (:mod:`db.page_header`); a person may
correct them. Every change is one transaction that updates the source and appends a row to
``source_changes`` (who, when, the values before and after), which is never rewritten: an
undo is a change back, recorded like any other. Bad input (a date that is not a date) is
refused with :class:`~db.errors.SourceAttributeError`, whose message names the value.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from db.connection import Connection, now
from db.errors import NotFound, SourceAttributeError
from db.events import Change, event
from db.page_header import MAX_NUMBER, PageAttributes, page_number, read_attributes
from db.rows import named
from db.source_dates import typed_date

MAX_NAME_CHARS = 40
#: Leave a field as it is (the default of :func:`set_attributes`' keywords).
KEEP = object()


@dataclass(frozen=True, slots=True)
class SourceChange:
    """One recorded change of a page's attributes."""

    id: int
    source_id: int
    at: str
    author: str | None
    before: PageAttributes
    after: PageAttributes


def parse_date(text: str | None) -> str | None:
    """``2025-10-01`` or ``2025年10月1日`` as an ISO date; "" or None for no date; anything else is refused."""
    value = (text or "").strip()
    if not value:
        return None
    found = typed_date(value)
    if found is None:
        raise SourceAttributeError(f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01")
    return found


def parse_number(value: int | str | None) -> int | None:
    """A page number: 3, "3", "第3版"; "" or None for none; anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = page_number(str(value))
    if number is None:
        raise SourceAttributeError(f"'{value}' is not a page number: give a whole number from 1 to {MAX_NUMBER}")
    return number


def parse_name(text: str | None) -> str:
    name = " ".join((text or "").split())
    if len(name) > MAX_NAME_CHARS:
        raise SourceAttributeError(f"a page name is at most {MAX_NAME_CHARS} characters, not {len(name)}")
    return name


def _row(conn: sqlite3.Connection, source_id: int) -> sqlite3.Row:
    r = named(conn, "SELECT page_date, page_name, page_number FROM sources WHERE id = ?", (source_id,)).fetchone()
    if r is None:
        raise NotFound("source", source_id)
    return r


def _store(conn: sqlite3.Connection, source_id: int, page: PageAttributes) -> None:
    conn.execute(
        "UPDATE sources SET page_date = ?, page_name = ?, page_number = ?, attributes_read = 1 WHERE id = ?",
        (page.date, page.name, page.number, source_id),
    )


def attributes(conn: sqlite3.Connection, source_id: int) -> PageAttributes:
    r = _row(conn, source_id)
    return PageAttributes(r["page_date"], r["page_name"], r["page_number"])


def set_attributes(
    cx: Connection, source_id: int, *, date: object = KEEP, name: object = KEEP, number: object = KEEP,
    author: str | None = None,
) -> PageAttributes:
    """Change some of a page's attributes (the others are kept); returns them as they now are."""
    with cx.write() as conn:
        before = attributes(conn, source_id)
        after = PageAttributes(
            before.date if date is KEEP else parse_date(date),  # type: ignore[arg-type]
            before.name if name is KEEP else parse_name(name),  # type: ignore[arg-type]
            before.number if number is KEEP else parse_number(number),  # type: ignore[arg-type]
        )
        if after == before:
            return before
        record_change(conn, source_id, before, after, at=now(), author=author)
        cx.announce(event(Change.SOURCES, sources=[source_id]))
        return after


def record_change(
    conn: sqlite3.Connection, source_id: int, before: PageAttributes, after: PageAttributes, *, at: str,
    author: str | None,
) -> None:
    """Store ``after`` and append the change to the page's history (inside the caller's write).

    ``at`` is when the change was made: now for a change made here, the colleague's time for one
    a merge carries over (so the same change is recognised in both projects).
    """
    _store(conn, source_id, after)
    conn.execute(
        "INSERT INTO source_changes (source_id, at, author, before, after) VALUES (?, ?, ?, ?, ?)",
        (source_id, at, author, json.dumps(asdict(before), ensure_ascii=False),
         json.dumps(asdict(after), ensure_ascii=False)),
    )


def history(conn: sqlite3.Connection, source_id: int) -> list[SourceChange]:
    """Every change of the page's attributes, oldest first."""
    rows = named(
        conn, "SELECT id, source_id, at, author, before, after FROM source_changes WHERE source_id = ? ORDER BY id",
        (source_id,),
    )
    return [
        SourceChange(r["id"], r["source_id"], r["at"], r["author"], PageAttributes(**json.loads(r["before"])),
                     PageAttributes(**json.loads(r["after"])))
        for r in rows
    ]


def as_read(conn: sqlite3.Connection, source_id: int) -> PageAttributes:
    """The attributes the page's file name and running header give (what an import reads), whatever was set since."""
    r = named(conn, "SELECT name, raw_text, furniture FROM sources WHERE id = ?", (source_id,)).fetchone()
    if r is None:
        raise NotFound("source", source_id)
    return read_attributes(r["name"], r["raw_text"], furniture_texts(r["furniture"]))


def furniture_texts(furniture_json: str) -> list[str]:
    return [text for text, _runs in json.loads(furniture_json or "[]")]


def read_unread(cx: Connection) -> int:
    """Read the attributes of pages stored before they were kept (an upgraded file); returns how many."""
    with cx.read() as conn:
        pending = conn.execute("SELECT 1 FROM sources WHERE attributes_read = 0 LIMIT 1").fetchone()
    if pending is None:
        return 0
    with cx.write() as conn:
        rows = conn.execute(
            "SELECT id, name, raw_text, furniture FROM sources WHERE attributes_read = 0"
        ).fetchall()
        for source_id, file_name, raw_text, furniture in rows:
            found = read_attributes(file_name, raw_text, furniture_texts(furniture))
            _store(conn, source_id, found)
        return len(rows)
