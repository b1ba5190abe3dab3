"""Three layouts of the desk — reading, proofreading, coding — one key each, each remembered.

A layout is which panels are open and how wide they are. Switching saves the layout being left
(the window's dock state, the splitter and which panes are shown, in QSettings) and restores the
one chosen, or lays it out fresh the first time. Laying out fresh fits the window: the article
keeps a minimum reading width (:func:`min_reading_width`), the library and raw panes share
what is left, and on a narrow window the side panels collapse into tabs of one dock column. The
coding layout gives the raw pane a readable line (:data:`RAW_EM` characters where the article keeps
:data:`COMFORT_EM`, never below :data:`RAW_MIN_EM`): on a small screen the library gives way to it.

The proofreading layout is also the desk's typing mode: there, typing in the article makes
corrections and plain letters and digits are text, not shortcuts (see ``ui.editing.typing``).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QDockWidget

from ui import settings as S
from ui.actions import ActionId, ActionSpec
from ui.docks import give_first_size


class Layout(StrEnum):
    READING = "reading"
    PROOFREADING = "proofreading"
    CODING = "coding"


class LayoutActionId(StrEnum):
    LAYOUT_READING = "layout_reading"
    LAYOUT_PROOFREADING = "layout_proofreading"
    LAYOUT_CODING = "layout_coding"
    SHOW_RAW = "show_raw"


L = LayoutActionId
LAYOUT_OF = {
    L.LAYOUT_READING: Layout.READING,
    L.LAYOUT_PROOFREADING: Layout.PROOFREADING,
    L.LAYOUT_CODING: Layout.CODING,
}

LAYOUT_ACTIONS: dict[LayoutActionId, ActionSpec] = {
    L.LAYOUT_READING: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Reading Layout"),
        QT_TRANSLATE_NOOP("Actions", "Library, article and raw text; single keys move (J/K, N/P) and tag (1–9)"),
        ("F5",),
        checkable=True,
    ),
    L.LAYOUT_PROOFREADING: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Proofreading Layout"),
        QT_TRANSLATE_NOOP("Actions", "Article, raw text, edit history and notes; typing in the article corrects it"),
        ("F6",),
        checkable=True,
    ),
    L.LAYOUT_CODING: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Coding Layout"),
        QT_TRANSLATE_NOOP("Actions", "Library, article, codebook and annotations"),
        ("F7",),
        checkable=True,
    ),
    L.SHOW_RAW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Raw Text"), "", ("Ctrl+R",), checkable=True),
}

#: panes of the central splitter and docks (by object name) each layout opens; other known docks close
PANELS: dict[Layout, frozenset[str]] = {
    Layout.READING: frozenset({"library", "raw"}),
    Layout.PROOFREADING: frozenset({"raw", "historyDock", "notesDock"}),
    Layout.CODING: frozenset({"library", "raw", "codebookDock", "annotationsDock"}),
}
#: the desk's own docks a layout opens or closes (docks of other panels are left as they are)
KNOWN_DOCKS = frozenset(
    {"searchDock", "reportsDock", "codebookDock", "annotationsDock", "historyDock", "notesDock", "codedPassagesDock",
     "conflictsDock"}
)
#: the side panel in front when they share a column of tabs
SIDE_ORDER = ("codebookDock", "notesDock", "annotationsDock")
#: which pane gives way first when the article would get less than its reading width: in the coding
#: layout the library (J/K and N/P step through the articles; Ctrl+1 brings it back), so a coder keeps
#: the raw text the passages came from beside the article even on a small screen
DROP_ORDER: dict[Layout, tuple[str, ...]] = {
    Layout.READING: ("library", "raw"),
    Layout.PROOFREADING: ("library", "raw"),
    Layout.CODING: ("library", "raw"),
}

#: the library's and the raw pane's share of the width beside the side panels, by layout: a coder
#: looks up articles more than raw lines, a proofreader compares with the raw text line by line
SHARES: dict[Layout, tuple[float, float]] = {
    Layout.READING: (0.22, 0.3),
    Layout.PROOFREADING: (0.2, 0.38),
    Layout.CODING: (0.26, 0.22),
}
READING_EM = 22  # the article's minimum measure, in characters of its font
COMFORT_EM = 30  # the article's measure the coding layout keeps before it narrows for the raw pane
RAW_EM = 24  # a readable raw line, where the window has room for it (coding layout)
RAW_MIN_EM = 16  # the narrowest raw pane worth showing (coding layout); narrower, it gives way
LIBRARY_FLOOR = 150  # pixels: the narrowest library worth showing
CODING_LIBRARY_FLOOR = 220  # pixels the library keeps (its names readable) while the raw pane widens
NARROW = 1400  # below this window width the side panels share one column of tabs
COMPACT = 1200  # below this, with panels below the text as well, all panels share the row of tabs below
MAX_MIN_READING = 560  # a big zoom must not make the window wider than a laptop screen


def min_reading_width(view, chars: int = READING_EM) -> int:
    """Pixels the article view needs for ``chars`` characters a line, margins and scroll bar included."""
    em = QFontMetricsF(view.document().defaultFont()).horizontalAdvance("\u56fd")
    extra = 2 * 24 + view.verticalScrollBar().sizeHint().width() + 8
    width = int(chars * em + extra)
    return min(MAX_MIN_READING, width) if chars == READING_EM else width


def raw_width(view, chars: int) -> int:
    """Pixels the raw pane needs for ``chars`` characters a line: line numbers, margins, scroll bar included."""
    em = QFontMetricsF(view.font()).horizontalAdvance("\u56fd")
    margins = 2 * view.document().documentMargin() + 2 * view.frameWidth() + 4
    return int((chars + 0.5) * em + view.gutter_width() + view.verticalScrollBar().sizeHint().width() + margins)


class DeskLayouts(QObject):
    """The View menu's layouts and the raw pane's switch, for one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("deskLayouts")
        self.window = window
        window.actions.extend(LAYOUT_ACTIONS, window)
        self.actions = {a: window.actions[a] for a in LayoutActionId}
        self.group = QActionGroup(self)
        for action_id in LAYOUT_OF:
            self.group.addAction(self.actions[action_id])
            window.addAction(self.actions[action_id])
        window.addAction(self.actions[L.SHOW_RAW])
        self.current = self._saved_layout()
        self.actions[self._action_of(self.current)].setChecked(True)
        menu = window.view_menu
        first = menu.actions()[0] if menu.actions() else None
        for action_id in (*LAYOUT_OF, None):
            if action_id is None:
                menu.insertSeparator(first)
            else:
                menu.insertAction(first, self.actions[action_id])
        menu.insertAction(window.actions[ActionId.SHOW_SEARCH], self.actions[L.SHOW_RAW])
        for action_id, layout in LAYOUT_OF.items():
            self.actions[action_id].triggered.connect(lambda _=False, lay=layout: self.switch(lay))
        self.actions[L.SHOW_RAW].setChecked(True)
        self.actions[L.SHOW_RAW].toggled.connect(window.raw_view.setVisible)
        self.listeners: list = []  # called with the layout after each switch (the typing mode)

    # -- settings ---------------------------------------------------------------------------------
    def _q(self):
        return self.window.settings.q

    def _saved_layout(self) -> Layout:
        try:
            return Layout(self._q().value("layout/current", Layout.READING.value))
        except ValueError:
            return Layout.READING

    @staticmethod
    def _action_of(layout: Layout) -> LayoutActionId:
        return next(a for a, lay in LAYOUT_OF.items() if lay == layout)

    def save_current(self) -> None:
        """Remember how the current layout looks now (docks, splitter, panes)."""
        w, q = self.window, self._q()
        key = f"layout/{self.current.value}"
        q.setValue(f"{key}/state", w.saveState())
        q.setValue(f"{key}/splitter", w.splitter.saveState())
        q.setValue(f"{key}/library", w.library.isVisibleTo(w))
        q.setValue(f"{key}/raw", w.raw_view.isVisibleTo(w))
        q.setValue("layout/current", self.current.value)

    def _restore(self, layout: Layout) -> bool:
        w, q = self.window, self._q()
        key = f"layout/{layout.value}"
        state = q.value(f"{key}/state")
        if not isinstance(state, QByteArray) or state.isEmpty():
            return False
        w.restoreState(state)
        splitter = q.value(f"{key}/splitter")
        if isinstance(splitter, QByteArray):
            w.splitter.restoreState(splitter)
        self._set_pane("library", str(q.value(f"{key}/library", "true")).lower() == "true")
        self._set_pane("raw", str(q.value(f"{key}/raw", "true")).lower() == "true")
        return True

    def restore_window(self) -> bool:
        """The window as the user left it: geometry, the current layout (False: nothing saved for it)."""
        w = self.window
        geometry = w.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            w.restoreGeometry(geometry)
        fit_to_screen(w, fresh=geometry.isEmpty())
        restored = self._restore(self.current)
        if not restored:  # a settings file from before the layouts: its one window state
            state, splitter = w.settings.get(S.WINDOW_STATE), w.settings.get(S.SPLITTER)
            if not state.isEmpty():
                w.restoreState(state)
            if not splitter.isEmpty():
                w.splitter.restoreState(splitter)
        w.actions[ActionId.SHOW_SEARCH].setChecked(w.search_dock.isVisibleTo(w))
        w.actions[ActionId.SHOW_LIBRARY].setChecked(w.library.isVisibleTo(w))
        return restored

    def save_window(self) -> None:
        w = self.window
        w.settings.set(S.GEOMETRY, w.saveGeometry())
        w.settings.set(S.WINDOW_STATE, w.saveState())
        w.settings.set(S.SPLITTER, w.splitter.saveState())
        w.settings.set(S.FONT_SIZE, w.font_size)
        self.save_current()
        w.settings.sync()

    # -- switching ---------------------------------------------------------------------------------
    def switch(self, layout: Layout, fresh: bool = False) -> None:
        """Leave the current layout (remembered) for ``layout`` (restored, or laid out fresh).

        The key of the layout in use lays it out afresh for the window's size (after a resize,
        or to undo one's own rearranging).
        """
        if layout != self.current:
            self.save_current()
        else:
            fresh = True
        self.current = layout
        self.actions[self._action_of(layout)].setChecked(True)
        if fresh or not self._restore(layout):
            self.apply_defaults(layout)
        self._q().setValue("layout/current", layout.value)
        self.window.statusBar().showMessage(self.actions[self._action_of(layout)].statusTip(), 6000)
        for listener in self.listeners:
            listener(layout)
        self.window.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def apply_defaults(self, layout: Layout) -> None:
        """Open the layout's panels and fit them to the window."""
        w = self.window
        wanted = PANELS[layout]
        for dock in w.findChildren(QDockWidget):
            name = dock.objectName()
            if name in KNOWN_DOCKS:
                dock.setVisible(name in wanted)
        self._set_pane("library", "library" in wanted)
        self._set_pane("raw", "raw" in wanted)
        self.fit(layout)
        QTimer.singleShot(0, lambda: self.fit(layout))  # again once the docks have their geometry

    def _set_pane(self, pane: str, visible: bool) -> None:
        w = self.window
        if pane == "library":
            w.library_pane.setVisible(visible)
            w.actions[ActionId.SHOW_LIBRARY].setChecked(visible)
        else:
            w.raw_view.setVisible(visible)
            self.actions[L.SHOW_RAW].setChecked(visible)

    def fit(self, layout: Layout | None = None) -> None:
        """Size the panes so the article keeps its reading width; tab the side panels on a narrow window."""
        w = self.window
        layout = layout or self.current
        self.update_minimum()
        side = [d for d in w.findChildren(QDockWidget) if not d.isHidden() and not d.isFloating()
                and w.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
        bottom = [d for d in w.findChildren(QDockWidget) if not d.isHidden() and not d.isFloating()
                  and w.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea]
        width = w.width()
        if width < COMPACT and side and bottom:  # a small screen: every panel in one row of tabs below
            for dock in side:
                w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
                w.tabifyDockWidget(bottom[0], dock)
            bottom[0].raise_()
            side = []
        side.sort(key=lambda d: SIDE_ORDER.index(d.objectName()) if d.objectName() in SIDE_ORDER else 99)
        if width < NARROW and len(side) > 1:
            for dock in side[1:]:
                if dock not in w.tabifiedDockWidgets(side[0]):
                    w.tabifyDockWidget(side[0], dock)
            side[0].raise_()
        side_width = max(220, min(320, int(width * 0.21)))
        if side:
            w.resizeDocks(side, [side_width] * len(side), Qt.Orientation.Horizontal)
        for dock in bottom:
            give_first_size(w, dock)
        central = width - (side_width + 8 if side else 0) - 8
        need = min_reading_width(w.article_view)
        panes = {"library": w.library.isVisibleTo(w), "raw": w.raw_view.isVisibleTo(w)}
        library_share, raw_share = SHARES[layout]
        sizes = {
            "library": max(170, min(320, int(central * library_share))) if panes["library"] else 0,
            "raw": max(180, min(520, int(central * raw_share))) if panes["raw"] else 0,
        }
        floors = {"library": LIBRARY_FLOOR, "raw": 180}
        if layout is Layout.CODING and panes["raw"]:
            floors["raw"] = raw_width(w.raw_view, RAW_MIN_EM)
            self._widen_raw(sizes, central, min_reading_width(w.article_view, COMFORT_EM))
        for pane in DROP_ORDER[layout]:  # first shrink, then close what cannot fit
            if central - sizes["library"] - sizes["raw"] >= need:
                break
            if sizes[pane]:
                sizes[pane] = max(floors[pane], central - need - sum(v for k, v in sizes.items() if k != pane))
        for pane in DROP_ORDER[layout]:
            if sizes[pane] and central - sizes["library"] - sizes["raw"] < need:
                sizes[pane] = 0
                self._set_pane(pane, False)
        article = max(need, central - sizes["library"] - sizes["raw"])
        w.splitter.setSizes([sizes["library"], article, sizes["raw"]])

    def _widen_raw(self, sizes: dict[str, int], central: int, comfort: int) -> None:
        """The coding layout's raw pane: ``RAW_EM`` characters a line where the article keeps ``comfort``
        pixels (the library narrows first), else as wide as that leaves, not below ``RAW_MIN_EM``."""
        raw = self.window.raw_view
        sizes["raw"] = max(sizes["raw"], raw_width(raw, RAW_EM))
        if sizes["library"] and central - sizes["library"] - sizes["raw"] < comfort:
            sizes["library"] = max(CODING_LIBRARY_FLOOR, central - sizes["raw"] - comfort)
        if central - sizes["library"] - sizes["raw"] < comfort:
            sizes["raw"] = max(raw_width(raw, RAW_MIN_EM), central - sizes["library"] - comfort)

    def update_minimum(self) -> None:
        """The article view never gets narrower than its reading width (the font size may have changed)."""
        self.window.article_view.setMinimumWidth(min_reading_width(self.window.article_view))


#: The first size of the window where the screen has room for it.
FIRST_SIZE = (1500, 920)
#: Room left for the window manager's frame and title bar.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window, fresh: bool) -> None:
    """A first start gets :data:`FIRST_SIZE` or the screen's room, whichever is smaller; a restored
    geometry saved on a larger screen is brought inside this one, so nothing opens off-screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        if fresh:
            window.resize(*FIRST_SIZE)
        return
    room = screen.availableGeometry()
    max_w, max_h = room.width() - FRAME_ALLOWANCE[0], room.height() - FRAME_ALLOWANCE[1]
    width, height = (FIRST_SIZE if fresh else (window.width(), window.height()))
    width, height = min(width, max_w), min(height, max_h)
    if fresh or width != window.width() or height != window.height():
        window.resize(width, height)
        x = room.x() + max(0, (room.width() - width - FRAME_ALLOWANCE[0]) // 2)
        y = room.y() + max(0, (room.height() - height - FRAME_ALLOWANCE[1]) // 2)
        window.move(x, y)
