"""A real project (store file in a temp folder) with every kind of work done to it, for the store-based tests.

Invented text only. Two page dumps: one with CRLF line ends whose articles hold 𠀋
(U+2000B, outside the BMP), one LF page with a date in its file name. On them: a nested
codebook (one tag unused, one without colour), overlapping passages by two coders, a passage
over a paragraph boundary, a passage that became orphaned, notes, review states,
corrections (one with a note, one reverted, one overwritten by a later one), a split, a
join and a role change.
"""

from __future__ import annotations

from pathlib import Path

from db import Project

EXT_B = "\U0002000b"  # 𠀋
EDITOR = "王编辑"
RESEARCHER = "李研究员"

PAGE_CRLF = "\r\n".join(
    [
        "虚构日报 2024年3月1日 星期五 第1版",
        f"{EXT_B}城纺织工人要求补发工资",
        "本报记者 王小明",
        f"{EXT_B}城纺织厂三百多名工人昨天聚集在厂门口，要求厂方补发三个月的工资。厂方表示资金周转困难，承诺月底前给出方案。",
        "工人代表说，地们只要求按时发工资，并无其他要求。区劳动局已派人调解，双方同意下周再谈。",
        "区总工会表示将全程跟进，维护职工合法权益。",
        "",
        "新厂房下月投入使用",
        "本报记者 李四",
        f"{EXT_B}城开发区的新厂房已经完工，预计下月投入使用，可容纳五百名工人。",
        "开发区负责人介绍，新厂房配备了职工食堂和休息室。",
        "",
    ]
)
PAGE_LF = "\n".join(
    [
        "虚构晚报 星期二 第3版",
        "社区书屋延长开放时间",
        "本报记者 何小满",
        "从本月起，青禾街道的十二家社区书屋将晚间开放时间延长至二十一时，方便上班族下班后借书阅读。",
        "街道文化站负责人介绍，延长开放后，各书屋还将每周安排一次亲子阅读活动。",
        "",
    ]
)
NAME_CRLF = "虚构日报-第1版.txt"
NAME_LF = "晚报-2024-03-05.txt"


def write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    a, b = folder / NAME_CRLF, folder / NAME_LF
    a.write_bytes(PAGE_CRLF.encode("utf-8"))
    b.write_bytes(PAGE_LF.encode("utf-8"))
    return [a, b]


def span(p: Project, article_id: int, passage: str, occurrence: int = 0) -> tuple[int, int]:
    text = p.get_article(article_id).text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return start, start + len(passage)


def block_id(p: Project, article_id: int, containing: str) -> int:
    return next(b.id for b in p.get_article(article_id).blocks if containing in b.text)


def build(folder: Path, name: str = "work.jiaokan") -> Path:
    """Create the project in ``folder`` and return its path."""
    pages = write_pages(folder / "pages")
    path = folder / name
    with Project.open(path, author=EDITOR) as p:
        for page in pages:
            outcome = p.import_file(page)
            assert outcome.source_id is not None, outcome.reason
        daily = next(s.id for s in p.list_sources() if s.name == NAME_CRLF)
        evening = next(s.id for s in p.list_sources() if s.name == NAME_LF)
        strike, factory = p.article_ids(daily)
        (library,) = p.article_ids(evening)

        rights = p.add_tag("权益", colour="#3366cc", description="职工权益")
        wages = p.add_tag("工资", parent_id=rights.id, colour="#33aa55", description="工资拖欠与补发", slot=1)
        dispute = p.add_tag("劳资纠纷", colour="#cc3333")
        place = p.add_tag("地点")
        p.add_tag("未用标签", colour="#999999")

        # corrections in the strike article
        p.correct(strike, *span(p, strike, "地们"), "他们", note="OCR 误字")
        undone = p.correct(strike, *span(p, strike, "三百多名"), "300多名")
        p.revert(undone.id)
        p.correct(strike, *span(p, strike, "昨天"), "前天")
        p.correct(strike, *span(p, strike, "前天"), "昨日", note="再次核对")  # overwrites the previous one
        unions = block_id(p, strike, "区总工会")
        p.split_block(unions, p.get_block(unions).text.index("维护"))

        # passages: two coders, overlaps, one over the title/byline boundary, one with 𠀋
        p.author = RESEARCHER
        p.annotate(strike, dispute.id, 2, 20, note="跨越标题与署名")
        p.annotate(strike, place.id, *span(p, strike, f"{EXT_B}城纺织厂"))
        p.annotate(strike, rights.id, *span(p, strike, "要求厂方补发三个月的工资"), note="=1+1 不是公式")
        p.author = EDITOR
        p.annotate(strike, wages.id, 5, 30)
        p.annotate(strike, rights.id, *span(p, strike, "要求厂方补发三个月"))
        p.annotate(strike, wages.id, *span(p, strike, "他们只要求按时发工资"), note="更正之后")
        p.add_note(strike, "待核：工人人数")
        p.set_review_state(strike, "proofread")

        # the factory article: a join, a passage over the former paragraph break, a role change
        p.join_with_next(block_id(p, factory, "开发区的新厂房"))
        p.annotate(factory, place.id, *span(p, factory, "五百名工人。开发区"))
        p.set_block_role(block_id(p, factory, "本报记者"), "subtitle")
        p.set_review_state(factory, "in_progress")

        # the library article: both coders tag it (agreement), one passage loses its text (orphaned)
        p.author = RESEARCHER
        p.annotate(library, rights.id, *span(p, library, "方便上班族下班后借书阅读"))
        p.annotate(library, dispute.id, *span(p, library, "十二家"))
        p.author = EDITOR
        p.annotate(library, rights.id, *span(p, library, "上班族下班后借书"))
        p.annotate(library, place.id, *span(p, library, "亲子"))
        p.correct(library, *span(p, library, "亲子"), "")
        p.add_note(library, "第二条笔记")
    return path
