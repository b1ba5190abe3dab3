"""Editing in place (issue 13, item 2): typing, deleting and pasting in the article are tracked corrections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.editing.test_desk import quotes_hold, tags
from ui.layouts import Layout

K = Qt.Key


def proofreading(window):
    QTest.keyClick(window, K.Key_F6)
    assert window.layouts.current is Layout.PROOFREADING and window.editing.typing.enabled
    window.article_view.setFocus()


def cursor_at(window, offset: int) -> None:
    window.article_view.select_range(offset, offset)


def commit(window, text: str) -> None:
    """What a Chinese input method sends when the user picks a candidate."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(window.article_view, event)


def test_typed_letters_are_corrections_not_shortcuts(window):
    proofreading(window)
    article = window.article
    at = article.block_starts()[4] + 3
    cursor_at(window, at)
    QTest.keyClicks(window.article_view, "JK1")  # J/K navigate and 1 tags in the reading layout
    assert window.article.id == article.id
    assert window.article.text == article.text[:at] + "JK1" + article.text[at:]
    assert window.article_view.selected_range() == (at + 3, at + 3)  # the cursor follows the typing
    entries = window.store.project.history(article.id)
    assert [e.params["text"] for e in entries[-3:]] == ["J", "K", "1"]  # one history entry a keystroke
    assert window.editing.stack.count() == 3
    QTest.keyClick(window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.article.text == article.text[:at] + "JK" + article.text[at:]


def test_ime_commit_inside_the_text_keeps_tags_on_their_words(window):
    (tag,) = tags(window, "主题")
    proofreading(window)
    article = window.article
    start = article.block_starts()[4] + 6
    window.article_view.select_range(start, start + 8)
    window.editing.apply_tag(tag.id)
    tagged = window.article.text[start : start + 8]
    cursor_at(window, start - 2)
    commit(window, "劳动")  # before the passage: it moves right
    [ann] = window.article.annotations
    assert (ann.start, ann.end) == (start + 2, start + 10) and ann.quote == tagged
    # a correction inside the passage: the tag keeps covering its (corrected) words
    window.article_view.select_range(start + 4, start + 5)
    commit(window, "勞")
    [ann] = window.article.annotations
    assert (ann.start, ann.end) == (start + 2, start + 10)
    assert window.article.text[ann.start : ann.end] == tagged[:2] + "勞" + tagged[3:]
    quotes_hold(window)
    history = window.store.project.history(article.id)
    assert [e.params["text"] for e in history[-2:]] == ["劳动", "勞"]


def test_backspace_and_delete_remove_one_character_each(window):
    proofreading(window)
    text = window.article.text
    at = window.article.block_starts()[4] + 5
    cursor_at(window, at)
    QTest.keyClick(window.article_view, K.Key_Backspace)
    assert window.article.text == text[: at - 1] + text[at:]
    assert window.article_view.selected_range() == (at - 1, at - 1)
    QTest.keyClick(window.article_view, K.Key_Delete)
    assert window.article.text == text[: at - 1] + text[at + 1 :]
    history = window.store.project.history(window.article.id)
    assert [(e.params["old_text"], e.params["text"]) for e in history[-2:]] == [(text[at - 1], ""), (text[at], "")]
    window.editing.undo()
    window.editing.undo()
    assert window.article.text == text


def test_backspace_at_a_paragraph_start_does_not_join_silently(window):
    proofreading(window)
    text = window.article.text
    cursor_at(window, window.article.block_starts()[3])
    QTest.keyClick(window.article_view, K.Key_Backspace)
    assert window.article.text == text
    assert "Ctrl+J" in window.statusBar().currentMessage()


def test_paste_replaces_the_selection(window):
    proofreading(window)
    text = window.article.text
    start = window.article.block_starts()[4] + 2
    QGuiApplication.clipboard().setText("职工之家")
    window.article_view.select_range(start, start + 3)
    QTest.keyClick(window.article_view, K.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.article.text == text[:start] + "职工之家" + text[start + 3 :]
    assert window.article_view.selected_range() == (start + 4, start + 4)


def test_in_the_reading_layout_single_keys_navigate_and_typing_explains(window):
    QTest.keyClick(window, K.Key_F5)
    assert not window.editing.typing.enabled
    window.article_view.setFocus()
    first = window.article.id
    text = window.article.text
    QTest.keyClick(window.article_view, K.Key_X)
    assert window.article.text == text
    assert "F6" in window.statusBar().currentMessage() and "F2" in window.statusBar().currentMessage()
    QTest.keyClick(window.article_view, K.Key_J)
    assert window.article.id != first  # J: next article


def test_f2_still_opens_the_correction_with_a_reason(window):
    proofreading(window)
    window.article_view.select_range(3, 5)
    QTest.keyClick(window.article_view, K.Key_F2)
    assert window.editing.correction_bar.isVisible()
    QTest.keyClick(window.editing.correction_bar.field, K.Key_Escape)


def test_view_and_tints_follow_typing_with_characters_beyond_the_bmp(window):
    from tests.ui.conftest import ASTRAL

    (tag,) = tags(window, "人物")
    proofreading(window)
    view = window.article_view
    start = window.article.block_starts()[4] + 4
    view.select_range(start, start + 6)
    window.editing.apply_tag(tag.id)
    for offset, text in ((start - 1, ASTRAL), (start + 3, ASTRAL + "乙"), (start + 9, "丙")):
        cursor_at(window, offset)
        commit(window, text)
        assert view.toPlainText().replace("\u2029", "\n") == window.article.text
        assert [(s, e) for s, e, _ in view.annotation_spans()] == [(a.start, a.end) for a in window.article.annotations]
        (tinted,) = {piece.index for piece, _ in view.tint_pieces()}  # the one tint is painted where its words are
        cursor = view.cursor_for(*view.annotation_spans()[tinted][:2])
        assert cursor.selectedText() == window.article.text[window.article.annotations[0].start:
                                                             window.article.annotations[0].end]
    QTest.keyClick(view, K.Key_Backspace)  # the 丙 again
    assert view.toPlainText().replace("\u2029", "\n") == window.article.text
    quotes_hold(window)
