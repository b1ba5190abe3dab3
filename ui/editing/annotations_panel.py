"""The open article's annotations, and those that lost their text (orphaned), to re-place or delete.

Clicking an annotation selects its passage in the article. An orphaned annotation keeps
its quote: select the words it belongs on and press **Re-attach to Selection**, or
remove it. Every change is an undoable command made by the desk from the signals here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ui.backend import AnnotationData
from ui.editing.codebook_model import swatch
from ui.flow import FlowLayout
from ui.item_views import ItemsTableModel, Selection, compact_rows, header_label, list_view
from ui.panel_parts import RetranslatedOnLanguageChange, named, set_texts

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1


#: the columns of the annotations list, and of the list of annotations whose text was lost
COLUMN_LABELS = (
    QT_TRANSLATE_NOOP("AnnotationsPanel", "Tag"),
    QT_TRANSLATE_NOOP("AnnotationsPanel", "Passage"),
    QT_TRANSLATE_NOOP("AnnotationsPanel", "Note"),
)
ORPHAN_LABELS = (COLUMN_LABELS[0], QT_TRANSLATE_NOOP("AnnotationsPanel", "Lost text"), COLUMN_LABELS[2])


class AnnotationListModel(ItemsTableModel):
    """Annotations of one article: tag, the passage (or the lost quote), note."""

    COLUMNS = 3

    def __init__(self, orphans: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.orphans = orphans
        self.rows: list[AnnotationData] = []
        self._text = ""
        self._display: Callable[[str], str] = str
        self._icons: dict = {}

    def set_rows(self, rows: Sequence[AnnotationData], text: str = "", display: Callable[[str], str] = str) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._text = text
        self._display = display
        self.endResetModel()

    def items(self) -> list[AnnotationData]:
        return self.rows

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        labels = ORPHAN_LABELS if self.orphans else COLUMN_LABELS
        return header_label(section, orientation, role, "AnnotationsPanel", labels)

    def passage(self, ann: AnnotationData) -> str:
        text = ann.quote if self.orphans or not self._text else self._text[ann.start : ann.end]
        return self._display(text).replace("\n", " ⏎ ")

    def cell(self, ann: AnnotationData, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ann.tag.rsplit("/", 1)[-1]
            if column == 1:
                return self.passage(ann)
            return ann.note.replace("\n", " ")
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if ann.colour not in self._icons:
                self._icons[ann.colour] = swatch(ann.colour)
            return self._icons[ann.colour]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [ann.tag, self.passage(ann)]
            if ann.note:
                lines.append(ann.note)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor("#6b6257")
        if role == ANNOTATION_ROLE:
            return ann
        return None


def _table(model: AnnotationListModel, parent: QWidget, name: str) -> QTableView:
    table = list_view(QTableView(parent), name, model, selection=Selection.ExtendedSelection, alternating=False)
    table.setShowGrid(False)
    compact_rows(table, fixed=True)  # no per-row size hints: 500 rows stay cheap
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # not to contents: 500 rows stay cheap
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, 96)
    header.resizeSection(2, 90)
    return table


class AnnotationsPanel(RetranslatedOnLanguageChange, QWidget):
    """Two lists: the article's annotations, and its orphaned ones."""

    chosen = Signal(object)  # AnnotationData: select its passage
    edit_note = Signal(object)  # AnnotationData
    change_tag = Signal(object)  # AnnotationData
    remove = Signal(list)  # [AnnotationData]
    reattach = Signal(object)  # AnnotationData (orphaned)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.model = AnnotationListModel(False, self)
        self.orphan_model = AnnotationListModel(True, self)
        self.title = named(QLabel(self), "annotationsTitle")
        self.table = _table(self.model, self, "annotationList")
        self.note_button = named(QPushButton(self), "annotationNote")
        self.tag_button = named(QPushButton(self), "annotationRetag")
        self.remove_button = named(QPushButton(self), "annotationRemove")
        self.orphan_title = named(QLabel(self), "orphansTitle")
        self.orphan_table = _table(self.orphan_model, self, "orphanList")
        self.reattach_button = named(QPushButton(self), "orphanReattach")
        self.orphan_remove_button = named(QPushButton(self), "orphanRemove")

        buttons = FlowLayout()  # wraps on a narrow panel
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.tag_button)
        buttons.addWidget(self.remove_button)
        orphan_buttons = FlowLayout()
        orphan_buttons.addWidget(self.reattach_button)
        orphan_buttons.addWidget(self.orphan_remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.orphan_title)
        layout.addWidget(self.orphan_table, 1)
        layout.addLayout(orphan_buttons)

        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.table.doubleClicked.connect(lambda index: self._emit(self.edit_note, index))
        self.note_button.clicked.connect(lambda: self._emit_current(self.table, self.edit_note))
        self.tag_button.clicked.connect(lambda: self._emit_current(self.table, self.change_tag))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self.selected(self.table)))
        self.reattach_button.clicked.connect(lambda: self._emit_current(self.orphan_table, self.reattach))
        self.orphan_remove_button.clicked.connect(lambda: self.remove.emit(self.selected(self.orphan_table)))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.orphan_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self._update_titles()
        set_texts(  # in the order the buttons stand
            (self.note_button, self.tr("Edit Note…"), None),
            (self.tag_button, self.tr("Change Tag…"), None),
            (self.remove_button, self.tr("Remove"), None),
            (
                self.reattach_button,
                self.tr("Re-attach to Selection"),
                self.tr("Select the words it belongs on in the article, then press this"),
            ),
            (self.orphan_remove_button, self.tr("Remove"), None),
        )
        for model in (self.model, self.orphan_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.COLUMNS - 1)

    def _update_titles(self) -> None:
        self.title.setText(
            QCoreApplication.translate(
                "AnnotationsPanel", "%n annotation(s) in this article", None, len(self.model.rows)
            )
        )
        self.orphan_title.setText(
            QCoreApplication.translate(
                "AnnotationsPanel", "%n orphaned (their text was edited away)", None, len(self.orphan_model.rows)
            )
        )


    def set_article(
        self,
        annotations: Sequence[AnnotationData],
        orphans: Sequence[AnnotationData],
        text: str,
        display: Callable[[str], str] = str,
    ) -> None:
        self.model.set_rows(annotations, text, display)
        self.orphan_model.set_rows(orphans, text, display)
        self.orphan_title.setVisible(bool(orphans))
        self.orphan_table.setVisible(bool(orphans))
        self.reattach_button.setVisible(bool(orphans))
        self.orphan_remove_button.setVisible(bool(orphans))
        self._update_titles()
        self._update_buttons()

    def selected(self, table: QTableView) -> list[AnnotationData]:
        model: AnnotationListModel = table.model()  # type: ignore[assignment]
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [model.rows[r] for r in rows if r < len(model.rows)]

    def _emit_current(self, table: QTableView, signal) -> None:
        chosen = self.selected(table)
        if chosen:
            signal.emit(chosen[0])

    def _emit(self, signal, index: QModelIndex) -> None:
        ann = index.data(ANNOTATION_ROLE)
        if ann is not None:
            signal.emit(ann)

    def _on_clicked(self, index: QModelIndex) -> None:
        self._emit(self.chosen, index)

    def _update_buttons(self, *_: object) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        self.note_button.setEnabled(has)
        self.tag_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        has_orphan = bool(self.orphan_table.selectionModel().selectedRows())
        self.reattach_button.setEnabled(has_orphan)
        self.orphan_remove_button.setEnabled(has_orphan)
