"""Annotations: ranges, quotes with context, re-attaching, and fuzzy re-anchoring after rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import AnnotationError, NotFound, Project
from db.anchoring import find_anchor, locate_in_pages
from db.models import ImportStatus

from .conftest import SMALL_PAGE


def test_annotation_keeps_quote_and_context(project: Project, article_id: int, tag_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    ann = project.annotate(article_id, tag_id, s, s + 5, note="why")
    assert ann.quote == "法律援助站" and ann.note == "why" and ann.author == "tester"
    assert ann.prefix == text[s - 32 : s] and ann.suffix == text[s + 5 : s + 37]
    assert len(ann.prefix) == 32 and len(ann.suffix) == 32
    assert ann.created_at == ann.updated_at
    assert project.get_article(article_id).annotations == (ann,)
    assert project.list_articles(project.get_article(article_id).source_id)[0].annotation_count == 1


def test_bad_ranges_and_ids(project: Project, article_id: int, tag_id: int) -> None:
    length = len(project.get_article(article_id).text)
    for start, end in ((5, 5), (-1, 2), (3, 2), (0, length + 1)):
        with pytest.raises(AnnotationError):
            project.annotate(article_id, tag_id, start, end)
    with pytest.raises(NotFound):
        project.annotate(article_id, 9999, 0, 1)
    with pytest.raises(NotFound):
        project.annotate(9999, tag_id, 0, 1)


def test_update_and_reattach(project: Project, article_id: int, tag_id: int) -> None:
    other = project.add_tag("other").id
    ann = project.annotate(article_id, tag_id, 10, 14)
    project.correct(article_id, 9, 15, "")
    assert project.annotation(ann.id).orphaned
    fixed = project.update_annotation(ann.id, start=20, end=25, tag_id=other, note="moved by hand")
    assert not fixed.orphaned and fixed.quote == project.get_article(article_id).text[20:25]
    assert fixed.tag_id == other and fixed.note == "moved by hand" and fixed.updated_at >= fixed.created_at
    project.delete_annotation(ann.id)
    with pytest.raises(NotFound):
        project.annotation(ann.id)


# -- fuzzy re-anchoring ------------------------------------------------------------------------

TEXT = "本报讯 青禾县首个县级职工服务中心在县城文昌路建成开放。中心面积约1600平方米，设有职工书屋、心理驿站。"


def test_exact_anchor() -> None:
    s = TEXT.index("职工服务中心")
    anchor = find_anchor(TEXT, "职工服务中心", TEXT[:s], TEXT[s + 6 :], s)
    assert anchor is not None and (anchor.start, anchor.end, anchor.exact) == (s, s + 6, True)


def test_fuzzy_anchor_after_small_change() -> None:
    s = TEXT.index("县级职工服务中心")
    changed = TEXT.replace("服务中心", "服務中心")
    anchor = find_anchor(changed, "县级职工服务中心", TEXT[max(0, s - 32) : s], TEXT[s + 8 : s + 40], s)
    assert anchor is not None and not anchor.exact
    assert changed[anchor.start : anchor.end] == "县级职工服務中心"


def test_text_that_is_gone_is_not_placed() -> None:
    s = TEXT.index("县级职工服务中心")
    gone = TEXT.replace("县级职工服务中心", "一个新的大型商场")
    assert find_anchor(gone, "县级职工服务中心", TEXT[:s], TEXT[s + 8 :], s) is None


def test_ambiguous_short_quote_uses_context_or_gives_up() -> None:
    text = "职工书屋开放。另一处职工书屋关闭。"
    second = text.index("职工书屋", 3)
    got = find_anchor(text, "职工书屋", "开放。另一处", "关闭", None)
    assert got is not None and got.start == second
    assert find_anchor(text, "职工书屋", "毫不相干的前文", "毫不相干", None) is None


def test_match_never_crosses_articles() -> None:
    texts = {1: "甲乙丙丁", 2: "戊己庚辛"}
    assert locate_in_pages(texts, [1, 2], "丁戊", "", "", None) is None
    assert locate_in_pages(texts, [1, 2], "己庚", "戊", "辛", (2, 1)) == (2, 1, 3)


def test_unplaceable_annotation_is_orphaned_on_the_new_version(project: Project, tmp_path: Path, tag_id: int) -> None:
    page = tmp_path / "p.txt"
    text = SMALL_PAGE.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    first = project.import_file(page)
    aid = project.article_ids(first.source_id)[0]
    body = project.get_article(aid).text
    s = body.index("心理驿站、")
    kept = project.annotate(aid, tag_id, s, s + 4)
    lost = project.annotate(aid, tag_id, body.index("爱心托管室"), body.index("爱心托管室") + 5)
    page.write_text(text.replace("爱心托管室", "四季花园区"), encoding="utf-8")
    second = project.import_file(page)
    assert second.status is ImportStatus.NEW_VERSION and second.orphaned == 1
    orphans = project.orphaned_annotations(second.source_id)
    assert [o.copied_from for o in orphans] == [lost.id]
    assert orphans[0].quote == "爱心托管室"  # kept for a person to re-attach
    placed = [a for a in project.annotations(project.article_ids(second.source_id)[0]) if not a.orphaned]
    assert [a.copied_from for a in placed] == [kept.id]
    assert project.annotation(lost.id).orphaned is False  # the old version is untouched
    assert project.orphaned_annotations(first.source_id) == []
