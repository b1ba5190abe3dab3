"""Small things a daily user notices (issue 13, item 6), driven through the desk as a user would."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.ui.conftest import SAMPLES
from tests.ui.test_search import search
from ui.views import SEARCH_HIT

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture(autouse=True)
def _answers(messages):
    return messages


def point_of(view, offset: int) -> QPoint:
    rect = view.cursorRect(view.cursor_for(offset, offset))
    return QPoint(rect.left() + 2, rect.center().y())


def test_a_drag_inside_a_tagged_passage_makes_a_new_selection(window):
    view = window.article_view
    tag = window.editing.new_tag(name="主题")
    start = window.article.block_starts()[4]
    view.select_range(start, start + 12)
    QTest.keyClick(view, Qt.Key.Key_1)
    assert [(a.start, a.end) for a in window.article.annotations] == [(start, start + 12)]
    assert view.selected_range() == (start + 12, start + 12)
    # a drag that starts inside the passage just tagged selects anew (no text drag, no stale selection)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, start + 3))
    QTest.mouseMove(view.viewport(), point_of(view, start + 8))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, start + 8))
    assert view.selected_range() == (start + 3, start + 8)
    assert tag.id == window.article.annotations[0].tag_id


def test_history_folds_reverts_and_asks_first(window, messages, monkeypatch):
    editing, history = window.editing, window.editing.history
    text = window.article.text
    editing.correct(2, 3, "甲乙")  # one character more
    window.article_view.select_range(0, 0)
    assert window.raw_label.text() == f"{len(text) + 1} characters"
    first = history.model.entries[0]
    # "No" leaves everything as it was
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    history.select_entry(first.id)
    history.revert_button.click()
    assert window.article.text[2:4] == "甲乙" and len(history.model.entries) == 1
    # "Yes" reverts; the revert sits under the edit it reverted, and says what it undid
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    history.select_entry(first.id)
    history.revert_button.click()
    assert window.article.text == text
    model = history.model
    QAbstractItemModelTester(model, FATAL)
    assert model.rowCount() == 1  # one line: the correction, its revert folded under it
    top = model.index(0, model.CHANGE)
    assert model.entry(top).id == first.id
    assert model.rowCount(top) == 1
    undone = model.index(0, model.CHANGE, top)
    assert model.data(undone) == f"Undone: “{text[2]}” → “甲乙”"
    assert model.data(model.index(0, model.WHO, top)) == (first.author or "—")
    assert "Reverted #" not in model.data(undone)
    # the character count follows the revert (no selection moved to refresh it)
    assert window.article_view.selected_range()[0] == window.article_view.selected_range()[1]
    assert window.raw_label.text() == f"{len(text)} characters"
    editing.undo()  # the revert is undone: the correction is back, and the count with it
    assert window.raw_label.text() == f"{len(text) + 1} characters"


def test_library_sorts_naturally_and_elides_in_the_middle(tmp_path, qtbot, settings):
    from ui.backend import ProjectStore
    from ui.mainwindow import MainWindow

    sample = sorted(SAMPLES.glob("*.txt"))[0]
    folder = tmp_path / "versions"
    folder.mkdir()
    names = ["工人日报_第05版_v10.txt", "工人日报_第05版_v2.txt", "工人日报_第05版_v1.txt"]
    for i, name in enumerate(names):
        text = sample.read_text(encoding="utf-8") + f"\n第{i}稿\n"
        (folder / name).write_text(text, encoding="utf-8")
    store = ProjectStore.open(str(tmp_path / "v.jiaokan"))
    store.import_paths([str(folder)], lambda *a: None, lambda: False)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.set_store(store)
    model = window.library_model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == ["工人日报_第05版_v1.txt", "工人日报_第05版_v2.txt", "工人日报_第05版_v10.txt"]
    delegate = window.library.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, model.index(2, 0))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle  # file names: the end tells them apart
    model.fetchMore(model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0, model.index(0, 0)))
    assert option.textElideMode == Qt.TextElideMode.ElideRight  # headlines: their beginning
    window.close()


def test_file_dialogs_remember_their_folder(window, tmp_path, monkeypatch, page_files):
    started = []
    other = tmp_path / "elsewhere"
    other.mkdir()
    copy = other / "page.txt"
    shutil.copy(page_files[0], copy)

    def choose(parent, title, folder, kinds):
        started.append(folder)
        return [str(copy)], kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    window.projects.choose_files()
    window.projects.choose_files()
    for dialog in QApplication.topLevelWidgets():
        if dialog.objectName() == "importReportDialog":
            dialog.close()
    assert started[1] == str(other) != started[0]


def test_export_dialog_remembers_format_and_folder(window, tmp_path, qtbot):
    controller = window.exchange.exports
    dialog = controller.open_dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.output.setText(str(tmp_path / "out" / "work.csv"))
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        dialog._accept()
    again = controller.open_dialog()
    assert again.format_name() == "csv"
    assert again.output.text().startswith(str(tmp_path / "out"))
    again.reject()


def test_every_hit_in_the_article_is_tinted(window, qtbot):
    search(window, qtbot, "工会")
    hits = [h for h in window.search_panel.model.hits if h.article_id == window.article.id]
    window.open_hit(hits[0])
    tints = [s for s in window.article_view.extraSelections() if s.format.background().color() == SEARCH_HIT]
    assert len(tints) == window.article.text.count("工会") == len(hits) > 1
    window.search_dock.hide()  # the panel closed: the tints go
    qtbot.waitUntil(lambda: not [s for s in window.article_view.extraSelections()
                                 if s.format.background().color() == SEARCH_HIT])


def test_search_status_gives_the_total(window, qtbot):
    """The store counts every hit (db/search.py's total): the desk shows the total, not "200+"."""
    store = window.store
    search(window, qtbot, "的")
    total = len(store.search("的", False, 100_000, 0).hits)  # every hit, materialised: the real count
    assert store.search("的", False, 1, 0).total == total
    assert window.search_panel.status.text() == f"{total} hits"


def test_continuation_article_is_named_by_its_opening_words(window, qtbot):
    project = window.store.project
    untitled = next(a for s in project.list_sources() for a in project.list_articles(s.id) if not a.headline)
    text = project.get_article(untitled.id).text
    line = max(text.split("\n"), key=len)
    search(window, qtbot, line[3:10])
    model = window.search_panel.model
    row = next(i for i, h in enumerate(model.hits) if h.article_id == untitled.id)
    name = model.data(model.index(row, 0))
    assert name and name.endswith("…") and text.startswith(name[:-1].replace(" ⏎ ", "\n"))


def test_tooltip_swatches_are_in_tag_colours(window):
    tag = window.editing.new_tag(name="人物")
    window.editing.recolour_tag(tag, "#c0392b")
    window.article_view.select_range(2, 6)
    window.editing.apply_tag(tag.id)
    text = window.editing.describe_annotations(window.editing.highlights.annotations_at(3))
    assert 'color:#c0392b' in text and "人物" in text
