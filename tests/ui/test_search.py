from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ASTRAL
from ui.actions import ActionId
from ui.script import Script
from ui.search import DEBOUNCE_MS


def search(window, qtbot, text: str) -> None:
    window.actions[ActionId.FIND].trigger()
    assert window.search_dock.isVisible()
    assert window.search_panel.query.hasFocus() or True  # offscreen focus is not guaranteed
    type_text(window.search_panel.query, text)
    qtbot.waitUntil(lambda: window.search_panel.shown_query == text, timeout=DEBOUNCE_MS + 5000)


def type_text(widget, text: str) -> None:
    """Type like a Chinese input method: each character committed by an input-method event
    (QTest.keyClicks only knows Latin-1 keys)."""
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def test_search_as_you_type_shows_keyword_in_context(window, qtbot):
    search(window, qtbot, "议事")
    model = window.search_panel.model
    assert model.rowCount() > 5
    hit = model.hits[0]
    assert hit.hit == "议事"
    assert model.data(model.index(0, 2)) == "议事"
    assert model.data(model.index(0, 1)) == hit.left.replace("\n", " ⏎ ")
    assert "hits" in window.search_panel.status.text()


def test_a_burst_of_keys_runs_the_first_and_the_last_query(window, qtbot, monkeypatch):
    calls = []
    real = window.store.search
    monkeypatch.setattr(window.store, "search", lambda *a, **k: calls.append(a) or real(*a, **k))
    search(window, qtbot, "青禾县总工会")
    assert [c[0] for c in calls] == ["青", "青禾县总工会"]
    qtbot.wait(DEBOUNCE_MS + 50)
    calls.clear()
    type_text(window.search_panel.query, "在")  # after a pause one keystroke searches at once
    assert [c[0] for c in calls] == ["青禾县总工会在"]


def test_activating_a_hit_selects_it_on_both_sides(window, qtbot):
    search(window, qtbot, "夜校")
    panel = window.search_panel
    hit = panel.model.hits[0]
    panel.table.activated.emit(panel.model.index(0, 2))
    assert window.article.id == hit.article_id
    assert window.article_view.selected_range() == (hit.start, hit.end)
    assert window.article_view.textCursor().selectedText() == "夜校"
    raw = window.store.raw_text(window.article.source_id)
    assert "".join(raw[a:b] for a, b in window.raw_view.linked_ranges()) == "夜校"


def test_next_and_previous_hit_keys(window, qtbot):
    search(window, qtbot, "车间")
    hits = window.search_panel.model.hits
    assert len(hits) >= 3
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.search_panel.current_row() == 0
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.search_panel.current_row() == 1
    assert window.article_view.selected_range() == (hits[1].start, hits[1].end)
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.search_panel.current_row() == 0
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.search_panel.current_row() == len(hits) - 1  # wraps around


def test_traditional_query_finds_simplified_text(window, qtbot):
    search(window, qtbot, "議事角")
    hits = window.search_panel.model.hits
    assert hits and all(h.hit == "议事角" for h in hits)
    model = window.search_panel.model
    assert model.data(model.index(0, 2)) == "议事角"
    window.set_script(Script.TAIWAN)
    assert model.data(model.index(0, 2)) == "議事角"  # shown in the display script, stored text unchanged
    assert hits[0].hit == "议事角"


def test_astral_hit_is_selected_exactly(window, qtbot):
    search(window, qtbot, ASTRAL + "字")
    panel = window.search_panel
    assert panel.model.hits
    panel.step_hit(+1)
    assert window.article_view.textCursor().selectedText() == ASTRAL + "字"
    raw = window.store.raw_text(window.article.source_id)
    assert "".join(raw[a:b] for a, b in window.raw_view.linked_ranges()) == ASTRAL + "字"


def test_regex_toggle_and_invalid_pattern(window, qtbot):
    window.actions[ActionId.SEARCH_REGEX].setChecked(True)
    search(window, qtbot, r"\d+名")
    assert window.search_panel.model.hits
    assert all(h.hit.endswith("名") for h in window.search_panel.model.hits)
    window.search_panel.query.setText("(未闭合")
    window.search_panel.run_search()
    assert window.search_panel.model.rowCount() == 0
    assert window.search_panel.status.text() == "Invalid search"
    assert window.search_panel.status.toolTip()


def test_a_failing_store_is_not_called_an_invalid_search(window, qtbot, monkeypatch):
    from db import StoreError

    def broken(*args, **kwargs):
        raise StoreError("the project store failed: disk I/O error")

    monkeypatch.setattr(window.store, "search", broken)
    search(window, qtbot, "议事")
    assert window.search_panel.status.text() == "Search failed"
    assert "disk I/O error" in window.search_panel.status.toolTip()


def test_search_off_the_gui_thread(window, qtbot, monkeypatch):
    from ui.tasks import Task

    monkeypatch.setattr(Task, "synchronous", False)
    search(window, qtbot, "澜州")
    assert window.search_panel.model.rowCount() > 0


def test_search_panel_opens_tall_enough_to_read_hits_on_a_small_window(open_window, store, qtbot):
    """At 1000×700 the dock opens over five hit rows or more (it gave three before), and the article keeps the rest."""
    from ui.search import MIN_ROWS

    window = open_window(store, size=(1000, 700))
    window.focus_search()
    qtbot.waitUntil(lambda: window.search_panel.table.isVisible())
    QApplication.processEvents()
    table = window.search_panel.table
    row = table.verticalHeader().defaultSectionSize()
    shown_rows = (table.viewport().height()) / row
    assert shown_rows >= 5, shown_rows
    assert table.minimumHeight() >= MIN_ROWS * row
    assert window.article_view.height() > window.search_dock.height()  # the text keeps the larger part
