"""Importing sources: verbatim storage, skipping identical content, versions, blocks and raw maps."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import reader
from db import Project
from db.models import BlockRole, ImportStatus

from .conftest import SAMPLE_PAGES, SMALL_PAGE


def test_source_stored_verbatim(project: Project, source_id: int) -> None:
    src = project.get_source(source_id)
    data = SMALL_PAGE.read_bytes()
    assert project.raw_bytes(source_id) == data
    assert src.raw_text == data.decode("utf-8")
    assert src.sha256 == hashlib.sha256(data).hexdigest()
    assert src.path == str(SMALL_PAGE.resolve()) and src.name == SMALL_PAGE.name
    assert src.encoding == "utf-8" and src.version == 1 and src.previous_id is None
    assert src.engine_version == reader.ENGINE_VERSION
    assert src.imported_at.endswith("+00:00")
    assert src.extractor == "column-lines"


def test_articles_and_blocks_as_the_engine_made_them(project: Project, source_id: int) -> None:
    src = project.get_source(source_id)
    doc = reader.reflow_text(src.raw_text, SMALL_PAGE.name, src.encoding)
    ids = project.article_ids(source_id)
    assert len(ids) == len(doc.articles)
    for article_id, engine_article in zip(ids, doc.articles, strict=True):
        article = project.get_article(article_id)
        assert article.kind == engine_article.kind.value
        assert article.text == "\n".join(b.text for b in article.blocks)
        expected = [t.text for _, t in engine_article.traced_fields() if t]
        assert sorted(b.text for b in article.blocks) == sorted(expected)
        for block in article.blocks:
            assert block.original_text == block.text
            for t0, r0, n in block.runs:  # the raw map points at the very characters
                assert src.raw_text[r0 : r0 + n] == block.text[t0 : t0 + n]
        if engine_article.kind is reader.ArticleKind.PHOTO:
            assert {b.role for b in article.blocks} <= {
                BlockRole.TITLE,
                BlockRole.CAPTION,
                BlockRole.SUBHEAD,
                BlockRole.KICKER,
                BlockRole.SUBTITLE,
                BlockRole.BYLINE,
            }
            assert BlockRole.CAPTION in {b.role for b in article.blocks}
        if engine_article.title:
            assert engine_article.title.text in article.headline
    first = project.get_article(ids[0])
    roles = [b.role for b in first.blocks]
    assert roles.index(BlockRole.TITLE) < roles.index(BlockRole.PARAGRAPH)


def test_runs_are_compact_json(project: Project, source_id: int, project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    runs = conn.execute("SELECT runs FROM block_store LIMIT 1").fetchone()[0]
    conn.close()
    assert " " not in runs and isinstance(json.loads(runs), list)


def test_identical_content_is_skipped(project: Project, source_id: int, tmp_path: Path) -> None:
    again = project.import_file(SMALL_PAGE)
    assert again.status is ImportStatus.SKIPPED and again.source_id == source_id
    assert "already imported" in again.reason
    copy = tmp_path / "elsewhere.txt"
    shutil.copyfile(SMALL_PAGE, copy)
    assert project.import_file(copy).status is ImportStatus.SKIPPED
    assert project.count_sources() == 1


def test_changed_file_becomes_a_new_version(project: Project, tmp_path: Path, tag_id: int) -> None:
    page = tmp_path / "page.txt"
    text = SMALL_PAGE.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    first = project.import_file(page)
    assert first.status is ImportStatus.IMPORTED
    old_article = project.article_ids(first.source_id)[0]
    old_text = project.get_article(old_article).text
    start = old_text.index("法律援助站")
    ann = project.annotate(old_article, tag_id, start, start + 5, note="keep me")
    project.correct(old_article, 0, 1, "Ｘ")
    page.write_text(text.replace("心理驿站", "心理驛站"), encoding="utf-8")  # same width: same layout
    second = project.import_file(page)
    assert second.status is ImportStatus.NEW_VERSION
    new = project.get_source(second.source_id)
    assert new.version == 2 and new.previous_id == first.source_id
    old = project.get_source(first.source_id)
    assert old.superseded and not new.superseded
    # the old version's work is untouched
    assert project.get_article(old_article).text[0] == "Ｘ"
    assert project.annotation(ann.id).start == start and project.annotation(ann.id).article_id == old_article
    assert len(project.history(old_article)) == 1
    # the annotation was carried over to the new version, re-anchored
    new_article = project.article_ids(second.source_id)[0]
    copies = project.annotations(new_article)
    assert len(copies) == 1 and copies[0].copied_from == ann.id and copies[0].note == "keep me"
    copy = copies[0]
    assert not copy.orphaned and project.get_article(new_article).text[copy.start : copy.end] == "法律援助站"
    # sources list shows the latest versions; versions can be listed
    assert [s.id for s in project.list_sources()] == [second.source_id]
    assert [s.version for s in project.source_versions(first.source_id)] == [1, 2]
    # re-importing version 2 is a skip, not a version 3
    assert project.import_file(page).status is ImportStatus.SKIPPED


def test_reflow_source_makes_next_version(project: Project, source_id: int) -> None:
    outcome = project.reflow_source(source_id)
    assert outcome.status is ImportStatus.NEW_VERSION
    assert project.get_source(outcome.source_id).version == 2
    assert project.count_articles(outcome.source_id) == project.count_articles(source_id)


def test_encodings(project: Project, tmp_path: Path) -> None:
    text = SMALL_PAGE.read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("职工", "職工").encode("utf-8"))
    for name, encoding in (("gbk.txt", "gb18030"), ("utf16.txt", "utf-16-le"), ("bom.txt", "utf-8")):
        outcome = project.import_file(tmp_path / name)
        assert outcome.status is ImportStatus.IMPORTED, outcome.reason
        src = project.get_source(outcome.source_id)
        assert src.encoding == encoding
        assert project.raw_bytes(outcome.source_id) == (tmp_path / name).read_bytes()


def test_sample_pages_import(project: Project) -> None:
    report = project.import_paths(SAMPLE_PAGES)
    assert report.count(ImportStatus.IMPORTED) == len(SAMPLE_PAGES), [o.reason for o in report.failed]
    assert all(o.articles > 0 for o in report.outcomes)


def test_worker_processes_import_the_same(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    text = SMALL_PAGE.read_text(encoding="utf-8")
    for i in range(6):
        (folder / f"{i}.txt").write_text(text.replace("青禾县", f"青禾{i}县"), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    report = project.import_paths([folder], workers=2)
    assert report.count(ImportStatus.IMPORTED) == 6 and [o.reason for o in report.failed] == ["the file is empty"]
    with Project.open(tmp_path / "serial.jiaokan") as serial:
        serial.import_paths([folder])
        for a, b in zip(project.list_sources(), serial.list_sources(), strict=True):
            assert (
                project.get_article(project.article_ids(a.id)[0]).text
                == serial.get_article(serial.article_ids(b.id)[0]).text
            )
    assert len(project.search("青禾3县").hits) >= 1
