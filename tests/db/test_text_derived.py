"""Schema 7: a block the engine made stores no text (its runs' slices of the raw text give it).

``fixtures/schema_v6.jiaokan`` and its exports were made by schema-6 code
(``fixtures/make_v6_project.py``): imports in three encodings and edits of every kind. The
upgrade must give back every block, text, run, edit and annotation as they were, and the same
exports; new imports and edits must keep texts exact while storing only what changed.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Project, derived_text

from .conftest import FIXTURES, SAMPLE_PAGES, SMALL_PAGE, rows
from .test_search_upgrade import _TEXTS as _TEXTS_BY_ARTICLE
from .test_text_once import _EXPORT_TIME, _export_all

V6 = FIXTURES / "schema_v6.jiaokan"
V6_EXPORTS = FIXTURES / "schema_v6_exports"

_BLOCKS = "SELECT id, article_id, position, role, text, runs, original_text FROM blocks ORDER BY id"
_TEXTS = _TEXTS_BY_ARTICLE + " ORDER BY a.id"


def _upgraded(tmp_path: Path) -> Path:
    shutil.copyfile(V6, tmp_path / V6.name)  # exports name the project after its file
    return tmp_path / V6.name


def _plain_rows(path: Path, sql: str) -> list[tuple]:
    """Rows read with no function of ours registered: what schema 6 holds."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_upgrade_from_schema_6_gives_back_every_block_text_edit_and_annotation(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    assert _plain_rows(path, "PRAGMA user_version") == [(6,)]
    blocks = _plain_rows(path, _BLOCKS)
    texts = _plain_rows(path, _TEXTS)
    raw = _plain_rows(path, "SELECT id, raw_text, raw_bytes FROM sources ORDER BY id")
    keep = {t: _plain_rows(path, f"SELECT * FROM {t} ORDER BY 1") for t in ("edits", "annotations", "engine_blocks")}
    assert len(keep["edits"]) >= 8 and keep["annotations"]
    edited = [b for b in blocks if b[6] is not None]
    assert edited, "the fixture holds edited blocks"
    before = {f.suffix.lstrip("."): _EXPORT_TIME.sub("<time>", f.read_text("utf-8")) for f in V6_EXPORTS.iterdir()}
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION == 7
        assert [(a, p.get_article(a).text) for a, _ in texts] == texts
        assert {s: p.get_source(s).raw_text for s, _, _ in raw} == {s: t for s, t, _ in raw}
        assert {s: p.raw_bytes(s) for s, _, b in raw if b is not None} == {s: b for s, _, b in raw if b is not None}
        after = _export_all(p, tmp_path / "exports", V6_EXPORTS)
    assert after == before
    assert rows(path, _BLOCKS) == blocks
    assert rows(path, _TEXTS) == texts
    for table, content in keep.items():
        assert rows(path, f"SELECT * FROM {table} ORDER BY 1") == content, table
    # stored: only the texts that are not their runs' slices (what edits wrote)
    stored = rows(path, "SELECT count(text) FROM block_store")[0][0]
    assert 0 < stored <= len(edited) + 2 < len(blocks) // 3
    assert rows(path, "SELECT id, raw_text, raw_bytes FROM sources ORDER BY id") == raw


