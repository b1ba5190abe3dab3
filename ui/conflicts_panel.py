"""Merge conflicts in the desk: what an Import Work could not apply, theirs, ours and the raw text side by side.

Where two projects changed the same text differently, the merge keeps both versions
(:mod:`db.merge`). This panel (View > Merge Conflicts, Ctrl+9; it opens after an Import Work that
left conflicts) lists them; for the chosen one it shows the incoming text ("theirs", with its
author, time and reason), this project's text there ("ours", in its sentence) and the raw dump's
lines the place was reflowed from (for a page's date, name or number: the page's value here and its
running header, :mod:`ui.attribute_conflicts`). **Accept Theirs** applies the incoming edit, **Keep Ours**
sets it aside; both are one step of Edit > Undo, which puts the conflict back to decide again.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import StoreError
from db.conflict_reopen import reopen_conflict
from db.merge import Conflict
from ui import attribute_conflicts as attribute
from ui.actions import ActionSpec
from ui.docks import present
from ui.editing import commands as C
from ui.panel_desk import PanelActionId, PanelDesk
from ui.panel_parts import RetranslatedOnLanguageChange, named

MARK = "background:#ffd866"
AROUND = 24  # characters of this project's text shown around "ours"


SHOW_CONFLICTS = ActionSpec(
    QT_TRANSLATE_NOOP("Actions", "Merge &Conflicts"),
    QT_TRANSLATE_NOOP("Actions", "Where an imported project changed the same text differently: decide"),
    ("Ctrl+9",),
    checkable=True,
)
KINDS = {
    "text": QT_TRANSLATE_NOOP("ConflictsPanel", "text"),
    "structure": QT_TRANSLATE_NOOP("ConflictsPanel", "paragraphs"),
    "revert": QT_TRANSLATE_NOOP("ConflictsPanel", "revert"),
}
STATUSES = {
    "pending": QT_TRANSLATE_NOOP("ConflictsPanel", "to decide"),
    "accepted": QT_TRANSLATE_NOOP("ConflictsPanel", "accepted"),
    "rejected": QT_TRANSLATE_NOOP("ConflictsPanel", "kept ours"),
}


class ConflictCommand(C.StoreCommand):
    """Accept or reject a conflict; undo reverts what accepting changed and makes it pending again."""

    def __init__(self, ctx, text: str, conflict: Conflict, accept: bool) -> None:
        super().__init__(ctx, text)
        self.conflict = conflict
        self.accept = accept
        self.article_id = conflict.article_id
        self.made: list[int] = []  # history entries the accept made (a correction)
        self.page_before = None  # the page's attributes before accepting a conflict over one of them

    def _decide(self) -> None:
        project, article_id = self.ctx.project, self.conflict.article_id
        before = {e.id for e in project.history(article_id)} if article_id is not None else set()
        if self.accept and attribute.is_attribute(self.conflict) and self.conflict.source_id is not None:
            self.page_before = project.source_attributes(self.conflict.source_id)
        if self.accept:
            project.accept_conflict(self.conflict.id)
        else:
            project.reject_conflict(self.conflict.id)
        after = project.history(article_id) if article_id is not None else []
        self.made = [e.id for e in after if e.id not in before]

    def do(self) -> None:
        self._decide()

    def redo_store(self) -> None:
        self._decide()

    def undo_store(self) -> None:
        project = self.ctx.project
        for edit_id in reversed(self.made):
            project.revert(edit_id)
        page = self.page_before
        if page is not None:  # a change back, recorded in the page's history like any other
            project.set_source_attributes(self.conflict.source_id, date=page.date, name=page.name, number=page.number)
        reopen_conflict(project, self.conflict.id)


class ConflictsPanel(RetranslatedOnLanguageChange, QWidget):
    accept_requested = Signal(object)  # Conflict
    reject_requested = Signal(object)
    show_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.conflicts: list[Conflict] = []
        self._names: tuple[dict[int, str], dict[int, str]] = ({}, {})  # article titles, page file names
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("conflictsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the article's title elides
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.decided = named(QCheckBox(self), "conflictsDecided")
        self.views = {key: QTextBrowser(self) for key in ("theirs", "ours", "raw")}
        self.titles = {key: QLabel(self) for key in self.views}
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.setChildrenCollapsible(False)
        for key, view in self.views.items():
            view.setObjectName(f"conflict_{key}")
            box = QWidget(sides)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.titles[key])
            column.addWidget(view, 1)
            sides.addWidget(box)
        self.accept_button, self.reject_button = QPushButton(self), QPushButton(self)
        self.show_button = QPushButton(self)
        self.accept_button.setObjectName("conflictAccept")
        self.reject_button.setObjectName("conflictReject")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decided)
        buttons.addWidget(self.detail, 1)
        for button in (self.show_button, self.reject_button, self.accept_button):
            buttons.addWidget(button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(sides)
        split.setSizes([420, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.texts = lambda conflict: ("", "")  # (ours in its sentence, raw lines) as HTML, from the desk
        self.table.itemSelectionChanged.connect(self._show_current)
        self.accept_button.clicked.connect(lambda: self._emit(self.accept_requested))
        self.reject_button.clicked.connect(lambda: self._emit(self.reject_requested))
        self.show_button.clicked.connect(lambda: self._emit(self.show_requested))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Kind"), self.tr("Article"), self.tr("Theirs by"), self.tr("State")]
        )
        self.titles["theirs"].setText(self.tr("Theirs (the imported project)"))
        self.titles["ours"].setText(self.tr("Ours (this project)"))
        self.titles["raw"].setText(self.tr("Raw text of the page"))
        self.decided.setText(self.tr("Show decided"))
        self.accept_button.setText(self.tr("Accept Theirs"))
        self.accept_button.setToolTip(self.tr("Apply the imported edit here (Ctrl+Z takes it back)"))
        self.reject_button.setText(self.tr("Keep Ours"))
        self.reject_button.setToolTip(self.tr("Keep this project's text; the imported edit is set aside"))
        self.show_button.setText(self.tr("Show in Article"))
        self.set_conflicts(self.conflicts)


    def set_conflicts(self, conflicts: list[Conflict], titles: dict[int, str] | None = None,
                      pages: dict[int, str] | None = None) -> None:
        """``titles``: article id -> its title; ``pages``: source id -> file name (for conflicts over a page).

        Without them (the language changed) the rows keep the names they had.
        """
        chosen = self.current()
        self.conflicts = list(conflicts)
        if titles is not None or pages is not None:
            self._names = (titles or {}, pages or {})
        titles, pages = self._names
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            on_page = attribute.is_attribute(c)
            kind = attribute.field_label(c) if on_page else self.tr(KINDS.get(c.kind, c.kind))
            where = pages.get(c.source_id or 0, "") if on_page else titles.get(c.article_id or 0, "")
            values = (f"#{c.id}", kind, where, c.author or "—", self.tr(STATUSES.get(c.status, c.status)))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        rows = [i for i, c in enumerate(self.conflicts) if chosen is not None and c.id == chosen.id]
        if rows or self.conflicts:
            self.table.selectRow(rows[0] if rows else 0)
        self._show_current()

    def current(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.conflicts[rows[0].row()] if rows and rows[0].row() < len(self.conflicts) else None

    def _emit(self, signal) -> None:
        c = self.current()
        if c is not None:
            signal.emit(c)

    def _show_current(self) -> None:
        c = self.current()
        pending = c is not None and c.status == "pending"
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        self.show_button.setEnabled(c is not None and c.article_id is not None)
        if c is None:
            for view in self.views.values():
                view.clear()
            self.detail.setText(self.tr("No conflicts to decide") if not self.conflicts else "")
            return
        ours, raw = self.texts(c)
        who = " · ".join(x for x in (c.author or "", (c.at or "")[:16].replace("T", " ")) if x)
        theirs = f'<p><span style="{MARK}">{html.escape(c.theirs) or "∅"}</span></p>'
        if c.base:
            theirs += "<p>" + html.escape(self.tr("instead of “%1”").replace("%1", c.base)) + "</p>"
        theirs += f"<p><i>{html.escape(who)}</i></p>" + (f"<p>{html.escape(c.note)}</p>" if c.note else "")
        self.views["theirs"].setHtml(theirs)
        self.views["ours"].setHtml(ours)
        self.views["raw"].setHtml(raw)
        self.detail.setText(attribute.detail(c) if attribute.is_attribute(c) else c.detail)


def marked(text: str, start: int, end: int) -> str:
    """``text`` as HTML with ``[start, end)`` highlighted."""
    return (html.escape(text[:start]) + f'<span style="{MARK}">' + html.escape(text[start:end]) + "</span>"
            + html.escape(text[end:])).replace("\n", "<br>")


class ConflictsDesk(PanelDesk):
    """The panel in the window: its action (Ctrl+9), dock, the decisions as undoable commands."""

    def __init__(self, window) -> None:
        panel = ConflictsPanel(window)
        super().__init__(window, "conflictsDesk", panel, PanelActionId.SHOW_CONFLICTS, SHOW_CONFLICTS, "conflictsDock")
        self.panel.texts = self.texts
        self.panel.accept_requested.connect(lambda c: self.decide(c, accept=True))
        self.panel.reject_requested.connect(lambda c: self.decide(c, accept=False))
        self.panel.show_requested.connect(self.show_place)
        self.panel.decided.toggled.connect(lambda _on: self.refresh())
        self.dock.visibilityChanged.connect(lambda visible: self.refresh() if visible else None)
        window.events.changed.connect(lambda _event: self.refresh() if self.dock.isVisible() else None)
        window.editing.stack.indexChanged.connect(lambda _i: self.refresh() if self.dock.isVisible() else None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.dock.setWindowTitle(self.tr("Merge Conflicts"))

    @property
    def project(self):
        return getattr(self.window.store, "project", None)

    def open(self) -> None:
        present(self.dock, focus=False)
        self.refresh()

    def refresh(self) -> None:
        project = self.project
        if project is None:
            self.panel.set_conflicts([])
            return
        found = project.conflicts(None if self.panel.decided.isChecked() else "pending")
        titles = {}
        for c in found:
            if c.article_id is not None and c.article_id not in titles:
                try:
                    article = project.get_article(c.article_id)
                    titles[c.article_id] = article.headline or article.text[:16]
                except StoreError:
                    titles[c.article_id] = "?"
        self.panel.set_conflicts(found, titles, attribute.page_names(project, found))

    def texts(self, c: Conflict) -> tuple[str, str]:
        """This project's text around the conflict, and the raw lines it was reflowed from (HTML)."""
        store = self.window.store
        if attribute.is_attribute(c):
            return attribute.texts(self.project, c, MARK) if self.project is not None else ("", "")
        if store is None or c.article_id is None or c.start is None or c.end is None:
            return "", ""
        try:
            article = store.article(c.article_id)
        except StoreError:
            return "", ""
        text = article.text
        lo, hi = max(0, c.start - AROUND), min(len(text), c.end + AROUND)
        ours = "…" + marked(text[lo:hi], c.start - lo, c.end - lo) + "…"
        ranges = article.offsets.raw_ranges(c.start, c.end) if c.end > c.start else []
        if not ranges and c.start < len(text):
            at = article.offsets.raw_at(c.start)
            ranges = [(at, at)] if at is not None else []
        if not ranges:
            return ours, ""
        raw = store.raw_text(article.source_id)
        first = raw.rfind("\n", 0, ranges[0][0]) + 1
        last = raw.find("\n", ranges[-1][1])
        last = len(raw) if last < 0 else last
        return ours, marked(raw[first:last], ranges[0][0] - first, ranges[-1][1] - first)

    def decide(self, c: Conflict, accept: bool) -> bool:
        desk = self.window.editing
        text = self.tr("Accept “%1” (conflict #%2)") if accept else self.tr("Keep ours (conflict #%2)")
        label = text.replace("%1", c.theirs).replace("%2", str(c.id))
        done = desk.run(ConflictCommand(desk.session, label, c, accept))
        self.refresh()
        return done

    def show_place(self, c: Conflict) -> None:
        if c.article_id is not None:
            self.window.open_article(c.article_id, select=(c.start, c.end) if c.start is not None else None)
