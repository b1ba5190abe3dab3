"""Joining dump lines: which spaces and line breaks survive (GOLD-SPEC canonical text)."""

from __future__ import annotations

import pytest

from reader.joining import join_lines, line_pieces
from reader.lines import split_lines
from reader.model import TracedText


def _join(raw: str, separator: str = "") -> TracedText:
    traced = join_lines(split_lines(raw), separator=separator)
    _assert_traces(raw, traced)
    return traced


def _assert_traces(raw: str, traced: TracedText) -> None:
    assert len(traced.text) == len(traced.sources)
    for out, src in zip(traced.text, traced.sources, strict=True):
        assert out == raw[src] or (out == " " and raw[src].isspace()), (out, src, raw[src])
    assert list(traced.sources) == sorted(set(traced.sources)), "sources must increase strictly"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("本报讯 （记者孟青萝）9月 4日，", "本报讯（记者孟青萝）9月4日，"),
        ("澜州 ，青禾", "澜州，青禾"),
        ("“ 网聚职工正能量 争做好网民 ”", "“网聚职工正能量 争做好网民”"),
        ("《 澜州工运 》", "《澜州工运》"),
        ("澜州 —— 青禾", "澜州——青禾"),
    ],
)
def test_space_next_to_fullwidth_punctuation_is_dropped(raw: str, expected: str) -> None:
    assert _join(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("在 54家企业", "在54家企业"),
        ("2024 年底", "2024年底"),
        ("LED 宣传", "LED宣传"),
        ("共 1200 家企业", "共1200家企业"),
        ("澜工 e 家", "澜工e家"),
    ],
)
def test_space_between_cjk_and_digit_or_latin_is_dropped(raw: str, expected: str) -> None:
    assert _join(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("会 上 ，个 贷 中 心 的 工 作 安 排", "会上，个贷中心的工作安排"),
        ("工 会 在 全 县 46 家 规 上 企 业 推 行", "工会在全县46家规上企业推行"),
        ("澜\u3000州\u3000市\u3000总\u3000工\u3000会", "澜州市总工会"),
    ],
)
def test_letter_spaced_line_loses_its_spaces(raw: str, expected: str) -> None:
    assert split_lines(raw)[0].letter_spaced
    assert _join(raw).text == expected


def test_letter_spaced_line_keeps_space_between_latin_words() -> None:
    raw = "采 用 of the 新 技 术 的 工 人"
    assert split_lines(raw)[0].letter_spaced
    assert _join(raw).text == "采用of the新技术的工人"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("本报记者 刘小溪 本报通讯员 王大川", "本报记者 刘小溪 本报通讯员 王大川"),
        ("可移动  占地小\u3000功能全", "可移动 占地小 功能全"),
        ("澜州\t青禾", "澜州 青禾"),
    ],
)
def test_space_between_cjk_words_is_one_ascii_space(raw: str, expected: str) -> None:
    assert _join(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("open source  software", "open source software"),
        ("12 34", "12 34"),
        ("Smart Port 2.0", "Smart Port 2.0"),
        ("A\u3000B", "A B"),
    ],
)
def test_space_between_latin_words_is_kept(raw: str, expected: str) -> None:
    assert _join(raw).text == expected


def test_line_break_between_latin_letters_is_a_space_traced_to_the_break() -> None:
    raw = "the quick\nbrown fox"
    traced = _join(raw)
    assert traced.text == "the quick brown fox"
    space = traced.text.index(" ", 4)
    assert raw[traced.sources[space]] == "\n"


def test_line_break_after_digit_or_punct_adds_nothing() -> None:
    assert _join("Port 2\nbrown").text == "Port 2brown"
    assert _join("page.\nNext").text == "page.Next"


@pytest.mark.parametrize("hyphen", ["\u2043", "-", "\u2010", "\u00ad"])
def test_line_end_hyphen_joins_a_latin_word(hyphen: str) -> None:
    raw = f"“澜港通”（Smart{hyphen}\nPort）平台"
    traced = _join(raw)
    assert traced.text == "“澜港通”（SmartPort）平台"
    assert hyphen not in traced.text


