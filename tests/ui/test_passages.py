"""The Coded Passages view against a real project (issue 13, item 3): counts, filters, jump, CSV."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest

from ui.docks import in_front
from ui.passages_model import PAGE, PASSAGE

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def coded(window, messages):
    """Two coders tag words of every article: a parent tag and a child tag."""
    project = window.store.project
    parent = project.add_tag("职工诉求", colour="#c0392b")
    child = project.add_tag("议事渠道", parent_id=parent.id, colour="#e67e22")
    other = project.add_tag("其他", colour="#2e86c1")
    made = {"parent": [], "child": [], "other": []}
    for s_index, source in enumerate(project.list_sources()):
        for k, article_id in enumerate(project.article_ids(source.id)):
            text = project.get_article(article_id).text
            project.author = ("林校对", "周研究员")[k % 2]
            for key, tag, at in (("parent", parent, 2), ("child", child, 8), ("other", other, 14)):
                if len(text) > at + 4:
                    made[key].append(project.annotate(article_id, tag.id, at, at + 4))
            project.set_review_state(article_id, ("proofread", "unreviewed")[k % 2])
        del s_index
    window.editing.reload_codebook()
    return window, project, parent, child, made


def open_view(window, tag_id):
    QTest.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    desk = window.passages
    assert in_front(desk.dock)
    desk.panel.choose_tag(tag_id)
    return desk.panel


def test_every_passage_of_a_tag_and_its_children(coded):
    window, project, parent, child, made = coded
    panel = open_view(window, parent.id)
    model = panel.model
    QAbstractItemModelTester(model, FATAL)
    assert model.rowCount() == len(made["parent"]) + len(made["child"])
    assert panel.count.text() == f"{model.rowCount()} passages"
    panel.children_box.setChecked(False)
    assert model.rowCount() == len(made["parent"])
    panel.children_box.setChecked(True)
    paths = {model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert paths == {"职工诉求", "职工诉求/议事渠道"}
    first = model.passage(0)
    assert model.data(model.index(0, PASSAGE)) == first.quote
    assert first.quote in model.data(model.index(0, 5)) and first.source_name == model.data(model.index(0, 0))


def test_filters_by_page_coder_state_and_date(coded):
    window, project, parent, child, made = coded
    panel = open_view(window, parent.id)
    model = panel.model
    everything = made["parent"] + made["child"]
    sources = {a.article_id: project.get_article(a.article_id).source_id for a in everything}
    first_source = project.list_sources()[0].id
    panel.source.setCurrentIndex(panel.source.findData(first_source))
    assert model.rowCount() == sum(1 for a in everything if sources[a.article_id] == first_source)
    panel.source.setCurrentIndex(0)
    panel.coder.setCurrentIndex(panel.coder.findData("周研究员"))
    assert model.rowCount() == sum(1 for a in everything if a.author == "周研究员") > 0
    panel.coder.setCurrentIndex(0)
    panel.state.setCurrentIndex(panel.state.findData("proofread"))
    proofread = [a for a in everything if project.get_article(a.article_id).review_state.value == "proofread"]
    assert model.rowCount() == len(proofread) > 0
    panel.state.setCurrentIndex(0)
    # a page's date comes from its running header ("2025年 9月 3日" on the first sample page)
    dates = {model.passage(r).source_date for r in range(model.rowCount())}
    day = sorted(d for d in dates if d)[0]
    panel.date_from.setText(day)
    panel.date_to.setText(day)
    panel.refresh()
    assert model.rowCount() == sum(1 for r in range(model.rowCount()) if model.passage(r).source_date == day) > 0
    panel.date_from.setText("2100-01-01")
    panel.refresh()
    assert model.rowCount() == 0 and not panel.export_button.isEnabled()


def test_jump_to_the_passage(coded):
    window, project, parent, child, made = coded
    panel = open_view(window, child.id)
    row = panel.model.rowCount() - 1
    target = panel.model.passage(row)
    panel.table.doubleClicked.emit(panel.model.index(row, 4))
    assert window.article.id == target.article_id
    assert window.article_view.selected_range() == (target.start, target.end)


def test_the_view_follows_changes_and_exports_what_it_lists(coded, tmp_path, qtbot):
    window, project, parent, child, made = coded
    panel = open_view(window, parent.id)
    before = panel.model.rowCount()
    window.article_view.select_range(20, 26)
    window.editing.apply_tag(parent.id)  # through the desk: the view refreshes itself
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1)
    path = tmp_path / "passages.csv"
    assert panel.export_csv(str(path)) == before + 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert len(rows) == before + 1
    assert {r["tag"] for r in rows} == {"职工诉求", "职工诉求/议事渠道"}
    assert rows[0]["passage"] == panel.model.passage(0).quote and rows[0]["page_date"] is not None


def test_rows_are_read_a_page_at_a_time(window, messages):
    project = window.store.project
    tag = project.add_tag("密集")
    article_id = window.article.id
    text_length = len(window.article.text)
    project.annotate_many([(article_id, tag.id, i % (text_length - 3), i % (text_length - 3) + 2)
                           for i in range(3 * PAGE + 7)])
    window.editing.reload_codebook()
    panel = open_view(window, tag.id)
    model = panel.model
    assert model.rowCount() == 3 * PAGE + 7
    assert model.fetches <= 1  # the rows the table shows, not all of them
    model.data(model.index(3 * PAGE + 5, 0))
    assert model.fetches <= 2


def test_tag_memo_is_edited_in_the_codebook_and_undone(window, messages):
    tag = window.editing.new_tag(name="人物")
    window.editing.codebook.choose(tag.id)
    assert window.editing.edit_tag_memo(tag, "报道中出现的人")
    assert window.store.project.tag(tag.id).description == "报道中出现的人"
    model = window.editing.codebook.model
    assert "报道中出现的人" in model.data(model.index_of(tag.id), Qt.ItemDataRole.ToolTipRole)
    window.editing.undo()
    assert window.store.project.tag(tag.id).description == ""
