"""split_lines measures most lines from counts of the whole page: the same lines as the plain form.

The plain form is the one ``split_lines`` had before its fast path: each stripped
line built by the general :class:`Line` constructor, which measures its own text.
"""

from __future__ import annotations

import random
import re

import pytest

from reader.line_counts import BLANKS, PageCounts
from reader.lines import INDENT_WIDTHS, Line, split_lines
from reader.patterns import CREDIT_HINTS, FURNITURE_HINTS, HINT_KEY_CHARS, opens_with_dateline
from reader.units import _MAYBE_SPECIAL, classify, classify_line
from tests.reader.pagegen import generate_page


def _plain_split(raw: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    gap = False
    for number, chunk in enumerate(raw.splitlines(keepends=True)):
        stripped = chunk.strip()
        if stripped:
            lead = chunk.index(stripped[0])
            indent = sum(INDENT_WIDTHS.get(ch, 0.5) for ch in chunk[:lead])
            out.append(Line(number, pos + lead, pos + lead + len(stripped), stripped, gap or not out, indent))
            gap = False
        else:
            gap = True
        pos += len(chunk)
    return out


def _facts(lines: list[Line]) -> list[tuple]:
    return [
        (ln.number, ln.start, ln.end, ln.text, ln.gap_before, ln.indent, ln.spaced, ln.letter_spaced)
        + (ln.base_width, ln.punct_count, ln.width, ln.running_marks)
        for ln in lines
    ]


def _check_flags(lines: list[Line]) -> None:
    """A line the counts clear of hints or datelines holds none; it is classified as before."""
    for line in lines:
        if not line.may_be_special:
            assert _MAYBE_SPECIAL.search(line.text) is None, line.text
        if not line.may_open_dateline:
            assert "讯" not in line.text and "电" not in line.text and not opens_with_dateline(line.text)
        assert classify(line) is classify_line(line.text)


def test_blanks_are_every_character_a_blank_pattern_matches() -> None:
    everything = "".join(map(chr, range(0x110000)))
    assert "".join(re.findall(r"\s", everything)) == BLANKS


@pytest.mark.parametrize("seed", range(12))
def test_generated_pages_split_as_the_plain_form(seed: int) -> None:
    raw, _gold = generate_page(seed)
    for page in (raw, raw.replace("\n", "\r\n"), raw.replace("\n", "\r"), "\u3000\u3000" + raw.replace("。", "。 ")):
        lines = split_lines(page)
        assert _facts(lines) == _facts(_plain_split(page))
        _check_flags(lines)


def test_pages_with_any_blank_or_newline_split_as_the_plain_form() -> None:
    rng = random.Random(12)
    alphabet = [*"，。、；,;（）“”—…中文字词ab XY12.-", *BLANKS, "\r\n", "\x00", "\u200b", "\U00020000"]
    alphabet += [*HINT_KEY_CHARS, "记者", "作者", "本报讯（", "新华社北京3月2日电"]
    for _ in range(5000):
        page = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        lines = split_lines(page)
        assert _facts(lines) == _facts(_plain_split(page)), repr(page)
        _check_flags(lines)


def test_every_hint_holds_a_key_character() -> None:
    for hint in (*FURNITURE_HINTS, *CREDIT_HINTS.pattern.split("|")):
        assert hint.isalpha() and any(ch in hint for ch in HINT_KEY_CHARS), hint


def test_page_counts_refuse_what_they_cannot_count() -> None:
    assert PageCounts.of("甲，乙\n丙\n", 2) is not None
    assert PageCounts.of("甲\r乙\n", 2) is None  # a line ending other than a newline
    assert PageCounts.of("甲\xa0乙\n", 1) is None  # a blank the counts do not tell apart
    counted = PageCounts.of("\u3000甲，ab;\n记者\n", 2)
    assert counted is not None and counted.blanks == ["\u3000"]
    assert [len(counted.ascii_chars[0]), len(counted.punct[0]), len(counted.running_marks[0])] == [3, 1, 2]
    assert not counted.hints[0] and counted.hints[1] and not counted.datelines[1]