def test_the_upgraded_project_edits_and_numbers_new_blocks_after_the_old_ones(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    highest = _plain_rows(path, "SELECT seq FROM sqlite_sequence WHERE name = 'blocks'")[0][0]
    with Project.open(path) as p:
        article = p.get_article(p.article_ids(2)[0])
        p.split_block(article.blocks[-1].id, 2)
        new = p.get_article(article.id).blocks[-1]
        assert new.id == highest + 1
        assert p.get_article(article.id).text == article.text[: -len(article.blocks[-1].text) + 2] + "\n" + (
            article.blocks[-1].text[2:]
        )


@pytest.fixture
def imported(project: Project) -> Project:
    project.import_paths([SMALL_PAGE, *SAMPLE_PAGES], workers=1)
    return project


def test_an_import_stores_no_block_text_and_gives_every_text_back(imported: Project) -> None:
    path = imported.path
    assert rows(path, "SELECT count(*), count(text) FROM block_store")[0][1] == 0
    for source in imported.list_sources():
        raw = imported.get_source(source.id).raw_text
        for article_id in imported.article_ids(source.id):
            for block in imported.get_article(article_id).blocks:
                assert block.text == "".join(raw[r0 : r0 + n] for _, r0, n in block.runs)
                assert block.original_text == block.text  # unchanged since import


def test_an_edit_stores_the_text_it_made_and_its_revert_stores_none_again(imported: Project) -> None:
    path = imported.path
    article = imported.get_article(imported.article_ids(1)[0])
    block = article.blocks[1]
    start = article.text.index(block.text)
    entry = imported.correct(article.id, start + 1, start + 2, "〇")
    changed = imported.get_article(article.id).blocks[1]
    assert changed.text == block.text[0] + "〇" + block.text[2:] and changed.original_text == block.text
    assert rows(path, f"SELECT text FROM block_store WHERE id = {block.id}") == [(changed.text,)]
    imported.revert(entry.id)
    assert imported.get_article(article.id).text == article.text
    assert rows(path, f"SELECT text FROM block_store WHERE id = {block.id}") == [(None,)]
    assert rows(path, "SELECT count(text) FROM block_store") == [(0,)]


def test_a_block_moved_to_another_page_keeps_its_text(imported: Project) -> None:
    """Its runs name the raw text of the page it came from: the text is stored before it moves."""
    path = imported.path
    first, second = (imported.article_ids(s.id)[0] for s in imported.list_sources()[:2])
    block = imported.get_article(first).blocks[-1]
    conn = derived_text.install(sqlite3.connect(path))
    try:
        with conn:
            conn.execute("UPDATE blocks SET article_id = ?, position = 99 WHERE id = ?", (second, block.id))
        assert conn.execute("SELECT text FROM blocks WHERE id = ?", (block.id,)).fetchone() == (block.text,)
        assert conn.execute("SELECT text FROM block_store WHERE id = ?", (block.id,)).fetchone() == (block.text,)
    finally:
        conn.close()


def test_a_block_inserted_without_its_id_is_refused(imported: Project) -> None:
    conn = derived_text.install(sqlite3.connect(imported.path))
    try:
        with pytest.raises(sqlite3.IntegrityError, match="needs its id"):
            conn.execute("INSERT INTO blocks (article_id, position, role, text) VALUES (1, 9, 'paragraph', 'x')")
    finally:
        conn.close()


def test_the_view_reads_a_page_it_no_longer_holds(imported: Project, monkeypatch) -> None:
    """A connection keeps a few pages' raw text; blocks of many pages, read in turn, still read right."""
    monkeypatch.setattr(derived_text, "CACHED_PAGES", 1)
    conn = derived_text.install(sqlite3.connect(imported.path))
    try:
        expected = {}
        for source in imported.list_sources():
            raw = imported.get_source(source.id).raw_text
            for article_id in imported.article_ids(source.id):
                for block in imported.get_article(article_id).blocks:
                    expected[block.id] = "".join(raw[r0 : r0 + n] for _, r0, n in block.runs)
        for _ in range(2):  # pages read again after others pushed them out
            for block_id, text in expected.items():
                assert conn.execute("SELECT text FROM blocks WHERE id = ?", (block_id,)).fetchone() == (text,)
    finally:
        conn.close()


def test_the_slices_of_a_block_and_when_they_are_its_text() -> None:
    raw = "第一行\n第二行文字\n"
    assert derived_text.slices(raw, [(0, 0, 3), (3, 4, 5)]) == "第一行第二行文字"
    assert derived_text.derivable("第一行第二行文字", raw, [(0, 0, 3), (3, 4, 5)])
    assert not derived_text.derivable("第一行〇第二行文字", raw, [(0, 0, 3), (4, 4, 5)])  # an insertion
    assert not derived_text.derivable("第一行第二", raw, [(0, 0, 3), (3, 4, 5)])
