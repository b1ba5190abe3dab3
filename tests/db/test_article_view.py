"""The desk's lean read of an article gives what the full read gives, in the orders it names."""

from __future__ import annotations

import json

from db import Project
from db.article_view import ANNOTATION_FIELDS, BLOCK_FIELDS


def test_lean_read_matches_the_full_article(project: Project, source_id: int) -> None:
    article_id = project.article_ids(source_id)[0]
    tag = project.add_tag("人物")
    text = project.get_article(article_id).text
    project.annotate_many([(article_id, tag.id, s, s + 3) for s in range(0, len(text) - 4, 7)])
    project.correct(article_id, 2, 3, "𠀋")  # an edited block: its raw map changed
    lost = project.annotate(article_id, tag.id, 10, 12)
    project.correct(article_id, 9, 13, "")  # one annotation loses its text: orphaned
    full = project.get_article(article_id)
    lean = project.article_for_desk(article_id)
    assert (lean.id, lean.source_id, lean.kind, lean.headline) == (full.id, full.source_id, full.kind, full.headline)
    assert lean.review_state == full.review_state.value
    assert BLOCK_FIELDS == ("id", "role", "text", "runs")
    assert [(b[0], b[1], b[2], tuple(tuple(r) for r in json.loads(b[3]))) for b in lean.blocks] == [
        (b.id, b.role.value, b.text, b.runs) for b in full.blocks
    ]
    assert ANNOTATION_FIELDS == ("id", "char_start", "char_end", "tag_id", "note", "quote", "orphaned")
    assert [(*a[:6], bool(a[6])) for a in lean.annotations] == [
        (a.id, a.start, a.end, a.tag_id, a.note, a.quote, a.orphaned) for a in full.annotations
    ]
    assert any(a[0] == lost.id and a[6] for a in lean.annotations)


def test_read_correction_names_the_block_and_the_annotations_near_it(project: Project, source_id: int) -> None:
    article_id = project.article_ids(source_id)[0]
    tag = project.add_tag("人物")
    text = project.get_article(article_id).text
    far = project.annotate(article_id, tag.id, len(text) - 4, len(text) - 1)  # beyond a context's reach
    close = project.annotate(article_id, tag.id, 12, 15)
    entry = project.correct(article_id, 10, 11, "甲乙")
    fix = project.correction_for_desk(article_id, entry.id)
    full = project.get_article(article_id)
    (block,) = [b for b in full.blocks if b.id == fix.block[0]]
    assert (fix.start, fix.end, fix.old_text, fix.text) == (10, 11, text[10], "甲乙")
    assert fix.block[2] == block.text and fix.headline == full.headline
    assert (fix.length, fix.annotation_count) == (len(full.text), 2)
    assert [row[0] for row in fix.near] == [close.id] and far.id not in {r[0] for r in fix.near}  # far: only moved
    assert fix.near[0][1:3] == (13, 16)
    assert project.correction_for_desk(article_id, project.revert(entry.id).id) is None  # a revert is no correction


def test_a_corrected_headline_and_word_are_stored_and_found(project: Project, source_id: int) -> None:
    """The correction hands the store its blocks as they now read (not read back): headline and index follow."""
    article_id = next(
        a for a in project.article_ids(source_id) if project.get_article(a).blocks[0].role.value == "title"
    )
    article = project.get_article(article_id)
    project.correct(article_id, 0, 1, "囧")
    again = project.get_article(article_id)
    assert again.headline.startswith("囧") and again.headline[1:] == article.headline[1:]
    assert again.blocks[0].original_text == article.blocks[0].text  # the engine's text kept
    assert article_id in {hit.article_id for hit in project.search("囧").hits}
