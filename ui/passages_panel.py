"""The Coded Passages view: every passage of a tag (and the tags under it) across the project.

A dock (View > Coded Passages, Ctrl+8) with the filters a researcher narrows by — page, page
name (版名), date (the page's, as read from its file name or running header or set in Source
Properties), coder, review state — the table of passages
(:mod:`ui.passages_model`), a jump to the passage on double-click or Enter, and an export of
exactly what the view lists to CSV (UTF-8 with BOM, formula-like cells escaped, for Excel).
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from db.passages import PassageFilter, authors, page_names
from ui.actions import ActionSpec
from ui.docks import BELOW_OR_ABOVE, present
from ui.flow import FlowLayout
from ui.item_views import compact_rows, list_view
from ui.panel_desk import PanelActionId, PanelDesk
from ui.panel_parts import bar_over_list, debounce, named
from ui.passages_model import CONTEXT, PASSAGE_ROLE, STATES, CodedPassagesModel
from ui.passages_model import tr as tr_state
from ui.remembered import last_folder, remember_folder

SHOW_CODED_PASSAGES = ActionSpec(
    QT_TRANSLATE_NOOP("Actions", "Coded &Passages"),
    QT_TRANSLATE_NOOP("Actions", "Every passage of a tag across the project, with filters and CSV export"),
    ("Ctrl+8",),
    checkable=True,
)
CSV_COLUMNS = ("page", "page_date", "article_id", "article", "tag", "start", "end", "passage", "before", "after",
               "note", "coder", "coded_at", "review_state", "page_name", "page_number")
DATE = QRegularExpression(r"^(\d{4}-\d{2}-\d{2})?$")


def csv_cell(value: object) -> str:
    """A cell Excel will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class CodedPassagesPanel(QWidget):
    jump_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codedPassagesPanel")
        self.project = None
        self.tag = named(QComboBox(self), "passagesTag")
        self.tag.setMinimumContentsLength(10)
        self.children_box = named(QCheckBox(self), "passagesChildren")
        self.children_box.setChecked(True)
        self.source = named(QComboBox(self), "passagesSource")
        self.source.setMinimumContentsLength(10)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.page_name = named(QComboBox(self), "passagesPageName")
        self.coder = named(QComboBox(self), "passagesCoder")
        self.state = named(QComboBox(self), "passagesState")
        self.date_from, self.date_to = QLineEdit(self), QLineEdit(self)
        for edit, name in ((self.date_from, "passagesFrom"), (self.date_to, "passagesTo")):
            edit.setObjectName(name)
            edit.setValidator(QRegularExpressionValidator(DATE, edit))
            edit.setMaximumWidth(110)
        self.count = named(QLabel(self), "passagesCount")
        self.export_button = named(QPushButton(self), "passagesExport")
        self.labels = {key: QLabel(self) for key in ("tag", "source", "page_name", "coder", "state", "from", "to")}
        self.model = CodedPassagesModel(self)
        self.table = list_view(QTableView(self), "passagesTable", self.model)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 90, 170, 120, 160, 300, 120, 80, 80, 80, 60)):
            header.resizeSection(column, width)
        filters = FlowLayout()
        for key, widget in (("tag", self.tag), (None, self.children_box), ("source", self.source),
                            ("page_name", self.page_name), ("coder", self.coder), ("state", self.state),
                            ("from", self.date_from), ("to", self.date_to), (None, self.count),
                            (None, self.export_button)):
            if key is not None:
                filters.addWidget(self.labels[key])
            filters.addWidget(widget)
        bar_over_list(self, filters, self.table)
        self._debounce = debounce(self, 300, self.refresh)
        for combo in (self.tag, self.source, self.page_name, self.coder, self.state):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.children_box.toggled.connect(lambda _on: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.refresh)
        self.table.activated.connect(self._jump)
        self.table.doubleClicked.connect(self._jump)
        self.export_button.clicked.connect(self.choose_csv)
        self.retranslate_ui()

    # -- texts --------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        texts = {"tag": self.tr("Tag:"), "source": self.tr("Page:"), "page_name": self.tr("Page name:"),
                 "coder": self.tr("Coder:"),
                 "state": self.tr("State:"), "from": self.tr("From:"), "to": self.tr("to")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.children_box.setText(self.tr("with sub-tags"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the passages listed here as a CSV table"))
        self.date_from.setToolTip(self.tr("Pages dated from this day (the date of a page's name or running header)"))
        self.date_to.setToolTip(self.tr("Pages dated up to this day"))
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("e.g. 2025-10-01"))
        self.table.setToolTip(self.tr("Double-click or press Enter to open the passage in the article"))
        self._fill_states()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        super().changeEvent(event)

    def _fill_states(self) -> None:
        current = self.state.currentData()
        self.state.blockSignals(True)
        self.state.clear()
        self.state.addItem(self.tr("any"), "")
        for key, label in STATES.items():
            self.state.addItem(tr_state(label), key)
        index = self.state.findData(current)
        self.state.setCurrentIndex(max(0, index))
        self.state.blockSignals(False)

    # -- the project and the choices ---------------------------------------------------------------
    def set_project(self, project, tags, sources, tag_id: int | None = None) -> None:
        """A project was opened (or its tags, pages or coders changed): the choices follow it.

        ``tag_id`` chooses the tag shown (else the one shown before stays, or the first).
        """
        self.project = project
        self._fill(self.tag, [(("    " * t.path.count("/")) + t.name, t.id) for t in tags], None)
        if tag_id is not None and self.tag.findData(tag_id) >= 0:
            self.tag.blockSignals(True)
            self.tag.setCurrentIndex(self.tag.findData(tag_id))
            self.tag.blockSignals(False)
        self._fill(self.source, [(name, sid) for sid, name in sources], self.tr("all pages"))
        names = page_names(project) if project is not None else []
        self._fill(self.page_name, [(name or self.tr("(no page name)"), name) for name in names], self.tr("any"))
        coders = authors(project) if project is not None else []
        self._fill(self.coder, [(c or self.tr("(no coder)"), c) for c in coders], self.tr("anyone"))
        self.refresh()

    def _fill(self, combo: QComboBox, items, everything: str | None) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if everything is not None:
            combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def choose_tag(self, tag_id: int) -> None:
        index = self.tag.findData(tag_id)
        if index >= 0:
            self.tag.setCurrentIndex(index)

    def current_filter(self) -> PassageFilter | None:
        tag_id = self.tag.currentData()
        if tag_id is None:
            return None
        source, coder, state = self.source.currentData(), self.coder.currentData(), self.state.currentData()
        page_name = self.page_name.currentData()
        return PassageFilter(
            tag_id=tag_id,
            include_children=self.children_box.isChecked(),
            source_ids=(source,) if source is not None else (),
            page_names=(page_name,) if page_name is not None else (),
            authors=(coder,) if coder is not None else (),
            states=(state,) if state else (),
            date_from=self.date_from.text() or None,
            date_to=self.date_to.text() or None,
        )

    def schedule(self) -> None:
        if self.isVisible():
            self._debounce.start()

    def refresh(self) -> None:
        self.model.set_query(self.project, self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(self.tr("%n passage(s)", None, n))
        self.export_button.setEnabled(n > 0)

    # -- jump and export ------------------------------------------------------------------------------
    def _jump(self, index: QModelIndex) -> None:
        p = self.model.data(index, PASSAGE_ROLE)
        if p is not None and not p.orphaned:
            self.jump_requested.emit(p.article_id, p.start, p.end)

    def choose_csv(self) -> None:
        default = str(Path(last_folder("passages")) / "coded-passages.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Coded Passages"), default,
                                              self.tr("CSV tables (*.csv)"))
        if path:
            remember_folder("passages", path)
            self.export_csv(path)

    def export_csv(self, path: str) -> int:
        """Write the rows the view lists (all of them, not only those shown) to ``path``; returns the count."""
        tmp = Path(path).with_suffix(Path(path).suffix + ".tmp")
        n = 0
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_COLUMNS)
            for p in self.model.every_passage():
                writer.writerow([csv_cell(v) for v in (
                    p.source_name, p.source_date or "", p.article_id, p.article_title, p.tag_path, p.start, p.end,
                    p.quote, p.prefix, p.suffix, p.note, p.author or "", p.created_at, p.review_state, p.page_name,
                    "" if p.page_number is None else p.page_number)])
                n += 1
        tmp.replace(path)  # written whole, or not at all
        return n


