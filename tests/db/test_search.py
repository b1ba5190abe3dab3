"""Search: Simplified/Traditional-blind, space-blind, 1-, 2- and 3+-character queries, regexes, KWIC rows."""

from __future__ import annotations

import random
import re
import threading
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import Project, QueryError
from db.folding import fold, fold_pattern, fold_query, squeeze, t2s
from db.search import SearchCancelled, SearchTooLong

from .conftest import SAMPLE_PAGES, SMALL_PAGE
from .search_fixtures import reference


def _hits(project: Project, query: str, **kw) -> list[tuple[int, int, int]]:
    return sorted((h.article_id, h.start, h.end) for h in project.search(query, limit=10_000, **kw).hits)


def test_simplified_finds_traditional_and_back(project: Project, pages: dict[str, int]) -> None:
    for query in ("职工服务中心", "職工服務中心"):
        hits = project.search(query, limit=100).hits
        sources = {h.source_id for h in hits}
        assert sources == {pages["simplified"], pages["traditional"]}
        for h in hits:  # the hit is shown as the article has it
            text = project.get_article(h.article_id).text
            assert text[h.start : h.end] == h.hit
            assert h.hit in ("职工服务中心", "職工服務中心")


@pytest.mark.parametrize("length", [1, 2, 3, 4, 7])
def test_queries_of_every_length_find_every_hit(project: Project, pages: dict[str, int], length: int) -> None:
    rng = random.Random(length)
    texts = [project.get_article(a).text for s in project.list_sources() for a in project.article_ids(s.id)]
    for _ in range(12):
        text = rng.choice(texts)
        i = rng.randrange(0, len(text) - length)
        query = text[i : i + length]
        if not query.strip() or "\n" in query:
            continue
        assert _hits(project, query) == reference(project, query), query


def test_one_and_two_character_chinese_queries(project: Project, pages: dict[str, int]) -> None:
    assert len(_hits(project, "站")) == len(reference(project, "站")) > 2
    assert len(_hits(project, "驿站")) == len(reference(project, "驿站")) >= 2  # 驛站 in the Traditional page
    assert _hits(project, "驛") == _hits(project, "驿")


