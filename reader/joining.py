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

import re
from array import array
from collections.abc import Sequence

from reader.charclass import LINE_END_HYPHENS, is_ascii_word, is_cjk, is_fullwidth_punct
from reader.lines import Line
from reader.model import TracedText

_SPACE_RUN = re.compile(r"\s+")
#: Raw offsets 0, 1, 2, … grown on demand: the offsets of any stretch of raw text are a slice
#: of it (a copy in C), instead of a Python loop over a range for every line.
_IOTA = array("q")
#: Above this many code points a dump's offsets are built from a range (no cache kept).
_IOTA_LIMIT = 1 << 22


def offset_run(start: int, end: int) -> array:
    """The raw offsets ``start … end-1`` as an ``array('q')``."""
    size = len(_IOTA)
    if end > size:
        if end > _IOTA_LIMIT:
            return array("q", range(start, end))
        _IOTA.extend(range(size, max(end, 2 * size, 4096)))
    return _IOTA[start:end]


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


def line_pieces(line: Line) -> tuple[str, array]:
    """The text of one line with its spaces resolved, and the raw offset of each character."""
    text, base = line.text, line.start
    if not line.spaced:
        return text, offset_run(base, base + len(text))
    parts: list[str] = []
    offsets = array("q")
    pos = 0
    last = ""
    for match in _SPACE_RUN.finditer(text):
        i, j = match.span()
        if i > pos:
            parts.append(text[pos:i])
            offsets += offset_run(base + pos, base + i)
            last = text[i - 1]
        pos = j
        if not last or j >= len(text):
            continue
        after_marker = len(offsets) == 1 and last in LIST_MARKERS
        if after_marker or _space_is_real(last, text[j], line.letter_spaced):
            parts.append(" ")
            offsets.append(base + i)
            last = " "
    if pos < len(text):
        parts.append(text[pos:])
        offsets += offset_run(base + pos, base + len(text))
    return "".join(parts), offsets


def _plain_join(lines: Sequence[Line]) -> TracedText | None:
    """The common case joined at once: no blank inside any line, no line ending in a Latin
    letter or a hyphen (the only line ends the rules below act on); None otherwise."""
    last_line = lines[-1]
    if len(lines) == 1:
        if last_line.spaced:
            return None
        return TracedText(last_line.text, offset_run(last_line.start, last_line.end))
    top = 0
    texts: list[str] = []
    for line in lines:
        if line.spaced:
            return None
        text = line.text
        if line is not last_line:
            last = text[-1]
            if last < "\x80" or last in LINE_END_HYPHENS:  # (``last.isascii()`` for one character)
                return None
        if line.end > top:
            top = line.end
        texts.append(text)
    offset_run(0, top)  # grows the shared offsets once, so each line is a slice of it
    iota = _IOTA
    if len(iota) < top:  # a dump too long to keep offsets for
        return None
    sources = array("q")
    for line in lines:
        sources += iota[line.start : line.end]
    return TracedText("".join(texts), sources)


def join_lines(lines: Sequence[Line], *, separator: str = "") -> TracedText:
    """Join lines into one string: line breaks vanish unless the rules above keep them.

    ``separator`` (e.g. a space for two-line parallel headlines) is placed between
    lines and traced to the first character of the line break.
    """
    if not separator and lines:
        plain = _plain_join(lines)
        if plain is not None:
            return plain
    parts: list[str] = []
    sources = array("q")
    for line in lines:
        if line.spaced:
            text, offsets = line_pieces(line)
            if not text:
                continue
        else:  # the common case: no blank inside, the offsets are one run
            text, offsets = line.text, offset_run(line.start, line.end)
        if parts:
            prev_text = parts[-1]
            prev_ch, prev_off = prev_text[-1], sources[-1]
            next_ch = text[0]
            if separator:
                parts.append(separator)
                sources.append(prev_off + 1)
            elif (
                prev_ch in LINE_END_HYPHENS
                and len(prev_text) >= 2
                and prev_text[-2].isascii()
                and prev_text[-2].isalpha()
                and next_ch.isascii()
                and next_ch.isalpha()
            ):
                parts[-1] = prev_text[:-1]
                sources.pop()
            elif prev_ch.isascii() and prev_ch.isalpha() and next_ch.isascii() and next_ch.isalpha():
                parts.append(" ")
                sources.append(prev_off + 1)
        parts.append(text)
        sources += offsets
    return TracedText("".join(parts), sources)


_FIELD = re.compile(r"\S+")
#: Date parts that a running header sets without a space ("2025年 10月 1日" -> "2025年10月1日").
_DATE_UNITS = "年月日号"


def join_fields(line: Line) -> TracedText:
    """A running header: its fields separated by one space, its date written solid.

    Headers are set as separate fields ("工会新闻 2025年10月1日 星期三 3"): the
    spaces between fields are layout the reader expects to see, the ones the
    extractor put inside the date are not.
    """
    parts: list[str] = []
    sources = array("q")
    previous = ""
    for match in _FIELD.finditer(line.text):
        token = match.group()
        if previous:
            inside_date = (previous[-1].isdigit() and token[0] in _DATE_UNITS) or (
                previous[-1] in _DATE_UNITS[:2] and token[0].isdigit()
            )
            if not inside_date:
                parts.append(" ")
                sources.append(line.start + match.start() - 1)
        parts.append(token)
        sources += offset_run(line.start + match.start(), line.start + match.end())
        previous = token
    return TracedText("".join(parts), sources)
