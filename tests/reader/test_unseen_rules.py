"""Rules for pages the engine has never seen, each on invented text (no page of any corpus).

Each test names the typesetting fact its rule encodes and fails without the rule.
"""

from __future__ import annotations

from reader import document_to_gold, reflow_text

#: A story set at 12 em with the indents lost; the second paragraph's first line is letter-spaced.
LETTER_SPACED_FIRST_LINE = [
    "澜州机械厂攻关小组成效明显",
    "青禾县总工会今年把技能培训",
    "作为服务职工的重点，一是摸清",
    "需求，二是抓好培训，厂里组织",
    "技术骨干开展攻关，围绕设备维",
    "修、工艺改进等课题组建了攻关",
    "小组。",
    "攻 关 由 澜 州 机 械 厂",
    "主办、青禾工会承办，",
    "六个小组已提出合理化建议一百",
    "二十多条，其中四十多条已在生",
    "产中推广应用，节约成本数十万",
    "元，职工的干劲越来越足。",
]


def test_a_letter_spaced_line_after_body_text_is_a_stretched_body_line() -> None:
    """Only a headline's second line is stretched to the first's width; one opening a block is body text."""
    articles = document_to_gold(reflow_text("\n".join(LETTER_SPACED_FIRST_LINE) + "\n"))["articles"]
    assert len(articles) == 1
    paragraphs = [p.replace(" ", "") for p in articles[0]["paragraphs"]]
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("攻关由澜州机械厂主办")
