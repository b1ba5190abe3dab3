"""Which edits are in effect (db/history.py): the one rule the store, exports and reports share."""

from __future__ import annotations

from db.history import active_ids, edits_in_effect


def test_a_revert_undoes_its_edit():
    assert edits_in_effect([(1, None), (2, 1)]) == {1: (False, 2), 2: (True, None)}


def test_reverting_the_revert_brings_the_edit_back():
    assert edits_in_effect([(1, None), (2, 1), (3, 2)]) == {1: (True, None), 2: (False, 3), 3: (True, None)}
    assert active_ids([(1, None), (2, 1), (3, 2)]) == {1, 3}


def test_the_latest_revert_in_effect_is_named():
    # 1 reverted by 2; 2 reverted by 3 (1 back); 1 reverted again by 4
    rows = [(1, None), (2, 1), (3, 2), (4, 1)]
    assert edits_in_effect(rows)[1] == (False, 4)
    assert active_ids(rows) == {3, 4}


def test_the_rule_matches_the_store(project, article_id):
    from db.history import active_map

    text = project.get_article(article_id).text
    first = project.correct(article_id, 0, 1, "甲")
    undo = project.revert(first.id)
    redo = project.revert(undo.id)
    with project._cx.read() as conn:
        found = active_map(conn, [article_id])
    assert found == {first.id: (True, None), undo.id: (False, redo.id), redo.id: (True, None)}
    assert project.get_article(article_id).text == "甲" + text[1:]
    assert [e.reverted_by for e in project.history(article_id)] == [None, redo.id, None]
