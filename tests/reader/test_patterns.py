"""The shapes of non-body lines: datelines, credits, jump lines, headers, QR prompts, TOC boxes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from reader.patterns import (
    BYLINE,
    EDITORIAL_LABEL,
    EMBEDDED_CREDIT,
    INLINE_DATELINE,
    JUMP_FROM,
    JUMP_TO,
    PHOTO_CREDIT,
    QR_PROMPT,
    RUNNING_HEADER,
    STRAY_NUMBER,
    TOC_HEAD,
    TOC_ITEM,
    TRAILING_CREDIT,
    is_furniture,
    may_be_credit,
    normalise_spaces,
    opens_with_dateline,
)

#: Ordinary body sentences (invented): no pattern may fire on any of them.
BODY = [
    "青禾县总工会近日召开会议，部署下半年工作。",
    "“以前车间里有点小情况，大家憋在心里不说。”",
    "中心面积约1600平方米，设有职工书屋、心理驿站等12个功能区。",
    "2025年9月3日，澜州市总工会召开构建和谐劳动关系工作推进会。",
    "扫码支付已经成为澜州市民的日常习惯。",
    "记者在澜江路一处暖心站看到，二十多平方米的空间里配有微波炉。",
    "他在物流园送外卖已经是第三年，“以前电瓶坏了只能去店里换”。",
    "经过工资集体协商，公司将高温津贴由每月150元提高到260元。",
    "澜州市总工会计划年内再开设2所骑手夜校。",
    "电力公司职工来电说，暖心站的开放时间很合适。",
    "据了解，澜州市总工会今年将完成对1200家企业的测评。",
    "转眼到了第3个年头，议事角已经成了车间的老规矩。",
    "目录上列着二十多个培训项目，职工可以随意挑选。",
]


@pytest.mark.parametrize("text", BODY)
def test_no_pattern_fires_on_body_text(text: str) -> None:
    assert not opens_with_dateline(text)
    assert not is_furniture(text)
    for pattern in (BYLINE, PHOTO_CREDIT, TRAILING_CREDIT, JUMP_FROM, JUMP_TO, QR_PROMPT, STRAY_NUMBER):
        assert not pattern.match(text), pattern.pattern
    assert not RUNNING_HEADER.search(text)
    assert not TOC_HEAD.search(text)
    assert not TOC_ITEM.search(text)
    assert not EDITORIAL_LABEL.search(text)
    assert not EMBEDDED_CREDIT.search(text)


@dataclass(frozen=True)
class Expect:
    """Lines of one shape (invented), the tests that must hold on each and those that must not."""

    name: str
    texts: list[str]
    true: tuple[Callable[[str], object], ...] = ()
    false: tuple[Callable[[str], object], ...] = ()


#: One row a shape: datelines, bylines and credits, jump lines, running headers, stray numbers,
#: QR prompts, tables of contents, editorial labels; and lines that only look like them.
EXPECTATIONS = [
    Expect(
        "a dateline",
        true=(INLINE_DATELINE.match, opens_with_dateline),
        texts=[
            "本报讯（记者方砚秋）9月2日，澜州市总工会召开推进会。",
            "本报讯 （记者孟青萝）9月 4日，青禾县",
            "本报讯(通讯员邵一禾)近日，",
            "澜州日报讯（通讯员王小禾）",
            "本报澜州9月2日电（记者杜若衡）今天上午，",
            "本报澜州 9月 2日电 （记者杜若衡 温知",
            "本报青禾电 日前，",
            "新华社澜州9月2日电 记者从澜州市获悉，",
            "新华社青禾6月19日电（记者林青山）",
            "中新社澜州9月2日电 澜州港今天",
        ],
    ),
    Expect(
        "not a dateline",
        false=(opens_with_dateline,),
        texts=[
            "青禾县总工会近日召开会议。",
            "电力公司职工来电说",
            "本报记者从澜州市总工会获悉",
            "讯息传来，大家都很高兴。",
            "他说，本报讯（记者方砚秋）这几个字印在报头下面。",
        ],
    ),
    Expect(
        "a byline",
        true=(BYLINE.match, may_be_credit),
        texts=[
            "本报记者 钟雨眠 通讯员 邵一禾",
            "本报记者 林晚舟 本报通讯员 何春生",
            "本报记者 林晚舟 何春生",
            "记者 王小明",
            "本报记者王小明",
            "本报特约评论员 李青山",
            "本报实习生 孟青萝",
            "新华社记者 许澜 杜若衡",
            "本报记者 王小明 文/图",
            "通讯员 邵一禾 报道",
            "本报记者 韩小棠 摄",
            "本报记者\u3000林晚舟\u3000本报通讯员\u3000何春生",
        ],
    ),
    Expect(
        "not a byline",
        false=(BYLINE.match,),
        texts=[
            "青禾县工会推进青年职工成长",
            "本报记者在车间看到，工人们正忙着",
            "记者 王",  # a one-character name is no name
            "本报讯（记者方砚秋）",
            "澜州开展劳动关系和谐指数测评",
        ],
    ),
    Expect(
        "a photo credit",
        true=(PHOTO_CREDIT.match, may_be_credit),
        texts=[
            "本报记者 韩小棠 摄",
            "本报通讯员 石秋实 摄",
            "新华社记者 许澜 摄",
            "本报记者 韩小棠 本报通讯员 石秋实 摄",
            "韩小棠 摄",
            "韩小棠摄",
            "韩小棠 石秋实 摄",
        ],
    ),
    Expect(
        "not a photo credit",
        false=(PHOTO_CREDIT.match,),
        texts=["本报记者 韩小棠", "9月1日，农机手在稻田里抢收晚稻。韩小棠 摄", "摄", "（韩小棠 摄）"],
    ),
    Expect(
        "a trailing credit",
        true=(TRAILING_CREDIT.match, may_be_credit),
        texts=[
            "（陶安澜）",
            "(江上青)",
            "（ 陶安澜 ）",
            "（陶安澜 江上青）",
            "（记者 林青山）",
            "（本报记者 林晚舟 何春生）",
            "（新华社澜州9月2日电）",
            "（新华社澜州 9月 2日电）",
            "（据新华社电）",
            "（澜州日报）",
        ],
    ),
    Expect(
        "not a trailing credit",
        false=(TRAILING_CREDIT.match,),
        texts=[
            "（上接第1版）",
            "（下转第2版）",
            "（陶）",
            "（以下简称“议事角”）",
            "陶安澜",
            "（陶安澜）说",
            "（2025年9月）",
        ],
    ),
    Expect(
        "a jump from",
        true=(JUMP_FROM.match,),
        false=(JUMP_TO.match, is_furniture),
        texts=["（上接第1版）", "（ 上接 第 1 版 ）", "(上接第一版)", "（上接1版）", "（上接第12版)"],
    ),
    Expect(
        "a jump to (furniture)",
        true=(JUMP_TO.match, is_furniture),
        false=(JUMP_FROM.match,),
        texts=["（下转第2版）", "（转第4版）", "( 下转 第 12 版 )", "（下转第二版）", "（下转2版）"],
    ),
    Expect(
        "not a jump line",
        false=(JUMP_FROM.match, JUMP_TO.match),
        texts=["（上接第1版）澜州", "上接第1版", "（上接第版）", "（接上期）", "下转第2版的报道"],
    ),
    Expect(
        "a running header",
        true=(RUNNING_HEADER.search, is_furniture),
        texts=[
            "工会周刊 2025年9月3日 星期三 7",
            "综合新闻 2025年 9月 3日 星期三 5",
            "2025年9月3日 周三",
            "星期五 2025年9月5日 县域观察",
            "6 2025年9月5日 礼拜五",
            "第 6 版",
            "第6版 要闻",
        ],
    ),
    Expect(
        "not a running header",
        false=(RUNNING_HEADER.search, is_furniture),
        texts=[
            "2025年9月3日，澜州市召开会议。",
            "澜州 第6版",
            "9月3日 星期三",
            "每逢星期三，议事角准时开张。",
            "第6届技能大赛",
        ],
    ),
    Expect("a stray page number", true=(STRAY_NUMBER.match, is_furniture), texts=["7", "12", "A3", "B12"]),
    Expect("not a stray number", false=(is_furniture,), texts=["1234", "七", "社论", "A3版"]),
    Expect(
        "a QR prompt",
        true=(QR_PROMPT.match, is_furniture),
        texts=[
            "扫一扫阅读电子版",
            "扫码阅读更多报道",
            "扫码看视频",
            "扫描二维码关注澜州工会",
            "扫描下方二维码即可观看",
            "长按识别二维码关注",
            "长按二维码收听",
            "微信扫一扫关注",
        ],
    ),
    Expect(
        "a sentence about scanning",
        false=(QR_PROMPT.match, is_furniture),
        texts=[
            "扫码支付已经成为澜州市民的习惯。",
            "扫码点餐让顾客少排队。",
            "扫黑除恶专项行动",
            "职工扫码就能提交意见。",
            "扫描仪",
        ],
    ),
    Expect(
        "a TOC head",
        true=(TOC_HEAD.search,),
        texts=[
            "《澜州工运》2025年第9期要目",
            "本期目录",
            "本期导读",
            "要目",
        ],
    ),
    Expect(
        "not a TOC head",
        false=(TOC_HEAD.search,),
        texts=[
            "要目如下：",
            "目录上列着二十多个项目",
            "《澜州工运》2025年第9期",
        ],
    ),
    Expect(
        "a TOC item",
        true=(TOC_ITEM.search,),
        texts=[
            "- 青禾县工会工作纪实 王小禾",
            "— 澜州港桥吊远程操控",
            "• 职工书屋建设",
            "1. 劳动关系协调",
            "3、职工书屋建设",
            "劳动关系协调……王小禾",
            "劳动关系协调..........12",
        ],
    ),
    Expect(
        "not a TOC item",
        false=(TOC_ITEM.search,),
        texts=[
            "澜州市总工会召开会议。",
            "2025年澜州市总工会",
            "12个功能区全部开放",
        ],
    ),
    Expect(
        "an editorial label",
        true=(EDITORIAL_LABEL.search,),
        texts=["社论", "本报评论员", "评论员文章", "短评", "时评", "社论：让议事角真正议起来"],
    ),
    Expect("not an editorial label", false=(EDITORIAL_LABEL.search,), texts=["社会新闻", "评论", "澜州论坛"]),
]


@pytest.mark.parametrize(
    ("expect", "text"),
    [(e, t) for e in EXPECTATIONS for t in e.texts],
    ids=[f"{e.name}-{i}" for e in EXPECTATIONS for i in range(len(e.texts))],
)
def test_line_shapes(expect: Expect, text: str) -> None:
    for holds in expect.true:
        assert holds(text), f"{expect.name}: {getattr(holds, '__qualname__', holds)} fails on {text!r}"
    for fails in expect.false:
        assert not fails(text), f"{expect.name}: {getattr(fails, '__qualname__', fails)} holds on {text!r}"


def test_dateline_test_looks_only_at_the_head() -> None:
    # The cheap guard looks for 讯/电 in the first 40 characters only.
    late = "澜" * 45 + "本报讯（记者方砚秋）"
    assert not opens_with_dateline(late)


def test_embedded_credit_after_a_title() -> None:
    text = "澜州市总启动秋季职工技能提升行动 本报记者 叶知秋"
    match = EMBEDDED_CREDIT.search(text)
    assert match is not None
    assert text[: match.start()] == "澜州市总启动秋季职工技能提升行动"
    assert BYLINE.match(text[match.end() :])


def test_may_be_credit_is_a_cheap_superset() -> None:
    assert may_be_credit("（陶安澜）")
    assert may_be_credit("韩小棠 摄")
    assert may_be_credit("新华社澜州9月2日电")
    assert not may_be_credit("澜州开展劳动关系和谐指数测评")
    assert not may_be_credit("（以下简称“议事角”的做法深受职工欢迎）")


def test_normalise_spaces() -> None:
    assert normalise_spaces("  本报记者\u3000\u3000钟雨眠 \t 通讯员 ") == "本报记者 钟雨眠 通讯员"
