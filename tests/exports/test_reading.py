"""Markdown and plain text for reading: corrected text, structure, escaping, LF without BOM."""

from __future__ import annotations

import pytest

from db.exports.reading import md_escape, write_markdown, write_text
from tests.exports.conftest import EXT_B


@pytest.fixture(scope="module")
def markdown(corpus, tmp_path_factory) -> str:
    data = write_markdown(corpus, tmp_path_factory.mktemp("md") / "corpus.md").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory) -> str:
    data = write_text(corpus, tmp_path_factory.mktemp("txt") / "corpus.txt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    return data.decode("utf-8")


def test_markdown_structure(markdown):
    lines = markdown.split("\n")
    assert "# 本地日报-2024-03-01-第1版.txt" in lines and "# 晚报 第3版.txt" in lines
    assert f"## {EXT_B}城工人要求补发拖欠工资" in lines
    title = lines.index(f"## {EXT_B}城工人要求补发拖欠工资")
    assert lines.index("*本报讯*") < title < lines.index("*劳资双方在区里协商*")
    assert "### 工人的诉求" in lines
    assert "**本报记者 王小明**" in lines and "**（通讯员 李四）**" in lines
    assert lines.index("**（通讯员 李四）**") > lines.index("### 工人的诉求")  # a closing byline stays at the end
    assert "`本地日报-2024-03-01-第1版.txt · 2024-03-01 · 要闻 第1版 · article · 已校对 proofread`" in lines
    assert "> 待核：工人人数" in lines
    assert "工人代表说，他们只要求按时发工资，并无其他要求。区劳动局已派人调解。" in lines  # corrected text
    assert "*𠀋城新建的纺织厂房。（摄影 张三）*" in lines


def test_markdown_escapes_syntax(markdown):
    lines = markdown.split("\n")
    assert "## \\=公式标题" in lines
    assert "\\# 不是标题" in lines
    assert "1\\. 不是列表，\\*也不是强调\\*，𠀋字在前。" in lines
    assert "制表符开头的段落。" in lines  # no leading tab: it would start a code block


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("# x", "\\# x"), ("- x", "\\- x"), ("12. x", "12\\. x"), ("a*b_c", "a\\*b\\_c"), ("[链接](x)", "\\[链接\\](x)")],
)
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped


def test_plain_text(plain, corpus):
    assert plain.startswith(corpus.project_name + "\n")
    blocks = plain.split("\n\n")
    assert f"本报讯\n{EXT_B}城工人要求补发拖欠工资\n劳资双方在区里协商" in blocks
    assert "[本地日报-2024-03-01-第1版.txt · 2024-03-01 · 要闻 第1版 · article · 已校对 proofread]" in blocks
    assert "【工人的诉求】" in blocks
    assert "〔图 𠀋城新建的纺织厂房。（摄影 张三）〕" in blocks
    assert "\t制表符开头的段落。" in blocks
    for article in corpus.articles:
        for block in article.blocks:
            assert article.text[block.start : block.end] in plain
