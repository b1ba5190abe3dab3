"""The screen of candidates through their runs (db/search_runs.py): never says no to an article that holds the query.

Checked two ways: on raw texts and runs made up by hypothesis (every kind of gap, runs going
back, empty and out-of-range runs, Traditional forms), against the text the ``blocks`` view
derives; and on projects (the sample pages in both scripts, and blocks whose runs were rewritten
to skip characters), where every query gives the same hits and totals with the screen and
without it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import Project, search
from db.folding import fold, fold_query, squeeze
from db.search import SearchStats
from db.search_runs import MAX_GAP, screen_for

from .search_fixtures import absent_phrases, article_texts, present_phrases, reference

#: Characters the made-up pages are written in: Simplified and Traditional forms (one folding
#: only in some phrases: 沈), whitespace of several kinds, and others of one and four bytes in UTF-8.
ALPHABET = "甲乙丙丁沉沈默驯馴发發干乾 \u3000\n。a𫄶"


def _derived(raw: str, blocks: list[list[list[int]]]) -> str:
    """The article's text as ``db.derived_text`` slices it."""
    return "\n".join("".join(raw[r0 : r0 + n] for _, r0, n in runs) for runs in blocks)


def _holds(text: str, needle: str) -> bool:
    """What the search finds: the needle in the folded text, spaces (not newlines) allowed between its characters."""
    return re.search(r"[^\S\n]*".join(map(re.escape, needle)), fold(text)) is not None


_runs = st.lists(st.tuples(st.integers(-2, 40), st.integers(0, 6)), max_size=5)


@settings(max_examples=400, deadline=None)
@given(
    raw=st.text(alphabet=ALPHABET, max_size=40),
    blocks=st.lists(_runs, min_size=1, max_size=3),
    cut=st.tuples(st.integers(0, 60), st.integers(3, 5)),
    made_up=st.text(alphabet=ALPHABET, min_size=3, max_size=5),
)
def test_the_screen_never_rejects_an_article_that_holds_the_query(raw, blocks, cut, made_up) -> None:
    runs = [[[0, r0, n] for r0, n in block] for block in blocks]
    text = _derived(raw, runs)
    squeezed = squeeze(fold(text)).text.replace("\n", "")
    at, size = cut
    for needle in {squeezed[at : at + size], fold_query(made_up)}:
        screen = screen_for(needle)
        if screen is None:  # under three characters
            continue
        tested, got = screen.read(raw.encode(), json.dumps(runs))
        if tested and got is None:
            assert not _holds(text, needle), (raw, runs, needle)
        elif tested:
            assert got == text


def test_the_screen_tests_runs_with_small_gaps_and_leaves_the_others_to_the_text() -> None:
    raw = "甲乙\n丙丁\n戊己庚\n" + "x" * 20 + "辛壬\n"
    needle = fold_query("乙丙丁戊")
    screen = screen_for(needle)
    line_by_line = [[[0, 0, 2], [2, 3, 2], [4, 6, 3]]]
    page = raw.encode()
    assert screen.read(page, json.dumps(line_by_line)) == (True, "甲乙丙丁戊己庚")  # across two line ends
    two_blocks = json.dumps([[[0, 0, 2]], [[0, 3, 2], [2, 6, 3]]])
    assert screen.read(page, two_blocks) == (True, "甲乙\n丙丁戊己庚")  # may hold: the search then finds no hit
    assert screen_for(fold_query("丙丁己庚")).read(page, two_blocks) == (True, "甲乙\n丙丁戊己庚")  # may skip 戊
    assert screen_for(fold_query("乙丙庚")).read(page, two_blocks) == (True, None)  # cannot skip 戊己
    skipping = [[[0, 6, 3], [3, 30, 2]]]  # a skipped line: more than MAX_GAP characters
    assert 30 - 9 > MAX_GAP and screen.read(page, json.dumps(skipping)) == (False, None)
    backwards = [[[0, 3, 2], [2, 0, 2]]]
    assert screen.read(page, json.dumps(backwards)) == (False, None)
    assert screen.read(page, json.dumps([[[0, 0, 0], [0, 3, 2]]])) == (False, None)  # an empty run
    assert screen.read(page, json.dumps([[[0, 60, 2]]])) == (False, None)  # past the page's end
    assert screen.read(page, "[[[0, 1.5, 2]]]") == (False, None)  # not the view's runs
    assert screen.read(page, None) == (False, None)  # a block stores its text
    assert screen_for("甲乙") is None and screen_for(fold_query("甲 乙丙")) is not None


def _same_with_and_without_screen(project: Project, queries: list[str], monkeypatch) -> int:
    """Search every query both ways (every hit counted); returns how many candidates the screen ruled out."""
    screened = 0
    for query in queries:
        results = []
        for screen in (True, False):
            monkeypatch.setattr(search, "SCREEN_RUNS", screen)
            stats = SearchStats()
            result = project.search(query, limit=10_000, count_budget=60.0, stats=stats)
            results.append((result.hits, result.total, result.total_is_exact, result.more))
            screened += stats.screened if screen else 0
        assert results[0] == results[1], query
        assert results[0][1] == len(reference(project, query)), query
    return screened


