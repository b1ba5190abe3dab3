"""The engine's doubts as the editor's worklist (:mod:`db.doubts`), in the desk.

Boundaries the engine was unsure of are marked in the article's margin and in the raw
text (:mod:`ui.doubt_marks`); the library shows how many are open per page and per
article, and the article view says how many are left in it. **Go > Next Doubtful
Boundary** (F9) and **Previous** (Shift+F9) move across articles and pages, putting the
cursor on the boundary: at the end of the paragraph before a doubtful break (so Ctrl+J
joins the two), at the start of an article whose start is in doubt. Any structure edit
there resolves the doubt; so does **Structure > Looks Right** (Ctrl+Shift+L), an undo
command like every other change. Counts and marks are read again after every change.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from db import Change, StoreError
from db.doubts import ARTICLE, Doubt
from ui.actions import ActionSpec
from ui.doubt_marks import ArticleDoubtMarks, Mark, RawDoubtMarks
from ui.editing import commands as C
from ui.editing.structure import place
from ui.panel_parts import debounce, named

#: Store changes after which the doubts are read again.
#: after a keystroke, the doubt counts wait this long for the next (a correction resolves no doubt)
TYPING_PAUSE_MS = 250
WATCHED = Change.DOUBTS | Change.TEXT | Change.ARTICLES | Change.HISTORY | Change.SOURCES


class DoubtActionId(StrEnum):
    NEXT_DOUBT = "next_doubt"
    PREV_DOUBT = "prev_doubt"
    LOOKS_RIGHT = "looks_right"


DOUBT_ACTIONS: dict[DoubtActionId, ActionSpec] = {
    DoubtActionId.NEXT_DOUBT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next &Doubtful Boundary"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next boundary the engine was unsure of"),
        ("F9",),
    ),
    DoubtActionId.PREV_DOUBT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Previous Doubtful &Boundary"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous boundary the engine was unsure of"),
        ("Shift+F9",),
    ),
    DoubtActionId.LOOKS_RIGHT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Looks Right"),
        QT_TRANSLATE_NOOP("Actions", "The doubtful boundary at the cursor is right: take it off the worklist"),
        ("Ctrl+Shift+L",),
    ),
}


class LooksRightCommand(C.StoreCommand):
    """An editor checked a doubtful boundary and found it right; undo opens the doubt again."""

    def __init__(self, ctx: C.EditContext, label: str, article_id: int, block_id: int) -> None:
        super().__init__(ctx, label)
        self.article_id = article_id
        self.block_id = block_id

    def do(self) -> None:
        self.ctx.project.doubts.confirm(self.block_id)

    def undo_store(self) -> None:
        self.ctx.project.doubts.reopen(self.block_id)

    def redo_store(self) -> None:
        self.ctx.project.doubts.confirm(self.block_id)


def _key(d: Doubt) -> tuple[int, int, int]:
    return (d.source_id, d.article_position, d.block_position)


class DoubtsDesk(QObject):
    """Marks, counts, the keys to step through the doubts, and "looks right"."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("doubtsDesk")
        self.window = window
        self.view = window.article_view
        self.actions = window.actions.install(DOUBT_ACTIONS, window)
        window.go_menu.addSeparator()
        window.go_menu.addAction(self.actions[DoubtActionId.NEXT_DOUBT])
        window.go_menu.addAction(self.actions[DoubtActionId.PREV_DOUBT])
        window.editing.structure_menu.addSeparator()
        window.editing.structure_menu.addAction(self.actions[DoubtActionId.LOOKS_RIGHT])
        self.article_marks = ArticleDoubtMarks(self.view)
        self.raw_marks = RawDoubtMarks(window.raw_view)
        self.badge = named(QLabel(self.view), "doubtCount")
        self.badge.setStyleSheet(
            "QLabel { background: #fff3dc; color: #8a5300; border: 1px solid #e08a00; border-radius: 9px;"
            " padding: 1px 8px; }"
        )
        self.badge.hide()
        self.per_source: dict[int, Counter] = {}  # open doubts per article, by source
        self.by_article: Counter = Counter()
        self.in_article: list[Doubt] = []
        self.in_source: list[Doubt] = []
        self._landed: tuple[Doubt, int, int] | None = None  # the doubt stepped to, its article, cursor position
        window.library_model.doubt_count = self.count
        self.actions[DoubtActionId.NEXT_DOUBT].triggered.connect(lambda: self.step(+1))
        self.actions[DoubtActionId.PREV_DOUBT].triggered.connect(lambda: self.step(-1))
        self.actions[DoubtActionId.LOOKS_RIGHT].triggered.connect(self.looks_right)
        self._owed_sources: set[int] = set()  # pages whose doubts are counted again once typing pauses
        self._owed_timer = debounce(self, TYPING_PAUSE_MS, self._reload_owed)
        window.events.changed.connect(self._on_store_changed)
        window.article_opened.connect(lambda _id: self.reload_marks())
        self.view.cursorPositionChanged.connect(self._update_marks)
        window.installEventFilter(self)
        self.view.installEventFilter(self)
        self.retranslate_ui()
        self._update_actions()

    # -- the store -------------------------------------------------------------------------------
    @property
    def project(self):
        store = self.window.store
        return getattr(store, "project", None)

    def set_store(self, _store) -> None:
        self._landed = None
        self._owed_timer.stop()
        self._owed_sources.clear()
        self.reload()

    def _on_store_changed(self, event) -> None:
        if self.window.store is None or not event.changes & WATCHED:
            return
        if event.changes & Change.SOURCES or not event.source_ids:
            self._owed_timer.stop()
            self._owed_sources.clear()
            self.reload()
        elif self.window.events.typing and not event.changes & (Change.DOUBTS | Change.ARTICLES):
            self._owed_sources.update(event.source_ids)  # a keystroke: counted again when the typing pauses
            self._owed_timer.start()
        else:  # an edit or a check: only its pages are counted again
            self._owed_sources.update(event.source_ids)
            self._reload_owed()

    def _reload_owed(self) -> None:
        self._owed_timer.stop()
        owed, self._owed_sources = sorted(self._owed_sources), set()
        if owed:
            self.reload(owed)

    def reload(self, source_ids: list[int] | None = None) -> None:
        """Count the open doubts again (of the pages given, or all); read the open article's; repaint."""
        project = self.project
        if project is None:
            self.per_source = {}
        else:
            try:
                found = project.doubts.counts(source_ids)
            except StoreError:
                found = {}
            if source_ids is None:
                self.per_source = found
            else:
                self.per_source.update(found)
        self.per_source = {sid: c for sid, c in self.per_source.items() if +c}
        self.by_article = Counter()
        for per_article in self.per_source.values():
            self.by_article.update(per_article)
        self.window.library_model.relabel()
        self.reload_marks()

    def reload_marks(self) -> None:
        project, article = self.project, self.window.article
        self.in_article, self.in_source = [], []
        if project is not None and article is not None:
            try:
                self.in_source = project.doubts.open(source_id=article.source_id)
            except StoreError:
                pass
            self.in_article = [d for d in self.in_source if d.article_id == article.id]
        self._update_marks()

    def count(self, is_source: bool, row_id: int) -> int:
        """Open doubts of a source or an article (the library's doubt column)."""
        if is_source:
            return sum(self.per_source.get(row_id, Counter()).values())
        return self.by_article.get(row_id, 0)

    def total(self) -> int:
        return sum(self.by_article.values())

    # -- marks -----------------------------------------------------------------------------------
    def _tip(self, doubt: Doubt) -> str:
        percent = f"{round(doubt.confidence * 100)}%"
        if doubt.kind == ARTICLE:
            text = self.tr("The engine is unsure this article starts here (%1 sure).")
            hint = self.tr("Move the block to the previous article (Alt+Shift+↑), or say it looks right "
                           "(Ctrl+Shift+L).")
        else:
            text = self.tr("The engine is unsure of this paragraph break (%1 sure).")
            hint = self.tr("Join the paragraphs (Ctrl+J), change a role, or say it looks right (Ctrl+Shift+L).")
        return text.replace("%1", percent) + "\n" + hint

    def current(self) -> Doubt | None:
        """The open doubt at the cursor: the break after the block it ends, else the one before its block."""
        article = self.window.article
        if article is None or not self.in_article:
            return None
        offset = self.view._map.to_code_point(self.view.textCursor().position())
        starts = article.block_starts()
        at = {b.id: i for i, b in enumerate(article.blocks)}  # the blocks as shown
        by_index = {at[d.block_id]: d for d in self.in_article if d.block_id in at}
        found = place(article, offset)
        if found is None:
            return None
        if offset == starts[found.index] + len(article.blocks[found.index].text) and found.index + 1 in by_index:
            return by_index[found.index + 1]
        return by_index.get(found.index)

    def _update_marks(self) -> None:
        article = self.window.article
        here = self.current()
        index = {b.id: i for i, b in enumerate(article.blocks)} if article is not None else {}
        marks = [
            Mark(index[d.block_id], d.confidence, self._tip(d), here is not None and d.block_id == here.block_id)
            for d in self.in_article
            if d.block_id in index
        ]
        self.article_marks.set_marks(marks)
        raw = [
            Mark(d.raw_offset, d.confidence, self._tip(d), here is not None and d.block_id == here.block_id)
            for d in self.in_source
            if d.raw_offset is not None
        ]
        self.raw_marks.set_marks(raw)
        self._update_badge()
        self._update_actions()

    def _update_badge(self) -> None:
        n = len(self.in_article)
        if not n:
            self.badge.hide()
            return
        text = QCoreApplication.translate("DoubtsDesk", "%n doubtful boundaries · F9", None, n)
        self.badge.setText(text)
        self.badge.setToolTip(self.tr("Boundaries in this article the engine was unsure of; F9 goes to the next"))
        self.badge.adjustSize()
        scroll = self.view.verticalScrollBar()
        right = self.view.width() - (scroll.width() if scroll.isVisible() else 0) - 8
        self.badge.move(max(4, right - self.badge.width()), 6)
        self.badge.show()
        self.badge.raise_()

    def _update_actions(self) -> None:
        has = self.project is not None
        self.actions[DoubtActionId.NEXT_DOUBT].setEnabled(has)
        self.actions[DoubtActionId.PREV_DOUBT].setEnabled(has)
        self.actions[DoubtActionId.LOOKS_RIGHT].setEnabled(has and self.window.article is not None)

    # -- stepping ----------------------------------------------------------------------------------
    def _here(self) -> tuple[int, int, int] | None:
        """The reading-order key of the cursor (the doubt stepped to, while the cursor stays on it)."""
        article = self.window.article
        if article is None or self.project is None:
            return None
        position = self.view.textCursor().position()
        if self._landed is not None and self._landed[1] == article.id and self._landed[2] == position:
            return _key(self._landed[0])
        try:
            article_position = self.project.get_article(article.id).position
        except StoreError:
            return None
        found = place(article, self.view._map.to_code_point(position))
        return (article.source_id, article_position, found.index if found is not None else 0)

    def _route(self, here: tuple[int, int, int] | None, forward: bool) -> list[tuple[int, bool, bool]]:
        """Pages to look in, in order: (page, only past the cursor, round again)."""
        pages = sorted(self.per_source)  # the library's order: latest versions by id
        if not forward:
            pages.reverse()
        if here is None:
            return [(p, False, False) for p in pages]
        page = here[0]
        ahead = [p for p in pages if (p > page if forward else p < page)]
        behind = [p for p in pages if (p < page if forward else p > page)]
        return [(page, True, False), *((p, False, False) for p in ahead), *((p, False, True) for p in behind),
                (page, False, True)]

    def step(self, direction: int) -> Doubt | None:
        """Go to the next (+1) or previous (-1) open doubt in reading order, round to the other end.

        Pages are read one at a time (the counts say which pages have doubts), so a step costs
        the doubts of a page or two, not those of the whole project.
        """
        project = self.project
        if project is None:
            return None
        if not self.per_source:
            self._status(self.tr("No doubtful boundaries left: the engine was sure of the rest, or they are resolved"))
            return None
        here = self._here()
        forward = direction > 0
        found = None
        for page, past_cursor, round_again in self._route(here, forward):
            try:
                on_page = project.doubts.open(source_id=page)
            except StoreError as exc:
                self.window.editing.report(exc)
                return None
            candidates = on_page
            if past_cursor and here is not None:
                candidates = [d for d in on_page if (_key(d) > here if forward else _key(d) < here)]
            if candidates:
                found = (candidates[0] if forward else candidates[-1]), page, on_page, round_again
                break
        if found is None:
            return None
        target, page, on_page, wrapped = found
        self.go_to(target)
        rank = sum(self.count(True, p) for p in self.per_source if p < page) + on_page.index(target) + 1
        where = self.tr("%1 of %2").replace("%1", str(rank)).replace("%2", str(self.total()))
        message = f"{self._tip(target).splitlines()[0]} {where}"
        if wrapped:
            message = self.tr("Round again:") + " " + message
        self._status(message)
        return target

    def go_to(self, doubt: Doubt) -> None:
        """Open the doubt's article with the cursor on the boundary and bring its raw line into view."""
        w = self.window
        w.open_article(doubt.article_id)
        article = w.article
        if article is None or article.id != doubt.article_id:
            return
        index = next((i for i, b in enumerate(article.blocks) if b.id == doubt.block_id), None)
        if index is None:
            return
        offset = 0 if doubt.kind == ARTICLE or index == 0 else article.block_starts()[index] - 1
        self.view.select_range(offset, offset)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if doubt.raw_offset is not None:
            w.raw_view.scroll_to(doubt.raw_offset)
        self._landed = (doubt, article.id, self.view.textCursor().position())
        self._update_marks()

    # -- resolving -----------------------------------------------------------------------------------
    def looks_right(self) -> bool:
        article = self.window.article
        doubt = self.current()
        if article is None or self.project is None:
            return False
        if doubt is None:
            self._status(self.tr("No doubtful boundary at the cursor: F9 goes to the next one"))
            return False
        label = self.tr("Boundary looks right")
        session = self.window.editing.session
        done = session.run(LooksRightCommand(session, label, article.id, doubt.block_id))
        if done:
            self._status(self.tr("Marked as right; F9 goes to the next doubtful boundary"))
        return done

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # -- translation and layout --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._update_marks()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()  # the type first: no widget calls for events of widgets being destroyed
        if kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate_ui()
        elif kind == QEvent.Type.Resize and obj is self.view:
            self._update_badge()
        return False
