"""The reading desk: library (left), the article typeset for reading (centre), the raw dump (right)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
)

from db.models import SearchHit
from jiaokan import __version__
from ui import settings as S
from ui.actions import ActionId, ActionRegistry
from ui.article_hits import hits_in_text
from ui.backend import ArticleData, DeskStore
from ui.conflicts_panel import ConflictsDesk
from ui.dialogs import ShortcutsDialog
from ui.docks import DockSwitch, present
from ui.doubts import DoubtsDesk
from ui.editing.desk import EditingDesk
from ui.events import StoreEvents
from ui.exchange import ExchangeDesk
from ui.i18n import Translations
from ui.layouts import DeskLayouts
from ui.paint_order import ArticleFirst
from ui.panel_parts import RetranslatedOnLanguageChange, debounce
from ui.passages_panel import CodedPassagesDesk
from ui.projects import ProjectController, local_paths
from ui.script import SCRIPT_LABELS, Script, ScriptConverter
from ui.source_properties import SourcePropertiesDesk
from ui.window_display import WindowDisplay
from ui.window_linking import ArticleRawLinking
from ui.window_menus import build_menus
from ui.window_widgets import build_widgets

LEAD_CHARS = 16  # opening words naming an article without a headline


class MainWindow(RetranslatedOnLanguageChange, ArticleRawLinking, WindowDisplay, QMainWindow):
    article_opened = Signal(int)

    def __init__(self, settings: S.Settings, translations: Translations | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.translations = translations
        self.store: DeskStore | None = None
        self.article: ArticleData | None = None
        self.converter = ScriptConverter(self._saved_script())
        self._raw_cache: OrderedDict[tuple[int, str], str] = OrderedDict()
        self._raw_source: int | None = None
        self._syncing_library = False
        self.font_size = max(S.MIN_FONT_SIZE, min(S.MAX_FONT_SIZE, settings.get(S.FONT_SIZE)))

        self.actions = ActionRegistry(self)
        self.events = StoreEvents(self)
        self.projects = ProjectController(self)
        self._refresh_timer = debounce(self, 250, self._refresh_library)
        self._build_widgets()
        self.library_model.set_display(self.converter.convert)
        self.search_panel.model.set_display(self.converter.convert)
        self._build_menus()
        self._connect()
        self.editing = EditingDesk(self)  # the editing desk: menus, panels, undo
        self.exchange = ExchangeDesk(self)  # File > Export…, Import Work…, the Reports menu and panel
        self.doubts = DoubtsDesk(self)  # the engine's doubts: marks, counts, F9, "looks right"
        self.passages = CodedPassagesDesk(self)  # View > Coded Passages (Ctrl+8)
        self.conflicts = ConflictsDesk(self)  # View > Merge Conflicts (Ctrl+9)
        self.sources = SourcePropertiesDesk(self)  # a page's date, name and number (Alt+Return, library menu)
        # an open paints the article first, the library, raw text and article panels a frame later (made
        # after the editing desk: its filter on the article's viewport takes the paint event)
        panels = [self.editing.annotations, self.editing.history, self.editing.notes]
        self.paint_order = ArticleFirst(self.article_view, [self.library_pane, self.raw_view, *panels])
        self.layouts = DeskLayouts(self)  # reading / proofreading / coding, F5 / F6 / F7
        self.layouts.listeners.append(self.editing.typing.follow_layout)  # proofreading: typing corrects
        self.editing.typing.follow_layout(self.layouts.current)
        self._fresh_layout = False
        self._apply_font_size()
        self.retranslate_ui()
        self._restore_state()

    # -- construction -----------------------------------------------------------------------------
    def _saved_script(self) -> Script:
        try:
            return Script(self.settings.get(S.SCRIPT))
        except ValueError:
            return Script.ORIGINAL

    def _build_widgets(self) -> None:
        build_widgets(self)  # library, article and raw views, search dock, toolbar: ui/window_widgets.py

    def _build_menus(self) -> None:
        build_menus(self)  # File, View (script, language, zoom), Go, Help: ui/window_menus.py

    def _connect(self) -> None:
        a = self.actions
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.NEW_PROJECT].triggered.connect(self.projects.new_project)
        a[ActionId.OPEN_PROJECT].triggered.connect(self.projects.choose_project)
        a[ActionId.IMPORT_FILES].triggered.connect(self.projects.choose_files)
        a[ActionId.IMPORT_FOLDER].triggered.connect(self.projects.choose_folder)
        a[ActionId.CLEAR_RECENT].triggered.connect(self.projects.clear_recent)
        self.events.changed.connect(self._on_store_changed)
        a[ActionId.NEXT_ARTICLE].triggered.connect(lambda: self.step_article(+1))
        a[ActionId.PREV_ARTICLE].triggered.connect(lambda: self.step_article(-1))
        a[ActionId.NEXT_PARAGRAPH].triggered.connect(lambda: self.step_paragraph(+1))
        a[ActionId.PREV_PARAGRAPH].triggered.connect(lambda: self.step_paragraph(-1))
        a[ActionId.FIND].triggered.connect(self.focus_search)
        a[ActionId.FIND_NEXT].triggered.connect(lambda: self.step_hit(+1))
        a[ActionId.FIND_PREV].triggered.connect(lambda: self.step_hit(-1))
        a[ActionId.ZOOM_IN].triggered.connect(lambda: self.zoom(+1))
        a[ActionId.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        a[ActionId.ZOOM_RESET].triggered.connect(lambda: self.zoom(0))
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.ABOUT].triggered.connect(self.show_about)
        a[ActionId.SEARCH_REGEX].setChecked(self.settings.get(S.SEARCH_REGEX))
        a[ActionId.SEARCH_REGEX].toggled.connect(lambda on: self.settings.set(S.SEARCH_REGEX, on))
        a[ActionId.SHOW_LIBRARY].setChecked(True)
        a[ActionId.SHOW_LIBRARY].toggled.connect(self.library_pane.setVisible)
        self.library_pane.on_filtered = self.sync_library_after_refresh
        self.search_switch = DockSwitch(a[ActionId.SHOW_SEARCH], self.search_dock)
        self.script_group.triggered.connect(lambda action: self.set_script(Script(action.data())))
        self.script_combo.currentIndexChanged.connect(lambda i: self.set_script(Script(self.script_combo.itemData(i))))
        self.language_group.triggered.connect(lambda action: self.set_language(action.data()))
        self.library.selectionModel().currentChanged.connect(self._on_library_current)
        self.library.activated.connect(self._on_library_activated)
        self.article_view.selection_changed_cp.connect(self._on_article_selection)
        self.raw_view.selection_changed_cp.connect(self._on_raw_selection)
        self.raw_view.clicked_cp.connect(self._on_raw_clicked)
        self.article_view.clicked_cp.connect(self._on_article_clicked)
        self.search_panel.hit_activated.connect(self.open_hit)
        self.search_panel.searched.connect(lambda _q: self.tint_search_hits())
        self.search_dock.visibilityChanged.connect(lambda _v: self.tint_search_hits())

    # -- translation ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.actions.retranslate_ui()
        self._update_title()
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.view_menu.setTitle(self.tr("&View"))
        self.script_menu.setTitle(self.tr("&Script"))
        self.language_menu.setTitle(self.tr("&Interface Language"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.search_dock.setWindowTitle(self.tr("Search"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.script_label.setText(self.tr("Script:"))
        self.script_combo.setToolTip(self.tr("Display the text in this script (the stored text is not changed)"))
        for i, script in enumerate(Script):
            label = QCoreApplication.translate("Script", SCRIPT_LABELS[script])
            self.script_combo.setItemText(i, label)
            self.script_actions[script].setText(label)
        self.language_actions[""].setText(self.tr("System Language"))
        self.library.setToolTip(self.tr("Sources and their articles"))
        self.article_view.setToolTip("")
        self.raw_view.setToolTip("")
        self.library_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.library_model.COLUMNS - 1)
        self._refresh_library_labels()
        self._update_status()
        if self.article is None:
            self._show_placeholder()
        self.rebuild_recent_menu()

    def eventFilter(self, obj, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.library and event.type() == QEvent.Type.Resize:
            self._fit_library_columns()
        return super().eventFilter(obj, event)

    def _fit_library_columns(self) -> None:
        """The headlines keep at least 60% of a narrow library; the state column takes at most 150 px."""
        width = self.library.viewport().width()
        self.library.header().resizeSection(1, max(60, min(150, int(width * 0.4))))


    def _refresh_library_labels(self) -> None:
        self.library_model.relabel()

    def _update_title(self) -> None:
        name = self.store.display_name if self.store is not None and hasattr(self.store, "display_name") else ""
        title = self.tr("Jiaokan Reading Desk")
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def set_language(self, code: str) -> None:
        self.settings.set(S.LANGUAGE, code)
        if self.translations is not None:
            self.translations.set_language(code)
        self.language_actions.get(code, self.language_actions[""]).setChecked(True)

    # -- project ---------------------------------------------------------------------------------
    def set_store(self, store: DeskStore | None) -> None:
        """Show ``store`` (a project); the previous one is closed."""
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.events.attach(store)
        self.editing.set_store(store)
        self.exchange.set_store(store)
        self.passages.set_store(store)
        self.conflicts.refresh()
        self.article = None
        self._raw_cache.clear()
        self._raw_source = None
        self.library_model.set_store(store)
        self.doubts.set_store(store)
        if self.library_model.canFetchMore(QModelIndex()):
            self.library_model.fetchMore(QModelIndex())  # the first page, so the first article can open
        self.raw_view.set_raw("")
        self.search_panel.set_search(
            None
            if store is None
            else (lambda q, rx, offset, limit, cancel=None, pages=None:
                  store.search(q, rx, limit, offset, cancel, pages=pages)),
            threaded=getattr(store, "search_threaded", False),
        )
        self.search_panel.model.set_lead_of(None if store is None else self._lead_of)
        self._show_placeholder()
        self._update_title()
        self._update_status()
        if store is not None and self.library_model.rowCount():
            first = self.library_model.index(0, 0)
            self.library.expand(first)
            article = self.library_model.step_article(QModelIndex(), +1)
            if article.isValid():
                self.library.setCurrentIndex(article)

    def _show_placeholder(self) -> None:
        if self.store is None:
            text = self.tr("No project is open. Use File > Open Project, or import page dumps.")
        elif self.library_model.rowCount() == 0 and not self.library_model.canFetchMore(QModelIndex()):
            text = self.tr("This project is empty. Import page dumps with File > Import Files.")
        else:
            text = self.tr("Choose an article in the library.")
        self.article_view.set_blocks([("byline", text)], self.font_size)

    # -- store changes ---------------------------------------------------------------------------
    def _on_store_changed(self, event) -> None:
        from db import Change

        if self.store is None:
            return  # queued from a project that is closed now
        changes = event.changes
        if changes & Change.TAGS and self.store is not None and hasattr(self.store, "forget_tags"):
            self.store.forget_tags()
        if changes & (Change.SOURCES | Change.ARTICLES | Change.REVIEW | Change.ANNOTATIONS):
            self._refresh_timer.start()
        if self.article is not None and changes & (Change.TEXT | Change.ANNOTATIONS | Change.TAGS | Change.ARTICLES):
            if not event.article_ids or self.article.id in event.article_ids:
                self.reload_article(event)

    def _refresh_library(self) -> None:
        self.library_model.refresh()
        self.sync_library_after_refresh()

    def sync_library_after_refresh(self) -> None:
        if self.library_model.canFetchMore(QModelIndex()):
            self.library_model.fetchMore(QModelIndex())
        if self.article is not None:
            self._sync_library(self.article, force=True)
        elif self.store is not None:
            article = self.library_model.step_article(QModelIndex(), +1)
            if article.isValid():
                self.library.expand(article.parent())
                self.library.setCurrentIndex(article)
        self._show_placeholder_if_empty()

    def reload_article(self, event=None) -> None:
        """Read the open article again (its text or annotations changed), keeping the view where it was.

        After a correction (``event`` names it) the article is patched instead (:mod:`ui.article_patch`).
        """
        if self.article is None or self.store is None:
            return
        from db import Change, NotFound

        value = self.article_view.verticalScrollBar().value()
        old = self.article
        try:
            patched = None
            after = getattr(self.store, "article_after", None)
            corrected = Change.TEXT | Change.HISTORY | Change.ANNOTATIONS
            if after is not None and event is not None and len(event.edit_ids) == 1 and not event.changes & ~corrected:
                patched = after(old, next(iter(event.edit_ids))) if event.article_ids == {old.id} else None
            self.article = patched or self.store.article(self.article.id)
        except NotFound:
            self.article = None
            self._show_placeholder()
            return
        self._update_status()  # the character count follows every change
        if [(b.role, b.text) for b in old.blocks] == [(b.role, b.text) for b in self.article.blocks]:
            # same text (annotations changed): repaint the highlights, keep the layout and the selection
            self.article_view.set_annotations([(a.start, a.end, a.colour) for a in self.article.annotations])
            return
        conv = self.converter.convert
        if self.article_view.update_blocks([(b.role, conv(b.text)) for b in self.article.blocks]):
            # same blocks, new text (a correction): rewrite only the changed blocks
            self.article_view.set_annotations([(a.start, a.end, a.colour) for a in self.article.annotations])
            self.raw_view.set_article_lines(self.article.offsets.raw_lines_ranges(), scroll=False)
            self.tint_search_hits()
        else:
            self._render_article()
        self.article_view.verticalScrollBar().setValue(value)

    def _show_placeholder_if_empty(self) -> None:
        if self.article is None:
            self._show_placeholder()

    # -- drag and drop ------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.projects.drop(paths)

    # -- opening articles ------------------------------------------------------------------------
    def _on_library_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_library:
            return
        article_id = self.library_model.article_id(current)
        if article_id is not None:
            self.open_article(article_id)

    def _on_library_activated(self, index: QModelIndex) -> None:
        if self.library_model.article_id(index) is None:
            self.library.setExpanded(index, not self.library.isExpanded(index))

    def open_article(self, article_id: int, select: tuple[int, int] | None = None, scroll_raw: bool = True) -> None:
        """Show article ``article_id``; optionally select article characters ``select`` on both sides.

        ``scroll_raw`` False keeps the raw pane where it is (the user clicked there).
        """
        if self.store is None:
            return
        if self.article is None or self.article.id != article_id:
            article = self.store.article(article_id)
            self.paint_order.hold()
            self.article = article
            self.raw_view.set_linked([])
            self._show_raw(article.source_id)
            self._render_article(scroll_raw=scroll_raw)
            self._sync_library(article)
            self.article_opened.emit(article_id)
        if select is not None:
            self.article_view.select_range(*select)
        self._update_status()

    def _render_article(self, scroll_raw: bool = True) -> None:
        article = self.article
        if article is None:
            return
        conv = self.converter.convert
        self.article_view.set_blocks([(b.role, conv(b.text)) for b in article.blocks], self.font_size)
        self.article_view.set_annotations([(a.start, a.end, a.colour) for a in article.annotations])
        self.raw_view.set_article_lines(article.offsets.raw_lines_ranges(), scroll=scroll_raw)
        self.tint_search_hits()

    def _sync_library(self, article: ArticleData, force: bool = False) -> None:
        index = self.library.currentIndex()
        if not force and self.library_model.article_id(index) == article.id:
            return
        index = self.library_model.find_article(article.source_id, article.id)
        if index.isValid():
            self._syncing_library = True
            try:
                self.library.expand(index.parent())
                self.library.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.library.scrollTo(index)
            finally:
                self._syncing_library = False

    # -- navigation -----------------------------------------------------------------------------
    def step_article(self, step: int) -> bool:
        target = self.library_model.step_article(self.library.currentIndex(), step)
        if not target.isValid():
            return False
        self.library.expand(target.parent())
        self.library.setCurrentIndex(target)
        self.library.scrollTo(target)
        return True

    def focus_search(self) -> None:
        present(self.search_dock, focus=False)
        self.search_panel.focus_query()

    def step_hit(self, step: int) -> None:
        self.search_dock.show()
        self.search_panel.step_hit(step)

    def _lead_of(self, article_id: int) -> str:
        """The opening words of an article (the name of one printed without a headline)."""
        if self.store is None:
            return ""
        text = self.store.article(article_id).text
        return text.split("\n", 1)[0][:LEAD_CHARS]

    def tint_search_hits(self) -> None:
        """Tint every hit of the shown search in the open article (cleared when the search panel closes)."""
        query = self.search_panel.shown_query or ""
        if self.article is None or self.search_dock.isHidden() or not query:
            self.article_view.set_marked([])
            return
        regex = self.actions[ActionId.SEARCH_REGEX].isChecked()
        self.article_view.set_marked(hits_in_text(self.article.text, query, regex))

    def open_hit(self, hit: SearchHit) -> None:
        self.open_article(hit.article_id, select=(hit.start, hit.end))

    # -- dialogs --------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.actions.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._shortcuts_dialog = dialog

    def show_about(self) -> None:
        text = self.tr("Jiaokan %1 — a reading and annotation desk for Chinese newspaper text dumps.")
        QMessageBox.about(self, self.tr("About Jiaokan"), text.replace("%1", __version__))

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_PROJECTS)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_project_path(p))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions[ActionId.CLEAR_RECENT])
        self.actions[ActionId.CLEAR_RECENT].setEnabled(bool(recent))
        self.recent_menu.setEnabled(True)

    def open_project_path(self, path: str) -> bool:
        return self.projects.open_project(path)

    # -- state -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        self._fresh_layout = not self.layouts.restore_window()  # a first run is laid out once shown

    def save_state(self) -> None:
        self.layouts.save_window()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._fresh_layout:
            self._fresh_layout = False
            QTimer.singleShot(0, lambda: self.layouts.switch(self.layouts.current, fresh=True))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_state()
        self.projects.shutdown()
        self.events.detach()
        self._refresh_timer.stop()
        self.search_panel.set_search(None)
        self.library_model.set_store(None)
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
