"""The reading desk's widgets: the library, the article and raw views, the search dock, the toolbar, the status bar.

Built once by :class:`ui.mainwindow.MainWindow` (like its menus, :mod:`ui.window_menus`);
texts are set by the window's ``retranslate_ui``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolBar,
    QTreeView,
)

from ui.actions import ActionId
from ui.item_views import list_view
from ui.library import LibraryElision, LibraryModel
from ui.library_pane import LibraryPane
from ui.raw_view import RawView
from ui.script import Script
from ui.search import SearchPanel
from ui.views import ArticleView


def build_widgets(window) -> None:
    """The window's widgets, as attributes of ``window`` (``library``, ``article_view``, ``raw_view``, …)."""
    window.library_model = LibraryModel(None, window)
    window.library = list_view(QTreeView(window), "library", window.library_model, alternating=False)
    window.library.setStyleSheet("QTreeView::item { padding: 2px 0px; }")
    window.library.setItemDelegate(LibraryElision(window.library))  # file names in the middle, headlines at the end
    window.library.header().setStretchLastSection(False)
    window.library.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # the state column (kind, review state, annotations) elides before the headlines do
    window.library.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    window.library.header().resizeSection(1, 150)
    window.library.installEventFilter(window)  # the state column gives way on a narrow library

    window.article_view = ArticleView(window)
    window.raw_view = RawView(window)
    window.setAcceptDrops(True)
    for widget in (window.library, window.article_view, window.raw_view):
        widget.setAcceptDrops(False)  # files dropped anywhere reach the window

    window.splitter = QSplitter(Qt.Orientation.Horizontal, window)
    window.splitter.setObjectName("mainSplitter")
    window.splitter.setChildrenCollapsible(False)
    window.library_pane = LibraryPane(window.library, window.library_model, window)  # a filter over the tree
    window.splitter.addWidget(window.library_pane)
    window.splitter.addWidget(window.article_view)
    window.splitter.addWidget(window.raw_view)
    window.splitter.setStretchFactor(0, 0)
    window.splitter.setStretchFactor(1, 3)
    window.splitter.setStretchFactor(2, 2)
    window.splitter.setSizes([330, 760, 510])
    window.setCentralWidget(window.splitter)

    window.search_panel = SearchPanel(window.actions[ActionId.SEARCH_REGEX], window)
    window.search_dock = QDockWidget(window)
    window.search_dock.setObjectName("searchDock")
    window.search_dock.setWidget(window.search_panel)
    window.search_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.search_dock)
    window.search_dock.hide()

    window.toolbar = QToolBar(window)
    window.toolbar.setObjectName("mainToolbar")
    window.toolbar.setMovable(False)
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(window.toolbar)
    window.toolbar.addAction(window.actions[ActionId.PREV_ARTICLE])
    window.toolbar.addAction(window.actions[ActionId.NEXT_ARTICLE])
    window.toolbar.addSeparator()
    window.toolbar.addAction(window.actions[ActionId.FIND])
    window.toolbar.addSeparator()
    window.toolbar.addAction(window.actions[ActionId.ZOOM_OUT])
    window.toolbar.addAction(window.actions[ActionId.ZOOM_IN])
    window.toolbar.addSeparator()
    window.script_label = QLabel(window)
    window.script_label.setContentsMargins(6, 0, 4, 0)
    window.script_combo = QComboBox(window)
    window.script_combo.setObjectName("scriptCombo")
    for script in Script:
        window.script_combo.addItem("", script.value)
    window.script_combo.setCurrentIndex(list(Script).index(window.converter.script))
    window.toolbar.addWidget(window.script_label)
    window.toolbar.addWidget(window.script_combo)

    window.position_label = QLabel(window)
    window.raw_label = QLabel(window)
    window.statusBar().addWidget(window.position_label, 1)
    window.statusBar().addPermanentWidget(window.raw_label)
    # QStatusBar hides its normal widgets under a message only if they were visible when it
    # came; a message shown before the window was would be painted over the position.
    window.statusBar().messageChanged.connect(lambda message: window.position_label.setVisible(not message))
