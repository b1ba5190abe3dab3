"""A tiny column typesetter for tests: lays invented articles out as a column-line dump.

It mimics what the PDF extractor produces: one printed line per dump line, a blank
line between lines, the first line of each paragraph two characters short (the
indent), headlines placed before or after their body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.charclass import text_width


@dataclass
class Story:
    paragraphs: list[str]
    kicker: str | None = None
    title: str | None = None
    byline: str | None = None
    subheads: dict[int, str] = field(default_factory=dict)  # paragraph index -> subhead before it


#: A justified line may run this far past the measure (punctuation squeezed).
SQUEEZE = 0.5


def set_paragraph(text: str, measure: float) -> list[str]:
    """Break a paragraph into justified column lines, the first indented by two em.

    Like a real typesetter, a line takes one more character when squeezing its
    punctuation lets it fit, so full lines land within half an em of the measure.
    """
    lines: list[str] = []
    current = ""
    limit = measure - 2
    for ch in text:
        if current and text_width(current + ch) > limit + SQUEEZE:
            lines.append(current)
            current = ""
            limit = measure
        current += ch
    if current:
        lines.append(current)
    return lines


def typeset(stories: list[Story], measure: float = 17, title_before: bool = False, header: str | None = None) -> str:
    out: list[str] = []
    if header:
        out.append(header)
    for story in stories:
        head = [h for h in (story.kicker, story.title) if h]
        if title_before:
            out.extend(head)
        if story.byline:
            out.append(story.byline)
        for i, paragraph in enumerate(story.paragraphs):
            if i in story.subheads:
                out.append(story.subheads[i])
            out.extend(set_paragraph(paragraph, measure))
        if not title_before:
            out.extend(head)
    return "\n\n".join(out) + "\n"
