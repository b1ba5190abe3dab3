"""The editing desk driven as a user would: keys, menus, the correction field, the panels."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QDialog, QInputDialog

from ui.actions import ActionId
from ui.editing.actions import EditActionId as E
from ui.editing.autotag import AutoTagDialog
from ui.editing.codebook_model import MIME, CodebookModel

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
M = Qt.KeyboardModifier
CTRL, SHIFT, ALT = M.ControlModifier, M.ShiftModifier, M.AltModifier


def key(window, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.article_view, k, modifiers)


def quotes_hold(window) -> None:
    """Every annotation of every article quotes the text under it, or is orphaned."""
    project = window.store.project
    for source in project.list_sources():
        for aid in project.article_ids(source.id):
            article = project.get_article(aid)
            for a in article.annotations:
                assert a.orphaned or article.text[a.start : a.end] == a.quote, (aid, a)


def tags(window, *names):
    """New tags through the desk (with keys 1, 2, … in order)."""
    return [window.editing.new_tag(name=name) for name in names]


def overlapping_tags(window):
    """Two tags on passages 2–10 and 6–14 of the open article (they overlap on 6–10)."""
    a, b = tags(window, "甲", "乙")
    select(window, 2, 10)
    window.editing.apply_tag(a.id)
    select(window, 6, 14)
    window.editing.apply_tag(b.id)
    return a, b


def select(window, start, end):
    window.article_view.select_range(start, end)
    assert window.article_view.selected_range() == (start, end)


def test_tag_by_number_key_then_undo_and_redo_by_keyboard(window):
    person, place = tags(window, "人物", "地点")
    assert (person.slot, place.slot) == (1, 2)
    article = window.article
    select(window, 3, 9)
    key(window, Qt.Key.Key_2)
    [ann] = window.article.annotations
    assert (ann.start, ann.end, ann.tag_id) == (3, 9, place.id)
    assert window.article_view.selected_range() == (9, 9)  # the cursor moved past the passage
    key(window, Qt.Key.Key_1)  # the next number key does not tag the same words again
    assert len(window.article.annotations) == 1
    assert window.editing.annotations.model.rowCount() == 1
    key(window, Qt.Key.Key_Z, CTRL)
    assert window.article.annotations == []
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [(a.start, a.end, a.tag_id) for a in window.article.annotations] == [(3, 9, place.id)]
    assert window.store.project.annotations(article.id)[0].id == ann.id  # the same annotation, same id
    # the library counts it
    window._refresh_library()
    assert "1 annotation" in window.library_model.data(window.library.currentIndex().siblingAtColumn(1))


def test_correct_a_character_inside_a_tagged_passage(window, qtbot):
    (tag,) = tags(window, "主题")
    article = window.article
    start = article.block_starts()[3] + 2
    select(window, start, start + 10)
    key(window, Qt.Key.Key_1)
    words = article.text[start : start + 10]
    # correct the 4th character of the passage in the correction field, with a reason
    select(window, start + 3, start + 4)
    key(window, Qt.Key.Key_F2)
    bar = window.editing.correction_bar
    assert bar.isVisible() and bar.field.text() == words[3]
    bar.field.setText("𠀋")
    bar.note.setText("原文误植")
    QTest.keyClick(bar.note, Qt.Key.Key_Return)
    assert not bar.isVisible()
    text = window.article.text
    assert window.article_view.toPlainText().replace("\u2029", "\n") == text  # rewritten in place
    fixed = words[:3] + "𠀋" + words[4:]
    assert text[start : start + 10] == fixed
    [ann] = window.article.annotations
    assert (ann.start, ann.end) == (start, start + 10) and ann.quote == fixed  # the tag covers the same words
    assert window.article_view.selected_range() == (start + 3, start + 4)
    # the history panel lists it with who, before -> after and the reason
    history = window.editing.history.model
    QAbstractItemModelTester(history, FATAL)
    entry = history.entries[0]
    assert entry.op == "correct" and entry.note == "原文误植"
    assert history.data(history.index(0, history.CHANGE)) == f"“{words[3]}” → “𠀋”"
    quotes_hold(window)


def test_correction_field_escape_changes_nothing(window):
    select(window, 2, 4)
    window.editing.actions[E.CORRECT].trigger()
    bar = window.editing.correction_bar
    bar.field.setText("XX")
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.editing.stack.count() == 0


def test_correction_across_paragraphs_is_refused_with_a_reason(window):
    starts = window.article.block_starts()
    select(window, starts[1] + 1, starts[2] + 1)
    window.editing.actions[E.CORRECT].trigger()
    assert not window.editing.correction_bar.isVisible()
    assert "one paragraph" in window.statusBar().currentMessage()


def test_join_two_paragraphs_with_tags_on_both(window):
    a, b = tags(window, "甲", "乙")
    article = window.article
    starts = article.block_starts()
    first, second = article.blocks[3].text, article.blocks[4].text
    select(window, starts[3] + 1, starts[3] + 5)
    key(window, Qt.Key.Key_1)
    select(window, starts[4] + 2, starts[4] + 7)
    key(window, Qt.Key.Key_2)
    quoted = [x.quote for x in window.article.annotations]
    select(window, starts[3] + 8, starts[3] + 8)  # the cursor in the first paragraph
    key(window, Qt.Key.Key_J, CTRL)
    joined = window.article
    assert len(joined.blocks) == len(article.blocks) - 1
    assert joined.blocks[3].text == first + second
    assert [x.quote for x in joined.annotations] == quoted
    assert [joined.text[x.start : x.end] for x in joined.annotations] == quoted
    assert window.article_view.document().blockCount() == len(joined.blocks)
    window.editing.undo()
    assert [bl.text for bl in window.article.blocks] == [bl.text for bl in article.blocks]
    quotes_hold(window)


def test_split_paragraph_at_cursor_and_change_its_role(window):
    article = window.article
    start = article.block_starts()[3]
    select(window, start + 6, start + 6)
    key(window, Qt.Key.Key_Return, CTRL)
    split = window.article
    assert len(split.blocks) == len(article.blocks) + 1
    assert split.blocks[3].text == article.blocks[3].text[:6]
    # the cursor is in the new paragraph: make it a subhead, from the Structure menu's role actions
    window.editing.actions[E.ROLE_SUBHEAD].trigger()
    assert window.article.blocks[4].role == "subhead"
    assert window.editing.actions[E.ROLE_SUBHEAD].isChecked()
    window.editing.undo()
    window.editing.undo()
    assert [(bl.role, bl.text) for bl in window.article.blocks] == [(bl.role, bl.text) for bl in article.blocks]


def test_move_a_byline_out_of_the_body(window):
    """A byline that ended up at the end of the previous article's body moves to the article it belongs to."""
    project = window.store.project
    ids = project.article_ids(window.article.source_id)
    window.open_article(ids[1])
    article = window.article
    next_id = ids[2]
    next_first = project.get_article(next_id).blocks[0].text
    last = article.block_starts()[-1]
    select(window, last + 1, last + 1)
    key(window, Qt.Key.Key_B, CTRL | SHIFT)  # it is a byline
    assert window.article.blocks[-1].role == "byline"
    key(window, Qt.Key.Key_Down, ALT | SHIFT)  # Move Block to Next Article
    assert len(window.article.blocks) == len(article.blocks) - 1
    moved = project.get_article(next_id)
    assert moved.blocks[0].role.value == "byline" and moved.blocks[0].text == article.blocks[-1].text
    assert moved.blocks[1].text == next_first
    # one undo each, across articles
    window.open_article(next_id)
    window.editing.undo()
    assert window.article.id == ids[1]  # undo brings the changed article into view
    assert len(window.article.blocks) == len(article.blocks)
    window.editing.undo()
    assert [bl.role for bl in window.article.blocks] == [bl.role for bl in article.blocks]


