"""The engine's doubts in the desk, driven as an editor would: F9, "looks right", a join, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest

from db import Project, sources
from ui.doubts import DoubtActionId as D

from .conftest import SAMPLES

M = Qt.KeyboardModifier
CTRL, SHIFT = M.ControlModifier, M.ShiftModifier
PAGE_A, PAGE_B = SAMPLES / "page_a1.txt", SAMPLES / "page_b1.txt"

#: (page, article index, block index) → the engine's confidence in the boundary before the block;
#: block None: the article's own confidence (that it starts where it does).
CONFIDENCES = {
    (PAGE_A, 0, 5): 0.35,  # a paragraph break in the first article of page A
    (PAGE_A, 0, 8): 0.9,  # above the threshold: no doubt
    (PAGE_A, 2, None): 0.4,  # the start of page A's third article
    (PAGE_B, 1, 2): 0.55,  # a paragraph break on page B
}


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A real project file: the two sample pages imported, the engine's confidences set as above."""
    path = tmp_path / "doubts.jiaokan"
    with Project.open(path, author="editor") as project:
        for page in (PAGE_A, PAGE_B):
            prep = sources.prepare(page.read_bytes(), str(page))
            for art in prep.articles:  # sure everywhere but where the test says: the worklist, not the engine
                art.confidence = 1.0
                for b in art.blocks:
                    b.confidence = 1.0
            for (where, article, block), value in CONFIDENCES.items():
                if where != page:
                    continue
                target = prep.articles[article]
                if block is None:
                    target.confidence = value
                else:
                    target.blocks[block].confidence = value
            assert sources.store(project._cx, prep).source_id is not None
    return path


def key(window, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.article_view, k, modifiers)


def cursor(window) -> int:
    view = window.article_view
    return view._map.to_code_point(view.textCursor().position())


def ids(window) -> tuple[list[int], list[int]]:
    project = window.store.project
    a, b = (s.id for s in project.list_sources())
    return project.article_ids(a), project.article_ids(b)


def state_text(window, index: QModelIndex) -> str:
    return window.library_model.data(index.siblingAtColumn(1))


def test_f7_steps_through_the_doubts_across_articles_and_pages(window):
    a, b = ids(window)
    assert window.article.id == a[0] and cursor(window) == 0
    key(window, Qt.Key.Key_F9)
    # the paragraph break before block 5 of the first article: the cursor ends the paragraph before it
    assert window.article.id == a[0]
    assert cursor(window) == window.article.block_starts()[5] - 1
    assert window.doubts.current().block_id == window.article.blocks[5].id
    assert "paragraph break (35% sure). 1 of 3" in window.statusBar().currentMessage()
    key(window, Qt.Key.Key_F9)
    assert window.article.id == a[2] and cursor(window) == 0  # an article start: the top of the article
    assert "article starts here (40% sure). 2 of 3" in window.statusBar().currentMessage()
    key(window, Qt.Key.Key_F9)
    assert window.article.id == b[1] and cursor(window) == window.article.block_starts()[2] - 1
    assert window.library.currentIndex().parent().row() == 1  # the library follows to page B
    assert window.statusBar().currentMessage().endswith("3 of 3")
    key(window, Qt.Key.Key_F9)
    assert window.article.id == a[0] and "Round again" in window.statusBar().currentMessage()
    key(window, Qt.Key.Key_F9, SHIFT)
    assert window.article.id == b[1]
    key(window, Qt.Key.Key_F9, SHIFT)
    assert window.article.id == a[2]
    # from a cursor put anywhere by hand, F9 goes to the next doubt after it
    window.open_article(a[0])
    window.article_view.select_range(window.article.block_starts()[6] + 2, window.article.block_starts()[6] + 2)
    key(window, Qt.Key.Key_F9)
    assert window.article.id == a[2]


def test_marks_in_the_margin_and_in_the_raw_text(window):
    a, _ = ids(window)
    key(window, Qt.Key.Key_F9)
    marks = window.doubts.article_marks.marks
    assert [(m.at, m.current) for m in marks] == [(5, True)]
    assert "35%" in marks[0].tip and "Ctrl+J" in marks[0].tip
    # page A's raw text carries both of its doubts, at the first character of each block after the boundary
    raw = window.store.project.get_source(window.article.source_id).raw_text
    assert len(window.doubts.raw_marks.marks) == 2
    [here] = [m for m in window.doubts.raw_marks.marks if m.current]
    assert raw[here.at] == window.article.blocks[5].text[0]
    # the mark is on screen, left of the text, and hovering it explains it
    [(box, mark)] = window.doubts.article_marks.hit_boxes()
    left = window.article_view.document().rootFrame().frameFormat().leftMargin()
    assert 0 <= box.center().y() <= window.article_view.viewport().height() and box.left() < left
    assert mark is marks[0]
    assert window.doubts.article_marks.mark_at(QPoint(int(box.center().x()), int(box.center().y()))) is mark
    assert window.doubts.raw_marks.hit_boxes()
    assert window.doubts.badge.isVisible() and window.doubts.badge.text().startswith("1 doubtful boundary")
    window.open_article(a[1])
    assert window.doubts.article_marks.marks == [] and not window.doubts.badge.isVisible()


