"""Projects: the start-up project, New/Open/recent, importing with progress, drag and drop.

Starting with no project opens the bundled sample project, made from
``resources/samples/*.txt`` the first time in the data folder
(``QStandardPaths.AppDataLocation``; ``JIAOKAN_DATA_DIR`` overrides it), so the desk
shows real content at once. A project that cannot be opened (corrupt, written by
a newer Jiaokan, not a project) is explained in a message box, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from db import ProjectOpenError, StoreError
from db.models import ImportReport
from jiaokan.resources import sample_pages
from ui import settings as S
from ui.backend import ProjectStore
from ui.dialogs import ImportReportDialog, show_error
from ui.operations import OpHolder, StoreOp
from ui.remembered import last_folder, remember_folder
from ui.tasks import Task

PROJECT_SUFFIX = ".jiaokan"
SAMPLE_NAME = "samples" + PROJECT_SUFFIX


def data_dir() -> Path:
    override = os.environ.get("JIAOKAN_DATA_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".local" / "share" / "jiaokan-desk")


def sample_project_path() -> Path:
    return data_dir() / SAMPLE_NAME


def ensure_sample_project() -> Path:
    """The sample project, created from the bundled sample pages if it does not exist yet."""
    path = sample_project_path()
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    store = ProjectStore.open(str(partial))
    try:
        store.import_paths([str(p) for p in sample_pages()], lambda *_: None, lambda: False)
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.replace(path)  # appears whole or not at all
    return path


class ProjectController(QObject):
    """File-menu behaviour of one main window."""

    import_started = Signal(object, object)  # Task, QProgressDialog (tests cancel through it)
    import_finished = Signal(object)  # ImportReport

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings: S.Settings = window.settings
        self.report_dialog: ImportReportDialog | None = None
        self.ops = OpHolder()

    # -- opening ----------------------------------------------------------------------------
    def open_project(self, path: str | Path, *, create: bool = False, remember: bool = True) -> bool:
        path = str(path)
        try:
            store = ProjectStore.open(path, create=create)
        except ProjectOpenError as exc:
            show_error(self.window, self.tr("Cannot Open Project"), self._open_error_text(exc, path))
            return False
        except (StoreError, OSError) as exc:
            show_error(self.window, self.tr("Cannot Open Project"), self._open_error_text(exc, path))
            return False
        self.window.set_store(store)
        if remember:
            self.settings.set(S.LAST_PROJECT, path)
            self.add_recent(path)
        return True

    def _open_error_text(self, exc: Exception, path: str) -> str:
        from db import NotAProject, ProjectCorrupt, ProjectNotFound, ProjectTooNew

        name = Path(path).name
        if isinstance(exc, ProjectTooNew):
            lead = self.tr("“%1” was made by a newer version of Jiaokan. Please update Jiaokan to open it.")
        elif isinstance(exc, ProjectCorrupt):
            lead = self.tr("“%1” is damaged or is not a Jiaokan project file.")
        elif isinstance(exc, NotAProject):
            lead = self.tr("“%1” is a database of another program, not a Jiaokan project.")
        elif isinstance(exc, ProjectNotFound):
            lead = self.tr("“%1” does not exist.")
        else:
            lead = self.tr("“%1” cannot be opened.")
        return lead.replace("%1", name) + "\n\n" + str(exc)

    def open_startup(self, project: str | None) -> None:
        """The project named on the command line, else the last one, else the sample project."""
        if project:
            if self.open_project(project, create=True):
                return
        else:
            last = self.settings.get(S.LAST_PROJECT)
            if last and Path(last).is_file() and self.open_project(last):
                return
        self.open_sample()

    def open_sample(self) -> bool:
        try:
            path = ensure_sample_project()
        except (StoreError, OSError) as exc:
            show_error(
                self.window,
                self.tr("Cannot Open Project"),
                self.tr("The sample project could not be created.") + "\n\n" + str(exc),
            )
            return False
        return self.open_project(path, remember=False)

    def add_recent(self, path: str) -> None:
        recent = [p for p in self.settings.get(S.RECENT_PROJECTS) if p != path]
        recent.insert(0, path)
        self.settings.set(S.RECENT_PROJECTS, recent[: S.MAX_RECENT])
        self.window.rebuild_recent_menu()

    def clear_recent(self) -> None:
        self.settings.set(S.RECENT_PROJECTS, [])
        self.window.rebuild_recent_menu()

    # -- file dialogs -------------------------------------------------------------------------
    def _filter(self) -> str:
        return self.tr("Jiaokan projects (*.jiaokan)") + ";;" + self.tr("All files (*)")

    def new_project(self) -> None:
        folder = last_folder("project")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New Project"), folder, self._filter())
        if not path:
            return
        remember_folder("project", path)
        if not path.endswith(PROJECT_SUFFIX) and not Path(path).suffix:
            path += PROJECT_SUFFIX
        if Path(path).exists():
            show_error(
                self.window,
                self.tr("New Project"),
                self.tr("“%1” already exists. Open it with File > Open Project.").replace("%1", Path(path).name),
            )
            return
        self.open_project(path, create=True)

    def choose_project(self) -> None:
        folder = last_folder("project")
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Project"), folder, self._filter())
        if path:
            remember_folder("project", path)
            self.open_project(path)

    def choose_files(self) -> None:
        if not self._need_project():
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import Page Dumps"),
            last_folder("import"),
            self.tr("Text dumps (*.txt)") + ";;" + self.tr("All files (*)"),
        )
        if paths:
            remember_folder("import", paths[0])
            self.import_paths(paths)

    def choose_folder(self) -> None:
        if not self._need_project():
            return
        title = self.tr("Import a Folder of Page Dumps")
        folder = QFileDialog.getExistingDirectory(self.window, title, last_folder("import"))
        if folder:
            remember_folder("import", str(Path(folder).parent))
            self.import_paths([folder])

    def _need_project(self) -> bool:
        if self.window.store is None:
            show_error(self.window, self.tr("No Project"), self.tr("Open or create a project first."))
            return False
        return True

    # -- drag and drop ----------------------------------------------------------------------------
    def drop(self, paths: Sequence[str]) -> None:
        """A single project file is opened; files and folders are imported into the open project."""
        if len(paths) == 1 and paths[0].endswith(PROJECT_SUFFIX):
            self.open_project(paths[0])
        elif paths and self._need_project():
            self.import_paths(paths)

    # -- importing --------------------------------------------------------------------------------
    @property
    def task(self) -> Task | None:
        return self.ops.task

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.ops.dialog

    def import_paths(self, paths: Sequence[str]) -> Task | None:
        """Import off the GUI thread with a cancellable progress dialog; then the report."""
        store = self.window.store
        if store is None or self.ops.busy:
            return None
        paths = [str(p) for p in paths]

        def label(done: int, total: int, path: str) -> str:
            text = self.tr("Imported %1 of %2: %3").replace("%1", str(done)).replace("%2", str(total))
            return text.replace("%3", Path(path).name)

        op = StoreOp(
            self.window,
            lambda progress, cancelled: store.import_paths(paths, progress, cancelled),
            name="importProgress",
            title=self.tr("Importing"),
            label=self.tr("Preparing the import…"),
            cancel_text=self.tr("Cancel"),
            error_title=self.tr("Import Failed"),
            progress_label=label,
            min_duration_ms=400,
            parent=self,
        )
        op.started.connect(self.import_started)
        op.succeeded.connect(self._on_imported)
        task = op.task
        self.ops.hold(op).start()
        return task

    def _on_imported(self, report: ImportReport) -> None:
        self.window.library_model.refresh()
        self.window.sync_library_after_refresh()
        self.import_finished.emit(report)
        if report.failed or report.cancelled or not report.imported:
            dialog = ImportReportDialog(
                len(report.imported),
                report.articles,
                [(o.path, o.reason) for o in report.failed],
                report.cancelled,
                len(report.unchanged),
                self.window,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.report_dialog = dialog
            dialog.destroyed.connect(lambda *_: setattr(self, "report_dialog", None))
            dialog.open()
        else:
            message = self.tr("Imported %1 file(s), %2 article(s).")
            message = message.replace("%1", str(len(report.imported))).replace("%2", str(report.articles))
            self.window.statusBar().showMessage(message, 8000)

    def shutdown(self) -> None:
        """Cancel a running import and wait for it (the window is closing)."""
        self.ops.shutdown()


def local_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]