def test_move_refused_for_a_middle_block(window):
    starts = window.article.block_starts()
    select(window, starts[3] + 1, starts[3] + 1)
    window.editing.actions[E.MOVE_TO_NEXT].trigger()
    assert "last block" in window.statusBar().currentMessage()
    assert window.editing.stack.count() == 0


def test_split_and_merge_articles(window):
    project = window.store.project
    source = window.article.source_id
    count = len(project.article_ids(source))
    article = window.article
    starts = article.block_starts()
    select(window, starts[4] + 1, starts[4] + 1)
    key(window, Qt.Key.Key_Return, CTRL | SHIFT)
    assert len(project.article_ids(source)) == count + 1
    assert len(window.article.blocks) == 4
    key(window, Qt.Key.Key_M, CTRL | SHIFT)  # merge it back
    assert len(project.article_ids(source)) == count
    assert window.article.text == article.text
    window.editing.undo()
    window.editing.undo()
    assert len(project.article_ids(source)) == count
    assert window.article.text == article.text


def test_revert_from_the_history_panel_and_a_conflict(window, messages):
    editing = window.editing
    select(window, 2, 3)
    editing.correct(2, 3, "甲")
    editing.correct(2, 3, "乙")
    history = editing.history
    first = history.model.entries[-1]
    history.select_entry(first.id)
    history.revert_button.click()
    assert messages[-2][0] == "Revert Edit"  # asked first
    assert messages and messages[-1][0] == "Cannot Revert"
    assert "Revert those first" in history.status.text()
    assert history.status.text() == messages[-1][1]
    later = history.model.entries[0].id
    assert history.model.blocking == {later}
    # revert the later one first, then the first one
    history.select_entry(later)
    history.revert_button.click()
    history.select_entry(first.id)
    history.revert_button.click()
    assert window.article.text[2] == first.params["old_text"]
    assert editing.stack.count() == 4  # two corrections and two reverts, each undoable


