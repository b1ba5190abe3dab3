"""Search kept to pages by their attributes (db.page_filter): words as the library filter reads them, date ranges.

A real project in tmp_path with four pages of the same invented text under different dates, page
names and numbers; every count is checked against the hits of the pages the filter should keep.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import Project, QueryError
from db.page_filter import PageFilter

from .conftest import SMALL_PAGE

#: file name -> (date, page name, number) set on the page
PAGES = {
    "a.txt": ("2025-09-30", "要闻", 1),
    "b.txt": ("2025-10-01", "要闻", 3),
    "c.txt": ("2025-10-31", "评论", 4),
    "d.txt": (None, "理论", 13),
}


@pytest.fixture
def dated(project: Project, tmp_path: Path) -> dict[str, int]:
    """The same page four times (its words changed a little so the SHA-256 differs), each given its attributes."""
    ids = {}
    text = SMALL_PAGE.read_text(encoding="utf-8")
    for k, (name, (date, page_name, number)) in enumerate(PAGES.items()):
        path = tmp_path / name
        path.write_text(text + "\n" + "附记" * (k + 1) + "\n", encoding="utf-8")
        source_id = project.import_file(path).source_id
        project.set_source_attributes(source_id, date=date, name=page_name, number=number)
        ids[name] = source_id
    return ids


def _query(project: Project) -> str:
    """A two-character word of the page's first article: every page has it the same number of times."""
    article = project.get_article(project.article_ids(project.list_sources()[0].id)[0])
    return article.text.replace("\n", "")[4:6]


def _kept(project: Project, query: str, pages: PageFilter) -> tuple[set[str], int]:
    result = project.search(query, limit=1000, pages=pages)
    assert result.total_is_exact and result.total == len(result.hits)
    return {h.source_name for h in result.hits}, result.total


@pytest.mark.parametrize(
    ("words", "first", "last", "kept"),
    [
        ("", "", "", {"a.txt", "b.txt", "c.txt", "d.txt"}),
        ("要闻", "", "", {"a.txt", "b.txt"}),
        ("3", "", "", {"b.txt"}),  # a number is the page's number (13 is not 3)
        ("第13版", "", "", {"d.txt"}),
        ("要闻 第3版", "", "", {"b.txt"}),  # every word must match
        ("2025-10", "", "", {"b.txt", "c.txt"}),  # a date word: the date starts with it
        ("", "2025-10-01", "2025-10-31", {"b.txt", "c.txt"}),  # both ends included
        ("", "2025-10", "2025-10", {"b.txt", "c.txt"}),  # a month from its first day to its last
        ("", "2025年10月1日", "", {"b.txt", "c.txt"}),
        ("", "", "2025-09", {"a.txt"}),
        ("", "2025", "", {"a.txt", "b.txt", "c.txt"}),  # a page of unknown date is outside every range
        ("要闻", "2025-10", "", {"b.txt"}),
        ("体育", "", "", set()),
    ],
)
def test_hits_are_kept_to_the_pages_the_filter_keeps(project, dated, words, first, last, kept):
    query = _query(project)
    per_page = project.search(query, limit=1000).total // len(PAGES)
    assert per_page > 0
    names, total = _kept(project, query, PageFilter.parse(words, first, last))
    assert names == kept and total == per_page * len(kept)


def test_the_library_filter_has_the_same_meaning(project, dated):
    for words in ("要闻", "3", "第13版", "2025-10", "要闻 第3版"):
        listed = {s.name for s in project.list_sources(matching=words)}
        assert listed == _kept(project, _query(project), PageFilter.parse(words))[0], words


def test_the_filter_keeps_counting_beyond_the_first_page_of_hits(project, dated):
    query = _query(project)
    pages = PageFilter.parse("要闻")
    first = project.search(query, limit=1, pages=pages)
    assert first.more and first.total == _kept(project, query, pages)[1]
    rest = project.search(query, limit=1000, offset=1, pages=pages)
    assert {h.source_name for h in rest.hits} <= {"a.txt", "b.txt"} and len(rest.hits) == first.total - 1


#: (start, end) as typed, and what the refusal says
BAD_RANGES = {
    ("2025-13", ""): "the start of the date range, '2025-13', is not a day, month or year: write 2025-10-01",
    ("", "昨天"): "the end of the date range, '昨天', is not a day, month or year",
    ("2025-02-30", ""): "'2025-02-30', is not a day",
    ("2025-10-02", "2025-10-01"): "the date range is empty: it starts on 2025-10-02, after its end 2025-10-01",
    ("2025-11", "2025-10"): "the date range is empty",
}


@pytest.mark.parametrize("typed", sorted(BAD_RANGES))
def test_bad_filter_input_is_refused_with_one_line(typed):
    with pytest.raises(QueryError) as caught:
        PageFilter.parse("", *typed)
    assert BAD_RANGES[typed] in str(caught.value) and "\n" not in str(caught.value)


def test_an_empty_filter_keeps_everything():
    assert not PageFilter.parse("  ", " ", "")
    assert PageFilter.parse(" 要闻  3 ").words == "要闻 3"
    assert PageFilter.parse("", "2025-10", "2025-10") == PageFilter("", "2025-10", "2025-10")


# -- jiaokan search --pages/--from/--to -----------------------------------------------------------


def _cli(capsys, *argv) -> tuple[int, str, str]:
    from jiaokan.cli import main

    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_keeps_hits_to_the_pages_asked_for(project, dated, project_path, capsys):
    query = _query(project)
    per_page = project.search(query, limit=1000).total // len(PAGES)
    code, out, err = _cli(capsys, "search", query, "-p", project_path, "--pages", "要闻", "--from", "2025-10",
                          "--limit", "1000")
    assert code == 0
    assert {line.split("#", 1)[0] for line in out.splitlines()} == {"b.txt"}
    assert len(out.splitlines()) == per_page and f"{per_page} hits" in err
    code, out, err = _cli(capsys, "search", query, "-p", project_path, "--to", "2025-09-30", "--json")
    assert code == 0 and {json.loads(line)["source_name"] for line in out.splitlines()} == {"a.txt"}
    code, out, err = _cli(capsys, "search", query, "-p", project_path, "--pages", "体育")
    assert code == 0 and out == "" and "no hits" in err


def test_the_command_line_names_a_bad_filter_in_one_line(project, dated, project_path, capsys):
    code, out, err = _cli(capsys, "search", "要闻", "-p", project_path, "--from", "2025-13")
    assert code == 1 and out == ""
    assert err == ("jiaokan: the start of the date range, '2025-13', is not a day, month or year: write 2025-10-01, "
                   "2025-10 or 2025\n")
    code, _, err = _cli(capsys, "search", "要闻", "-p", project_path, "--from", "2025-11", "--to", "2025-10")
    assert code == 1 and err.count("\n") == 1 and "the date range is empty" in err
