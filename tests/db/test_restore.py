"""Putting annotations, notes and tags back with their ids (the desk's undo), and correction marks."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import Project, TagError
from db.events import Change

from .conftest import dump_state


def test_annotate_many_and_delete_then_restore_with_same_ids(project: Project, article_id: int, tag_id: int):
    events = []
    project.subscribe(events.append)
    made = project.annotate_many([(article_id, tag_id, 0, 3), (article_id, tag_id, 5, 9)], note="auto")
    assert [a.note for a in made] == ["auto", "auto"]
    assert len(events) == 1 and events[0].changes & Change.ANNOTATIONS  # one transaction, one event
    text = project.get_article(article_id).text
    assert [a.quote for a in made] == [text[0:3], text[5:9]]
    assert project.delete_annotations([a.id for a in made]) == 2
    assert project.annotations(article_id) == []
    project.restore_annotations(made)
    assert project.annotations(article_id) == made


def test_restored_annotation_whose_text_changed_is_orphaned(project: Project, article_id: int, tag_id: int):
    ann = project.annotate(article_id, tag_id, 2, 6)
    project.delete_annotation(ann.id)
    project.correct(article_id, 3, 4, "★")
    project.restore_annotations([ann])
    back = project.annotation(ann.id)
    assert back.orphaned and back.quote == ann.quote


def test_restore_overwrites_a_changed_annotation(project: Project, article_id: int, tag_id: int):
    ann = project.annotate(article_id, tag_id, 2, 6, note="first")
    project.update_annotation(ann.id, note="second", start=1, end=8)
    project.restore_annotations([ann])
    assert project.annotation(ann.id) == ann


def test_bad_ranges_refuse_the_whole_batch(project: Project, article_id: int, tag_id: int):
    from db import AnnotationError

    with pytest.raises(AnnotationError):
        project.annotate_many([(article_id, tag_id, 0, 3), (article_id, tag_id, 5, 5)])
    assert project.annotations(article_id) == []


def test_note_restored_with_its_id(project: Project, article_id: int):
    note = project.add_note(article_id, "校对：第二段")
    project.delete_note(note.id)
    project.restore_note(note)
    assert project.note(note.id) == note


def test_codebook_delete_and_restore_subtree_with_annotations(project_path, project: Project, article_id: int):
    parent = project.add_tag("人物", colour="#aa0000", slot=3)
    child = project.add_tag("工人", parent_id=parent.id, description="一线")
    a1 = project.annotate(article_id, parent.id, 0, 2)
    a2 = project.annotate(article_id, child.id, 4, 8, note="n")
    before = dump_state(project_path)
    tags_before = project.tags()
    state = project.capture_codebook([parent.id], subtree=True, with_annotations=True)
    assert {t.id for t in state.tags} == {parent.id, child.id}
    project.delete_tag(parent.id)
    assert project.tags() == [] and project.annotations(article_id) == []
    project.restore_codebook(state)
    assert project.tags() == tags_before
    assert project.annotations(article_id) == [a1, a2]
    assert dump_state(project_path) == before


def test_codebook_merge_undone(project: Project, article_id: int):
    a = project.add_tag("甲", slot=1)
    b = project.add_tag("乙")
    a_child = project.add_tag("同名", parent_id=a.id)
    b_child = project.add_tag("同名", parent_id=b.id)
    ann = project.annotate(article_id, a_child.id, 0, 4)
    tags_before = project.tags()
    state = project.capture_codebook([a.id, b.id], subtree=True, with_annotations=True)
    project.merge_tags(a.id, b.id)
    assert project.annotation(ann.id).tag_id == b_child.id
    after = project.capture_codebook([a.id, b.id, a_child.id, b_child.id], subtree=True, with_annotations=True)
    project.restore_codebook(state)
    assert project.tags() == tags_before
    assert project.annotation(ann.id).tag_id == a_child.id
    project.restore_codebook(after)  # and redone
    assert project.annotation(ann.id).tag_id == b_child.id
    assert {t.name for t in project.tags()} == {"乙", "同名"}


def test_codebook_rename_swap_of_slots_restores(project: Project):
    a = project.add_tag("甲", slot=1)
    state = project.capture_codebook([a.id])
    project.update_tag(a.id, name="丙", slot=2, colour="#123456")
    b = project.add_tag("甲", slot=1)  # something else took the old name and slot meanwhile
    with pytest.raises(TagError):
        project.restore_codebook(state)
    project.delete_tag(b.id)
    project.restore_codebook(state)
    assert project.tag(a.id).name == "甲" and project.tag(a.id).slot == 1 and project.tag(a.id).colour is None


def test_codebook_add_undone_removes_the_tag(project: Project):
    tag = project.add_tag("新")
    project.restore_codebook(project.capture_codebook([tag.id]).__class__((tag.id,), (), ()))
    assert project.tags() == []


# -- correction marks ---------------------------------------------------------------------------------


def test_marks_follow_later_edits_and_reverts(project: Project, article_id: int):
    article = project.get_article(article_id)
    second = project.get_article(article_id).blocks[1]
    b2 = article.text.index(second.text)
    e1 = project.correct(article_id, b2 + 2, b2 + 4, "XYZ", note="typo")
    marks = project.corrections(article_id)
    assert [(m.start, m.end, m.deleted, m.inserted, m.note) for m in marks] == [
        (b2 + 2, b2 + 5, second.text[2:4], "XYZ", "typo")
    ]
    # a correction earlier in the article shifts it
    project.correct(article_id, 0, 1, "")
    marks = project.corrections(article_id)
    text = project.get_article(article_id).text
    m = [m for m in marks if m.edit_id == e1.id][0]
    assert text[m.start : m.end] == "XYZ"
    # joining the block with the one before it keeps the mark on its characters
    first = project.get_article(article_id).blocks[0]
    project.join_with_next(first.id)
    text = project.get_article(article_id).text
    m = [m for m in project.corrections(article_id) if m.edit_id == e1.id][0]
    assert text[m.start : m.end] == "XYZ"
    # splitting before it too
    block = project.get_article(article_id).blocks[0]
    project.split_block(block.id, 1)
    text = project.get_article(article_id).text
    m = [m for m in project.corrections(article_id) if m.edit_id == e1.id][0]
    assert text[m.start : m.end] == "XYZ"


def test_reverted_correction_leaves_no_mark_and_redo_brings_it_back(project: Project, article_id: int):
    e1 = project.correct(article_id, 3, 4, "")  # a deletion: an empty mark with the deleted text
    [m] = project.corrections(article_id)
    assert m.start == m.end == 3 and m.deleted
    r = project.revert(e1.id)
    assert project.corrections(article_id) == []
    project.revert(r.id)
    assert [(m.start, m.end) for m in project.corrections(article_id)] == [(3, 3)]


def test_overwritten_correction_shows_only_the_later_one(project: Project, article_id: int):
    original = project.get_article(article_id).text
    project.correct(article_id, 3, 5, "AB")
    e2 = project.correct(article_id, 2, 6, "xCDy")
    [mark] = project.corrections(article_id)
    # one mark: what the engine had there, and what the text says now
    assert (mark.edit_id, mark.deleted, mark.inserted) == (e2.id, original[2:6], "xCDy")
    project.revert(e2.id)
    assert [(m.deleted, m.inserted) for m in project.corrections(article_id)] == [(original[3:5], "AB")]


def test_edit_rows_stay_small_with_many_annotations(project_path, project: Project, article_id: int, tag_id: int):
    text = project.get_article(article_id).text
    for start in range(0, len(text) - 3, 3):
        project.annotate(article_id, tag_id, start, start + 2)
    project.correct(article_id, len(text) - 2, len(text) - 1, "末")
    conn = sqlite3.connect(project_path)
    try:
        before = json.loads(conn.execute("SELECT before FROM edits ORDER BY id DESC LIMIT 1").fetchone()[0])
    finally:
        conn.close()
    total = len(project.annotations(article_id))
    # only those near the end (their context changed), not every annotation of the article
    assert len(before["annotations"]) <= 12 < total // 4


def test_revert_conflict_names_only_the_entries_in_the_way(project: Project, article_id: int):
    from db import RevertConflict

    article = project.get_article(article_id)
    b1 = len(article.blocks[0].text) + 1  # start of the second block
    first = project.correct(article_id, b1 + 1, b1 + 2, "甲")
    elsewhere = project.correct(article_id, 1, 2, "乙")  # another paragraph: not in the way
    later = project.correct(article_id, b1 + 1, b1 + 2, "丙")
    last = project.get_article(article_id).blocks[-1]
    project.set_block_role(last.id, "caption" if last.role.value != "caption" else "paragraph")
    with pytest.raises(RevertConflict) as info:
        project.revert(first.id)
    assert info.value.blocking == [later.id]
    assert f"#{later.id}" in str(info.value) and f"#{elsewhere.id}" not in str(info.value)
    project.revert(later.id)
    project.revert(first.id)  # now it can


# -- the search index follows an edit from the stretch that changed ---------------------------------

GRAM_ALPHABET = "职工劳动议事角ab1 ，。\n"


@settings(max_examples=300, deadline=None)
@given(
    old=st.text(alphabet=GRAM_ALPHABET, max_size=40),
    at=st.integers(0, 40),
    cut=st.integers(0, 6),
    insert=st.text(alphabet=GRAM_ALPHABET, max_size=5),
)
def test_updated_grams_equal_the_grams_of_the_new_text(old, at, cut, insert):
    from db.folding import squeeze
    from db.search_index import IndexedText, gram_set, updated

    at = min(at, len(old))
    new = old[:at] + insert + old[at + cut :]
    got = updated(IndexedText.of(old), new)
    assert got.grams == frozenset(gram_set(squeeze(new).text))
    assert got.buckets == IndexedText.of(new).buckets  # trigram buckets counted down and up, none left at zero


@settings(max_examples=300, deadline=None)
@given(
    old=st.text(alphabet=GRAM_ALPHABET, max_size=40),
    edits=st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 6), st.text(alphabet=GRAM_ALPHABET, max_size=5)), max_size=4
    ),
)
def test_the_fts_row_edited_in_place_holds_each_gram_of_the_new_text_once(old, edits):
    """The FTS row's tokens are edited (the few gone and come) rather than joined again: the same grams, once each."""
    from db.folding import squeeze
    from db.search_index import IndexedText, gram_set, updated

    entry = IndexedText.of(old)
    entry.tokens()  # as after the article was indexed
    text = old
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
        entry = updated(entry, text)
        tokens = entry.tokens().split(" ") if entry.tokens() else []
        assert sorted(tokens) == sorted(gram_set(squeeze(text).text))  # each once, none stale
