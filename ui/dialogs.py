"""Small dialogs: keyboard shortcuts, the import report, errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _table(rows: Sequence[tuple[str, str]], headers: tuple[str, str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), 2, parent)
    table.setHorizontalHeaderLabels(list(headers))
    for r, (a, b) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(a))
        table.setItem(r, 1, QTableWidgetItem(b))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    return table


class ShortcutsDialog(QDialog):
    """Help > Keyboard Shortcuts: every action with a shortcut, from the registry."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = _table(rows, (self.tr("Action"), self.tr("Shortcut")), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)


class ImportReportDialog(QDialog):
    """The files an import could not read, with the reason for each, as a readable list."""

    def __init__(
        self,
        imported: int,
        articles: int,
        bad: Sequence[tuple[str, str]],
        cancelled: bool,
        unchanged: int = 0,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("Import Report"))
        summary = QCoreApplication.translate("ImportReportDialog", "%n file(s) imported", None, imported)
        summary += " · " + QCoreApplication.translate("ImportReportDialog", "%n article(s) found", None, articles)
        if unchanged:
            summary += " · " + QCoreApplication.translate(
                "ImportReportDialog", "%n file(s) already in the project", None, unchanged
            )
        if bad:
            summary += " · " + QCoreApplication.translate("ImportReportDialog", "%n file(s) skipped", None, len(bad))
        if cancelled:
            summary += " · " + self.tr("cancelled before the end")
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.table: QTableWidget | None = None
        if bad:
            layout.addWidget(QLabel(self.tr("These files were not imported:"), self))
            self.table = _table(bad, (self.tr("File"), self.tr("Reason")), self)
            layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        if bad:
            copy = buttons.addButton(self.tr("Copy List"), QDialogButtonBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QApplication.clipboard().setText("\n".join(f"{p}\t{r}" for p, r in bad)))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420 if bad else 160)

    def rows(self) -> list[tuple[str, str]]:
        if self.table is None:
            return []
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A clear error message (never a traceback); technical details folded away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a change the user may not mean (No is the default button); True for Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no, no) == yes
