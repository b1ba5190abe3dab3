"""Column dumps laid out both ways (headlines after / before the body), built by the test typesetter."""

from __future__ import annotations

import pytest

from reader import Layout, document_to_gold, reflow_text
from tests.reader.typeset import Story, typeset

HEADER = "综合新闻 2025年9月6日 星期六 3"

STORIES = [
    Story(
        [
            "本报讯（记者柯远帆）9月6日，澜州市总工会在港区举办首届码头工人运动会，来自12家港口企业的600余名职工参加了拔河、搬运接力等8个项目的比赛。",
            "运动会项目贴近码头作业实际，既考验体力，也考验班组之间的协作。澜州港集装箱码头的装卸班组获得团体第一名，"
            "散货码头的两名桥吊司机在“精准对位”项目中并列第一。赛后，不少职工表示，希望运动会每年都办，还要增加夜班职工也能参加的项目。",
        ],
        kicker="港口职工赛出精气神——",
        title="澜州举办首届码头工人运动会",
    ),
    Story(
        [
            "青禾县总工会近日发布消息，今年将为全县环卫工人免费体检，体检项目在去年基础上增加了心脑血管检查等3项内容，"
            "覆盖全县13个乡镇的1100余名环卫工人。县总工会已与县卫生健康部门商定，体检结果将建立个人健康档案，便于跟踪复查。",
            "据介绍，体检由县人民医院承担，每个乡镇安排一个集中体检日，环卫工人不用请假就能完成体检。县总工会还为每名环卫工人准备了一份防暑降温用品。",
            "“往年体检要自己跑医院，现在医生到家门口来了。”在白鹭镇参加体检的环卫工人冯春燕说。",
            "体检结果出来后，县人民医院将逐人解读报告，需要复查的环卫工人由工会安排车辆接送。",
        ],
        title="青禾环卫工人享受免费体检",
        byline="本报记者 苏映雪",
        subheads={2: "体检送到家门口", 3: "复查也有人接送"},  # subheads come in series, never one alone
    ),
    Story(
        [
            "本报澜州9月5日电（记者杜若衡）澜州市首批职工疗休养基地今天挂牌，6家基地分布在山区和海岛，全年可接待一线职工3000人次。",
            "疗休养名额向高温作业、夜班作业等岗位职工倾斜，今年以来已有两批共180名劳模和一线职工参加。"
            "据澜州市总工会介绍，基地将根据职工反馈调整课程和线路，明年还将在库区和林区各增设一家基地，让偏远地区的职工也能就近疗休养。",
        ],
        kicker="面向一线职工开放",
        title="澜州首批职工疗休养基地挂牌",
    ),
]

#: Paragraphs of each story as the gold counts them (a subhead is one).
PARAGRAPH_COUNTS = [len(s.paragraphs) + len(s.subheads) for s in STORIES]


@pytest.mark.parametrize("title_before", [False, True], ids=["title-after", "title-before"])
def test_headlines_go_to_their_own_story(title_before: bool) -> None:
    doc = reflow_text(typeset(STORIES, title_before=title_before, header=HEADER))
    assert doc.layout is (Layout.TITLE_BEFORE if title_before else Layout.TITLE_AFTER)
    gold = document_to_gold(doc)
    assert [(a["kicker"], a["title"]) for a in gold["articles"]] == [(s.kicker, s.title) for s in STORIES]
    assert [a["byline"] for a in gold["articles"]] == [s.byline for s in STORIES]
    for article, story in zip(gold["articles"], STORIES, strict=True):
        expected = list(story.paragraphs)
        for index, subhead in sorted(story.subheads.items(), reverse=True):
            expected.insert(index, subhead)
        assert article["paragraphs"] == expected
        assert article["subheads"] == list(story.subheads.values())
    assert [f.replace(" ", "") for f in gold["furniture"]] == [HEADER.replace(" ", "")]


@pytest.mark.parametrize("measure", [12, 14, 17, 20, 22, 24, 26, 28])
def test_any_column_measure(measure: int) -> None:
    """Nothing depends on a particular column width.

    (A story whose paragraphs are all one or two lines long holds almost no full
    line, so its measure cannot be known from it: a limit of the method, noted
    in the README. These paragraphs are of ordinary news length.)
    """
    gold = document_to_gold(reflow_text(typeset(STORIES, measure=measure)))
    assert [len(a["paragraphs"]) for a in gold["articles"]] == PARAGRAPH_COUNTS
    assert [a["title"] for a in gold["articles"]] == [s.title for s in STORIES]


@pytest.mark.parametrize("title_before", [False, True], ids=["title-after", "title-before"])
@pytest.mark.parametrize("measure", [14, 20, 26])
def test_dump_without_blank_lines(measure: int, title_before: bool) -> None:
    """Some extractors put no blank line between printed lines."""
    raw = typeset(STORIES, measure=measure, title_before=title_before, header=HEADER).replace("\n\n", "\n")
    gold = document_to_gold(reflow_text(raw))
    assert [len(a["paragraphs"]) for a in gold["articles"]] == PARAGRAPH_COUNTS
    assert [(a["kicker"], a["title"]) for a in gold["articles"]] == [(s.kicker, s.title) for s in STORIES]


def test_kept_indent_and_crlf(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor that keeps the two full-width indent spaces, on a Windows file."""
    from tests.reader import typeset as typesetter

    plain = typesetter.set_paragraph

    def indented(text: str, measure: float) -> list[str]:
        lines = plain(text, measure)
        return ["\u3000\u3000" + lines[0], *lines[1:]]

    monkeypatch.setattr(typesetter, "set_paragraph", indented)
    raw = typesetter.typeset(STORIES, measure=17, header=HEADER).replace("\n", "\r\n")
    gold = document_to_gold(reflow_text(raw))
    assert [len(a["paragraphs"]) for a in gold["articles"]] == PARAGRAPH_COUNTS
    assert gold["articles"][0]["paragraphs"] == STORIES[0].paragraphs
