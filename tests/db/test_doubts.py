"""The engine's confidences in the store, its doubts as a worklist, and the engine report."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from db import Project, engine_record, reports, sources
from db.doubts import ARTICLE, DOUBT_THRESHOLD, PARAGRAPH
from db.errors import EditError
from db.rows import named
from db.schema import SCHEMA_VERSION

from .conftest import FIXTURES, ROOT, SMALL_PAGE

STYLE_B = SMALL_PAGE.with_name("style_b_small.txt")


def import_with_confidences(project: Project, page: Path, blocks: dict, articles: dict) -> int:
    """Import ``page`` through the real import path, the engine's confidences set as given.

    ``blocks`` maps (article index, block index) to a block's confidence, ``articles`` an
    article index to the article's; every other confidence is set to 1.0.
    """
    prep = sources.prepare(page.read_bytes(), str(page))
    for art in prep.articles:  # sure everywhere but where the test says: the worklist, not the engine
        art.confidence = 1.0
        for block in art.blocks:
            block.confidence = 1.0
    for (a, b), value in blocks.items():
        prep.articles[a].blocks[b].confidence = value
    for a, value in articles.items():
        prep.articles[a].confidence = value
    outcome = sources.store(project._cx, prep)
    assert outcome.source_id is not None, outcome.reason
    return outcome.source_id


@pytest.fixture
def doubtful(project: Project) -> int:
    """The small page (article 0: kicker, title, 5 paragraphs; 1: photo; 2: title, byline, 4 paragraphs)."""
    return import_with_confidences(project, SMALL_PAGE, {(0, 3): 0.42, (0, 5): 0.95, (2, 4): 0.61}, {2: 0.3})


def _block_ids(project: Project, article_id: int) -> list[int]:
    return [b.id for b in project.get_article(article_id).blocks]


# -- storing the confidences ----------------------------------------------------------------------


def test_confidences_round_trip_through_the_store(project: Project, doubtful: int) -> None:
    ids = project.article_ids(doubtful)
    with project._cx.read() as conn:
        record = engine_record.for_source(conn, doubtful)
        by_block = engine_record.confidences(conn, ids[2])
    assert [a.article_id for a in record] == ids and [a.engine_index for a in record] == [0, 1, 2]
    assert [a.confidence for a in record] == [1.0, 1.0, 0.3]
    first = record[0]
    assert [b.confidence for b in first.blocks] == [1.0, 1.0, 1.0, 0.42, 1.0, 0.95, 1.0]
    assert [b.role for b in first.blocks] == [b.role.value for b in project.get_article(ids[0]).blocks]
    assert [b.runs for b in first.blocks] == [b.runs for b in project.get_article(ids[0]).blocks]
    # the boundary before an article's first block is the article's
    third = _block_ids(project, ids[2])
    assert by_block[third[0]] == 0.3 and by_block[third[4]] == 0.61 and by_block[third[1]] == 1.0


def test_an_ordinary_import_stores_the_engines_confidences(project: Project, source_id: int) -> None:
    with project._cx.read() as conn:
        record = engine_record.for_source(conn, source_id)
    blocks = [b for a in record for b in a.blocks]
    assert record and len(blocks) == sum(len(project.get_article(a).blocks) for a in project.article_ids(source_id))
    assert all(0.0 <= b.confidence <= 1.0 for b in blocks)


def test_a_new_version_keeps_its_own_record(project: Project, doubtful: int) -> None:
    outcome = project.reflow_source(doubtful)
    assert outcome.source_id not in (None, doubtful)
    with project._cx.read() as conn:
        old, new = engine_record.for_source(conn, doubtful), engine_record.for_source(conn, outcome.source_id)
    assert len(old) == len(new) == 3 and {a.article_id for a in old}.isdisjoint(a.article_id for a in new)
    assert project.doubts.open() == []  # the worklist is the latest version's, which the engine of today is sure of
    assert len(project.doubts.open(source_id=doubtful)) == 3  # the old version's doubts are still there


def test_confidences_out_of_range_are_stored_as_probabilities(project: Project) -> None:
    sid = import_with_confidences(project, SMALL_PAGE, {(0, 2): -0.5, (0, 3): 7.0, (0, 4): float("nan")}, {})
    with project._cx.read() as conn:
        blocks = engine_record.for_source(conn, sid)[0].blocks
    assert [b.confidence for b in blocks[2:5]] == [0.0, 1.0, 1.0]


# -- the worklist ----------------------------------------------------------------------------------


def test_open_doubts_in_reading_order(project: Project, doubtful: int) -> None:
    ids = project.article_ids(doubtful)
    found = project.doubts.open()
    assert DOUBT_THRESHOLD == 0.8
    assert [(d.article_id, d.block_position, d.kind, d.confidence) for d in found] == [
        (ids[0], 3, PARAGRAPH, 0.42),  # 0.95 is above the threshold: not a doubt
        (ids[2], 0, ARTICLE, 0.3),
        (ids[2], 4, PARAGRAPH, 0.61),
    ]
    raw = project.get_source(doubtful).raw_text
    block = project.get_article(ids[0]).blocks[3]
    assert raw[found[0].raw_offset] == block.text[0]
    assert project.doubts.counts() == {doubtful: Counter({ids[0]: 1, ids[2]: 2})}
    assert project.doubts.counts([doubtful, 99]) == {doubtful: Counter({ids[0]: 1, ids[2]: 2}), 99: Counter()}
    assert [d.block_id for d in project.doubts.open(article_id=ids[2])] == [found[1].block_id, found[2].block_id]


def test_looks_right_resolves_and_reopen_brings_it_back(project: Project, doubtful: int) -> None:
    first = project.doubts.open()[0]
    project.doubts.confirm(first.block_id)
    assert first.block_id not in [d.block_id for d in project.doubts.open()]
    assert project.doubts.is_checked(first.block_id)
    assert project.doubts.counts()[doubtful][first.article_id] == 0
    with project._cx.read() as conn:
        who = conn.execute("SELECT author FROM doubt_checks WHERE block_id = ?", (first.block_id,)).fetchone()[0]
    assert who == "tester"
    project.doubts.reopen(first.block_id)
    assert project.doubts.open()[0] == first


def test_looks_right_is_refused_where_the_engine_drew_nothing(project: Project) -> None:
    with pytest.raises(EditError, match="no boundary"):
        project.doubts.confirm(1)


def test_a_join_at_the_boundary_resolves_it_and_undoing_the_join_reopens_it(project: Project, doubtful: int) -> None:
    doubt = project.doubts.open()[0]
    before = _block_ids(project, doubt.article_id)[doubt.block_position - 1]
    entry = project.join_with_next(before)
    assert doubt.block_id not in [d.block_id for d in project.doubts.open()]
    project.revert(entry.id)
    assert project.doubts.open()[0] == doubt


@pytest.mark.parametrize("at", ["doubtful", "before"])
def test_a_role_change_at_the_boundary_resolves_it(project: Project, doubtful: int, at: str) -> None:
    doubt = project.doubts.open()[0]
    blocks = _block_ids(project, doubt.article_id)
    target = blocks[doubt.block_position] if at == "doubtful" else blocks[doubt.block_position - 1]
    entry = project.set_block_role(target, "subhead")
    assert doubt.block_id not in [d.block_id for d in project.doubts.open()]
    project.revert(entry.id)
    assert doubt.block_id in [d.block_id for d in project.doubts.open()]


def test_edits_elsewhere_leave_the_doubt_open(project: Project, doubtful: int) -> None:
    doubt = project.doubts.open()[0]
    blocks = _block_ids(project, doubt.article_id)
    project.join_with_next(blocks[doubt.block_position])  # the doubtful block with the one after it
    project.correct(doubt.article_id, 0, 1, "X")
    project.split_block(blocks[doubt.block_position - 1], 5)  # the paragraph before it, in two
    still = [d for d in project.doubts.open() if d.block_id == doubt.block_id]
    assert still and still[0].block_position == doubt.block_position + 1


def test_article_splits_and_merges_resolve_their_boundaries(project: Project, doubtful: int) -> None:
    ids = project.article_ids(doubtful)
    paragraph = project.doubts.open()[0]
    entry = project.split_article(paragraph.block_id)  # a paragraph break that was really a new article
    assert paragraph.block_id not in [d.block_id for d in project.doubts.open()]
    project.revert(entry.id)
    article_start = next(d for d in project.doubts.open() if d.kind == ARTICLE)
    entry = project.merge_with_next(ids[1])  # an article start that was not one
    assert article_start.block_id not in [d.block_id for d in project.doubts.open()]
    project.revert(entry.id)
    assert article_start.block_id in [d.block_id for d in project.doubts.open()]
    project.move_block_to_previous(article_start.block_id)  # its first block belonged to the article before
    assert article_start.block_id not in [d.block_id for d in project.doubts.open()]


def test_upgrade_from_schema_1_has_no_doubts_and_no_engine_figures(tmp_path: Path) -> None:
    old = tmp_path / "old.jiaokan"
    shutil.copyfile(FIXTURES / "schema_v1.jiaokan", old)
    with Project.open(old) as p:
        assert p.schema_version() == SCHEMA_VERSION
        assert p.doubts.open() == [] and p.doubts.counts() == {}
        sid = p.list_sources()[0].id
        p.set_review_state(p.article_ids(sid)[0], "proofread")
        table = reports.report(p, "engine")
    assert table.rows[0][1] == 1 and table.rows[0][2:] == (None,) * 7
    conn = sqlite3.connect(old)
    names = {r["name"] for r in named(conn, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"engine_articles", "engine_blocks", "doubt_checks"} <= names


# -- the engine report ----------------------------------------------------------------------------------


def _row(table, name: str) -> tuple:
    return next(r for r in table.rows if r[0] == name)


def test_engine_report_compares_proofread_articles_with_the_engines_segmentation(
    project: Project, doubtful: int
) -> None:
    second = import_with_confidences(project, STYLE_B, {}, {})
    a_ids, b_ids = project.article_ids(doubtful), project.article_ids(second)
    assert reports.report(project, "engine").rows == [("Σ", 0, 0, 0, 0, None, None, None, None)]

    # page A, article 0 (5 paragraphs): the editor joins two of them, corrects a misprint, proofreads it
    a0 = _block_ids(project, a_ids[0])
    project.join_with_next(a0[3])
    project.correct(a_ids[0], 40, 41, "某")
    project.set_review_state(a_ids[0], "proofread")
    # page A, article 2 (title, byline, 4 paragraphs): proofread as the engine made it
    project.set_review_state(a_ids[2], "proofread")
    # page B, article 0 (kicker, title, byline, 3 paragraphs): its byline was a paragraph of the body
    b0 = _block_ids(project, b_ids[0])
    project.set_block_role(b0[2], "paragraph")
    project.set_review_state(b_ids[0], "proofread")

    table = reports.report(project, "engine")
    name_a, name_b = SMALL_PAGE.name, STYLE_B.name
    # A: editor 4 + 4 paragraphs, engine 5 + 4; 7 agree. P = 7/9, R = 7/8, F1 = 14/17
    # articles: article 2 agrees, article 0 does not: F1 = 1/2; both headlines agree; the byline agrees
    assert _row(table, name_a) == (name_a, 2, 2, 8, 9, round(14 / 17, 3), 0.5, 1.0, 1.0)
    # B: editor 4 paragraphs, engine 3 (its byline is not a paragraph); 3 agree: F1 = 6/7; no article agrees;
    # the headline agrees; the editor's article has no byline: nothing to count
    assert _row(table, name_b) == (name_b, 1, 1, 4, 3, round(6 / 7, 3), 0.0, 1.0, None)
    # pooled: 12 editor paragraphs, 12 engine paragraphs, 10 agree; 1 of 3 articles
    assert _row(table, "Σ") == ("Σ", 3, 3, 12, 12, round(10 / 12, 3), round(1 / 3, 3), 1.0, 1.0)
    assert table.columns[5:] == ("par_ws", "art", "head", "byline")


def test_engine_report_only_judges_engine_paragraphs_touching_proofread_text(project: Project, doubtful: int) -> None:
    ids = project.article_ids(doubtful)
    # the editor splits article 0 after its third paragraph and proofreads only the first part
    a0 = _block_ids(project, ids[0])
    project.split_article(a0[5])
    project.set_review_state(ids[0], "proofread")
    row = _row(reports.report(project, "engine"), SMALL_PAGE.name)
    # editor: 3 paragraphs; engine paragraphs touching them: those 3 (all agree); the engine article as a whole
    # (5 paragraphs) does not equal the proofread one: art 0
    assert row == (SMALL_PAGE.name, 1, 1, 3, 3, 1.0, 0.0, 1.0, None)  # the article has no byline


def test_report_engine_on_the_command_line(project: Project, doubtful: int, capsys) -> None:
    from jiaokan.cli import main

    ids = project.article_ids(doubtful)
    project.set_review_state(ids[2], "proofread")
    path = str(project.path)
    assert main(["report", "-p", path, "-k", "engine", "-f", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    header = "source,proofread articles,engine articles,editor paragraphs,engine paragraphs,par_ws,art,head,byline"
    assert out[0] == header
    assert out[1] == f"{SMALL_PAGE.name},1,1,4,4,1,1,1,1"


def test_engine_report_measures_are_those_of_the_shared_scorer(project: Project, doubtful: int) -> None:
    """The figures agree with ../shared/corpus/score.py itself on the same two sides."""
    import importlib.util

    from db.engine_report import compare_source

    scorer = ROOT.parent / "shared" / "corpus" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/corpus/score.py is not here to compare with")
    spec = importlib.util.spec_from_file_location("shared_score", scorer)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    ids = project.article_ids(doubtful)
    project.join_with_next(_block_ids(project, ids[0])[2])
    project.split_block(_block_ids(project, ids[2])[3], 10)
    for aid in ids:
        project.set_review_state(aid, "proofread")
    with project._cx.read() as conn:
        sides = compare_source(conn, doubtful, "page")

    def gold(side) -> dict:
        return {"paragraphs": side.paragraphs, "title": side.head or None, "byline": side.byline or None}

    editor, engine = [gold(e) for e in sides.editor], [gold(g) for g in sides.engine]
    ours = sides.metrics()
    whole = shared.score({"articles": editor}, {"articles": engine})
    paragraphs = shared.score({"articles": editor}, {"articles": [{"paragraphs": sides.engine_paragraphs}]})
    assert ours["par_ws"] == pytest.approx(paragraphs["par_ws"]) and ours["par_ws"] < 1.0
    assert ours["art"] == pytest.approx(whole["art"])
    assert (ours["head"], ours["byline"]) == (whole["head"], whole["byline"])  # matched by raw text, the same here
    assert ours["art"] == pytest.approx(1 / 3)  # only the photo article is as the engine made it


@pytest.mark.parametrize("seed", range(6))
def test_structure_edits_only_resolve_doubts_and_reverting_them_all_restores_the_worklist(
    project: Project, seed: int
) -> None:
    """Random joins, splits, role changes, moves, article splits and merges, then every one reverted."""
    import random

    from db.errors import StoreError

    rng = random.Random(seed)
    sizes = {0: 7, 1: 3, 2: 6}  # blocks of the small page's articles
    low = {(a, b): rng.choice((0.3, 0.5, 0.7, 0.9)) for a, n in sizes.items() for b in range(n) if rng.random() < 0.5}
    sid = import_with_confidences(project, SMALL_PAGE, low, {2: 0.2, 1: 0.6})
    before = project.doubts.open()
    assert before
    done: list[int] = []
    fewest = len(before)
    for _ in range(16):
        open_now = project.doubts.open()
        if open_now and rng.random() < 0.5:  # half the time at a doubtful boundary: either block beside it
            doubt = rng.choice(open_now)
            article = doubt.article_id
            blocks = _block_ids(project, article)
            block = blocks[max(0, doubt.block_position - rng.choice((0, 1)))]
        else:
            article = rng.choice(project.article_ids(sid))
            blocks = _block_ids(project, article)
            block = rng.choice(blocks)
        op = rng.choice(("join", "split", "role", "prev", "next", "split_article", "merge"))
        try:
            if op == "join":
                entry = project.join_with_next(block)
            elif op == "split":
                entry = project.split_block(block, 1)
            elif op == "role":
                entry = project.set_block_role(block, rng.choice(("paragraph", "subhead", "title", "byline")))
            elif op == "prev":
                entry = project.move_block_to_previous(blocks[0])
            elif op == "next":
                entry = project.move_block_to_next(blocks[-1])
            elif op == "split_article":
                entry = project.split_article(block)
            else:
                entry = project.merge_with_next(article)
        except StoreError:
            continue  # refused (e.g. nothing to join): nothing changed
        done.append(entry.id)
        now_open = {d.block_id for d in project.doubts.open()}
        assert now_open <= {d.block_id for d in before}  # an edit never makes a doubt
        fewest = min(fewest, len(now_open))
    assert len(done) >= 4 and fewest < len(before)  # the edits did happen, and resolved doubts on the way
    for edit_id in reversed(done):
        project.revert(edit_id)
    assert project.doubts.open() == before
