from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtTest import QTest

from tests.ui.conftest import ASTRAL
from ui import settings as S
from ui.actions import ActionId
from ui.script import Script
from ui.utf16 import Utf16Map


def open_astral_article(window):
    model = window.library_model
    for s in range(model.rowCount()):
        parent = model.index(s, 0)
        if model.data(parent) == "page_z_astral.txt":
            model.fetchMore(parent)
            window.library.setCurrentIndex(model.index(0, 0, parent))
            break
    article = window.article
    assert article is not None and ASTRAL in article.text
    return article


def test_sample_opens_with_first_article(window):
    assert window.library_model.rowCount() == 3
    assert window.article is not None
    assert window.article_view.toPlainText().startswith("青禾县总工会")
    assert window.raw_view.toPlainText().startswith("综合新闻")
    # the raw view tints the lines the article came from
    assert window.raw_view.extraSelections()
    assert "article 1 of 7" in window.position_label.text()


def test_article_document_matches_article_text(window):
    """One QTextBlock per article block, so document positions are UTF-16 positions of the text."""
    article = window.article
    doc = window.article_view.document()
    assert doc.blockCount() == len(article.blocks)
    assert doc.toPlainText().replace("\u2029", "\n") == article.text


def test_selecting_an_article_in_the_library(window, qtbot):
    model = window.library_model
    parent = model.index(1, 0)
    model.fetchMore(parent)
    index = model.index(2, 0, parent)
    with qtbot.waitSignal(window.article_opened):
        window.library.setCurrentIndex(index)
    assert window.article.id == model.article_id(index)
    assert window.raw_view.toPlainText().startswith(window.store.raw_text(window.article.source_id)[:10])


def test_article_selection_highlights_exact_raw_characters_with_astral(window):
    article = open_astral_article(window)
    start = article.text.index(ASTRAL) - 3
    end = start + 6  # "里的“𠀋”字", the whole title end
    window.article_view.select_range(start, end)
    assert window.article_view.selected_range() == (start, end)
    # the raw highlight covers exactly the raw characters these came from
    raw = window.store.raw_text(article.source_id)
    linked = window.raw_view.linked_ranges()
    assert linked == article.offsets.raw_ranges(start, end)
    assert "".join(raw[a:b] for a, b in linked) == article.text[start:end]
    # and the widget-level selection sits on the right UTF-16 positions
    sel = [s for s in window.raw_view.extraSelections() if s.cursor.hasSelection()][-1]
    umap = Utf16Map(raw)
    assert (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == umap.range_to_utf16(*linked[0])
    assert sel.cursor.selectedText() == article.text[start:end]


def test_raw_selection_highlights_reflowed_characters_with_astral(window):
    article = open_astral_article(window)
    raw = window.store.raw_text(article.source_id)
    r0 = raw.index(ASTRAL, raw.index("修复师陈墨")) - 2
    window.raw_view.select_range(r0, r0 + 5)
    assert window.raw_view.selected_range() == (r0, r0 + 5)
    ranges = window.article_view.linked_ranges()
    assert ranges == article.offsets.article_ranges(r0, r0 + 5)
    assert "".join(article.text[a:b] for a, b in ranges) == raw[r0 : r0 + 5]
    sel = window.article_view.extraSelections()[-1]
    assert sel.cursor.selectedText() == raw[r0 : r0 + 5]


def test_half_a_surrogate_pair_selects_the_whole_character(window):
    article = open_astral_article(window)
    at = article.text.index(ASTRAL)
    umap = Utf16Map(article.text)
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(umap.to_utf16(at))
    cursor.setPosition(umap.to_utf16(at) + 1, QTextCursor.MoveMode.KeepAnchor)
    window.article_view.setTextCursor(cursor)
    assert window.article_view.selected_range() == (at, at + 1)
    raw = window.store.raw_text(article.source_id)
    assert [raw[a:b] for a, b in window.raw_view.linked_ranges()] == [ASTRAL]


def test_click_in_raw_jumps_to_article_and_paragraph(window, qtbot):
    raw_view = window.raw_view
    raw = raw_view.toPlainText()
    target_article = window.store.articles(1, 0, 10)[2]  # "骑手夜校"
    data = window.store.article(target_article.id)
    para = data.blocks[-1]
    raw_offset = para.runs[0][1] + 2
    rect = raw_view.cursorRect(raw_view.cursor_for(raw_offset, raw_offset))
    raw_view.scroll_to(raw_offset)
    rect = raw_view.cursorRect(raw_view.cursor_for(raw_offset, raw_offset))
    QTest.mouseClick(
        raw_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() + 2, rect.center().y())
    )
    assert raw[raw_offset] == data.text[data.offsets.article_at_raw(raw_offset)]
    assert window.article.id == target_article.id
    assert window.article_view.current_paragraph() == len(data.blocks) - 1