def test_corrections_view_strikes_deleted_and_underlines_inserted(window):
    editing = window.editing
    article = window.article
    old = article.text[5:7]
    editing.correct(5, 7, "改正")
    editing.actions[E.SHOW_CORRECTIONS].setChecked(True)
    view = editing.corrections_view
    assert view.isVisible()
    shown = view.toPlainText().replace("\u2029", "\n")
    assert shown == article.text[:5] + old + "改正" + article.text[7:]
    mark = view.mark_at(6)
    assert mark is not None and (mark.deleted, mark.inserted) == (old, "改正")
    cursor = view.textCursor()
    cursor.setPosition(6)
    assert cursor.charFormat().fontStrikeOut()
    cursor.setPosition(8)
    assert cursor.charFormat().fontUnderline()
    assert "改正" in editing.describe_correction(mark)
    editing.actions[E.SHOW_CORRECTIONS].setChecked(False)
    assert not view.isVisible()


def test_overlapping_tags_are_blended_and_stacked(window):
    a, b = overlapping_tags(window)
    view = window.article_view
    tints = view.tint_pieces()
    assert {piece.index for piece, _ in tints} == {0, 1}  # both tints drawn …
    assert all(colour.alpha() < 255 for _, colour in tints)  # … translucent, so the overlap blends
    first, second = ([p for p, _ in tints if p.index == i] for i in (0, 1))
    assert any(p.top == q.top and min(p.x2, q.x2) > max(p.x1, q.x1) for p in first for q in second)  # overlapping
    segments = window.editing.highlights.segments()
    ys = sorted({round(p1.y()) for p1, _p2, _c in segments})
    assert len(ys) >= 2  # the two underlines sit on different lanes
    over = window.editing.highlights.annotations_at(7)
    text = window.editing.describe_annotations(over)
    assert "甲" in text and "乙" in text


def test_remove_annotation_here(window):
    (tag,) = tags(window, "甲")
    select(window, 2, 10)
    window.editing.apply_tag(tag.id)
    select(window, 5, 5)
    key(window, Qt.Key.Key_Delete, CTRL)
    assert window.article.annotations == []


