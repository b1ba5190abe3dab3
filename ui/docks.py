"""Panel shortcuts that show AND raise, and sensible first sizes for the window's docks.

A panel's shortcut (Ctrl+2..7) brings the panel to the front when it is hidden or tabbed
behind another panel, and hides it only when it is already in front: the key always does
what the user looks for first. A dock opened for the first time gets a useful size (a
third of the window's height for bottom panels) instead of the three rows Qt gives it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

BOTTOM_SHARE = 0.3  # of the window's height, for a bottom panel opened the first time
SMALL_BOTTOM_SHARE = 0.25  # on a laptop screen (under 800 pixels high) the text keeps more
MIN_BOTTOM = 200
MAX_BOTTOM_SHARE = 0.4  # the most a panel's own first height takes of the window's height
SIDE_WIDTH = 300  # first width of a side panel, in pixels


def in_front(dock: QDockWidget) -> bool:
    """The dock is shown and not behind another dock's tab (a tabbed-behind dock has no visible region)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def present(dock: QDockWidget, focus: bool = True) -> None:
    """Show ``dock``, bring it in front of the panels tabbed with it and give it a useful size."""
    was_hidden = dock.isHidden()
    dock.show()
    dock.raise_()
    window = dock.parentWidget()
    if isinstance(window, QMainWindow) and was_hidden:
        give_first_size(window, dock)
    if focus and dock.widget() is not None:
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)


def give_first_size(window: QMainWindow, dock: QDockWidget) -> None:
    """A bottom dock gets a third of the window's height, a side dock ``SIDE_WIDTH``, if smaller.

    A panel that says how tall it wants to be (``first_height()``: the search panel, its hits
    readable) gets that, up to ``MAX_BOTTOM_SHARE`` of the window: the text keeps the rest.
    """
    area = window.dockWidgetArea(dock)
    if dock.isFloating():
        return
    if area in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea):
        share = SMALL_BOTTOM_SHARE if window.height() < 800 else BOTTOM_SHARE
        want = max(MIN_BOTTOM, int(window.height() * share))
        first_height = getattr(dock.widget(), "first_height", None)
        if first_height is not None:
            title = dock.titleBarWidget().height() if dock.titleBarWidget() is not None else 24
            want = max(want, min(first_height() + title, int(window.height() * MAX_BOTTOM_SHARE)))
        if dock.height() < want * 0.8:
            window.resizeDocks([dock], [want], Qt.Orientation.Vertical)
    elif dock.width() < SIDE_WIDTH * 0.6:
        window.resizeDocks([dock], [min(SIDE_WIDTH, window.width() // 4)], Qt.Orientation.Horizontal)


def panel_dock(
    window: QMainWindow,
    name: str,
    panel: QWidget,
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea,
    *,
    allowed: Qt.DockWidgetArea | None = None,
    tab_with: QDockWidget | None = None,
    hidden: bool = False,
) -> QDockWidget:
    """A dock named ``name`` holding ``panel`` in ``area`` of ``window`` (tabbed with ``tab_with``, hidden if asked)."""
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(panel)
    if allowed is not None:
        dock.setAllowedAreas(allowed)
    window.addDockWidget(area, dock)
    if tab_with is not None:
        window.tabifyDockWidget(tab_with, dock)
    if hidden:
        dock.hide()
    return dock


#: the areas of a panel that lies under the text (it may also go above it)
BELOW_OR_ABOVE = Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea


class DockSwitch(QObject):
    """Ties a checkable panel action to its dock: triggered → :func:`present` or hide; checked = shown."""

    def __init__(self, action: QAction, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.action = action
        self.dock = dock
        action.triggered.connect(self._on_triggered)
        dock.visibilityChanged.connect(lambda _visible: QTimer.singleShot(0, self.sync))

    def _on_triggered(self, _checked: bool = False) -> None:
        if in_front(self.dock):
            self.dock.hide()
        else:
            present(self.dock)
        self.sync()

    def sync(self) -> None:
        """The action is checked while the panel is open (in front or tabbed behind)."""
        if not shiboken6.isValid(self.dock) or not shiboken6.isValid(self.action):
            return
        shown = not self.dock.isHidden()
        if self.action.isChecked() != shown:
            self.action.blockSignals(True)
            self.action.setChecked(shown)
            self.action.blockSignals(False)
