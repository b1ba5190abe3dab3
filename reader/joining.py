"""Join dump lines into one traced string, deciding which spaces are real.

Rules (GOLD-SPEC "canonical text"):
- a space next to full-width punctuation is an artifact;
- a space between a CJK character and a Latin letter or digit is an artifact;
- spaces inside a letter-spaced (justified) line are artifacts;
- a space between two CJK characters elsewhere was put there by the writer
  (names in a byline, phrases of a slogan) and is kept as one ASCII space;
- a space between two Latin words or numbers is kept as one space;
- the space after a list marker opening a line ("- ") is kept;
- a line break becomes nothing, except between two Latin letters (a space,
  traced to the line break) and after a line-end hyphen splitting a Latin word
  (the hyphen is dropped).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.charclass import LINE_END_HYPHENS, is_ascii_word, is_cjk, is_fullwidth_punct
from reader.lines import Line
from reader.model import TracedText


#: List markers that open an item line ("- 标题……作者"); the space after one is formatting.
LIST_MARKERS = frozenset("-–•·●■◆*")


def _space_is_real(left: str, right: str, letter_spaced: bool) -> bool:
    if is_fullwidth_punct(left) or is_fullwidth_punct(right):
        return False
    if letter_spaced:
        # Even a letter-spaced line keeps the space between two Latin words.
        return is_ascii_word(left) and is_ascii_word(right) and not (is_cjk(left) or is_cjk(right))
    left_cjk, right_cjk = is_cjk(left), is_cjk(right)
    if left_cjk and right_cjk:
        return True
    if left_cjk or right_cjk:
        return False
    return True  # two Western tokens, or Western punctuation between them


def line_pieces(line: Line, raw_offset_of: Sequence[int] | None = None) -> list[tuple[str, int]]:
    """The (character, raw offset) pairs of one line with its spaces resolved."""
    text, base = line.text, line.start
    out: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            after_marker = len(out) == 1 and out[0][0] in LIST_MARKERS
            if out and j < n and (after_marker or _space_is_real(out[-1][0], text[j], line.letter_spaced)):
                out.append((" ", base + i))
            i = j
            continue
        out.append((ch, base + i))
        i += 1
    return out


def join_lines(lines: Sequence[Line], *, separator: str = "") -> TracedText:
    """Join lines into one string: line breaks vanish unless the rules above keep them.

    ``separator`` (e.g. a space for two-line parallel headlines) is placed between
    lines and traced to the first character of the line break.
    """
    pieces: list[tuple[str, int]] = []
    for line in lines:
        current = line_pieces(line)
        if not current:
            continue
        if pieces:
            prev_ch, prev_off = pieces[-1]
            next_ch = current[0][0]
            if separator:
                pieces.append((separator, prev_off + 1))
            elif (
                prev_ch in LINE_END_HYPHENS
                and len(pieces) >= 2
                and pieces[-2][0].isascii()
                and pieces[-2][0].isalpha()
                and next_ch.isascii()
                and next_ch.isalpha()
            ):
                pieces.pop()
            elif prev_ch.isascii() and prev_ch.isalpha() and next_ch.isascii() and next_ch.isalpha():
                pieces.append((" ", prev_off + 1))
        pieces.extend(current)
    return TracedText.from_pieces(pieces)
