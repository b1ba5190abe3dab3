"""Reports over a project: tag frequencies, co-occurrence, proofreading progress, inter-coder agreement.

Pure Python over the store (no Qt): every report reads a read-only snapshot of the project
file (:func:`db.exports.snapshot.open_reader`), so it sees one consistent state and never
holds the desk's lock, and returns a :class:`Table` (title, columns, rows) that the command
line prints or writes as CSV and the desk shows as a table and a chart.

Definitions:

- **Scope**: the latest version of every source (superseded versions are left out), or the
  sources given.
- **Frequencies** count tagged passages (orphaned ones included: they are still a coder's
  judgement, only their place is lost), per tag and per source or per month. The month is
  the page's date as stored (read from its file name or running header, maybe corrected since:
  :mod:`db.source_attributes`); a page whose date
  is not known counts in the month it was imported (UTC).
- **Co-occurrence** counts pairs of distinct passages in the same article that overlap or
  share a paragraph (a block of the article text that both touch), per pair of tags; the
  diagonal counts such pairs with the same tag. Orphaned passages have no place and are
  left out.
- **Progress**: articles per review state, per source, with the number of text corrections in
  effect and of passages.
- **Agreement** of two coders (annotation authors) on the articles both of them tagged
  (any tag): for each tag, every character of those articles (the line breaks between
  paragraphs are not characters of the text and are left out) is tagged or not by each
  coder. Percentage agreement ``po`` = share of characters on which they agree; Cohen's
  kappa = ``(po - pe) / (1 - pe)`` with ``pe = pA·pB + (1 - pA)(1 - pB)``, ``pA``/``pB``
  the shares of characters each tagged. Kappa is undefined (None, shown empty) when
  ``pe = 1``: both coders tagged all or none of the characters.
- **Engine**: on the articles marked proofread, the engine's segmentation as imported against
  the editors' structure (paragraph and article F1 of score.py), see :mod:`db.engine_report`.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple

from db import codebook
from db.article_text import TEXT
from db.engine_report import engine_table
from db.history import active_ids
from db.readers import open_reader
from db.report_table import Table
from db.rows import named, values
from db.schema import REVIEW_STATES

KINDS = ("frequencies", "cooccurrence", "progress", "agreement", "engine")


# -- reading ---------------------------------------------------------------------------------------------


class _Passage(NamedTuple):
    """A tagged passage as the reports count it ("" as author: nobody recorded); a tuple, made fast."""

    article_id: int
    tag_id: int
    start: int
    end: int
    author: str
    source_id: int


class _Reader:
    """A read-only snapshot connection, and the scope (article ids) of a report."""

    def __init__(self, project: Any, source_ids: Sequence[int] | None = None) -> None:
        path = Path(project.path) if hasattr(project, "path") else Path(project)
        self.conn: sqlite3.Connection = open_reader(path)
        if source_ids:
            marks = ",".join("?" * len(source_ids))
            rows = named(self.conn, f"SELECT id FROM sources WHERE id IN ({marks}) ORDER BY id", list(source_ids))
        else:
            rows = named(self.conn, "SELECT id FROM sources WHERE superseded = 0 ORDER BY id")
        self.sources: list[int] = [r["id"] for r in rows]

    def close(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self.conn.close()

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def tag_paths(self) -> dict[int, str]:
        return {t.id: t.path for t in codebook.all_tags(self.conn)}

    def annotations(self, *, placed: bool) -> Iterable[_Passage]:
        """The passages in scope (with ``placed``, only those on text: orphans left out)."""
        select = (
            "SELECT n.article_id, n.tag_id, n.char_start AS start, n.char_end AS \"end\","
            " coalesce(n.author, '') AS author, a.source_id FROM annotations n JOIN articles a ON a.id = n.article_id"
        )
        tail = " AND n.orphaned = 0 AND n.char_end > n.char_start" if placed else ""
        tail += " ORDER BY n.article_id, n.char_start, n.id"
        rows = _rows_for(self.conn, select, "a.source_id", self.sources, *_Passage._fields, tail=tail)
        return map(_Passage._make, rows)


def _rows_for(
    conn: sqlite3.Connection, select: str, column: str, ids: Sequence[int], *names: str, tail: str = ""
) -> Iterator[tuple[Any, ...]]:
    """The columns ``names`` of the rows of ``select`` whose ``column`` is one of ``ids``.

    ``tail`` follows the condition. The ids go in batches of 500, below SQLite's limit on
    parameters; ``tail``'s ordering holds within a batch, and batches follow the order of ``ids``.
    """
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        cursor = conn.execute(f"{select} WHERE {column} IN ({','.join('?' * len(chunk))}){tail}", chunk)
        yield from values(cursor, *names)


def _months(conn: sqlite3.Connection, source_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    select = "SELECT id, page_date, imported_at FROM sources"
    for sid, day, imported in _rows_for(conn, select, "id", source_ids, "id", "page_date", "imported_at"):
        out[sid] = day[:7] if day else (imported or "")[:7]
    return out


def _names(conn: sqlite3.Connection, source_ids: Sequence[int]) -> dict[int, str]:
    out = dict(_rows_for(conn, "SELECT id, name FROM sources", "id", source_ids, "id", "name"))
    counts = Counter(out.values())
    for sid, name in out.items():  # two pages of the same name (different folders) stay apart
        if counts[name] > 1:
            out[sid] = f"{name} #{sid}"
    return out


# -- frequencies -------------------------------------------------------------------------------------------


def tag_frequencies(project: Any, by: str = "source", source_ids: Sequence[int] | None = None) -> Table:
    """Passages per tag (rows, codebook order) and per source or month (columns), with totals."""
    if by not in ("source", "month"):
        raise ValueError(f"frequencies are by 'source' or 'month', not {by!r}")
    with _Reader(project, source_ids) as r:
        paths = r.tag_paths()
        group_of = _names(r.conn, r.sources) if by == "source" else _months(r.conn, r.sources)
        counts: dict[int, Counter] = defaultdict(Counter)
        for passage in r.annotations(placed=False):
            counts[passage.tag_id][group_of[passage.source_id]] += 1
    groups = [group_of[s] for s in r.sources] if by == "source" else sorted(set(group_of.values()))
    groups = [g for g in dict.fromkeys(groups) if any(c[g] for c in counts.values())]
    rows = []
    for tag_id, path in paths.items():
        c = counts.get(tag_id, Counter())
        rows.append((path, *(c[g] for g in groups), sum(c.values())))
    everything = sum(sum(c.values()) for c in counts.values())
    rows.append(("Σ", *(sum(c[g] for c in counts.values()) for g in groups), everything))
    note = (
        "Tagged passages (orphaned ones included). Month: the page's date from its file name or header, "
        "else the month it was imported (UTC)."
        if by == "month"
        else "Tagged passages (orphaned ones included)."
    )
    return Table(f"Tag frequencies by {by}", ("tag", *groups, "total"), rows, note)


# -- co-occurrence ---------------------------------------------------------------------------------------


_IN_PAGE_ORDER = " ORDER BY article_id, position"


def _block_spans(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pos: dict[int, int] = {}
    select = "SELECT article_id, length(text) AS length FROM blocks"
    for aid, length in _rows_for(conn, select, "article_id", article_ids, "article_id", "length", tail=_IN_PAGE_ORDER):
        start = pos.get(aid, 0)
        spans[aid].append((start, start + length))
        pos[aid] = start + length + 1
    return spans


def _blocks_touched(spans: list[tuple[int, int]], s: int, e: int) -> set[int]:
    return {i for i, (b0, b1) in enumerate(spans) if s < b1 and b0 < e}


def cooccurrence_counts(project: Any, source_ids: Sequence[int] | None = None) -> tuple[list[str], list[list[int]]]:
    """(tag paths, symmetric matrix of co-occurring passage pairs); see the module docstring."""
    with _Reader(project, source_ids) as r:
        paths = r.tag_paths()
        by_article: dict[int, list[_Passage]] = defaultdict(list)
        for passage in r.annotations(placed=True):
            by_article[passage.article_id].append(passage)
        spans = _block_spans(r.conn, list(by_article))
    index = {tid: k for k, tid in enumerate(paths)}
    n = len(index)
    matrix = [[0] * n for _ in range(n)]
    for aid, items in by_article.items():
        touched = [_blocks_touched(spans.get(aid, []), p.start, p.end) for p in items]
        for (i, a), (j, b) in combinations(enumerate(items), 2):
            if (a.start < b.end and b.start < a.end) or touched[i] & touched[j]:
                x, y = index.get(a.tag_id), index.get(b.tag_id)
                if x is None or y is None:
                    continue
                matrix[x][y] += 1
                if x != y:
                    matrix[y][x] += 1
    return list(paths.values()), matrix


def cooccurrence(project: Any, source_ids: Sequence[int] | None = None) -> Table:
    return cooccurrence_table(*cooccurrence_counts(project, source_ids))


def cooccurrence_table(tags: list[str], matrix: list[list[int]]) -> Table:
    rows = [(tag, *matrix[k]) for k, tag in enumerate(tags)]
    note = (
        "Pairs of passages in the same article that overlap or share a paragraph; "
        "the diagonal counts such pairs with the same tag. Orphaned passages are left out."
    )
    return Table("Tag co-occurrence", ("tag", *tags), rows, note)


# -- progress --------------------------------------------------------------------------------------------


def progress(project: Any, source_ids: Sequence[int] | None = None) -> Table:
    """Per source: articles per review state, share proofread, corrections in effect, passages."""
    with _Reader(project, source_ids) as r:
        names = _names(r.conn, r.sources)
        rows = []
        totals = [0] * 7
        for sid in r.sources:
            by_state = named(
                r.conn,
                "SELECT review_state, count(*) AS n FROM articles WHERE source_id = ? GROUP BY review_state",
                (sid,),
            )
            states = {row["review_state"]: row["n"] for row in by_state.fetchall()}
            counts = [states.get(s, 0) for s in REVIEW_STATES]
            articles = sum(counts)
            history = named(
                r.conn,
                "SELECT id, op, reverts FROM edits"
                " WHERE article_id IN (SELECT id FROM articles WHERE source_id = ?) ORDER BY id",
                (sid,),
            ).fetchall()
            active = active_ids((h["id"], h["reverts"]) for h in history)
            corrections = sum(1 for h in history if h["op"] == "correct" and h["id"] in active)
            passages = named(
                r.conn,
                "SELECT count(*) AS n FROM annotations"
                " WHERE article_id IN (SELECT id FROM articles WHERE source_id = ?)",
                (sid,),
            ).fetchone()["n"]
            share = round(100 * counts[2] / articles, 1) if articles else 0.0
            rows.append((names[sid], articles, *counts, f"{share:.1f}%", corrections, passages))
            for k, v in enumerate((articles, *counts, corrections, passages)):
                totals[k] += v
        share = round(100 * totals[3] / totals[0], 1) if totals[0] else 0.0
        rows.append(("Σ", *totals[:4], f"{share:.1f}%", *totals[4:6]))
    columns = ("source", "articles", *REVIEW_STATES, "proofread %", "corrections", "passages")
    return Table("Proofreading progress", columns, rows, "Corrections: text corrections in effect (not reverted).")


# -- agreement -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agreement:
    coder_a: str
    coder_b: str
    tag: str
    articles: int  #: articles both coders tagged
    characters: int
    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def percent(self) -> float:
        return 100.0 * (self.both + self.neither) / self.characters if self.characters else 0.0

    @property
    def kappa(self) -> float | None:
        n = self.characters
        if not n:
            return None
        po = (self.both + self.neither) / n
        pa, pb = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        if pe >= 1.0:
            return None
        return (po - pe) / (1 - pe)


def _union(ranges: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted((max(0, s), min(length, e)) for s, e in ranges):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _intersection(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s < e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _size(ranges: list[tuple[int, int]], separators: list[int]) -> int:
    """Characters in ``ranges``, the paragraph breaks (positions in ``separators``) not counted."""
    return sum((e - s) - (bisect_left(separators, e) - bisect_left(separators, s)) for s, e in ranges)


def agreement_rows(
    project: Any, coders: Sequence[str] | None = None, source_ids: Sequence[int] | None = None
) -> list[Agreement]:
    """Character-level agreement per tag for each pair of coders (or the two given)."""
    if coders is not None and len(coders) != 2:
        raise ValueError("agreement compares two coders")
    with _Reader(project, source_ids) as r:
        paths = r.tag_paths()
        spans: dict[tuple[int, str, int], list[tuple[int, int]]] = defaultdict(list)  # (article, coder, tag)
        tagged_by: dict[str, set[int]] = defaultdict(set)
        for p in r.annotations(placed=True):
            if not p.author:
                continue
            spans[(p.article_id, p.author, p.tag_id)].append((p.start, p.end))
            tagged_by[p.author].add(p.article_id)
        people = sorted(tagged_by) if coders is None else list(coders)
        pairs = list(combinations(people, 2)) if coders is None else [tuple(coders)]
        texts: dict[int, str] = {}
        needed = sorted({a for x, y in pairs for a in tagged_by.get(x, set()) & tagged_by.get(y, set())})
        texts.update(_rows_for(r.conn, f"SELECT id, {TEXT} AS text FROM articles", "id", needed, "id", "text"))
    out: list[Agreement] = []
    for a, b in pairs:
        shared = sorted(tagged_by.get(a, set()) & tagged_by.get(b, set()))
        if not shared:
            continue
        in_shared = set(shared)
        tags = sorted(
            {t for (aid, who, t) in spans if who in (a, b) and aid in in_shared},
            key=lambda t: list(paths).index(t) if t in paths else 1 << 30,
        )
        for tag in tags:
            n = both = only_a = only_b = 0
            for aid in shared:
                text = texts[aid]
                seps = [i for i, c in enumerate(text) if c == "\n"]
                ra = _union(spans.get((aid, a, tag), ()), len(text))
                rb = _union(spans.get((aid, b, tag), ()), len(text))
                common = _size(_intersection(ra, rb), seps)
                n += len(text) - len(seps)
                both += common
                only_a += _size(ra, seps) - common
                only_b += _size(rb, seps) - common
            out.append(
                Agreement(
                    a, b, paths.get(tag, str(tag)), len(shared), n, both, only_a, only_b, n - both - only_a - only_b
                )
            )
    return out


def agreement(project: Any, coders: Sequence[str] | None = None, source_ids: Sequence[int] | None = None) -> Table:
    rows = [
        (
            g.coder_a,
            g.coder_b,
            g.tag,
            g.articles,
            g.characters,
            g.both,
            g.only_a,
            g.only_b,
            g.neither,
            round(g.percent, 1),
            None if g.kappa is None else round(g.kappa, 3) + 0.0,
        )
        for g in agreement_rows(project, coders, source_ids)
    ]
    columns = (
        "coder A",
        "coder B",
        "tag",
        "articles",
        "characters",
        "both",
        "only A",
        "only B",
        "neither",
        "agreement %",
        "kappa",
    )
    note = (
        "Per character of the articles both coders tagged (line breaks between paragraphs left out). "
        "Kappa is empty where it is undefined (both coders tagged all or none of the characters)."
    )
    return Table("Inter-coder agreement (Cohen's kappa)", columns, rows, note)


def engine(project: Any, source_ids: Sequence[int] | None = None) -> Table:
    """Per source and pooled: how the engine's segmentation compares with the proofread articles."""
    with _Reader(project, source_ids) as r:
        return engine_table(r.conn, r.sources, _names(r.conn, r.sources))


def report(project: Any, kind: str, **options: Any) -> Table:
    """Any report by name (``KINDS``); options: ``by`` (frequencies), ``coders`` (agreement), ``source_ids``."""
    source_ids = options.get("source_ids")
    if kind == "frequencies":
        return tag_frequencies(project, options.get("by", "source"), source_ids)
    if kind == "cooccurrence":
        return cooccurrence(project, source_ids)
    if kind == "progress":
        return progress(project, source_ids)
    if kind == "agreement":
        return agreement(project, options.get("coders"), source_ids)
    if kind == "engine":
        return engine(project, source_ids)
    raise ValueError(f"unknown report {kind!r}; one of: {', '.join(KINDS)}")


def to_json(table: Table) -> str:
    return json.dumps({"title": table.title, "columns": table.columns, "rows": table.rows}, ensure_ascii=False)
