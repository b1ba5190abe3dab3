"""Every action of the desk in one enum-keyed registry (after Picard's ``actions.py``).

Each action is declared once: its text (translated in :meth:`ActionRegistry.retranslate_ui`),
its shortcuts (a ``QKeySequence.StandardKey`` where Qt has one) and whether it is
checkable. Menus, the toolbar and the keyboard-shortcuts dialog all read this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

SK = QKeySequence.StandardKey
CONTEXT = "Actions"


class ActionId(StrEnum):
    NEW_PROJECT = "new_project"
    OPEN_PROJECT = "open_project"
    IMPORT_FILES = "import_files"
    IMPORT_FOLDER = "import_folder"
    CLEAR_RECENT = "clear_recent"
    QUIT = "quit"
    NEXT_ARTICLE = "next_article"
    PREV_ARTICLE = "prev_article"
    NEXT_PARAGRAPH = "next_paragraph"
    PREV_PARAGRAPH = "prev_paragraph"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREV = "find_prev"
    SEARCH_REGEX = "search_regex"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    SHOW_LIBRARY = "show_library"
    SHOW_SEARCH = "show_search"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str
    tip: str = ""
    shortcuts: tuple[SK | str, ...] = ()
    checkable: bool = False


ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New Project…"),
        QT_TRANSLATE_NOOP("Actions", "Create an empty project file"),
        (SK.New,),
    ),
    ActionId.OPEN_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open Project…"), QT_TRANSLATE_NOOP("Actions", "Open a project file"), (SK.Open,)
    ),
    ActionId.IMPORT_FILES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import Files…"),
        QT_TRANSLATE_NOOP("Actions", "Import page dumps into this project"),
        ("Ctrl+I",),
    ),
    ActionId.IMPORT_FOLDER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &Folder…"),
        QT_TRANSLATE_NOOP("Actions", "Import every page dump in a folder"),
        ("Ctrl+Shift+I",),
    ),
    ActionId.CLEAR_RECENT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Clear Recent Projects")),
    ActionId.QUIT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Quit"), "", ("Ctrl+Q",)),
    ActionId.NEXT_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next &Article"),
        QT_TRANSLATE_NOOP("Actions", "Open the next article"),
        ("Ctrl+Down", "J"),
    ),
    ActionId.PREV_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Previous A&rticle"),
        QT_TRANSLATE_NOOP("Actions", "Open the previous article"),
        ("Ctrl+Up", "K"),
    ),
    ActionId.NEXT_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next &Paragraph"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next paragraph"),
        ("Alt+Down", "N"),
    ),
    ActionId.PREV_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Previous Paragrap&h"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous paragraph"),
        ("Alt+Up", "P"),
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search…"), QT_TRANSLATE_NOOP("Actions", "Search the whole project"), (SK.Find,)
    ),
    ActionId.FIND_NEXT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next &Hit"), "", (SK.FindNext,)),
    ActionId.FIND_PREV: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous H&it"), "", (SK.FindPrevious,)),
    ActionId.SEARCH_REGEX: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Regular E&xpression"),
        QT_TRANSLATE_NOOP("Actions", "Treat the search text as a regular expression"),
        ("Alt+R",),
        checkable=True,
    ),
    ActionId.ZOOM_IN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "", (SK.ZoomIn, "Ctrl+=")),
    ActionId.ZOOM_OUT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "", (SK.ZoomOut,)),
    ActionId.ZOOM_RESET: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Reset Zoom"), "", ("Ctrl+0",)),
    ActionId.SHOW_LIBRARY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Library"), "", ("Ctrl+1",), checkable=True),
    ActionId.SHOW_SEARCH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Search &Panel"), "", ("Ctrl+2",), checkable=True),
    ActionId.SHORTCUTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "", ("F1",)),
    ActionId.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&About Jiaokan")),
}


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    seqs: list[QKeySequence] = []
    for key in spec.shortcuts:
        if isinstance(key, SK):
            seqs.extend(s for s in QKeySequence.keyBindings(key) if s not in seqs)
        else:
            seq = QKeySequence(key)
            if seq not in seqs:
                seqs.append(seq)
    return seqs


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ("&A", or a CJK-style "(&A)") and ellipsis."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


class ActionRegistry(QObject):
    """The QActions of one window, keyed by :class:`ActionId`."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[StrEnum, QAction] = {}
        self._specs: dict[StrEnum, ActionSpec] = {}
        self.extend(ACTIONS, parent)
        self._actions[ActionId.QUIT].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions[ActionId.ABOUT].setMenuRole(QAction.MenuRole.AboutRole)

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def extend(self, specs: dict, parent: QObject) -> None:
        """Add actions declared by another module (its own StrEnum of ids, same :class:`ActionSpec`)."""
        for action_id, spec in specs.items():
            action = QAction(parent)
            action.setObjectName(f"action_{action_id.value}")
            action.setShortcuts(key_sequences(spec))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            self._actions[action_id] = action
            self._specs[action_id] = spec
        self.retranslate_ui()

    def install(self, specs: dict, window: QWidget) -> dict:
        """Declare a desk's actions (:meth:`extend`) and make their keys work anywhere in ``window``."""
        self.extend(specs, window)
        installed = {action_id: self._actions[action_id] for action_id in specs}
        window.addActions(list(installed.values()))
        return installed

    def __iter__(self):
        return iter(self._actions.items())

    def retranslate_ui(self) -> None:
        for action_id, action in self._actions.items():
            spec = self._specs[action_id]
            action.setText(QCoreApplication.translate(CONTEXT, spec.text))
            action.setIconText(plain_text(action.text()))  # toolbar buttons: no mnemonic, no ellipsis
            tip = QCoreApplication.translate(CONTEXT, spec.tip) if spec.tip else plain_text(action.text())
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, shortcuts) rows for the shortcuts dialog, in declaration order."""
        rows = []
        for _, action in self._actions.items():
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if keys:
                rows.append((plain_text(action.text()), ", ".join(keys)))
        return rows
