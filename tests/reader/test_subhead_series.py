"""Subheads come in series; a lone heading between paragraphs heads a story of its own.

Invented text only. A paper never breaks a story with a single subhead: where a
heading stands alone between two paragraphs of an unmarked stretch (no byline,
dateline or credit), with no other heading of its length around it, it is the
headline of a story that carries no marker.
"""

from __future__ import annotations

import pytest

from reader import Extractor, document_to_gold, reflow_text
from reader.column_engine import assemble
from reader.lines import split_lines
from reader.subheads import SERIES_LENGTH_SPREAD, heading_blocks, misread_first_line, reads_as_whole_heading
from reader.units import Unit, UnitKind
from tests.reader.typeset import Story, typeset

FIRST = [
    "澜州市总工会今年在全市推广班组议事会，职工的意见每周汇总一次，由车间主任当面答复，"
    "答复不了的问题写进台账，下一次议事会上再说明办理进度。",
    "议事会开办半年来，共收集意见三百多条，其中九成已经办结，职工参与的热情越来越高，"
    "不少班组把议事会开到了机床旁和码头边。",
    "据澜州市总工会介绍，议事会的办法下一步要推广到非公企业，让更多职工说得上话，"
    "也让企业管理者及时听到一线的声音。",
]
SECOND = [
    "青禾县总工会为全县快递员配发了冬季防寒用品，并在城区新建六座户外劳动者驿站，"
    "驿站由社区和工会共同管理，早七点到晚十点开放。",
    "驿站配有饮水机、微波炉和充电设施，快递员送件途中可以随时进门歇脚、热饭，雨雪天气还能在驿站里给电动车换电池。",
    "县总工会还联合邮政管理部门开展技能培训，今年已有两百多名快递员取得职业技能等级证书，"
    "其中三十多人走上了站点管理岗位。",
]
TITLES = ("澜州班组议事会半年办结九成意见", "青禾快递员冬天有了歇脚处")
SERIES = ("意见有了直通车", "难事限时办结了", "小组长说得上话")


def _paragraph_dump(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_paragraph_dump_lone_heading_heads_an_unmarked_story() -> None:
    doc = reflow_text(_paragraph_dump([TITLES[0], *FIRST, TITLES[1], *SECOND]))
    assert doc.extractor is Extractor.PARAGRAPH_LINES
    articles = document_to_gold(doc)["articles"]
    assert [a["title"] for a in articles] == list(TITLES)
    assert [a["paragraphs"] for a in articles] == [FIRST, SECOND]
    assert all(a["subheads"] == [] for a in articles)


def test_paragraph_dump_series_of_like_headings_are_subheads() -> None:
    body = [FIRST[0], SERIES[0], FIRST[1], SERIES[1], FIRST[2], SERIES[2], SECOND[0]]
    (article,) = document_to_gold(reflow_text(_paragraph_dump([TITLES[0], *body])))["articles"]
    assert article["title"] == TITLES[0]
    assert article["subheads"] == list(SERIES)
    assert article["paragraphs"] == body


def test_paragraph_dump_heading_of_another_length_is_not_in_the_series() -> None:
    """A heading far longer than the series around it is not one of them: it opens a story."""
    other = TITLES[0] + "获得职工点赞"
    assert len(other) - max(map(len, SERIES)) > SERIES_LENGTH_SPREAD
    body = [FIRST[0], SERIES[0], FIRST[1], SERIES[1], FIRST[2]]
    articles = document_to_gold(reflow_text(_paragraph_dump([TITLES[1], *body, other, *SECOND])))["articles"]
    assert [a["title"] for a in articles] == [TITLES[1], other]
    assert articles[0]["subheads"] == list(SERIES[:2])


def test_heading_after_an_unfinished_sentence_is_not_a_headline() -> None:
    """A headline never cuts a sentence: after an unfinished paragraph the rule does not fire."""
    cut = FIRST[1].rstrip("。") + "，"
    doc = reflow_text(_paragraph_dump([TITLES[0], FIRST[0], cut, SERIES[0], *SECOND[:2]]))
    (article,) = document_to_gold(doc)["articles"]
    assert article["subheads"] == [SERIES[0]]


@pytest.mark.parametrize("measure", [18, 22, 26])
def test_column_dump_lone_heading_heads_an_unmarked_story(measure: int) -> None:
    """(In a column about as wide as the headline plus two em, its line has the shape of an
    indented first line and is read as one: a limit of the line labelling, not tested here.)"""
    stories = [Story(FIRST, title=TITLES[0]), Story(SECOND, title=TITLES[1])]
    raw = typeset(stories, measure=measure, title_before=True)
    doc = reflow_text(raw)
    assert doc.extractor is Extractor.COLUMN_LINES
    articles = document_to_gold(doc)["articles"]
    assert [a["title"] for a in articles] == list(TITLES)
    assert [a["paragraphs"] for a in articles] == [FIRST, SECOND]


@pytest.mark.parametrize("measure", [14, 20, 26])
def test_column_dump_series_of_subheads_stays_in_its_story(measure: int) -> None:
    paragraphs = [*FIRST, *SECOND]
    story = Story(paragraphs, title=TITLES[0], subheads={1: SERIES[0], 3: SERIES[1], 5: SERIES[2]})
    raw = typeset([story], measure=measure, title_before=True)
    (article,) = document_to_gold(reflow_text(raw))["articles"]
    assert article["subheads"] == list(SERIES)
    assert len(article["paragraphs"]) == len(paragraphs) + len(SERIES)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("青禾快递员冬天有了歇脚处", True),
        ("“驿站”成了快递员的家", True),
        ("“过去我们的", False),  # a quote opened and not closed: a sentence cut at the line end
        ("驿站里的新变化——", False),  # a dash at the end leads on to the next line
        ("针对快递员的需求，县总", False),  # a comma inside: running text
        ("—", False),
    ],
)
def test_a_headline_reads_as_a_whole_phrase(text: str, whole: bool) -> None:
    assert reads_as_whole_heading(text) is whole