class CodedPassagesDesk(PanelDesk):
    """Attaches the view to the window: its action (Ctrl+8), dock, refreshes and the jump."""

    def __init__(self, window) -> None:
        super().__init__(
            window,
            "codedPassagesDesk",
            CodedPassagesPanel(window),
            PanelActionId.SHOW_CODED_PASSAGES,
            SHOW_CODED_PASSAGES,
            "codedPassagesDock",
            allowed=BELOW_OR_ABOVE,
        )
        self.panel.jump_requested.connect(self.jump)
        self.dock.visibilityChanged.connect(self._on_visible)
        window.events.changed.connect(self._on_store_changed)
        self._stale = True
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.dock.setWindowTitle(self.tr("Coded Passages"))

    def show_tag(self, tag_id: int) -> None:
        """Open the view on ``tag_id``'s passages."""
        present(self.dock, focus=False)
        if self._stale or self.panel.project is None:
            self._load_choices(tag_id)
        self.panel.choose_tag(tag_id)

    def _on_visible(self, visible: bool) -> None:
        if visible and self._stale:
            self._load_choices()

    def _load_choices(self, tag_id: int | None = None) -> None:
        store = self.window.store
        project = getattr(store, "project", None)
        tags = self.window.editing.codebook.model.tags() if project is not None else []
        sources = [(s.id, s.name) for s in store.sources(0, 100_000)] if project is not None else []
        self.panel.model.set_display(self.window.converter.convert)
        current = self.window.editing.codebook.current()
        if tag_id is None and self.panel.project is None and current is not None:
            tag_id = current.id  # the first time: the tag chosen in the codebook
        self._stale = False
        self.panel.set_project(project, tags, sources, tag_id)

    def set_store(self, _store) -> None:
        self._stale = True
        if self.dock.isVisible():
            self._load_choices()

    def _on_store_changed(self, event) -> None:
        from db import Change

        if event.changes & (Change.TAGS | Change.SOURCES):
            self._stale = True
        if self.dock.isVisible():
            if self._stale:
                self._load_choices()
            elif event.changes & (Change.ANNOTATIONS | Change.TEXT | Change.REVIEW | Change.ARTICLES):
                self.panel.schedule()

    def jump(self, article_id: int, start: int, end: int) -> None:
        self.window.open_article(article_id, select=(start, end))
        self.window.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

