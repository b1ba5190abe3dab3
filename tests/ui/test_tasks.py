from __future__ import annotations

import threading

import pytest

from ui.tasks import Task, run_task


def test_synchronous_task_reports_inline():
    events = []
    task = run_task(
        lambda progress, cancelled: [progress(i, 3, f"f{i}") for i in range(1, 4)] and "done",
        on_progress=lambda d, t, label: events.append((d, t, label)),
        on_done=lambda result: events.append(result),
    )
    assert task.done
    assert events == [(1, 3, "f1"), (2, 3, "f2"), (3, 3, "f3"), "done"]


def test_threaded_task_runs_off_the_gui_thread(qtbot, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)
    seen = {}

    def work(progress, cancelled):
        seen["thread"] = threading.current_thread()
        progress(1, 1, "x")
        return 42

    task = Task(work)
    progress = []
    task.progressed.connect(lambda *a: progress.append((a, threading.current_thread())))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        task.start()
    assert blocker.args == [42]
    assert seen["thread"] is not threading.main_thread()
    assert progress and progress[0][1] is threading.main_thread()  # delivered on the GUI thread
    assert not Task.running()


def test_threaded_task_cancel_and_error(qtbot, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)
    gate = threading.Event()

    def work(progress, cancelled):
        gate.wait(5)
        if cancelled():
            raise RuntimeError("stopped on request")
        return "finished"

    task = Task(work)
    errors = []
    task.failed.connect(lambda exc, text: errors.append(str(exc)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
        task.cancel()
        gate.set()
    assert errors == ["stopped on request"]


@pytest.mark.parametrize("synchronous", [True, False])
def test_errors_are_reported_not_raised(qtbot, monkeypatch, synchronous):
    monkeypatch.setattr(Task, "synchronous", synchronous)
    task = Task(lambda p, c: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], ZeroDivisionError)
    assert "ZeroDivisionError" in blocker.args[1]
