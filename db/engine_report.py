"""How far the engine's segmentation agreed with the editors', on the articles they proofread.

For every source in scope (:mod:`db.reports`), the articles marked **proofread** are the
answer key: their current blocks as the editors left them. The engine's side is its own
segmentation of the same page as imported (:mod:`db.engine_record`). The measures are
those of ``score.py`` (GOLD-SPEC; :mod:`reader.scoring`):

- **par_ws**: paragraph F1, whitespace ignored: the body paragraphs (paragraphs, subheads,
  captions) of the proofread articles against the engine's body paragraphs that share any
  character with those articles (the engine's paragraphs elsewhere on the page are not
  judged: nobody has said what they should be);
- **art**: article F1 (an article counts when its paragraphs agree, whitespace and order
  ignored), the proofread articles against every engine article sharing a character with
  them, whole;
- **head** and **byline**: the share of the proofread articles' headlines (kicker, title,
  subtitle) and credits the matching engine article reproduces. score.py matches articles by
  the similarity of their text; here both sides come from the same page, so an editor's
  article is matched to the engine article it shares the most raw characters with (one to
  one), which says exactly which is which and costs no text comparison.

Both sides are read from the raw page through their raw maps, so what is compared is
where the text was cut and what each piece is, not how it is spelled: a corrected
misprint does not count against the engine, and text an editor typed in does not count.
Σ adds up the counts behind every source's figures. Sources imported before Jiaokan kept
the engine's record (schema 3) show their proofread articles with no figures.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from db import engine_record
from db.articles import runs_from_json
from db.models import Runs
from db.report_table import Table
from db.rows import named

BODY_ROLES = frozenset({"paragraph", "subhead", "caption"})
HEAD_ROLES = ("kicker", "title", "subtitle")
METRICS = ("par_ws", "art", "head", "byline")
COLUMNS = ("source", "proofread articles", "engine articles", "editor paragraphs", "engine paragraphs", *METRICS)
NOTE = (
    "Articles marked proofread, as the editors left them, against the engine's segmentation of the same text as "
    "imported (the measures of score.py: paragraph F1 ignoring whitespace, article F1, headlines, bylines). Both "
    "sides are read from the raw page, so corrected misprints do not count; only where the text was cut and what "
    "each piece is. Sources imported before the engine's record was kept show no figures."
)


def _ws(text: str) -> str:
    """score.py's whitespace-free form of a string."""
    return re.sub(r"\s+", "", text).replace("\u2043", "")


def _text(raw: str, runs: Runs) -> str:
    return "".join(raw[r0 : r0 + n] for _t0, r0, n in runs)


def _offsets(runs: Iterable[Sequence[int]]) -> set[int]:
    out: set[int] = set()
    for _t0, r0, n in runs:
        out.update(range(r0, r0 + n))
    return out


@dataclass(slots=True)
class Side:
    """One article as the measures see it: whitespace-free strings read from the raw page."""

    paragraphs: list[str]
    head: str
    byline: str
    offsets: set[int]  #: the raw characters of all its blocks

    @property
    def body(self) -> str:
        """score.py's body: the paragraphs sorted and joined (a dump's order can be off)."""
        return "".join(sorted(self.paragraphs))

    @classmethod
    def of(cls, raw: str, blocks: Sequence[tuple[str, Runs]]) -> Side:
        paragraphs, head, byline, offsets = [], {r: "" for r in HEAD_ROLES}, "", set()
        for role, runs in blocks:
            text = _ws(_text(raw, runs))
            offsets |= _offsets(runs)
            if role in BODY_ROLES:
                paragraphs.append(text)
            elif role in head:
                head[role] += text
            elif role == "byline":
                byline += text
        return cls(paragraphs, "".join(head[r] for r in HEAD_ROLES), byline, offsets)


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts behind one measure: what both sides agree on, and what each side has."""

    hits: int = 0
    editor: int = 0
    engine: int = 0  #: not counted for headlines and credits, which are shares of the editor's side

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.editor + other.editor, self.engine + other.engine)

    def f1(self) -> float:
        return _f1(self.hits, self.editor, self.engine)

    def share(self) -> float | None:
        """The share of the editor's side the engine reproduces; None where the editors have none."""
        return self.hits / self.editor if self.editor else None


@dataclass(frozen=True, slots=True)
class Figures:
    """What the measures count, so that sources add up (Σ)."""

    paragraphs: Tally = Tally()
    articles: Tally = Tally()
    heads: Tally = Tally()  #: editor: proofread articles with a headline
    bylines: Tally = Tally()  #: editor: proofread articles with a credit

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def metrics(self) -> dict[str, float | None]:
        """The shares of score.py; head and byline are None where no proofread article has one."""
        return {
            "par_ws": self.paragraphs.f1(),
            "art": self.articles.f1(),
            "head": self.heads.share(),
            "byline": self.bylines.share(),
        }


