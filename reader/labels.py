"""A section label above a headline: the line under it is the title, not the body's first line.

Papers set an editorial under a label of its column (社论, 评论员文章): the label,
then the headline, then the body. In a column dump the title line under the label
is short and unpunctuated like a paragraph's indented first line, so the line
labelling may run it on into the body. The label settles it: what stands directly
under a label is the headline it labels.
"""

from __future__ import annotations

from dataclasses import replace

from reader.patterns import EDITORIAL_LABEL
from reader.subheads import reads_as_whole_heading
from reader.units import Unit, ends_with_terminal


def is_section_label(unit: Unit) -> bool:
    """A heading line that is a column label and nothing else."""
    return (
        unit.is_text
        and unit.heading
        and len(unit.lines) == 1
        and EDITORIAL_LABEL.fullmatch("".join(unit.text.split())) is not None
    )


def _title_line(unit: Unit) -> bool:
    """The unit's first line can stand as a headline: a whole phrase, no sentence end, no dateline."""
    text = unit.first.text.strip()
    return bool(text) and not unit.dateline and not ends_with_terminal(text) and reads_as_whole_heading(text)


def title_under_label(units: list[Unit]) -> list[Unit]:
    """Split the first line off a body unit that stands directly under a section label: it is the title."""
    labels = [k for k, unit in enumerate(units) if unit.heading and is_section_label(unit)]
    if not labels:
        return units  # (most pages: no label, nothing copied)
    out = list(units)
    for k in reversed(labels):  # (from the end: an insertion leaves the earlier indices as they were)
        if k + 1 >= len(out):
            continue
        unit = out[k + 1]
        if unit.is_body and not unit.caption and _title_line(unit):
            parts = [replace(unit, lines=unit.lines[:1], heading=True)]
            if len(unit.lines) > 1:
                parts.append(replace(unit, lines=unit.lines[1:]))
            out[k + 1 : k + 2] = parts
    return out
