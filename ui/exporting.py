"""File > Export…: a format (any of ``db.exports.FORMATS``), filters and a place; the export runs off the GUI thread.

The export reads its own read-only snapshot of the project file (``db.exports.snapshot``),
so the desk can go on editing meanwhile. A progress dialog can cancel it: the writer stops at
its next progress report and leaves no file behind. Failures are shown as messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.schema import REVIEW_STATES
from ui.dialogs import show_error
from ui.operations import OpHolder, RunsStoreOps, StoreOp
from ui.panel_parts import named
from ui.remembered import last_folder, last_format, remember_folder, remember_format
from ui.tasks import Task

#: Labels and descriptions of the known formats, for translation (the registry's own texts are English).
FORMAT_LABELS = {
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "Jiaokan JSONL"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV (Excel)"),
    "qdpx": QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA project"),
    "qdc": QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA codebook"),
    "w3c": QT_TRANSLATE_NOOP("ExportDialog", "W3C Web Annotation"),
    "tei": QT_TRANSLATE_NOOP("ExportDialog", "TEI P5 XML"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff"),
    "markdown": QT_TRANSLATE_NOOP("ExportDialog", "Markdown"),
    "text": QT_TRANSLATE_NOOP("ExportDialog", "Plain text"),
}
FORMAT_DESCRIPTIONS = {
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "The project's work, one article per line: merges into another project"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "One row per tagged passage with context, UTF-8 with BOM"),
    "qdpx": QT_TRANSLATE_NOOP("ExportDialog", "Project for ATLAS.ti, MAXQDA, NVivo and other QDA tools"),
    "qdc": QT_TRANSLATE_NOOP("ExportDialog", "The tags alone, for QDA tools"),
    "w3c": QT_TRANSLATE_NOOP("ExportDialog", "JSON-LD annotation collection (tags, notes, corrections)"),
    "tei": QT_TRANSLATE_NOOP("ExportDialog", "Corrected articles with tags, corrections and notes"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "A folder of .txt/.ann pairs with annotation.conf"),
    "markdown": QT_TRANSLATE_NOOP("ExportDialog", "The corrected articles for reading"),
    "text": QT_TRANSLATE_NOOP("ExportDialog", "The corrected articles for reading"),
}


def format_texts() -> dict[str, tuple[str, str]]:
    """Labels and descriptions of the known formats in the interface language (others show as registered)."""
    return {
        name: (
            QCoreApplication.translate("ExportDialog", label),
            QCoreApplication.translate("ExportDialog", FORMAT_DESCRIPTIONS[name]),
        )
        for name, label in FORMAT_LABELS.items()
    }


class ExportCancelled(Exception):
    """Raised from the progress callback to stop a writer (it then removes its partial output)."""


class ExportDialog(QDialog):
    """The export's settings: format, filters, output path. ``settings()`` reads them back."""

    def __init__(self, project_path: str, sources: list[tuple[int, str]], tags: list[str],
                 parent: QWidget | None = None) -> None:
        from db.exports.registry import FORMATS

        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.project_path = project_path
        self.format = named(QComboBox(self), "exportFormat")
        for name, fmt in FORMATS.items():
            self.format.addItem(fmt.label, name)
            self.format.setItemData(self.format.count() - 1, fmt.description, Qt.ItemDataRole.ToolTipRole)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.output = named(QLineEdit(self), "exportOutput")
        self.browse = named(QPushButton(self), "exportBrowse")
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.browse)

        self.sources = named(QListWidget(self), "exportSources")
        for sid, name in sources:
            item = QListWidgetItem(name, self.sources)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tags = named(QListWidget(self), "exportTags")
        for path in tags:
            item = QListWidgetItem(path, self.tags)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.states: dict[str, QCheckBox] = {}
        states_row = QHBoxLayout()
        for state in REVIEW_STATES:
            box = QCheckBox(self)
            box.setObjectName(f"exportState_{state}")
            self.states[state] = box
            states_row.addWidget(box)
        states_row.addStretch(1)

        self.filters = QGroupBox(self)
        filters = QFormLayout(self.filters)
        self.sources_label, self.tags_label, self.states_label = QLabel(self), QLabel(self), QLabel(self)
        filters.addRow(self.sources_label, self.sources)
        filters.addRow(self.tags_label, self.tags)
        filters.addRow(self.states_label, states_row)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        form = QFormLayout()
        self.format_label, self.output_label = QLabel(self), QLabel(self)
        form.addRow(self.format_label, self.format)
        form.addRow("", self.description)
        form.addRow(self.output_label, out_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.filters, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        remembered = self.format.findData(last_format())
        if remembered >= 0:
            self.format.setCurrentIndex(remembered)  # the format chosen last time
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.browse.clicked.connect(self.choose_output)
        self.retranslate_ui()
        self._format_changed()
        self.resize(620, 600)

    def retranslate_ui(self) -> None:
        from db.exports.registry import FORMATS

        texts = format_texts()
        for i in range(self.format.count()):
            name = self.format.itemData(i)
            label, description = texts.get(name, (FORMATS[name].label, FORMATS[name].description))
            self.format.setItemText(i, label)
            self.format.setItemData(i, description, Qt.ItemDataRole.ToolTipRole)
        self.setWindowTitle(self.tr("Export"))
        self.format_label.setText(self.tr("&Format:"))
        self.output_label.setText(self.tr("Save &to:"))
        self.browse.setText(self.tr("Browse…"))
        self.filters.setTitle(self.tr("Only export…"))
        self.sources_label.setText(self.tr("Sources:"))
        self.tags_label.setText(self.tr("Tags:"))
        self.states_label.setText(self.tr("Review states:"))
        labels = {"unreviewed": self.tr("unreviewed"), "in_progress": self.tr("in progress"),
                  "proofread": self.tr("proofread")}
        for state, box in self.states.items():
            box.setText(labels[state])
        self.hint.setText(self.tr(
            "Nothing ticked in a list means all of it. A ticked tag keeps only the articles with passages tagged "
            "with it (or a tag under it), and only those passages."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))

    def format_name(self) -> str:
        return self.format.currentData()

    def _format_changed(self) -> None:
        from db.exports.registry import FORMATS

        fmt = FORMATS[self.format_name()]
        self.description.setText(format_texts().get(fmt.name, (fmt.label, fmt.description))[1])
        current = self.output.text().strip()
        folder = Path(current).parent if current else Path(last_folder("export"))
        self.output.setText(str(fmt.default_path(Path(self.project_path).stem or "export", folder)))

    def choose_output(self) -> None:
        from db.exports.registry import FORMATS

        fmt = FORMATS[self.format_name()]
        if fmt.is_directory:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to Folder"), self.output.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), self.output.text(),
                                                  f"{fmt.label} (*{fmt.extension})")
        if path:
            self.output.setText(path)

    def _checked(self, widget: QListWidget) -> list[Any]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def settings(self) -> tuple[str, str, Any]:
        """(format name, output path, db.exports.snapshot.ExportFilter)."""
        from db.exports.snapshot import ExportFilter

        filters = ExportFilter(
            source_ids=tuple(self._checked(self.sources)),
            tag_paths=tuple(self._checked(self.tags)),
            states=tuple(s for s, box in self.states.items() if box.isChecked()),
        )
        return self.format_name(), self.output.text().strip(), filters

    def _accept(self) -> None:
        if not self.output.text().strip():
            show_error(self, self.tr("Export"), self.tr("Choose where to save the export."))
            return
        self.accept()


