"""The Reports panel: models pass QAbstractItemModelTester, every report shows, tables save as CSV, charts as PNG."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QAbstractItemModelTester

from db.reports import Table
from ui.exchange import ExchangeActionId
from ui.reports import CHOICES, BarChart, Heatmap, ReportTableModel

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_table_model_passes_the_model_tester(qapp):
    model = ReportTableModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_table(Table("t", ("tag", "a", "total"), [("权益", 1, 2.5), ("𠀋", None, 0.0), ("Σ", 1, 2.5)]))
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.data(model.index(1, 1)) == "—" and model.data(model.index(0, 2)) == "2.5"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.UserRole) == 2.5
    assert model.data(model.index(2, 0), Qt.ItemDataRole.FontRole).bold()
    model.set_header_labels({"tag": "标签"})
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(0, horizontal) == "标签" and model.headerData(1, horizontal) == "a"
    model.set_table(None)
    assert model.rowCount() == 0 and model.columnCount() == 0


def _work(window) -> None:
    """Two coders tag the first article of the sample project; one correction; a review state."""
    project = window.store.project
    source = project.list_sources()[0].id
    first, second = project.article_ids(source)[:2]
    rights = project.add_tag("权益", colour="#3366cc")
    wages = project.add_tag("工资", parent_id=rights.id, colour="#33aa55")
    place = project.add_tag("地点", colour="#cc8833")
    for author, spans in (("甲", [(rights, 0, 10), (wages, 4, 8), (place, 12, 20)]),
                          ("乙", [(rights, 2, 12), (place, 12, 18)])):
        project.author = author
        for tag, s, e in spans:
            project.annotate(first, tag.id, s, e)
    project.author = "甲"
    project.annotate(second, rights.id, 0, 3)
    project.set_review_state(first, "proofread")
    project.set_review_state(second, "in_progress")


def _panel(window):
    window.actions[ExchangeActionId.SHOW_REPORTS].trigger()
    assert window.exchange.reports_dock.isVisible()
    return window.exchange.reports


def test_every_report_shows_as_table_and_chart(window, tmp_path):
    _work(window)
    panel = _panel(window)
    QAbstractItemModelTester(panel.model, FATAL)
    seen = {}
    for key, _, _ in CHOICES:
        panel.set_kind(key)
        panel.refresh()
        assert panel.table is not None and panel.model.rowCount() > 0, key
        seen[key] = panel.chart()
        assert panel.note.text()
        csv_path, png_path = tmp_path / f"{key}.csv", tmp_path / f"{key}.png"
        assert panel.save_csv(csv_path) and panel.save_png(png_path)
        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == list(panel.table.columns) and len(rows) == len(panel.table.rows) + 1
        image = QImage(str(png_path))
        assert image.size() == QSize(1200, 800) and not image.isNull()
    assert isinstance(seen["cooccurrence"], Heatmap) and isinstance(seen["progress"], BarChart)
    # frequencies: tag colours on the bars, the total row not drawn
    panel.set_kind("frequencies_source")
    panel.refresh()
    assert panel.bars.labels == ["地点", "权益", "权益/工资"] and panel.bars.series == [[2.0, 3.0, 1.0]]
    assert panel.bars.colours == [["#cc8833", "#3366cc", "#33aa55"]]


def test_agreement_uses_the_chosen_coders(window):
    _work(window)
    panel = _panel(window)
    panel.set_kind("agreement")
    panel.refresh()
    assert [panel.coder_a.itemText(i) for i in range(panel.coder_a.count())] == ["乙", "甲"]
    assert panel.coder_a.isVisibleTo(panel) and panel.coder_a.currentText() == "乙"
    rows = {r[2]: r for r in panel.table.rows}
    assert set(rows) == {"地点", "权益", "权益/工资"}
    # 权益: 乙 tagged [2, 12), 甲 [0, 10): both 8, only 乙 2, only 甲 2
    assert rows["权益"][5:8] == (8, 2, 2)
    assert panel.bars.maximum == 1.0 and len(panel.bars.labels) == 3
    panel.coder_b.setCurrentIndex(0)  # the same coder twice: every pair is shown
    assert all(r[0] != r[1] for r in panel.table.rows)


def test_reports_follow_the_language_and_the_project(window):
    _work(window)
    panel = _panel(window)
    panel.set_kind("progress")
    panel.refresh()
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "articles"
    window.set_language("zh_CN")
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "文章数"
    assert panel.kind.currentText() == "校对进度" and window.exchange.reports_menu.title() == "报告(&R)"
    window.set_language("en")
    project = window.store.project
    project.set_review_state(project.article_ids(project.list_sources()[0].id)[2], "proofread")
    panel.refresh()
    first = panel.table.rows[0]
    assert first[4] == 2  # two proofread articles now


@pytest.mark.parametrize("chart", [BarChart, Heatmap])
def test_empty_charts_paint(chart, qtbot):
    widget = chart()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    assert not widget.image(QSize(300, 200)).isNull()
    assert not widget.grab().isNull()


def test_closing_the_window_waits_for_a_report(window, monkeypatch):
    from ui.tasks import Task

    _work(window)
    monkeypatch.setattr(Task, "synchronous", False)
    window.exchange.show_report("cooccurrence")
    task = window.exchange.reports.task
    assert task is not None
    window.close()  # the computing thread must not outlive the panel (Qt aborts the process otherwise)
    assert task.done or not task._thread or task._thread.isFinished()
