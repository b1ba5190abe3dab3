"""Regression tests for engine bugs found by the unit and property tests (inputs as reported)."""

from __future__ import annotations

import pytest

from reader import document_to_gold, reflow_text
from reader.charclass import LINE_END_HYPHENS, char_width, text_width
from reader.decoding import decode_bytes
from reader.joining import join_lines
from reader.lines import split_lines
from reader.patterns import BYLINE, PHOTO_CREDIT
from tests.reader.test_engine import COLUMN_DUMP, KICKER, PARAGRAPH_DUMP, TITLE

TEXT = (
    "澜州市总工会召开推进会，部署在全市开展“和谐指数”测评。\n"
    "青禾县职工服务中心建成开放，面积约1600平方米。\n"
    "杨小禾今年 26 岁，从事快递分拣工作已有5年。\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_chinese_text(codec: str) -> None:
    decoded = decode_bytes(TEXT.encode(codec))
    assert decoded.text == TEXT
    assert decoded.encoding == codec


def test_repeated_byte_order_marks_are_no_text() -> None:
    with pytest.raises(ValueError, match="whitespace"):
        decode_bytes(b"\xff\xfe\xff\xfe\xff\xfe")


@pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2003", "\u2009"])
@pytest.mark.parametrize(
    ("template", "expected"),
    [("在{}54家企业", "在54家企业"), ("本报讯{}（记者孟青萝）", "本报讯（记者孟青萝）"), ("澜州{}青禾", "澜州 青禾")],
)
def test_other_unicode_spaces_follow_the_space_rules(space: str, template: str, expected: str) -> None:
    assert join_lines(split_lines(template.format(space))).text == expected


@pytest.mark.parametrize("space", ["\u00a0", "\u2003"])
def test_text_width_of_other_unicode_spaces(space: str) -> None:
    assert text_width(f"在{space}54家") == pytest.approx(text_width("在 54家"))
    assert text_width(f"澜州{space}青禾") == pytest.approx(text_width("澜州 青禾"))
    assert char_width(space) == 0.0


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (BYLINE, "记者从澜州市总工会了解到首批学员已"),
        (BYLINE, "作者通过走访青禾县多家企业发现"),
        (PHOTO_CREDIT, "田间地头忙着为参加培训的职工拍摄"),
        (PHOTO_CREDIT, "稻浪翻金抢秋收 摄"),
    ],
    ids=["byline-reporter-line", "byline-author-line", "photo-line-ending-in-摄", "title-then-摄"],
)
def test_unpunctuated_running_text_is_not_a_credit(pattern, text: str) -> None:
    assert not pattern.match(text)


@pytest.mark.parametrize(
    "text", ["本报记者王小明", "本报记者 王小明 本报通讯员 李大海", "韩小棠摄", "韩小棠 石秋实 摄"]
)
def test_real_credits_still_match(text: str) -> None:
    assert BYLINE.match(text) or PHOTO_CREDIT.match(text)


def _uncovered(raw: str) -> str:
    """Raw text that no article string and no furniture string traces to."""
    doc = reflow_text(raw)
    covered = {src for t in doc.furniture for src in t.sources}
    covered |= {src for a in doc.articles for _, t in a.traced_fields() for src in t.sources}
    return "".join(c for i, c in enumerate(raw) if not c.isspace() and c not in LINE_END_HYPHENS and i not in covered)


BODY = "澜州市总工会日前为全市80个户外劳动者暖心站配发了应急药箱，药箱内有常用药品和急救用品。\n"


@pytest.mark.parametrize(
    "raw",
    [
        "澜州市总工会召开推进会\n",
        "本报记者 苏映雪\n",
        "（上接第1版）\n",
        "韩小棠 摄\n",
        BODY + "本报记者 苏映雪\n",
        "本报记者 苏映雪\n" + BODY + "（苏映雪）\n",
    ],
    ids=["heading-line", "byline", "jump", "photo-credit", "byline-at-end", "byline-and-trailing-credit"],
)
def test_no_raw_text_is_lost(raw: str) -> None:
    assert _uncovered(raw) == ""


COLUMN = (
    "澜州市总工会近日启动秋季职工技\n"
    "能提升行动，计划在三个月内为全市一线\n"
    "职工开设培训班一百二十期。据介绍，\n"
    "记者从澜州市总工会了解到首批学员已\n"
    "经报名完毕，课程将于下月正式开始。\n"
    "青禾县职工陈小满参加了第一期\n"
    "焊工培训。培训结束那天，志愿者们在\n"
    "田间地头忙着为参加培训的职工拍摄\n"
    "合影留念，大家脸上都带着笑容。\n"
    "澜州启动秋季职工技能提升行动\n"
)


def test_unpunctuated_column_lines_are_not_credits() -> None:
    gold = document_to_gold(reflow_text(COLUMN))
    assert [(a["title"], a["byline"], a["kind"]) for a in gold["articles"]] == [
        ("澜州启动秋季职工技能提升行动", None, "news")
    ]
    assert gold["articles"][0]["paragraphs"] == [
        "澜州市总工会近日启动秋季职工技能提升行动，计划在三个月内为全市一线职工开设培训班一百二十期。"
        "据介绍，记者从澜州市总工会了解到首批学员已经报名完毕，课程将于下月正式开始。",
        "青禾县职工陈小满参加了第一期焊工培训。培训结束那天，志愿者们在田间地头忙着为参加培训的职工拍摄"
        "合影留念，大家脸上都带着笑容。",
    ]


TOC_ITEMS = ["- 推动产业工人队伍建设改革的澜州探索……严知夏", "- 快递骑手夜间劳动保护的几点思考……温知远"]
TOC = "《澜州工运》2025年第10期要目\n" + "\n".join(TOC_ITEMS) + "\n"


def test_toc_items_are_not_subheads() -> None:
    toc = document_to_gold(reflow_text(PARAGRAPH_DUMP))["articles"][-1]
    assert toc["kind"] == "toc"
    assert toc["paragraphs"] == TOC_ITEMS
    assert toc["subheads"] == []


def test_toc_box_in_a_column_dump() -> None:
    gold = document_to_gold(reflow_text(TOC + COLUMN_DUMP))
    toc, feature = gold["articles"][:2]
    assert (toc["kind"], toc["title"], toc["paragraphs"], toc["byline"]) == (
        "toc",
        "《澜州工运》2025年第10期要目",
        TOC_ITEMS,
        None,
    )
    assert (feature["kicker"], feature["title"]) == (KICKER, TITLE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("澜州工人报 2025年10月8日 星期三 3\n" + TOC, "澜州工人报 2025年10月8日 星期三 3"),
        ("综合新闻 2025年 9月 3日 星期三 5\n" + TOC, "综合新闻 2025年9月3日 星期三 5"),
    ],
    ids=["header", "header-spaced-date"],
)
def test_running_header_keeps_its_field_spaces(raw: str, expected: str) -> None:
    assert [str(f) for f in reflow_text(raw).furniture] == [expected]
