"""Merge conflicts decided in the desk (issue 13, item 4): side by side, accept / keep ours, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.backend import ProjectStore
from ui.docks import in_front


@pytest.fixture
def conflicted(window, tmp_path, page_files, messages):
    """This project corrected a word one way; a colleague's project the same word another way; their work merged."""
    ours = window.store.project
    article_id = ours.article_ids(ours.list_sources()[0].id)[0]
    text = ours.get_article(article_id).text
    at = text.index("\n", text.index("\n") + 1) + 6  # in the first paragraph after the headline
    theirs_path = tmp_path / "colleague.jiaokan"
    theirs = ProjectStore.open(str(theirs_path))
    theirs.import_paths([str(p) for p in page_files], lambda *a: None, lambda: False)
    colleague = theirs.project
    colleague.author = "周研究员"
    their_article = colleague.article_ids(colleague.list_sources()[0].id)[0]
    assert colleague.get_article(their_article).text == text
    colleague.correct(their_article, at, at + 2, "甲乙", note="原文误植")
    export = tmp_path / "colleague.jsonl"
    with export.open("w", encoding="utf-8") as fh:
        colleague.export_jsonl(fh)
    theirs.close()
    ours.author = "林校对"
    ours.correct(article_id, at, at + 2, "丙丁")
    report = ours.merge_jsonl(export)
    assert report.conflicts == 1
    return window, article_id, at, text


def test_conflicts_side_by_side_accept_and_undo(conflicted, qtbot):
    window, article_id, at, text = conflicted
    QTest.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    desk = window.conflicts
    assert in_front(desk.dock)
    panel = desk.panel
    assert panel.table.rowCount() == 1
    conflict = panel.current()
    assert (conflict.ours, conflict.theirs, conflict.base) == ("丙丁", "甲乙", text[at : at + 2])
    assert "甲乙" in panel.views["theirs"].toPlainText() and "周研究员" in panel.views["theirs"].toPlainText()
    assert "丙丁" in panel.views["ours"].toPlainText()
    raw = window.store.raw_text(window.store.article(article_id).source_id)
    shown_raw = panel.views["raw"].toPlainText()
    assert shown_raw and shown_raw.replace("\n", "") in raw.replace("\n", "")
    assert text[at] in shown_raw  # the raw line the place was reflowed from
    # accept theirs: the text changes, the conflict is decided
    panel.accept_button.click()
    assert window.store.project.get_article(article_id).text[at : at + 2] == "甲乙"
    assert panel.table.rowCount() == 0
    # undo: our text is back, the conflict is to decide again
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.project.get_article(article_id).text[at : at + 2] == "丙丁"
    assert [c.status for c in window.store.project.conflicts(None)] == ["pending"]
    assert panel.table.rowCount() == 1
    # redo accepts again
    window.editing.redo()
    assert window.store.project.get_article(article_id).text[at : at + 2] == "甲乙"


def test_keep_ours_and_undo(conflicted):
    window, article_id, at, text = conflicted
    window.conflicts.open()
    panel = window.conflicts.panel
    panel.reject_button.click()
    project = window.store.project
    assert [c.status for c in project.conflicts(None)] == ["rejected"]
    assert project.get_article(article_id).text[at : at + 2] == "丙丁"
    assert panel.table.rowCount() == 0
    panel.decided.setChecked(True)  # decided ones can be listed
    assert panel.table.rowCount() == 1 and not panel.accept_button.isEnabled()
    window.editing.undo()
    assert [c.status for c in project.conflicts(None)] == ["pending"]
    assert panel.accept_button.isEnabled()


def test_show_in_article(conflicted):
    window, article_id, at, text = conflicted
    window.conflicts.open()
    window.open_article(window.store.project.article_ids(window.store.project.list_sources()[1].id)[0])
    window.conflicts.panel.show_button.click()
    assert window.article.id == article_id
    assert window.article_view.selected_range() == (at, at + 2)


def test_import_work_opens_the_panel(window, tmp_path, page_files, messages):
    ours = window.store.project
    article_id = ours.article_ids(ours.list_sources()[0].id)[0]
    theirs = ProjectStore.open(str(tmp_path / "c.jiaokan"))
    theirs.import_paths([str(p) for p in page_files], lambda *a: None, lambda: False)
    colleague = theirs.project
    colleague.correct(colleague.article_ids(colleague.list_sources()[0].id)[0], 30, 31, "甲")
    export = tmp_path / "c.jsonl"
    with export.open("w", encoding="utf-8") as fh:
        colleague.export_jsonl(fh)
    theirs.close()
    ours.correct(article_id, 30, 31, "乙")
    window.exchange.import_work(str(export))
    assert "Merge Conflicts panel" in messages[-1][1]
    assert in_front(window.conflicts.dock) and window.conflicts.panel.table.rowCount() == 1


