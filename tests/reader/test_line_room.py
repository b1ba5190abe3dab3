"""Where a column line ends says whether its paragraph ends: rules on the room a line leaves.

Each test names the typesetting fact its rule encodes, on invented text, and fails
without the rule (its weight set to zero).
"""

from __future__ import annotations

import pytest

import reader.evidence as evidence
import reader.line_room as line_room
from reader.evidence import CONT, FIRST, HEAD, LineCues, PageCues, label_run, loose_run_on
from reader.line_room import first_line_slack, opening_unit_excess
from reader.lines import split_lines


def _labels(texts: list[str], measure: float) -> list[int]:
    """The line labels of one run of column lines set to ``measure`` (no kept indents, no blank lines)."""
    lines = split_lines("\n".join(texts) + "\n")
    cues = [LineCues(line, measure, False) for line in lines]
    labels, _ = label_run(cues, PageCues(False, loose_run_on(cues)), [0.0] * len(cues))
    return labels


#: A 16-em column, indents lost: a paragraph, a subhead four em short of the measure with a
#: colon in it, then a paragraph of one line.
SUBHEAD_WITH_ROOM = [
    "青禾县总工会今年在城区新建了六座",
    "户外驿站，处处照顾到骑手的需求。",
    "立足岗位需求：练好本领",
    "驿站的热水和药箱还要增加。",
]

#: A 13-em column: a paragraph opening with a kept indent whose line ending a sentence was letter-spaced to the measure,
#: and a line after it about an indent short.
STRETCHED_SENTENCE_END = [
    "　　青禾县总工会今年把技能",
    "培 训 作 为 服 务 职 工 重 点 。",
    "一是摸清需求，二是抓好",
    "培训，厂里组织技术骨干开展",
    "攻关。",
]


def test_a_short_unpunctuated_line_leaving_room_for_more_is_no_first_line_running_on() -> None:
    """A first line runs on only when the next character did not fit: four em of room makes it a heading."""
    assert _labels(SUBHEAD_WITH_ROOM, 16.0) == [FIRST, CONT, HEAD, FIRST]


def test_without_the_slack_rule_the_subhead_runs_into_the_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same lines with the rule's weight at zero: the heading is read as a first line running on."""
    monkeypatch.setattr(line_room, "FIRST_LINE_SLACK", 0.0)
    assert _labels(SUBHEAD_WITH_ROOM, 16.0)[2:] == [FIRST, CONT]


def test_first_line_slack_grows_with_the_room_and_stops_at_its_cap() -> None:
    """No evidence within an indent and a little justification; then more per em, up to the cap."""
    start = line_room.SLACK_FROM
    assert evidence.INDENT < start
    assert first_line_slack(evidence.INDENT) == 0.0
    assert first_line_slack(start) == 0.0
    assert first_line_slack(start + 1.0) < first_line_slack(start + 0.5) < 0.0
    assert first_line_slack(40.0) == first_line_slack(line_room.SLACK_FROM + line_room.FIRST_LINE_SLACK_CAP)


def test_a_letter_spaced_line_ending_a_sentence_does_not_end_its_paragraph() -> None:
    """A paragraph's last line is set flush left; a line stretched to the measure was justified, so text follows."""
    assert _labels(STRETCHED_SENTENCE_END, 13.0) == [FIRST, CONT, CONT, CONT, CONT]


def test_without_the_stretched_rule_the_paragraph_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "STRETCHED_LAST_LINE", 0.0)
    assert _labels(STRETCHED_SENTENCE_END, 13.0)[2] == FIRST


#: A 15-em column: an indented lead-in paragraph whose last word moved down with the dash
#: after it (a character and the marks that may not open a line move together).
DASH_MOVED_DOWN = [
    "青禾县总工会今年在城区新建了六",
    "座驿站，照顾到骑手的各种需求。",
    "　　以技能培训促进稳定就",
    "业——",
    "　　一是摸清需求，二是",
    "抓好培训，厂里组织技术骨干开",
    "展攻关。",
]


def test_room_taken_by_the_next_lines_opening_unit_is_no_evidence_against_running_on() -> None:
    """The line fell short by the width of "业——", which could not be split: it still ran on."""
    assert _labels(DASH_MOVED_DOWN, 15.0) == [FIRST, CONT, FIRST, CONT, FIRST, CONT, CONT]


def test_without_the_refund_the_lead_in_is_read_as_two_heading_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "lead_refund", lambda room, lead: 0.0)
    assert _labels(DASH_MOVED_DOWN, 15.0)[2:4] == [HEAD, HEAD]


@pytest.mark.parametrize(
    ("text", "excess"),
    [("业——", 2.0), ("业。后来", 0.5), ("2025年", 1.0), ("业务", 0.0), ("A", 0.0)],
)
def test_the_opening_unit_is_a_character_with_its_trailing_marks_or_a_latin_run(text: str, excess: float) -> None:
    assert opening_unit_excess(text) == excess


#: An 18-em column, then a line of running text set wider (a story of another measure):
#: two commas inside and a full stop at its end.
WIDE_RUNNING_LINE = [
    "　　青禾县总工会今年在城区新建了六座户外",
    "驿站，处处照顾到送餐骑手们的各种需求。",
    "驿站热水还要增加，夜里有人值守，参保人数增加。",
    "青禾县职工医疗互助的参保人数又有增加。",
]


def test_a_wide_line_of_running_text_that_closes_a_sentence_is_no_banner() -> None:
    """A headline set across columns holds at most one mark and closes no sentence; this line does both."""
    assert HEAD not in _labels(WIDE_RUNNING_LINE, 18.0)


def test_a_wide_line_without_running_marks_is_still_a_banner() -> None:
    lines = [*WIDE_RUNNING_LINE[:2], "青禾县职工驿站冬季服务全面升级开放试点启动", *WIDE_RUNNING_LINE[3:]]
    assert _labels(lines, 18.0)[2] == HEAD