def test_paragraph_dump_cut_phrase_between_paragraphs_is_not_a_headline() -> None:
    """A lone heading-shaped line with an unclosed quote does not open a story."""
    cut = "“驿站里的"
    doc = reflow_text(_paragraph_dump([TITLES[0], *FIRST, cut, *SECOND]))
    articles = document_to_gold(doc)["articles"]
    assert [a["title"] for a in articles] == [TITLES[0]]


def _units(*parts: tuple[str, bool], measures: tuple[float, ...] = ()) -> list[Unit]:
    """Column units: (text, heading) pairs, each text one unit, its lines split at '|'."""
    lines = iter(split_lines("\n".join(text.replace("|", "\n") for text, _ in parts)))
    out = []
    for k, (text, heading) in enumerate(parts):
        unit_lines = [next(lines) for _ in text.split("|")]
        out.append(Unit(UnitKind.TEXT, unit_lines, measure=measures[k] if measures else 14.0, heading=heading))
    return out


def test_misread_first_line_opens_the_paragraph_after_it() -> None:
    """A 'subhead' with an unclosed quote and no series partner is the next paragraph's first line."""
    units = _units(
        ("澜州班组议事会办结九成意见", True),
        ("澜州市总工会今年在全市推广|班组议事会，职工的意见每周|汇总一次。", False),
        ("“过去有意见不知道", True),
        ("找谁说，现在每周都有人来|收。”车间职工说。", False),
    )
    assembler = assemble(units)
    (story,) = [s for s in assembler.stories if s.has_body]
    assert [u.text for u in story.body] == [
        units[1].text,
        units[2].text + units[3].text,
    ]
    assert units[3].lines[0].text.startswith("找谁说")  # the shared units are left as they were


def test_a_whole_subhead_in_a_series_is_kept() -> None:
    body = ("澜州市总工会今年在全市推广|班组议事会，职工的意见每周|汇总一次。", False)
    units = _units(("澜州班组议事会办结九成意见", True), body, (SERIES[0], True), body, (SERIES[1], True), body)
    assert not misread_first_line(units[2:3], units[1:2], units, 3)
    (story,) = [s for s in assemble(units).stories if s.has_body]
    assert [u.text for u in story.body if u.heading] == list(SERIES[:2])


def test_a_heading_wrapped_with_a_one_character_tail_is_one_block() -> None:
    """No kicker, title or subtitle is one character long: such a line ends the heading above it."""
    wrapped = _units(("组织企业深化举办农民工能", True), ("力", True))
    stacked = _units(("组织企业深化举办农民工能", True), ("职工服务", True))
    assert heading_blocks(wrapped) == 1
    assert heading_blocks(stacked) == 2


def test_a_measure_change_does_not_outweigh_a_series() -> None:
    """Justified lines scatter: a heading with a partner of its length stays a subhead across a measure shift."""
    body = ("澜州市总工会今年在全市推广|班组议事会，职工的意见每周|汇总一次。", False)
    parts = [("澜州班组议事会办结九成意见", True), body, (SERIES[0], True), body, (SERIES[1], True), body]
    measures = (14.0, 14.0, 14.0, 18.0, 18.0, 18.0)
    (story,) = [s for s in assemble(_units(*parts, measures=measures)).stories if s.has_body]
    assert [u.text for u in story.body if u.heading] == list(SERIES[:2])
    alone = [("澜州班组议事会办结九成意见", True), body, (SERIES[0], True), body, body, body]
    stories = [s for s in assemble(_units(*alone, measures=measures)).stories if s.has_body]
    assert len(stories) == 2  # without a partner the change of column opens another story


def test_a_subhead_wrapped_at_the_measure_is_one_subhead() -> None:
    body = ("澜州市总工会今年在全市推广|班组议事会，职工的意见每周|汇总一次。", False)
    parts = [
        ("澜州班组议事会办结九成意见", True),
        body,
        ("组织企业深化举办农民工能", True),
        ("力", True),
        body,
        ("团队能力调解健康权益服务", True),
        body,
    ]
    (story,) = [s for s in assemble(_units(*parts)).stories if s.has_body]
    assert [u.text for u in story.body if u.heading] == ["组织企业深化举办农民工能力", "团队能力调解健康权益服务"]


def test_a_heading_line_set_past_the_measure_estimate_filled_its_column() -> None:
    """Justified lines put the measure estimate below a subhead set solid: a line an em past it is still full."""
    wrapped = _units(("组织企业深化举办农民工能力", True), ("调解服务", True), measures=(12.0, 12.0))
    assert heading_blocks(wrapped) == 1
    wide = _units(("组织企业深化举办农民工能力提升工作", True), ("调解服务", True), measures=(12.0, 12.0))
    assert heading_blocks(wide) == 2  # set across columns: a headline block of its own


def test_a_heading_that_leaves_a_quote_open_is_a_first_line_even_in_a_series() -> None:
    """A subhead closes every quote it opens; a line that leaves one open runs on into the next line."""
    body = ("澜州市总工会今年在全市推广|班组议事会，职工的意见每周|汇总一次。", False)
    units = _units(
        ("澜州班组议事会办结九成意见", True),
        body,
        (SERIES[0], True),
        body,
        ("“过去有意见不知", True),
        ("找谁说，现在每周都有人来|收。”车间职工说。", False),
    )
    (story,) = [s for s in assemble(units).stories if s.has_body]
    assert [u.text for u in story.body if u.heading] == [SERIES[0]]
    assert story.body[-1].text == units[4].text + units[5].text
