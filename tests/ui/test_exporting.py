"""File > Export…: the dialog lists every format, filters apply, the progress dialog cancels, failures are messages."""

from __future__ import annotations

import csv
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from db.exports import FORMATS
from ui.exchange import ExchangeActionId
from ui.tasks import Task


def _annotate(window) -> None:
    project = window.store.project
    tag = project.add_tag("权益", colour="#3366cc")
    other = project.add_tag("地点")
    source = project.list_sources()[0].id
    first, second = project.article_ids(source)[:2]
    project.annotate(first, tag.id, 0, 4, note="注")
    project.annotate(second, other.id, 0, 2)
    project.set_review_state(first, "proofread")


def _open_dialog(window):
    window.actions[ExchangeActionId.EXPORT].trigger()
    dialog = window.exchange.exports.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_dialog_lists_every_format_and_exports_with_filters(window, tmp_path):
    _annotate(window)
    dialog = _open_dialog(window)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == list(FORMATS)
    assert dialog.sources.count() == window.store.source_count() and dialog.tags.count() == 2
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text().endswith(".csv")
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert not dialog.output.text().endswith(".csv")  # a folder for brat
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    out = tmp_path / "export.csv"
    dialog.output.setText(str(out))
    dialog.tags.item(0).setCheckState(Qt.CheckState.Checked)  # 地点 (codebook order)
    finished = []
    window.exchange.exports.export_finished.connect(finished.append)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert finished and finished[0].articles == 1 and finished[0].annotations == 1
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["tag"] for r in rows] == ["地点"]
    assert "Exported 1 article(s)" in window.statusBar().currentMessage()
    assert window.exchange.exports.progress_dialog is None


def test_cancel_from_the_progress_dialog_leaves_nothing(window, tmp_path):
    _annotate(window)
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("tei", "brat"):
        out = FORMATS[name].default_path("cancelled", folder)
        seen = []

        def cancel_at_first(task, dialog, seen=seen):
            def on_progress(done, total, _label):
                seen.append(done)
                if done >= 1:
                    dialog.findChild(QPushButton).click()  # the user clicks Cancel

            task.progressed.connect(on_progress)

        controller = window.exchange.exports
        controller.export_started.connect(cancel_at_first)
        results = []
        controller.export_finished.connect(results.append)
        controller.start(name, str(out), None)
        controller.export_started.disconnect(cancel_at_first)
        assert results == [None] and seen[-1] == 1
        assert not out.exists() and list(folder.iterdir()) == []
        assert "cancelled" in window.statusBar().currentMessage()
        assert controller.progress_dialog is None


def test_failures_are_shown_as_messages(window, tmp_path, messages):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    window.exchange.exports.start("csv", str(blocker / "x.csv"), None)
    assert messages and messages[-1][0] == "Export Failed"
    from db.exports.snapshot import ExportFilter

    window.exchange.exports.start("csv", str(tmp_path / "x.csv"), ExportFilter(tag_paths=("没有这个标签",)))
    assert messages[-1][0] == "Export Failed" and "没有这个标签" in messages[-1][1]
    assert not (tmp_path / "x.csv").exists()


def test_no_project_no_dialog(qtbot, settings, messages):
    from ui.mainwindow import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.exchange.exports.open_dialog() is None
    assert messages and messages[0][0] == "No Project"
    win.close()


def test_export_runs_off_the_gui_thread(window, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(Task, "synchronous", False)
    out = tmp_path / "threaded.md"
    controller = window.exchange.exports
    with qtbot.waitSignal(controller.export_finished, timeout=20000) as blocker:
        controller.start("markdown", str(out), None)
    assert blocker.args[0].path == out and out.read_text(encoding="utf-8").startswith("<!--")
    qtbot.waitUntil(lambda: controller.task is None, timeout=5000)


def test_dialog_in_chinese(window):
    window.set_language("zh_CN")
    dialog = _open_dialog(window)
    assert dialog.windowTitle() == "导出"
    assert dialog.format.itemText(dialog.format.findData("csv")) == "CSV 表格（Excel）"
    dialog.format.setCurrentIndex(dialog.format.findData("tei"))
    assert dialog.description.text() == "校正后的文章，附标签、更正和备注"
    assert dialog.states["proofread"].text() == "已校对"
    dialog.reject()


def test_import_work_and_codebook_from_the_file_menu(window, tmp_path, messages):
    from db import Project
    from db.exports.snapshot import export_project

    _annotate(window)
    exported = export_project(window.store.path, "jsonl", tmp_path / "work.jsonl").path
    other = tmp_path / "other.jiaokan"
    with Project.open(other):
        pass
    window.projects.open_project(str(other))
    window.exchange.import_work(str(exported))
    assert messages[-1][0] == "Work Imported" and "Passages: 2 added (0 orphaned)" in messages[-1][1]
    project = window.store.project
    assert project.count_sources() == 3 and project.find_tag("权益").annotation_count == 1
    assert window.exchange.progress_dialog is None and window.exchange.task is None

    qdc = export_project(window.store.path, "qdc", tmp_path / "book.qdc").path
    window.exchange.import_codebook(str(qdc))
    assert messages[-1][0] == "Codebook Imported"
    assert messages[-1][1].splitlines() == ["Tags created: 0", "Already in the codebook: 2"]
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook/>", encoding="utf-8")
    window.exchange.import_codebook(str(bad))
    assert messages[-1][0] == "Cannot Import Codebook" and "not a valid REFI-QDA codebook" in messages[-1][1]
    window.exchange.import_work(str(bad))
    assert messages[-1][0] == "Import Failed"


def test_import_reports_read_in_chinese(window, tmp_path, messages):
    """The merge and codebook summaries are the desk's words, not the store's English."""
    from db import Project
    from db.exports.snapshot import export_project

    _annotate(window)
    exported = export_project(window.store.path, "jsonl", tmp_path / "work.jsonl").path
    qdc = export_project(window.store.path, "qdc", tmp_path / "book.qdc").path
    other = tmp_path / "other.jiaokan"
    with Project.open(other):
        pass
    window.projects.open_project(str(other))
    window.set_language("zh_CN")
    window.exchange.import_work(str(exported))
    title, text = messages[-1]
    assert title == "成果已导入"
    assert "段落标注：新增 2 处（0 处失去锚点），已存在 0 处" in text
    assert not re.search(r"[A-Za-z]{3,}", text), text
    window.exchange.import_codebook(str(qdc))
    title, text = messages[-1]
    assert text.splitlines() == ["新建标签：0 个", "编码本中已有：2 个"]
