"""A runaway regular expression never holds up the desk.

Searches run off the GUI thread with the store's time budget, and a newer query cancels the
one still running; the GUI thread only starts a search and shows its outcome.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from ui.backend import ProjectStore
from ui.tasks import Task

RUNAWAY = "(a|aa)+$"  # exponential on a long run of a's that does not end the text


@pytest.fixture
def runaway_store(tmp_path):
    page = tmp_path / "run.txt"
    page.write_text("标题在这里\n\n" + "a" * 40 + "b\n\n正文一段，没有别的。\n", encoding="utf-8")
    store = ProjectStore.open(str(tmp_path / "runaway.jiaokan"))
    report = store.import_paths([str(page)], lambda *a: None, lambda: False)
    assert not report.failed
    yield store
    store.close()


@pytest.fixture
def threaded_window(qtbot, open_window, runaway_store, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)  # searches on their own thread, as in the desk
    yield open_window(runaway_store, (1280, 720))
    qtbot.waitUntil(lambda: not Task.running(), timeout=30_000)


def _runaway_typed_quietly(window):
    """The search panel with regex on and the runaway pattern typed, its signals still blocked (no search yet)."""
    panel = window.search_panel
    panel.regex_action.setChecked(True)
    panel.query.blockSignals(True)
    panel.query.setText(RUNAWAY)
    return panel


@pytest.mark.timeout(60)
def test_a_runaway_regex_reports_too_long_and_the_gui_thread_stays_free(threaded_window, qtbot):
    panel = _runaway_typed_quietly(threaded_window)
    panel.query.blockSignals(False)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    started = time.perf_counter()
    panel.run_search()
    handed_off = time.perf_counter() - started
    assert Task.running(), "the search runs off the GUI thread"
    qtbot.waitUntil(lambda: panel.status.text() == "Invalid search", timeout=30_000)
    timer.stop()
    assert "took too long" in panel.status.toolTip()
    assert handed_off < 0.05  # the GUI thread only started it
    assert len([t for t in ticks if t > started]) >= 3  # the event loop kept turning meanwhile


@pytest.mark.timeout(60)
def test_a_newer_query_cancels_the_search_still_running(threaded_window, qtbot):
    panel = _runaway_typed_quietly(threaded_window)
    panel.run_search()
    runaway = panel._task
    assert runaway is not None and not runaway.done
    panel.query.setText("正文")
    panel.query.blockSignals(False)
    panel.run_search()
    assert runaway.is_cancelled()
    qtbot.waitUntil(lambda: not Task.running(), timeout=30_000)
    assert panel.status.text() == "1 hit"
    assert panel.model.rowCount() == 1
