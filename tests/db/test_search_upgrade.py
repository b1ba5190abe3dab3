"""Schema 6 keeps no folded copy: a schema-4 project upgraded searches, edits and exports as before.

``fixtures/schema_v4.jiaokan`` and its search results and exports were made by schema-4 code
(``fixtures/make_v4_project.py``); the upgrade drops the folded copies and the index, and the
project indexes the articles again when it opens.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from db import SCHEMA_VERSION, Project
from db.exports.common import page_label

from .conftest import FIXTURES, rows
from .test_text_once import _EXPORT_TIME, _export_all, _without_page_attributes

V4 = FIXTURES / "schema_v4.jiaokan"
V4_EXPORTS = FIXTURES / "schema_v4_exports"
V4_SEARCH = json.loads((FIXTURES / "schema_v4_search.json").read_text(encoding="utf-8"))

_TEXTS = (
    "SELECT a.id, (SELECT group_concat(t.text, char(10)) FROM"
    " (SELECT text FROM blocks WHERE article_id = a.id ORDER BY position) t) FROM articles a"
)


def _upgraded(tmp_path: Path) -> Path:
    path = tmp_path / V4.name  # exports name the project after its file
    shutil.copyfile(V4, path)
    return path


def test_upgrade_keeps_texts_annotations_edits_and_exports(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    texts = dict(rows(path, _TEXTS))
    annotations = rows(path, "SELECT * FROM annotations ORDER BY id")
    edits = rows(path, "SELECT * FROM edits ORDER BY id")
    assert edits and annotations, "the fixture holds edits and annotations"
    assert rows(path, "SELECT count(folded) FROM search_folds")[0][0] > 0, "schema 4 kept folded copies"
    before = {f.suffix.lstrip("."): _EXPORT_TIME.sub("<time>", f.read_text("utf-8")) for f in V4_EXPORTS.iterdir()}
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION
        assert {a: p.get_article(a).text for a in texts} == texts
        after = _export_all(p, tmp_path / "exports", V4_EXPORTS)
        sources = [s for (s,) in rows(path, "SELECT id FROM sources")]
        labels = {page_label(a.name, a.number) for a in map(p.source_attributes, sources)} - {""}
    assert set(before) == {"jsonl", "csv", "w3c", "tei", "markdown", "text"}
    for name in before:  # schema 5 adds the page's attributes; the rest is as schema 4 wrote it
        assert _without_page_attributes(name, after[name], labels) == before[name], name
    assert rows(path, "SELECT * FROM annotations ORDER BY id") == annotations
    assert rows(path, "SELECT * FROM edits ORDER BY id") == edits
    tables = {name for (name,) in rows(path, "SELECT name FROM sqlite_schema")}
    assert "search_folds" not in tables and "search_articles" in tables
    # every article indexed again, with no copy of its text beside its blocks
    assert dict(rows(path, "SELECT article_id, text FROM search_docs")) == texts
    assert rows(path, "SELECT count(indexed_text) FROM search_articles") == [(0,)]


def test_upgrade_gives_the_same_hits_and_totals(tmp_path: Path) -> None:
    assert len(V4_SEARCH) > 50 and any(r["hits"] for r in V4_SEARCH if r["regex"])
    with Project.open(_upgraded(tmp_path)) as p:
        for recorded in V4_SEARCH:
            r = p.search(recorded["query"], regex=recorded["regex"], limit=10_000)
            assert [[h.article_id, h.start, h.end] for h in r.hits] == recorded["hits"], recorded["query"]
            assert r.total == recorded["total"] and r.total_is_exact, recorded["query"]


def test_an_edit_leaves_no_text_beside_the_blocks(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    with Project.open(path) as p:
        article = p.get_article(p.article_ids(1)[0])
        p.correct(article.id, 0, 2, "ＸＹ")
        assert any(h.article_id == article.id and h.start == 0 for h in p.search("xy").hits)
        p.split_block(p.get_article(article.id).blocks[0].id, 1)
        assert not any(h.article_id == article.id for h in p.search("xy").hits)  # split between x and y
        p.revert(p.history(article.id)[-1].id)
        assert any(h.article_id == article.id and h.start == 0 for h in p.search("xy").hits)
    assert rows(path, "SELECT count(indexed_text) FROM search_articles") == [(0,)]
    assert rows(path, "SELECT count(*) FROM search_articles") == rows(path, "SELECT count(*) FROM articles")


def _engine_runs(project: Project) -> dict[int, list]:
    from db import engine_record

    with project._cx.read() as conn:
        return {
            b.block_id: b.runs
            for s in project.list_sources()
            for a in engine_record.for_source(conn, s.id)
            for b in a.blocks
        }


def test_the_engine_record_keeps_its_runs_through_edits_stored_once(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    with Project.open(path) as p:
        recorded = _engine_runs(p)
        assert recorded and all(recorded.values())
        blocks_of = {a: p.get_article(a).blocks for s in p.list_sources() for a in p.article_ids(s.id)}
        unchanged = sum(1 for bs in blocks_of.values() for b in bs if b.id in recorded and b.runs == recorded[b.id])
        article = next(a for a, bs in blocks_of.items() if len(bs) > 2)
        p.correct(article, 1, 3, "ＸＹＺ")  # the first block's runs change
        p.join_with_next(p.get_article(article).blocks[1].id)  # a block is deleted
        assert _engine_runs(p) == recorded
        p.revert(p.history(article)[-1].id)  # the block comes back with its id
        assert _engine_runs(p) == recorded
    # only blocks an edit touched (before the upgrade, or of the article edited here) keep a copy
    kept = rows(path, "SELECT count(*) FROM engine_blocks WHERE runs != ''")[0][0]
    assert 0 < kept <= (len(recorded) - unchanged) + len(blocks_of[article]) + 1 < len(recorded) // 2
