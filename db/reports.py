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
  the page's (from its file name or page header, :mod:`db.source_dates`); a page whose date
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from db import codebook
from db.article_text import TEXT
from db.engine_report import engine_table
from db.history import active_ids
from db.readers import open_reader
from db.report_table import Table
from db.source_dates import HEADER_CHARS, source_date

KINDS = ("frequencies", "cooccurrence", "progress", "agreement", "engine")
STATES = ("unreviewed", "in_progress", "proofread")


# -- reading ---------------------------------------------------------------------------------------------


class _Reader:
    """A read-only snapshot connection, and the scope (article ids) of a report."""

    def __init__(self, project: Any, source_ids: Sequence[int] | None = None) -> None:
        path = Path(project.path) if hasattr(project, "path") else Path(project)
        self.conn: sqlite3.Connection = open_reader(path)
        if source_ids:
            marks = ",".join("?" * len(source_ids))
            self.sources = [
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM sources WHERE id IN ({marks}) ORDER BY id", list(source_ids)
                )
            ]
        else:
            self.sources = [r[0] for r in self.conn.execute("SELECT id FROM sources WHERE superseded = 0 ORDER BY id")]

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

    def chunks(self, ids: Sequence[int], n: int = 500) -> Iterable[list[int]]:
        for i in range(0, len(ids), n):
            yield list(ids[i : i + n])

    def tag_paths(self) -> dict[int, str]:
        return {t.id: t.path for t in codebook.all_tags(self.conn)}

    def annotations(self, *, placed: bool) -> Iterable[tuple]:
        """(article_id, tag_id, start, end, author, source_id) of the passages in scope."""
        for chunk in self.chunks(self.sources):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT n.article_id, n.tag_id, n.char_start, n.char_end, coalesce(n.author, ''), a.source_id"
                f" FROM annotations n JOIN articles a ON a.id = n.article_id WHERE a.source_id IN ({marks})"
            )
            if placed:
                sql += " AND n.orphaned = 0 AND n.char_end > n.char_start"
            yield from self.conn.execute(sql + " ORDER BY n.article_id, n.char_start, n.id", chunk)


def _months(conn: sqlite3.Connection, source_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(source_ids), 500):
        chunk = list(source_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        for sid, name, head, imported in conn.execute(
            f"SELECT id, name, substr(raw_text, 1, {HEADER_CHARS}), imported_at FROM sources WHERE id IN ({marks})",
            chunk,
        ):
            day = source_date(name, head)
            out[sid] = day[:7] if day else (imported or "")[:7]
    return out


def _names(conn: sqlite3.Connection, source_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(source_ids), 500):
        chunk = list(source_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT id, name FROM sources WHERE id IN ({marks})", chunk).fetchall())
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
        for _aid, tag_id, _s, _e, _author, sid in r.annotations(placed=False):
            counts[tag_id][group_of[sid]] += 1
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


def _block_spans(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pos: dict[int, int] = {}
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        for aid, length in conn.execute(
            f"SELECT article_id, length(text) FROM blocks WHERE article_id IN ({marks}) ORDER BY article_id, position",
            chunk,
        ):
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
        by_article: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for aid, tag_id, s, e, _author, _sid in r.annotations(placed=True):
            by_article[aid].append((tag_id, s, e))
        spans = _block_spans(r.conn, list(by_article))
    index = {tid: k for k, tid in enumerate(paths)}
    n = len(index)
    matrix = [[0] * n for _ in range(n)]
    for aid, items in by_article.items():
        touched = [_blocks_touched(spans.get(aid, []), s, e) for _, s, e in items]
        for (i, a), (j, b) in combinations(enumerate(items), 2):
            if (a[1] < b[2] and b[1] < a[2]) or touched[i] & touched[j]:
                x, y = index.get(a[0]), index.get(b[0])
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
            states = dict(
                r.conn.execute(
                    "SELECT review_state, count(*) FROM articles WHERE source_id = ? GROUP BY review_state", (sid,)
                )
            )
            counts = [states.get(s, 0) for s in STATES]
            articles = sum(counts)
            history = r.conn.execute(
                "SELECT id, at, author, op, article_id, other_article_id, params, note, reverts FROM edits"
                " WHERE article_id IN (SELECT id FROM articles WHERE source_id = ?) ORDER BY id",
                (sid,),
            ).fetchall()
            active = active_ids((h[0], h[8]) for h in history)
            corrections = sum(1 for h in history if h[3] == "correct" and h[0] in active)
            passages = r.conn.execute(
                "SELECT count(*) FROM annotations WHERE article_id IN (SELECT id FROM articles WHERE source_id = ?)",
                (sid,),
            ).fetchone()[0]
            share = round(100 * counts[2] / articles, 1) if articles else 0.0
            rows.append((names[sid], articles, *counts, f"{share:.1f}%", corrections, passages))
            for k, v in enumerate((articles, *counts, corrections, passages)):
                totals[k] += v
        share = round(100 * totals[3] / totals[0], 1) if totals[0] else 0.0
        rows.append(("Σ", *totals[:4], f"{share:.1f}%", *totals[4:6]))
    columns = ("source", "articles", *STATES, "proofread %", "corrections", "passages")
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
        for aid, tag_id, s, e, author, _sid in r.annotations(placed=True):
            if not author:
                continue
            spans[(aid, author, tag_id)].append((s, e))
            tagged_by[author].add(aid)
        people = sorted(tagged_by) if coders is None else list(coders)
        pairs = list(combinations(people, 2)) if coders is None else [tuple(coders)]
        texts: dict[int, str] = {}
        needed = sorted({a for x, y in pairs for a in tagged_by.get(x, set()) & tagged_by.get(y, set())})
        for chunk in r.chunks(needed):
            marks = ",".join("?" * len(chunk))
            texts.update(r.conn.execute(f"SELECT id, {TEXT} FROM articles WHERE id IN ({marks})", chunk).fetchall())
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