def remember_choice(dialog: ExportDialog) -> None:
    """The next export dialog opens with this format and folder."""
    remember_format(dialog.format_name())
    remember_folder("export", dialog.output.text().strip())


class ExportController(RunsStoreOps, QObject):
    """Runs exports for one window: the dialog, the task, the progress dialog, the outcome."""

    export_started = Signal(object, object)  # Task, QProgressDialog (tests cancel through it)
    export_finished = Signal(object)  # db.exports.snapshot.ExportResult, or None when cancelled

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        self.ops = OpHolder()

    def open_dialog(self) -> ExportDialog | None:
        store = self.window.store
        if store is None:
            show_error(self.window, self.tr("No Project"), self.tr("Open or create a project first."))
            return None
        sources: list[tuple[int, str]] = []
        offset = 0
        while True:
            page = store.sources(offset, 500)
            sources.extend((s.id, s.name) for s in page)
            if len(page) < 500:
                break
            offset += 500
        project = getattr(store, "project", None)
        tags = [t.path for t in project.tags()] if project is not None else []
        dialog = ExportDialog(store.path, sources, tags, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(*dialog.settings()))
        dialog.accepted.connect(lambda: remember_choice(dialog))
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, format_name: str, output: str, filters: Any) -> Task | None:
        """Export in the background with a cancellable progress dialog."""
        from db.exports.registry import FORMATS

        store = self.window.store
        if store is None or self.ops.busy:
            return None
        project_path = store.path
        label = format_texts().get(format_name, (FORMATS[format_name].label, ""))[0]

        def work(progress, cancelled):
            from db.exports.snapshot import export_project

            def report(done: int, total: int) -> None:
                if cancelled():
                    raise ExportCancelled
                progress(done, total, "")

            try:
                return export_project(project_path, format_name, output, filters, report)
            except ExportCancelled:
                return None

        op = StoreOp(
            self.window,
            work,
            name="exportProgress",
            title=self.tr("Exporting"),
            label=self.tr("Exporting as %1…").replace("%1", label),
            cancel_text=self.tr("Cancel"),
            error_title=self.tr("Export Failed"),
            parent=self,
        )
        op.started.connect(self.export_started)
        op.succeeded.connect(self._on_done)
        op.failed.connect(lambda *_: self.export_finished.emit(None))
        task = op.task
        self.ops.hold(op).start()
        return task

    def _on_done(self, result: Any) -> None:
        bar = self.window.statusBar()
        if result is None:
            bar.showMessage(self.tr("Export cancelled; nothing was written."), 8000)
        else:
            message = self.tr("Exported %1 article(s) with %2 passage(s) to %3.")
            message = message.replace("%1", str(result.articles)).replace("%2", str(result.annotations))
            bar.showMessage(message.replace("%3", str(result.path)), 10000)
        self.export_finished.emit(result)

    def shutdown(self) -> None:
        self.ops.shutdown()
