from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu

from ui import i18n
from ui.actions import ActionId

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import update_translations  # noqa: E402

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"English", "Jiaokan", "Ctrl", "Shift", "Alt", "txt", "page"}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_in_the_ts_and_translated(language):
    assert update_translations.problems(language) == []


def english_words(text: str) -> set[str]:
    return {w for w in ENGLISH_WORD.findall(text or "") if w not in ALLOWED}


def visible_texts(window) -> dict[str, str]:
    texts: dict[str, str] = {}
    for action_id, action in window.actions:
        texts[f"action {action_id}"] = action.text()
        texts[f"tip {action_id}"] = action.toolTip()
    for menu in window.findChildren(QMenu):
        texts[f"menu {menu.objectName()}"] = menu.title()
        for action in menu.actions():
            if action.text() and action.data() not in ("en", "zh_CN"):
                texts[f"menu item {action.objectName()}"] = action.text()
    for label in window.findChildren(QLabel):
        texts[f"label {label.objectName()}"] = label.text()
    for edit in window.findChildren(QLineEdit):
        texts[f"placeholder {edit.objectName()}"] = edit.placeholderText()
    for i in range(window.script_combo.count()):
        texts[f"script {i}"] = window.script_combo.itemText(i)
    texts["window title"] = window.windowTitle().split(" — ")[-1]  # the project's name is data
    texts["dock"] = window.search_dock.windowTitle()
    for model in (window.library_model, window.search_panel.model):
        for section in range(model.columnCount()):
            texts[f"header {type(model).__name__} {section}"] = model.headerData(section, _horizontal())
    model = window.library_model
    texts["library source state"] = model.data(model.index(0, 1))
    texts["library article state"] = model.data(model.index(0, 1, model.index(0, 0)))
    texts["status"] = window.position_label.text() + window.raw_label.text()
    return texts


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_language_switch_is_live_and_complete(window, settings):
    assert window.file_menu.title() == "&File"
    window.language_actions["zh_CN"].trigger()
    assert window.translations.language == "zh_CN"
    assert window.file_menu.title() == "文件(&F)"
    assert window.actions[ActionId.NEXT_ARTICLE].text() == "下一篇(&A)"
    assert window.library_model.headerData(0, _horizontal()) == "版面 / 文章"
    assert "检索" in window.search_panel.query.placeholderText()
    leftovers = {k: v for k, v in visible_texts(window).items() if english_words(v)}
    assert leftovers == {}
    assert settings.get(__import__("ui.settings", fromlist=["LANGUAGE"]).LANGUAGE) == "zh_CN"
    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert window.search_panel.query.placeholderText().startswith("Search")


def test_ts_fallback_translator_reads_the_source_file():
    translator = i18n.TsTranslator(i18n.i18n_dir() / "jiaokan_zh_CN.ts")
    assert not translator.isEmpty()
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("Library", "%n articles", None, 3) == "3 篇文章"
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Script", "Simplified") == "简体"
    finally:
        app.removeTranslator(translator)


def test_stale_qm_is_rebuilt(tmp_path, monkeypatch):
    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "jiaokan_zh_CN.ts").write_bytes((i18n.i18n_dir() / "jiaokan_zh_CN.ts").read_bytes())
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    qm = i18n.ensure_qm("zh_CN")
    assert qm is not None and qm.is_file() and qm.stat().st_size > 100


def test_system_language(monkeypatch):
    class FakeLocale:
        def __init__(self, langs):
            self.langs = langs

        def uiLanguages(self):  # noqa: N802
            return self.langs

    for langs, expected in ((["zh-Hans-CN", "zh-CN"], "zh_CN"), (["en-GB"], "en"), (["fr-FR"], "en")):
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda langs=langs: FakeLocale(langs)))
        assert i18n.system_language() == expected
