"""Every string the user sees in the chosen language (issue 13, item 5): Qt's dialogs, undo texts,
shortcut names, the store's refusals, and tags in pinyin order."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from ui.actions import ActionId

ENGLISH = re.compile(r"[A-Za-z]{2,}")
#: words that are the same in a Chinese interface: key names, a format name, the app's name
ALLOWED = {"Ctrl", "Shift", "Alt", "Meta", "HTML", "Jiaokan", "Home", "End", "PgUp", "PgDown", "Del", "Ins",
           "Esc", "Tab", "Space", "Backspace", "Return", "Enter", "F1", "F2"}


def english(text: str) -> set[str]:
    return {w for w in ENGLISH.findall(text.replace("&", "")) if w not in ALLOWED}


def readable_texts(dialog: QWidget) -> list[str]:
    """What a user reads on a dialog: its labels and buttons (not file names or paths it lists)."""
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    texts += [b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    return [t for t in texts if t and not t.startswith(("/", "#"))]


@pytest.fixture
def chinese(window):
    window.set_language("zh_CN")
    yield window
    window.set_language("en")


def test_standard_dialogs_read_in_chinese(chinese, tmp_path):
    file_dialog = QFileDialog(chinese, "", str(tmp_path), "Text (*.txt)")
    file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel, chinese)
    colour = QColorDialog(chinese)
    colour.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    text_input = QInputDialog(chinese)
    progress = QProgressDialog(chinese)
    for dialog in (file_dialog, message, colour, text_input, progress):
        dialog.show()
        QApplication.processEvents()
        texts = readable_texts(dialog)
        assert texts, type(dialog).__name__
        found = {t: english(t) for t in texts if english(t)}
        assert found == {}, type(dialog).__name__
        dialog.close()
    labels = [label.text() for label in file_dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels  # what Qt's own translation leaves out


def test_undo_texts_and_shortcut_names_are_chinese(chinese, messages):
    tag = chinese.editing.new_tag(name="人物")
    assert tag is not None
    undo = chinese.editing.stack.undoText()
    assert "人物" in undo and english(undo) == set()
    assert english(chinese.editing.actions[next(iter(chinese.editing.actions))].toolTip()) == set()
    chinese.actions[ActionId.SHORTCUTS].trigger()
    dialog = chinese._shortcuts_dialog
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert rows
    for name, keys in rows:
        assert english(name) == set(), name
        assert english(keys) == set(), keys  # "Ctrl+下方向", not "Ctrl+Down"
    dialog.close()


def test_store_refusals_are_translated(chinese, messages):
    editing = chinese.editing
    start = chinese.article.block_starts()[3]
    assert not editing.correct(start + 1, start + 2, "甲\n乙")  # the store refuses a line break
    title, text = messages[-1]
    assert english(title) == set() and english(text) == set()
    assert "换行" in text


def test_a_message_the_table_does_not_know_keeps_its_detail_under_a_translated_lead(chinese):
    from ui.store_errors import translate_store_error

    text = translate_store_error("something new went wrong")
    assert text.startswith("项目拒绝了这项更改") and text.endswith("something new went wrong")


def test_tags_sort_by_pinyin_and_numbers_by_value(window):
    for name in ("职工", "安全", "北京", "重庆", "第10组", "第2组"):
        window.editing.new_tag(name=name)
    names = [t.name for t in window.editing.codebook.model.tags()]
    assert names.index("安全") < names.index("北京") < names.index("重庆") < names.index("职工")
    assert names.index("第2组") < names.index("第10组")


def test_revert_confirmation_reads_in_chinese(chinese):
    """The confirmation before a revert reads in Chinese (a question box of the desk)."""
    shown = []

    def read_and_answer():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        shown.extend(readable_texts(box))
        box.button(QMessageBox.StandardButton.No).click()

    chinese.editing.correct(2, 3, "甲")
    entry = chinese.editing.history.model.entries[0]
    QTimer.singleShot(0, read_and_answer)
    assert not chinese.editing.revert_entry(entry)
    assert shown and all(english(t) == set() for t in shown), shown
