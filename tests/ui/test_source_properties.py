"""Source Properties as a user meets them: edit a page's date, name and number, undo, filter, export."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from db.exports.snapshot import export_project
from db.page_header import PageAttributes
from ui.source_properties import SourcePropertiesDialog


def _dialog() -> SourcePropertiesDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, SourcePropertiesDialog) and w.isVisible())


def _retype(edit, text: str) -> None:
    """Clear the field and type ``text``: ASCII as keys, Chinese as an input method commits it."""
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            QTest.keyClicks(edit, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(edit, commit)


def edit_first_page(window, qtbot, date: str, name: str, number: str, seen: list | None = None) -> bool:
    """Select the first page in the library, press Alt+Return, type the three fields, press OK."""
    window.library.setFocus()
    window.library.setCurrentIndex(window.library_model.index(0, 0))

    def fill():
        dialog = _dialog()
        _retype(dialog.date, date)
        _retype(dialog.page_name, name)
        _retype(dialog.page_number, number)
        if seen is not None:
            seen.append((dialog.error.text(), dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()))
            _retype(dialog.date, "2025-10-01")  # the user corrects the date
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    done: list[bool] = []
    window.sources.action.triggered.disconnect()
    window.sources.action.triggered.connect(lambda: done.append(window.sources.open()))
    QTest.keyClick(window.library, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(done))
    return done[0]


def test_edit_undo_and_redo_from_the_library(window, qtbot, messages):
    project = window.store.project
    page = window.library_model.source_row(window.library_model.index(0, 0)).id
    read = project.source_attributes(page)
    assert read.name and read.number and read.date  # read from the sample page's running header
    assert edit_first_page(window, qtbot, "2025年10月1日", "要闻", "第3版")
    assert project.source_attributes(page) == PageAttributes("2025-10-01", "要闻", 3)
    assert [c.after for c in project.source_attribute_history(page)] == [PageAttributes("2025-10-01", "要闻", 3)]
    assert window.editing.stack.undoText() == "Change Source Properties"
    window.activateWindow()
    window.library.setFocus()  # back in the library, the user presses Ctrl+Z
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library)
    QTest.keyClick(window.library, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.source_attributes(page) == read
    window.editing.redo()
    assert project.source_attributes(page) == PageAttributes("2025-10-01", "要闻", 3)
    assert len(project.source_attribute_history(page)) == 3  # the change, its undo, its redo: all recorded
    # the library's tooltip says it after the refresh that the change brought
    qtbot.waitUntil(lambda: "要闻" in (window.library_model.data(window.library_model.index(0, 0),
                                                                 Qt.ItemDataRole.ToolTipRole) or ""))


def test_a_date_that_is_not_a_date_is_named_before_anything_is_saved(window, qtbot, messages):
    project = window.store.project
    page = window.library_model.source_row(window.library_model.index(0, 0)).id
    seen: list = []
    assert edit_first_page(window, qtbot, "2025-02-30", "评论", "4", seen)
    assert seen == [("“2025-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01.", False)]
    assert project.source_attributes(page) == PageAttributes("2025-10-01", "评论", 4)
    assert not messages  # no message box: the dialog said it


def test_the_context_menu_offers_it(window):
    window.library.setCurrentIndex(window.library_model.index(0, 0))
    menu = window.sources.context_menu()
    assert window.sources.action in menu.actions() and window.sources.action.isEnabled()
    assert window.sources.action.shortcut().toString() == "Alt+Return"


def test_the_library_filter_finds_pages_by_their_attributes(window, qtbot):
    project = window.store.project
    model = window.library_model
    first = model.source_row(model.index(0, 0)).id
    total = model.rowCount()
    project.set_source_attributes(first, name="要闻", number=3, date="2025-10-01")
    window.library_pane.filter.setFocus()
    for typed, expected in (("要闻", 1), ("2025-10", 1), ("第3版", 1), ("要闻 2024", 0)):
        _retype(window.library_pane.filter, typed)
        qtbot.waitUntil(lambda expected=expected: model.rowCount() == expected and bool(model.filter_text))
        if expected:
            assert model.source_row(model.index(0, 0)).id == first
    QTest.keyClick(window.library_pane.filter, Qt.Key.Key_Escape)
    assert model.filter_text == "" and model.rowCount() == total


def test_coded_passages_filter_and_exports_carry_them(window, qtbot, tmp_path, messages):
    project = window.store.project
    sources = project.list_sources()
    tag = project.add_tag("诉求")
    for source in sources:
        project.annotate(project.article_ids(source.id)[0], tag.id, 0, 4)
    project.set_source_attributes(sources[0].id, name="要闻", number=3, date="2025-10-01")
    window.editing.reload_codebook()
    QTest.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    panel = window.passages.panel
    panel.choose_tag(tag.id)
    assert panel.model.rowCount() == len(sources)
    panel.page_name.setCurrentIndex(panel.page_name.findData("要闻"))
    assert panel.model.rowCount() == 1 and panel.model.passage(0).source_id == sources[0].id
    out = tmp_path / "view.csv"
    assert panel.export_csv(str(out)) == 1
    (row,) = csv.DictReader(out.open(encoding="utf-8-sig"))
    assert (row["page_date"], row["page_name"], row["page_number"]) == ("2025-10-01", "要闻", "3")
    table = export_project(project, "csv", tmp_path / "all.csv").path
    rows = [r for r in csv.DictReader(table.open(encoding="utf-8-sig")) if r["source"] == sources[0].name]
    assert rows and all((r["source_date"], r["source_page_name"], r["source_page_number"])
                        == ("2025-10-01", "要闻", "3") for r in rows)


def test_the_dialog_and_its_error_read_in_chinese(window):
    from tests.ui.test_language import english, readable_texts

    window.set_language("zh_CN")
    try:
        project = window.store.project
        page = project.list_sources()[0]
        dialog = SourcePropertiesDialog(page.name, project.source_attributes(page.id), [], window)
        dialog.show()
        _retype(dialog.date, "2025-13-01")
        assert dialog.windowTitle() == "版面属性"
        assert dialog.error.text() == "“2025-13-01”不是日期：请写成 年-月-日，如 2025-10-01。"
        texts = [t for t in readable_texts(dialog) if t != page.name]
        assert texts and all(english(t) == set() for t in texts), texts
        dialog.close()
    finally:
        window.set_language("en")
