"""Each failure kind of issue 9, on invented text (no page of any corpus)."""

from __future__ import annotations

from reader import Extractor, document_to_gold, reflow_text
from reader.lines import split_lines
from reader.splitting import split_toc_line, split_trailing_credit

BODY_A = [
    "　　青禾县总工会今年把技能培训作为",
    "服务职工的重点，一是摸清需求，二是",
    "抓好培训。厂里组织技术",  # justified short line ending mid-word
    "骨干开展攻关，围绕设备维修、工艺改",
    "进等课题组建了六个攻关小组。",
    "　　截至目前，各小组已提出合理化建",
    "议一百二十多条，其中四十多条已在生",
    "产中推广应用，节约成本数十万元。",
]

#: Photo stories as papers set them: heading, a caption run over two lines, the credit.
QUAY_PHOTO = [
    "码头夜色",
    "　　三月二日，澜州港集装箱码头，桥吊",
    "司机在进行夜间作业。",
    "本报记者 韩小棠 摄",
]
FIELD_PHOTO = [
    "田间课堂",
    "　　三月一日，青禾县农技人员在田间为",
    "农民工讲解春耕技术。",
    "本报通讯员 苏禾 摄",
]


def _articles(raw: str) -> list[dict]:
    return document_to_gold(reflow_text(raw))["articles"]


def _one_paragraph_each(raw: str) -> list[dict]:
    """The articles of ``raw``, each checked to have come out as a single paragraph."""
    articles = _articles(raw)
    assert all(len(a["paragraphs"]) == 1 for a in articles)
    return articles


def test_short_justified_line_ending_mid_word_runs_on() -> None:
    raw = "澜州机械厂攻关小组成效明显\n" + "\n".join(BODY_A) + "\n"
    paragraphs = _articles(raw)[0]["paragraphs"]
    assert len(paragraphs) == 2
    assert "二是抓好培训。厂里组织技术骨干开展攻关" in paragraphs[0]


def test_short_mid_word_line_runs_on_even_without_kept_indents() -> None:
    raw = "澜州机械厂攻关小组成效明显\n" + "\n".join(line.strip() for line in BODY_A) + "\n"
    paragraphs = _articles(raw)[0]["paragraphs"]
    assert any("厂里组织技术骨干开展攻关" in p for p in paragraphs)


def test_foot_credit_at_the_end_of_the_last_body_line_is_split_off() -> None:
    (line,) = split_lines("产中推广应用，节约成本数十万元。 （柯远帆）")
    body, credit = split_trailing_credit(line)
    assert body.text == "产中推广应用，节约成本数十万元。"
    assert credit.text == "（柯远帆）"
    # Brackets inside running text are not a credit.
    (plain,) = split_lines("会上，澜州港（集团）")
    assert split_trailing_credit(plain) == [plain]


def test_foot_credit_then_next_headline_with_no_blank_line() -> None:
    raw = (
        "青禾县为环卫工人免费体检\n"
        "　　青禾县总工会近日发布消息，今年将为\n"
        "全县环卫工人免费体检，体检项目在去年\n"
        "基础上增加了三项内容。 （苏映雪）\n"
        " 澜州首批职工疗休养基地挂牌\n"
        "　　澜州市首批职工疗休养基地今天挂牌，\n"
        "六家基地分布在山区和海岛，全年可接待\n"
        "一线职工三千人次。\n"
    )
    articles = _one_paragraph_each(raw)
    assert [a["title"] for a in articles] == ["青禾县为环卫工人免费体检", "澜州首批职工疗休养基地挂牌"]
    assert articles[0]["byline"] == "（苏映雪）"


