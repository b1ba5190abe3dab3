"""Splitting a dump into lines: newline conventions, offsets, gaps, letter spacing."""

from __future__ import annotations

import pytest

from reader.lines import Line, is_letter_spaced, split_lines


def _check_offsets(raw: str, lines: list[Line]) -> None:
    for line in lines:
        assert raw[line.start : line.end] == line.text
        assert line.text == line.text.strip()
        assert line.text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_each_newline_convention(newline: str) -> None:
    raw = newline.join(["澜州市总工会", "青禾县职工", "", "服务中心建成"]) + newline
    lines = split_lines(raw)
    assert [line.text for line in lines] == ["澜州市总工会", "青禾县职工", "服务中心建成"]
    assert [line.number for line in lines] == [0, 1, 3]
    _check_offsets(raw, lines)


def test_mixed_newlines_and_offsets() -> None:
    raw = "第一行文字\r\n\r\n  第二行 \r第三行\n\n\n\u3000\u3000第四行\r\n第五行"
    lines = split_lines(raw)
    assert [line.text for line in lines] == ["第一行文字", "第二行", "第三行", "第四行", "第五行"]
    assert [line.number for line in lines] == [0, 2, 3, 6, 7]
    assert [line.start for line in lines] == [0, 11, 16, 24, 29]
    _check_offsets(raw, lines)


def test_offsets_are_code_points_outside_the_bmp() -> None:
    raw = "𠀋村\n  澜州𠀋青禾\n"
    lines = split_lines(raw)
    assert [(line.start, line.end) for line in lines] == [(0, 2), (5, 10)]
    _check_offsets(raw, lines)


def test_gap_before() -> None:
    raw = "一号线\n二号线\n\n三号线\n \t \n\u3000\n四号线\n五号线\n"
    gaps = [line.gap_before for line in split_lines(raw)]
    # The first line counts as set apart (nothing stands before it).
    assert gaps == [True, False, True, True, False]


def test_leading_blank_lines() -> None:
    lines = split_lines("\n\n澜州\n")
    assert lines[0].gap_before
    assert lines[0].number == 2


def test_blank_input() -> None:
    assert split_lines("") == []
    assert split_lines(" \n\r\n\u3000\t\n") == []


def test_no_trailing_newline() -> None:
    raw = "澜州\n青禾"
    lines = split_lines(raw)
    assert [line.text for line in lines] == ["澜州", "青禾"]
    _check_offsets(raw, lines)


def test_sub_restrips_and_keeps_offsets() -> None:
    raw = "xx澜州开展测评 本报记者 方砚秋\n"
    line = split_lines(raw)[0]
    part = line.sub(8, len(line.text))
    assert part.text == "本报记者 方砚秋"
    assert raw[part.start : part.end] == part.text
    head = line.sub(0, 9)
    assert head.text == "xx澜州开展测评"
    assert raw[head.start : head.end] == head.text


LETTER_SPACED = [
    "会 上 ，个 贷 中 心 的 工 作",
    "工 会 在 全 县 46 家 规 上 企 业 推 行",
    "澜\u3000州\u3000市\u3000总\u3000工\u3000会",
]
NOT_LETTER_SPACED = [
    "本报记者 王某 本报通讯员 李某",
    "本报记者 钟雨眠 通讯员 邵一禾",
    "可移动 占地小 功能全",
    "网聚职工正能量 争做澜州好网民",
    "青禾县总工会开出暖心服务清单",
    "a b c",  # too few spaces to judge
]


@pytest.mark.parametrize("text", LETTER_SPACED)
def test_letter_spaced_positive(text: str) -> None:
    assert is_letter_spaced(text)
    raw = f"{text}\n"
    assert split_lines(raw)[0].letter_spaced


@pytest.mark.parametrize("text", NOT_LETTER_SPACED)
def test_letter_spaced_negative(text: str) -> None:
    assert not is_letter_spaced(text)
    assert not split_lines(f"{text}\n")[0].letter_spaced


def test_line_width_is_measured_on_construction() -> None:
    line = split_lines("澜州市，青禾县。\n")[0]
    assert line.width == 7.0  # six ideographs, two marks at half an em
    assert line.punct_count == 2
    assert line.width_with(1.0) == 8.0
    line.remeasure(1.0)
    assert line.width == 8.0
    assert line.first_char == "澜"
    assert line.last_char == "。"


def test_letter_spaced_line_width_ignores_its_spaces() -> None:
    line = split_lines("会 上 ，个 贷 中 心 的 工 作\n")[0]
    assert line.letter_spaced
    assert line.width == 9.5