def _f1(hits: int, gold: int, predicted: int) -> float:
    """score.py's F1 (2PR / (P + R), which is 2·hits / (gold + predicted)); 1 when both sides are empty."""
    if not gold and not predicted:
        return 1.0
    return 2 * hits / (gold + predicted) if hits else 0.0


def _common(gold: Iterable[str], predicted: Iterable[str]) -> int:
    return sum((Counter(gold) & Counter(predicted)).values())


def _match(editor: Sequence[Side], engine: Sequence[Side]) -> dict[int, int]:
    """Editor article → engine article sharing the most raw characters with it, one to one."""
    pairs = sorted(
        ((len(e.offsets & g.offsets), i, j) for i, e in enumerate(editor) for j, g in enumerate(engine)),
        reverse=True,
    )
    out: dict[int, int] = {}
    taken: set[int] = set()
    for shared, i, j in pairs:
        if shared and i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


@dataclass(slots=True)
class SourceComparison:
    """The two sides of one source."""

    name: str
    proofread: int
    recorded: bool  #: False: imported before the engine's record was kept
    editor: list[Side]
    engine: list[Side]  #: whole engine articles touching the proofread ones
    engine_paragraphs: list[str]  #: the engine's paragraphs touching the proofread articles

    def figures(self) -> Figures:
        matched = _match(self.editor, self.engine)
        with_head = [i for i, e in enumerate(self.editor) if e.head]
        with_byline = [i for i, e in enumerate(self.editor) if e.byline]
        editor_paragraphs = [p for e in self.editor for p in e.paragraphs]
        paragraph_hits = _common(editor_paragraphs, self.engine_paragraphs)
        article_hits = _common((e.body for e in self.editor), (g.body for g in self.engine))
        head_hits = sum(1 for i in with_head if i in matched and self.engine[matched[i]].head == self.editor[i].head)
        byline_hits = sum(
            1 for i in with_byline if i in matched and self.engine[matched[i]].byline == self.editor[i].byline
        )
        return Figures(
            paragraphs=Tally(paragraph_hits, len(editor_paragraphs), len(self.engine_paragraphs)),
            articles=Tally(article_hits, len(self.editor), len(self.engine)),
            heads=Tally(head_hits, len(with_head)),
            bylines=Tally(byline_hits, len(with_byline)),
        )

    def metrics(self) -> dict[str, float | None]:
        return self.figures().metrics()


def compare_source(conn: sqlite3.Connection, source_id: int, name: str) -> SourceComparison | None:
    """Both sides of a source, or None when none of its articles is proofread."""
    proofread = named(
        conn,
        "SELECT id FROM articles WHERE source_id = ? AND review_state = 'proofread' ORDER BY position",
        (source_id,),
    )
    ids = [r["id"] for r in proofread]
    if not ids:
        return None
    raw = named(conn, "SELECT raw_text FROM sources WHERE id = ?", (source_id,)).fetchone()["raw_text"]
    editor: list[Side] = []
    for aid in ids:
        # fetched whole: a damaged value must not leave a cursor open (its connection could not close)
        rows = named(conn, "SELECT role, runs FROM blocks WHERE article_id = ? ORDER BY position", (aid,)).fetchall()
        editor.append(Side.of(raw, [(r["role"], runs_from_json(r["runs"])) for r in rows]))
    region = set().union(*(e.offsets for e in editor))
    recorded = engine_record.for_source(conn, source_id)
    engine: list[Side] = []
    engine_paragraphs: list[str] = []
    for art in recorded:
        touched = [b for b in art.blocks if not region.isdisjoint(_offsets(b.runs))]
        if not touched:
            continue
        engine.append(Side.of(raw, [(b.role, b.runs) for b in art.blocks]))
        engine_paragraphs += [_ws(_text(raw, b.runs)) for b in touched if b.role in BODY_ROLES]
    return SourceComparison(name, len(ids), bool(recorded), editor, engine, engine_paragraphs)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _row(name: str, proofread: int, figures: Figures) -> tuple:
    m = figures.metrics()
    return (
        name,
        proofread,
        figures.articles.engine,
        figures.paragraphs.editor,
        figures.paragraphs.engine,
        *(_rounded(m[k]) for k in METRICS),
    )


def engine_table(conn: sqlite3.Connection, sources: Sequence[int], names: dict[int, str]):
    """The report as a :class:`db.report_table.Table`: a row per source with proofread articles, and Σ."""
    rows = []
    total = Figures()
    proofread = 0
    for sid in sources:
        found = compare_source(conn, sid, names[sid])
        if found is None:
            continue
        proofread += found.proofread
        if not found.recorded:
            rows.append((found.name, found.proofread, None, None, None, *(None for _ in METRICS)))
            continue
        figures = found.figures()
        total += figures
        rows.append(_row(found.name, found.proofread, figures))
    if total.articles.editor:
        rows.append(_row("Σ", proofread, total))
    else:
        rows.append(("Σ", proofread, 0, 0, 0, *(None for _ in METRICS)))
    return Table("Engine against the editors (proofread articles)", COLUMNS, rows, NOTE)
