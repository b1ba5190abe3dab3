"""The evidence chain of reader/evidence.py on invented column lines."""

from __future__ import annotations

from reader.evidence import CONT, FIRST, HEAD, LineCues, PageCues, gap_evidence, gap_rates, label_run, loose_run_on
from reader.lines import split_lines

MEASURE = 16.0


def _label(text: str, page: PageCues | None = None) -> tuple[list[int], list[float]]:
    lines = split_lines(text)
    cues = [LineCues(line, MEASURE, False) for line in lines]
    return label_run(cues, page or PageCues(False, 0.0), gap_evidence(lines, gap_rates(lines)))


def test_a_line_ending_mid_word_runs_on_however_short() -> None:
    labels, _ = _label(
        "青禾县总工会组织职工开展\n技能培训，二是抓好培训。厂里组织技术\n骨干开展攻关，围绕设备维修课题组建小组。\n"
    )
    assert labels[1:] == [CONT, CONT]


def test_sentence_end_then_indented_line_starts_a_paragraph() -> None:
    labels, confidences = _label(
        "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n截至目前，各小组已提出合理\n化建议一百二十多条。\n"
    )
    assert labels == [FIRST, CONT, FIRST, CONT]
    assert 0.5 < confidences[2] <= 1.0


def test_short_unpunctuated_line_between_paragraphs_is_a_heading() -> None:
    labels, _ = _label(
        "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n体检送到家门口\n截至目前，各小组已提出合理\n化建议一百二十多条。\n"
    )
    assert labels[2] == HEAD
    assert labels[3] == FIRST


def test_every_label_has_a_probability() -> None:
    labels, confidences = _label("技能提升\n行动启动\n青禾县总工会近日发布消息，\n今年将为环卫工人免费体检。\n")
    assert len(labels) == len(confidences) == 4
    assert all(0.0 <= c <= 1.0 for c in confidences)


def test_a_tightly_justified_page_learns_that_loose_lines_are_first_lines() -> None:
    full = LineCues(split_lines("青禾县总工会今年把技能培训作为服")[0], MEASURE, False)
    loose = LineCues(split_lines("青禾县总工会今年")[0], MEASURE, False)
    tight_page = loose_run_on([full] * 200)
    loose_page = loose_run_on([full] * 100 + [loose] * 100)
    assert tight_page < 0.0
    assert loose_page > tight_page


def test_a_line_wider_than_the_column_ending_in_a_comma_is_not_a_banner() -> None:
    """Headlines and banners never stop mid-clause: a wide line ending in "，" runs on in the body."""
    body = "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n"
    run_on = "今年的职工运动会设置趣味项目与民\n俗体育展演，既与街区、商圈和广场融为一体，\n又增加了步行街的烟火气。\n"
    labels, _ = _label(body + run_on)
    assert labels[3] != HEAD
    assert labels[3:] == [CONT, CONT]


def test_a_line_wider_than_the_column_without_closing_mark_is_still_a_banner() -> None:
    body = "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n"
    labels, _ = _label(body + "全县职工技能大赛暨劳动竞赛表彰大会隆重召开\n")
    assert labels[2] == HEAD


def test_a_short_line_ending_in_a_comma_is_not_a_heading() -> None:
    """A heading never stops mid-clause: a short line ending in "，" is body text, however short."""
    body = "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n"
    labels, _ = _label(body + "职工技能大赛，\n各小组已提出合理化建议多条。\n")
    assert labels[2] != HEAD
    labels, _ = _label(body + "职工技能大赛\n各小组已提出合理化建议多条。\n")
    assert labels[2] == HEAD


def test_a_clause_cut_short_after_its_comma_is_no_heading() -> None:
    """A first line that lost its indent and stops a few characters into a new clause runs on."""
    text = (
        "青禾县总工会今年把技能培训作\n为服务职工的重点工作，见效明显。\n"
        "在工会的帮助下，澜州港\n的码头工人都参加了技能培训，\n考核合格率达到九成。\n"
    )
    labels, _ = _label(text)
    assert labels[2] == FIRST
    assert labels[3] == CONT
    # A comma with a whole phrase after it carries no such cue.
    (cut,) = [LineCues(line, MEASURE, False) for line in split_lines("在工会的帮助下，澜州港")]
    (whole,) = [LineCues(line, MEASURE, False) for line in split_lines("在工会，帮助下的澜州港")]
    assert cut.cut_clause and not whole.cut_clause
    assert cut.head < whole.head
