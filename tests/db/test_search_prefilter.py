"""The raw-text test before folding, the fold table it reads, and search totals against a brute-force scan."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import Project, search_prefilter
from db.folding import fold, fold_query, squeeze
from db.search import SearchStats

from .search_fixtures import absent_phrases, article_texts, present_phrases, reference

ROOT = Path(__file__).resolve().parents[2]
#: Simplified and Traditional characters, ones a t2s phrase changes (沈默 → 沉默, 藉口 → 借口, 瞭解 → 了解),
#: a compatibility ideograph (U+F972, 沈), full-width and upper-case letters, and every kind of space.
_ALPHABET = "沈默沉藉口借瞭解了乾坤干劳動动勞职職工\uf972ＡａAa1１ \u3000\t\n"


def _script():
    spec = importlib.util.spec_from_file_location("make_fold_sources", ROOT / "scripts" / "make_fold_sources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fold_table_holds_every_single_character_fold_of_the_installed_opencc() -> None:
    from db import fold_sources_data

    assert fold_sources_data.OPENCC_VERSION == opencc.__version__, "run scripts/make_fold_sources.py"
    flat = "".join(fold_sources_data.PAIRS)
    shipped = set(zip(flat[::2], flat[1::2], strict=True))
    single = set(_script().single_folds().items())
    assert single <= shipped
    assert ("藉", "借") in shipped - single  # a phrase's fold (藉口 → 借口), not the character's


def test_the_fold_table_is_what_the_generator_writes_now() -> None:
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    if not tool.is_file():
        pytest.skip("this OpenCC wheel ships no opencc_dict tool to read its phrase dictionary with")
    assert _script().main(["--check"]) == 0


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=24), at=st.integers(0, 24), size=st.integers(1, 5))
def test_the_raw_text_test_never_rejects_a_text_whose_fold_holds_the_needle(text: str, at: int, size: int) -> None:
    folded = squeeze(fold(text)).text
    needle = folded[at : at + size]  # a query never holds the newline between blocks
    if needle and "\n" not in needle:
        assert search_prefilter.raw_text_filter(needle)(text)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=24), needle=st.text(alphabet=_ALPHABET, min_size=1, max_size=4))
def test_a_rejected_text_does_not_hold_the_needle(text: str, needle: str) -> None:
    needle = fold_query(needle)
    if needle and not search_prefilter.raw_text_filter(needle)(text):
        assert needle not in squeeze(fold(text)).text


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=24), needle=st.text(alphabet=_ALPHABET, min_size=1, max_size=4))
def test_hits_found_without_folding_are_the_hits_in_the_folded_text(text: str, needle: str) -> None:
    needle = fold_query(needle)
    spans = search_prefilter.literal_spans(needle)
    found = spans(text) if spans is not None else None
    if found is not None:
        sq = squeeze(fold(text))
        at = [i for i in range(len(sq.text)) if sq.text.startswith(needle, i)]
        expected, last_end = [], -1
        for i in at:  # non-overlapping, leftmost first, as a search reports them
            if i >= last_end:
                expected.append(sq.original_span(i, i + len(needle)))
                last_end = i + len(needle)
        assert found == expected


def test_hits_are_found_without_folding_only_when_that_is_sure() -> None:
    assert search_prefilter.literal_spans("沉默")("他沉 默了，沉默") == [(1, 4), (6, 8)]
    assert search_prefilter.literal_spans("沉默")("沈默") is None  # 沈 can fold to 沉: fold this one
    assert search_prefilter.literal_spans("沉默")("沈阳人沉默") == [(3, 5)]  # 沈 here cannot start a hit
    assert search_prefilter.literal_spans("劳动")("勞動，劳 动") == [(0, 2), (3, 6)]  # 勞, 動: one fold each
    assert search_prefilter.literal_spans("借")("藉口") is None  # 藉 stays 藉 alone, becomes 借 in 藉口
    assert search_prefilter.literal_spans("藉")("藉") is None


def test_the_raw_text_test_rejects_what_cannot_match() -> None:
    may_hold = search_prefilter.raw_text_filter(fold_query("沉默"))
    assert may_hold("他沈 默了") and may_hold("他沉默了") and may_hold("\uf972默")
    assert not may_hold("沉\n默") and not may_hold("默沉") and not may_hold("沉着，默然")


def test_without_a_table_for_the_installed_opencc_there_is_no_raw_text_test(monkeypatch, project, pages) -> None:
    from db import fold_sources_data

    before = reference(project, "职工")
    assert search_prefilter.raw_text_filter("职工") is not None and search_prefilter.literal_spans("职工") is not None
    monkeypatch.setattr(fold_sources_data, "OPENCC_VERSION", "0.0.0")
    search_prefilter.forget_tables()
    try:
        assert search_prefilter.raw_text_filter("职工") is None and search_prefilter.literal_spans("职工") is None
        stats = SearchStats()
        hits = project.search("职工", limit=10_000, stats=stats).hits
        assert sorted((h.article_id, h.start, h.end) for h in hits) == before
        assert stats.folded == stats.candidates  # every candidate folded
    finally:
        monkeypatch.undo()
        search_prefilter.forget_tables()


def test_a_phrase_folded_only_in_context_is_found(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "trad.txt"
    page.write_text("標題\n\n他沈默了很久，找藉口離開。\n\n另一段：沈 默是金。\n", encoding="utf-8")
    project.import_file(page)
    for query in ("沉默", "借口", "沈默"):
        result = project.search(query, limit=100)
        assert sorted((h.article_id, h.start, h.end) for h in result.hits) == reference(project, query) != []


def test_an_absent_phrase_whose_trigrams_are_common_reads_candidates_but_folds_none(
    project: Project, tmp_path: Path
) -> None:
    """Articles holding both trigrams of 甲乙丙丁 apart: the index names them all, the raw text rejects them."""
    for n in range(5):
        page = tmp_path / f"p{n}.txt"
        page.write_text(f"题{n}\n\n" + "".join(f"第{k}段甲乙丙，又见乙丙丁。\n\n" for k in range(3)), encoding="utf-8")
        project.import_file(page)
    stats = SearchStats()
    result = project.search("甲乙丙丁", stats=stats)
    assert result.hits == () and result.total == 0 and result.total_is_exact
    assert stats.candidates >= 5 and stats.folded == 0 and stats.lookups == 1
    assert project.search("乙丙丁").total == len(reference(project, "乙丙丁")) == 15


def _random_queries(project: Project, seed: int) -> list[str]:
    """Present queries of 1-4 characters cut at random, and absent phrases chaining two present pairs."""
    rng = random.Random(seed)
    texts = article_texts(project)
    present = present_phrases(texts, rng, 12, (1, 4))
    absent = absent_phrases(texts, rng, 8)
    assert len(absent) == 8
    return present + absent


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_totals_and_hits_match_a_brute_force_scan(project: Project, pages: dict[str, int], seed: int) -> None:
    for query in _random_queries(project, seed):
        every = reference(project, query)
        result = project.search(query, limit=100)
        assert [(h.article_id, h.start, h.end) for h in result.hits] == every[:100], query
        assert result.more == (len(every) > 100)
        if result.total_is_exact:
            assert result.total == len(every), query
