"""The one helper for long store operations (ui/operations.py): result, progress, cancel, errors, events."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget

from ui.operations import OpHolder, StoreOp
from ui.tasks import Task


def _op(parent: QWidget, work, **texts) -> StoreOp:
    options = dict(name="testProgress", title="Working", label="Working…", error_title="It Failed",
                   cancel_text="Cancel")
    options.update(texts)
    return StoreOp(parent, work, **options)


def test_a_synchronous_op_reports_its_result_and_closes_its_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    op = _op(parent, lambda progress, cancelled: (progress(1, 2, "a"), progress(2, 2, "b"), 42)[-1],
             progress_label=lambda done, total, item: f"{done}/{total} {item}")
    labels = []
    op.task.progressed.connect(lambda *_: labels.append(op.dialog.labelText()))
    op.succeeded.connect(seen.append)
    holder = OpHolder()
    holder.hold(op).start()
    assert seen == [42]
    assert labels == ["1/2 a", "2/2 b"]
    assert op.dialog is None and op.task is None and op.done
    assert holder.op is None and not holder.busy and holder.task is None and holder.dialog is None


def test_cancel_from_the_dialog_reaches_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress, cancelled):
        done = 0
        while not cancelled() and done < 100:
            done += 1
            progress(done, 100, "")
        return done

    op = _op(parent, work)
    op.started.connect(lambda task, dialog: task.progressed.connect(
        lambda done, *_: done == 3 and dialog.findChild(QPushButton).click()))
    result = []
    op.succeeded.connect(result.append)
    op.start()
    assert result == [3]


def test_an_op_without_cancel_has_no_cancel_button(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    buttons = []
    op = _op(parent, lambda progress, cancelled: None, cancel_text=None)
    op.started.connect(lambda task, dialog: buttons.extend(dialog.findChildren(QPushButton)))
    op.start()
    assert buttons == []


def test_a_failure_is_a_message_with_the_callers_title(qtbot, messages):
    parent = QWidget()
    qtbot.addWidget(parent)
    failures = []

    def work(progress, cancelled):
        raise ValueError("the file is not an export")

    op = _op(parent, work, error_title="导入失败")
    op.failed.connect(lambda exc, details: failures.append((type(exc), "ValueError" in details)))
    op.start()
    assert messages == [("导入失败", "the file is not an export")]
    assert failures == [(ValueError, True)]
    assert op.dialog is None


def test_the_error_title_is_in_the_interface_language(window, tmp_path, messages):
    window.set_language("zh_CN")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    window.exchange.exports.start("csv", str(blocker / "x.csv"), None)
    assert messages and messages[-1][0] == "导出失败"


def test_a_store_error_of_an_operation_is_in_the_interface_language(window, tmp_path, messages):
    """Import Work of a malformed JSONL file, in the Chinese desk: the message is Chinese, the file named."""
    window.set_language("zh_CN")
    before = window.store.project.count_sources()
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"not": "an article"}\n{broken\n', encoding="utf-8")
    window.exchange.import_work(str(bad))
    title, text = messages[-1]
    assert title == "导入失败"
    assert text == f"{bad} 第 1 行：不是校勘 JSONL 导出文件中的文章。"
    missing = tmp_path / "missing.jsonl"
    window.exchange.import_work(str(missing))
    assert messages[-1][1].startswith(f"无法读取 {missing}：")
    assert window.store.project.count_sources() == before  # a refused import changes nothing
    window.set_language("en")
    window.exchange.import_work(str(bad))
    assert messages[-1] == ("Import Failed", f"{bad}, line 1: this is not an article of a Jiaokan JSONL export.")


def test_off_the_gui_thread_the_views_hear_of_the_change_before_the_result(window, qtbot, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)
    project = window.store.project
    order: list[str] = []
    threads: list[int] = []
    window.events.changed.connect(lambda event: order.append("changed"))

    def work(progress, cancelled):
        threads.append(threading.get_ident())
        return project.add_tag("新标签").id

    op = _op(window, work)
    op.succeeded.connect(lambda tag_id: order.append("succeeded"))
    with qtbot.waitSignal(op.finished, timeout=10000):
        op.start()
    assert threads and threads[0] != threading.get_ident()
    assert order == ["changed", "succeeded"]
    assert "新标签" in [t.path for t in project.tags()]


def test_a_controller_refuses_a_second_import_while_one_runs(window, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)
    release = threading.Event()
    real = window.store.import_paths

    def slow_import(paths, progress, cancelled):
        release.wait(10)
        return real(paths, progress, cancelled)

    monkeypatch.setattr(window.store, "import_paths", slow_import)
    page = tmp_path / "page.txt"
    page.write_text("标题\n正文一段。\n", encoding="utf-8")
    controller = window.projects
    first = controller.import_paths([str(page)])
    assert first is not None and controller.ops.busy
    assert controller.import_paths([str(page)]) is None  # refused: one import at a time
    with qtbot.waitSignal(controller.import_finished, timeout=20000):
        release.set()
    qtbot.waitUntil(lambda: controller.task is None, timeout=5000)
    assert not controller.ops.busy and controller.progress_dialog is None
