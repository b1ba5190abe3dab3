"""The reading area keeps priority: layouts, small screens, the raw pane, panel shortcuts (issue 13, item 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui import settings as S
from ui.docks import in_front
from ui.layouts import Layout


def chars_per_line(view) -> int:
    """The most characters any laid-out line of the article holds (a full line of a long paragraph)."""
    doc = view.document()
    best = 0
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(max(0, layout.lineCount() - 1)):  # a paragraph's last line may be short
            best = max(best, layout.lineAt(i).textLength())
        block = block.next()
    return best


def settle(qtbot, ms: int = 60) -> None:
    QApplication.processEvents()
    qtbot.wait(ms)
    QApplication.processEvents()


def use_layout(window, qtbot, key) -> None:
    window.article_view.setFocus()
    QTest.keyClick(window, key)
    settle(qtbot)


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1000, 700)])
def test_small_screen_article_keeps_twenty_characters_with_the_codebook(window, qtbot, width, height):
    window.resize(width, height)
    settle(qtbot)
    use_layout(window, qtbot, Qt.Key.Key_F7)  # coding: library, article, codebook, annotations
    assert window.layouts.current is Layout.CODING
    assert in_front(window.editing.codebook_dock) and window.editing.codebook_dock.width() >= 200
    assert window.article_view.isVisible()
    assert chars_per_line(window.article_view) >= 20
    assert window.raw_view.isVisible()  # the library gives way first, on the smallest


def raw_chars(view) -> int:
    """How many CJK characters a line of the raw pane holds (its lines wrap at the viewport)."""
    from PySide6.QtGui import QFontMetricsF

    margins = 2 * view.document().documentMargin()
    return int((view.viewport().width() - margins) // QFontMetricsF(view.font()).horizontalAdvance("\u56fd"))


@pytest.mark.parametrize(("width", "height", "raw_least", "article_least"),
                         [(1600, 1000, 24, 30), (1280, 720, 16, 22), (1000, 700, 16, 22)])
def test_coding_layout_gives_the_raw_pane_a_readable_line(window, qtbot, width, height, raw_least, article_least):
    window.resize(width, height)
    settle(qtbot)
    use_layout(window, qtbot, Qt.Key.Key_F7)
    settle(qtbot)
    assert window.raw_view.isVisible() and in_front(window.editing.codebook_dock)
    assert raw_chars(window.raw_view) >= raw_least
    assert chars_per_line(window.article_view) >= article_least
    if width >= 1200:
        assert window.library.isVisible()  # beside them, the library keeps its names readable
        assert window.library.width() >= 200


def test_reading_layout_at_1000_keeps_library_and_raw_readable(window, qtbot):
    window.resize(1000, 700)
    settle(qtbot)
    use_layout(window, qtbot, Qt.Key.Key_F5)
    assert chars_per_line(window.article_view) >= 20
    assert window.raw_view.isVisible() and window.raw_view.width() >= 180


def test_raw_lines_wrap_and_keep_the_dump_line_numbers(window, qtbot):
    raw = window.raw_view
    window.resize(1000, 700)
    use_layout(window, qtbot, Qt.Key.Key_F5)
    text = raw.toPlainText()
    assert raw.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    assert raw.document().blockCount() == text.count("\n") + 1  # one block (one number) a dump line
    longest = max(range(raw.document().blockCount()), key=lambda n: len(raw.document().findBlockByNumber(n).text()))
    block = raw.document().findBlockByNumber(longest)
    raw.scroll_to(block.position(), top=True)  # laid out when shown
    settle(qtbot)
    assert block.layout().lineCount() > 1  # it wraps...
    after = raw.document().findBlockByNumber(longest + 1)
    assert after.firstLineNumber() > longest + 1  # ...so screen lines run ahead of the dump's numbers


def test_click_in_raw_keeps_the_raw_pane_in_place_and_clears_the_old_highlight(window, qtbot):
    raw_view = window.raw_view
    window.resize(1000, 700)
    use_layout(window, qtbot, Qt.Key.Key_F5)
    window.article_view.select_range(3, 9)  # a raw highlight from the first article
    assert raw_view.linked_ranges()
    articles = window.store.articles(1, 0, 10)
    target = articles[len(articles) // 2]  # in the middle of the dump, away from its first article
    data = window.store.article(target.id)
    raw_offset = data.blocks[-1].runs[0][1] + 1
    raw_view.scroll_to(raw_offset)
    settle(qtbot)
    before = raw_view.firstVisibleBlock().blockNumber()
    rect = raw_view.cursorRect(raw_view.cursor_for(raw_offset, raw_offset))
    point = QPoint(rect.center().x() + 2, rect.center().y())
    QTest.mouseClick(raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    settle(qtbot)
    assert window.article.id == target.id
    assert raw_view.firstVisibleBlock().blockNumber() == before  # not scrolled back to the article's start
    assert raw_view.linked_ranges() == []
    assert window.article_view.current_paragraph() == len(data.blocks) - 1


def test_layouts_switch_with_one_key_and_are_remembered(window, qtbot):
    from ui.mainwindow import MainWindow

    editing = window.editing
    use_layout(window, qtbot, Qt.Key.Key_F6)  # proofreading
    assert window.layouts.current is Layout.PROOFREADING
    assert editing.history_dock.isVisible() and not editing.codebook_dock.isVisible()
    assert not window.library.isVisible() and window.raw_view.isVisible()
    window.library_pane.show()  # the user changes the layout (the library with its filter)…
    editing.notes_dock.hide()
    use_layout(window, qtbot, Qt.Key.Key_F7)
    assert editing.codebook_dock.isVisible() and not editing.history_dock.isVisible()
    use_layout(window, qtbot, Qt.Key.Key_F6)  # …and finds it as left
    assert window.library.isVisible() and not editing.notes_dock.isVisible() and editing.history_dock.isVisible()
    use_layout(window, qtbot, Qt.Key.Key_F6)  # the same key again: laid out afresh
    assert not window.library.isVisible() and editing.notes_dock.isVisible()
    window.library_pane.show()
    editing.notes_dock.hide()  # as the user left it, for the window saved below
    window.close()
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    again.resize(1400, 900)
    again.show()
    settle(qtbot)
    assert again.layouts.current is Layout.PROOFREADING
    assert again.actions[again.layouts._action_of(Layout.PROOFREADING)].isChecked()
    assert again.editing.history_dock.isVisible() and not again.editing.notes_dock.isVisible()
    again.close()


def test_panel_shortcut_raises_a_panel_tabbed_behind(window, qtbot):
    editing = window.editing
    use_layout(window, qtbot, Qt.Key.Key_F7)
    editing.annotations_dock.show()
    editing.notes_dock.show()
    window.tabifyDockWidget(editing.annotations_dock, editing.notes_dock)
    editing.annotations_dock.raise_()
    settle(qtbot)
    assert not in_front(editing.notes_dock)
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert in_front(editing.notes_dock)  # shown AND raised, not hidden
    assert editing.actions[next(i for i, d in editing.docks.items() if d is editing.notes_dock)].isChecked()
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert editing.notes_dock.isHidden()  # in front: the key hides it
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert in_front(editing.notes_dock)


def test_bottom_panels_and_the_reports_chart_open_at_a_useful_size(window, qtbot):
    window.resize(1280, 720)
    use_layout(window, qtbot, Qt.Key.Key_F5)
    QTest.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # edit history, at the bottom
    settle(qtbot)
    history = window.editing.history
    assert window.editing.history_dock.height() >= 160
    rows = history.table.viewport().height() // (history.table.fontMetrics().height() + 6)
    assert rows >= 3  # not the three-rows-tall panel of before: room for several edits
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # reports
    settle(qtbot, 150)
    reports = window.exchange.reports
    assert in_front(window.exchange.reports_dock)
    assert reports.charts.width() >= 200 and reports.view.width() >= 200


def test_the_window_opens_inside_the_screen(qtbot, settings):
    """First start, and a geometry saved on a larger screen: the window fits the screen it opens on."""
    from ui.i18n import Translations
    from ui.layouts import FIRST_SIZE, fit_to_screen
    from ui.mainwindow import MainWindow

    win = MainWindow(settings, Translations(QApplication.instance()))
    qtbot.addWidget(win)
    room = (win.screen() or QApplication.primaryScreen()).availableGeometry()
    assert win.width() <= min(FIRST_SIZE[0], room.width()) and win.height() <= min(FIRST_SIZE[1], room.height())
    win.resize(room.width() + 900, room.height() + 600)  # as restored from a bigger monitor
    fit_to_screen(win, fresh=False)
    assert win.width() <= room.width() and win.height() <= room.height()
    assert room.contains(win.geometry().topLeft())


def test_a_message_shown_before_the_window_does_not_paint_over_the_position(qtbot, settings):
    """The layout hint comes while the window is built, before it is shown; the position waits under it."""
    from ui.i18n import Translations
    from ui.mainwindow import MainWindow

    win = MainWindow(settings, Translations(QApplication.instance()))
    qtbot.addWidget(win)
    win.position_label.setText("page_a1.txt · article 1 of 7")
    win.statusBar().showMessage("a hint shown before the window is", 5000)
    win.show()
    qtbot.waitExposed(win)
    assert not win.position_label.isVisible()
    win.statusBar().clearMessage()
    assert win.position_label.isVisible()
