"""Printed widths: character classes, line widths, and per-page punctuation calibration."""

from __future__ import annotations

import itertools

import pytest

from reader.charclass import (
    COMPRESSED_PUNCT,
    THIN_SPACE,
    WORD_SPACE,
    char_width,
    is_ascii_word,
    is_cjk,
    is_fullwidth_punct,
    is_wide,
    text_width,
    width_parts,
)
from reader.columns import calibrate_punctuation, measures_differ
from reader.lines import split_lines


@pytest.mark.parametrize(
    ("ch", "width"),
    [
        ("澜", 1.0),  # CJK ideograph
        ("𠀋", 1.0),  # CJK outside the BMP
        ("あ", 1.0),  # kana
        ("，", 0.5),  # compressible full-width punctuation
        ("。", 0.5),
        ("“", 0.5),
        ("》", 0.5),
        ("—", 1.0),  # dashes are not compressed
        ("…", 1.0),
        ("·", 1.0),
        ("Ａ", 1.0),  # full-width Latin
        ("A", 0.5),  # ASCII
        ("7", 0.5),
        (",", 0.5),
        (" ", 0.0),  # spaces carry no width of their own
        ("\u3000", 0.0),
        ("\t", 0.0),
    ],
)
def test_char_width(ch: str, width: float) -> None:
    assert char_width(ch) == width


def test_char_width_with_full_punctuation() -> None:
    assert char_width("，", punct_width=1.0) == 1.0
    assert char_width("澜", punct_width=1.0) == 1.0
    assert char_width("A", punct_width=1.0) == 0.5


def test_character_classes() -> None:
    assert is_cjk("澜") and is_cjk("𠀋") and is_cjk("㐀") and not is_cjk("，") and not is_cjk("A")
    assert is_fullwidth_punct("，") and is_fullwidth_punct("——"[0]) and is_fullwidth_punct("\u3000")
    assert not is_fullwidth_punct("澜") and not is_fullwidth_punct(",")
    assert is_wide("澜") and is_wide("，") and is_wide("１") and not is_wide("1")
    assert is_ascii_word("a") and is_ascii_word("7") and is_ascii_word("Ｂ")
    assert not is_ascii_word("澜") and not is_ascii_word("-") and not is_ascii_word(",")


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("澜州市总工会", 6.0),
        ("澜州，青禾。", 5.0),
        ("LED", 1.5),
        ("2025年", 3.0),
        ("“澜工e家”", 4.5),
        ("青禾——澜州", 6.0),
    ],
)
def test_text_width_without_spaces(text: str, width: float) -> None:
    assert text_width(text) == width


@pytest.mark.parametrize(
    "text",
    ["澜州市总工会", "在54家企业", "“澜工e家”平台", "青禾——澜州…", "Ｂ２栋", "RQFII（澜州）", "𠀋村", "a,b;c"],
)
def test_text_width_agrees_with_char_width(text: str) -> None:
    for punct in (0.5, 1.0):
        assert text_width(text, punct_width=punct) == pytest.approx(sum(char_width(ch, punct) for ch in text))


def test_thin_space_next_to_latin_or_digits() -> None:
    assert text_width("共 1200 家") == pytest.approx(2 * 1.0 + 4 * 0.5 + 2 * THIN_SPACE)
    assert text_width("LED 宣传") == pytest.approx(1.5 + 2.0 + THIN_SPACE)
    assert text_width("open source") == pytest.approx(5.0 + THIN_SPACE)


def test_word_space_between_cjk_words() -> None:
    assert text_width("可移动 占地小") == pytest.approx(6.0 + WORD_SPACE)
    assert text_width("本报记者 王某 本报通讯员 李某") == pytest.approx(13.0 + 3 * WORD_SPACE)
    # A run of several spaces is still one word space.
    assert text_width("可移动   占地小") == pytest.approx(6.0 + WORD_SPACE)


