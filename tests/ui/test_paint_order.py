"""An open paints the article first; the library and the raw text follow in the next frame (ui.paint_order)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ui.paint_order import SAFETY_MS


class PaintLog(QObject):
    """Which of the watched widgets were painted, in order."""

    def __init__(self, **widgets) -> None:
        super().__init__()
        self.names = {w: name for name, w in widgets.items()}
        self.order: list[str] = []
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and obj in self.names:
            self.order.append(self.names[obj])
        return False


def other_page_article(window) -> int:
    """An article on another page than the open one (so the raw text and the library change too)."""
    store, shown = window.store, window.article
    for source in store.sources(0, 10):
        if source.id != shown.source_id:
            return store.articles(source.id, 0, 1)[0].id
    raise AssertionError("the sample has one page only")


def test_the_article_is_painted_before_the_library_and_the_raw_text(window, qtbot):
    qtbot.wait(50)
    target = other_page_article(window)
    log = PaintLog(
        article=window.article_view.viewport(), raw=window.raw_view.viewport(), library=window.library.viewport()
    )
    window.open_article(target)
    # their state is there at once: the new page, the selection in the library
    page = window.store.raw_text(window.store.article(target).source_id)
    assert window.raw_view.toPlainText() == window.converter.convert_lines(page)
    assert window.library_model.article_id(window.library.currentIndex()) == target
    assert window.paint_order.holding
    qtbot.waitUntil(lambda: {"article", "raw", "library"} <= set(log.order), timeout=2000)
    assert log.order[0] == "article", log.order
    assert not window.paint_order.holding
    assert window.raw_view.updatesEnabled() and window.library_pane.updatesEnabled()


def test_the_panes_are_released_even_when_the_article_is_not_painted(window, qtbot):
    qtbot.wait(50)
    window.paint_order.hold()  # nothing changes in the article: no paint comes
    assert not window.raw_view.updatesEnabled()
    qtbot.waitUntil(lambda: window.raw_view.updatesEnabled(), timeout=SAFETY_MS * 10)
    assert window.library_pane.updatesEnabled()


def test_a_hidden_article_view_holds_nothing(window, qtbot):
    window.article_view.hide()
    QApplication.processEvents()
    window.open_article(other_page_article(window))
    assert not window.paint_order.holding
    assert window.raw_view.updatesEnabled()
