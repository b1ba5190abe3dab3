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