def test_looks_right_updates_the_counts_at_once_and_undo_brings_the_doubt_back(window):
    a, _ = ids(window)
    window.open_article(a[2])
    source = window.library.currentIndex().parent()
    article = window.library.currentIndex()
    assert state_text(window, source).endswith("2 doubts")
    assert state_text(window, article).endswith("1 doubt")
    icon = Qt.ItemDataRole.DecorationRole
    assert window.library_model.data(article, icon) is not None  # the question mark by the headline
    window.open_article(a[0])
    key(window, Qt.Key.Key_F9, SHIFT)  # backwards from the first article: round to the last doubt (page B)
    key(window, Qt.Key.Key_F9, SHIFT)  # page A, third article: its start
    assert window.article.id == a[2]
    key(window, Qt.Key.Key_L, CTRL | SHIFT)
    assert state_text(window, source).endswith("1 doubt")  # no waiting for a refresh
    assert "doubt" not in state_text(window, article) and window.library_model.data(article, icon) is None
    assert window.doubts.article_marks.marks == [] and not window.doubts.badge.isVisible()
    assert window.store.project.doubts.is_checked(window.article.blocks[0].id)
    assert window.editing.stack.undoText() == "Boundary looks right"
    key(window, Qt.Key.Key_Z, CTRL)
    assert state_text(window, source).endswith("2 doubts") and state_text(window, article).endswith("1 doubt")
    assert [m.at for m in window.doubts.article_marks.marks] == [0]
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert state_text(window, source).endswith("1 doubt")
    # the worklist now skips it
    window.open_article(a[0])
    key(window, Qt.Key.Key_F9)
    key(window, Qt.Key.Key_F9)
    assert window.article.id == ids(window)[1][1]


def test_a_join_at_the_boundary_resolves_it_and_undo_reopens_it(window):
    a, _ = ids(window)
    key(window, Qt.Key.Key_F9)
    blocks = len(window.article.blocks)
    source = window.library.currentIndex().parent()
    key(window, Qt.Key.Key_J, CTRL)  # the cursor ends the paragraph before the doubtful break: join them
    assert len(window.article.blocks) == blocks - 1
    assert window.doubts.article_marks.marks == []
    assert "doubt" not in state_text(window, window.library.currentIndex())
    assert state_text(window, source).endswith("1 doubt")
    key(window, Qt.Key.Key_Z, CTRL)
    assert len(window.article.blocks) == blocks
    assert [m.at for m in window.doubts.article_marks.marks] == [5]
    assert state_text(window, window.library.currentIndex()).endswith("1 doubt")


def test_looks_right_away_from_a_doubt_says_so(window):
    window.article_view.select_range(3, 3)
    key(window, Qt.Key.Key_L, CTRL | SHIFT)
    assert "No doubtful boundary at the cursor" in window.statusBar().currentMessage()
    assert window.editing.stack.count() == 0


def test_the_keys_are_listed_with_the_others(window):
    rows = dict(window.actions.shortcut_rows())
    assert rows["Next Doubtful Boundary"] == "F9"
    assert rows["Previous Doubtful Boundary"] == "Shift+F9"
    assert rows["Looks Right"] == "Ctrl+Shift+L"
    keys = [k for _, k in window.actions.shortcut_rows() for k in k.split(", ")]
    assert len(keys) == len(set(keys)), "a key is bound twice"
    assert window.doubts.actions[D.LOOKS_RIGHT] in window.editing.structure_menu.actions()


def test_the_engine_report_in_the_reports_panel(window):
    a, _ = ids(window)
    key(window, Qt.Key.Key_F9)
    key(window, Qt.Key.Key_J, CTRL)  # the engine's break was wrong: the editor joins the paragraphs
    window.editing.set_review("proofread")
    window.exchange.show_report("engine")
    panel = window.exchange.reports
    assert panel.kind.currentText() == "Engine against the editors (proofread)"
    [page_a, total] = panel.table.rows
    body = sum(1 for b in window.store.project.get_article(a[0]).blocks if b.role.value in ("paragraph", "subhead"))
    # the editor has one paragraph fewer than the engine; all but the two joined ones agree
    hits = body - 1
    f1 = 2 * hits / (body + body + 1)
    assert page_a[:5] == (PAGE_A.name, 1, 1, body, body + 1) and page_a[5] == round(f1, 3) and page_a[6] == 0.0
    assert total[0] == "Σ" and total[5] == page_a[5]
    assert panel.bars.labels == [PAGE_A.name] and panel.bars.maximum == 1.0
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "proofread articles"
    window.exchange.reports_dock.hide()


def test_moving_an_articles_first_block_back_resolves_its_start(window):
    a, _ = ids(window)
    key(window, Qt.Key.Key_F9)
    key(window, Qt.Key.Key_F9)  # the start of page A's third article
    assert window.article.id == a[2] and window.doubts.current().kind == "article"
    first = window.article.blocks[0].id
    key(window, Qt.Key.Key_Up, M.AltModifier | SHIFT)  # its first block belongs to the article before
    project = window.store.project
    assert project.get_block(first).article_id == a[1]
    assert window.doubts.count(False, a[2]) == 0 and window.doubts.total() == 2
    window.editing.undo()
    assert project.get_block(first).article_id == a[2]
    assert window.doubts.count(False, a[2]) == 1 and window.doubts.total() == 3


def test_the_doubts_speak_the_interface_language(window):
    key(window, Qt.Key.Key_F9)
    window.set_language("zh_CN")
    assert window.doubts.badge.text() == "1 处存疑分界 · F9"
    assert window.doubts.article_marks.marks[0].tip.startswith("引擎对这里分段没有把握（把握 35%）")
    source = window.library.currentIndex().parent()
    assert state_text(window, source).endswith("2 处存疑")
    window.set_language("en")
    assert window.doubts.badge.text() == "1 doubtful boundary · F9"