def _queries(project: Project, seed: int) -> list[str]:
    """Present phrases of 3-6 characters cut at random (also crossing line ends), their Traditional
    forms, and absent phrases chaining three present pairs."""
    rng = random.Random(seed)
    texts = article_texts(project)
    present = present_phrases(texts, rng, 10, (3, 6))
    to_traditional = opencc.OpenCC("s2t").convert
    return present + [to_traditional(q) for q in present[:5]] + absent_phrases(texts, rng, 10)


@pytest.mark.parametrize("seed", [1, 2])
def test_hits_and_totals_are_those_of_reading_every_text(project, pages, tmp_path, monkeypatch, seed) -> None:
    """The sample pages in both scripts, and pages whose articles hold 甲乙丙 and 乙丙丁 apart, wrapped over lines."""
    for n in range(4):
        page = tmp_path / f"p{n}.txt"
        body = "".join(f"第{k}段甲乙丙，又见乙丙丁。馴\n馬發展乙丙\n丁甲乙\n\n" for k in range(3))
        page.write_text(f"题{n}\n\n" + (opencc.OpenCC("s2t").convert(body) if n % 2 else body), encoding="utf-8")
        project.import_file(page)
    made_up = ["甲乙丙丁", "乙丙丁甲", "又见甲乙", "驯马发展", "丙丁甲乙", "发展乙丙丁", "乙丙丁甲乙"]
    screened = _same_with_and_without_screen(project, _queries(project, seed) + made_up, monkeypatch)
    assert screened > 0  # the absent phrases' candidates were ruled out from the raw text
    assert reference(project, "乙丙丁甲乙") and reference(project, "发展乙丙丁")  # found across line ends


def test_runs_that_skip_go_back_or_are_edited_give_the_same_hits(project: Project, tmp_path: Path, monkeypatch) -> None:
    """Blocks whose runs skip characters (a space, two, whole lines), go back or are empty; an edited block."""
    lines = ["标题甲乙", "本报记者 丙丁"] + [f"第{k}行甲乙丙　丁戊己庚辛，壬癸甲乙丙。" for k in range(10)]
    for n in range(3):  # three pages (the same page is not imported twice)
        (tmp_path / f"{n}.txt").write_text("\n\n".join(lines) + "\n\n附记" * n + "\n", encoding="utf-8")
        project.import_file(tmp_path / f"{n}.txt")
    raw = (tmp_path / "0.txt").read_text(encoding="utf-8")
    at = [m.start() + 3 for m in re.finditer(r"(?m)^第", raw)]  # where 甲 stands in each line
    page_of_runs = {
        1: [
            [[0, at[0], 3], [3, at[0] + 4, 5]],  # skips a space: 甲乙丙丁戊己庚辛
            [[0, at[1], 3], [3, at[1] + 5, 4]],  # skips "　丁": 甲乙丙戊己庚辛
        ],
        2: [
            [[0, at[2], 3], [3, at[5], 6]],  # skips whole lines: 甲乙丙甲乙丙　丁戊
            [[0, at[7] + 2, 4], [4, at[6], 3]],  # goes back: 丙　丁戊甲乙丙
            [[0, at[8], 3], [3, at[8], 0], [3, at[8] + 4, 3]],  # an empty run: 甲乙丙丁戊己
        ],
    }
    blocks = "SELECT b.id, b.runs FROM block_store b JOIN articles a ON a.id = b.article_id WHERE a.source_id = ?"
    with project._cx.write() as conn:
        for source_id, rewritten in page_of_runs.items():  # every block derived, some from rewritten runs
            derived = conn.execute(blocks + " ORDER BY b.position", (source_id,)).fetchall()
            for (block_id, runs), new in zip(derived, [None, None, *rewritten] + [None] * len(derived), strict=False):
                conn.execute("UPDATE block_store SET runs = ?, text = NULL WHERE id = ?",
                             (json.dumps(new) if new else runs, block_id))
        edited = conn.execute(blocks + " ORDER BY b.position LIMIT 1 OFFSET 3", (3,)).fetchone()[0]
        conn.execute("UPDATE block_store SET text = '甲乙丙丁戊己' WHERE id = ?", (edited,))
    project.rebuild_search_index()
    queries = ["甲乙丙丁", "乙丙戊己", "甲乙丙甲乙丙", "戊甲乙丙", "丙丁戊己", "庚辛第", "乙丙　丁", "己庚辛壬"]
    for query in queries[:4]:
        assert reference(project, query), query  # found only across a rewritten junction or in the edited text
    traditional = [opencc.OpenCC("s2t").convert(q) for q in queries]
    absent = ["癸甲乙丙丁", "壬癸甲乙丙丁戊"]  # every trigram present, the phrase not
    screened = _same_with_and_without_screen(project, queries + traditional + absent, monkeypatch)
    assert screened > 0
