"""A page typesetter that damages pages the way real extractors do, with the answer key.

:func:`generate_page` lays articles out as a raw dump plus its gold JSON (GOLD-SPEC
shape), so the engine can be scored on pages it has never seen. Articles come from
the shared corpus gold files (read at run time, never stored here) or are invented
from a small vocabulary of generic words. What varies, page by page, is what real
dumps vary in: the column measure (11-26 em), how many characters a justified
line holds (measure -4 to +1), indents kept or lost, blank lines everywhere,
nowhere or mixed, headlines before or after their body, adjacent or set apart,
credits inline or alone, letter-spaced lines, photo-story pages, table-of-contents
boxes whose items run together, and both extractor styles.

Subheads are set as real papers set them: a story has none, or a series of two to
four (mostly three) headings of much the same length spread evenly through a long
body after a lead of a paragraph or few. Every shared gold article with subheads
has exactly three, 8-19 characters long, evenly spaced, in a body of 14 or more
paragraphs; none has a lone one. An earlier version gave invented stories a single
subhead, a layout no paper uses, which made a lone heading between paragraphs look
as often like a subhead as like the headline of an unmarked story.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reader.charclass import LINE_END_HYPHENS

#: Characters a line may not start with (kinsoku): they are pushed onto the line before.
NO_LINE_START = frozenset("，。、；：！？”’）》」』…")
#: Characters a line may not end with: they move to the next line.
NO_LINE_END = frozenset("“‘（《「『")

WORDS = (
    "职工 工会 服务 技能 培训 企业 岗位 安全 生产 推进 建设 发展 活动 组织 基层 一线 机制 平台 项目 "
    "技术 创新 工作 群众 社区 站点 班组 师傅 学员 设备 质量 标准 课程 竞赛 比武 调解 协商 权益 保障 "
    "就业 帮扶 困难 家庭 健康 文化 阵地 书屋 驿站 农民工 新就业 形态 劳动者 骨干 团队 车间 工厂 "
    "码头 线路 维修 检修 调度 运营 管理 制度 流程 经验 成果 效益 水平 能力 素质 队伍 人才 工匠 "
    "模范 先进 典型 示范 带动 引领 落实 开展 举办 组建 完善 提升 加强 深化 拓展 覆盖 实现 形成"
).split()
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "明华强伟芳敏静丽军洋勇艳杰娟涛超秀霞平刚桂英文辉力鹏宁婷"
ROLES = ("本报记者", "本报通讯员", "记者", "通讯员")
SECTIONS = ("特别报道", "专家笔谈", "理论前沿", "基层实践", "域外视野")
LABELS = ("社论", "评论员文章", "本报评论员")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phrase(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words))


def _sentence(rng: random.Random) -> str:
    parts = [_phrase(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.25:
        parts.insert(rng.randrange(len(parts)), f"{rng.randint(2, 980)}个{rng.choice(WORDS)}")
    body = "，".join(parts)
    if rng.random() < 0.15:
        body = f"“{body}”"
        return body + rng.choice(("他说。", "她说。", "负责人表示。"))
    return body + rng.choice("。。。。！？")


def invented_paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return "".join(_sentence(rng) for _ in range(sentences or rng.randint(1, 4)))


def invented_title(rng: random.Random, lo: int = 6, hi: int = 18) -> str:
    text = ""
    while len(text) < lo:
        text += rng.choice(WORDS)
    return text[:hi]


@dataclass(kw_only=True)
class Article:
    """One article as the gold file writes it: its fields are the gold keys, in the file's order."""

    kind: str = "news"
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    continued_from: str | None = None
    paragraphs: list[str]
    subheads: list[str] = field(default_factory=list)

    def gold(self) -> dict:
        return asdict(self)  # the lists copied

    @classmethod
    def from_gold(cls, entry: dict) -> Article:
        """The article of an entry of a gold file (keys that are not fields are left out)."""
        return cls(**{f.name: entry[f.name] for f in fields(cls)})


def load_real_articles(corpus: Path) -> list[Article]:
    """The articles of the shared gold files (read at run time; nothing is stored)."""
    out: list[Article] = []
    for path in sorted((corpus / "gold").glob("*.json")):
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            if a["kind"] in ("news", "photo", "editorial") and a["paragraphs"]:
                out.append(Article.from_gold(a))
    return out


#: Share of invented stories long enough to carry a series of subheads.
SERIES_SHARE = 0.25


