"""Giving a tag the key another tag holds: one store transaction, one undo step."""

from __future__ import annotations

import sqlite3


def _slots(project, *tags):
    return tuple(project.tag(t.id).slot for t in tags)


def test_the_key_moves_in_one_transaction_and_comes_back_in_one_undo(window):
    editing, project = window.editing, window.store.project
    a = editing.new_tag(name="甲")
    b = editing.new_tag(name="乙")
    assert _slots(project, a, b) == (1, 2)
    heard = []
    unsubscribe = project.subscribe(heard.append)
    try:
        assert editing.set_tag_slot(b.id, 1)
    finally:
        unsubscribe()
    assert _slots(project, a, b) == (None, 1)
    assert len(heard) == 1  # one commit: listeners hear the two writes as one change
    assert set(heard[0].tag_ids) == {a.id, b.id}
    steps = editing.stack.index()
    editing.undo()  # one step puts both keys back
    assert editing.stack.index() == steps - 1
    assert _slots(project, a, b) == (1, 2)
    editing.redo()
    assert _slots(project, a, b) == (None, 1)
    # the key of 1 is bound to the tag that holds it now
    window.article_view.select_range(2, 6)
    assert editing.apply_slot(1)
    assert window.article.annotations[0].tag_id == b.id


def test_a_refused_swap_leaves_both_keys_as_they_were(window, messages):
    editing, project = window.editing, window.store.project
    a = editing.new_tag(name="甲")
    b = editing.new_tag(name="乙")
    steps = editing.stack.count()
    # the store refuses the second write of the swap (a rule in the file itself, not a mock)
    with sqlite3.connect(project.path) as other:
        other.execute(
            f"CREATE TRIGGER refuse_key BEFORE UPDATE OF slot ON tags WHEN NEW.id = {b.id} AND NEW.slot = 1 "
            "BEGIN SELECT RAISE(ABORT, 'key refused'); END"
        )
    assert not editing.set_tag_slot(b.id, 1)
    assert _slots(project, a, b) == (1, 2)  # the first write (taking the key from 甲) was rolled back
    assert editing.stack.count() == steps  # nothing to undo
    assert messages and "key refused" in messages[-1][1]
