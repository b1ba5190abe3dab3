"""The corpus out and work in: File > Export…, Import Work…, Import Codebook…, and the Reports menu and panel.

Attached to the main window by one line (``ExchangeDesk(window)``), like the editing desk: its
actions join the window's registry (:meth:`ui.actions.ActionRegistry.extend`), its menu entries
are inserted into the File menu and a Reports menu, the Reports panel is a dock.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox, QProgressDialog

from ui.actions import ActionId, ActionSpec
from ui.dialogs import show_error
from ui.docks import DockSwitch, present
from ui.exporting import ExportController
from ui.operations import OpHolder, StoreOp
from ui.remembered import last_folder, remember_folder
from ui.reports import CHOICES, ReportsPanel
from ui.tasks import Task


class ExchangeActionId(StrEnum):
    EXPORT = "export"
    IMPORT_WORK = "import_work"
    IMPORT_CODEBOOK = "import_codebook"
    SHOW_REPORTS = "show_reports"


X = ExchangeActionId

EXCHANGE_ACTIONS: dict[ExchangeActionId, ActionSpec] = {
    X.EXPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        QT_TRANSLATE_NOOP("Actions", "Export the articles and the work on them (CSV, REFI-QDA, TEI, …)"),
        ("Ctrl+E",),
    ),
    X.IMPORT_WORK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &Work…"),
        QT_TRANSLATE_NOOP("Actions", "Merge another project's work from its JSONL export"),
    ),
    X.IMPORT_CODEBOOK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import Code&book…"),
        QT_TRANSLATE_NOOP("Actions", "Add the codes of a REFI-QDA codebook (.qdc) to the tags"),
    ),
    X.SHOW_REPORTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Reports &Panel"), "", ("Ctrl+7",), checkable=True),
}


class ExchangeDesk(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("exchangeDesk")
        self.window = window
        window.actions.extend(EXCHANGE_ACTIONS, window)
        self.actions: dict[ExchangeActionId, QAction] = {a: window.actions[a] for a in ExchangeActionId}
        for action in self.actions.values():
            window.addAction(action)
        self.exports = ExportController(window)
        self.reports = ReportsPanel(window)
        self.reports_dock = QDockWidget(window)
        self.reports_dock.setObjectName("reportsDock")
        self.reports_dock.setWidget(self.reports)
        self.reports_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reports_dock)
        window.tabifyDockWidget(window.search_dock, self.reports_dock)
        self.reports_dock.hide()
        self.ops = OpHolder()
        self._build_menus()
        self._connect()
        window.installEventFilter(self)
        self.retranslate_ui()

    # -- construction ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        w, a = self.window, self.actions
        menu = w.file_menu
        entries = menu.actions()
        folder = w.actions[ActionId.IMPORT_FOLDER]
        after = entries[entries.index(folder) + 1] if folder in entries and entries.index(folder) + 1 < len(entries) \
            else None
        for action in (a[X.IMPORT_WORK], a[X.IMPORT_CODEBOOK], None, a[X.EXPORT]):
            if action is None:
                menu.insertSeparator(after) if after is not None else menu.addSeparator()
            elif after is not None:
                menu.insertAction(after, action)
            else:
                menu.addAction(action)
        self.reports_menu = QMenu(w)
        self.reports_menu.setObjectName("reportsMenu")
        w.menuBar().insertMenu(w.help_menu.menuAction(), self.reports_menu)
        self.reports_menu.addAction(a[X.SHOW_REPORTS])
        self.reports_menu.addSeparator()
        self.kind_actions: dict[str, QAction] = {}
        for key, _, _ in CHOICES:
            action = QAction(w)
            action.setObjectName(f"action_report_{key}")
            action.triggered.connect(lambda _=False, k=key: self.show_report(k))
            self.reports_menu.addAction(action)
            self.kind_actions[key] = action

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a[X.EXPORT].triggered.connect(self.exports.open_dialog)
        a[X.IMPORT_WORK].triggered.connect(self.choose_work)
        a[X.IMPORT_CODEBOOK].triggered.connect(self.choose_codebook)
        self.reports_switch = DockSwitch(a[X.SHOW_REPORTS], self.reports_dock)  # shows and raises
        self.reports_dock.visibilityChanged.connect(self._reports_visibility)
        w.events.changed.connect(lambda _event: self.reports.schedule())

    def retranslate_ui(self) -> None:
        self.reports_menu.setTitle(self.tr("&Reports"))
        self.reports_dock.setWindowTitle(self.tr("Reports"))
        self.reports.retranslate_ui()
        for i in range(self.reports.kind.count()):
            key = self.reports.kind.itemData(i)
            self.kind_actions[key].setText(self.reports.kind.itemText(i))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate_ui()
        elif kind == QEvent.Type.Close and obj is self.window:
            self.shutdown()
        return False

    # -- reports ---------------------------------------------------------------------------------
    def _reports_visibility(self, visible: bool) -> None:
        action = self.actions[X.SHOW_REPORTS]
        if self.window.isVisible() and action.isChecked() != self.reports_dock.isVisible():
            action.blockSignals(True)
            action.setChecked(self.reports_dock.isVisible())
            action.blockSignals(False)
        if visible:
            self.reports.refresh()

    def show_report(self, key: str) -> None:
        present(self.reports_dock, focus=False)
        self.actions[X.SHOW_REPORTS].setChecked(True)
        if self.reports.kind.currentData() == key:
            self.reports.refresh()
        else:
            self.reports.set_kind(key)

    def size_reports(self, height: int) -> None:
        """Give the Reports dock ``height`` pixels (the text above keeps the rest)."""
        self.window.resizeDocks([self.reports_dock], [height], Qt.Orientation.Vertical)

    def set_store(self, _store) -> None:
        """Another project is open: the panel shows its reports."""
        if self.reports_dock.isVisible():
            self.reports.refresh()

    # -- importing work and codebooks ------------------------------------------------------------
    def _project(self):
        store = self.window.store
        project = getattr(store, "project", None)
        if project is None:
            show_error(self.window, self.tr("No Project"), self.tr("Open or create a project first."))
        return project

    def choose_work(self) -> None:
        if self._project() is None:
            return
        kinds = self.tr("Jiaokan JSONL exports (*.jsonl)") + ";;" + self.tr("All files (*)")
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Work"), last_folder("work"), kinds)
        if path:
            remember_folder("work", path)
            self.import_work(path)

    @property
    def task(self) -> Task | None:
        return self.ops.task

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.ops.dialog

    def import_work(self, path: str) -> Task | None:
        project = self._project()
        if project is None or self.ops.busy:
            return None
        op = StoreOp(
            self.window,
            lambda progress, cancelled: project.merge_jsonl(path, progress=lambda d, t: progress(d, t, "")),
            name="mergeProgress",
            title=self.tr("Importing Work"),
            label=self.tr("Merging the work of another project…"),
            cancel_text=None,  # one transaction: it completes or changes nothing
            error_title=self.tr("Import Failed"),
            parent=self,
        )
        op.succeeded.connect(self._on_merged)
        task = op.task
        self.ops.hold(op).start()
        return task

    def _on_merged(self, report) -> None:
        text = self.tr("Merged: %1").replace("%1", report.summary())
        if report.conflicts:
            text += "\n\n" + self.tr(
                "Where both projects changed the same text differently, both versions are kept: "
                "decide each in the Merge Conflicts panel (Ctrl+9).")
            self.window.conflicts.open()
        if report.problems:
            text += "\n\n" + "\n".join(report.problems[:20])
        QMessageBox.information(self.window, self.tr("Work Imported"), text)

    def choose_codebook(self) -> None:
        project = self._project()
        if project is None:
            return
        kinds = self.tr("REFI-QDA codebooks (*.qdc)") + ";;" + self.tr("All files (*)")
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Codebook"), last_folder("codebook"), kinds)
        if path:
            remember_folder("codebook", path)
            self.import_codebook(path)

    def import_codebook(self, path: str) -> None:
        from db import StoreError
        from db.exports.qdc_import import import_codebook

        project = self._project()
        if project is None:
            return
        try:
            report = import_codebook(project, path)
        except StoreError as exc:
            show_error(self.window, self.tr("Cannot Import Codebook"), str(exc))
            return
        QMessageBox.information(self.window, self.tr("Codebook Imported"), "\n".join(report.lines()[:30]))

    def shutdown(self) -> None:
        self.exports.shutdown()
        self.reports.shutdown()
        if self.ops.busy:  # a merge is one transaction: wait for it, never cancel it
            self.ops.op.wait(30000)
