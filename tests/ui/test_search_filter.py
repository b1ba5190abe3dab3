"""The search panel's page filter, driven as a user would: type a query, then a page name, number or dates.

The project is real (the sample pages and the 𠀋 page in tmp_path); every count shown is checked
against the store's own answer for the pages that should be kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from db.page_filter import PageFilter
from tests.ui.test_search import search, type_text
from ui.search import DEBOUNCE_MS

QUERY = "工会"


def _settle(window, qtbot) -> None:
    """Wait for the search the last keystroke started (the pause after a burst runs the last one)."""
    panel = window.search_panel
    qtbot.waitUntil(lambda: not panel.pending and not panel._timer.isActive(), timeout=DEBOUNCE_MS + 5000)


def _type(window, qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        type_text(edit, text)
    _settle(window, qtbot)


def _pages(window) -> set[str]:
    return {h.source_name for h in window.search_panel.model.hits}


def _total(window, **filter_values) -> int:
    return window.store.project.search(QUERY, limit=1000, pages=PageFilter.parse(**filter_values)).total


def test_typing_a_page_name_or_number_keeps_the_hits_to_those_pages(window, qtbot):
    search(window, qtbot, QUERY)
    panel = window.search_panel
    everywhere = panel.model.total
    assert _pages(window) == {"page_a1.txt", "page_b1.txt"}
    assert panel.status.text() == f"{everywhere} hits"

    _type(window, qtbot, panel.filter.words, "工会周刊")  # the page name of page_b1, read from its header
    kept = _total(window, words="工会周刊")
    assert _pages(window) == {"page_b1.txt"} and 0 < kept < everywhere
    assert panel.model.total == kept and panel.status.text() == f"{kept} hits"

    _type(window, qtbot, panel.filter.words, "5")  # page_a1 is page 5 (its header: … 星期三 5)
    assert _pages(window) == {"page_a1.txt"} and panel.model.total == everywhere - kept

    panel.filter.words.clear()
    _settle(window, qtbot)
    assert panel.model.total == everywhere


def test_a_date_range_keeps_the_pages_dated_inside_it(window, qtbot):
    project = window.store.project
    b1 = next(s.id for s in project.list_sources() if s.name == "page_b1.txt")
    project.set_source_attributes(b1, date="2025-10-01")  # the other page stays 2025-09-03
    search(window, qtbot, QUERY)
    panel = window.search_panel
    _type(window, qtbot, panel.filter.first, "2025-10")
    assert _pages(window) == {"page_b1.txt"} and panel.model.total == _total(window, first="2025-10")
    _type(window, qtbot, panel.filter.first, "2025-09-01")
    _type(window, qtbot, panel.filter.last, "2025-09")  # a month: to its last day
    assert _pages(window) == {"page_a1.txt"} and panel.model.total == _total(window, first="2025-09-01",
                                                                             last="2025-09")
    _type(window, qtbot, panel.filter.last, "2024")  # ends before it starts
    assert panel.model.rowCount() == 0
    assert panel.filter_message.text() == "The date range is empty: it starts on 2025-09-01, after its end 2024."
    assert panel.filter_message.isVisible() and panel.status.text() == "Invalid filter"


def test_a_bad_date_is_named_in_one_line_and_nothing_is_searched(window, qtbot):
    search(window, qtbot, QUERY)
    panel = window.search_panel
    _type(window, qtbot, panel.filter.first, "2025-13")
    assert panel.model.rowCount() == 0
    message = panel.filter_message.text()
    assert message == ("The start of the date range, “2025-13”, is not a day, month or year: write 2025-10-01, "
                       "2025-10 or 2025.")
    assert "\n" not in message and panel.status.toolTip() == message and panel.filter_message.isVisible()
    QTest.keyClick(panel.filter.first, Qt.Key.Key_Backspace)  # 2025-1: from January 2025, both pages
    _settle(window, qtbot)
    assert panel.model.total == _total(window) == _total(window, first="2025-1") > 0
    assert not panel.filter_message.isVisible()
    _type(window, qtbot, panel.filter.last, "2025-8")  # both pages are dated in September
    assert panel.model.rowCount() == 0 and panel.status.text() == "No hits"
    _type(window, qtbot, panel.filter.last, "")

    window.language_actions["zh_CN"].trigger()  # the message follows the interface language
    _type(window, qtbot, panel.filter.last, "昨天")
    assert panel.filter_message.text() == "日期范围的终点“昨天”不是日、月或年：请写作 2025-10-01、2025-10 或 2025。"
    assert panel.status.text() == "筛选无效"
    assert panel.filter.pages_label.text() == "版面(&P)：" and panel.filter.first.placeholderText() == "从"
    window.language_actions["en"].trigger()
    assert panel.filter_message.text().startswith("The end of the date range, “昨天”")


def test_tag_all_search_hits_tags_only_the_kept_pages(window, qtbot, monkeypatch, messages):
    from PySide6.QtWidgets import QDialog

    from ui.editing.autotag import AutoTagDialog

    tag = window.editing.new_tag(name="工会")
    search(window, qtbot, QUERY)
    panel = window.search_panel
    _type(window, qtbot, panel.filter.words, "工会周刊")
    monkeypatch.setattr(AutoTagDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    assert window.editing.autotag(tag.id)
    project = window.store.project
    tagged = {(s.name, a.quote) for s in project.list_sources() for i in project.article_ids(s.id)
              for a in project.annotations(i)}
    assert tagged == {("page_b1.txt", QUERY)}
    count = sum(len(project.annotations(i)) for s in project.list_sources() for i in project.article_ids(s.id))
    assert count == _total(window, words="工会周刊")
    _type(window, qtbot, panel.filter.first, "2025-13")  # a filter that is no filter: nothing is tagged
    assert not window.editing.autotag(tag.id)


def test_the_filter_stands_beside_the_query_only_where_the_panel_is_wide(window, qtbot):
    from PySide6.QtWidgets import QBoxLayout

    window.resize(1400, 900)
    search(window, qtbot, QUERY)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.width() >= 900)
    assert panel.bars.direction() == QBoxLayout.Direction.LeftToRight
    qtbot.waitUntil(lambda: abs(panel.filter.geometry().center().y() - panel.query.geometry().center().y()) < 8)
    window.search_dock.setFloating(True)  # a narrow panel: the filter goes under the query
    window.search_dock.resize(600, 300)
    qtbot.waitUntil(lambda: panel.bars.direction() == QBoxLayout.Direction.TopToBottom)
    qtbot.waitUntil(lambda: panel.filter.geometry().top() > panel.query.geometry().bottom())
    assert panel.filter.words.width() > 150  # the words keep room to be read
    window.search_dock.setFloating(False)
