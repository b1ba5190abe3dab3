"""Split a group of headline lines into kicker (引题), title (主题) and subtitle (副题)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.joining import join_lines
from reader.lines import Line
from reader.model import TracedText
from reader.units import Unit, is_kicker_text, is_subtitle_text

#: Two stacked headline lines at most this long, of equal length, are a couplet.
COUPLET_MAX = 8


@dataclass(slots=True)
class Headline:
    kicker: TracedText | None = None
    title: TracedText | None = None
    subtitle: TracedText | None = None
    leftover: list[Unit] = field(default_factory=list)  # lines that belong to no headline (labels)


def _join(units: Sequence[Unit], separator: str = "") -> TracedText:
    lines: list[Line] = [line for unit in units for line in unit.lines]
    return join_lines(lines, separator=separator)


def _is_couplet(a: Unit, b: Unit) -> bool:
    """Two short parallel phrases stacked as one headline ("免费培训班 / 拓宽就业路")."""
    la, lb = len(a.text), len(b.text)
    return la <= COUPLET_MAX and la == lb and len(a.lines) == len(b.lines) == 1


def _continues(a: Unit, b: Unit) -> bool:
    """Is ``b`` the second line of a title set over two lines?

    The typesetter stretches the shorter second line to the width of the first
    (letter spacing), or the first line runs far longer than a kicker does.
    """
    return len(a.text) >= 28 and len(b.text) < len(a.text) * 0.5


def _one_line_each(units: Sequence[Unit]) -> list[Unit]:
    """Headline roles go by printed line: split multi-line heading units into lines."""
    out: list[Unit] = []
    for unit in units:
        for line in unit.lines:
            if out and line.letter_spaced and len(out[-1].lines) == 1:
                out[-1] = Unit(unit.kind, [*out[-1].lines, line], unit.measure, heading=True)
            else:
                out.append(Unit(unit.kind, [line], unit.measure, heading=True, wide=unit.wide))
    return out


def split_headline(units: Sequence[Unit]) -> Headline:
    """Assign headline roles to consecutive heading units, in printed order."""
    units = _one_line_each(units)
    head = Headline()
    if not units:
        return head
    if len(units) == 1:
        head.title = _join(units)
        return head
    kicker_at = next((i for i, u in enumerate(units[:-1]) if is_kicker_text(u.text)), None)
    if kicker_at is not None:
        head.leftover.extend(units[:kicker_at])
        head.kicker = _join(units[kicker_at : kicker_at + 1])
        rest = units[kicker_at + 1 :]
        head.title = _join(rest[:1])
        rest = rest[1:]
        if rest and is_subtitle_text(rest[0].text):
            head.subtitle = _join(rest[:1])
            rest = rest[1:]
        head.leftover.extend(rest)
        return head
    first, second = units[0], units[1]
    rest = units[2:]
    if is_subtitle_text(second.text):
        head.title = _join([first])
        head.subtitle = _join([second])
    elif _is_couplet(first, second):
        head.title = _join([first, second], separator=" ")
    elif _continues(first, second):
        head.title = _join([first, second])
    else:
        head.kicker = _join([first])
        head.title = _join([second])
    if rest and head.subtitle is None and (is_subtitle_text(rest[0].text) or len(units) == 3):
        head.subtitle = _join(rest[:1])
        rest = rest[1:]
    head.leftover.extend(rest)
    return head