def invented_series_body(rng: random.Random) -> tuple[list[str], list[str]]:
    """A long body broken by a series of subheads: a lead, then like sections under like headings."""
    count = rng.choice((2, 3, 3, 3, 4))
    length = rng.randint(8, 16)
    section = rng.randint(2, 4)
    paragraphs = [invented_paragraph(rng) for _ in range(rng.randint(1, 3))]
    subheads: list[str] = []
    for _ in range(count):
        size = max(6, min(19, length + rng.randint(-2, 2)))
        subheads.append(invented_title(rng, size, size))
        paragraphs.append(subheads[-1])
        paragraphs.extend(invented_paragraph(rng) for _ in range(max(1, section + rng.randint(-1, 1))))
    return paragraphs, subheads


def invented_article(rng: random.Random) -> Article:
    if rng.random() < SERIES_SHARE:
        paragraphs, subheads = invented_series_body(rng)
    else:
        paragraphs, subheads = [invented_paragraph(rng) for _ in range(rng.randint(2, 7))], []
    art = Article(paragraphs=paragraphs, title=invented_title(rng), subheads=subheads)
    roll = rng.random()
    if roll < 0.3:
        art.kicker = invented_title(rng, 8, 24) + ("——" if rng.random() < 0.5 else "")
    elif roll < 0.4:
        art.title = invented_title(rng, 26, 36)  # long: set over two lines
    if rng.random() < 0.35:
        art.byline = " ".join(f"{rng.choice(ROLES)} {_name(rng)}" for _ in range(rng.choice((1, 1, 2))))
    elif rng.random() < 0.3:
        art.paragraphs[0] = f"本报讯（记者{_name(rng)}）" + art.paragraphs[0]
    return art


def invented_photo(rng: random.Random) -> Article:
    caption = [invented_paragraph(rng, rng.randint(1, 2)) for _ in range(rng.choice((1, 1, 2)))]
    credit = (f"{rng.choice(ROLES)} " if rng.random() < 0.6 else "") + f"{_name(rng)} 摄"
    return Article(kind="photo", title=invented_title(rng, 4, 10), byline=credit, paragraphs=caption)


def invented_toc(rng: random.Random) -> Article:
    items: list[str] = []
    for section in rng.sample(SECTIONS, rng.randint(1, 3)):
        items.append(section)
        items.extend(f"{invented_title(rng, 6, 16)}……{_name(rng)}" for _ in range(rng.randint(2, 4)))
    head = f"《{invented_title(rng, 2, 4)}》{rng.randint(2020, 2029)}年第{rng.randint(1, 12)}期要目"
    return Article(kind="toc", title=head, paragraphs=items)


# --- column-line dumps ---------------------------------------------------------------------


@dataclass
class Style:
    """How one page is damaged (drawn once per page, some parts per story)."""

    measure: int
    gaps: str  # "all", "none" or "mixed"
    title_before: bool
    head_gap: bool  # a blank line sets the headline apart even where body lines have none
    indent_kept: bool
    letter_spacing: float  # share of full lines letter-spaced
    inline_credit: float  # share of trailing credits put at the end of the last body line


