"""How far the engine's segmentation agreed with the editors', on the articles they proofread.

For every source in scope (:mod:`db.reports`), the articles marked **proofread** are the
answer key: their current blocks as the editors left them. The engine's side is its own
segmentation of the same page as imported (:mod:`db.engine_record`). The measures are
those of ``score.py`` (:mod:`reader.scoring`):

- **par_ws**: paragraph F1, whitespace ignored: the body paragraphs (paragraphs, subheads,
  captions) of the proofread articles against the engine's body paragraphs that share any
  character with those articles (the engine's paragraphs elsewhere on the page are not
  judged: nobody has said what they should be);
- **art**: article F1 (an article counts when all its paragraphs agree), the proofread
  articles against every engine article sharing a character with them, whole;
- **head** and **byline**: headlines and credits reproduced on the matching article.

Both sides are read from the raw page through their raw maps, so what is compared is
where the text was cut and what each piece is, not how it is spelled: a corrected
misprint does not count against the engine, and text an editor typed in does not count.
Σ pools every source. Sources imported before Jiaokan kept the engine's record (schema 3)
show their proofread articles with no figures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from db import engine_record
from db.articles import runs_from_json
from db.models import Runs
from reader.scoring import score

BODY_ROLES = frozenset({"paragraph", "subhead", "caption"})
METRICS = ("par_ws", "art", "head", "byline")
COLUMNS = ("source", "proofread articles", "engine articles", "editor paragraphs", "engine paragraphs", *METRICS)
NOTE = (
    "Articles marked proofread, as the editors left them, against the engine's segmentation of the same text as "
    "imported (the measures of score.py: paragraph F1 ignoring whitespace, article F1, headlines, bylines). Both "
    "sides are read from the raw page, so corrected misprints do not count; only where the text was cut and what "
    "each piece is. Sources imported before the engine's record was kept show no figures."
)


def _text(raw: str, runs: Runs) -> str:
    return "".join(raw[r0 : r0 + n] for _t0, r0, n in runs)


def _offsets(runs: Iterable[Sequence[int]]) -> set[int]:
    out: set[int] = set()
    for _t0, r0, n in runs:
        out.update(range(r0, r0 + n))
    return out


def _as_gold(raw: str, blocks: Sequence[tuple[str, Runs]]) -> dict[str, Any]:
    """An article in the gold JSON shape, its strings read from the raw page."""
    pieces: dict[str, list[str]] = {"kicker": [], "title": [], "subtitle": [], "byline": []}
    paragraphs = []
    for role, runs in blocks:
        if role in BODY_ROLES:
            paragraphs.append(_text(raw, runs))
        elif role in pieces:
            pieces[role].append(_text(raw, runs))
    out: dict[str, Any] = {k: ("".join(v) or None) for k, v in pieces.items()}
    out["paragraphs"] = paragraphs
    return out


@dataclass(slots=True)
class SourceComparison:
    """The two sides of one source, in the gold JSON shape."""

    name: str
    proofread: int
    recorded: bool  #: False: imported before the engine's record was kept
    editor: list[dict[str, Any]]
    engine: list[dict[str, Any]]  #: whole engine articles touching the proofread ones
    engine_paragraphs: list[str]  #: engine paragraphs touching the proofread articles

    def metrics(self) -> dict[str, float | None]:
        return measure(self.editor, self.engine, self.engine_paragraphs)


def measure(editor: list[dict], engine: list[dict], engine_paragraphs: list[str]) -> dict[str, float | None]:
    """The figures; head and byline are None where no proofread article has one to reproduce."""
    whole = score({"articles": editor}, {"articles": engine})
    paragraphs = score({"articles": editor}, {"articles": [{"paragraphs": engine_paragraphs}]})
    has_head = any(a.get(k) for a in editor for k in ("kicker", "title", "subtitle"))
    has_byline = any(a.get("byline") for a in editor)
    return {
        "par_ws": paragraphs["par_ws"],
        "art": whole["art"],
        "head": whole["head"] if has_head else None,
        "byline": whole["byline"] if has_byline else None,
    }


def compare_source(conn: sqlite3.Connection, source_id: int, name: str) -> SourceComparison | None:
    """Both sides of a source, or None when none of its articles is proofread."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE source_id = ? AND review_state = 'proofread' ORDER BY position",
            (source_id,),
        )
    ]
    if not ids:
        return None
    raw = conn.execute("SELECT raw_text FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
    editor, region = [], set()
    for aid in ids:
        rows = conn.execute("SELECT role, runs FROM blocks WHERE article_id = ? ORDER BY position", (aid,))
        blocks = [(role, runs_from_json(runs)) for role, runs in rows]
        editor.append(_as_gold(raw, blocks))
        for _role, runs in blocks:
            region |= _offsets(runs)
    recorded = engine_record.for_source(conn, source_id)
    engine, engine_paragraphs = [], []
    for art in recorded:
        touched = [b for b in art.blocks if not region.isdisjoint(_offsets(b.runs))]
        if not touched:
            continue
        engine.append(_as_gold(raw, [(b.role, b.runs) for b in art.blocks]))
        engine_paragraphs += [_text(raw, b.runs) for b in touched if b.role in BODY_ROLES]
    return SourceComparison(name, len(ids), bool(recorded), editor, engine, engine_paragraphs)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def engine_table(conn: sqlite3.Connection, sources: Sequence[int], names: dict[int, str]):
    """The report as a :class:`db.reports.Table`: a row per source with proofread articles, and Σ."""
    from db.reports import Table

    rows = []
    pooled_editor: list[dict] = []
    pooled_engine: list[dict] = []
    pooled_paragraphs: list[str] = []
    proofread = 0
    for sid in sources:
        found = compare_source(conn, sid, names[sid])
        if found is None:
            continue
        proofread += found.proofread
        if not found.recorded:
            rows.append((found.name, found.proofread, None, None, None, *(None for _ in METRICS)))
            continue
        m = found.metrics()
        rows.append((
            found.name,
            found.proofread,
            len(found.engine),
            sum(len(a["paragraphs"]) for a in found.editor),
            len(found.engine_paragraphs),
            *(_rounded(m[k]) for k in METRICS),
        ))
        pooled_editor += found.editor
        pooled_engine += found.engine
        pooled_paragraphs += found.engine_paragraphs
    if pooled_editor:
        m = measure(pooled_editor, pooled_engine, pooled_paragraphs)
        figures = tuple(_rounded(m[k]) for k in METRICS)
    else:
        figures = tuple(None for _ in METRICS)
    rows.append((
        "Σ",
        proofread,
        len(pooled_engine),
        sum(len(a["paragraphs"]) for a in pooled_editor),
        len(pooled_paragraphs),
        *figures,
    ))
    return Table("Engine against the editors (proofread articles)", COLUMNS, rows, NOTE)
