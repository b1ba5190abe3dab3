"""The engine's own segmentation of a page, kept as it was imported, with its confidences.

Editors change an article's structure (join, split, roles, moves, article split and
merge), and the blocks table then holds their structure, not the engine's. To say
where the engine was unsure (:mod:`db.doubts`) and how far its segmentation agreed
with the editors' (:mod:`db.engine_report`), the import also writes, for every article
and block the engine made, its place, role, raw map and confidence:

- ``engine_articles.confidence``: probability that the article starts where it does;
- ``engine_blocks.confidence``: probability that the boundary before the block is right
  (headline lines and credits, which the engine gives no confidence, count as sure);
- ``engine_blocks.boundary_confidence``: the confidence of the boundary before the block
  as a whole: the article's for an article's first block (the lower of the two when that
  block is a body block whose own confidence speaks to the same boundary), else the block's.

Rows are keyed by the ids the import gave; an edit never changes them. A block's raw map is
stored once: ``engine_blocks.runs`` is '' while the block holds the engine's runs, and the
triggers of schema 6 copy them there before an edit changes or deletes the block.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from db.articles import runs_from_json
from db.models import Runs
from db.rows import build, named


class _PreparedBlock(Protocol):
    role: str
    runs: str  #: compact JSON, as written to ``blocks.runs``
    confidence: float


class _PreparedArticle(Protocol):
    engine_index: int
    confidence: float
    blocks: Sequence[_PreparedBlock]


#: ``engine_blocks.runs`` of a block whose own runs are still the engine's.
_SAME_AS_BLOCK = ""


def _probability(value: float) -> float:
    """A confidence as stored: within [0, 1]; anything unusable counts as sure."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 1.0
    if math.isnan(value):
        return 1.0
    return min(1.0, max(0.0, value))


def record(
    conn: sqlite3.Connection,
    source_id: int,
    article_ids: Sequence[int],
    articles: Sequence[_PreparedArticle],
    block_ids: Sequence[Sequence[int]],
) -> None:
    """Write the engine's record of a page just imported (inside the import's transaction).

    ``block_ids``: the ids the import gave each article's blocks, in order.
    """
    conn.executemany(
        "INSERT INTO engine_articles (article_id, source_id, engine_index, confidence) VALUES (?, ?, ?, ?)",
        [
            (aid, source_id, art.engine_index, _probability(art.confidence))
            for aid, art in zip(article_ids, articles, strict=True)
        ],
    )
    rows = []
    for aid, art, ids in zip(article_ids, articles, block_ids, strict=True):
        article_confidence = _probability(art.confidence)
        for position, (bid, block) in enumerate(zip(ids, art.blocks, strict=True)):
            own = _probability(block.confidence)
            boundary = min(own, article_confidence) if position == 0 else own
            rows.append((bid, aid, position, block.role, _SAME_AS_BLOCK, own, boundary))
    conn.executemany(
        "INSERT INTO engine_blocks (block_id, article_id, position, role, runs, confidence, boundary_confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


# -- reading it back --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EngineBlock:
    block_id: int
    position: int
    role: str
    runs: Runs
    confidence: float
    boundary_confidence: float


@dataclass(frozen=True, slots=True)
class EngineArticle:
    article_id: int  #: the id the import gave it (the article may have been merged away since)
    engine_index: int
    confidence: float
    blocks: tuple[EngineBlock, ...]


def for_source(conn: sqlite3.Connection, source_id: int) -> list[EngineArticle]:
    """The engine's articles of a source in page order (empty: imported before Jiaokan kept them)."""
    arts = named(
        conn,
        "SELECT article_id, engine_index, confidence FROM engine_articles WHERE source_id = ? ORDER BY engine_index",
        (source_id,),
    ).fetchall()
    blocks: dict[int, list[EngineBlock]] = {a["article_id"]: [] for a in arts}
    for r in named(
        conn,
        "SELECT e.article_id, e.block_id, e.position, e.role, e.confidence, e.boundary_confidence,"
        f" CASE e.runs WHEN '{_SAME_AS_BLOCK}' THEN b.runs ELSE e.runs END AS runs"
        " FROM engine_blocks e JOIN engine_articles a ON a.article_id = e.article_id"
        " LEFT JOIN blocks b ON b.id = e.block_id"
        " WHERE a.source_id = ? ORDER BY e.article_id, e.position",
        (source_id,),
    ).fetchall():  # fetched whole: a damaged value must not leave a cursor open
        blocks[r["article_id"]].append(build(EngineBlock, r, runs=runs_from_json(r["runs"])))
    return [build(EngineArticle, a, blocks=tuple(blocks[a["article_id"]])) for a in arts]


def confidences(conn: sqlite3.Connection, article_id: int) -> dict[int, float]:
    """Block id → the engine's confidence in the boundary before it, for the blocks of an article now."""
    rows = named(
        conn,
        "SELECT e.block_id, e.boundary_confidence FROM engine_blocks e JOIN blocks b ON b.id = e.block_id"
        " WHERE b.article_id = ?",
        (article_id,),
    )
    return {r["block_id"]: r["boundary_confidence"] for r in rows}

