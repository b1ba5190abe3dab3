"""Second-extractor dumps (one paragraph a line, ASCII punctuation, headlines first)."""

from __future__ import annotations

from reader import Extractor, document_to_gold, reflow_text

PAGE = """要闻 2025年9月8日 星期一 1
(上接第1版)
澜州港集团还与职工代表签订了安全生产承诺书,明确了12项具体措施。
"安全生产没有旁观者。"集团工会主席说,下一步还将开展岗位安全隐患排查。
社论
以更大力度保障户外劳动者权益
户外劳动者是城市运行的"毛细血管"。高温、严寒、风雨,他们都坚守在街头巷尾。
保障他们的权益,既要有暖心站这样的"硬件",也要有劳动合同、社会保险这样的"软件"。
各级工会要主动作为,把服务送到一线。
镜头
9月7日,澜州港集装箱码头,桥吊司机在进行夜间作业。
本报记者 韩小棠 摄
青禾县开展"送清凉"活动
本报讯(记者孟青萝)9月7日,青禾县总工会为全县1200名一线职工送去防暑降温用品。
扫一扫关注工会公众号
"""


def test_continuation_editorial_photo_and_brief_news() -> None:
    doc = reflow_text(PAGE)
    assert doc.extractor is Extractor.PARAGRAPH_LINES
    gold = document_to_gold(doc)
    kinds = [(a["kind"], a["title"], a["byline"], a["continued_from"], len(a["paragraphs"])) for a in gold["articles"]]
    assert kinds == [
        ("news", None, None, "(上接第1版)", 2),
        ("editorial", "以更大力度保障户外劳动者权益", None, None, 3),
        ("photo", "镜头", "本报记者 韩小棠 摄", None, 1),
        ("news", '青禾县开展"送清凉"活动', None, None, 1),
    ]
    assert gold["articles"][1]["kicker"] == "社论"
    assert [f.replace(" ", "") for f in gold["furniture"]] == ["要闻2025年9月8日星期一1", "扫一扫关注工会公众号"]
    # ASCII punctuation of this extractor is content: kept as it is.
    assert gold["articles"][3]["paragraphs"][0].startswith("本报讯(记者孟青萝)9月7日,")
