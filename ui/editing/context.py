"""What the editing controllers receive instead of the window: a small typed context.

Each controller (tagging, codebook, structure, corrections, review and notes, typing) is
given a :class:`DeskContext` naming exactly what it may use — the edit session that runs
and reports its commands, the project behind the store seam, the article view, the open
article and the widget dialogs hang from — and the panels of its own job, nothing more.
Texts keep the translation context "EditingDesk" they had before the split: the controllers
call ``translate("EditingDesk", ...)`` (a literal context, so that lupdate finds them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from db import Project
from ui.backend import ArticleData

if TYPE_CHECKING:
    from ui.editing.session import EditSession
    from ui.views import ArticleView

#: ``translate(context, text, disambiguation, n)``: the interface language's text
translate = QCoreApplication.translate


@dataclass(frozen=True)
class DeskContext:
    """The seams a controller works through (each a value or a function, never the window)."""

    session: EditSession
    view: ArticleView
    #: the project behind the store seam (``None`` when no project is open)
    project: Callable[[], Project | None]
    #: the article open in the view (``None`` when none is)
    article: Callable[[], ArticleData | None]
    #: the text as the reader sees it (the script chosen in the View menu)
    display: Callable[[str], str]
    #: the widget dialogs and message boxes belong to
    parent: QWidget

    def status(self, text: str) -> None:
        self.session.status(text)

    def run(self, command, select: tuple[int, int] | None = None, typed: bool = False) -> bool:
        return self.session.run(command, select, typed)

    def editable(self) -> tuple[ArticleData, Project] | None:
        """The open article and its project, or ``None`` when either is missing."""
        article, project = self.article(), self.project()
        if article is None or project is None:
            return None
        return article, project
