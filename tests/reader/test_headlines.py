"""Headline roles: kicker (引题), title (主题), subtitle (副题) and leftover labels."""

from __future__ import annotations

from reader.headlines import Headline, split_headline
from reader.lines import split_lines
from reader.model import TracedText
from reader.units import Unit, UnitKind, is_kicker_text, is_subtitle_text


def _units(*texts: str) -> tuple[list[Unit], str]:
    raw = "\n".join(texts) + "\n"
    return [Unit(UnitKind.TEXT, [line], 16.0, heading=True) for line in split_lines(raw)], raw


def _roles(*texts: str) -> tuple[Headline, str]:
    units, raw = _units(*texts)
    head = split_headline(units)
    for traced in (head.kicker, head.title, head.subtitle):
        if traced is not None:
            _assert_traced(raw, traced)
    return head, raw


def _assert_traced(raw: str, traced: TracedText) -> None:
    for ch, src in zip(traced.text, traced.sources, strict=True):
        assert ch == raw[src] or (ch == " " and raw[src].isspace())


def _s(value: TracedText | None) -> str | None:
    return None if value is None else str(value)


def test_kicker_and_title_markers() -> None:
    assert is_kicker_text("青禾县首个县级职工服务阵地建成开放——")
    assert is_kicker_text("澜州港推行远程操控--")
    assert not is_kicker_text("——澜江纺织有限公司纪实")
    assert is_subtitle_text("——澜江纺织有限公司纪实")
    assert is_subtitle_text("—澜江纺织有限公司纪实")
    assert not is_subtitle_text("澜江纺织有限公司纪实——")


def test_no_units() -> None:
    head = split_headline([])
    assert (head.kicker, head.title, head.subtitle, head.leftover) == (None, None, None, [])


def test_one_line_is_the_title() -> None:
    head, _ = _roles("澜州开展劳动关系和谐指数测评")
    assert _s(head.title) == "澜州开展劳动关系和谐指数测评"
    assert head.kicker is None and head.subtitle is None and not head.leftover


def test_kicker_ending_in_dash_then_title() -> None:
    head, _ = _roles("青禾县首个县级职工服务阵地建成开放——", "职工有了“家门口”的服务中心")
    assert _s(head.kicker) == "青禾县首个县级职工服务阵地建成开放——"
    assert _s(head.title) == "职工有了“家门口”的服务中心"
    assert head.subtitle is None


def test_title_then_subtitle_opening_with_dash() -> None:
    head, _ = _roles("职工有了“家门口”的服务中心", "——青禾县首个县级职工服务阵地建成开放")
    assert head.kicker is None
    assert _s(head.title) == "职工有了“家门口”的服务中心"
    assert _s(head.subtitle) == "——青禾县首个县级职工服务阵地建成开放"


def test_kicker_title_subtitle() -> None:
    head, _ = _roles(
        "让每一名青年职工都有奔头",
        "“师带徒”积分制催生一批技术能手",
        "——澜江纺织有限公司工会推进青年职工技能成长纪实",
    )
    assert _s(head.kicker) == "让每一名青年职工都有奔头"
    assert _s(head.title) == "“师带徒”积分制催生一批技术能手"
    assert _s(head.subtitle) == "——澜江纺织有限公司工会推进青年职工技能成长纪实"
    assert not head.leftover


def test_two_unmarked_lines_are_kicker_and_title() -> None:
    head, _ = _roles("让每一名青年职工都有奔头", "“师带徒”积分制催生一批技术能手")
    assert _s(head.kicker) == "让每一名青年职工都有奔头"
    assert _s(head.title) == "“师带徒”积分制催生一批技术能手"


def test_three_unmarked_lines_are_kicker_title_subtitle() -> None:
    head, _ = _roles("让每一名青年职工都有奔头", "“师带徒”积分制催生一批技术能手", "澜江纺织工会纪实")
    assert _s(head.kicker) == "让每一名青年职工都有奔头"
    assert _s(head.subtitle) == "澜江纺织工会纪实"


def test_couplet_of_two_short_equal_phrases_is_one_title() -> None:
    head, raw = _roles("免费培训班", "拓宽就业路")
    assert head.kicker is None
    assert _s(head.title) == "免费培训班 拓宽就业路"
    assert head.title is not None
    space = head.title.text.index(" ")
    assert raw[head.title.sources[space]] == "\n"


def test_unequal_short_phrases_are_not_a_couplet() -> None:
    head, _ = _roles("免费培训班", "拓宽职工就业路")
    assert _s(head.kicker) == "免费培训班"
    assert _s(head.title) == "拓宽职工就业路"


def test_long_title_broken_over_two_lines_is_one_title() -> None:
    first = "澜州市总工会联合人社部门在全市规上企业开展劳动关系和谐指数测评"
    head, _ = _roles(first, "覆盖一千二百家企业")
    assert len(first) >= 28
    assert head.kicker is None
    assert _s(head.title) == first + "覆盖一千二百家企业"


def test_letter_spaced_second_line_joins_the_title() -> None:
    head, _ = _roles("青禾县总工会开出", "暖 心 服 务 清 单")
    assert head.kicker is None
    assert _s(head.title) == "青禾县总工会开出暖心服务清单"


def test_label_after_kicker_and_title_is_leftover() -> None:
    head, _ = _roles("青禾县首个县级职工服务阵地建成开放——", "职工有了“家门口”的服务中心", "社论")
    assert _s(head.kicker) == "青禾县首个县级职工服务阵地建成开放——"
    assert _s(head.title) == "职工有了“家门口”的服务中心"
    assert head.subtitle is None
    assert [u.text for u in head.leftover] == ["社论"]


def test_label_before_the_kicker_is_leftover() -> None:
    head, _ = _roles("县域观察", "青禾县首个县级职工服务阵地建成开放——", "职工有了“家门口”的服务中心")
    assert [u.text for u in head.leftover] == ["县域观察"]
    assert _s(head.kicker) == "青禾县首个县级职工服务阵地建成开放——"


def test_lines_after_the_subtitle_are_leftover() -> None:
    head, _ = _roles("让每一名青年职工都有奔头", "“师带徒”积分制催生一批技术能手", "澜江纺织", "青禾")
    assert _s(head.kicker) == "让每一名青年职工都有奔头"
    assert _s(head.title) == "“师带徒”积分制催生一批技术能手"
    assert head.subtitle is None
    assert [u.text for u in head.leftover] == ["澜江纺织", "青禾"]


def test_multi_line_unit_is_split_into_printed_lines() -> None:
    raw = "青禾县首个县级职工服务阵地建成开放——\n职工有了“家门口”的服务中心\n"
    unit = Unit(UnitKind.TEXT, split_lines(raw), 16.0, heading=True)
    head = split_headline([unit])
    assert _s(head.kicker) == "青禾县首个县级职工服务阵地建成开放——"
    assert _s(head.title) == "职工有了“家门口”的服务中心"


def test_title_keeps_a_phrase_space() -> None:
    head, _ = _roles("可移动 占地小 功能全")
    assert _s(head.title) == "可移动 占地小 功能全"
