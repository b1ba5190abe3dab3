"""The corrections controller: the correction field, correcting a passage, and the view of an article's corrections.

Receives a :class:`~ui.editing.context.DeskContext`, the correction field, the corrections
view, the highlights (hidden while the corrections show) and how the article is typeset
(the font size and the script's font region); every correction is an undo command.
"""

from __future__ import annotations

from collections.abc import Callable

from db import StoreError
from ui.editing import commands as C
from ui.editing.context import DeskContext, translate
from ui.editing.correction import CorrectionBar
from ui.editing.corrections_view import CorrectionsView
from ui.editing.highlights import Highlights
from ui.editing.history_panel import when
from ui.editing.structure import spans_blocks


class CorrectionsController:
    def __init__(
        self,
        ctx: DeskContext,
        bar: CorrectionBar,
        view: CorrectionsView,
        highlights: Highlights,
        typesetting: Callable[[], tuple[float, str]],
    ) -> None:
        self.ctx = ctx
        self.bar = bar
        self.corrections_view = view
        self.highlights = highlights
        self.typesetting = typesetting  # (the font size, the font region of the script shown)
        view.set_describe(self.describe_correction)

    def open_correction(self) -> None:
        found = self.ctx.editable()
        if found is None:
            return
        article = found[0]
        start, end = self.ctx.view.selected_range()
        if spans_blocks(article, start, end):
            self.ctx.status(
                translate(
                    "EditingDesk", "A correction stays inside one paragraph: select less, or join the paragraphs first"
                )
            )
            return
        self.bar.open_for(start, end, article.text[start:end])

    def correct(self, start: int, end: int, text: str, note: str = "") -> bool:
        article = self.ctx.article()
        if article is None:
            return False
        old = article.text[start:end]
        label = translate("EditingDesk", "Correct “%1” → “%2”").replace("%1", old).replace("%2", text)
        command = C.correct(self.ctx.session, article.id, start, end, text, note or None, label)
        return self.ctx.run(command, select=(start, start + len(text)) if text else None)

    def show_corrections(self, on: bool) -> None:
        if on:
            self.corrections_view.setGeometry(self.ctx.view.rect())
            self.render()
            self.corrections_view.show()
            self.corrections_view.raise_()
        else:
            self.corrections_view.hide()
        self.highlights.enabled = not on

    def render(self) -> None:
        """Draw the open article's corrections (the view shows the text with each change marked)."""
        found = self.ctx.editable()
        if found is None:
            self.corrections_view.clear()
            return
        article, project = found
        try:
            marks = project.corrections(article.id)
        except StoreError as exc:
            self.ctx.session.report(exc)
            return
        display = self.ctx.display
        root = self.ctx.view.document().rootFrame().frameFormat()
        size, region = self.typesetting()
        self.corrections_view.show_article(
            [(b.role, display(b.text)) for b in article.blocks],
            marks,
            size,
            region,
            display,
            margins=(root.leftMargin(), root.topMargin()),
        )
        self.corrections_view.setToolTip(
            translate("EditingDesk", "%n correction(s) in this article", None, len(marks))
            if marks
            else translate("EditingDesk", "No corrections in this article")
        )

    @staticmethod
    def describe_correction(mark) -> str:
        who = mark.author or "—"
        line = translate("EditingDesk", "Corrected by %1, %2").replace("%1", who).replace("%2", when(mark.at))
        change = f"“{mark.deleted}” → “{mark.inserted}”"
        return "\n".join(x for x in (line, change, mark.note or "") if x)