def test_click_in_article_shows_the_raw_character(window):
    view = window.article_view
    article = window.article
    offset = article.block_starts()[4] + 3
    rect = view.cursorRect(view.cursor_for(offset, offset))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() + 3, rect.center().y()))
    raw = window.store.raw_text(article.source_id)
    [(start, end)] = window.raw_view.linked_ranges()
    assert raw[start:end] == article.text[offset]


def test_next_previous_article_keys_cross_sources(window, qtbot):
    first = window.article.id
    QTest.keyClick(window.article_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.article.id != first
    QTest.keyClick(window.article_view, Qt.Key.Key_K)
    assert window.article.id == first
    for _ in range(7):
        window.actions[ActionId.NEXT_ARTICLE].trigger()
    assert window.store.source_name(window.article.source_id) == "page_b1.txt"
    window.actions[ActionId.PREV_ARTICLE].trigger()
    assert window.store.source_name(window.article.source_id) == "page_a1.txt"


def test_paragraph_navigation_links_raw(window):
    window.actions[ActionId.NEXT_PARAGRAPH].trigger()
    window.actions[ActionId.NEXT_PARAGRAPH].trigger()
    current = window.article_view.current_paragraph()
    assert current is not None and current >= 1
    block = window.article.blocks[current]
    raw = window.store.raw_text(window.article.source_id)
    linked = "".join(raw[a:b] for a, b in window.raw_view.linked_ranges())
    assert linked.replace("\n", "").replace(" ", "")[:6] == block.text.replace(" ", "")[:6]
    window.actions[ActionId.PREV_PARAGRAPH].trigger()
    assert window.article_view.current_paragraph() == current - 1


def test_zoom_persists(window, settings):
    size = window.font_size
    window.actions[ActionId.ZOOM_IN].trigger()
    assert window.font_size == size + 1
    assert settings.get(S.FONT_SIZE) == size + 1
    window.actions[ActionId.ZOOM_RESET].trigger()
    assert window.font_size == S.FONT_SIZE.default


def test_script_switch_keeps_offsets(window):
    article = window.article
    window.article_view.select_range(5, 12)
    before = window.raw_view.linked_ranges()
    window.script_combo.setCurrentIndex(list(Script).index(Script.TAIWAN))
    assert window.converter.script is Script.TAIWAN
    assert window.script_actions[Script.TAIWAN].isChecked()
    shown = window.article_view.toPlainText().replace("\u2029", "\n")
    assert len(shown) == len(article.text) and shown != article.text
    assert "縣總工會" in shown
    assert "議事角" in window.raw_view.toPlainText()
    assert "縣總工會" in window.library_model.data(window.library.currentIndex())  # the library follows
    if "Noto Serif CJK TC" in QFontDatabase.families():  # Taiwan glyph shapes, not mainland ones
        assert window.article_view.document().defaultFont().families()[0] == "Noto Serif CJK TC"
    assert window.article_view.selected_range() == (5, 12)
    assert window.raw_view.linked_ranges() == before
    assert window.store.article(article.id).text == article.text  # stored text untouched
    window.script_actions[Script.ORIGINAL].trigger()
    assert window.article_view.toPlainText().replace("\u2029", "\n") == article.text
    assert window.script_combo.currentData() == Script.ORIGINAL.value


def test_opening_another_article_clears_the_links(window):
    window.article_view.select_range(5, 12)
    assert window.raw_view.linked_ranges()
    window.actions[ActionId.NEXT_ARTICLE].trigger()
    assert window.raw_view.linked_ranges() == []
    assert window.article_view.linked_ranges() == []


def test_state_persists_between_windows(window, settings, qtbot):
    from ui.mainwindow import MainWindow

    window.resize(761, 587)  # the offscreen screen is 800x800
    window.splitter.setSizes([200, 600, 400])
    sizes = window.splitter.sizes()
    window.set_script(Script.HONG_KONG)
    window.close()
    again = MainWindow(S.Settings())
    qtbot.addWidget(again)
    assert again.size().width() == 761
    assert again.converter.script is Script.HONG_KONG
    again.show()
    assert again.splitter.sizes() == sizes
    again.close()


def test_shortcuts_dialog_lists_the_registry(window, qtbot):
    window.actions[ActionId.SHORTCUTS].trigger()
    dialog = window._shortcuts_dialog
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Next Article" in rows and "Search" in rows and "Zoom In" in rows
    dialog.close()


def test_no_project_placeholder(window):
    window.set_store(None)
    assert "No project is open" in window.article_view.toPlainText()
    assert window.library_model.rowCount(QModelIndex()) == 0
