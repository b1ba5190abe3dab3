"""Every undo command does, undoes and redoes its change against a real project file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from db import Project, RevertConflict, StoreError, derived_text
from ui.editing import commands as C

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "page_a1.txt"
TABLES = (
    ("articles", "id"),
    ("blocks", "id"),
    ("annotations", "id"),
    ("article_notes", "id"),
    ("tags", "id"),
    ("search_docs", "article_id"),
)


def state(path: Path) -> dict[str, list[tuple]]:
    """Every row an edit may touch (not the append-only history), read through a separate connection
    with the store's SQL functions (the blocks view of schema 7 calls them)."""
    conn = derived_text.install(sqlite3.connect(path))
    try:
        out = {}
        for table, order in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "updated_at"]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
        return out
    finally:
        conn.close()


class Ctx:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.reported: list[StoreError] = []
        self.shown: list[int | None] = []

    def report(self, exc: StoreError) -> None:
        self.reported.append(exc)

    def show(self, article_id, select=None) -> None:
        self.shown.append(article_id)


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "commands.jiaokan"


@pytest.fixture
def ctx(path):
    project = Project.open(path, author="tester")
    project.import_file(SAMPLE)
    yield Ctx(project)
    project.close()


@pytest.fixture
def stack(qapp):
    s = QUndoStack()
    yield s
    s.clear()


@pytest.fixture
def article(ctx):
    """The first article with at least three blocks, with two tagged passages."""
    p = ctx.project
    for aid in p.article_ids(1):
        a = p.get_article(aid)
        if len(a.blocks) >= 3:
            tag = p.add_tag("人物", colour="#c0392b", slot=1)
            p.annotate(aid, tag.id, 1, 4)
            start = len(a.blocks[0].text) + 1
            p.annotate(aid, tag.id, start + 2, start + 6, note="note")
            return p.get_article(aid)
    raise AssertionError("no article with three blocks in the sample")


def roundtrip(path: Path, stack: QUndoStack, ctx: Ctx, command: C.StoreCommand):
    """Push, undo, redo; the state after each matches; returns the state after the change."""
    before = state(path)
    assert C.push(stack, command), ctx.reported
    after = state(path)
    assert after != before, "the command changed nothing"
    stack.undo()
    assert state(path) == before
    stack.redo()
    assert state(path) == after
    stack.undo()
    assert state(path) == before
    stack.redo()
    assert state(path) == after
    assert not ctx.reported
    return after


def test_correct(path, stack, ctx, article):
    cmd = C.correct(ctx, article.id, 2, 3, "𠀋", "typo", "Correct")
    roundtrip(path, stack, ctx, cmd)
    text = ctx.project.get_article(article.id).text
    assert text[2] == "𠀋" and cmd.select_after == (2, 3)
    # each annotation still quotes the text under it
    for a in ctx.project.annotations(article.id):
        assert a.orphaned or text[a.start : a.end] == a.quote
    assert ctx.shown and ctx.shown[-1] == article.id


def test_join_split_role(path, stack, ctx, article):
    b0, b2 = article.blocks[0], article.blocks[2]
    roundtrip(path, stack, ctx, C.join_with_next(ctx, article.id, b0.id, "Join"))  # b1 joins b0
    roundtrip(path, stack, ctx, C.split_block(ctx, article.id, b0.id, 3, "Split"))
    role = "caption" if b2.role.value != "caption" else "paragraph"
    roundtrip(path, stack, ctx, C.set_role(ctx, article.id, b2.id, role, "Role"))


def test_move_split_merge_articles(path, stack, ctx, article):
    p = ctx.project
    ids = p.article_ids(article.source_id)
    later = ids[ids.index(article.id) + 1]
    first_of_next = p.get_article(later).blocks[0]
    if len(p.get_article(later).blocks) > 1:
        roundtrip(path, stack, ctx, C.move_block(ctx, later, first_of_next.id, False, "Move to previous"))
    last = p.get_article(article.id).blocks[-1]
    roundtrip(path, stack, ctx, C.move_block(ctx, article.id, last.id, True, "Move to next"))
    second = p.get_article(article.id).blocks[1]
    roundtrip(path, stack, ctx, C.split_article(ctx, article.id, second.id, "Split article"))
    roundtrip(path, stack, ctx, C.merge_with_next(ctx, article.id, "Merge"))


def test_revert_from_history_and_its_conflict(path, stack, ctx, article):
    p = ctx.project
    first = p.correct(article.id, 2, 3, "甲")
    p.correct(article.id, 2, 3, "乙")
    blocked = C.revert(ctx, article.id, first.id, "Revert")
    assert not C.push(stack, blocked)
    assert isinstance(ctx.reported.pop(), RevertConflict) and stack.count() == 0
    latest = p.history(article.id)[-1]
    roundtrip(path, stack, ctx, C.revert(ctx, article.id, latest.id, "Revert"))


