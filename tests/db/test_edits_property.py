"""Property: random edit sequences keep annotations on their text, and undoing them all restores everything."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import EditError, Project
from db.folding import fold, fold_query, squeeze
from db.history import active_map
from db.rows import named

from .conftest import SMALL_PAGE, dump_state

ALPHABET = "职工劳動𠀋ab 。，\u3000"
OPS = ("correct", "correct", "correct", "join", "split", "role", "prev", "next", "split_article", "merge", "revert")

op_strategy = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 12),
    st.text(alphabet=ALPHABET, max_size=4),
)


def _setup(path: Path) -> Project:
    project = Project.open(path, author="prop")
    sid = project.import_file(SMALL_PAGE).source_id
    tag = project.add_tag("t").id
    for aid in project.article_ids(sid):
        text = project.get_article(aid).text
        for start in range(0, len(text) - 6, 23):
            project.annotate(aid, tag, start, start + 1 + start % 7)
    return project


def _apply(project: Project, op: tuple, sid: int) -> None:
    name, x, y, n, text = op
    ids = project.article_ids(sid)
    aid = ids[x % len(ids)]
    article = project.get_article(aid)
    if not article.blocks:
        return
    block = article.blocks[y % len(article.blocks)]
    try:
        if name == "correct":
            start = x % (len(article.text) + 1)
            loc = project.locate(aid, start)
            room = len(article.blocks[loc.block_index].text) - loc.offset_in_block
            project.correct(aid, start, start + min(n, room), text)
        elif name == "join":
            project.join_with_next(block.id)
        elif name == "split":
            project.split_block(block.id, 1 + y % max(1, len(block.text) - 1))
        elif name == "role":
            project.set_block_role(block.id, ("paragraph", "subhead", "title", "caption")[n % 4])
        elif name == "prev":
            project.move_block_to_previous(article.blocks[0].id)
        elif name == "next":
            project.move_block_to_next(article.blocks[-1].id)
        elif name == "split_article":
            project.split_article(block.id)
        elif name == "merge":
            project.merge_with_next(aid)
        elif name == "revert":
            conn = sqlite3.connect(project.path)
            ids_ = [r["id"] for r in named(conn, "SELECT id FROM edits")]
            conn.close()
            if ids_:
                project.revert(ids_[y % len(ids_)])
    except EditError:
        pass  # refused edits (conflicts, nothing to join, …) are fine: they must change nothing


def _check(project: Project) -> None:
    for s in project.list_sources():
        for aid in project.article_ids(s.id):
            article = project.get_article(aid)
            assert article.text == "\n".join(b.text for b in article.blocks)
            for ann in article.annotations:
                assert 0 <= ann.start <= ann.end <= len(article.text)
                if not ann.orphaned:
                    assert article.text[ann.start : ann.end] == ann.quote


def _check_search(project: Project, sid: int) -> None:
    """The gram index followed every edit: search agrees with a plain scan of the current text."""
    texts = [project.get_article(a).text for a in project.article_ids(sid)]
    queries = {t[i : i + n] for t in texts for n in (1, 2, 3) for i in range(0, max(0, len(t) - n), 97)}
    for q in sorted(queries):
        if not q.strip() or "\n" in q:
            continue
        needle = fold_query(q)
        expected = 0
        for t in texts:
            sq = squeeze(fold(t)).text
            i = sq.find(needle)
            while i >= 0:
                expected += 1
                i = sq.find(needle, i + len(needle))
        assert len(project.search(q, limit=10_000).hits) == expected, q
    project._cx.conn.execute("INSERT INTO search_grams(search_grams) VALUES ('integrity-check')")


def _undo_everything(project: Project) -> None:
    conn = sqlite3.connect(project.path)
    rows = conn.execute("SELECT id, article_id, other_article_id FROM edits ORDER BY id DESC").fetchall()
    conn.close()
    articles = {a for r in rows for a in r[1:] if a is not None}
    for edit_id, *_ in rows:
        with project._cx.read() as c:
            active, _ = active_map(c, articles).get(edit_id, (True, None))
        if active:
            project.revert(edit_id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op_strategy, max_size=12))
def test_random_edits_keep_annotations_on_their_text(ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jiaokan"
        project = _setup(path)
        try:
            sid = project.list_sources()[0].id
            initial = dump_state(path)
            for op in ops:
                _apply(project, op, sid)
                _check(project)
            _check_search(project, sid)
            _undo_everything(project)
            assert dump_state(path) == initial
            assert project.integrity_check() == ["ok"]
        finally:
            project.close()
