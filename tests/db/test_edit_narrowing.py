"""A correction works on the annotations near it only, and moves those after it in one UPDATE: same outcome.

``db.edit_log`` leaves the annotations that a correction cannot reach (ending more than a
context's length before it, or, for quotes, starting more than one after it) out of its
snapshots and quote refresh. Each test replays the same corrections on two copies of one
project, once narrowed and once with every annotation of the article taken as near, and
compares what was stored: the annotation rows, and each history entry's snapshots.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import Project, edit_log

from .conftest import SMALL_PAGE, rows

ALPHABET = "职工劳動𠀋ab，"


def _annotated(path: Path) -> tuple[int, list[int]]:
    """A project of the small page with an annotation every 5 characters (1–9 long, overlapping)."""
    with Project.open(path, author="t") as project:
        sid = project.import_file(SMALL_PAGE).source_id
        tag = project.add_tag("t").id
        ids = project.article_ids(sid)
        for aid in ids:
            text = project.get_article(aid).text
            project.annotate_many([(aid, tag, s, s + 1 + s % 9) for s in range(0, len(text) - 10, 5)])
    return sid, ids


def _all_near(conn, article_id, _replaced, before=False):
    return {r[0] for r in conn.execute("SELECT id FROM annotations WHERE article_id = ?", (article_id,))}


def _state(path: Path) -> tuple[list, list]:
    annotations = rows(path, "SELECT * FROM annotations ORDER BY id")
    edits = rows(path, "SELECT op, article_id, params, before, after, steps FROM edits ORDER BY id")
    return annotations, edits


def _replay(path: Path, article_id: int, corrections: list[tuple[int, int, str]]) -> None:
    with Project.open(path, author="t") as project:
        for at, size, text in corrections:
            article = project.get_article(article_id)
            start = at % (len(article.text) + 1)
            loc = project.locate(article_id, start)
            room = len(article.blocks[loc.block_index].text) - loc.offset_in_block
            end = start + min(size, room)
            if article.text[start:end] == text or (start == end and not text):
                continue
            project.correct(article_id, start, end, text)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("narrow") / "base.jiaokan"
    _sid, ids = _annotated(path)
    return path, ids


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(0, 100),
    corrections=st.lists(
        st.tuples(st.integers(0, 5_000), st.integers(0, 6), st.text(alphabet=ALPHABET, max_size=3)),
        min_size=1,
        max_size=4,
    ),
)
def test_narrowed_correction_stores_what_the_full_one_does(annotated, tmp_path_factory, which, corrections):
    base, ids = annotated
    article_id = ids[which % len(ids)]
    folder = tmp_path_factory.mktemp("copies")
    narrowed, full = folder / "narrowed.jiaokan", folder / "full.jiaokan"
    shutil.copy(base, narrowed)
    shutil.copy(base, full)
    _replay(narrowed, article_id, corrections)
    kept = edit_log._near
    edit_log._near = _all_near  # the reference: every annotation of the article is near
    try:
        _replay(full, article_id, corrections)
    finally:
        edit_log._near = kept
    assert _state(narrowed) == _state(full)
    assert rows(narrowed, "SELECT count(*) FROM edits") == rows(full, "SELECT count(*) FROM edits")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.booleans()), min_size=1, max_size=25),
    start=st.integers(0, 40),
    size=st.integers(0, 6),
    length=st.integers(0, 6),
)
def test_moving_annotations_through_one_replacement_matches_the_anchoring_rule(
    annotated, tmp_path_factory, spans, start, size, length
):
    """``annotations.map_through`` moves the annotations after a replacement in one UPDATE: same as the rule."""
    from db import anchoring, annotations

    base, ids = annotated
    path = tmp_path_factory.mktemp("map") / "p.jiaokan"
    shutil.copy(base, path)
    article_id, other = ids[0], ids[-1]
    with Project.open(path, author="t") as project, project.transaction():
        conn = project._cx.conn
        conn.execute("DELETE FROM annotations")
        tag = conn.execute("SELECT id FROM tags LIMIT 1").fetchone()[0]
        made = []
        for k, (a, n, orphaned) in enumerate(spans):
            on = other if k % 5 == 4 else article_id  # a few on another article: left alone
            cur = conn.execute(
                "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note,"
                " created_at, updated_at, orphaned) VALUES (?, ?, ?, ?, '', '', '', '', '', '', ?)",
                (on, tag, a, a + n, int(orphaned or n == 0)),
            )
            made.append((cur.lastrowid, anchoring.Span(on, a, a + n, bool(orphaned or n == 0))))
        step = ["replace", article_id, start, start + size, length]
        annotations.map_through(conn, [i for i, _ in made], [step])
        got = {
            r[0]: anchoring.Span(r[1], r[2], r[3], bool(r[4]))
            for r in conn.execute("SELECT id, article_id, char_start, char_end, orphaned FROM annotations")
        }
        conn.execute("DELETE FROM annotations")  # the copy is thrown away; keep the transaction small
    assert got == {i: anchoring.apply_steps(span, [step]) for i, span in made}