def test_headline_adjacent_to_the_body_is_not_a_paragraph() -> None:
    raw = "\n".join(
        [
            "　　澜州市总工会近日启动职工技能提升",
            "行动，计划三年内培训一线职工两万人",
            "次。",
            "三年培训职工两万人次——",
            "技能提升行动启动",
            "　　青禾县总工会近日发布消息，今年将",
            "为全县环卫工人免费体检。",
            "环卫工人享受免费体检",
        ]
    )
    articles = _one_paragraph_each(raw)
    titles = [(a["kicker"], a["title"]) for a in articles]
    assert titles == [("三年培训职工两万人次——", "技能提升行动启动"), (None, "环卫工人享受免费体检")]


def test_kicker_with_dash_stays_a_kicker() -> None:
    raw = "\n".join(
        [
            "港口职工赛出精气神——",
            "澜州举办首届码头工人运动会",
            "　　本报讯（记者柯远帆）九月六日，澜州",
            "市总工会在港区举办首届码头工人运动会，",
            "六百余名职工参加了比赛。",
        ]
    )
    (article,) = _articles(raw)
    assert (article["kicker"], article["title"]) == ("港口职工赛出精气神——", "澜州举办首届码头工人运动会")


def test_contents_box_items_run_together_are_split() -> None:
    (line,) = split_lines("特别报道 以改革精神推动工会工作……周启明 港口转型中的职工安置……秦望舒")
    assert [piece.text for piece in split_toc_line(line)] == [
        "特别报道",
        "以改革精神推动工会工作……周启明",
        "港口转型中的职工安置……秦望舒",
    ]


PARAGRAPH_DUMP = """澜州工人报 2026年3月4日 星期三 5
《澜州工运》2026年第3期要目
特别报道 以改革精神推动工会工作……周启明 产业工人技能形成的实践……苏禾
专家笔谈
新就业形态劳动者入会的难点……郑安然 从车间议事角看民主管理……何叙白
社论
让户外劳动者有处歇脚
户外劳动者是城市运行的毛细血管。高温、严寒、风雨，他们都坚守在街头巷尾，用辛劳守护着城市的整洁与畅通。
各级工会要主动作为，把服务送到一线，让暖心驿站真正成为户外劳动者歇脚、喝水、热饭的好去处。
青禾县出台职工服务清单
本报讯（记者孟青萝）清单包括以下内容：
- 就医陪护，由工会志愿者提供。
- 子女托管，寒暑假开放职工子女托管班。
暖心驿站全天开放
全县二十座驿站配齐饮水机、微波炉和药箱，夜班职工也能随时进门歇脚。
服务清单按月更新
县总工会负责人表示，清单将根据职工需求动态调整，做到职工点单、工会送单，让服务更加精准。 （孟青萝）
澜州港举办桥吊技能比武
本报讯（记者杜若衡）澜州港集团第五届桥吊远程操控技能比武举行，四十二名操控员参赛。
"""


def test_paragraph_dump_contents_box_editorial_list_lines_and_subhead() -> None:
    doc = reflow_text(PARAGRAPH_DUMP)
    assert doc.extractor is Extractor.PARAGRAPH_LINES
    articles = document_to_gold(doc)["articles"]
    toc, editorial, service, race = articles
    assert toc["kind"] == "toc"
    assert toc["paragraphs"] == [
        "特别报道",
        "以改革精神推动工会工作……周启明",
        "产业工人技能形成的实践……苏禾",
        "专家笔谈",
        "新就业形态劳动者入会的难点……郑安然",
        "从车间议事角看民主管理……何叙白",
    ]
    assert editorial["kind"] == "editorial"
    assert (editorial["kicker"], editorial["title"]) == ("社论", "让户外劳动者有处歇脚")
    assert service["paragraphs"][1:3] == ["- 就医陪护，由工会志愿者提供。", "- 子女托管，寒暑假开放职工子女托管班。"]
    assert service["subheads"] == ["暖心驿站全天开放", "服务清单按月更新"]  # subheads come in series
    assert service["byline"] == "（孟青萝）"
    assert race["title"] == "澜州港举办桥吊技能比武"


