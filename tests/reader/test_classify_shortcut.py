"""classify_line's shortcut for body lines decides as its full chain of tests would.

The shortcut skips every test when a line holds none of the furniture and credit
hints; a rule added to those tests without its hint would be skipped silently.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.pages import page_text
from reader.lines import split_lines
from reader.units import UnitKind, classify_by_tests, classify_line
from tests.reader.pagegen import generate_page

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

#: Special lines of every kind, invented, and body lines that hold hint characters.
SPECIAL = [
    "（上接第1版）",
    "(下转第3版)",
    "转第 2 版",
    "12",
    "A3",
    "第 4 版",
    "2025年10月1日 星期三",
    "星期五 2024年3月8日 第5版",
    "扫码阅读全文",
    "长按识别二维码关注",
    "本报记者 王明华 李强",
    "本报通讯员 周芳 摄",
    "张伟 摄",
    "（赵敏）",
    "（新华社澜州3月2日电）",
    "评论员文章",
    "本期导读",
    "《工会文化》2025年第10期要目",
    "记者手记：一线的年轻人",
    "电力工人的一天",
    "他们在车间里工作了三十年，",
    "编辑部的故事",
    "作者系本报评论员",
]


def _lines_of(text: str) -> list[str]:
    return [line.text for line in split_lines(text)]


def _all_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [page_text(i, seed=5) for i in range(20)]
    texts += [generate_page(seed)[0] for seed in range(50000, 50040)]
    lines = [line for text in texts for line in _lines_of(text)]
    rng = random.Random(7)
    pieces = [*SPECIAL, "职工", "，", "年", "电", "转", "摄", "（", "第", " ", "3"]
    lines += ["".join(rng.choices(pieces, k=rng.randint(1, 5))).strip() or "年" for _ in range(2000)]
    return [*SPECIAL, *lines]


@pytest.mark.parametrize("chunk", range(4))
def test_shortcut_agrees_with_the_full_tests(chunk: int) -> None:
    lines = _all_lines()[chunk::4]
    differ = [(t, classify_line(t), classify_by_tests(t)) for t in lines if classify_line(t) != classify_by_tests(t)]
    assert not differ, differ[:5]


def test_the_cases_cover_every_kind() -> None:
    kinds = {classify_line(t) for t in _all_lines()}
    assert kinds == set(UnitKind), set(UnitKind) - kinds
