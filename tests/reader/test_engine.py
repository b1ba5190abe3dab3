"""End to end: small invented dumps in both extractor styles, and the edge cases of the input."""

from __future__ import annotations

import codecs
import re

import pytest

from reader import (
    ArticleKind,
    Document,
    Extractor,
    Layout,
    document_to_gold,
    reflow_bytes,
    reflow_text,
)
from reader.charclass import PUNCT_COMPRESSIBLE, char_width


def column(*paragraphs: str, measure: float = 16.0, indent: int = 2) -> list[str]:
    """Set paragraphs in a column: first line indented ``indent`` em, punctuation may hang."""
    out: list[str] = []
    for paragraph in paragraphs:
        line, width, limit = "", 0.0, measure - indent
        for ch in paragraph:
            w = char_width(ch)
            if line and width + w > limit and ch not in PUNCT_COMPRESSIBLE:
                out.append(line)
                line, width, limit = "", 0.0, measure
            line += ch
            width += w
        out.append(line)
    return out


def page(*blocks: str | list[str]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else block)
    return lines


def _ws(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


# --- a column dump, headlines after the body -----------------------------------------------

COLUMN_HEADER = "澜州工人报 2025年10月8日 星期三 2"
P1 = "“食堂晚班能不能加一份热汤？”10月6日一早，青禾县石桥机械厂装配车间的工会小组长贺远帆就把这条意见写进了台账。"
P2 = "今年以来，青禾县总工会在全县38家企业推行“一线议事”工作法，由工会小组长定期收集职工意见，一周一汇总、半月一反馈。"
SUBHEAD = "意见有了“直通车”"
P3 = (
    "石桥机械厂工会主席严知夏介绍，过去职工有意见要层层上报，往往一两个月才有答复，"
    "现在小组长每周五把意见交到厂工会，大部分问题当周就能解决。"
)
P4 = "截至9月底，全县企业工会小组长共收集意见2600余条，办结率达到94%。"
KICKER = "青禾县总工会在全县企业推行“一线议事”工作法——"
TITLE = "工会小组长成了车间里的“传声筒”"
D1 = "本报讯（记者温知远）10月7日，澜州市首届职工趣味运动会在市体育中心开幕，来自全市60家企业的1200余名职工参加比赛。"
D2 = "运动会设拔河、跳绳、托球跑等12个项目，比赛将持续3天，获奖职工将代表澜州参加全省比赛。"
D_TITLE = "澜州市首届职工趣味运动会在市体育中心开幕"
CAPTION = "10月5日，青禾县白鹭镇的果农在果园里采摘蜜橘。今年以来，镇工会组织技术骨干为果农开展培训。"
T1 = "澜州市总工会日前为全市80个户外劳动者暖心站配发了应急药箱，药箱内有常用药品和急救用品。"
T2 = "市总工会还将组织医护志愿者定期到暖心站开展健康义诊。"
T_TITLE = "澜州市总工会为户外劳动者暖心站配发应急药箱"

COLUMN_LINES = page(
    COLUMN_HEADER,
    "本报记者 苏映雪 本报通讯员 白小芹",
    column(P1, P2),
    SUBHEAD,
    column(P3, P4),
    KICKER,
    TITLE,
    column(D1, D2),
    D_TITLE,
    column(CAPTION, indent=0),
    "本报记者 韩小棠 摄",
    "蜜橘丰收",
    column(T1, T2),
    "（陶安澜）",
    T_TITLE,
    "扫一扫阅读电子版",
)
COLUMN_DUMP = "\n".join(COLUMN_LINES) + "\n"


def _gappy(lines: list[str], tight: list[str]) -> str:
    """Blank lines between all lines except inside the ``tight`` block (as some extractors write)."""
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if not (line in tight and i + 1 < len(lines) and lines[i + 1] in tight):
            out.append("")
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module", params=["tight", "gappy"])
def column_doc(request: pytest.FixtureRequest) -> Document:
    raw = COLUMN_DUMP if request.param == "tight" else _gappy(COLUMN_LINES, column(CAPTION, indent=0))
    return reflow_text(raw, "column.txt")


def test_column_page_shape(column_doc: Document) -> None:
    assert column_doc.extractor is Extractor.COLUMN_LINES
    assert column_doc.layout is Layout.TITLE_AFTER
    assert [a.kind for a in column_doc.articles] == [
        ArticleKind.NEWS,
        ArticleKind.NEWS,
        ArticleKind.PHOTO,
        ArticleKind.NEWS,
    ]


def test_column_page_furniture(column_doc: Document) -> None:
    assert [_ws(str(f)) for f in column_doc.furniture] == [_ws(COLUMN_HEADER), "扫一扫阅读电子版"]


def test_column_page_feature_story(column_doc: Document) -> None:
    gold = document_to_gold(column_doc)["articles"][0]
    assert gold["kicker"] == KICKER
    assert gold["title"] == TITLE
    assert gold["subtitle"] is None
    assert gold["byline"] == "本报记者 苏映雪 本报通讯员 白小芹"
    assert gold["continued_from"] is None
    assert gold["paragraphs"] == [P1, P2, SUBHEAD, P3, P4]
    assert gold["subheads"] == [SUBHEAD]


def test_column_page_dateline_story(column_doc: Document) -> None:
    gold = document_to_gold(column_doc)["articles"][1]
    assert gold["title"] == D_TITLE
    assert gold["kicker"] is None
    assert gold["byline"] is None  # the inline dateline is not a byline ...
    assert gold["paragraphs"] == [D1, D2]  # ... it stays in the first paragraph


def test_column_page_photo(column_doc: Document) -> None:
    gold = document_to_gold(column_doc)["articles"][2]
    assert gold["kind"] == "photo"
    assert gold["title"] == "蜜橘丰收"
    assert gold["byline"] == "本报记者 韩小棠 摄"
    assert gold["paragraphs"] == [CAPTION]


def test_column_page_trailing_credit(column_doc: Document) -> None:
    gold = document_to_gold(column_doc)["articles"][3]
    assert gold["title"] == T_TITLE
    assert gold["byline"] == "（陶安澜）"
    assert gold["paragraphs"] == [T1, T2]


def test_tight_and_gappy_column_dumps_agree() -> None:
    tight = document_to_gold(reflow_text(COLUMN_DUMP, "a.txt"))
    gappy = document_to_gold(reflow_text(_gappy(COLUMN_LINES, column(CAPTION, indent=0)), "a.txt"))
    assert tight == gappy


#: The 暖心站 article set headline first: title, byline, its column.
T_HEADLINE_FIRST = (T_TITLE, "本报记者 苏映雪", column(T1, T2))
JUMP_BODY = "澜州港自动化码头今年吞吐量已突破300万标准箱，码头职工通过培训全部实现转岗。"


def test_headlines_before_the_body_in_a_column_dump() -> None:
    raw = "\n".join(
        page(
            *T_HEADLINE_FIRST,
            "青禾县职工书屋新添图书三千余册供职工借阅",
            "本报记者 温知远",
            column("青禾县总工会日前为全县职工书屋新添图书三千余册，涵盖技能培训、法律知识等门类。"),
            "（上接第1版）",
            column(JUMP_BODY),
            "（新华社澜州10月7日电）",
        )
    )
    doc = reflow_text(raw)
    assert doc.layout is Layout.TITLE_BEFORE
    gold = document_to_gold(doc)
    assert [(a["title"], a["byline"], a["continued_from"]) for a in gold["articles"]] == [
        (T_TITLE, "本报记者 苏映雪", None),
        ("青禾县职工书屋新添图书三千余册供职工借阅", "本报记者 温知远", None),
        (None, "（新华社澜州10月7日电）", "（上接第1版）"),
    ]
    assert gold["articles"][0]["paragraphs"] == [T1, T2]
    assert gold["articles"][2]["paragraphs"] == [JUMP_BODY]


def test_mixed_layout() -> None:
    raw = "\n".join(page(*T_HEADLINE_FIRST, "（苏映雪）", column(D1, D2), D_TITLE))
    doc = reflow_text(raw)
    assert doc.layout is Layout.MIXED
    assert [str(a.title) for a in doc.articles] == [T_TITLE, D_TITLE]


# --- a paragraph dump, headlines first ---------------------------------------------------------

PARAGRAPH_DUMP = """澜州工人报 2025年10月8日 星期三 3

青禾县推行“一线议事”工作法——
工会小组长成了车间“传声筒”
——青禾县总工会推动企业民主管理向班组延伸
本报记者 苏映雪 通讯员 白小芹
“食堂晚班能不能加一份热汤?”10月6日一早,青禾县石桥机械厂装配车间的工会小组长贺远帆就把这条意见写进了台账。
今年以来,青禾县总工会在全县38家企业推行“一线议事”工作法,由工会小组长定期收集职工意见,一周一汇总、半月一反馈。
意见有了“直通车”
石桥机械厂工会主席严知夏介绍,过去职工有意见要层层上报,往往一两个月才有答复,现在小组长每周五把意见交到厂工会。
截至9月底,全县企业工会小组长共收集意见2600余条,办结率达到94%。
让小组长“说得上话”
为了让小组长说话有分量,县总工会组织了3期专题培训,并把议事成效纳入企业工会年度考核。
本报讯(记者温知远)10月7日,澜州市首届职工趣味运动会在市体育中心开幕,来自全市60家企业的1200余名职工参加比赛。
运动会设拔河、跳绳、托球跑等12个项目,比赛将持续3天。

社论
让职工在家门口享受服务
职工服务阵地离职工越近,服务就越有温度。澜州各地把服务中心建到园区、建到楼宇,值得肯定。
服务阵地建起来只是第一步,关键在于用起来、活起来,真正成为职工愿意来、经常来的地方。

(上接第1版)
澜州港自动化码头今年吞吐量已突破300万标准箱,码头职工通过培训全部实现转岗。
港口工会还为转岗职工建立了技能档案,跟踪他们的适应情况。
(新华社澜州10月7日电)

《澜州工运》2025年第10期要目
- 推动产业工人队伍建设改革的澜州探索……严知夏
- 快递骑手夜间劳动保护的几点思考……温知远
扫一扫阅读电子版
"""


@pytest.fixture(scope="module")
def paragraph_gold() -> dict:
    doc = reflow_text(PARAGRAPH_DUMP, "/some/dir/page_b.txt")
    assert doc.extractor is Extractor.PARAGRAPH_LINES
    return document_to_gold(doc)


def test_paragraph_page_shape(paragraph_gold: dict) -> None:
    assert paragraph_gold["source"] == "page_b.txt"
    assert paragraph_gold["layout"] == "title-before"
    assert [a["kind"] for a in paragraph_gold["articles"]] == ["news", "brief", "editorial", "news", "toc"]
    furniture = [_ws(f) for f in paragraph_gold["furniture"]]
    assert furniture == [_ws("澜州工人报 2025年10月8日 星期三 3"), "扫一扫阅读电子版"]


def test_paragraph_page_feature_story(paragraph_gold: dict) -> None:
    art = paragraph_gold["articles"][0]
    assert art["kicker"] == "青禾县推行“一线议事”工作法——"
    assert art["title"] == "工会小组长成了车间“传声筒”"
    assert art["subtitle"] == "——青禾县总工会推动企业民主管理向班组延伸"
    assert art["byline"] == "本报记者 苏映雪 通讯员 白小芹"
    assert len(art["paragraphs"]) == 7
    assert art["subheads"] == ["意见有了“直通车”", "让小组长“说得上话”"]
    assert art["paragraphs"][2] == "意见有了“直通车”"
    assert art["paragraphs"][5] == "让小组长“说得上话”"
    assert all(s in art["paragraphs"] for s in art["subheads"])


def test_paragraph_page_brief(paragraph_gold: dict) -> None:
    art = paragraph_gold["articles"][1]
    assert art["title"] is None and art["byline"] is None
    assert art["paragraphs"][0].startswith("本报讯(记者温知远)10月7日,")
    assert len(art["paragraphs"]) == 2


def test_paragraph_page_editorial(paragraph_gold: dict) -> None:
    art = paragraph_gold["articles"][2]
    assert art["kind"] == "editorial"
    assert art["title"] == "让职工在家门口享受服务"
    assert len(art["paragraphs"]) == 2


def test_paragraph_page_jump_story(paragraph_gold: dict) -> None:
    art = paragraph_gold["articles"][3]
    assert art["continued_from"] == "(上接第1版)"
    assert art["byline"] == "(新华社澜州10月7日电)"
    assert art["title"] is None
    assert art["paragraphs"][0].startswith("澜州港自动化码头")
    assert all("上接" not in p for p in art["paragraphs"])


def test_paragraph_page_toc(paragraph_gold: dict) -> None:
    art = paragraph_gold["articles"][4]
    assert art["title"] == "《澜州工运》2025年第10期要目"
    assert art["paragraphs"] == [
        "- 推动产业工人队伍建设改革的澜州探索……严知夏",
        "- 快递骑手夜间劳动保护的几点思考……温知远",
    ]


def test_editorial_labelled_by_commentator_kicker() -> None:
    raw = (
        "本报评论员\n"
        "让职工在家门口享受服务\n"
        "职工服务阵地离职工越近,服务就越有温度。澜州各地把服务中心建到园区、建到楼宇,值得肯定,也值得推广。\n"
        "服务阵地建起来只是第一步,关键在于用起来、活起来,真正成为职工愿意来、经常来的地方。\n"
    )
    doc = reflow_text(raw)
    assert doc.extractor is Extractor.PARAGRAPH_LINES
    assert [a.kind for a in doc.articles] == [ArticleKind.EDITORIAL]


def test_gold_keys_in_order(paragraph_gold: dict) -> None:
    assert list(paragraph_gold) == ["source", "layout", "furniture", "articles"]
    for art in paragraph_gold["articles"]:
        assert list(art) == [
            "kind",
            "kicker",
            "title",
            "subtitle",
            "byline",
            "continued_from",
            "paragraphs",
            "subheads",
            # Extras the gold format ignores: the engine's confidence in its boundaries.
            "confidence",
            "paragraph_confidences",
        ]


# --- every output character traces to the raw text --------------------------------------------


def _assert_traced(doc: Document) -> None:
    strings = list(doc.furniture) + [t for a in doc.articles for _, t in a.traced_fields()]
    assert strings
    for traced in strings:
        for ch, src in zip(traced.text, traced.sources, strict=True):
            assert ch == doc.raw[src] or (ch == " " and doc.raw[src].isspace())


@pytest.mark.parametrize("raw", [COLUMN_DUMP, PARAGRAPH_DUMP], ids=["column", "paragraph"])
def test_traced(raw: str) -> None:
    _assert_traced(reflow_text(raw))


# --- edge cases ---------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "\n", " \r\n\u3000\n\t"])
def test_blank_input_has_no_articles(raw: str) -> None:
    doc = reflow_text(raw, "blank.txt")
    assert doc.articles == []
    assert doc.furniture == []
    assert doc.raw == raw
    assert document_to_gold(doc) == {"source": "blank.txt", "layout": "title-after", "furniture": [], "articles": []}


def test_one_line() -> None:
    raw = "澜州市总工会日前召开推进会，部署全市职工技能提升行动。"
    doc = reflow_text(raw)
    assert len(doc.articles) == 1
    assert [str(p) for p in doc.articles[0].paragraphs] == [raw]
    assert doc.articles[0].kind is ArticleKind.BRIEF


def test_one_line_of_furniture() -> None:
    doc = reflow_text("扫一扫阅读电子版")
    assert doc.articles == []
    assert [str(f) for f in doc.furniture] == ["扫一扫阅读电子版"]


def test_no_blank_lines_at_all() -> None:
    assert "\n\n" not in COLUMN_DUMP
    doc = reflow_text(COLUMN_DUMP)
    assert len(doc.articles) == 4


@pytest.mark.parametrize("raw", [COLUMN_DUMP, PARAGRAPH_DUMP], ids=["column", "paragraph"])
def test_crlf_gives_the_same_articles(raw: str) -> None:
    lf = document_to_gold(reflow_text(raw))
    crlf_doc = reflow_text(raw.replace("\n", "\r\n"))
    assert document_to_gold(crlf_doc) == lf
    _assert_traced(crlf_doc)
    cr_doc = reflow_text(raw.replace("\n", "\r"))
    assert document_to_gold(cr_doc) == lf


def test_character_outside_the_bmp_keeps_code_point_offsets() -> None:
    paragraph = "青禾县𠀋村的职工书屋今天开放，全村职工都可以借阅图书，书屋还设有𠀋村史展。"
    raw = "扫一扫阅读电子版\n𠀋村书屋开放\n" + paragraph + "\n"
    doc = reflow_text(raw)
    body = doc.articles[0].paragraphs[0]
    assert str(body) == paragraph
    start = raw.index(paragraph)
    assert tuple(body.sources) == tuple(range(start, start + len(paragraph)))
    assert raw[body.sources[3]] == "𠀋"
    assert str(doc.articles[0].title) == "𠀋村书屋开放"
    assert doc.articles[0].title is not None and doc.articles[0].title.sources[0] == raw.index("𠀋村书屋")


def test_ten_megabytes() -> None:
    one_page = COLUMN_DUMP + "\n"
    copies = 10_000_000 // len(one_page.encode("utf-8")) + 1
    raw = one_page * copies
    assert len(raw.encode("utf-8")) >= 10_000_000
    doc = reflow_text(raw)
    assert len(doc.articles) >= 3 * copies
    last = doc.articles[-1]
    assert str(last.title) == T_TITLE
    assert last.raw_span[1] <= len(raw)
    # The last copy is traced into the last copy of the raw text.
    assert last.raw_span[0] > len(raw) - len(one_page)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("gb18030"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8-bom", "gb18030"],
)
@pytest.mark.parametrize("raw", [COLUMN_DUMP, PARAGRAPH_DUMP], ids=["column", "paragraph"])
def test_reflow_bytes_equals_reflow_text(raw: str, encode) -> None:
    from_bytes = reflow_bytes(encode(raw), "page.txt")
    from_text = reflow_text(raw, "page.txt")
    assert from_bytes.raw == raw
    assert document_to_gold(from_bytes) == document_to_gold(from_text)
    assert [[t.sources for _, t in a.traced_fields()] for a in from_bytes.articles] == [
        [t.sources for _, t in a.traced_fields()] for a in from_text.articles
    ]


def test_reflow_bytes_records_the_encoding() -> None:
    assert reflow_bytes(codecs.BOM_UTF16_LE + PARAGRAPH_DUMP.encode("utf-16-le")).encoding == "utf-16-le"
    assert reflow_bytes(PARAGRAPH_DUMP.encode("gb18030")).encoding == "gb18030"
    assert reflow_text(PARAGRAPH_DUMP).encoding == "utf-8"
