"""Where one story ends and the next begins, and which heading heads which: invented text only."""

from __future__ import annotations

import pytest

import reader.column_engine as column_engine
import reader.paragraph_engine as paragraph_engine
import reader.subheads as subheads
from reader import document_to_gold, reflow_text


def _articles(raw: str) -> list[dict]:
    return document_to_gold(reflow_text(raw))["articles"]


#: An editorial under its column label, in a column dump that lost its indents: the title line
#: under the label is as long as a paragraph's indented first line (two ems short of the measure,
#: so the room a first line leaves says nothing) and holds no mark.
EDITORIAL = [
    "社论",
    "把冬季安全生产责任落到岗位",
    "冬季是安全生产的关键时期，各地",
    "工会要把隐患排查作为头等大事，组",
    "织职工开展岗位自查和互查活动。",
    "要把责任落实到每一个岗位，让每",
    "一名职工都清楚自己的安全职责。",
]


def test_the_line_under_a_section_label_is_the_title() -> None:
    (article,) = _articles("\n".join(EDITORIAL) + "\n")
    assert article["kind"] == "editorial"
    assert (article["kicker"], article["title"]) == ("社论", "把冬季安全生产责任落到岗位")
    assert article["paragraphs"][0].startswith("冬季是安全生产")


def test_without_the_label_rule_the_title_runs_into_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is what puts the title right (the test above fails without it)."""
    monkeypatch.setattr(column_engine, "title_under_label", lambda units: units)
    (article,) = _articles("\n".join(EDITORIAL) + "\n")
    assert article["title"] != "把冬季安全生产责任落到岗位"


def test_a_label_over_body_text_takes_no_line_of_it() -> None:
    """Only a line that reads as a headline is taken: a clause cut by the measure stays body."""
    raw = "\n".join(["社论", "冬季是安全生产的关键时期，各地", "工会要把隐患排查作为头等大事。"]) + "\n"
    (article,) = _articles(raw)
    assert article["paragraphs"] == ["冬季是安全生产的关键时期，各地工会要把隐患排查作为头等大事。"]


def _para(topic: str, k: int) -> str:
    return f"{topic}第{k}项工作稳步推进，职工参与热情很高，各项指标均已完成。"


#: Paragraph dump: story one (headline, five paragraphs, no subheads), then the next story's
#: headline and a body that opens with a two-paragraph lead and carries three subheads of the
#: headline's length. Read as the first of that series, the headline would make story one's five
#: paragraphs a lead, longer than leads run.
SERIES_AFTER_LONG_BODY = [
    "河湾镇农民工夜校开课",
    *[_para("夜校", k) for k in range(1, 6)],
    "青禾港码头更新吊装设备",
    *[_para("码头", k) for k in range(1, 3)],
    "桥吊司机轮岗培训",
    *[_para("培训", k) for k in range(1, 4)],
    "夜班调度改用新系统",
    *[_para("调度", k) for k in range(1, 4)],
    "维修班组攻下三道难题",
    *[_para("维修", k) for k in range(1, 4)],
]


def test_a_heading_after_a_body_too_long_for_a_lead_opens_a_story() -> None:
    articles = _articles("\n".join(SERIES_AFTER_LONG_BODY) + "\n")
    assert [a["title"] for a in articles] == ["河湾镇农民工夜校开课", "青禾港码头更新吊装设备"]
    assert len(articles[0]["paragraphs"]) == 5
    assert articles[1]["subheads"] == ["桥吊司机轮岗培训", "夜班调度改用新系统", "维修班组攻下三道难题"]


def test_without_the_lead_rule_the_headline_is_taken_for_a_subhead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paragraph_engine, "follows_long_lead", lambda *args: False)
    articles = _articles("\n".join(SERIES_AFTER_LONG_BODY) + "\n")
    assert len(articles) == 1


def test_a_short_lead_keeps_the_first_subhead_of_its_story() -> None:
    """Two paragraphs before the first of a series are a lead: the heading stays a subhead."""
    raw = "\n".join(["河湾镇农民工夜校开课", *SERIES_AFTER_LONG_BODY[4:]]) + "\n"
    (article,) = _articles(raw)
    assert article["subheads"][0] == "青禾港码头更新吊装设备"


#: Headlines before their body, each over a byline; the page opens with the rest of a story
#: continued from another page (its headline is there). Read with headlines after their body,
#: every headline goes to the story before it and the last story is left without one.
CONTINUED_THEN_HEADLINES_BEFORE = [
    "（上接第1版）",
    "各地工会把技能培训送到一线，职工在",
    "家门口就能学到新技术。",
    "　　截至目前，全省已举办培训班三百",
    "多期，参训职工两万余人次。",
    "青禾港码头更新吊装设备",
    "本报记者 韩小棠",
    "　　青禾港集装箱码头近日完成吊装设",
    "备更新，桥吊作业效率提高两成。",
    "　　码头工会组织司机轮岗培训，新设",
    "备投用当月即实现安全生产零事故。",
    "河湾镇农民工夜校开课",
    "本报通讯员 苏禾",
    "　　河湾镇农民工夜校日前开课，首批",
    "学员六十人，课程涵盖电工和焊工。",
    "　　夜校由镇总工会和职业学校合办，",
    "学员结业后可参加职业技能等级认定。",
]


def _first_reading_unless_it_borrowed(units: list) -> column_engine.ColumnAssembler:
    """The page reading as it was: the second reading skipped when the first put no headline before a body."""
    after = column_engine.ColumnAssembler(units)
    after.run()
    if not any(story.headline_before for story in after.stories):
        return after
    before = column_engine.ColumnAssembler(units, title_before=True)
    before.run()
    headless = column_engine._headless_bodies
    return before if headless(before.stories) < headless(after.stories) else after


def test_a_page_opening_with_a_continued_story_is_read_with_headlines_before() -> None:
    articles = _articles("\n".join(CONTINUED_THEN_HEADLINES_BEFORE) + "\n")
    assert [(a["title"], a["byline"]) for a in articles] == [
        (None, None),
        ("青禾港码头更新吊装设备", "本报记者 韩小棠"),
        ("河湾镇农民工夜校开课", "本报通讯员 苏禾"),
    ]
    assert articles[0]["continued_from"] == "（上接第1版）"


def test_skipping_the_second_reading_shifts_every_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(column_engine, "assemble", _first_reading_unless_it_borrowed)
    articles = _articles("\n".join(CONTINUED_THEN_HEADLINES_BEFORE) + "\n")
    assert articles[-1]["title"] is None


#: Paragraph dump: a story, the headline of a second story (no byline, no dateline), its body,
#: then a photo: its title (as long as the headline), one caption paragraph and the credit.
STORY_THEN_PHOTO = [
    "河湾镇农民工夜校开课",
    _para("夜校", 1),
    _para("夜校", 2),
    "青禾港更新吊装设备",
    _para("码头", 1),
    _para("码头", 2),
    _para("码头", 3),
    "桥吊司机夜间作业",
    "三月二日，青禾港集装箱码头，桥吊司机在进行夜间作业。",
    "本报记者 韩小棠 摄",
]


def test_a_photo_title_is_no_series_partner_of_a_headline() -> None:
    articles = _articles("\n".join(STORY_THEN_PHOTO) + "\n")
    assert [a["title"] for a in articles] == ["河湾镇农民工夜校开课", "青禾港更新吊装设备", "桥吊司机夜间作业"]
    assert articles[-1]["kind"] == "photo"


def test_counted_as_a_partner_the_photo_title_makes_the_headline_a_subhead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subheads, "MAX_CAPTION_PARAGRAPHS", -1)  # no heading is taken for a photo's title
    articles = _articles("\n".join(STORY_THEN_PHOTO) + "\n")
    assert articles[0]["subheads"] == ["青禾港更新吊装设备"]
