"""The article text model: blocks, offset maps both ways, paged lists, review progress."""

from __future__ import annotations

import pytest

from db import Project, StoreError
from db.models import ReviewState

from .conftest import SAMPLE_PAGES


def test_locate_and_back(project: Project, article_id: int) -> None:
    article = project.get_article(article_id)
    pos = 0
    for index, block in enumerate(article.blocks):
        for k in range(len(block.text) + 1):
            loc = project.locate(article_id, pos + k)
            assert (loc.block_index, loc.block_id, loc.offset_in_block) == (index, block.id, k)
            assert project.article_offset(block.id, k) == pos + k
        pos += len(block.text) + 1
    with pytest.raises(StoreError):
        project.locate(article_id, len(article.text) + 1)


def test_raw_offsets_both_ways(project: Project, source_id: int, article_id: int) -> None:
    raw = project.get_source(source_id).raw_text
    article = project.get_article(article_id)
    checked = 0
    for offset, ch in enumerate(article.text):
        r = project.raw_offset(article_id, offset)
        if ch == "\n":
            assert r is None
            continue
        assert r is not None and raw[r] == ch
        back = project.locate_raw(source_id, r)
        assert back is not None and back.article_id == article_id and back.article_offset == offset
        checked += 1
    assert checked == len(article.text) - (len(article.blocks) - 1)
    spans = project.raw_spans(article_id, 0, len(article.text))
    assert sum(b - a for a, b in spans) == checked
    assert all(raw[a:b] for a, b in spans)


def test_raw_offset_outside_articles(project: Project, source_id: int) -> None:
    src = project.get_source(source_id)
    furniture_text, runs = src.furniture[0]
    assert project.locate_raw(source_id, runs[0][1]) is None  # page furniture belongs to no article
    assert furniture_text


def test_lists_are_paged(project: Project) -> None:
    project.import_paths(SAMPLE_PAGES)
    sources = project.list_sources()
    assert [s.id for s in project.list_sources(limit=1, offset=1)] == [sources[1].id]
    sid = sources[0].id
    all_rows = project.list_articles(sid)
    assert [r.position for r in all_rows] == list(range(len(all_rows)))
    assert project.list_articles(sid, limit=2, offset=1) == all_rows[1:3]
    assert all(r.length == len(project.get_article(r.id).text) for r in all_rows)
    assert project.count_articles(sid) == len(all_rows) == sources[0].article_count


def test_review_state_and_progress(project: Project, source_id: int) -> None:
    ids = project.article_ids(source_id)
    project.set_review_state(ids[0], "proofread")
    project.set_review_state(ids[1], ReviewState.IN_PROGRESS)
    progress = project.progress(source_id)
    assert (progress.unreviewed, progress.in_progress, progress.proofread) == (len(ids) - 2, 1, 1)
    summary = project.list_sources()[0]
    assert summary.progress == progress and summary.progress.total == len(ids)
    assert project.get_article(ids[0]).review_state is ReviewState.PROOFREAD
    with pytest.raises(StoreError, match="unknown review state"):
        project.set_review_state(ids[0], "done")


def test_notes(project: Project, article_id: int) -> None:
    note = project.add_note(article_id, "check the date")
    assert project.update_note(note.id, "checked").text == "checked"
    assert [n.text for n in project.get_article(article_id).notes] == ["checked"]
    project.delete_note(note.id)
    assert project.notes(article_id) == []


def test_summary_lead_stands_in_for_a_missing_headline(project: Project, tmp_path) -> None:
    page = tmp_path / "jump.txt"
    page.write_text("（上接第1版）\n\n澜州港集团还与职工代表签订了安全生产承诺书。\n", encoding="utf-8")
    outcome = project.import_file(page)
    summaries = project.list_articles(outcome.source_id)
    assert [s.headline for s in summaries] == [""]
    assert summaries[0].lead == "（上接第1版）"
    titled = project.list_articles(project.list_sources()[0].id)
    assert all(s.lead == "" for s in titled if s.headline)
