"""The corpus out and work in: File > Export…, Import Work…, Import Codebook…, and the Reports menu and panel.

Attached to the main window by one line (``ExchangeDesk(window)``), like the editing desk: its
actions join the window's registry (:meth:`ui.actions.ActionRegistry.extend`), its menu entries
are inserted into the File menu and a Reports menu, the Reports panel is a dock.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ui.actions import ActionId, ActionSpec
from ui.backend import editable_project
from ui.dialogs import show_error
from ui.docks import BELOW_OR_ABOVE, DockSwitch, panel_dock, present
from ui.exporting import ExportController
from ui.operations import OpHolder, RunsStoreOps, StoreOp
from ui.panel_parts import named
from ui.remembered import last_folder, remember_folder
from ui.reports import CHOICES, ReportsPanel
from ui.store_errors import translate_store_error
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


class ExchangeDesk(RunsStoreOps, QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("exchangeDesk")
        self.window = window
        self.actions: dict[ExchangeActionId, QAction] = window.actions.install(EXCHANGE_ACTIONS, window)
        self.exports = ExportController(window)
        self.reports = ReportsPanel(window)
        self.reports_dock = panel_dock(
            window, "reportsDock", self.reports, allowed=BELOW_OR_ABOVE, tab_with=window.search_dock, hidden=True
        )
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
        self.reports_menu = named(QMenu(w), "reportsMenu")
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
        project = editable_project(self.window.store)
        if project is None:
            show_error(self.window, self.tr("No Project"), self.tr("Open or create a project first."))
        return project

    def _choose_file(self, title: str, kinds: str, folder: str) -> str | None:
        """A file to import, chosen where the last one of its kind was (None: no project, or cancelled)."""
        if self._project() is None:
            return None
        kinds += ";;" + self.tr("All files (*)")
        path, _ = QFileDialog.getOpenFileName(self.window, title, last_folder(folder), kinds)
        if path:
            remember_folder(folder, path)
        return path or None

    def choose_work(self) -> None:
        path = self._choose_file(self.tr("Import Work"), self.tr("Jiaokan JSONL exports (*.jsonl)"), "work")
        if path:
            self.import_work(path)

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
        text = "\n".join(self._merge_summary(report))
        if report.conflicts:
            text += "\n\n" + self.tr(
                "Where both projects changed the same text, or a page's date, name or number, differently, "
                "both versions are kept: decide each in the Merge Conflicts panel (Ctrl+9).")
            self.window.conflicts.open()
        if report.problems:
            text += "\n\n" + "\n".join(report.problems[:20])
        QMessageBox.information(self.window, self.tr("Work Imported"), text)

    def _merge_summary(self, report) -> list[str]:
        """What a merge did, one line a kind of record, in the interface language."""
        rows = (
            (self.tr("Articles: %1 from %2 pages (%3 pages new here, %4 skipped)"),
             report.articles, report.sources_matched + report.sources_imported, report.sources_imported,
             report.sources_skipped),
            (self.tr("Tags created: %1"), report.tags_created),
            (self.tr("Edits: %1 applied, %2 already here, %3 conflicts kept for review"),
             report.edits_applied, report.edits_already, report.conflicts),
            (self.tr("Passages: %1 added (%2 orphaned), %3 already here"),
             report.annotations_added, report.annotations_orphaned, report.annotations_already),
            (self.tr("Notes added: %1; review states advanced: %2; page attribute changes applied: %3"),
             report.notes_added, report.review_states, report.attributes_applied),
        )
        lines = []
        for text, *values in rows:
            for number, value in enumerate(values, start=1):
                text = text.replace(f"%{number}", str(value))
            lines.append(text)
        return lines

    def choose_codebook(self) -> None:
        path = self._choose_file(self.tr("Import Codebook"), self.tr("REFI-QDA codebooks (*.qdc)"), "codebook")
        if path:
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
            show_error(self.window, self.tr("Cannot Import Codebook"), translate_store_error(exc))
            return
        counts = (
            (self.tr("Tags created: %1"), len(report.created)),
            (self.tr("Already in the codebook: %1"), len(report.existing)),
            (self.tr("Name clashes among sibling codes, merged: %1"), len(report.clashes)),
            (self.tr("Names changed: %1"), len(report.renamed)),
            (self.tr("Codes marked not codable, imported as ordinary tags: %1"), report.not_codable),
            (self.tr("Code sets not imported (Jiaokan has no sets): %1"), report.sets_ignored),
        )
        always = 2  # created and already there are said even when zero; the rest only when they happened
        lines = [text.replace("%1", str(count)) for row, (text, count) in enumerate(counts) if count or row < always]
        lines += (report.clashes + report.renamed)[:30]  # the names themselves, as the file gives them
        QMessageBox.information(self.window, self.tr("Codebook Imported"), "\n".join(lines))

    def shutdown(self) -> None:
        self.exports.shutdown()
        self.reports.shutdown()
        if self.ops.busy:  # a merge is one transaction: wait for it, never cancel it
            self.ops.op.wait(30000)
