"""Rules for pages the engine has never seen, each on invented text (no page of any corpus).

Each test names the typesetting fact its rule encodes and fails without the rule.
"""

from __future__ import annotations

from reader import document_to_gold, reflow_text
from reader.evidence import CONT, FIRST, HEAD, LineCues, PageCues, label_run, loose_run_on
from reader.lines import split_lines

#: Invented column dumps, their lines separated by "/":
#: - a story set at 12 em with the indents lost, its second paragraph's first line letter-spaced;
#: - headlines after their body, and a paragraph's first line that lost its indent and stops one
#:   character before a comma, so that it looks like a heading over a paragraph.
DUMPS = {
    "letter-spaced first line": (
        "澜州机械厂攻关小组成效明显/青禾县总工会今年把技能培训/作为服务职工的重点，一是摸清/需求，二是抓好培训，厂里组织/"
        "技术骨干开展攻关，围绕设备维/修、工艺改进等课题组建了攻关/小组。/攻 关 由 澜 州 机 械 厂/"
        "主办、青禾工会承办，/六个小组已提出合理化建议一百/二十多条，其中四十多条已在生/产中推广应用，节约成本数十万/"
        "元，职工的干劲越来越足。"
    ),
    "word cut before a comma": (
        "青禾县总工会今年在城区新建六座/户外歇脚驿站，驿站由街道和工会/一起照看着，早七点到晚十点开放，/处处照顾到送餐骑手们的各种需/"
        "求。/据县工会一位值班干部表/示，驿站的热水和药箱还要/增加，夜里也会有人值守，依托/"
        "这些阵地，今年全县职工医疗互/助的参保人数又有增加。/青禾快递员冬天有了歇脚处"
    ),
}


def _articles(name: str) -> list[dict]:
    return document_to_gold(reflow_text(DUMPS[name].replace("/", "\n") + "\n"))["articles"]


def test_a_letter_spaced_line_after_body_text_is_a_stretched_body_line() -> None:
    """Only a headline's second line is stretched to the first's width; one opening a block is body text."""
    (article,) = _articles("letter-spaced first line")
    paragraphs = [p.replace(" ", "") for p in article["paragraphs"]]
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("攻关由澜州机械厂主办")


def test_a_line_opening_with_a_one_character_clause_runs_on_from_the_line_before() -> None:
    """The measure cuts words anywhere: "示，" ends a word begun on the line before, so no heading ends there."""
    articles = _articles("word cut before a comma")
    assert [a["title"] for a in articles] == ["青禾快递员冬天有了歇脚处"]
    assert articles[0]["paragraphs"][1].startswith("据县工会一位值班干部表示，驿站的热水")


def _labels(texts: list[str], measure: float) -> list[int]:
    """The line labels of one run of column lines set to ``measure`` (no kept indents, no blank lines)."""
    lines = split_lines("\n".join(texts) + "\n")
    cues = [LineCues(line, measure, False) for line in lines]
    labels, _ = label_run(cues, PageCues(False, loose_run_on(cues)), [0.0] * len(cues))
    return labels


def test_a_line_opening_with_a_short_adverbial_clause_is_a_first_line_not_a_heading() -> None:
    """Paragraphs open with "此外，" or "据介绍，"; a subhead holding a comma balances two longer phrases."""
    texts = [
        "议事会每周汇总一次意见，由车",
        "间主任当面答复。",
        "此外，市总工会精心",  # a first line that lost its indent, short as a heading
        "策划了议事会的培训课程，",
        "各班组长轮流参加学习，每期三",
        "天。",
    ]
    assert _labels(texts, 14.0)[1:] == [CONT, FIRST, CONT, CONT, CONT]
    balanced = ["工会搭台，点燃职工热情"]  # two phrases, neither short: a subhead's shape
    assert (
        LineCues(split_lines(balanced[0] + "\n")[0], 14.0, False).head
        > LineCues(split_lines(texts[2] + "\n")[0], 14.0, False).head
    )


def test_a_line_opening_with_the_day_of_the_event_opens_a_paragraph() -> None:
    """A news lead or a photo caption opens with the date ("9月29日，"): the short line above it is a heading."""
    texts = [
        "议事会每周汇总一次意",
        "见，职工说好。",
        "青禾驿站里过中秋",  # a photo's title set right above its caption
        "9月29日，青禾县总",
        "工会在城区驿站为快递员",
        "送去月饼和慰问品。",
    ]
    assert _labels(texts, 10.5)[2:] == [HEAD, FIRST, CONT, CONT]


def test_a_caption_block_of_last_lines_is_read_against_the_page_measure() -> None:
    """A paragraph's last line stops where its text does: a block whose widest lines all end a
    sentence does not show its measure, so its short title is no first line running on."""
    lines = [
        "澜州机械厂攻关小组成效明显",
        "青禾县总工会今年把技能培训作为服务职工的重",
        "点，一是摸清需求，二是抓好培训，厂里组织技",
        "术骨干开展攻关，围绕设备维修、工艺改进等课",
        "题组建了六个攻关小组，各小组已提出合理化建",
        "议一百二十多条，其中四十多条已在生产中推广",
        "应用，节约成本数十万元，职工的干劲越来越足",
        "，厂里还为每个小组配了一名技术顾问，帮助他",
        "们把好点子变成好办法。",
        "本报记者 李明 摄",
        "驿站迎新春",  # a photo's title, then its one-line caption, between two credits
        "职工在驿站里包饺子。",
        "王芳 摄",
        "饺子里的年味",
    ]
    paragraphs = [
        p for a in document_to_gold(reflow_text("\n".join(lines) + "\n"))["articles"] for p in a["paragraphs"]
    ]
    assert "职工在驿站里包饺子。" in paragraphs
