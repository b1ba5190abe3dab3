"""The article text before an edit, replayed backwards from the ``before`` snapshots (db.exports.history).

test_interchange checks the replay against the store's own revert on a real project; these cases
cover what a real project rarely holds: blocks that came and went, and a damaged snapshot.
"""

from __future__ import annotations

import json

from db.exports.history import prior_states, texts_before_edits
from db.exports.model import ExportAnnotation

ARTICLE = 10


def _block(text: str, position: int, article: int = ARTICLE) -> dict:
    return {"article_id": article, "position": position, "role": "paragraph", "text": text}


def _before(blocks: dict, annotations: dict | None = None) -> str:
    return json.dumps({"blocks": blocks, "annotations": annotations or {}}, ensure_ascii=False)


# First: block 1 "甲乙丙丁戊已", block 2 "庚". Edit 5 corrects 已 to 己; edit 6 splits block 1 after 丁 (block 3
# "戊己" is new); edit 7 joins block 2 onto block 3; edit 8 corrects 丁 to 丙. Now:
CURRENT = [(1, 0, "甲乙丙丙"), (3, 1, "戊己庚")]
EDITS = [
    (5, "correct", ARTICLE, _before({"1": _block("甲乙丙丁戊已", 0)})),
    (6, "split", ARTICLE, _before({"1": _block("甲乙丙丁戊己", 0), "2": _block("庚", 1), "3": None})),
    (7, "join", ARTICLE, _before({"3": _block("戊己", 1), "2": _block("庚", 2)})),
    (8, "correct", ARTICLE, _before({"1": _block("甲乙丙丁", 0)})),
]


def test_states_before_each_edit():
    texts = texts_before_edits(ARTICLE, CURRENT, EDITS, {5, 6, 7, 8})
    assert texts == {
        8: "甲乙丙丁\n戊己庚",
        7: "甲乙丙丁\n戊己\n庚",
        6: "甲乙丙丁戊己\n庚",
        5: "甲乙丙丁戊已\n庚",
    }
    assert texts_before_edits(ARTICLE, CURRENT, EDITS, {7}) == {7: "甲乙丙丁\n戊己\n庚"}


def test_blocks_of_other_articles_are_not_counted():
    edits = [(4, "correct", ARTICLE, _before({"1": _block("甲", 0), "9": _block("别的文章", 0, article=11)}))]
    assert texts_before_edits(ARTICLE, [(1, 0, "乙")], edits, {4}) == {4: "甲"}


def test_a_damaged_snapshot_stops_the_replay_without_an_error():
    damaged = [EDITS[0], (6, "split", ARTICLE, "{not json"), *EDITS[2:]]
    assert texts_before_edits(ARTICLE, CURRENT, damaged, {5, 7, 8}) == {8: "甲乙丙丁\n戊己庚", 7: "甲乙丙丁\n戊己\n庚"}
    wrong_shape = [(5, "correct", ARTICLE, json.dumps({"blocks": {"1": {"text": "x"}}}))]
    assert texts_before_edits(ARTICLE, CURRENT, wrong_shape, {5}) == {}


def test_an_orphan_is_placed_in_the_text_before_the_edit_that_orphaned_it():
    orphan = ExportAnnotation("21", "1", 0, 0, "丙丁", orphaned=True)
    placed = ExportAnnotation("22", "1", 0, 2, "甲乙")
    state = [ARTICLE, 2, 4, "丙丁", "甲乙", "", 0]  # article, start, end, quote, prefix, suffix, orphaned
    edits = [
        (5, "correct", ARTICLE, _before({"1": _block("甲乙丙丁", 0)}, {"21": state})),
        (6, "role", ARTICLE, _before({"1": _block("甲乙", 0)}, {"21": [*state[:6], 1]})),  # already orphaned
    ]
    priors, annotations = prior_states(ARTICLE, [(1, 0, "甲乙")], edits, [orphan, placed])
    assert priors == {5: "甲乙丙丁"}
    moved, kept = annotations
    assert (moved.prior_edit, moved.prior_text, moved.prior_start) == ("5", "甲乙丙丁", 2)
    assert kept == placed  # a placed passage is left as it is