def test_annotations_panel_selects_and_edits_notes(window, monkeypatch):
    (tag,) = tags(window, "甲")
    select(window, 4, 9)
    window.editing.apply_tag(tag.id)
    select(window, 0, 0)
    panel = window.editing.annotations
    QAbstractItemModelTester(panel.model, FATAL)
    index = panel.model.index(0, 1)
    panel.table.clicked.emit(index)
    assert window.article_view.selected_range() == (4, 9)
    panel.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("人名待核", True)))
    panel.note_button.click()
    assert window.article.annotations[0].note == "人名待核"
    assert "人名待核" in panel.model.data(panel.model.index(0, 2))


def test_orphan_is_listed_and_reattached(window):
    (tag,) = tags(window, "甲")
    select(window, 4, 6)
    window.editing.apply_tag(tag.id)
    window.editing.correct(3, 7, "")  # its words are deleted: the annotation is orphaned
    panel = window.editing.annotations
    assert window.article.annotations == [] and len(window.article.orphans) == 1
    assert panel.orphan_model.rowCount() == 1 and not panel.orphan_table.isHidden()
    select(window, 10, 12)
    panel.orphan_table.selectRow(0)
    panel.reattach_button.click()
    assert [(a.start, a.end) for a in window.article.annotations] == [(10, 12)]
    assert window.article.orphans == []
    window.editing.undo()
    assert len(window.article.orphans) == 1


def test_codebook_model_and_drag_to_move(window):
    parent, child = tags(window, "上级", "下级")
    model: CodebookModel = window.editing.codebook.model
    QAbstractItemModelTester(model, FATAL)
    data = QMimeData()
    data.setData(MIME, str(child.id).encode())
    target = model.index_of(parent.id)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert window.store.project.tag(child.id).parent_id == parent.id
    assert model.rowCount(model.index_of(parent.id)) == 1
    # a tag cannot go under its own child
    back = QMimeData()
    back.setData(MIME, str(parent.id).encode())
    assert not model.canDropMimeData(back, Qt.DropAction.MoveAction, -1, -1, model.index_of(child.id))
    window.editing.undo()
    assert window.store.project.tag(child.id).parent_id is None


def test_codebook_rename_recolour_key_merge_delete(window, messages, monkeypatch):
    editing = window.editing
    a, b = tags(window, "甲", "乙")
    select(window, 2, 6)
    editing.apply_tag(a.id)
    model = editing.codebook.model
    assert model.setData(model.index_of(a.id), "丙") is False  # renaming in place asks the desk
    assert window.store.project.tag(a.id).name == "丙"
    editing.recolour_tag(model.tag_by_id(a.id), "#123456")
    assert window.article.annotations[0].colour == "#123456"
    editing.set_tag_slot(b.id, 1)  # the key moves from 丙 to 乙
    assert (window.store.project.tag(a.id).slot, window.store.project.tag(b.id).slot) == (None, 1)
    editing.undo()
    assert (window.store.project.tag(a.id).slot, window.store.project.tag(b.id).slot) == (1, 2)
    editing.merge_tag(model.tag_by_id(a.id), b.id)
    assert window.article.annotations[0].tag_id == b.id
    editing.delete_tag(model.tag_by_id(b.id))
    assert messages[-1][0] == "Delete Tag" and "1 annotation" in messages[-1][1]
    assert window.store.project.tags() == [] and window.article.annotations == []
    editing.undo()  # the tag and its annotation come back, with their ids
    assert [t.id for t in window.store.project.tags()] == [b.id]
    assert window.article.annotations[0].tag_id == b.id


def test_autotag_every_search_hit_in_one_step(window, monkeypatch):
    (tag,) = tags(window, "议事")
    window.focus_search()
    window.search_panel.query.setText("议事")
    window.search_panel.run_search()
    shown = {}

    def accept(dialog):
        shown["summary"] = dialog.summary.text()
        shown["rows"] = dialog.preview.count()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AutoTagDialog, "exec", accept)
    project = window.store.project
    hits = project.search("议事", limit=1000).hits
    assert window.editing.autotag(tag.id)
    assert f"{len(hits)} hits" in shown["summary"] and shown["rows"] == len(hits)
    tagged = [a for s in project.list_sources() for i in project.article_ids(s.id) for a in project.annotations(i)]
    assert len(tagged) == len(hits) and all(a.quote == "议事" for a in tagged)
    assert window.editing.stack.count() == 2  # the new tag, then all the hits in one step
    window.editing.undo()
    assert not [a for s in project.list_sources() for i in project.article_ids(s.id) for a in project.annotations(i)]
    window.editing.redo()
    assert not window.editing.autotag(tag.id)  # again: every hit has the tag already
    assert "already" in window.statusBar().currentMessage()


