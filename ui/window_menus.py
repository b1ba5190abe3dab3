"""The reading desk's menu bar: File, View (script, interface language, zoom), Go and Help.

Built once from the action registry; the editing and exchange desks add their own menus and
entries after. Titles and texts are set by ``MainWindow.retranslate_ui``.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from ui import settings as S
from ui.actions import ActionId
from ui.i18n import LANGUAGES
from ui.script import Script


def build_menus(window) -> None:
    """The menus of the reading desk (titles are set by the window's ``retranslate_ui``)."""
    a = window.actions
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    window.file_menu.addAction(a[ActionId.NEW_PROJECT])
    window.file_menu.addAction(a[ActionId.OPEN_PROJECT])
    window.recent_menu = QMenu(window)
    window.recent_menu.setObjectName("recentMenu")
    window.file_menu.addMenu(window.recent_menu)
    window.file_menu.addSeparator()
    window.file_menu.addAction(a[ActionId.IMPORT_FILES])
    window.file_menu.addAction(a[ActionId.IMPORT_FOLDER])
    window.file_menu.addSeparator()
    window.file_menu.addAction(a[ActionId.QUIT])

    window.view_menu = bar.addMenu("")
    window.view_menu.addAction(a[ActionId.SHOW_LIBRARY])
    window.view_menu.addAction(a[ActionId.SHOW_SEARCH])
    window.view_menu.addSeparator()
    window.script_menu = window.view_menu.addMenu("")
    window.script_group = QActionGroup(window)
    window.script_actions: dict[Script, QAction] = {}
    for script in Script:
        action = QAction(window)
        action.setObjectName(f"action_script_{script.value}")
        action.setCheckable(True)
        action.setData(script.value)
        window.script_group.addAction(action)
        window.script_menu.addAction(action)
        window.script_actions[script] = action
    window.script_actions[window.converter.script].setChecked(True)
    window.language_menu = window.view_menu.addMenu("")
    window.language_group = QActionGroup(window)
    window.language_actions: dict[str, QAction] = {}
    for code, name in [("", ""), *LANGUAGES.items()]:
        action = QAction(name, window)
        action.setObjectName(f"action_language_{code or 'system'}")
        action.setCheckable(True)
        action.setData(code)
        window.language_group.addAction(action)
        window.language_menu.addAction(action)
        window.language_actions[code] = action
    saved = window.settings.get(S.LANGUAGE)
    window.language_actions.get(saved, window.language_actions[""]).setChecked(True)
    window.view_menu.addSeparator()
    window.view_menu.addAction(a[ActionId.ZOOM_IN])
    window.view_menu.addAction(a[ActionId.ZOOM_OUT])
    window.view_menu.addAction(a[ActionId.ZOOM_RESET])

    window.go_menu = bar.addMenu("")
    for action_id in (
        ActionId.NEXT_ARTICLE,
        ActionId.PREV_ARTICLE,
        None,
        ActionId.NEXT_PARAGRAPH,
        ActionId.PREV_PARAGRAPH,
        None,
        ActionId.FIND,
        ActionId.FIND_NEXT,
        ActionId.FIND_PREV,
        ActionId.SEARCH_REGEX,
    ):
        if action_id is None:
            window.go_menu.addSeparator()
        else:
            window.go_menu.addAction(a[action_id])

    window.help_menu = bar.addMenu("")
    window.help_menu.addAction(a[ActionId.SHORTCUTS])
    window.help_menu.addAction(a[ActionId.ABOUT])
    for _, action in window.actions:
        window.addAction(action)  # shortcuts work even when a menu is hidden
