"""Where a column paragraph ends: the measure estimate and the paragraph-start rules."""

from __future__ import annotations

import itertools

import pytest

from reader.columns import (
    HEADING_MARGIN,
    INDENT_TOLERANCE,
    LAST_LINE_MARGIN,
    WIDE_MARGIN,
    ends_sentence,
    estimate_measures,
    heading_punctuation,
    is_wide,
    starts_paragraph,
)
from reader.lines import Line, split_lines

MEASURE = 16.0
_POOL = "澜州市总工会今年在全市开展职工技能提升行动青禾县组织培训班一百二十多期内容涵盖焊接电工数控加工等工种"


def ideographs(n: int, offset: int = 0) -> str:
    return "".join(itertools.islice(itertools.cycle(_POOL), offset, offset + n))


def line(text: str) -> Line:
    lines = split_lines(text)
    assert len(lines) == 1
    return lines[0]


def full(offset: int = 0) -> Line:
    """A full column line (16 em) that runs on, with two commas."""
    text = ideographs(7, offset) + "，" + ideographs(7, offset + 7) + "，" + ideographs(1, offset + 14)
    result = line(text)
    assert result.width == MEASURE
    return result


def starts(prev: Line, nxt: Line, block_start: bool = False) -> bool:
    return starts_paragraph(prev, nxt, MEASURE, MEASURE, block_start)


# --- sentence ends -----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["开放。", "开放！", "他说：", "开放。”", "开放？）", "学到真本事。”）", "议事角——", "等等…"]
)
def test_ends_sentence(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["开放，", "开放", "“开放”", "）", "", "2025"])
def test_does_not_end_sentence(text: str) -> None:
    assert not ends_sentence(text)


def test_heading_punctuation_counts_sentence_marks() -> None:
    assert heading_punctuation("把车间里的小意见就地办好") == 0
    assert heading_punctuation("从“一个人的成长”到“一群人的提升”") == 0
    assert heading_punctuation("澜州，青禾、白鹭；石桥。") == 4
    assert heading_punctuation("a,b;c") == 2


# --- the paragraph-start rules ----------------------------------------------


def test_indented_line_after_a_sentence_end_starts_a_paragraph() -> None:
    prev = line(ideographs(15) + "。")  # a full last line ending the sentence
    indented = line(ideographs(14))  # two em indent
    assert prev.width == MEASURE - 0.5
    assert starts(prev, indented)


def test_a_full_line_never_starts_a_paragraph() -> None:
    prev = line(ideographs(15) + "。")
    assert not starts(prev, full())
    # Even a line only a little short of the measure (inside the tolerance).
    nearly = line(ideographs(15) + "，")
    assert nearly.width > MEASURE - INDENT_TOLERANCE
    assert not starts(prev, nearly)


def test_short_last_line_ending_a_sentence_closes_the_paragraph() -> None:
    short = line(ideographs(6) + "。")
    assert short.width <= MEASURE - LAST_LINE_MARGIN
    assert starts(short, full())  # whatever follows, even a full line


def test_run_on_full_line_continues() -> None:
    assert not starts(full(0), full(3))
    assert not starts(full(0), line(ideographs(15) + "。"))


def test_short_unpunctuated_heading_before_an_indented_line_splits() -> None:
    heading = line("让小纠纷就地解决")
    assert heading.width <= MEASURE - HEADING_MARGIN
    assert starts(heading, line(ideographs(14)))
    # A full line after a heading does not start anything by itself (no block start) ...
    assert not starts(heading, full())
    # ... but it does when the line opens a block set apart from the heading.
    assert starts(heading, full(), block_start=True)


def test_first_line_followed_by_squeezed_continuation_does_not_split() -> None:
    first = line(ideographs(5) + "，" + ideographs(8) + "，")  # indented first line, 14 em, runs on
    squeezed = line(ideographs(14) + "，、")  # a continuation squeezed 1.0-1.8 em short of the measure
    assert first.width == MEASURE - 2
    assert MEASURE - 1.8 < squeezed.width <= MEASURE - INDENT_TOLERANCE
    assert not starts(first, squeezed)


