"""After a keystroke the desk patches the open article (ui.article_patch) instead of reading it again:
the patched article must be exactly what reading it from the store gives."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.ui.editing.test_desk import quotes_hold, tags
from tests.ui.editing.test_typing import commit, cursor_at, proofreading

K = Qt.Key


def same_as_stored(window) -> None:
    fresh = type(window.store).article(window.store, window.article.id)  # read whole, past reads_counted
    shown = window.article
    assert [(b.id, b.role, b.text, tuple(b.runs)) for b in shown.blocks] == [
        (b.id, b.role, b.text, tuple(b.runs)) for b in fresh.blocks
    ]
    assert shown.annotations == fresh.annotations
    assert shown.orphans == fresh.orphans
    assert shown.headline == fresh.headline
    assert window.article_view.toPlainText().replace("\u2029", "\n") == fresh.text
    assert [(s, e) for s, e, _ in window.article_view.annotation_spans()] == [
        (a.start, a.end) for a in fresh.annotations
    ]


def reads_counted(window, monkeypatch) -> list[int]:
    """Every whole-article read of the store from now on (the patch path makes none)."""
    reads: list[int] = []
    real = window.store.article

    def counting(article_id):
        reads.append(article_id)
        return real(article_id)

    monkeypatch.setattr(window.store, "article", counting)
    return reads


def tagged_article(window):
    """The open article with overlapping passages of two tags around its fifth paragraph."""
    first, second = tags(window, "人物", "地点")
    start = window.article.block_starts()[4]
    rnd = random.Random(5)
    for k in range(12):
        at = start + rnd.randrange(0, 40)
        window.article_view.select_range(at, at + rnd.randint(1, 6))
        window.editing.apply_tag((first if k % 2 else second).id)
    return start


def test_typing_deleting_and_pasting_patch_the_article_exactly(window, monkeypatch):
    start = tagged_article(window)
    proofreading(window)
    reads = reads_counted(window, monkeypatch)
    rnd = random.Random(9)
    for _ in range(25):
        at = start + rnd.randrange(0, 45)
        cursor_at(window, at)
        kind = rnd.choice(("key", "ime", "backspace", "delete"))
        if kind == "key":
            QTest.keyClick(window.article_view, K.Key_A)
        elif kind == "ime":
            commit(window, "劳动")
        elif kind == "backspace":
            QTest.keyClick(window.article_view, K.Key_Backspace)
        else:
            QTest.keyClick(window.article_view, K.Key_Delete)
        same_as_stored(window)
    QGuiApplication.clipboard().setText("粘贴")
    window.article_view.select_range(start + 3, start + 7)
    QTest.keyClick(window.article_view, K.Key_V, Qt.KeyboardModifier.ControlModifier)
    same_as_stored(window)
    assert reads == []  # every keystroke was patched in, none read the article again
    quotes_hold(window)


def test_deleting_a_whole_passage_orphans_it_in_the_patched_article(window, monkeypatch):
    (tag,) = tags(window, "主题")
    start = window.article.block_starts()[4] + 5
    window.article_view.select_range(start, start + 3)
    window.editing.apply_tag(tag.id)
    proofreading(window)
    reads = reads_counted(window, monkeypatch)
    window.article_view.select_range(start - 1, start + 4)  # the passage and a character either side
    QTest.keyClick(window.article_view, K.Key_Delete)
    assert window.article.annotations == [] and len(window.article.orphans) == 1
    same_as_stored(window)
    assert reads == []
    QTest.keyClick(window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo is a revert: read again
    [ann] = window.article.annotations
    assert (ann.start, ann.end) == (start, start + 3) and not window.article.orphans
    same_as_stored(window)


def test_a_stale_copy_is_read_again_not_patched(window, monkeypatch):
    """A correction made behind the desk's back (another connection): the next keystroke reads the article."""
    from db import Project

    proofreading(window)
    article = window.article
    at = article.block_starts()[3] + 2
    with Project.open(window.store.path, create=False) as other:
        other.correct(article.id, at, at + 1, "乙")  # its event goes to that project's listeners only
    reads = reads_counted(window, monkeypatch)
    cursor_at(window, at + 4)
    commit(window, "甲")
    assert reads == [article.id]
    same_as_stored(window)
    assert window.article.text[at] == "乙"


def test_a_copy_stale_in_another_paragraph_is_read_again(window, monkeypatch):
    from db import Project

    proofreading(window)
    article = window.article
    elsewhere = article.block_starts()[2] + 1
    with Project.open(window.store.path, create=False) as other:
        other.correct(article.id, elsewhere, elsewhere, "插入")  # another program, another paragraph
    reads = reads_counted(window, monkeypatch)
    at = article.block_starts()[4] + 2
    cursor_at(window, at)
    commit(window, "甲")
    assert reads == [article.id]
    same_as_stored(window)


def test_panels_follow_typing_once_it_pauses_in_one_refresh(window, qtbot, monkeypatch):
    """A burst of keys: the history panel is refreshed once, after the pause, and then lists every key."""
    (tag,) = tags(window, "人物")
    start = window.article.block_starts()[4] + 2
    window.article_view.select_range(start, start + 4)
    window.editing.apply_tag(tag.id)
    proofreading(window)
    history = window.editing.history
    before = len(history.model.entries)
    refreshes: list[int] = []
    real = history.set_entries
    monkeypatch.setattr(history, "set_entries", lambda entries, *a: (refreshes.append(len(entries)), real(entries, *a)))
    cursor_at(window, start - 1)
    QTest.keyClicks(window.article_view, "abcde")
    window.article_view.select_range(start + 5, start + 9)  # the passage, now 5 characters on
    QTest.keyClick(window.article_view, K.Key_Delete)  # its words go: it is orphaned
    assert window.article.annotations == [] and len(window.article.orphans) == 1  # the article follows at once
    qtbot.waitUntil(lambda: len(history.model.entries) == before + 6, timeout=3000)
    assert refreshes == [before + 6]  # six keys, one refresh of the panel
    assert window.editing.annotations.orphan_model.rowCount() == 1
    QTest.keyClick(window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # not typing: the panels follow at once
    assert len(history.model.entries) == before + 7 and refreshes[-1] == before + 7
    assert window.editing.annotations.orphan_model.rowCount() == 0


def test_with_corrections_shown_a_typed_key_shows_at_once(window):
    """Show Corrections covers the article: what is typed appears in it at once, not when typing pauses."""
    from ui.editing.actions import EditActionId as E

    proofreading(window)
    window.editing.actions[E.SHOW_CORRECTIONS].setChecked(True)
    at = window.article.block_starts()[3] + 2
    cursor_at(window, at)
    window.article_view.setFocus()
    commit(window, "甲")
    shown = window.editing.corrections_view.toPlainText().replace("\u2029", "\n")
    assert shown == window.article.text  # an insertion: the text as it now reads, "甲" underlined
    assert window.editing.corrections_view.mark_at(at) is not None
    window.editing.actions[E.SHOW_CORRECTIONS].setChecked(False)
