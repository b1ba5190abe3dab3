"""Property: random edits through the desk keep every annotation on its words (or orphaned),
and undoing them all gives back the project as it was."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ui.editing.test_commands import state

ALPHABET = "职工劳動𠀋ab 。"
ROLES = ("paragraph", "subhead", "byline", "caption")
OPS = (
    "correct",
    "correct",
    "correct",
    "join",
    "split",
    "role",
    "move_prev",
    "move_next",
    "split_article",
    "merge",
    "tag",
    "tag",
    "untag",
    "undo",
    "redo",
    "open",
)

op_strategy = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 10_000),
    st.integers(0, 6),
    st.text(alphabet=ALPHABET, max_size=3),
)


def _prepare(window) -> None:
    """Two tags with keys, and passages of the first articles tagged (outside the undo stack)."""
    project = window.store.project
    a = project.add_tag("甲", slot=1, colour="#c0392b")
    b = project.add_tag("乙", slot=2, colour="#2e86c1")
    for aid in project.article_ids(1)[:3]:
        text = project.get_article(aid).text
        for start in range(0, len(text) - 8, 17):
            project.annotate(aid, (a.id, b.id)[start % 2], start, start + 2 + start % 6)
    window.editing.reload_codebook()
    window.reload_article()


def _apply(window, op) -> None:
    name, x, n, text = op
    desk, view = window.editing, window.article_view
    article = window.article
    if article is None or not article.blocks:
        return
    length = len(article.text)
    at = x % (length + 1)
    if name == "correct":
        starts = article.block_starts()
        i = max(k for k, s in enumerate(starts) if s <= at)
        end = min(at + n, starts[i] + len(article.blocks[i].text))
        view.select_range(min(at, end), end)
        desk.correct(min(at, end), end, text)
    elif name in ("join", "split", "role", "move_prev", "move_next", "split_article"):
        if name.startswith("move"):  # a block moves from the top or the bottom of its article
            at = 0 if name == "move_prev" else length
        view.select_range(at, at)
        {
            "join": desk.join_with_next,
            "split": desk.split_block,
            "role": lambda: desk.set_role(ROLES[n % len(ROLES)]),
            "move_prev": lambda: desk.move_block(forward=False),
            "move_next": lambda: desk.move_block(forward=True),
            "split_article": desk.split_article,
        }[name]()
    elif name == "merge":
        desk.merge_with_next()
    elif name == "tag":
        view.select_range(at, min(length, at + 1 + n))
        desk.apply_slot(1 + n % 2)
    elif name == "untag":
        view.select_range(at, at)
        desk.remove_annotations_here()
    elif name == "undo":
        desk.undo()
    elif name == "redo":
        desk.redo()
    elif name == "open":
        ids = window.store.project.article_ids(article.source_id)
        window.open_article(ids[x % len(ids)])


def _quotes_hold(window) -> None:
    project = window.store.project
    for aid in project.article_ids(1):
        article = project.get_article(aid)
        for a in article.annotations:
            assert a.orphaned or article.text[a.start : a.end] == a.quote, (aid, a)
    shown = window.article
    if shown is not None:  # and what the window shows is the store's current text
        assert shown.text == project.get_article(shown.id).text


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(op_strategy, min_size=1, max_size=10))
def test_random_edits_keep_annotations_on_their_text(window, ops):
    if not getattr(window, "_property_ready", False):
        _prepare(window)
        window._property_ready = True
        window._property_state = state(window.store.path)
    desk = window.editing
    first = window.store.project.article_ids(1)[0]
    window.open_article(first)
    for op in ops:
        _apply(window, op)
        _quotes_hold(window)
    while desk.stack.canUndo():
        desk.undo()
    desk.stack.clear()
    assert state(window.store.path) == window._property_state
