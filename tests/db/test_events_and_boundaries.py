"""The store stays Qt-free, and edits announce what they changed."""

from __future__ import annotations

import subprocess
import sys

from db import Change, ChangeEvent, Project

from .conftest import ROOT


def test_db_imports_no_qt() -> None:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "import db, db.project, db.importer, db.export, db.merge, db.exchange_records\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_edit_events(project: Project, source_id: int, article_id: int) -> None:
    seen: list[ChangeEvent] = []
    project.subscribe(seen.append)
    entry = project.correct(article_id, 0, 1, "X")
    assert len(seen) == 1
    ev = seen[0]
    assert Change.TEXT in ev.changes and Change.HISTORY in ev.changes and Change.ARTICLES not in ev.changes
    assert ev.article_ids == {article_id} and ev.source_ids == {source_id} and ev.edit_ids == {entry.id}
    split = project.split_article(project.get_article(article_id).blocks[3].id)
    assert Change.ARTICLES in seen[-1].changes
    assert seen[-1].article_ids == {article_id, split.params["new_article_id"]}
    project.set_review_state(article_id, "in_progress")
    assert seen[-1].changes == Change.REVIEW
    tag = project.add_tag("t")
    ann = project.annotate(article_id, tag.id, 0, 2)
    assert seen[-1].changes == Change.ANNOTATIONS and seen[-1].annotation_ids == {ann.id}
    project.add_note(article_id, "n")
    assert seen[-1].changes == Change.NOTES