def test_photo_story_page_keeps_each_headline_with_its_caption() -> None:
    raw = "\n".join([*QUAY_PHOTO, *FIELD_PHOTO])
    articles = _articles(raw)
    assert [(a["kind"], a["title"], a["byline"]) for a in articles] == [
        ("photo", "码头夜色", "本报记者 韩小棠 摄"),
        ("photo", "田间课堂", "本报通讯员 苏禾 摄"),
    ]


def test_section_label_above_an_editorial_is_a_label_not_a_byline() -> None:
    raw = "\n".join(
        [
            "评论员文章",
            "让户外劳动者有处歇脚",
            "　　户外劳动者是城市运行的毛细血管。",
            "高温、严寒、风雨，他们都坚守在街头",
            "巷尾，用辛劳守护着城市的整洁。",
            "　　各级工会要主动作为，把服务送到一",
            "线，让暖心驿站真正成为好去处。",
        ]
    )
    (article,) = _articles(raw)
    assert article["kind"] == "editorial"
    assert (article["kicker"], article["title"], article["byline"]) == ("评论员文章", "让户外劳动者有处歇脚", None)
    assert len(article["paragraphs"]) == 2


def test_contents_line_ending_with_a_section_line_keeps_the_box_going() -> None:
    raw = (
        "《澜州工运》2026年第3期要目\n"
        "理论前沿 以改革精神推动工会工作……周启明\n"
        "专家笔谈\n"
        "港口转型中的职工安置……秦望舒 产业工人技能形成的实践……苏禾 特别报道\n"
        "新就业形态劳动者入会的难点……郑安然\n"
        "澜州港举办桥吊技能比武\n"
        "本报讯（记者杜若衡）澜州港集团第五届桥吊远程操控技能比武举行，四十二名操控员参赛，比武设理论考试和实操竞赛两个环节。\n"
        "经过激烈角逐，操控员宋知夏获得第一名，澜州港集团工会为获奖选手颁发了证书和奖金，并推荐参加省级比赛。\n"
    )
    toc, race = document_to_gold(reflow_text(raw))["articles"]
    assert toc["paragraphs"] == [
        "理论前沿",
        "以改革精神推动工会工作……周启明",
        "专家笔谈",
        "港口转型中的职工安置……秦望舒",
        "产业工人技能形成的实践……苏禾",
        "特别报道",
        "新就业形态劳动者入会的难点……郑安然",
    ]
    assert race["title"] == "澜州港举办桥吊技能比武"


def test_photo_after_a_story_takes_only_its_heading_and_caption() -> None:
    raw = "\n".join(
        [
            "澜州首批职工疗休养基地挂牌",
            "　　本报讯（记者杜若衡）澜州市首批职工疗",
            "休养基地今天挂牌，六家基地分布在山区",
            "和海岛，全年可接待一线职工三千人次。",
            "　　疗休养名额向高温作业、夜班作业等",
            "岗位职工倾斜，今年以来已有两批共一百",
            "八十名劳模和一线职工参加。",
            *QUAY_PHOTO,
        ]
    )
    story, photo = _articles(raw)
    assert (story["title"], len(story["paragraphs"])) == ("澜州首批职工疗休养基地挂牌", 2)
    assert (photo["kind"], photo["title"], photo["byline"]) == ("photo", "码头夜色", "本报记者 韩小棠 摄")
    assert photo["paragraphs"] == ["三月二日，澜州港集装箱码头，桥吊司机在进行夜间作业。"]


def test_interview_questions_and_answers_are_paragraphs() -> None:
    raw = "\n".join(
        [
            "工会工作如何更贴近职工",
            "　　问：今年县总工会在服务职工方面",
            "有哪些新举措？",
            "　　答：我们推出了暖心服务清单，职",
            "工可以在平台上一键申请。",
            "问：清单会调整吗？",
            "答：会根据职工需求动态调整，做到",
            "职工点单、工会送单。",
        ]
    )
    (article,) = _articles(raw)
    assert [p[:2] for p in article["paragraphs"]] == ["问：", "答：", "问：", "答："]
