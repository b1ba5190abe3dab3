"""Which pages a list or a search keeps, by their attributes: words, and a range of dates.

One meaning everywhere (the library's filter, the desk's search, ``jiaokan search``):

- each **word** must match the page: its file name or page name holds it, its date starts with
  it ("2025-10") or it is the page's number ("3", "第3版", read by :func:`db.page_header.page_number`);
- a **date range** keeps the pages dated inside it, both ends included; an end may be a day, a
  month or a year ("2025-10-01", "2025-10", "2025", or written 2025年10月1日), read by
  :func:`db.source_dates.typed_period`: "from 2025-10" starts on its first day, "to 2025-10"
  ends on its last. A page of unknown date is outside every range.

Bad input (an end that is no date, a range that ends before it starts) is refused with a
:class:`~db.errors.QueryError` whose one-line message names the value.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import QueryError
from db.page_header import page_number
from db.source_dates import typed_period


def words_where(words: str, alias: str = "s") -> tuple[list[str], list]:
    """SQL conditions (ANDed) and their parameters: every word of ``words`` matches the page ``alias``."""
    clauses: list[str] = []
    params: list = []
    for word in words.split():
        clauses.append(f"(instr({alias}.name, ?) > 0 OR instr({alias}.page_name, ?) > 0"
                       f" OR {alias}.page_date LIKE ? || '%' OR {alias}.page_number = ?)")
        # a word that is no number compares with NULL: never true
        params += [word, word, word.replace("%", "").replace("_", ""), page_number(word)]
    return clauses, params


def _period(text: str, end: str) -> str | None:
    value = " ".join(text.split())
    if not value:
        return None
    found = typed_period(value)
    if found is None:
        raise QueryError(f"the {end} of the date range, '{value}', is not a day, month or year: "
                         "write 2025-10-01, 2025-10 or 2025")
    return found


@dataclass(frozen=True, slots=True)
class PageFilter:
    """The pages kept: ``words`` as the library filter reads them, dates from ``first`` to ``last`` (ISO periods)."""

    words: str = ""
    first: str | None = None  #: a day, month or year: the range starts on its first day
    last: str | None = None  #: a day, month or year: the range ends on its last day

    @classmethod
    def parse(cls, words: str = "", first: str = "", last: str = "") -> PageFilter:
        """The filter as typed; :class:`QueryError` for an end that is no date or a range that ends before it starts."""
        start, end = _period(first, "start"), _period(last, "end")
        if start is not None and end is not None and _first_day(start) > _last_day(end):
            raise QueryError(f"the date range is empty: it starts on {start}, after its end {end}")
        return cls(" ".join(words.split()), start, end)

    def __bool__(self) -> bool:
        return bool(self.words or self.first or self.last)

    def where(self, alias: str = "s") -> tuple[list[str], list]:
        """SQL conditions (ANDed) over the sources table ``alias``, and their parameters."""
        clauses, params = words_where(self.words, alias)
        if self.first is not None:
            clauses.append(f"{alias}.page_date >= ?")
            params.append(_first_day(self.first))
        if self.last is not None:
            clauses.append(f"{alias}.page_date <= ?")
            params.append(_last_day(self.last))
        return clauses, params


def _first_day(period: str) -> str:
    return period + "-01-01"[len(period) - 4 :]


def _last_day(period: str) -> str:
    """The period's end as text that sorts after every day inside it ("2025-02" -> "2025-02-31")."""
    return period + "-12-31"[len(period) - 4 :]
