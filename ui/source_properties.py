"""Source Properties: a page's date, page name (版名) and page number (版次), edited from the library.

The library's context menu ("Source Properties…") and Alt+Return open a dialog on the page of
the library's current row (or of the open article). The values are checked as they are typed
against the store's own rules (:mod:`db.source_attributes`), so a date that is not a date is
named in the dialog before anything is saved; a saved change is one undo command on the editing
desk's stack, and the store records it in the page's history (shown in the dialog).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from db import Project, StoreError
from db.page_header import PageAttributes
from db.source_attributes import SourceChange, parse_date, parse_name, parse_number
from ui.actions import ActionSpec
from ui.editing.commands import EditContext, SnapshotCommand
from ui.editing.context import translate
from ui.panel_parts import named
from ui.store_errors import translate_store_error

#: changes of the page's attributes listed in the dialog (the latest)
HISTORY_SHOWN = 5


def describe(attributes: PageAttributes) -> str:
    """One line for a page's attributes: "2025-10-01 · 要闻 · 3" ("—" for what is unknown)."""
    number = "—" if attributes.number is None else str(attributes.number)
    return " · ".join((attributes.date or "—", attributes.name or "—", number))


class SourceActionId(StrEnum):
    """The one action of Source Properties."""

    SOURCE_PROPERTIES = "source_properties"


SOURCE_ACTIONS = {SourceActionId.SOURCE_PROPERTIES: ActionSpec(
    QT_TRANSLATE_NOOP("Actions", "Source &Properties…"),
    QT_TRANSLATE_NOOP("Actions", "The page's date, page name and page number"), ("Alt+Return",),
)}


class SourceAttributesCommand(SnapshotCommand):
    """Set a page's attributes; undo puts back those it had (each step a recorded change)."""

    def __init__(self, ctx: EditContext, source_id: int, before: PageAttributes, wanted: PageAttributes) -> None:
        super().__init__(ctx, translate("SourceProperties", "Change Source Properties"))
        self.source_id = source_id
        self.before, self.wanted = before, wanted

    def do(self) -> None:
        self.after = self.restore(self.ctx.project, self.wanted)

    def restore(self, project: Project, state: PageAttributes) -> PageAttributes:
        return project.set_source_attributes(self.source_id, date=state.date, name=state.name, number=state.number)


class SourcePropertiesDialog(QDialog):
    """The three fields, checked as typed; ``attributes()`` gives them once accepted."""

    def __init__(self, name: str, current: PageAttributes, history: list[SourceChange], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePropertiesDialog")
        self.setWindowTitle(self.tr("Source Properties"))
        self.file_label = named(QLabel(name, self), "sourceFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date = named(QLineEdit(current.date or "", self), "sourceDate")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 2025-10-01"))
        self.page_name = named(QLineEdit(current.name, self), "sourcePageName")
        self.page_name.setPlaceholderText(self.tr("e.g. 要闻, 评论"))
        self.page_number = named(QLineEdit("" if current.number is None else str(current.number), self),
                                 "sourcePageNumber")
        self.page_number.setPlaceholderText(self.tr("e.g. 3 (第3版)"))
        self.error = named(QLabel(self), "sourceError")
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.setWordWrap(True)
        self.history = named(QLabel(self._history_text(history), self), "sourceHistory")
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #6b6257;")
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Page &name:"), self.page_name)
        form.addRow(self.tr("Page n&umber:"), self.page_number)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.history)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok_cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.date, self.page_name, self.page_number):
            edit.textChanged.connect(lambda _text: self.check())
        self.setMinimumWidth(380)
        self.check()

    def _history_text(self, history: list[SourceChange]) -> str:
        if not history:
            return self.tr("Read from the page's file name and running header; not changed since.")
        lines = [self.tr("Changes:")]
        for change in history[-HISTORY_SHOWN:]:
            lines.append(f"{change.at[:16].replace('T', ' ')} · {change.author or '—'}: "
                         f"{describe(change.before)} → {describe(change.after)}")
        return "\n".join(lines)

    def attributes(self) -> PageAttributes:
        """The values as the store will keep them; raises the store's error for bad input."""
        return PageAttributes(
            parse_date(self.date.text()), parse_name(self.page_name.text()), parse_number(self.page_number.text())
        )

    def check(self) -> bool:
        """Name what is wrong with the input (in the interface language) and allow OK only when nothing is."""
        try:
            self.attributes()
        except StoreError as exc:
            self.error.setText(translate_store_error(exc))
            ok = False
        else:
            self.error.clear()
            ok = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def accept(self) -> None:
        if self.check():
            super().accept()


class SourcePropertiesDesk(QObject):
    """Attaches Source Properties to the window: the action (Alt+Return), the library's context menu."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: SourcePropertiesDialog | None = None  # the one open (tests fill it in)
        self.setObjectName("sourcePropertiesDesk")
        self.action = window.actions.install(SOURCE_ACTIONS, window)[SourceActionId.SOURCE_PROPERTIES]
        self.action.triggered.connect(lambda: self.open())
        window.file_menu.insertAction(window.file_menu.actions()[-1], self.action)
        window.library.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.library.customContextMenuRequested.connect(self._context_menu)

    def current_source(self) -> int | None:
        """The page of the library's current row, else of the open article."""
        row = self.window.library_model.source_row(self.window.library.currentIndex())
        if row is not None:
            return row.id
        article = self.window.article
        return article.source_id if article is not None else None

    def context_menu(self) -> QMenu:
        menu = QMenu(self.window.library)
        menu.addAction(self.action)
        self.action.setEnabled(self.current_source() is not None)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.window.library.indexAt(pos)
        if index.isValid():
            self.window.library.setCurrentIndex(index)
        self.context_menu().exec(self.window.library.viewport().mapToGlobal(pos))

    def open(self, source_id: int | None = None, parent: QWidget | None = None) -> bool:
        """Show the dialog on a page; True when a change was made (and put on the undo stack)."""
        project = getattr(self.window.store, "project", None)
        source_id = source_id if source_id is not None else self.current_source()
        if project is None or source_id is None:
            return False
        try:
            current = project.source_attributes(source_id)
            history = project.source_attribute_history(source_id)
            name = project.get_source(source_id).name
        except StoreError as exc:
            self.window.editing.session.report(exc)
            return False
        self.dialog = SourcePropertiesDialog(name, current, history, parent or self.window)
        try:
            if self.dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            wanted = self.dialog.attributes()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if wanted == current:
            return False
        session = self.window.editing.session
        return session.run(SourceAttributesCommand(session, source_id, current, wanted))
