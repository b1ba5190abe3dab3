"""The one helper that runs long work (import, search) off the GUI thread.

``run_task(fn, ...)`` calls ``fn(progress, cancelled)`` in a QThread. ``progress(done,
total, label)`` and the final result or error come back on the GUI thread as
signals; ``cancel()`` makes ``cancelled()`` return True. With ``Task.synchronous``
set (tests do), the work runs inline and the callbacks fire before ``start()``
returns, so tests need no waits.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, Signal

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Runner(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)

    def __init__(self, work: Work, cancel_event: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel_event

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the GUI, never swallowed
            self.failed.emit(exc, traceback.format_exc())
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """One piece of long work; connect the signals, then :meth:`start`."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    finished = Signal()

    #: run inline on the calling thread (tests)
    synchronous: ClassVar[bool] = False
    _running: ClassVar[set[Task]] = set()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread: _Runner | None = None
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        Task._running.add(self)
        if Task.synchronous:
            try:
                result = self._work(self.progressed.emit, self._cancel.is_set)
            except Exception as exc:
                self._finish()
                self.failed.emit(exc, traceback.format_exc())
            else:
                self._finish()
                self.succeeded.emit(result)
            self.finished.emit()
            return
        thread = _Runner(self._work, self._cancel)
        thread.progressed.connect(self.progressed)
        thread.succeeded.connect(self._on_succeeded)
        thread.failed.connect(self._on_failed)
        self._thread = thread
        thread.start()

    def wait(self, msecs: int = 30000) -> bool:
        return self._thread.wait(msecs) if self._thread is not None else True

    def _finish(self) -> None:
        self.done = True
        Task._running.discard(self)

    def _on_succeeded(self, result: object) -> None:
        self._join()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, exc: object, text: str) -> None:
        self._join()
        self.failed.emit(exc, text)
        self.finished.emit()

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        self._finish()

    @classmethod
    def running(cls) -> list[Task]:
        return list(cls._running)

    @classmethod
    def cancel_all(cls, wait_ms: int = 10000) -> None:
        for task in list(cls._running):
            task.cancel()
            task.wait(wait_ms)


def run_task(
    work: Work,
    *,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    parent: QObject | None = None,
) -> Task:
    task = Task(work, parent)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if on_done is not None:
        task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    task.start()
    return task
