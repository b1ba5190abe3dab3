"""The one bridge from the store's plain-Python change events to Qt signals.

``db.Project`` calls its listeners on whichever thread committed the change (an
import runs on a worker thread). :attr:`StoreEvents.changed` is emitted from that
thread, and Qt queues it to receivers on the GUI thread, so views only ever see
events on the GUI thread, after the transaction committed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class StoreEvents(QObject):
    changed = Signal(object)  # a db.ChangeEvent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None

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
