"""The date of a newspaper page, when its file name or its page header says it.

Page dumps carry no metadata; the date is read, in this order, from

1. the file name: ``2024-03-01``, ``2024_03_01``, ``2024.03.01``, ``20240301`` or ``2024年3月1日``;
2. the first lines of the raw text (the page header, e.g. ``综合新闻 2025年 9月 3日 星期三 5``):
   ``YYYY年M月D日`` with or without spaces.

Years outside 1840–2100 and impossible days are not dates. Returns an ISO date
(``YYYY-MM-DD``) or None: callers decide what stands in for an unknown date (the
reports use the import time, see :mod:`db.reports`).
"""

from __future__ import annotations

import re
from datetime import date

#: How much of the raw text is searched for the page header's date.
HEADER_CHARS = 300

#: A date written out as a page prints it: ``2025年10月1日`` (spaces allowed).
WRITTEN_DATE = _CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_SEP = re.compile(r"(?<!\d)(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def _valid(y: str, m: str, d: str) -> str | None:
    year, month, day = int(y), int(m), int(d)
    if not 1840 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> str | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            found = _valid(*m.groups())
            if found:
                return found
    return None


def date_from_name(name: str) -> str | None:
    return _first((_SEP, _CJK, _COMPACT), name or "")


def date_from_header(raw_text: str) -> str | None:
    return _first((_CJK,), (raw_text or "")[:HEADER_CHARS])


def source_date(name: str, raw_head: str = "") -> str | None:
    """The page's date from its file name, else from its header; None when neither says."""
    return date_from_name(name) or date_from_header(raw_head)


#: What a person types as a page's date: ``2025-10-01`` (or ``_``, ``.``) or ``2025年10月1日`` (日 optional).
_TYPED = (
    re.compile(r"(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
)


def typed_date(text: str) -> str | None:
    """The ISO date ``text`` is as a whole (see ``_TYPED``), or None when it is no date."""
    for pattern in _TYPED:
        found = pattern.fullmatch(text)
        if found:
            return _valid(*found.groups())
    return None


#: A year or a month as a person types it to bound a range of dates: ``2025``, ``2025-10``, ``2025年10月``.
_TYPED_PART = (
    re.compile(r"(\d{4})(?:[-_.](\d{1,2}))?"),
    re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?"),
)


def typed_period(text: str) -> str | None:
    """The ISO day, month or year ``text`` is as a whole ("2025-10-01", "2025-10", "2025"), or None.

    A day is read as :func:`typed_date` reads it; a month or year by the same separators.
    """
    day = typed_date(text)
    if day is not None:
        return day
    for pattern in _TYPED_PART:
        found = pattern.fullmatch(text)
        if found:
            year, month = found.groups()
            if month is None:
                return year if _valid(year, "1", "1") else None
            return f"{year}-{int(month):02d}" if _valid(year, month, "1") else None
    return None
