"""A page's attributes as its running header prints them: date, page name (版名) and number (版次).

A newspaper page's running header is set as separate fields, e.g. ``要闻 2025年10月1日 星期三 3``
or ``第3版 评论 2025年10月1日``: the page's name, the date, the weekday, the page number. The
engine keeps that line out of the articles as page furniture; this module reads the fields
from it. The header is the first furniture line carrying a written date (``YYYY年M月D日``),
else the first line of the dump when it carries one. Nothing is keyed on any page's words: a
field is a name when it is a short run of letters with no digit, a number when it is a bare
number or ``第N版``/``N版``, and the weekday is left out.

The date itself keeps the rule of :mod:`db.source_dates` (the file name, then the header).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from db.source_dates import HEADER_CHARS, WRITTEN_DATE, source_date

_WEEKDAY = re.compile(r"^(星期|周|礼拜)[一二三四五六日天]$")
_NUMBER = re.compile(r"^(?:第\s*)?(\d{1,3})(?:\s*版)?$")
_NAMED_NUMBER = re.compile(r"第\s*(\d{1,3})\s*版")
#: a page's name is short ("要闻", "国际新闻", "理论周刊"); a longer field is a headline or slogan
MAX_NAME_CHARS = 12
MAX_NUMBER = 999


@dataclass(frozen=True, slots=True)
class PageAttributes:
    """What is known of a page: its ISO date, name and number (None or "" where unknown)."""

    date: str | None = None
    name: str = ""
    number: int | None = None


def page_number(field: str) -> int | None:
    """A page number as a header field or a person writes it: ``3``, ``第3版``, ``3版`` (1 to 999)."""
    found = _NUMBER.match(field.strip())
    number = int(found.group(1)) if found else 0
    return number if 0 < number <= MAX_NUMBER else None


def header_line(furniture: Iterable[str], raw_text: str = "") -> str | None:
    """The running header: the first furniture line with a written date, else the dump's first line if dated."""
    for line in furniture:
        if WRITTEN_DATE.search(line):
            return line
    first = next((line for line in (raw_text or "")[:HEADER_CHARS].splitlines() if line.strip()), "")
    return first if WRITTEN_DATE.search(first) else None


def name_and_number(header: str) -> tuple[str, int | None]:
    """The page's name and number among the header's fields (the date and weekday left out)."""
    rest = WRITTEN_DATE.sub(" ", header)
    number: int | None = None
    named = _NAMED_NUMBER.search(rest)
    if named:
        number = int(named.group(1))
        rest = rest[: named.start()] + " " + rest[named.end() :]
    names = []
    for field in rest.split():
        bare = page_number(field)
        if bare is not None:
            if number is None:
                number = bare
        elif not _WEEKDAY.match(field) and len(field) <= MAX_NAME_CHARS and not any(c.isdigit() for c in field):
            names.append(field)
    if number is not None and not 0 < number <= MAX_NUMBER:
        number = None
    return (names[0] if names else ""), number


def read_attributes(file_name: str, raw_text: str, furniture: Iterable[str]) -> PageAttributes:
    """A page's date, name and number as its file name and running header give them."""
    header = header_line(furniture, raw_text)
    name, number = name_and_number(header) if header else ("", None)
    return PageAttributes(source_date(file_name, header or raw_text[:HEADER_CHARS]), name, number)