def test_space_next_to_punctuation_counts_nothing() -> None:
    assert text_width("澜州 ，青禾") == pytest.approx(4.5)
    assert text_width("澜州（ 青禾") == pytest.approx(4.5)


def test_letter_spaced_spaces_count_nothing() -> None:
    text = "会 上 ，个 贷 中 心 的 工 作"
    assert text_width(text, letter_spaced=True) == pytest.approx(9.5)
    assert text_width(text, letter_spaced=False) > 9.5


def test_width_parts() -> None:
    assert width_parts("澜州，青禾。") == (4.0, 2)
    base, punct = width_parts("本报讯 （记者孟青萝）9月 4日，")
    assert punct == 3
    assert text_width("本报讯 （记者孟青萝）9月 4日，", punct_width=1.0) == pytest.approx(base + punct)


# --- punctuation calibration ------------------------------------------------

_IDEOGRAPHS = "澜州青禾县总工会职工服务中心建成开放设有书屋驿站法律援助站托管室功能区每天"
_MARKS = "，。、；“”"


def _synthetic_column(punct_width: float, measure: int = 18, lines: int = 40) -> str:
    """Full column lines whose printed width is ``measure`` when punctuation is ``punct_width`` em.

    Lines carry 0, 2 or 4 marks; the ideographs fill the rest of the measure.
    Every fifth line is a paragraph's short last line.
    """
    ideographs = itertools.cycle(_IDEOGRAPHS)
    marks = itertools.cycle(_MARKS)
    out = []
    for i in range(lines):
        n_marks = (0, 2, 4)[i % 3]
        if i % 5 == 4:
            out.append("".join(next(ideographs) for _ in range(5)) + "。")
            continue
        n_ideo = int(measure - n_marks * punct_width)
        chars = [next(ideographs) for _ in range(n_ideo)]
        for k in range(n_marks):
            chars.insert(1 + k * 3, next(marks))
        out.append("".join(chars))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("punct_width", [0.5, 1.0])
def test_synthetic_column_is_built_right(punct_width: float) -> None:
    full = [line for line in split_lines(_synthetic_column(punct_width)) if not line.text.endswith("。")]
    assert {line.width_with(punct_width) for line in full} == {18.0}
    other = 1.0 if punct_width == 0.5 else 0.5
    assert len({line.width_with(other) for line in full}) == 3


@pytest.mark.parametrize("punct_width", [0.5, 1.0])
def test_calibrate_punctuation_finds_the_page_setting(punct_width: float) -> None:
    lines = split_lines(_synthetic_column(punct_width))
    assert calibrate_punctuation(lines) == punct_width
    for line in lines:
        assert line.width == line.width_with(punct_width)


def test_calibrate_punctuation_defaults_to_compressed() -> None:
    # No punctuation at all: both widths fit equally, the compressed default is kept.
    lines = split_lines("\n".join(["澜州青禾县总工会职工服务中心"] * 12) + "\n")
    assert calibrate_punctuation(lines) == COMPRESSED_PUNCT
    assert calibrate_punctuation([]) == COMPRESSED_PUNCT


def _block(widths: list[int]) -> list:
    """Column lines of invented text, one a width (CJK characters are one em each)."""
    text = "职工技能培训服务平台建设推进基层工作机制创新"
    return split_lines("\n".join((text * 2)[:w] for w in widths))


def test_justified_lines_short_by_chance_are_not_another_measure() -> None:
    # Both blocks are set at 15 em; the second's few lines happen to fall short (measure -4 to +1),
    # which moves its upper quartile by 1.5 em but not its widest line.
    before = _block([5, 7, 12, 12, 14, 15, 16, 16])
    after = _block([6, 11, 12, 14, 14, 15])
    assert not measures_differ(before, after)


def test_a_column_of_another_measure_moves_its_widest_lines() -> None:
    before = _block([5, 7, 12, 12, 14, 15, 16, 16])
    after = _block([6, 9, 11, 12, 12, 12, 13])
    assert measures_differ(before, after)
    assert measures_differ(after, before)
