"""The one bridge from the store's plain-Python change events to Qt signals.

``db.Project`` calls its listeners on whichever thread committed the change (an
import runs on a worker thread). :attr:`StoreEvents.changed` is emitted from that
thread, and Qt queues it to receivers on the GUI thread, so views only ever see
events on the GUI thread, after the transaction committed.

While a keystroke's correction runs (:meth:`StoreEvents.typing_burst`), :attr:`StoreEvents.typing`
is True: receivers that only summarise (panels, counts) refresh once the typing pauses instead of
on every key; the article itself follows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal


class StoreEvents(QObject):
    changed = Signal(object)  # a db.ChangeEvent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None
        #: True while the change being announced comes from a keystroke in the article
        self.typing = False

    @contextmanager
    def typing_burst(self) -> Iterator[None]:
        """The changes announced inside come from typing (see :attr:`typing`)."""
        was, self.typing = self.typing, True
        try:
            yield
        finally:
            self.typing = was

    def attach(self, store: object | None) -> None:
        """Listen to ``store`` (anything with ``subscribe(listener)``), replacing the previous one."""
        self.detach()
        subscribe = getattr(store, "subscribe", None)
        if subscribe is not None:
            self._unsubscribe = subscribe(self._on_event)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_event(self, event: object) -> None:
        self.changed.emit(event)
