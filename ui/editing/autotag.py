"""Auto-tagging: tag every hit of the current search, after a preview with the count.

All the hits (not only the page the search panel shows) are read from the store;
passages that already carry the tag are left alone. The result is one command, so one
Ctrl+Z takes all of them back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from db import Project
from db.models import SearchHit, Tag
from db.page_filter import PageFilter
from ui.editing.codebook_model import swatch
from ui.panel_parts import named

PAGE = 1000
PREVIEW_ROWS = 200


@dataclass(frozen=True, slots=True)
class Plan:
    query: str
    hits: tuple[SearchHit, ...]

    def items(self, tag_id: int, existing: set[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """(article, tag, start, end) for every hit not tagged so already."""
        out = []
        seen = set(existing)
        for hit in self.hits:
            item = (hit.article_id, tag_id, hit.start, hit.end)
            if hit.end > hit.start and item not in seen:
                seen.add(item)
                out.append(item)
        return out

    @property
    def articles(self) -> int:
        return len({h.article_id for h in self.hits})


def collect_hits(project: Project, query: str, regex: bool, limit: int = 100_000,
                 pages: PageFilter | None = None) -> Plan:
    """Every hit of ``query`` on the pages ``pages`` keeps (raises ``QueryError`` for an unusable one)."""
    hits: list[SearchHit] = []
    offset = 0
    while len(hits) < limit:
        result = project.search(query, regex=regex, limit=PAGE, offset=offset, pages=pages)
        hits.extend(result.hits)
        offset += len(result.hits)
        if not result.more or not result.hits:
            break
    return Plan(query, tuple(hits[:limit]))


def existing_annotations(project: Project, article_ids: set[int], tag_id: int) -> set[tuple[int, int, int, int]]:
    found = set()
    for article_id in article_ids:
        for a in project.annotations(article_id):
            if a.tag_id == tag_id and not a.orphaned:
                found.add((a.article_id, a.tag_id, a.start, a.end))
    return found


class AutoTagDialog(QDialog):
    """Which tag, how many hits in how many articles, and the first of them in context."""

    def __init__(
        self,
        plan: Plan,
        tags: Sequence[Tag],
        current: int | None,
        display: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("autotagDialog")
        self.setWindowTitle(self.tr("Tag All Search Hits"))
        self.plan = plan
        self.summary = named(QLabel(self), "autotagSummary")
        self.summary.setWordWrap(True)
        self.tag_combo = named(QComboBox(self), "autotagTag")
        for tag in tags:
            self.tag_combo.addItem(swatch(tag.colour), tag.path, tag.id)
        if current is not None:
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(current)))
        self.preview = named(QListWidget(self), "autotagPreview")
        for hit in plan.hits[:PREVIEW_ROWS]:
            line = f"{display(hit.left)}【{display(hit.hit)}】{display(hit.right)}".replace("\n", " ")
            self.preview.addItem(line)
        if len(plan.hits) > PREVIEW_ROWS:
            more = QCoreApplication.translate("AutoTagDialog", "… and %n more", None, len(plan.hits) - PREVIEW_ROWS)
            self.preview.addItem(more)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tag Them"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tag_label = QLabel(self.tr("Tag:"), self)
        self.tag_label.setBuddy(self.tag_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tag_label)
        layout.addWidget(self.tag_combo)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(plan.hits) and bool(tags))
        hits = QCoreApplication.translate("AutoTagDialog", "%n hit(s) of “%1”", None, len(plan.hits))
        articles = QCoreApplication.translate("AutoTagDialog", "in %n article(s)", None, plan.articles)
        undo = self.tr("Every hit is tagged in one step; Undo takes them all back.")
        self.summary.setText(f"{hits.replace('%1', display(plan.query))} · {articles}\n{undo}")
        self.resize(620, 440)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def tag_id(self) -> int | None:
        return self.tag_combo.currentData()