def test_review_state_from_the_keyboard_and_the_library(window):
    library = window.library_model
    source = library.index(0, 0)
    key(window, Qt.Key.Key_3, ALT)
    assert window.article.review == "proofread"
    assert window.editing.actions[E.REVIEW_PROOFREAD].isChecked()
    window._refresh_library()
    assert library.data(library.index(0, 1)).split(" · ")[0] == "1 of 7 proofread"  # doubts may follow
    assert "proofread" in library.data(window.library.currentIndex().siblingAtColumn(1))
    key(window, Qt.Key.Key_F8)  # round again: unreviewed
    assert window.article.review == "unreviewed"
    window.editing.undo()
    window.editing.undo()
    assert window.store.project.get_article(window.article.id).review_state.value == "unreviewed"
    del source


def test_article_notes(window, monkeypatch):
    editing = window.editing
    assert editing.add_article_note("第三段引语需核对原稿")
    notes = editing.notes
    assert notes.list.count() == 1
    note = window.store.project.notes(window.article.id)[0]
    editing.edit_article_note(note, "已核对")
    assert window.store.project.notes(window.article.id)[0].text == "已核对"
    editing.delete_article_note(note)
    assert notes.list.count() == 0
    editing.undo()
    assert window.store.project.notes(window.article.id)[0].id == note.id


def test_context_menu_offers_the_editing_actions(window):
    menu = window.editing.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert "&Correct Selection…" in texts and "&Join with Next Paragraph" in texts
    menu.deleteLater()


def test_undo_redo_actions_say_what_they_undo(window):
    (tag,) = tags(window, "甲")
    undo = window.editing.actions[E.UNDO]
    assert undo.isEnabled() and "New tag" in undo.toolTip()
    window.editing.undo()
    assert window.editing.actions[E.REDO].isEnabled()
    assert window.actions[E.UNDO] is undo  # one registry
    del tag


def test_editing_shortcuts_do_not_clash(window):
    owners = {}
    for action_id, action in window.actions:
        for seq in action.shortcuts():
            assert seq.toString() not in owners, (seq.toString(), owners.get(seq.toString()), action_id)
            owners[seq.toString()] = action_id
    assert owners["1"] == E.TAG_SLOT_1 and owners["Ctrl+Z"] == E.UNDO and owners["Ctrl+Shift+Z"] == E.REDO
    assert owners["Ctrl+F"] == ActionId.FIND


def test_new_project_starts_a_fresh_undo_stack(window, store):
    tags(window, "甲")
    assert window.editing.stack.count() == 1
    window.set_store(store)
    assert window.editing.stack.count() == 0
    assert window.editing.codebook.model.rowCount(QModelIndex()) == 1


def test_hovering_a_tagged_passage_shows_its_tags_and_notes(window):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    a, b = overlapping_tags(window)
    ann = [x for x in window.article.annotations if x.tag_id == b.id][0]
    window.editing.run(
        __import__("ui.editing.commands", fromlist=["x"]).UpdateAnnotationCommand(
            window.editing, "note", ann.id, note="待核"
        )
    )
    view = window.article_view
    rect = view.cursorRect(view.cursor_for(7, 7))
    pos = QPoint(rect.x() + 4, rect.center().y())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    try:
        assert "甲" in QToolTip.text() and "乙 — 待核" in QToolTip.text()
    finally:
        QToolTip.hideText()


def test_f2_in_the_codebook_renames_the_tag(window, qtbot):
    (tag,) = tags(window, "甲")
    tree = window.editing.codebook.tree
    window.activateWindow()
    window.editing.codebook.choose(tag.id)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    assert not window.editing.correction_bar.isVisible()
    assert tree.state() == tree.State.EditingState  # the name is open for editing
