"""Where one story ends and the next begins, and which heading heads which: invented text only."""

from __future__ import annotations

import pytest

import reader.column_engine as column_engine
import reader.paragraph_engine as paragraph_engine
from reader import document_to_gold, reflow_text


def _articles(raw: str) -> list[dict]:
    return document_to_gold(reflow_text(raw))["articles"]


#: An editorial under its column label, in a column dump that lost its indents: the title line
#: under the label is as short as a paragraph's first line and holds no mark.
EDITORIAL = [
    "社论",
    "把冬季安全生产落到实处",
    "冬季是安全生产的关键时期，各地",
    "工会要把隐患排查作为头等大事，组",
    "织职工开展岗位自查和互查活动。",
    "要把责任落实到每一个岗位，让每",
    "一名职工都清楚自己的安全职责。",
]


def test_the_line_under_a_section_label_is_the_title() -> None:
    (article,) = _articles("\n".join(EDITORIAL) + "\n")
    assert article["kind"] == "editorial"
    assert (article["kicker"], article["title"]) == ("社论", "把冬季安全生产落到实处")
    assert article["paragraphs"][0].startswith("冬季是安全生产")


def test_without_the_label_rule_the_title_runs_into_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is what puts the title right (the test above fails without it)."""
    monkeypatch.setattr(column_engine, "title_under_label", lambda units: units)
    (article,) = _articles("\n".join(EDITORIAL) + "\n")
    assert article["title"] != "把冬季安全生产落到实处"


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
