"""The article first: an open paints the article before the panes it also changed.

Opening an article changes the library (its selection, often a scroll), the raw text (a new
page, its lines tinted) and the article. Painted in one pass, the reader waits for all of
them before seeing any; on a heavily tagged article the library and the raw text are half of
that pass. So while an article opens, those panes hold their pixels (their state changes at
once: selection, text, scroll position) and are painted in the frame after the article's.
Nothing is skipped: the held panes repaint whole as soon as the article has been painted, or
after ``SAFETY_MS`` when it is not painted at all (a minimised window). The wait is long
enough that a loaded machine, slow to reach its event loop, still paints the article first.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

SAFETY_MS = 1000  # the held panes never wait longer than this for the article's paint (no paint: a minimised window)


class ArticleFirst(QObject):
    """Holds the painting of ``followers`` from :meth:`hold` until ``view``'s viewport has painted."""

    def __init__(self, view, followers: Sequence[QWidget]) -> None:
        super().__init__(view)
        self.viewport: QWidget = view.viewport()
        self.followers = list(followers)
        self._held: list[QWidget] = []
        self._safety = QTimer(self)
        self._safety.setSingleShot(True)
        self._safety.setInterval(SAFETY_MS)
        self._safety.timeout.connect(self.release)
        self.viewport.installEventFilter(self)

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def hold(self) -> None:
        """The article is about to change: the visible followers keep their pixels until it is painted."""
        if self._held or not self.viewport.isVisible():
            return
        self._held = [w for w in self.followers if w.isVisible() and w.updatesEnabled()]
        for widget in self._held:
            widget.setUpdatesEnabled(False)
        if self._held:
            self._safety.start()

    def release(self) -> None:
        """Paint the followers (each repaints whole: it changed while held)."""
        self._safety.stop()
        held, self._held = self._held, []
        for widget in held:
            if shiboken6.isValid(widget):
                widget.setUpdatesEnabled(True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self._held and event.type() == QEvent.Type.Paint and obj is self.viewport:
            QTimer.singleShot(0, self.release)  # queued behind this paint: the followers take the next frame
        return False