def test_spaces_do_not_matter(project: Project, source_id: int, article_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    project.correct(article_id, s + 2, s + 2, " \u3000")  # a PDF-style spurious gap: 法律 　援助站
    hits = project.search("法律援助").hits
    assert [(h.start, h.end, h.hit) for h in hits if h.start == s] == [(s, s + 6, "法律 \u3000援助")]
    assert any(h.start == s for h in project.search("法 律 援 助").hits)


def test_headlines_are_searched(project: Project, source_id: int) -> None:
    first = project.list_articles(source_id)[0]
    title = first.headline.split()[-1][:5]
    hits = project.search(title).hits
    assert any(h.article_id == first.id and h.headline == first.headline for h in hits)


def test_kwic_rows(project: Project, source_id: int, article_id: int) -> None:
    text = project.get_article(article_id).text
    hit = project.search("法律援助站", context=10).hits[0]
    assert hit.article_id == article_id and hit.source_id == source_id and hit.source_name == SMALL_PAGE.name
    assert hit.left == text[hit.start - 10 : hit.start] and hit.right == text[hit.end : hit.end + 10]
    assert hit.left + hit.hit + hit.right in text


def test_non_bmp_text(project: Project, article_id: int) -> None:
    project.correct(article_id, 3, 3, "𠀋")
    hits = project.search("𠀋").hits
    assert [(h.article_id, h.start, h.end) for h in hits] == [(article_id, 3, 4)]
    assert hits[0].hit == "𠀋"


def test_regex(project: Project, pages: dict[str, int]) -> None:
    hits = project.search(r"职工.{0,3}中心", regex=True).hits
    assert hits and all(h.hit.startswith(("职工", "職工")) for h in hits)
    assert {h.source_id for h in hits} >= {pages["simplified"], pages["traditional"]}
    trad = project.search(r"職工\S{2}中心", regex=True).hits
    assert {(h.article_id, h.start) for h in trad} <= {(h.article_id, h.start) for h in hits}
    assert project.search(r"\d+个", regex=True).hits
    assert not project.search(r"x*", regex=True).hits  # empty matches are not hits


def test_regex_literal_folding_keeps_syntax() -> None:
    assert fold_pattern("（勞動）[Ａ-Ｚ]+") == r"\(劳动\)[a-z]+"


@pytest.mark.parametrize(
    ("query", "regex", "message"),
    [
        ("", False, "empty"),
        ("   ", False, "empty"),
        ("\u3000", True, "empty"),
        ("职工(", True, "invalid regular expression: missing ), unterminated subpattern at position 2"),
        ("[", True, "invalid regular expression"),
        ("*职工", True, "nothing to repeat at position 0"),
        ("x" * 2000, False, "too long"),
    ],
)
def test_malformed_queries_give_typed_errors(
    project: Project, source_id: int, query: str, regex: bool, message: str
) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        project.search(query, regex=regex)


@pytest.mark.parametrize("query", ['"', '"职工', "职工 AND 中心", "NEAR(职工", "职工*", "-职工", "'", "：“", "^"])
def test_fts_syntax_is_just_text(project: Project, source_id: int, query: str) -> None:
    result = project.search(query)
    assert sorted((h.article_id, h.start, h.end) for h in result.hits) == reference(project, query)[:100]


def test_limit_offset_and_more(project: Project, pages: dict[str, int]) -> None:
    every = _hits(project, "职工")
    assert len(every) > 12
    first = project.search("职工", limit=5)
    assert len(first.hits) == 5 and first.more
    second = project.search("职工", limit=5, offset=5)
    assert [(h.article_id, h.start) for h in first.hits + second.hits] == [(a, s) for a, s, _ in every[:10]]
    tail = project.search("职工", limit=1000, offset=len(every) - 2)
    assert len(tail.hits) == 2 and not tail.more
    with pytest.raises(QueryError):
        project.search("职工", limit=0)


def test_filters_and_old_versions(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    text = SMALL_PAGE.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    v1 = project.import_file(page).source_id
    page.write_text(text.replace("心理驿站", "心理驛站"), encoding="utf-8")
    v2 = project.import_file(page).source_id
    assert {h.source_id for h in project.search("法律援助站").hits} == {v2}
    assert {h.source_id for h in project.search("法律援助站", include_superseded=True).hits} == {v1, v2}
    assert {h.source_id for h in project.search("站", source_id=v2).hits} == {v2}


def test_t2s_is_length_preserving_even_when_a_phrase_is_not() -> None:
    def odd(text: str) -> str:  # a converter with one phrase that shrinks, as a dictionary might
        return text.replace("乾隆年間", "乾隆间").replace("們", "们")

    text = "他們說乾隆年間的事。"
    out = t2s(text, odd)
    assert len(out) == len(text)
    assert out[1] == "们"  # the rest is still converted
    assert t2s(text) == opencc.OpenCC("t2s").convert(text)
    assert len(fold("ＡＢＣ，劳動　𠀋")) == len("ＡＢＣ，劳動　𠀋")


@pytest.mark.parametrize("gap", [" ", "\u3000", "\t", "\u2002", "\xa0 "])
def test_hits_across_any_kind_of_space(project: Project, article_id: int, gap: str) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    project.correct(article_id, s + 2, s + 2, gap)
    hits = [(h.start, h.end) for h in project.search("法律援助").hits]
    assert (s, s + 4 + len(gap)) in hits
    assert _hits(project, "律援") == reference(project, "律援")


# -- totals, time limits, cancellation -------------------------------------------------------------


@pytest.mark.parametrize("query", ["职", "职工", "工会", "法律援助站", "劳動"])
def test_total_counts_every_hit(project: Project, pages: dict[str, int], query: str) -> None:
    every = reference(project, query)
    for limit in (1, 3, 10_000):
        result = project.search(query, limit=limit)
        assert result.total_is_exact
        assert result.total == len(every)
        assert result.more == (len(every) > limit)


def test_total_is_estimated_when_counting_would_cost_more_than_the_budget(
    project: Project, pages: dict[str, int]
) -> None:
    from db import search as search_module

    exact = len(reference(project, "工"))
    assert exact > 20
    estimated = search_module.search(project._cx, "工", limit=1, count_budget=0.0)
    assert not estimated.total_is_exact
    assert len(estimated.hits) == 1 and estimated.more
    assert 1 < estimated.total < 5 * exact  # extrapolated from the articles counted, not a guess
    assert search_module.search(project._cx, "工", limit=1).total == exact


def test_absent_phrase_of_present_pairs_has_no_hits_and_an_exact_zero(project: Project, pages: dict[str, int]) -> None:
    text = fold_query(project.get_article(project.article_ids(pages["simplified"])[0]).text)
    pairs = [text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].isalpha()]
    # two pairs that occur, chained by a shared character into a phrase that does not occur
    phrase = next(
        a + b[1]
        for a in pairs
        for b in pairs
        if a[1] == b[0] and (a + b[1]) not in text and not reference(project, a + b[1])
    )
    result = project.search(phrase)
    assert result.hits == () and result.total == 0 and result.total_is_exact


@pytest.mark.timeout(30)  # a hang fails here; the default limit is 1 s of the search's CPU time
def test_catastrophic_regex_returns_or_reports_too_long(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "run.txt"
    page.write_text("标题在这里\n\n" + "a" * 40 + "b\n\n正文一段，没有别的。\n", encoding="utf-8")
    project.import_file(page)
    outcomes = {}
    for pattern in ("(a+)+$", "(a|aa)+$"):
        try:
            result = project.search(pattern, regex=True)
        except SearchTooLong as exc:
            assert "took too long" in str(exc)
            outcomes[pattern] = "too long"
        else:
            assert result.hits == () and result.total == 0  # no run of a's ends the text
            outcomes[pattern] = "no hits"
    assert outcomes["(a|aa)+$"] == "too long"  # the engine cannot settle this one by cleverness
    assert project.search("a{40}b", regex=True).total == 1  # the store still answers afterwards


def test_regex_time_limit_stops_with_a_clear_error(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "run.txt"
    page.write_text("标题在这里\n\n" + "a" * 40 + "b\n", encoding="utf-8")
    project.import_file(page)
    with pytest.raises(SearchTooLong, match="took too long"):
        project.search("(a|aa)+$", regex=True, time_limit=0.2)


def test_cancel_token_stops_a_search(project: Project, pages: dict[str, int]) -> None:
    event = threading.Event()
    event.set()
    with pytest.raises(SearchCancelled):
        project.search("职工", cancel=event)
    with pytest.raises(SearchCancelled):
        project.search("职.", regex=True, cancel=lambda: True)
    assert project.search("职工", cancel=threading.Event()).hits  # an unset token changes nothing


@pytest.mark.parametrize("query", ["职工\ud800", "\udcff", "a\udfff"])
@pytest.mark.parametrize("regex", [False, True])
def test_lone_surrogate_is_a_clear_error(project: Project, source_id: int, query: str, regex: bool) -> None:
    with pytest.raises(QueryError, match="lone surrogate"):
        project.search(query, regex=regex)


def test_cli_prints_the_total_and_refuses_undecodable_queries(project_path: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    with Project.open(project_path) as p:
        p.import_paths(SAMPLE_PAGES)
        exact = p.search("职工", limit=10_000).total
    env_cmd = [sys.executable, "-m", "jiaokan", "search", "-p", str(project_path)]
    done = subprocess.run([*env_cmd, "职工", "--limit", "2"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert f"{exact} hits" in done.stderr and len(done.stdout.splitlines()) == 2
    undecodable = b"\xff".decode("utf-8", "surrogateescape")  # what Python makes of a non-UTF-8 argument
    bad = subprocess.run([*env_cmd, undecodable], capture_output=True, timeout=60)
    assert bad.returncode == 2  # the command line's frame: an argument it cannot use
    assert b"Traceback" not in bad.stderr and b"not valid text" in bad.stderr
    assert len(bad.stderr.splitlines()) == 1


@pytest.mark.parametrize("pattern", ["职工.{0,6}服务", "工会.{0,3}组织", "(工会|职工)[^，]{0,5}中心", "[0-9]+个"])
def test_regex_with_several_required_literals_finds_every_hit(
    project: Project, pages: dict[str, int], pattern: str
) -> None:
    import regex as regex_engine

    rx = regex_engine.compile(fold_pattern(pattern), regex_engine.IGNORECASE)
    expected = []
    for s in project.list_sources():
        for aid in project.article_ids(s.id):
            expected += [(aid, m.start(), m.end()) for m in rx.finditer(fold(project.get_article(aid).text))]
    result = project.search(pattern, regex=True, limit=10_000)
    assert sorted((h.article_id, h.start, h.end) for h in result.hits) == sorted(expected)
    assert result.total == len(expected) and result.total_is_exact


_WIDE_ALPHABET = "劳動勞动乾干後后里裏發发髮頭头，。：（）ＡｂＣ１ ab1\u3000\n"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_WIDE_ALPHABET, max_size=30), at=st.integers(0, 30), size=st.integers(1, 4))
def test_a_needle_without_ascii_matches_the_t2s_text_where_it_matches_the_folded_one(text, at, size) -> None:
    """Why the search may skip width and case folding for such needles: same hits, same places."""
    needle = fold_query(text[at : at + size])
    if not needle or any(c.isascii() for c in needle):
        return

    def places(s: str) -> list[int]:
        return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", squeeze(s).text)]

    assert places(t2s(text)) == places(fold(text))


def test_the_index_after_typing_holds_exactly_the_tokens_of_the_text(project: Project, pages: dict[str, int]) -> None:
    """Corrections typed one after another update the article's index row from the stretch that
    changed (the article recognised by its text); the row then holds what indexing afresh gives."""
    from db.search_index import IndexedText

    conn = project._cx.conn
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_grams, row)")

    def indexed_terms() -> set[str]:
        return {term for term, docs in conn.execute("SELECT term, doc FROM temp.vocab") if docs > 0}

    articles = [a for s in project.list_sources() for a in project.article_ids(s.id)]
    rng = random.Random(3)
    target = articles[0]
    for n in range(12):  # typing, deleting and replacing, mostly in one article
        article_id = target if n % 4 else rng.choice(articles)
        text = project.get_article(article_id).text
        at = rng.randrange(1, len(text) - 2)
        if text[at] == "\n" or text[at - 1] == "\n":
            continue
        end = at + rng.choice((0, 1, 1, 2)) if text[at + 1] != "\n" else at + 1
        project.correct(article_id, at, end, rng.choice(("甲", "乙丙", "Ｘ", "體")))
    fresh = set()
    for article_id in articles:
        fresh |= IndexedText.of(fold(project.get_article(article_id).text)).grams
    assert indexed_terms() == fresh
