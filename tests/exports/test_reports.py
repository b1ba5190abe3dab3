"""Reports over a real project, checked against values computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import Project, reports
from tests.exports.workproject import NAME_CRLF, NAME_LF, write_pages

# The evening paper's one article (tests/exports/workproject.py, PAGE_LF) as the engine reads it:
# blocks of 12, 10, 8, 45 and 35 characters joined by "\n": 114 code points, 110 without the breaks.
# The long paragraph is [33, 78), the last one [79, 114).
LIB_LENGTH, LIB_CHARS, PARA_4, PARA_5 = 114, 110, (33, 78), (79, 114)


def _project(tmp_path: Path, extra_page: bool = False) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "r.jiaokan"
    pages = write_pages(tmp_path / "pages")
    if extra_page:
        undated = tmp_path / "pages" / "无日期的版面.txt"
        lines = ["虚构周刊 第2版", "一则没有日期的消息", "本报记者 某某",
                 "这是一段没有日期的正文，用来检验报告的月份。", ""]
        undated.write_text("\n".join(lines), encoding="utf-8")
        pages.append(undated)
    with Project.open(path) as p:
        ids = {}
        for page in pages:
            ids[Path(page).name] = p.import_file(page).source_id
    return path, ids


def _article(p: Project, source_id: int, k: int = 0) -> int:
    return p.article_ids(source_id)[k]


def test_kappa_and_percentage_by_hand(tmp_path):
    path, ids = _project(tmp_path)
    with Project.open(path) as p:
        lib = _article(p, ids[NAME_LF])
        factory = _article(p, ids[NAME_CRLF], 1)
        t, u, v, w = (p.add_tag(n).id for n in ("主题", "跨段", "独标", "全文"))
        assert len(p.get_article(lib).text) == LIB_LENGTH
        assert p.get_article(lib).text.count("\n") == LIB_LENGTH - LIB_CHARS

        def tag(author: str, tag_id: int, start: int, end: int, article: int = lib) -> None:
            p.author = author
            p.annotate(article, tag_id, start, end)

        tag("甲", t, 33, 43)  # 10 characters
        tag("甲", t, 79, 84)  # 5
        tag("乙", t, 38, 53)  # 15; 5 of them also tagged by 甲
        tag("甲", u, 75, 82)  # over the paragraph break: 6 characters
        tag("乙", u, 75, 82)
        tag("甲", v, 40, 45)  # 乙 never uses this tag
        tag("甲", w, 0, LIB_LENGTH)  # both tag everything: kappa undefined
        tag("乙", w, 0, LIB_LENGTH)
        tag("甲", t, 0, 5, article=factory)  # only 甲 tagged this article: not compared

    rows = {r.tag: r for r in reports.agreement_rows(path)}
    assert set(rows) == {"主题", "跨段", "独标", "全文"}
    topic = rows["主题"]
    assert (topic.coder_a, topic.coder_b, topic.articles, topic.characters) == ("乙", "甲", 1, 110)
    # coder A is 乙 (names in order): 乙 15, 甲 15, both 5, neither 110 - 25 = 85
    assert (topic.both, topic.only_a, topic.only_b, topic.neither) == (5, 10, 10, 85)
    # po = 90/110; pe = (15/110)² + (95/110)² = 9250/12100; kappa = (9900 - 9250) / (12100 - 9250) = 650/2850
    assert topic.percent == pytest.approx(81.818, abs=1e-3)
    assert topic.kappa == pytest.approx(650 / 2850) and round(topic.kappa, 4) == 0.2281
    across = rows["跨段"]
    assert (across.both, across.only_a, across.only_b, across.characters) == (6, 0, 0, 110)  # the break is no character
    assert across.kappa == pytest.approx(1.0) and across.percent == 100.0
    alone = rows["独标"]
    assert (alone.both, alone.only_a, alone.only_b) == (0, 0, 5)
    assert alone.kappa == pytest.approx(0.0) and alone.percent == pytest.approx(100 * 105 / 110)
    assert rows["全文"].kappa is None and rows["全文"].percent == 100.0

    table = reports.agreement(path, coders=["甲", "乙"])
    first = table.rows[0]
    assert first[:3] == ("甲", "乙", "主题") and first[-1] == pytest.approx(0.228)
    assert table.columns[-1] == "kappa" and "甲,乙,全文,1,110,110,0,0,0,100," in table.to_csv().splitlines()


def test_cooccurrence_by_hand(tmp_path):
    path, ids = _project(tmp_path)
    with Project.open(path) as p:
        lib = _article(p, ids[NAME_LF])
        other = _article(p, ids[NAME_CRLF])
        x, y, z = (p.add_tag(n).id for n in ("X", "Y", "Z"))
        p.annotate(lib, x, 33, 38)  # p1, paragraph 4
        p.annotate(lib, y, 36, 40)  # p2 overlaps p1
        p.annotate(lib, y, 70, 75)  # p3, same paragraph as p1 and p2
        p.annotate(lib, z, 79, 84)  # p4, paragraph 5 only
        p.annotate(lib, x, 76, 81)  # p5, paragraphs 4 and 5
        gone = p.annotate(lib, z, 40, 42)
        p.correct(lib, 40, 42, "")  # its characters deleted: orphaned, left out
        assert p.annotation(gone.id).orphaned
        p.annotate(other, x, 0, 3)  # another article: pairs with nothing
    tags, matrix = reports.cooccurrence_counts(path)
    m = {(a, b): matrix[i][j] for i, a in enumerate(tags) for j, b in enumerate(tags)}
    # pairs: p1p2 XY, p1p3 XY, p1p5 XX, p2p3 YY, p2p5 YX, p3p5 YX, p4p5 ZX
    assert (m["X", "X"], m["X", "Y"], m["Y", "X"], m["Y", "Y"], m["X", "Z"], m["Z", "X"], m["Y", "Z"], m["Z", "Z"]) == (
        1, 4, 4, 1, 1, 1, 0, 0)
    table = reports.cooccurrence(path)
    assert table.columns == ("tag", "X", "Y", "Z") and table.rows[0] == ("X", 1, 4, 1)


def test_frequencies_progress_and_months(tmp_path):
    path, ids = _project(tmp_path, extra_page=True)
    with Project.open(path) as p:
        lib = _article(p, ids[NAME_LF])
        strike = _article(p, ids[NAME_CRLF])
        undated = _article(p, ids["无日期的版面.txt"])
        parent = p.add_tag("权益")
        child = p.add_tag("工资", parent_id=parent.id)
        p.annotate(lib, parent.id, 33, 36)
        p.annotate(strike, child.id, 0, 2)
        p.annotate(strike, child.id, 3, 5)
        p.annotate(undated, parent.id, 0, 2)
        p.correct(strike, 0, 1, "X")
        undo = p.correct(strike, 2, 3, "Y")
        p.revert(undo.id)
        p.set_review_state(strike, "proofread")
        p.set_review_state(lib, "in_progress")
        imported = p.get_source(ids["无日期的版面.txt"]).imported_at[:7]

    by_source = reports.tag_frequencies(path)
    assert by_source.columns == ("tag", NAME_CRLF, NAME_LF, "无日期的版面.txt", "total")  # in import order
    assert by_source.rows == [("权益", 0, 1, 1, 2), ("权益/工资", 2, 0, 0, 2), ("Σ", 2, 1, 1, 4)]
    by_month = reports.tag_frequencies(path, by="month")
    months = sorted({"2024-03", imported})
    assert by_month.columns == ("tag", *months, "total")
    assert by_month.rows[-1][0] == "Σ" and dict(zip(months, by_month.rows[0][1:-1], strict=True)) == {
        "2024-03": 1, imported: 1} | ({} if imported != "2024-03" else {"2024-03": 2})

    progress = reports.progress(path)
    rows = {r[0]: r for r in progress.rows}
    assert rows[NAME_CRLF][1:] == (2, 1, 0, 1, "50.0%", 1, 2)  # one correction in effect (the other reverted)
    assert rows[NAME_LF][1:] == (1, 0, 1, 0, "0.0%", 0, 1)
    assert rows["Σ"][1:5] == (4, 2, 1, 1)
    text = progress.format()
    assert "Proofreading progress" in text and "虚构日报-第1版.txt" in text

    with pytest.raises(ValueError):
        reports.report(path, "nonsense")
    assert reports.report(path, "frequencies", source_ids=[ids[NAME_LF]]).columns == ("tag", NAME_LF, "total")
