"""One helper for every long store operation of the desk (import, export, merging work).

In the spirit of Anki's ``CollectionOp``: :class:`StoreOp` runs ``work(progress, cancelled)``
off the GUI thread (:class:`ui.tasks.Task`) behind a window-modal progress dialog, cancels
through the dialog's button (or not at all, for one-transaction work such as a merge), turns
a failure into a message box in the interface language (the caller passes translated texts;
a store error is put in the interface language by :func:`ui.store_errors.translate_store_error`),
and reports the result with :attr:`StoreOp.succeeded`.

The change broadcast: the store announces every committed change as a ``db.ChangeEvent``,
which :class:`ui.events.StoreEvents` delivers to the views on the GUI thread. A worker
commits before it returns, and Qt delivers queued signals in order, so by the time
:attr:`StoreOp.succeeded` fires the views have seen the operation's changes.

With ``Task.synchronous`` set (tests), the work runs inline and every signal has fired
when :meth:`StoreOp.start` returns; otherwise wait with ``qtbot.waitSignal(op.finished)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from db import StoreError
from ui.dialogs import show_error
from ui.store_errors import translate_store_error
from ui.tasks import Task, Work

#: Text for the progress dialog's label from (done, total, item); None keeps the first label.
LabelFn = Callable[[int, int, str], str]


def failure_message(exc: BaseException) -> str:
    """What the user reads when an operation fails: a store refusal in the interface language."""
    if isinstance(exc, StoreError):
        return translate_store_error(exc)  # the store speaks English; the desk, the user's language
    return str(exc) or type(exc).__name__


class StoreOp(QObject):
    """One long operation: create it, connect :attr:`succeeded`, then :meth:`start` it."""

    started = Signal(object, object)  #: (Task, QProgressDialog): tests cancel through the dialog
    succeeded = Signal(object)  #: the work's result
    failed = Signal(object, str)  #: (exception, traceback text), after the message was shown
    finished = Signal()  #: after succeeded or failed; the op is done

    def __init__(
        self,
        window: QWidget,
        work: Work,
        *,
        name: str,
        title: str,
        label: str,
        progress_label: LabelFn | None = None,  # replaces ``label`` as the work reports progress
        error_title: str,
        cancel_text: str | None = None,
        min_duration_ms: int = 300,
        parent: QObject | None = None,
    ) -> None:
        """``cancel_text`` None: the operation cannot be cancelled (no Cancel button)."""
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.error_title = error_title
        self._progress_label = progress_label
        self.dialog: QProgressDialog | None = self._make_dialog(name, title, label, cancel_text, min_duration_ms)
        self.task: Task | None = Task(work, self)
        if cancel_text is not None:
            self.dialog.canceled.connect(self.task.cancel)
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(self._on_succeeded)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_finished)

    def _make_dialog(self, name: str, title: str, label: str, cancel_text: str | None,
                     min_duration_ms: int) -> QProgressDialog:
        dialog = QProgressDialog(self.window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if cancel_text is None:
            dialog.setCancelButton(None)
        else:
            dialog.setCancelButtonText(cancel_text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(min_duration_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setRange(0, 0)
        return dialog

    # -- running -----------------------------------------------------------------------------------
    def start(self) -> StoreOp:
        assert self.task is not None, "a StoreOp runs once"
        self.started.emit(self.task, self.dialog)
        self.task.start()
        return self

    @property
    def done(self) -> bool:
        return self.task is None or self.task.done

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.task.wait(msecs) if self.task is not None else True

    # -- on the GUI thread -------------------------------------------------------------------------
    def _on_progress(self, done: int, total: int, item: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        top = max(1, total)
        if dialog.maximum() != top:
            dialog.setRange(0, top)
        dialog.setValue(min(done, top))
        if self._progress_label is not None:
            dialog.setLabelText(self._progress_label(done, total, item))

    def _on_succeeded(self, result: Any) -> None:
        self._close_dialog()
        self.succeeded.emit(result)

    def _on_failed(self, exc: BaseException, details: str) -> None:
        self._close_dialog()
        show_error(self.window, self.error_title, failure_message(exc), details)
        self.failed.emit(exc, details)

    def _on_finished(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self.finished.emit()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None  # let go first: closing it may re-enter (its canceled signal)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


class OpHolder:
    """A controller's slot for its one running :class:`StoreOp` (refuses a second while one runs)."""

    def __init__(self) -> None:
        self.op: StoreOp | None = None

    @property
    def busy(self) -> bool:
        return self.op is not None and not self.op.done

    def hold(self, op: StoreOp) -> StoreOp:
        self.op = op
        op.finished.connect(lambda: self._release(op))
        return op

    def _release(self, op: StoreOp) -> None:
        if self.op is op:
            self.op = None

    @property
    def task(self) -> Task | None:
        return self.op.task if self.op is not None else None

    @property
    def dialog(self) -> QProgressDialog | None:
        return self.op.dialog if self.op is not None else None

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel a running operation and wait for it (the window is closing)."""
        if self.busy:
            assert self.op is not None
            self.op.cancel()
            self.op.wait(msecs)


class RunsStoreOps:
    """For a controller with an :class:`OpHolder` as ``ops``: its running task and progress dialog (tests read them)."""

    ops: OpHolder

    @property
    def task(self) -> Task | None:
        return self.ops.task

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.ops.dialog
