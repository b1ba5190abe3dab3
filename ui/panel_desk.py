"""A desk that docks one panel of its own, shown by a checkable action in the View menu.

The coded-passages view and the merge conflicts are such desks: each keeps its panel in a
hidden dock tabbed with the search panel, opened by its key (Ctrl+8, Ctrl+9), and retitles
the dock when the interface language changes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ui.actions import ActionSpec
from ui.docks import DockSwitch, panel_dock


class PanelActionId(StrEnum):
    """The checkable actions that show a desk's panel."""

    SHOW_CONFLICTS = "show_conflicts"
    SHOW_CODED_PASSAGES = "show_coded_passages"


class PanelDesk(QObject):
    """Docks ``panel`` behind the action ``action_id``; subclasses title the dock in ``retranslate_ui``."""

    def __init__(
        self, window: Any, name: str, panel: QWidget, action_id: PanelActionId, spec: ActionSpec, dock_name: str,
        **placement: Any,
    ) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.window = window
        self.panel = panel
        self.action = window.actions.install({action_id: spec}, window)[action_id]
        self.dock = panel_dock(window, dock_name, panel, tab_with=window.search_dock, hidden=True, **placement)
        self.switch = DockSwitch(self.action, self.dock)
        window.view_menu.addAction(self.action)
        window.installEventFilter(self)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate_ui()
        return False