@pytest.fixture
def date_conflict(window, tmp_path, page_files, messages, qapp):
    """This project and a colleague's each set the first page's date, differently; the colleague's work merged."""
    qapp.processEvents()  # the window lays itself out once shown: before the merge opens the panel
    ours = window.store.project
    source_id = ours.list_sources()[0].id
    read = ours.source_attributes(source_id)
    theirs = ProjectStore.open(str(tmp_path / "colleague.jiaokan"))
    theirs.import_paths([str(p) for p in page_files], lambda *a: None, lambda: False)
    colleague = theirs.project
    colleague.author = "周研究员"
    colleague.set_source_attributes(colleague.list_sources()[0].id, date="2025-09-04")
    export = tmp_path / "colleague.jsonl"
    with export.open("w", encoding="utf-8") as fh:
        colleague.export_jsonl(fh)
    theirs.close()
    ours.author = "林校对"
    ours.set_source_attributes(source_id, date="2025-09-02")
    window.exchange.import_work(str(export))
    assert "Merge Conflicts panel" in messages[-1][1]
    return window, source_id, read


def _library_date(window, source_id: int) -> str:
    model = window.library_model
    row = next(r for r in range(model.rowCount()) if model.source_row(model.index(r, 0)).id == source_id)
    return model.source_row(model.index(row, 0)).date


def test_a_page_date_conflict_side_by_side_accept_and_undo(date_conflict, qtbot):
    window, source_id, read = date_conflict
    project, panel = window.store.project, window.conflicts.panel
    assert in_front(window.conflicts.dock) and panel.table.rowCount() == 1
    assert [panel.table.item(0, k).text() for k in (1, 2, 3)] == ["page date", "page_a1.txt", "周研究员"]
    c = panel.current()
    assert (c.kind, c.base, c.ours, c.theirs) == ("attribute", read.date, "2025-09-02", "2025-09-04")
    assert "2025-09-04" in panel.views["theirs"].toPlainText() and read.date in panel.views["theirs"].toPlainText()
    assert "2025-09-02" in panel.views["ours"].toPlainText() and "page_a1.txt" in panel.views["ours"].toPlainText()
    header = window.store.raw_text(source_id).splitlines()[0].strip()
    assert panel.views["raw"].toPlainText().strip() == header  # the running header the date was read from
    assert panel.detail.text() == "Both projects changed the page date of this page differently"
    assert not panel.show_button.isEnabled()  # a page, no article

    panel.accept_button.click()
    assert project.source_attributes(source_id).date == "2025-09-04"
    qtbot.waitUntil(lambda: _library_date(window, source_id) == "2025-09-04")  # the library follows
    assert panel.table.rowCount() == 0
    assert project.source_attribute_history(source_id)[-1].author == "周研究员"

    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.source_attributes(source_id).date == "2025-09-02"
    qtbot.waitUntil(lambda: _library_date(window, source_id) == "2025-09-02")
    assert [c.status for c in project.conflicts(None)] == ["pending"] and panel.table.rowCount() == 1
    window.editing.redo()
    assert project.source_attributes(source_id).date == "2025-09-04"
    assert [c.status for c in project.conflicts(None)] == ["accepted"]


def test_a_page_date_conflict_kept_ours_and_undone(date_conflict):
    window, source_id, _read = date_conflict
    project, panel = window.store.project, window.conflicts.panel
    changes = len(project.source_attribute_history(source_id))
    panel.reject_button.click()
    assert project.source_attributes(source_id).date == "2025-09-02"
    assert [c.status for c in project.conflicts(None)] == ["rejected"]
    assert len(project.source_attribute_history(source_id)) == changes  # keeping ours changes nothing
    window.editing.undo()
    assert [c.status for c in project.conflicts(None)] == ["pending"] and panel.accept_button.isEnabled()


def test_a_page_date_conflict_in_chinese(date_conflict):
    window, _source_id, _read = date_conflict
    window.language_actions["zh_CN"].trigger()
    panel = window.conflicts.panel
    assert panel.table.item(0, 1).text() == "版面日期" and panel.table.item(0, 2).text() == "page_a1.txt"
    assert panel.detail.text() == "双方都改了这一版的版面日期，且改法不同"
    window.language_actions["en"].trigger()