def _width(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def set_column(text: str, measure: int, rng: random.Random, first_indent: bool = True) -> list[tuple[str, bool]]:
    """Break a paragraph into justified lines; returns (line, is_full) pairs.

    A full line holds measure -4 to +1 characters (stretched or squeezed
    punctuation, kinsoku pushes); the first line is two characters shorter.
    """
    out: list[tuple[str, bool]] = []
    i = 0
    first = True
    while i < len(text):
        cap = measure + rng.choices((-4, -3, -2, -1, 0, 1), (2, 3, 8, 20, 55, 12))[0]
        if first and first_indent:
            cap -= 2
        width = 0.0
        j = i
        while j < len(text) and width + _width(text[j]) <= cap:
            width += _width(text[j])
            j += 1
        if j < len(text):
            while j < len(text) and text[j] in NO_LINE_START:
                j += 1  # closing marks stay with the line before (kinsoku)
            while j - 1 > i and text[j - 1] in NO_LINE_END:
                j -= 1
            # Never break inside a Latin word or beside a space (the dump strips line ends).
            while (
                j - 1 > i
                and j < len(text)
                and (
                    (text[j - 1].isascii() and text[j - 1].isalnum() and text[j].isascii() and text[j].isalnum())
                    or text[j].isspace()
                    or text[j - 1].isspace()
                    or text[j - 1] in LINE_END_HYPHENS
                )
            ):
                j -= 1
        out.append((text[i:j], j < len(text)))
        i = j
        first = False
    return out


def _letter_space(line: str) -> str:
    """Spread a justified line: a space between ideographs, Latin words and numbers kept whole."""
    out = []
    for k, ch in enumerate(line):
        if k and not (ch.isascii() and ch.isalnum() and line[k - 1].isascii() and line[k - 1].isalnum()):
            out.append(" ")
        out.append(ch)
    return "".join(out)


class ColumnPage:
    """Accumulates dump lines with their blank-line pattern."""

    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.style = style
        self.out: list[str] = []
        self.story_gaps = style.gaps == "all"

    def emit(self, line: str, gap: bool | None = None, indent: bool = False) -> None:
        if self.out:
            use_gap = self.story_gaps if gap is None else gap
            if use_gap:
                self.out.append("")
        prefix = "　　" if indent and self.style.indent_kept else (" " if self.rng.random() < 0.1 else "")
        self.out.append(prefix + line)

    def headline(self, art: Article) -> None:
        gap = True if self.style.head_gap else None
        lines = [t for t in (art.kicker, art.title, art.subtitle) if t]
        for k, line in enumerate(lines):
            if len(line) > 24 and art.title == line and not art.kicker:
                cut = max(14, len(line) * 3 // 5)
                self.emit(line[:cut], gap if k == 0 else None)
                self.emit(line[cut:], None)
            else:
                self.emit(line, gap if k == 0 else None)

    def body(self, art: Article, measure: int) -> None:
        foot_credit = art.byline if art.byline and art.byline.startswith("（") else None
        for p, paragraph in enumerate(art.paragraphs):
            if paragraph in art.subheads:
                # A subhead is set inside the column: a long one wraps at the measure.
                for k in range(0, len(paragraph), measure):
                    self.emit(paragraph[k : k + measure])
                continue
            lines = set_column(paragraph, measure, self.rng)
            last_paragraph = p == len(art.paragraphs) - 1
            for k, (line, full) in enumerate(lines):
                if full and len(line) <= measure - 2 and self.rng.random() < self.style.letter_spacing:
                    line = _letter_space(line)
                if last_paragraph and k == len(lines) - 1 and foot_credit:
                    if self.rng.random() < self.style.inline_credit:
                        line = f"{line} {foot_credit}"
                        foot_credit = None
                self.emit(line, indent=k == 0)
        if foot_credit:
            self.emit(foot_credit)

    def story(self, art: Article) -> None:
        rng, style = self.rng, self.style
        if style.gaps == "mixed":
            self.story_gaps = rng.random() < 0.5
        measure = style.measure if rng.random() < 0.6 else max(11, min(26, style.measure + rng.randint(-4, 4)))
        standalone = art.byline if art.byline and not art.byline.startswith("（") and art.kind != "photo" else None
        if art.continued_from:
            self.emit(art.continued_from, True)
        if style.title_before:
            self.headline(art)
        if standalone:
            self.emit(standalone)
        self.body(art, measure)
        if art.kind == "photo" and art.byline:
            self.emit(art.byline)
        if not style.title_before:
            self.headline(art)


def _column_style(rng: random.Random) -> Style:
    return Style(
        measure=rng.randint(11, 26),
        gaps=rng.choice(("all", "none", "mixed")),
        title_before=rng.random() < 0.5,
        head_gap=rng.random() < 0.5,
        indent_kept=rng.random() < 0.5,
        letter_spacing=rng.choice((0.0, 0.05, 0.15)),
        inline_credit=rng.choice((0.0, 0.5, 1.0)),
    )


def _prepare(art: Article, rng: random.Random, style_title_before: bool) -> Article:
    """Per-story damage of the credits: a foot credit "（某某）" instead of a standalone one."""
    if art.kind == "news" and art.byline is None and rng.random() < 0.35:
        art.byline = f"（{_name(rng)}）"
    if art.kind == "news" and rng.random() < 0.08 and art.title and not art.continued_from:
        art.kind = "editorial"
        art.kicker = rng.choice(LABELS)
        art.subtitle = None
    return art


def _header(rng: random.Random) -> str:
    return (
        f"{invented_title(rng, 4, 4)} {rng.randint(2020, 2029)}年{rng.randint(1, 12)}月"
        f"{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')} {rng.randint(1, 8)}"
    )


def _pick(rng: random.Random, pool: list[Article], k: int) -> list[Article]:
    """``k`` different articles of the pool (as many as it holds), copied.

    Drawn without replacement: a page never prints the same story twice. (Drawn with
    replacement, half the pages of real articles held one twice, its headline and
    subheads then the "series partners" of themselves.)
    """
    picked = rng.sample(pool, min(k, len(pool)))
    return [Article(**{**a.__dict__, "paragraphs": list(a.paragraphs), "subheads": list(a.subheads)}) for a in picked]


def column_page(rng: random.Random, pool: list[Article]) -> tuple[str, dict]:
    style = _column_style(rng)
    page = ColumnPage(rng, style)
    furniture: list[str] = []
    if rng.random() < 0.4:
        furniture.append(_header(rng))
        page.emit(furniture[-1], True)
    if rng.random() < 0.2:
        arts = [invented_photo(rng) for _ in range(rng.randint(3, 6))]  # a photo-story page
    else:
        arts = [_prepare(a, rng, style.title_before) for a in _pick(rng, pool, rng.randint(2, 6))]
        if rng.random() < 0.3:
            arts.insert(rng.randrange(len(arts) + 1), invented_photo(rng))
    for art in arts:
        page.story(art)
    gold = {"source": "generated.txt", "layout": "title-before" if style.title_before else "title-after"}
    gold |= {"furniture": furniture, "articles": [a.gold() for a in arts]}
    return "\n".join(page.out) + "\n", gold


# --- paragraph-line dumps ------------------------------------------------------------------


def paragraph_page(rng: random.Random, pool: list[Article]) -> tuple[str, dict]:
    """One paragraph a line, headlines first; TOC items run several to a raw line."""
    out: list[str] = []
    gaps = rng.choice(("none", "none", "sparse"))
    arts = [_prepare(a, rng, True) for a in _pick(rng, pool, rng.randint(2, 5))]
    if rng.random() < 0.4:
        arts.insert(rng.randrange(len(arts) + 1), invented_toc(rng))
    if rng.random() < 0.3:
        arts.insert(rng.randrange(len(arts) + 1), invented_photo(rng))
    if rng.random() < 0.3:
        arts.insert(rng.randrange(len(arts) + 1), _list_article(rng))
    for art in arts:
        if out and gaps == "sparse":
            out.append("")
        if art.kind == "toc":
            out.append(art.title or "")
            out.extend(_run_together(art.paragraphs, rng))
            continue
        if art.continued_from:
            out.append(art.continued_from)
        out.extend(t for t in (art.kicker, art.title, art.subtitle) if t)
        foot = art.byline if art.byline and art.byline.startswith("（") else None
        if art.byline and not foot and art.kind != "photo":
            out.append(art.byline)
        body = list(art.paragraphs)
        if foot and rng.random() < 0.5:
            body[-1] = f"{body[-1]} {foot}"
            foot = None
        out.extend(body)
        if foot:
            out.append(foot)
        if art.kind == "photo" and art.byline:
            out.append(art.byline)
    gold = {"source": "generated.txt", "layout": "title-before", "furniture": [], "articles": [a.gold() for a in arts]}
    return "\n".join(out) + "\n", gold


def _list_article(rng: random.Random) -> Article:
    """Body lines opening with a "-" marker: each is a paragraph of its own."""
    lead = invented_paragraph(rng, 2)
    items = [f"- {invented_paragraph(rng, 1)}" for _ in range(rng.randint(2, 4))]
    return Article(title=invented_title(rng), paragraphs=[lead, *items])


def _run_together(items: list[str], rng: random.Random) -> list[str]:
    lines: list[str] = []
    k = 0
    while k < len(items):
        n = rng.randint(1, 3)
        lines.append(" ".join(items[k : k + n]))
        k += n
    return lines


def generate_page(seed: int, pool: list[Article] | None = None) -> tuple[str, dict]:
    """A damaged dump and its gold, reproducible from ``seed``.

    ``pool`` holds the articles to set (real ones from the shared corpus); without
    it, every article is invented.
    """
    rng = random.Random(seed)
    articles = pool or [invented_article(rng) for _ in range(12)]
    if rng.random() < 0.3:
        return paragraph_page(rng, articles)
    return column_page(rng, articles)