def test_annotate_one_and_many(path, stack, ctx, article):
    tag = ctx.project.tags()[0].id
    cmd = C.AnnotateCommand(ctx, "Tag", [(article.id, tag, 5, 9)])
    roundtrip(path, stack, ctx, cmd)
    assert ctx.project.annotation(cmd.ids[0]).quote == article.text[5:9]
    items = [(article.id, tag, s, s + 2) for s in range(10, 30, 4)]
    many = C.AnnotateCommand(ctx, "Tag hits", items, note="auto")
    roundtrip(path, stack, ctx, many)
    assert len(many.ids) == len(items)


def test_annotation_survives_undo_of_a_later_correction_then_its_own(path, stack, ctx, article):
    tag = ctx.project.tags()[0].id
    start = state(path)
    C.push(stack, C.AnnotateCommand(ctx, "Tag", [(article.id, tag, 5, 9)]))
    C.push(stack, C.correct(ctx, article.id, 6, 7, "X", None, "Correct"))
    after = state(path)
    stack.undo()
    stack.undo()
    assert state(path) == start
    stack.redo()
    stack.redo()
    assert state(path) == after


def test_delete_and_update_annotations(path, stack, ctx, article):
    anns = ctx.project.annotations(article.id)
    roundtrip(path, stack, ctx, C.DeleteAnnotationsCommand(ctx, "Remove", [a.id for a in anns]))
    stack.undo()  # back, with the same ids
    assert ctx.project.annotations(article.id) == anns
    roundtrip(path, stack, ctx, C.UpdateAnnotationCommand(ctx, "Note", anns[0].id, note="新的说明"))
    other = ctx.project.add_tag("地点").id
    roundtrip(path, stack, ctx, C.UpdateAnnotationCommand(ctx, "Retag", anns[0].id, tag_id=other))
    roundtrip(path, stack, ctx, C.UpdateAnnotationCommand(ctx, "Re-attach", anns[0].id, start=7, end=12))


def test_reattach_an_orphan(path, stack, ctx, article):
    ann = ctx.project.annotations(article.id)[0]
    ctx.project.correct(article.id, ann.start, ann.end, "")  # its text is gone
    assert ctx.project.annotation(ann.id).orphaned
    roundtrip(path, stack, ctx, C.UpdateAnnotationCommand(ctx, "Re-attach", ann.id, start=0, end=2))
    assert not ctx.project.annotation(ann.id).orphaned


def test_codebook_commands(path, stack, ctx, article):
    p = ctx.project
    tag = p.tags()[0]
    add = C.add_tag(ctx, "New tag", "地点", colour="#2e86c1", slot=2)
    roundtrip(path, stack, ctx, add)
    place = add.result.id
    roundtrip(path, stack, ctx, C.add_tag(ctx, "New child", "城市", parent_id=place))
    roundtrip(path, stack, ctx, C.update_tag(ctx, "Rename", tag.id, name="人名"))
    roundtrip(path, stack, ctx, C.update_tag(ctx, "Colour", tag.id, colour="#00aa00"))
    roundtrip(path, stack, ctx, C.update_tag(ctx, "Slot", tag.id, slot=5))
    roundtrip(path, stack, ctx, C.move_tag(ctx, "Move", place, tag.id))
    roundtrip(path, stack, ctx, C.merge_tags(ctx, "Merge", place, tag.id))
    roundtrip(path, stack, ctx, C.delete_tag(ctx, "Delete", tag.id))


def test_review_and_notes(path, stack, ctx, article):
    roundtrip(path, stack, ctx, C.ReviewCommand(ctx, "Proofread", article.id, "proofread"))
    add = C.AddNoteCommand(ctx, "Note", article.id, "第二段待核对")
    roundtrip(path, stack, ctx, add)
    assert add.note is not None
    roundtrip(path, stack, ctx, C.EditNoteCommand(ctx, "Edit note", add.note.id, "已核对"))
    roundtrip(path, stack, ctx, C.DeleteNoteCommand(ctx, "Delete note", add.note.id))


def test_refused_command_is_reported_and_not_pushed(stack, ctx, article):
    assert not C.push(stack, C.join_with_next(ctx, article.id, article.blocks[-1].id, "Join"))
    assert stack.count() == 0 and ctx.reported


def test_undo_refused_by_the_store_drops_the_command(stack, ctx, article):
    C.push(stack, C.correct(ctx, article.id, 2, 3, "甲", None, "Correct"))
    ctx.project.correct(article.id, 2, 3, "乙")  # outside the stack: the undo now conflicts
    stack.undo()
    assert isinstance(ctx.reported[-1], RevertConflict)
    assert stack.count() == 0