def test_hyphen_between_digits_or_after_cjk_is_kept() -> None:
    assert _join("2-\n3").text == "2-3"
    assert _join("澜州-\nabc").text == "澜州-abc"
    assert _join("RQ-\n澜州").text == "RQ-澜州"


@pytest.mark.parametrize(
    "raw",
    ["澜州市总工会\n召开推进会", "澜州市总工会，\n召开推进会", "abc\n澜州", "澜州\nabc", "2025\n年"],
)
def test_line_break_next_to_cjk_adds_nothing(raw: str) -> None:
    assert _join(raw).text == raw.replace("\n", "")


def test_list_marker_space_is_kept() -> None:
    assert _join("- 青禾县工会工作纪实  王某").text == "- 青禾县工会工作纪实 王某"
    assert _join("• 澜州职工书屋").text == "• 澜州职工书屋"
    # Only a marker opening the line keeps its space; elsewhere the usual rules apply.
    assert _join("2024 - 2025").text == "2024 - 2025"
    assert _join("青禾 - 澜州").text == "青禾-澜州"


def test_separator_is_placed_between_lines_and_traced_to_the_break() -> None:
    raw = "免费培训班\n拓宽就业路\n"
    traced = _join(raw, separator=" ")
    assert traced.text == "免费培训班 拓宽就业路"
    assert raw[traced.sources[5]] == "\n"


def test_crlf_and_lf_give_the_same_text() -> None:
    lf = "the quick\nbrown fox 在 54家\n企业"
    assert _join(lf.replace("\n", "\r\n")).text == _join(lf).text


def test_line_pieces_without_spaces_is_verbatim() -> None:
    raw = "xx\n青禾县总工会"
    line = split_lines(raw)[1]
    chars, offsets = line_pieces(line)
    assert "".join(chars) == "青禾县总工会"
    assert list(offsets) == list(range(3, 9))


def test_spaces_at_the_line_ends_never_survive() -> None:
    line = split_lines("  澜州 青禾  ")[0]
    chars, offsets = line_pieces(line)
    assert "".join(chars) == "澜州 青禾"
    assert list(offsets) == [2, 3, 4, 5, 6]


def test_join_of_nothing() -> None:
    assert join_lines([]) == TracedText("", ())


def test_paragraph_across_many_lines_traces_every_char() -> None:
    raw = (
        "本报讯 （记者孟青萝）9月 4日，青禾县\n"
        "首个县级职工服务中心在县城文昌路建成开\n"
        "放。中心面积约1600平方米，设有职工书屋、\n"
        "功能区12 个，每天开放 12 小时，通过“澜\n"
        "工 e 家”平台预约。\n"
    )
    traced = _join(raw)
    assert traced.text == (
        "本报讯（记者孟青萝）9月4日，青禾县首个县级职工服务中心在县城文昌路建成开放。"
        "中心面积约1600平方米，设有职工书屋、功能区12个，每天开放12小时，通过“澜工e家”平台预约。"
    )


def test_offsets_of_lines_with_and_without_blanks_point_at_their_raw_characters() -> None:
    # Lines without a blank take the fast path (one run of offsets); lines with blanks are resolved.
    raw = "职工技能培训\n　　服务 平台 建设\nAB CD\n" + "推进基层" * 3000 + "\n"
    lines = split_lines(raw)
    assert [line.spaced for line in lines] == [False, True, True, False]
    joined = join_lines(lines)
    assert all(raw[offset] == ch for ch, offset in zip(joined.text, joined.sources, strict=True) if ch != " ")
    assert joined.text.startswith("职工技能培训服务 平台 建设AB CD推进基层")
    assert list(joined.sources[-3:]) == [len(raw) - 4, len(raw) - 3, len(raw) - 2]
