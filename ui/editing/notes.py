"""Review and notes: the open article's review state, and the notes written about it.

The state buttons mirror the Alt+1/2/3 actions (and F8, which steps through them); the
library shows each article's state and each source's "n of m proofread".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.models import Note
from db.schema import REVIEW_STATES
from ui.editing.history_panel import when
from ui.flow import FlowLayout
from ui.panel_parts import RetranslatedOnLanguageChange, named

REVIEW_LABELS = {
    "unreviewed": QT_TRANSLATE_NOOP("NotesPanel", "Unreviewed"),
    "in_progress": QT_TRANSLATE_NOOP("NotesPanel", "In progress"),
    "proofread": QT_TRANSLATE_NOOP("NotesPanel", "Proofread"),
}
REVIEW_COLOURS = {"unreviewed": "#a39e93", "in_progress": "#d68910", "proofread": "#27ae60"}
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


def next_state(state: str) -> str:
    if state not in REVIEW_STATES:
        return "in_progress"
    return REVIEW_STATES[(REVIEW_STATES.index(state) + 1) % len(REVIEW_STATES)]


class NotesPanel(RetranslatedOnLanguageChange, QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # Note
    delete_requested = Signal(object)  # Note

    def __init__(self, review_actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.review_label = named(QLabel(self), "reviewLabel")
        self.review_buttons = []
        states = FlowLayout()  # wraps on a narrow panel
        states.addWidget(self.review_label)
        for action in review_actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setCheckable(True)
            states.addWidget(button)
            self.review_buttons.append(button)
        self.notes_label = named(QLabel(self), "notesLabel")
        self.list = named(QListWidget(self), "noteList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.add_button = named(QPushButton(self), "noteAdd")
        self.edit_button = named(QPushButton(self), "noteEdit")
        self.delete_button = named(QPushButton(self), "noteDelete")
        buttons = FlowLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(states)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.list.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(item.data(NOTE_ROLE)))
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._notes: list[Note] = []
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.review_label.setText(self.tr("Review:"))
        self.notes_label.setText(
            QCoreApplication.translate("NotesPanel", "%n note(s) on this article", None, len(self._notes))
        )
        self.add_button.setText(self.tr("Add Note…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self._fill()


    def set_notes(self, notes: Sequence[Note]) -> None:
        self._notes = list(notes)
        self.retranslate_ui()

    def _fill(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for note in self._notes:
            who = note.author or "—"
            item = QListWidgetItem(f"{note.text}\n— {who}, {when(note.updated_at)}")
            item.setData(NOTE_ROLE, note)
            item.setToolTip(note.text)
            self.list.addItem(item)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self._update_buttons()

    def current(self) -> Note | None:
        item = self.list.currentItem()
        return item.data(NOTE_ROLE) if item is not None else None

    def _emit(self, signal) -> None:
        note = self.current()
        if note is not None:
            signal.emit(note)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