def test_indented_line_after_an_unpunctuated_full_heading_starts() -> None:
    # A line a full indent short that runs on is a first line: what came before ended.
    heading = line(ideographs(15))
    first = line(ideographs(14))
    assert starts(heading, first)
    # But not after running text with several commas: then it is a run-on line.
    assert not starts(full(), first)


def test_indented_line_ending_a_sentence_after_unpunctuated_full_line_continues() -> None:
    # Too short to be a continuation, but it ends the sentence: the last line of the paragraph.
    assert not starts(line(ideographs(15)), line(ideographs(13) + "。"))


def test_letter_spaced_lines_continue() -> None:
    spaced = line("会 上 ，个 贷 中 心 的 工 作")
    assert spaced.letter_spaced
    assert spaced.width < MEASURE - HEADING_MARGIN
    assert not starts(full(), spaced)
    assert not starts(line(ideographs(15) + "。"), spaced)
    # A letter-spaced line ending a sentence is not taken for a short last line.
    ended = line("工 作 安 排 已 经 完 成 。")
    assert ended.letter_spaced
    assert not starts(ended, full())


def test_a_line_much_wider_than_the_column_is_separate() -> None:
    wide = line(ideographs(22))
    assert wide.width > MEASURE + WIDE_MARGIN
    assert is_wide(wide, MEASURE)
    assert starts(full(), wide)
    assert starts(wide, full())
    assert not is_wide(line(ideographs(17)), MEASURE)


def test_dateline_is_not_a_heading_at_a_block_start() -> None:
    dateline = line("本报讯（记者方砚秋）")
    assert not starts(dateline, full(), block_start=True)
    assert starts(line("澜州职工书屋开放"), full(), block_start=True)


# --- the measure estimate ----------------------------------------------------


def _column(*widths: int) -> list[Line]:
    raw = "\n".join(ideographs(w, i) for i, w in enumerate(widths)) + "\n"
    return split_lines(raw)


def test_measure_of_a_plain_column() -> None:
    lines = _column(14, 16, 16, 16, 9, 14, 16, 16, 16, 16, 5, 14, 16, 16, 16, 12)
    assert estimate_measures(lines, [0] * len(lines)) == [16.0] * len(lines)


def test_measure_small_sample_takes_the_widest() -> None:
    lines = _column(14, 16, 9)
    assert estimate_measures(lines, [0, 0, 0]) == [16.0, 16.0, 16.0]


def test_measure_ignores_a_wide_headline() -> None:
    widths = [14, 16, 16, 16, 9, 30, 14, 16, 16, 16, 5, 14, 16, 16, 16, 12]
    lines = _column(*widths)
    measures = estimate_measures(lines, [0] * len(lines))
    assert measures == [16.0] * len(lines)
    assert is_wide(lines[5], measures[5])


def test_measure_ignores_letter_spaced_lines() -> None:
    raw = "\n".join([ideographs(16, i) for i in range(4)] + ["会 上 ，个 贷 中 心 的 工 作"] * 3) + "\n"
    lines = split_lines(raw)
    assert [ln.letter_spaced for ln in lines] == [False] * 4 + [True] * 3
    assert estimate_measures(lines, [0] * len(lines)) == [16.0] * len(lines)


def test_measure_of_a_segment_of_letter_spaced_lines_only() -> None:
    lines = split_lines("会 上 ，个 贷 中 心 的 工 作\n")
    assert estimate_measures(lines, [0]) == [lines[0].width]


def test_measure_is_per_segment() -> None:
    lines = _column(16, 16, 16, 16, 12, 12, 12)
    assert estimate_measures(lines, [0, 0, 0, 0, 1, 1, 1]) == [16.0] * 4 + [12.0] * 3


def test_measure_slides_along_a_long_segment() -> None:
    widths = [16] * 40 + [20] * 40
    lines = _column(*widths)
    measures = estimate_measures(lines, [0] * len(lines))
    assert measures[:20] == [16.0] * 20
    assert measures[-20:] == [20.0] * 20


def test_measure_of_nothing() -> None:
    assert estimate_measures([], []) == []
